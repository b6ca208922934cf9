import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import { Department, DepartmentKind } from '../tenancy/entities';
import { CoordinationPoint, CoordinationPointKind, CoordinationSide, ResponsibilityAssignment, WorkArea } from './entities';
import { SetCoordinationPointInput, SetResponsibilityMatrixInput } from './inputs';
import { coordinationMessages as m } from './messages';

const MAX_MATRIX_ROWS = 300;
const WORK_AREAS = Object.values(WorkArea);

/** The side a department stands on: bureau sections and the centre's own departments only. */
export function sideOf(department: Department): CoordinationSide | null {
  if (department.kind === DepartmentKind.APPROVAL_BUREAU) return CoordinationSide.BUREAU;
  if (department.kind === DepartmentKind.CENTRE) return CoordinationSide.CENTRE;
  return null;
}

const sideOfPoint = (point: CoordinationPointKind): CoordinationSide =>
  point === CoordinationPointKind.BUREAU_OFFICE || point === CoordinationPointKind.BUREAU_COORDINATION ? CoordinationSide.BUREAU : CoordinationSide.CENTRE;

// ---- routing points (二、衔接方式) -------------------------------------------------

/** The routing points of a tenant, read in `db`'s scope (the system's for a check). */
export function coordinationPointsOf(db: Db, tenantId: number): Promise<CoordinationPoint[]> {
  return db.scoped(CoordinationPoint).query('p').andWhere('p.tenantId = :tenantId', { tenantId }).orderBy('p.point').getMany();
}

/**
 * Which department of tenant `tenantId` is the routing point `point` (e.g. the centre's
 * 业务协调部: CENTRE_COORDINATION), or null while the centre has not named it.
 */
export async function coordinationDepartmentId(db: Db, tenantId: number, point: CoordinationPointKind): Promise<number | null> {
  const row = await db.scoped(CoordinationPoint).query('p').andWhere('p.tenantId = :tenantId AND p.point = :point', { tenantId, point }).getOne();
  return row?.departmentId ?? null;
}

/** A readable centre's routing points; null when the centre is missing or out of scope. */
export async function coordinationPoints(ctx: RequestContext, tenantCode: string): Promise<CoordinationPoint[] | null> {
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  return tenant ? coordinationPointsOf(ctx.db, tenant.id) : null;
}

/** A department of the viewer's own centre by global id (NOT_FOUND for another tenant's). */
export async function ownDepartment(ctx: RequestContext, tenantId: number, globalId: string, field: string): Promise<Department> {
  const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', globalId, field));
  if (!department) throw new NotFoundError(nouns.department);
  if (department.tenantId !== tenantId) throw new BadUserInputError(m.ownCentreDepartment, field);
  return department;
}

/** Centre admin: names the department that plays a routing point in the own centre. */
export async function setCoordinationPoint(ctx: RequestContext, input: SetCoordinationPointInput): Promise<CoordinationPoint> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const department = await ownDepartment(ctx, viewer.tenantId, input.departmentId, 'input.departmentId');
  if (sideOf(department) !== sideOfPoint(input.point)) throw new BadUserInputError(m.pointSide(input.point), 'input.departmentId');
  return ctx.db.transaction(async (db) => {
    const points = db.scoped(CoordinationPoint);
    const existing = await points.query('p').andWhere('p.tenantId = :tenantId AND p.point = :point', { tenantId: viewer.tenantId, point: input.point }).getOne();
    if (existing) {
      await points.update(existing, { departmentId: department.id });
      return points.getById(existing.id);
    }
    return points.save(points.create({ tenantId: viewer.tenantId, point: input.point, departmentId: department.id }));
  });
}

// ---- responsibility matrix (三、交叉事项) -----------------------------------------

/** The matrix of a tenant, by area, bureau side first, leads first. */
export function responsibilitiesOf(db: Db, tenantId: number, area?: WorkArea): Promise<ResponsibilityAssignment[]> {
  const query = db.scoped(ResponsibilityAssignment).query('r').andWhere('r.tenantId = :tenantId', { tenantId });
  if (area) query.andWhere('r.area = :area', { area });
  return query.getMany().then((rows) =>
    rows.sort((a, b) => WORK_AREAS.indexOf(a.area) - WORK_AREAS.indexOf(b.area) || a.side.localeCompare(b.side) || a.responsibility.localeCompare(b.responsibility) || a.id - b.id),
  );
}

/** A readable centre's matrix (optionally one area); null when the centre is missing or out of scope. */
export async function responsibilityMatrix(ctx: RequestContext, tenantCode: string, area?: WorkArea): Promise<ResponsibilityAssignment[] | null> {
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  return tenant ? responsibilitiesOf(ctx.db, tenant.id, area) : null;
}

/** Centre admin: replaces the own centre's matrix in one transaction; every row's problem at once. */
export async function setResponsibilityMatrix(ctx: RequestContext, input: SetResponsibilityMatrixInput): Promise<ResponsibilityAssignment[]> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const check = new InputCheck();
  check.that(input.rows.length <= MAX_MATRIX_ROWS, 'input.rows', m.matrixSize);
  check.done();
  const departments = new Map((await tenancy.departmentsOf(ctx, viewer.tenantId)).map((d) => [d.id, d]));
  const seen = new Set<string>();
  const rows = input.rows.map((row, i) => {
    const field = (name: string) => `input.rows.${i}.${name}`;
    const id = decodeGlobalIdOf('Department', row.departmentId, field('departmentId'));
    const department = departments.get(id);
    const side = department ? sideOf(department) : null;
    if (check.that(department !== undefined, field('departmentId'), m.ownCentreDepartment)) check.that(side !== null, field('departmentId'), m.matrixSide);
    check.that(!seen.has(`${row.area}:${id}`), field('departmentId'), m.matrixRepeated);
    seen.add(`${row.area}:${id}`);
    const duties = row.duties?.trim() ?? '';
    check.that([...duties].length <= 500, field('duties'), m.duties);
    return { tenantId: viewer.tenantId, area: row.area, side: side!, departmentId: id, responsibility: row.responsibility, duties };
  });
  check.done();
  await ctx.db.transaction(async (db) => {
    const matrix = db.scoped(ResponsibilityAssignment);
    await matrix.deleteWhere({});
    await matrix.insertMany(rows);
  });
  return responsibilitiesOf(ctx.db, viewer.tenantId);
}

export const nodeLoaders = {
  CoordinationPoint: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(CoordinationPoint).findByIds(ids),
  ResponsibilityAssignment: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(ResponsibilityAssignment).findByIds(ids),
};
