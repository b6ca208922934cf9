import DataLoader from 'dataloader';
import { RequestContext } from '../../context';
import { groupBy, propertiesKey } from '../../db/loaders';
import { Db } from '../../db/db';
import { containsPattern, likeClause } from '../../db/like';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { Department, Tenant, TenantLevel } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { CrossRegionMatter, FeeItem, MaterialRequirement, Matter, MatterStatus } from './entities';
import { AdoptMatterInput, CreateMatterInput, CrossRegionMatterInput, FeeItemInput, MaterialInput, MatterFilter, MatterLocalFields, MatterOrderField, matterSorting, MatterSharedFields, MatterVersionInput, PublicMatterFilter, SuspendMatterInput, UpdateMatterInput } from './inputs';
import { SHARED_FIELDS, validateMatter } from './rules';
import { messages, nouns } from '../../graphql/messages';
import { requireText } from '../../validation/text';
import { InputCheck } from '../../validation/input-check';
import { matterMessages as m } from './messages';

export const matters = (db: Db) => db.scoped(Matter);


// ---- loaders ----------------------------------------------------------------

/** A matter by id, batched; `via` reads through another view (a collaboration partner's catalogue). */
/** A matter by id (null for a missing reference, without a query); with `properties`, only those are read. */
export function loadMatter(ctx: RequestContext, id: number | null, via?: { db: Db; key: string }, properties?: readonly string[] | null): Promise<Matter | null> {
  if (id === null) return Promise.resolve(null);
  const db = via?.db ?? ctx.db;
  return ctx.loaders
    .get(`Matter.byId:${via?.key ?? 'scoped'}${propertiesKey(properties)}`, () =>
      new DataLoader<number, Matter | null>(async (ids) => {
        const rows = new Map((await matters(db).findByIds(ids, properties)).map((row) => [row.id, row]));
        return ids.map((id) => rows.get(id) ?? null);
      }),
    )
    .load(id);
}

