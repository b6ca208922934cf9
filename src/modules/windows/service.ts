import DataLoader from 'dataloader';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { requireText } from '../../validation/text';
import { InputCheck } from '../../validation/input-check';
import { byIdLoader, groupedLoader, propertiesKey } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { messages, nouns } from '../../graphql/messages';
import { Department, User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { Matter } from '../matters/entities';
import * as matters from '../matters/service';
import {
  EmptyPostCause,
  EmptyPostEvent,
  LunchDutyRota,
  PostSignOff,
  StaffAbsence,
  Window,
  WindowCover,
  WindowKind,
  WindowMatter,
  WindowPost,
  WindowPostRole,
  WindowStatus,
  WindowStatusChange,
} from './entities';
import { AssignWindowPostsInput, CreateWindowInput, UpdateWindowInput, WindowFilter, WindowOrderField, windowSorting, WindowStatusInput } from './inputs';
import { isWindowStaff } from './staffing';
import { recordEmptyPosts } from './empty-posts';
import { CoverageChange } from '../../events/live';
import { windowMessages as m } from './messages';

export const windows = (db: Db) => db.scoped(Window);

const MAX_MATTERS_PER_WINDOW = 500;

export const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
export const byNumber = (a: Window, b: Window) => a.number.localeCompare(b.number) || a.id - b.id;

/** Times are kept to the second: MySQL DATETIME columns drop the fraction, SQLite would keep it. */
export function toSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** FOR UPDATE on MySQL. SQLite runs one transaction at a time (db.ts), so it needs no lock. */
export function forUpdate<T extends ObjectLiteral>(db: Db, query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return db.dataSource.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write');
}


function windowNumber(value: string, field: string, check: InputCheck): string {
  const number = value.trim().toUpperCase();
  check.that(/^[A-Z0-9][A-Z0-9-]{0,15}$/.test(number), field, m.windowNumber(field));
  return number;
}

// ---- loaders -----------------------------------------------------------------

/** A window by id (null for a missing reference, without a query); `via` reads through another view (a public notice's centre). */
export function loadWindow(ctx: RequestContext, id: number | null, properties?: readonly string[] | null, via?: { db: Db; key: string }): Promise<Window | null> {
  if (id === null) return Promise.resolve(null);
  const db = via?.db ?? ctx.db;
  return ctx.loaders.get(`Window.byId:${via?.key ?? 'scoped'}${propertiesKey(properties)}`, () => byIdLoader((ids) => windows(db).findByIds(ids, properties))).load(id);
}

export function postsOf(ctx: RequestContext, window: Window): Promise<WindowPost[]> {
  return ctx.loaders
    .get('WindowPost.byWindow', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(WindowPost).query('p').andWhere('p.windowId IN (:...ids)', { ids }).orderBy('p.post').getMany(),
        (row) => row.windowId,
      ),
    )
    .load(window.id);
}

/** Every window of a tenant and every post on them (an appraisal's window units and their staff): two statements. */
export async function windowsAndPostsOf(db: Db, tenantId: number): Promise<{ windows: Window[]; posts: WindowPost[] }> {
  const [all, posts] = await Promise.all([
    windows(db).query('w').andWhere('w.tenantId = :tenantId', { tenantId }).orderBy('w.id').getMany(),
    db.scoped(WindowPost).query('p').andWhere('p.tenantId = :tenantId', { tenantId }).orderBy('p.id').getMany(),
  ]);
  return { windows: all, posts };
}

/** The windows where a user holds a post (A or B) now, in the viewer's scope. */
export async function windowIdsPostedBy(ctx: RequestContext, userId: number): Promise<number[]> {
  const posts = await ctx.db.scoped(WindowPost).query('p').andWhere('p.userId = :userId', { userId }).getMany();
  return unique(posts.map((post) => post.windowId));
}

