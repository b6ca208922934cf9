import { RequestContext } from '../../context';
import { byIdLoader, groupedLoader, propertiesKey } from '../../db/loaders';
import { Department, Tenant, User } from './entities';
import { containsPattern, likeClause } from '../../db/like';
import { Db } from '../../db/db';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { rolesBeyondGrant } from '../../auth/role-grants';
import { hashPassword, isStrongEnough } from '../../auth/passwords';
import { messages, nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { tenancyMessages as m } from './messages';
import { isValidPhone, isValidResidentId } from '../../validation/china-ids';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { CreateUserInput, SetDepartmentHeadInput, SetUserActiveInput, SetUserRolesInput, TenantFilter, TenantOrderField, tenantSorting, UserFilter, UserOrderField, userSorting } from './inputs';
import { releaseStaff } from './staff-release';

/** Tenancy rows are platform-managed: platform admins read and manage them everywhere. */
const PLATFORM_MANAGED = { platformManaged: true };

const tenants = (ctx: RequestContext) => ctx.db.scoped(Tenant, PLATFORM_MANAGED);
/** Departments and accounts as their by-id reads see them (a case list joins them the same way). */
export const scopedDepartments = (db: Db) => db.scoped(Department, PLATFORM_MANAGED);
export const scopedUsers = (db: Db) => db.scoped(User, PLATFORM_MANAGED);
const departments = (ctx: RequestContext) => scopedDepartments(ctx.db);
const users = (ctx: RequestContext) => scopedUsers(ctx.db);

// ---- tenants ---------------------------------------------------------------

/**
 * A tenant by id, batched. `via` reads through another database view, such as the
 * read-only one of a collaboration partner, under its own cache key.
 */
export function loadTenant(ctx: RequestContext, id: number | null, via?: { db: Db; key: string }): Promise<Tenant | null> {
  if (id === null) return Promise.resolve(null);
  const db = via?.db ?? ctx.db;
  return ctx.loaders
    .get(`Tenant.byId:${via?.key ?? 'scoped'}`, () => byIdLoader((ids) => db.scoped(Tenant, PLATFORM_MANAGED).findByIds(ids)))
    .load(id);
}

/**
 * The tenant of a row the viewer has already read, perhaps as a collaboration partner
 * through a ticket (a case's own centre, whose calendar its deadline runs on): batched
 * across tenants, read through a view of exactly those tenants.
 */
export function loadTenantOfReadRow(ctx: RequestContext, id: number): Promise<Tenant | null> {
  return ctx.loaders
    .get('Tenant.ofReadRow', () => byIdLoader((ids) => ctx.db.readOnlyFor([...ids]).scoped(Tenant, PLATFORM_MANAGED).findByIds(ids)))
    .load(id);
}

/** Readable children of a tenant; a county user sees none of its siblings through its parent. */
export function childrenOf(ctx: RequestContext, tenantId: number): Promise<Tenant[]> {
  return ctx.loaders
    .get('Tenant.children', () =>
      groupedLoader(
        (ids) => tenants(ctx).query('t').andWhere('t.parentId IN (:...ids)', { ids }).orderBy('t.code').getMany(),
        (row) => row.parentId ?? 0,
      ),
    )
    .load(tenantId);
}

export function listTenants(ctx: RequestContext, args: ListArgs<TenantOrderField>, filter: TenantFilter = {}): Promise<ConnectionResult<Tenant>> {
  requireViewer(ctx);
  const query = tenants(ctx).query('t');
  if (filter.level) query.andWhere('t.level = :level', { level: filter.level });
  if (filter.parentCode) {
    query.innerJoin(Tenant, 'p', 'p.id = t.parentId').andWhere('p.code = :parentCode', { parentCode: filter.parentCode });
  }
  return paginate(query, { list: 'tenants', alias: 't', sorting: tenantSorting }, args);
}

export async function tenantByCode(ctx: RequestContext, code: string): Promise<Tenant | null> {
  requireViewer(ctx);
  if (!/^\d{6}$/.test(code)) throw new BadUserInputError(messages.divisionCode('code'), 'code');
  return tenants(ctx).query('t').andWhere('t.code = :code', { code }).getOne();
}

/**
 * A list's `tenantCode` filter: the id of that readable tenant, or 0 (no rows) for a code
 * that is unknown or out of scope, which therefore look alike.
 */
export async function readableTenantIdOf(ctx: RequestContext, code: string, field: string): Promise<number> {
  if (!/^\d{6}$/.test(code)) throw new BadUserInputError(messages.divisionCode(field), field);
  return (await tenants(ctx).query('t').andWhere('t.code = :code', { code }).getOne())?.id ?? 0;
}

/** The centres directly under a tenant (a city's counties and districts), read in `db`'s scope, by code. One statement. */
export function directSubordinatesOf(db: Db, tenantId: number): Promise<Tenant[]> {
  return db.scoped(Tenant, PLATFORM_MANAGED).query('t').andWhere('t.parentId = :parentId', { parentId: tenantId }).orderBy('t.code').getMany();
}

/** A tenant and the subordinates of it that the viewer may read. */
export function readableSubtree(ctx: RequestContext, root: Tenant): Promise<Tenant[]> {
  return tenants(ctx).query('t').andWhere('t.path LIKE :prefix', { prefix: `${root.path}%` }).orderBy('t.code').getMany();
}

// ---- departments -------------------------------------------------------------

/**
 * A department by id, batched. `via` reads through another database view, such as the
 * read-only one of a public service guide, under its own cache key.
 */
/** A department by id (null for a missing reference, without a query). */
export function loadDepartment(ctx: RequestContext, id: number | null, via?: { db: Db; key: string }, properties?: readonly string[] | null): Promise<Department | null> {
  if (id === null) return Promise.resolve(null);
  const db = via?.db ?? ctx.db;
  return ctx.loaders
    .get(`Department.byId:${via?.key ?? 'scoped'}${propertiesKey(properties)}`, () => byIdLoader((ids) => scopedDepartments(db).findByIds(ids, properties)))
    .load(id);
}

export function departmentsOf(ctx: RequestContext, tenantId: number): Promise<Department[]> {
  return ctx.loaders
    .get('Department.byTenant', () =>
      groupedLoader(
        (ids) => departments(ctx).query('d').andWhere('d.tenantId IN (:...ids)', { ids }).orderBy('d.id').getMany(),
        (row) => row.tenantId,
      ),
    )
    .load(tenantId);
}

// ---- users --------------------------------------------------------------------

/** A user by id, batched; `via` reads through another view (a collaboration partner's staff). */
/** An account by id (null for a missing reference, without a query). */
export function loadUser(ctx: RequestContext, id: number | null, via?: { db: Db; key: string }, properties?: readonly string[] | null): Promise<User | null> {
  if (id === null) return Promise.resolve(null);
  const db = via?.db ?? ctx.db;
  return ctx.loaders
    .get(`User.byId:${via?.key ?? 'scoped'}${propertiesKey(properties)}`, () => byIdLoader((ids) => scopedUsers(db).findByIds(ids, properties)))
    .load(id);
}

export async function viewerUser(ctx: RequestContext): Promise<User> {
  const viewer = requireViewer(ctx);
  const user = await loadUser(ctx, viewer.userId);
  if (!user) throw new NotFoundError(nouns.user);
  return user;
}

export function listUsers(ctx: RequestContext, args: ListArgs<UserOrderField>, filter: UserFilter = {}): Promise<ConnectionResult<User>> {
  requireViewer(ctx);
  const query = users(ctx).query('u');
  if (filter.tenantCode) {
    query.innerJoin(Tenant, 'ut', 'ut.id = u.tenantId').andWhere('ut.code = :tenantCode', { tenantCode: filter.tenantCode });
  }
  if (filter.departmentId) {
    query.andWhere('u.departmentId = :departmentId', {
      departmentId: decodeGlobalIdOf('Department', filter.departmentId, 'filter.departmentId'),
    });
  }
  // Role names are not substrings of one another, so a LIKE on the stored list is exact.
  if (filter.role) query.andWhere('u.roles LIKE :role', { role: `%${filter.role}%` });
  if (filter.search) {
    query.andWhere(`(${likeClause('u.username', 'search')} OR ${likeClause('u.displayName', 'search')})`, {
      search: containsPattern(filter.search),
    });
  }
  return paginate(query, { list: 'users', alias: 'u', sorting: userSorting }, args);
}

/**
 * The people an appraisal covers, in one statement, read in `db`'s scope: active accounts
 * of a tenant holding `role` or listed in `holding` (window posts), and any account listed
 * in `served`, active or not (it served in the period and may have left since).
 */
export function staffOf(db: Db, tenantId: number, role: Role, holding: readonly number[], served: readonly number[]): Promise<User[]> {
  // Role names are not substrings of one another, so a LIKE on the stored list is exact.
  const current = holding.length === 0 ? 'u.roles LIKE :role' : '(u.roles LIKE :role OR u.id IN (:...holding))';
  const who = served.length === 0 ? `u.active = 1 AND ${current}` : `((u.active = 1 AND ${current}) OR u.id IN (:...served))`;
  return db
    .scoped(User, PLATFORM_MANAGED)
    .query('u')
    .andWhere(`u.tenantId = :tenantId AND ${who}`, { tenantId, role: `%${role}%`, holding: [...holding], served: [...served] })
    .orderBy('u.id')
    .getMany();
}

/** Usernames are lower-case ASCII, so that no two can look alike; sign-in refuses anything else unseen. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,63}$/;

export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.PLATFORM_ADMIN);
  const departmentId = decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId');
  const department = await departments(ctx).getById(departmentId, nouns.department);
  departments(ctx).assertWritable(department);
  if (!viewer.roles.has(Role.PLATFORM_ADMIN) && department.tenantId !== viewer.tenantId) {
    throw new ForbiddenError(m.ownTenantOnly);
  }
  const username = input.username.trim().toLowerCase();
  const check = new InputCheck();
  check.that(USERNAME_PATTERN.test(username), 'input.username', m.username);
  check.that(isStrongEnough(input.password), 'input.password', messages.weakPassword('password'));
  const displayName = check.text(input.displayName, 'input.displayName', 64);
  check.that(!input.phone || isValidPhone(input.phone), 'input.phone', messages.invalidPhone('phone'));
  check.that(!input.idNumber || isValidResidentId(input.idNumber), 'input.idNumber', m.invalidResidentId);
  check.that(input.roles.length > 0, 'input.roles', m.atLeastOneRole);
  check.done();
  assertGrantable(viewer, input.roles, input.roles);
  return ctx.db.transaction(async (db) => {
    // Usernames are global (login precedes tenancy), so this check is unscoped on purpose.
    if (await db.unscoped.exists(User, { where: { username } })) {
      throw new ConflictError(m.usernameTaken(username), { field: 'input.username' });
    }
    const user = db.scoped(User, PLATFORM_MANAGED).create({
      tenantId: department.tenantId,
      departmentId: department.id,
      username,
      displayName,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(input.password),
      phone: input.phone ?? null,
      idNumber: input.idNumber ?? null,
      active: true,
      tokenVersion: 0,
    });
    return db.scoped(User, PLATFORM_MANAGED).save(user);
  });
}

/** Roles must be given, and every role granted or revoked must be one the viewer may grant (ROLE_GRANTS). */
function assertGrantable(viewer: Viewer, roles: Role[], changed: Iterable<Role>): void {
  if (roles.length === 0) throw new BadUserInputError(m.atLeastOneRole, 'input.roles');
  const beyond = rolesBeyondGrant(viewer, changed);
  if (beyond.length > 0) throw new ForbiddenError(m.rolesBeyondGrant(beyond));
}

/**
 * An account the viewer may manage: a centre admin, those of its own tenant holding only
 * roles it may grant (it cannot switch off its auditor or supervisor); nobody its own.
 */
async function manageableUser(ctx: RequestContext, viewer: Viewer, globalId: string): Promise<User> {
  const user = await users(ctx).getById(decodeGlobalIdOf('User', globalId, 'input.id'), nouns.user);
  if (!viewer.roles.has(Role.PLATFORM_ADMIN) && user.tenantId !== viewer.tenantId) {
    throw new ForbiddenError(m.ownTenantOnly);
  }
  if (user.id === viewer.userId) throw new BadUserInputError(m.notOwnAccount, 'input.id');
  const beyond = rolesBeyondGrant(viewer, user.roles);
  if (beyond.length > 0) throw new ForbiddenError(m.accountBeyondGrant(beyond));
  return user;
}

/** Deactivating revokes every token of the account at once. */
export async function setUserActive(ctx: RequestContext, input: SetUserActiveInput): Promise<User> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.PLATFORM_ADMIN);
  const user = await manageableUser(ctx, viewer, input.id);
  if (input.active && input.replacements.length > 0) throw new BadUserInputError(m.replacementsOnDeactivation, 'input.replacements');
  return ctx.db.transaction(async (db) => {
    const rows = db.scoped(User, PLATFORM_MANAGED);
    // A window must not be left with nobody on post (AB岗): the windows module may refuse.
    if (!input.active && user.active) await releaseStaff(ctx, db, user, input.replacements, 'input.replacements');
    await rows.updateVersioned(user, input.version, {
      active: input.active,
      ...(input.active ? {} : { tokenVersion: user.tokenVersion + 1 }),
    });
    return rows.getById(user.id, nouns.user);
  });
}