/** Materials and fee items of matters, batched per request; `db` is the request's or a public read-only one. */
function childRowsLoader<T extends MaterialRequirement | FeeItem>(ctx: RequestContext, entity: { new (): T; prototype: T; name: string }, db: Db, scopeKey: string) {
  return ctx.loaders.get(`${entity.name}.byMatter:${scopeKey}`, () =>
    new DataLoader<number, T[]>(async (ids) => {
      const groups = groupBy(await rowsOf(db, entity, [...ids]), (row) => row.matterId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  );
}

export function materialsOf(ctx: RequestContext, matter: Matter, publicRead?: PublicGuideRead): Promise<MaterialRequirement[]> {
  return childRowsLoader(ctx, MaterialRequirement, publicRead?.db ?? ctx.db, publicRead ? `public:${publicRead.tenant.id}` : 'scoped').load(matter.id);
}

export function feeItemsOf(ctx: RequestContext, matter: Matter, publicRead?: PublicGuideRead): Promise<FeeItem[]> {
  return childRowsLoader(ctx, FeeItem, publicRead?.db ?? ctx.db, publicRead ? `public:${publicRead.tenant.id}` : 'scoped').load(matter.id);
}

export async function jointDepartmentsOf(ctx: RequestContext, matter: Matter): Promise<Department[]> {
  const departments = await Promise.all(matter.jointDepartmentIds.map((id) => tenancy.loadDepartment(ctx, Number(id))));
  return departments.filter((d): d is Department => d !== null);
}

/** The source of an adopted matter, when the viewer may read it (a county does not read its city). */
export function sourceOf(ctx: RequestContext, matter: Matter): Promise<Matter | null> {
  return loadMatter(ctx, matter.sourceMatterId);
}

// ---- queries ------------------------------------------------------------------

function applySearch<T extends object>(query: import('typeorm').SelectQueryBuilder<T>, search: string | undefined): void {
  const text = search?.trim();
  if (!text) return;
  if (text.length > 100) throw new BadUserInputError(m.searchTooLong, 'filter.search');
  query.andWhere(`(${likeClause('m.name', 'search')} OR ${likeClause('m.code', 'search')})`, { search: containsPattern(text) });
}

export async function listMatters(ctx: RequestContext, args: ListArgs<MatterOrderField>, filter: MatterFilter = {}): Promise<ConnectionResult<Matter>> {
  requireViewer(ctx);
  const query = matters(ctx.db).query('m');
  if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
  if (filter.category) query.andWhere('m.category = :category', { category: filter.category });
  if (filter.crossRegion !== undefined && filter.crossRegion !== null) {
    query.andWhere('m.crossRegion = :crossRegion', { crossRegion: filter.crossRegion });
  }
  if (filter.departmentId) {
    query.andWhere('m.departmentId = :departmentId', {
      departmentId: decodeGlobalIdOf('Department', filter.departmentId, 'filter.departmentId'),
    });
  }
  if (filter.tenantCode) query.andWhere('m.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  applySearch(query, filter.search);
  return paginate(query, { list: 'matters', alias: 'm', sorting: matterSorting }, args);
}

/**
 * The tenants above one, from its path ("/210000/210300/210381/"). Unscoped on purpose:
 * used only to find the published (public) guides of the levels above.
 */
export function ancestorsOf(db: Db, tenant: Tenant): Promise<Tenant[]> {
  const codes = tenant.path.split('/').filter((code) => code && code !== tenant.code);
  if (codes.length === 0) return Promise.resolve([]);
  return db.unscoped.createQueryBuilder(Tenant, 't').where('t.code IN (:...codes)', { codes }).getMany();
}

async function viewerTenant(ctx: RequestContext): Promise<Tenant> {
  const viewer = requireViewer(ctx);
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return tenant;
}

/**
 * 事项认领: published matters of the viewer's province and city, each with whether the
 * viewer's centre has adopted it. Published guides are public, so reading them is no leak.
 */
export async function adoptableMatters(
  ctx: RequestContext,
  args: ListArgs<MatterOrderField>,
  filter: PublicMatterFilter = {},
): Promise<{ connection: ConnectionResult<Matter>; readOf: (matter: Matter) => PublicGuideRead; adopted: Set<number> }> {
  const tenant = await viewerTenant(ctx);
  const ancestors = await ancestorsOf(ctx.db, tenant);
  const db = ctx.db.readOnlyFor(ancestors.map((t) => t.id));
  const query = matters(db)
    .query('m')
    .andWhere('m.status = :published', { published: MatterStatus.PUBLISHED })
    .andWhere('m.sourceMatterId IS NULL');
  if (filter.category) query.andWhere('m.category = :category', { category: filter.category });
  applySearch(query, filter.search);
  const connection = await paginate(query, { list: 'adoptableMatters', alias: 'm', sorting: matterSorting }, args);
  const ids = connection.edges.map((edge) => edge.node.id);
  const adopted = ids.length === 0 ? [] : await matters(ctx.db).query('m').select(['m.id', 'm.sourceMatterId']).andWhere('m.tenantId = :own AND m.sourceMatterId IN (:...ids)', { own: tenant.id, ids }).getMany();
  const reads = new Map(ancestors.map((t) => [t.id, { db, tenant: t }]));
  return { connection, readOf: (matter) => reads.get(matter.tenantId)!, adopted: new Set(adopted.map((row) => row.sourceMatterId!)) };
}

// ---- public guide ---------------------------------------------------------------

/** The tenant of a public guide; an unknown code is simply not found. */
async function publicTenant(ctx: RequestContext, tenantCode: string): Promise<Tenant | null> {
  if (!/^\d{6}$/.test(tenantCode)) throw new BadUserInputError(messages.divisionCode('tenantCode'), 'tenantCode');
  // Unscoped on purpose: the guide is public; only the tenant's id and name are used.
  return ctx.db.unscoped.findOne(Tenant, { where: { code: tenantCode } });
}

export interface PublicGuideRead {
  db: Db;
  tenant: Tenant;
}

export async function publicMatters(
  ctx: RequestContext,
  tenantCode: string,
  args: ListArgs<MatterOrderField>,
  filter: PublicMatterFilter = {},
): Promise<{ connection: ConnectionResult<Matter>; read: PublicGuideRead | null }> {
  const tenant = await publicTenant(ctx, tenantCode);
  const db = ctx.db.readOnlyFor(tenant ? [tenant.id] : []);
  const query = matters(db).query('m').andWhere('m.status = :published', { published: MatterStatus.PUBLISHED });
  if (filter.category) query.andWhere('m.category = :category', { category: filter.category });
  if (filter.crossRegion !== undefined && filter.crossRegion !== null) {
    query.andWhere('m.crossRegion = :crossRegion', { crossRegion: filter.crossRegion });
  }
  applySearch(query, filter.search);
  return { connection: await paginate(query, { list: `publicMatters:${tenantCode}`, alias: 'm', sorting: matterSorting }, args), read: tenant ? { db, tenant } : null };
}

export async function publicMatter(ctx: RequestContext, tenantCode: string, code: string): Promise<{ matter: Matter; read: PublicGuideRead } | null> {
  const tenant = await publicTenant(ctx, tenantCode);
  if (!tenant) return null;
  const db = ctx.db.readOnlyFor([tenant.id]);
  const matter = await matters(db)
    .query('m')
    .andWhere('m.code = :code AND m.status = :published', { code, published: MatterStatus.PUBLISHED })
    .getOne();
  return matter ? { matter, read: { db, tenant } } : null;
}

// ---- writes -----------------------------------------------------------------------

/** Departments named by global ids, all of the viewer's own tenant. */
async function ownDepartments(ctx: RequestContext, ids: string[], field: string): Promise<Department[]> {
  const viewer = requireViewer(ctx);
  const departments: Department[] = [];
  for (const globalId of ids) {
    const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', globalId, field));
    if (!department || department.tenantId !== viewer.tenantId) {
      throw new BadUserInputError(m.ownDepartments(field), field);
    }
    departments.push(department);
  }
  return departments;
}

async function localColumns(ctx: RequestContext, input: MatterLocalFields): Promise<Partial<Matter>> {
  const columns: Partial<Matter> = {};
  if (input.departmentId !== undefined && input.departmentId !== null) {
    columns.departmentId = (await ownDepartments(ctx, [input.departmentId], 'input.departmentId'))[0].id;
  }
  if (input.jointDepartmentIds) {
    const departments = await ownDepartments(ctx, input.jointDepartmentIds, 'input.jointDepartmentIds');
    columns.jointDepartmentIds = [...new Set(departments.map((d) => d.id))];
  }
  for (const key of ['promisedLimitDays', 'consultationPhone', 'complaintPhone', 'address', 'acceptedBy', 'supplementDays'] as const) {
    if (input[key] !== undefined && input[key] !== null) (columns as Record<string, unknown>)[key] = input[key];
  }
  return columns;
}

function sharedColumns(input: MatterSharedFields): Partial<Matter> {
  const columns: Partial<Matter> = {};
  for (const key of SHARED_FIELDS as readonly (keyof MatterSharedFields & keyof Matter)[]) {
    const value = input[key];
    if (value !== undefined && value !== null) (columns as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  return columns;
}

function materialRows(matter: Matter, materials: MaterialInput[]): Partial<MaterialRequirement>[] {
  return materials.map((material, position) => ({
    tenantId: matter.tenantId,
    matterId: matter.id,
    position,
    name: material.name.trim(),
    required: material.required,
    form: material.form,
    copies: material.copies,
    notes: material.notes.trim(),
  }));
}

function feeRows(matter: Matter, fees: FeeItemInput[]): Partial<FeeItem>[] {
  return fees.map((f, position) => ({
    tenantId: matter.tenantId,
    matterId: matter.id,
    position,
    name: f.name.trim(),
    basis: f.basis.trim(),
    amountFen: f.amountFen,
  }));
}

async function replaceMaterialsAndFees(db: Db, matter: Matter, materials?: MaterialInput[], fees?: FeeItemInput[]): Promise<void> {
  if (materials) {
    await db.scoped(MaterialRequirement).deleteWhere({ matterId: matter.id });
    await db.scoped(MaterialRequirement).insertMany(materialRows(matter, materials));
  }
  if (fees) {
    await db.scoped(FeeItem).deleteWhere({ matterId: matter.id });
    if (fees.length > 0) await db.scoped(FeeItem).insertMany(feeRows(matter, fees));
  }
}

async function assertCodeFree(db: Db, tenantId: number, code: string, exceptId?: number): Promise<void> {
  const clash = await matters(db).query('m').andWhere('m.tenantId = :tenantId AND m.code = :code', { tenantId, code }).getOne();
  if (clash && clash.id !== exceptId) throw new BadUserInputError(m.codeTaken(code), 'input.code');
}

export async function createMatter(ctx: RequestContext, input: CreateMatterInput): Promise<Matter> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const fields = { ...sharedColumns(input), ...(await localColumns(ctx, input)) };
  validateMatter(fields, { creating: true, materials: input.materials, feeItems: input.feeItems ?? [] });
  const crossRegion = await onCrossRegionList(ctx, await viewerTenant(ctx), fields.code!);
  return ctx.db.transaction(async (db) => {
    await assertCodeFree(db, viewer.tenantId, fields.code!);
    const matter = await matters(db).save(
      matters(db).create({
        ...fields,
        jointDepartmentIds: fields.jointDepartmentIds ?? [],
        intermediaryServices: fields.intermediaryServices ?? '',
        crossRegion,
        tenantId: viewer.tenantId,
        sourceMatterId: null,
        status: MatterStatus.DRAFT,
        suspendReason: null,
      }),
    );
    await replaceMaterialsAndFees(db, matter, input.materials, input.feeItems ?? []);
    return matter;
  });
}

/**
 * Copies a source's shared fields, materials and fee items to its adopters, in the
 * source owner's transaction (三级九统: when the source changes, adopters see it).
 * Adopters are rows of subordinate tenants: written unscoped on purpose, and only
 * their shared fields; a promised limit above the new legal limit is lowered to it.
 */
async function propagateToAdopters(db: Db, source: Matter, materials?: MaterialInput[], fees?: FeeItemInput[]): Promise<void> {
  const adopters = await db.unscoped.find(Matter, { where: { sourceMatterId: source.id } });
  for (const adopter of adopters) {
    await db.unscoped.update(Matter, { id: adopter.id }, {
      ...pick(source, SHARED_FIELDS),
      crossRegion: source.crossRegion,
      promisedLimitDays: Math.min(adopter.promisedLimitDays, source.legalLimitDays),
      version: adopter.version + 1,
    });
    if (materials) {
      await db.unscoped.delete(MaterialRequirement, { matterId: adopter.id });
      await db.unscoped.insert(MaterialRequirement, materialRows(adopter, materials));
    }
    if (fees) {
      await db.unscoped.delete(FeeItem, { matterId: adopter.id });
      if (fees.length > 0) await db.unscoped.insert(FeeItem, feeRows(adopter, fees));
    }
  }
}

async function ownMatter(db: Db, globalId: string): Promise<Matter> {
  const matter = await matters(db).getById(decodeGlobalIdOf('Matter', globalId, 'input.id'), nouns.matter);
  matters(db).assertWritable(matter);
  return matter;
}

export async function updateMatter(ctx: RequestContext, input: UpdateMatterInput): Promise<Matter> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  return ctx.db.transaction(async (db) => {
    const matter = await ownMatter(db, input.id);
    const shared = sharedColumns(input);
    const changesShared = Object.keys(shared).length > 0 || input.materials !== undefined || input.feeItems !== undefined;
    if (matter.sourceMatterId !== null && changesShared) {
      const field = Object.keys(shared)[0] ?? (input.materials ? 'materials' : 'feeItems');
      throw new BadUserInputError(m.adoptedField(field), `input.${field}`);
    }
    const changes: Partial<Matter> = { ...shared, ...(await localColumns(ctx, input)) };
    // A new code is on the province's list or not (全区通办清单).
    if (changes.code && changes.code !== matter.code) changes.crossRegion = await onCrossRegionList(ctx, await viewerTenant(ctx), changes.code);
    const merged = { ...matter, ...changes };
    validateMatter(merged, { creating: false, materials: input.materials, feeItems: input.feeItems });
    if (changes.code && changes.code !== matter.code) await assertCodeFree(db, matter.tenantId, changes.code, matter.id);
    await matters(db).updateVersioned(matter, input.version, changes);
    await replaceMaterialsAndFees(db, matter, input.materials, input.feeItems);
    if (changesShared) await propagateToAdopters(db, { ...matter, ...changes } as Matter, input.materials, input.feeItems);
    return matters(db).getById(matter.id);
  });
}

export async function adoptMatter(ctx: RequestContext, input: AdoptMatterInput): Promise<Matter> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const tenant = await viewerTenant(ctx);
  const sourceId = decodeGlobalIdOf('Matter', input.sourceId, 'input.sourceId');
  // The source is a published guide of an ancestor: public, so read through that scope.
  const upper = ctx.db.readOnlyFor((await ancestorsOf(ctx.db, tenant)).map((t) => t.id));
  const source = await matters(upper)
    .query('m')
    .andWhere('m.id = :sourceId AND m.status = :published AND m.sourceMatterId IS NULL', {
      sourceId,
      published: MatterStatus.PUBLISHED,
    })
    .getOne();
  if (!source) throw new NotFoundError(m.publishedUpperMatter);
  const local = await localColumns(ctx, input);
  if (local.departmentId === undefined) throw new BadUserInputError(m.departmentToAdopt, 'input.departmentId');
  const fields: Partial<Matter> = {
    ...pick(source, SHARED_FIELDS),
    consultationPhone: source.consultationPhone,
    complaintPhone: source.complaintPhone,
    address: source.address,
    promisedLimitDays: source.promisedLimitDays,
    crossRegion: source.crossRegion,
    jointDepartmentIds: [],
    ...local,
  };
  validateMatter(fields, { creating: false });
  const [sourceMaterials, sourceFees] = await Promise.all([rowsOf(upper, MaterialRequirement, [source.id]), rowsOf(upper, FeeItem, [source.id])]);
  return ctx.db.transaction(async (db) => {
    const already = await matters(db).query('m').andWhere('m.sourceMatterId = :sourceId', { sourceId }).getOne();
    if (already) throw new ConflictError(m.alreadyAdopted(source.code), { field: 'input.sourceId' });
    await assertCodeFree(db, viewer.tenantId, source.code);
    const matter = await matters(db).save(
      matters(db).create({ ...fields, tenantId: viewer.tenantId, sourceMatterId: source.id, status: MatterStatus.DRAFT, suspendReason: null }),
    );
    await replaceMaterialsAndFees(db, matter, sourceMaterials, sourceFees);
    return matter;
  });
}

function pick<K extends keyof Matter>(matter: Matter, keys: readonly K[]): Pick<Matter, K> {
  return Object.fromEntries(keys.map((key) => [key, matter[key]])) as Pick<Matter, K>;
}

/** Materials or fee items of matters, in order, through `db`'s scope. */
export function rowsOf<T extends MaterialRequirement | FeeItem>(db: Db, entity: { new (): T; prototype: T; name: string }, matterIds: number[]): Promise<T[]> {
  if (matterIds.length === 0) return Promise.resolve([]);
  return db.scoped(entity).query('r').andWhere('r.matterId IN (:...matterIds)', { matterIds }).orderBy('r.position').getMany();
}

const TRANSITIONS: Record<'publish' | 'suspend', MatterStatus[]> = {
  publish: [MatterStatus.DRAFT, MatterStatus.SUSPENDED],
  suspend: [MatterStatus.PUBLISHED],
};

async function transition(ctx: RequestContext, input: MatterVersionInput, action: 'publish' | 'suspend', changes: Partial<Matter>): Promise<Matter> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  return ctx.db.transaction(async (db) => {
    const matter = await ownMatter(db, input.id);
    if (matter.version !== input.version) {
      throw new ConflictError(messages.staleVersion('Matter'), { field: 'version' });
    }
    if (!TRANSITIONS[action].includes(matter.status)) {
      throw new ConflictError(m.cannotChangeStatus(action, matter.status), { status: matter.status });
    }
    await matters(db).updateVersioned(matter, input.version, changes);
    return matters(db).getById(matter.id);
  });
}

export function publishMatter(ctx: RequestContext, input: MatterVersionInput): Promise<Matter> {
  return transition(ctx, input, 'publish', { status: MatterStatus.PUBLISHED, suspendReason: null });
}

export function suspendMatter(ctx: RequestContext, input: SuspendMatterInput): Promise<Matter> {
  const reason = requireText(input.reason, 'input.reason', 500);
  return transition(ctx, input, 'suspend', { status: MatterStatus.SUSPENDED, suspendReason: reason });
}

export const nodeLoaders = {
  Matter: (ctx: RequestContext, ids: number[]) => matters(ctx.db).findByIds(ids),
  MaterialRequirement: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(MaterialRequirement).findByIds(ids),
  FeeItem: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(FeeItem).findByIds(ids),
};

// ---- 全区通办清单: the province's cross-region list ------------------------------------------------

export const MATTER_CODE = /^[A-Z]{2}\d{8}$/;

const provinceCodeOf = (tenant: Tenant) => tenant.path.split('/').filter(Boolean)[0];

/** Whether the code is on the cross-region list of the tenant's province. */
export function onCrossRegionList(ctx: RequestContext, tenant: Tenant, code: string): Promise<boolean> {
  // The list belongs to the province, not to a centre: public reference data.
  return ctx.db.unscoped.exists(CrossRegionMatter, { where: { provinceCode: provinceCodeOf(tenant), code } });
}

/**
 * Puts a matter code on, or takes it off, a province's cross-region list (自治区 156 items),
 * kept by the platform admin for the province until province admins exist. A centre's
 * matter is on the list when its code is: every matter of the province with the code
 * follows in the same transaction. Returns whether the code is listed.
 */
export async function setCrossRegionMatter(ctx: RequestContext, input: CrossRegionMatterInput): Promise<boolean> {
  requireRole(ctx, Role.PLATFORM_ADMIN);
  const check = new InputCheck();
  // Tenants are platform-managed: the platform admin reads every one.
  const province = await ctx.db.unscoped.findOne(Tenant, { where: { code: input.provinceCode, level: TenantLevel.PROVINCE } });
  check.that(province !== null, 'input.provinceCode', m.noSuchProvince(input.provinceCode));
  check.that(MATTER_CODE.test(input.code), 'input.code', m.matterCode);
  const name = input.listed ? check.text(input.name, 'input.name', 128) : '';
  check.done();
  return ctx.db.transaction(async (db) => {
    // The list and the matters of every centre of the province: the platform admin keeps them for all of them.
    if (input.listed) await db.unscoped.save(CrossRegionMatter, { provinceCode: input.provinceCode, code: input.code, name });
    else await db.unscoped.delete(CrossRegionMatter, { provinceCode: input.provinceCode, code: input.code });
    const affected = await db.unscoped
      .createQueryBuilder(Matter, 'm')
      .where('m.code = :code AND m.crossRegion <> :listed', { code: input.code, listed: input.listed })
      .andWhere('m.tenantId IN (SELECT t.id FROM tenant t WHERE t.path LIKE :province)', { province: `/${input.provinceCode}/%` })
      .getMany();
    for (const matter of affected) await db.unscoped.update(Matter, { id: matter.id }, { crossRegion: input.listed, version: matter.version + 1 });
    return input.listed;
  });
}

/** A province's cross-region list, public like the service guides it names. */
export function crossRegionMatters(ctx: RequestContext, provinceCode: string): Promise<CrossRegionMatter[]> {
  requireViewer(ctx);
  return ctx.db.unscoped.find(CrossRegionMatter, { where: { provinceCode }, order: { code: 'ASC' } });
}