export async function mattersOf(ctx: RequestContext, window: Window): Promise<Matter[]> {
  const links = await ctx.loaders
    .get('WindowMatter.byWindow', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(WindowMatter).query('wm').andWhere('wm.windowId IN (:...ids)', { ids }).getMany(),
        (row) => row.windowId,
      ),
    )
    .load(window.id);
  const rows = await Promise.all(links.map((link) => matters.loadMatter(ctx, link.matterId)));
  return rows.filter((row): row is Matter => row !== null).sort((a, b) => a.code.localeCompare(b.code));
}

export function statusHistoryOf(ctx: RequestContext, window: Window): Promise<WindowStatusChange[]> {
  return ctx.loaders
    .get('WindowStatusChange.byWindow', () =>
      groupedLoader(
        (ids) =>
          ctx.db
            .scoped(WindowStatusChange)
            .query('sc')
            .andWhere('sc.windowId IN (:...ids)', { ids })
            .orderBy('sc.at', 'ASC')
            .addOrderBy('sc.id', 'ASC')
            .getMany(),
        (row) => row.windowId,
      ),
    )
    .load(window.id);
}

export async function lunchDutyRotaOf(ctx: RequestContext, window: Window): Promise<LunchDutyRota | null> {
  const rotas = await ctx.loaders
    .get('LunchDutyRota.byWindow', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(LunchDutyRota).query('r').andWhere('r.windowId IN (:...ids)', { ids }).getMany(),
        (row) => row.windowId,
      ),
    )
    .load(window.id);
  return rotas[0] ?? null;
}

export function coversOf(ctx: RequestContext, absence: StaffAbsence): Promise<WindowCover[]> {
  return ctx.loaders
    .get('WindowCover.byAbsence', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(WindowCover).query('c').andWhere('c.absenceId IN (:...ids)', { ids }).orderBy('c.id').getMany(),
        (row) => row.absenceId,
      ),
    )
    .load(absence.id);
}

export async function loadUsers(ctx: RequestContext, ids: number[]): Promise<User[]> {
  const users = await Promise.all(ids.map((id) => tenancy.loadUser(ctx, id)));
  return users.filter((user): user is User => user !== null);
}

export function departmentOf(ctx: RequestContext, window: Window): Promise<Department | null> {
  return tenancy.loadDepartment(ctx, window.departmentId);
}

/**
 * The windows that serve a matter, batched by matter id. For the public service guide,
 * `publicTenantId` reads that tenant only, through a read-only view (the caller may be
 * anonymous), and returns OPEN windows only.
 */
export function windowsServingMatter(
  ctx: RequestContext,
  matterId: number,
  options: { publicTenantId?: number } = {},
): Promise<Window[]> {
  const { publicTenantId } = options;
  const db = publicTenantId === undefined ? ctx.db : ctx.db.readOnlyFor([publicTenantId]);
  const key = publicTenantId === undefined ? 'Window.servingMatter:scoped' : `Window.servingMatter:public:${publicTenantId}`;
  return ctx.loaders
    .get(key, () =>
      new DataLoader<number, Window[]>(async (matterIds) => {
        const links = await db
          .scoped(WindowMatter)
          .query('wm')
          .andWhere('wm.matterId IN (:...matterIds)', { matterIds: unique(matterIds) })
          .getMany();
        const windowIds = unique(links.map((link) => link.windowId));
        const query = windows(db).query('w').andWhere('w.id IN (:...windowIds)', { windowIds });
        if (publicTenantId !== undefined) query.andWhere('w.status = :open', { open: WindowStatus.OPEN });
        const found = new Map((windowIds.length > 0 ? await query.getMany() : []).map((w) => [w.id, w]));
        return matterIds.map((matterId) =>
          links
            .filter((link) => link.matterId === matterId)
            .flatMap((link) => found.get(link.windowId) ?? [])
            .sort(byNumber),
        );
      }),
    )
    .load(matterId);
}

/**
 * The windows among `windowIds` where a person acts for the window at `at`: holding its
 * A or B post, standing in as a current replacement (替岗), or as its chief
 * representative (首席代表).
 */