/**
 * Replaces an account's roles; its tokens are revoked, so the new roles apply at the next
 * sign-in. Taking WINDOW_STAFF from someone on post is refused like a deactivation
 * unless replacements take the posts.
 */
export async function setUserRoles(ctx: RequestContext, input: SetUserRolesInput): Promise<User> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.PLATFORM_ADMIN);
  const user = await manageableUser(ctx, viewer, input.id);
  const roles = [...new Set(input.roles)];
  const changed = [...roles.filter((r) => !user.roles.includes(r)), ...user.roles.filter((r) => !roles.includes(r))];
  assertGrantable(viewer, roles, changed);
  const leavesWindows = user.active && user.roles.includes(Role.WINDOW_STAFF) && !roles.includes(Role.WINDOW_STAFF);
  if (!leavesWindows && input.replacements.length > 0) throw new BadUserInputError(m.replacementsOnLeavingWindows, 'input.replacements');
  return ctx.db.transaction(async (db) => {
    const rows = db.scoped(User, PLATFORM_MANAGED);
    if (leavesWindows) await releaseStaff(ctx, db, user, input.replacements, 'input.replacements');
    await rows.updateVersioned(user, input.version, { roles, tokenVersion: user.tokenVersion + 1 });
    return rows.getById(user.id, nouns.user);
  });
}

