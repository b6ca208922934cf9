/** 帮办代办 on cases (鞍山 衔接 三.3 数据统计, 三.6 项目服务). */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import { DepartmentKind } from '../tenancy/entities';
import { AgencyService, AgencyServiceKind, Application } from './entities';
import { RecordAgencyServiceInput } from './inputs';
import { applicationMessages as m } from './messages';

const records = (db: Db) => db.scoped(AgencyService);

/** The case's 帮办代办 record, batched over the cases of a page; null for none. */
export async function agencyServiceOf(ctx: RequestContext, application: Application): Promise<AgencyService | null> {
  const rows = await ctx.loaders
    .get('AgencyService.byApplication', () =>
      groupedLoader((ids) => records(ctx.db).query('s').andWhere('s.applicationId IN (:...ids)', { ids }).getMany(), (row) => row.applicationId),
    )
    .load(application.id);
  return rows[0] ?? null;
}

/** Staff of the centre (三.6: 帮办代办 is the centre's service): a department of the centre's own (CENTRE). */
async function inCentreDepartment(ctx: RequestContext, departmentId: number): Promise<boolean> {
  return (await tenancy.loadDepartment(ctx, departmentId))?.kind === DepartmentKind.CENTRE;
}

/** Who records: a centre admin, or window staff of a centre department (业务协调部, 窗口服务部), not a stationed department's. */
async function requireRecorder(ctx: RequestContext): Promise<Viewer> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.WINDOW_STAFF);
  if (!viewer.roles.has(Role.CENTRE_ADMIN) && !(await inCentreDepartment(ctx, viewer.departmentId))) throw new ForbiddenError(m.agencyRecorders);
  return viewer;
}

/**
 * Records the 帮办代办 of a case of the own centre, or with its version replaces it: who
 * helped (an active staff member of a centre department), in which programme, for which
 * key project, when.
 */
export async function recordAgencyService(ctx: RequestContext, input: RecordAgencyServiceInput): Promise<AgencyService> {
  const viewer = await requireRecorder(ctx);
  const now = ctx.now();
  const check = new InputCheck();
  const projectName = check.text(input.projectName, 'input.projectName', 200);
  const note = (input.note ?? '').trim();
  check.that(note.length <= 500, 'input.note', m.agencyNoteLength);
  check.that(input.helpedAt <= now, 'input.helpedAt', m.agencyHelpedLater);
  check.done();
  const applicationId = decodeGlobalIdOf('Application', input.applicationId, 'input.applicationId');
  const helperId = decodeGlobalIdOf('User', input.helperId, 'input.helperId');
  const fields = { kind: input.kind as AgencyServiceKind, projectName, helperId, helpedAt: input.helpedAt, note, recordedById: viewer.userId, recordedAt: now };
  try {
    const id = await ctx.db.transaction(async (db) => {
      const application = await db.scoped(Application).findById(applicationId);
      // A superior centre reads its counties' cases but records nothing there: the same answer as a missing case.
      if (!application || application.tenantId !== viewer.tenantId) throw new NotFoundError(nouns.application);
      const helper = await tenancy.loadUser(ctx, helperId);
      if (!helper || helper.tenantId !== viewer.tenantId || !helper.active || !(await inCentreDepartment(ctx, helper.departmentId))) {
        throw new BadUserInputError(m.agencyHelper, 'input.helperId');
      }
      const existing = await records(db).query('s').andWhere('s.applicationId = :applicationId', { applicationId }).getOne();
      if (existing) {
        if (input.version === null || input.version === undefined) throw new ConflictError(m.agencyRecorded, { field: 'version' });
        await records(db).updateVersioned(existing, input.version, fields);
        return existing.id;
      }
      return (await records(db).save(records(db).create({ tenantId: viewer.tenantId, applicationId, ...fields }))).id;
    });
    return records(ctx.db).getById(id);
  } catch (error) {
    // Two clerks recording the same case at once: the unique key lets one win.
    if (isDuplicateKey(error)) throw new ConflictError(m.agencyRecorded, { field: 'version' });
    throw error;
  }
}

/** 帮办代办 of one programme and key project in a period: how many cases were helped. */
export interface AgencyServiceCount {
  kind: AgencyServiceKind;
  projectName: string;
  cases: number;
}

/** The 帮办代办 given in [from, to) in a centre, per programme and key project: one aggregate statement. */
export async function agencyServicesBetween(db: Db, tenantId: number, from: Date, to: Date): Promise<AgencyServiceCount[]> {
  const rows = await records(db)
    .query('s')
    .select('s.kind', 'kind')
    .addSelect('s.projectName', 'projectName')
    .addSelect('COUNT(*)', 'cases')
    .andWhere('s.tenantId = :tenantId AND s.helpedAt >= :from AND s.helpedAt < :to', { tenantId, from, to })
    .groupBy('s.kind')
    .addGroupBy('s.projectName')
    .orderBy('s.kind')
    .addOrderBy('s.projectName')
    .getRawMany<{ kind: AgencyServiceKind; projectName: string; cases: number | string }>();
  return rows.map((row) => ({ kind: row.kind, projectName: row.projectName, cases: Number(row.cases) }));
}

export const agencyServiceNodes = {
  AgencyService: (ctx: RequestContext, ids: number[]) => records(ctx.db).findByIds(ids),
};