export async function windowsStaffedBy(ctx: RequestContext, userId: number, windowIds: number[], at: Date): Promise<number[]> {
  if (windowIds.length === 0) return [];
  const [posts, covers, rows] = await Promise.all([
    ctx.db.scoped(WindowPost).query('p').andWhere('p.userId = :userId AND p.windowId IN (:...windowIds)', { userId, windowIds }).getMany(),
    ctx.db
      .scoped(WindowCover)
      .query('c')
      .andWhere('c.userId = :userId AND c.windowId IN (:...windowIds) AND c.startsAt <= :at AND c.endsAt > :at', { userId, windowIds, at: toSecond(at) })
      .getMany(),
    Promise.all(windowIds.map((id) => loadWindow(ctx, id))),
  ]);
  const chief = rows.filter((w): w is Window => w !== null && w.chiefRepresentativeId === userId).map((w) => w.id);
  return unique([...posts.map((p) => p.windowId), ...covers.map((c) => c.windowId), ...chief]);
}

/** The open COMPREHENSIVE windows of a tenant in 综合受理 mode. */
export function comprehensiveIntakeWindows(ctx: RequestContext, tenantId: number): Promise<Window[]> {
  return windows(ctx.db)
    .query('w')
    .andWhere('w.tenantId = :tenantId AND w.kind = :kind AND w.comprehensiveIntake = :on AND w.status = :open', { tenantId, kind: WindowKind.COMPREHENSIVE, on: true, open: WindowStatus.OPEN })
    .orderBy('w.number')
    .getMany();
}

// ---- queries -----------------------------------------------------------------

export function tenantCodeOf(code: string, field: string): string {
  if (!/^\d{6}$/.test(code)) throw new BadUserInputError(messages.divisionCode(field), field);
  return code;
}

export async function listWindows(ctx: RequestContext, args: ListArgs<WindowOrderField>, filter: WindowFilter = {}): Promise<ConnectionResult<Window>> {
  requireViewer(ctx);
  const query = windows(ctx.db).query('w');
  if (filter.kind) query.andWhere('w.kind = :kind', { kind: filter.kind });
  if (filter.status) query.andWhere('w.status = :status', { status: filter.status });
  if (filter.departmentId) {
    query.andWhere('w.departmentId = :departmentId', {
      departmentId: decodeGlobalIdOf('Department', filter.departmentId, 'filter.departmentId'),
    });
  }
  if (filter.tenantCode) {
    const tenant = await tenancy.tenantByCode(ctx, tenantCodeOf(filter.tenantCode, 'filter.tenantCode'));
    query.andWhere('w.tenantId = :tenantId', { tenantId: tenant?.id ?? 0 });
  }
  return paginate(query, { list: 'windows', alias: 'w', sorting: windowSorting }, args);
}

export async function windowById(ctx: RequestContext, globalId: string): Promise<Window | null> {
  requireViewer(ctx);
  return loadWindow(ctx, decodeGlobalIdOf('Window', globalId, 'id'));
}

// ---- checks shared by the mutations -------------------------------------------------

/** The department of a window being written: visible (else NOT_FOUND) and of the own tenant (else FORBIDDEN). */
async function ownDepartment(ctx: RequestContext, globalId: string, field: string): Promise<Department> {
  const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', globalId, field));
  if (!department) throw new NotFoundError(nouns.department);
  ctx.db.scope.assertWritable(department.tenantId);
  return department;
}

/** The window being written: visible (else NOT_FOUND) and of the own tenant (else FORBIDDEN). */
export async function ownWindow(db: Db, globalId: string, field: string): Promise<Window> {
  const window = await windows(db).getById(decodeGlobalIdOf('Window', globalId, field), nouns.window);
  windows(db).assertWritable(window);
  return window;
}