/** Centre admin: sets or clears the head (部门负责人) of a department of the own centre. */
export async function setDepartmentHead(ctx: RequestContext, input: SetDepartmentHeadInput): Promise<Department> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const departmentId = decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId');
  const headId = input.headId ? decodeGlobalIdOf('User', input.headId, 'input.headId') : null;
  return ctx.db.transaction(async (db) => {
    const rows = db.scoped(Department, PLATFORM_MANAGED);
    const department = await rows.getById(departmentId, nouns.department);
    if (department.tenantId !== viewer.tenantId) throw new ForbiddenError(m.ownTenantOnly, 'input.departmentId');
    if (headId !== null) {
      const head = await db.scoped(User, PLATFORM_MANAGED).findById(headId);
      if (!head || !head.active || head.departmentId !== department.id) throw new BadUserInputError(m.headOutsideDepartment, 'input.headId');
    }
    await rows.update(department, { headId });
    return rows.getById(department.id, nouns.department);
  });
}

/** `node(id:)` support: rows of these types by database id, within the scope. */
export const nodeLoaders = {
  Tenant: (ctx: RequestContext, ids: number[]) => tenants(ctx).findByIds(ids),
  Department: (ctx: RequestContext, ids: number[]) => departments(ctx).findByIds(ids),
  User: (ctx: RequestContext, ids: number[]) => users(ctx).findByIds(ids),
};