/** A user a window rule names: visible (else NOT_FOUND), and an active user of the centre (else BAD_USER_INPUT). */
export async function activeUserOf(ctx: RequestContext, userId: number, tenantId: number, field: string): Promise<User> {
  const user = await tenancy.loadUser(ctx, userId);
  if (!user) throw new NotFoundError(nouns.user);
  if (user.tenantId !== tenantId) throw new BadUserInputError(m.notOfCentre(user.username), field);
  if (!user.active) throw new BadUserInputError(m.inactiveUser(user.username), field);
  return user;
}

/** Someone who may hold a post or stand in at a window: active window staff (窗口人员) of the centre. */
export async function windowStaffOf(ctx: RequestContext, userId: number, tenantId: number, field: string): Promise<User> {
  const user = await activeUserOf(ctx, userId, tenantId, field);
  if (!isWindowStaff(user)) throw new BadUserInputError(m.notWindowStaff(user.username), field);
  return user;
}

/** 首席代表: an active user of the window's department. */
async function chiefRepresentative(ctx: RequestContext, globalId: string, department: Department, field: string): Promise<User> {
  const user = await activeUserOf(ctx, decodeGlobalIdOf('User', globalId, field), department.tenantId, field);
  if (user.departmentId !== department.id) {
    throw new BadUserInputError(m.chiefOfDepartment(department.name, user.username), field);
  }
  return user;
}

/** Matters a window serves: visible (else NOT_FOUND) and of the window's centre (else BAD_USER_INPUT). */
async function mattersOfCentre(ctx: RequestContext, globalIds: string[], tenantId: number, field: string): Promise<number[]> {
  if (globalIds.length > MAX_MATTERS_PER_WINDOW) throw new BadUserInputError(m.tooManyMatters(MAX_MATTERS_PER_WINDOW), field);
  const ids = unique(globalIds.map((id) => decodeGlobalIdOf('Matter', id, field)));
  for (const matter of await Promise.all(ids.map((id) => matters.loadMatter(ctx, id)))) {
    if (!matter) throw new NotFoundError(nouns.matter);
    if (matter.tenantId !== tenantId) {
      throw new BadUserInputError(m.matterOfAnotherCentre(matter.code), field);
    }
  }
  return ids;
}

async function assertNumberFree(db: Db, tenantId: number, number: string, exceptId: number | null): Promise<void> {
  const taken = await windows(db)
    .query('w')
    .andWhere('w.tenantId = :tenantId AND w.number = :number', { tenantId, number })
    .getOne();
  if (taken && taken.id !== exceptId) throw new BadUserInputError(m.numberTaken(number), 'input.number');
}

function numberTaken(number: string) {
  return (error: unknown): never => {
    if (isDuplicateKey(error)) throw new ConflictError(m.numberJustTaken(number), { field: 'input.number' });
    throw error;
  };
}

function statusChange(window: Window, status: WindowStatus, reason: string, actorId: number): WindowStatusChange {
  return Object.assign(new WindowStatusChange(), {
    tenantId: window.tenantId,
    windowId: window.id,
    status,
    reason,
    actorId,
    at: toSecond(new Date()),
  });
}

// ---- window mutations -------------------------------------------------------------

export async function createWindow(ctx: RequestContext, input: CreateWindowInput): Promise<Window> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const check = new InputCheck();
  const number = windowNumber(input.number, 'input.number', check);
  const name = check.text(input.name, 'input.name', 64);
  const hall = check.text(input.hall, 'input.hall', 64);
  check.done();
  const department = await ownDepartment(ctx, input.departmentId, 'input.departmentId');
  const matterIds = await mattersOfCentre(ctx, input.matterIds ?? [], department.tenantId, 'input.matterIds');
  const chief = input.chiefRepresentativeId
    ? await chiefRepresentative(ctx, input.chiefRepresentativeId, department, 'input.chiefRepresentativeId')
    : null;
  return ctx.db
    .transaction(async (db) => {
      await assertNumberFree(db, department.tenantId, number, null);
      const window = await windows(db).save(
        Object.assign(new Window(), {
          tenantId: department.tenantId,
          number,
          name,
          hall,
          kind: input.kind,
          departmentId: department.id,
          chiefRepresentativeId: chief?.id ?? null,
          status: WindowStatus.OPEN,
        }),
      );
      await db.scoped(WindowMatter).insertMany(matterIds.map((matterId) => ({ tenantId: window.tenantId, windowId: window.id, matterId })));
      await db.scoped(WindowStatusChange).save(statusChange(window, WindowStatus.OPEN, '窗口设立: window created', viewer.userId));
      await recordEmptyPosts(ctx, db, window.tenantId, [window.id], CoverageChange.WINDOW_STATUS);
      return windows(db).getById(window.id, nouns.window);
    })
    .catch(numberTaken(number));
}

export async function updateWindow(ctx: RequestContext, input: UpdateWindowInput): Promise<Window> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const window = await ownWindow(ctx.db, input.id, 'input.id');
  const changes: Partial<Window> = {};
  const check = new InputCheck();
  if (input.number != null) changes.number = windowNumber(input.number, 'input.number', check);
  if (input.name != null) changes.name = check.text(input.name, 'input.name', 64);
  if (input.hall != null) changes.hall = check.text(input.hall, 'input.hall', 64);
  if (input.kind != null) changes.kind = input.kind;
  if (input.comprehensiveIntake != null) changes.comprehensiveIntake = input.comprehensiveIntake;
  const comprehensive = !(changes.comprehensiveIntake ?? window.comprehensiveIntake) || (changes.kind ?? window.kind) === WindowKind.COMPREHENSIVE;
  check.that(comprehensive, 'input.comprehensiveIntake', m.comprehensiveOnly);
  check.done();
  let department: Department | null = null;
  if (input.departmentId != null) {
    department = await ownDepartment(ctx, input.departmentId, 'input.departmentId');
    changes.departmentId = department.id;
  }
  if (input.chiefRepresentativeId === null) {
    changes.chiefRepresentativeId = null;
  } else if (input.chiefRepresentativeId !== undefined) {
    department ??= await tenancy.loadDepartment(ctx, window.departmentId);
    if (!department) throw new NotFoundError(nouns.department);
    changes.chiefRepresentativeId = (await chiefRepresentative(ctx, input.chiefRepresentativeId, department, 'input.chiefRepresentativeId')).id;
  } else if (department && department.id !== window.departmentId && window.chiefRepresentativeId !== null) {
    // A new department keeps the chief representative only if they belong to it.
    const chief = await tenancy.loadUser(ctx, window.chiefRepresentativeId);
    if (chief?.departmentId !== department.id) {
      throw new BadUserInputError(m.chiefNotOfNewDepartment(department.name), 'input.chiefRepresentativeId');
    }
  }
  const matterIds = input.matterIds == null ? null : await mattersOfCentre(ctx, input.matterIds, window.tenantId, 'input.matterIds');
  const number = changes.number ?? window.number;
  return ctx.db
    .transaction(async (db) => {
      if (number !== window.number) await assertNumberFree(db, window.tenantId, number, window.id);
      await windows(db).updateVersioned(window, input.version, changes);
      if (matterIds) {
        await db.scoped(WindowMatter).deleteWhere({ windowId: window.id });
        await db.scoped(WindowMatter).insertMany(matterIds.map((matterId) => ({ tenantId: window.tenantId, windowId: window.id, matterId })));
      }
      return windows(db).getById(window.id, nouns.window);
    })
    .catch(numberTaken(number));
}

/** 准入准出: opens or closes a window, recording who, when and why. */
async function setWindowStatus(ctx: RequestContext, input: WindowStatusInput, status: WindowStatus): Promise<Window> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const reason = requireText(input.reason, 'input.reason', 500);
  const window = await ownWindow(ctx.db, input.id, 'input.id');
  return ctx.db.transaction(async (db) => {
    if (window.status === status && window.version === input.version) {
      throw new ConflictError(m.alreadyInStatus(window.number, status), { field: 'status' });
    }
    await windows(db).updateVersioned(window, input.version, { status });
    await db.scoped(WindowStatusChange).save(statusChange(window, status, reason, viewer.userId));
    await recordEmptyPosts(ctx, db, window.tenantId, [window.id], CoverageChange.WINDOW_STATUS);
    return windows(db).getById(window.id, nouns.window);
  });
}

export function openWindow(ctx: RequestContext, input: WindowStatusInput): Promise<Window> {
  return setWindowStatus(ctx, input, WindowStatus.OPEN);
}

export function closeWindow(ctx: RequestContext, input: WindowStatusInput): Promise<Window> {
  return setWindowStatus(ctx, input, WindowStatus.CLOSED);
}

/** AB岗: the A and B posts of a window; bumps the window's version. */
export async function assignWindowPosts(ctx: RequestContext, input: AssignWindowPostsInput): Promise<Window> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const window = await ownWindow(ctx.db, input.windowId, 'input.windowId');
  const aId = decodeGlobalIdOf('User', input.aUserId, 'input.aUserId');
  const bId = decodeGlobalIdOf('User', input.bUserId, 'input.bUserId');
  if (aId === bId) throw new BadUserInputError(m.twoPeopleForPosts, 'input.bUserId');
  await windowStaffOf(ctx, aId, window.tenantId, 'input.aUserId');
  await windowStaffOf(ctx, bId, window.tenantId, 'input.bUserId');
  return ctx.db.transaction(async (db) => {
    await windows(db).updateVersioned(window, input.version, {});
    const posts = db.scoped(WindowPost);
    await posts.deleteWhere({ windowId: window.id });
    await posts.insertMany([
      { tenantId: window.tenantId, windowId: window.id, post: WindowPostRole.A, userId: aId },
      { tenantId: window.tenantId, windowId: window.id, post: WindowPostRole.B, userId: bId },
    ]);
    await recordEmptyPosts(ctx, db, window.tenantId, [window.id], CoverageChange.POSTS_ASSIGNED);
    return windows(db).getById(window.id, nouns.window);
  });
}

/** `node(id:)` support: rows of these types by database id, within the scope. */
export const nodeLoaders = {
  Window: (ctx: RequestContext, ids: number[]) => windows(ctx.db).findByIds(ids),
  WindowStatusChange: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WindowStatusChange).findByIds(ids),
  StaffAbsence: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(StaffAbsence).findByIds(ids),
  LunchDutyRota: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(LunchDutyRota).findByIds(ids),
  PostSignOff: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(PostSignOff).findByIds(ids),
  EmptyPostEvent: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(EmptyPostEvent).findByIds(ids),
};

// ---- figures for the appraisal (考核) ---------------------------------------------

/** 空岗 that began in [from, to) in a centre: who left the window empty (null when unstaffed) and why. One statement. */
export async function emptyPostsBetween(db: Db, tenantId: number, from: Date, to: Date): Promise<{ id: number; windowId: number; userId: number | null; cause: EmptyPostCause }[]> {
  return db
    .scoped(EmptyPostEvent)
    .query('e')
    .select(['e.id', 'e.windowId', 'e.userId', 'e.cause'])
    .andWhere('e.tenantId = :tenantId AND e.startsAt >= :from AND e.startsAt < :to', { tenantId, from, to })
    .orderBy('e.id')
    .getMany();
}

/**
 * 考勤: absences that began in [from, to) and were recorded only after they had begun
 * (not asked for in advance: 未提前请假), not cancelled. One statement.
 */
export async function unplannedAbsences(db: Db, tenantId: number, from: Date, to: Date): Promise<{ id: number; subjectId: number }[]> {
  const rows = await db
    .scoped(StaffAbsence)
    .query('a')
    .select(['a.id', 'a.userId'])
    .andWhere('a.tenantId = :tenantId AND a.startsAt >= :from AND a.startsAt < :to AND a.cancelled = 0 AND a.recordedAt > a.startsAt', { tenantId, from, to })
    .orderBy('a.id')
    .getMany();
  return rows.map((row) => ({ id: row.id, subjectId: row.userId }));
}
