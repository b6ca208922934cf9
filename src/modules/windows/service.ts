import DataLoader from 'dataloader';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionArgs, ConnectionResult, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { Department, User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { Matter } from '../matters/entities';
import * as matters from '../matters/service';
import * as calendar from '../calendar/service';
import {
  LunchDutyRota,
  StaffAbsence,
  Window,
  WindowCover,
  WindowMatter,
  WindowPost,
  WindowPostRole,
  WindowStatus,
  WindowStatusChange,
} from './entities';
import {
  AssignWindowPostsInput,
  CancelAbsenceInput,
  CreateWindowInput,
  ScheduleAbsenceInput,
  SetLunchDutyRotaInput,
  UpdateWindowInput,
  WindowFilter,
  WindowStatusInput,
} from './inputs';
import { OnPostRole, WindowCoverage, WindowOnPost } from './types';

const windows = (db: Db) => db.scoped(Window);

const MAX_MATTERS_PER_WINDOW = 500;
const MAX_ROTA_GROUP = 20;
const MAX_REPLACEMENTS = 20;

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const byNumber = (a: Window, b: Window) => a.number.localeCompare(b.number) || a.id - b.id;

/** Times are kept to the second: MySQL DATETIME columns drop the fraction, SQLite would keep it. */
function toSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** FOR UPDATE on MySQL. SQLite runs one transaction at a time (db.ts), so it needs no lock. */
function forUpdate<T extends ObjectLiteral>(db: Db, query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return db.dataSource.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write');
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw new BadUserInputError(`"${field}" must be 1-${max} characters`, field);
  return trimmed;
}

function windowNumber(value: string, field: string): string {
  const number = value.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{0,15}$/.test(number)) {
    throw new BadUserInputError(`"${field}" must be 1-16 letters, digits or "-", e.g. A12`, field);
  }
  return number;
}

// ---- dates -------------------------------------------------------------------

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How far lunchDutyOn counts working days from a rota's start. */
const MAX_ROTA_SPAN_DAYS = 366 * 30;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a yyyy-mm-dd date; BAD_USER_INPUT when it is not a real date. */
function parseDate(date: string, field: string): number {
  const match = DATE_PATTERN.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) throw new BadUserInputError(`"${field}" must be a date yyyy-mm-dd`, field);
  return ms / DAY_MS;
}

/** The working-day calendar of a window's centre (holidays and 调休 included). */
async function calendarOfTenant(ctx: RequestContext, tenantId: number): Promise<calendar.WorkingCalendar> {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  if (!tenant) throw new NotFoundError('Tenant');
  return calendar.calendarOf(ctx, tenant);
}

// ---- loaders -----------------------------------------------------------------

export function loadWindow(ctx: RequestContext, id: number): Promise<Window | null> {
  return ctx.loaders.get('Window.byId', () => byIdLoader((ids) => windows(ctx.db).findByIds(ids))).load(id);
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

export function loadUser(ctx: RequestContext, id: number | null): Promise<User | null> {
  return id === null ? Promise.resolve(null) : tenancy.loadUser(ctx, id);
}

async function loadUsers(ctx: RequestContext, ids: number[]): Promise<User[]> {
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

// ---- queries -----------------------------------------------------------------

function tenantCodeOf(code: string, field: string): string {
  if (!/^\d{6}$/.test(code)) throw new BadUserInputError(`"${field}" must be a 6-digit division code`, field);
  return code;
}

export async function listWindows(ctx: RequestContext, args: ConnectionArgs, filter: WindowFilter = {}): Promise<ConnectionResult<Window>> {
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
  return paginate(query, 'w', args);
}

export async function windowById(ctx: RequestContext, globalId: string): Promise<Window | null> {
  requireViewer(ctx);
  return loadWindow(ctx, decodeGlobalIdOf('Window', globalId, 'id'));
}

/**
 * 在岗情况 of every OPEN window of a centre at `at`: A when A is not absent, else B
 * standing in, else a replacement (替岗) who is not absent; windows with nobody are
 * 空岗. A fixed number of statements: windows, posts, covers, absences, users.
 */
export async function windowCoverage(ctx: RequestContext, at: Date | undefined, tenantCode: string | undefined): Promise<WindowCoverage> {
  const viewer = requireViewer(ctx);
  const moment = at ?? new Date();
  let tenantId = viewer.tenantId;
  if (tenantCode !== undefined) {
    const tenant = await tenancy.tenantByCode(ctx, tenantCodeOf(tenantCode, 'tenantCode'));
    if (!tenant) throw new NotFoundError('Tenant');
    tenantId = tenant.id;
  }
  const open = (
    await windows(ctx.db)
      .query('w')
      .andWhere('w.tenantId = :tenantId AND w.status = :open', { tenantId, open: WindowStatus.OPEN })
      .getMany()
  ).sort(byNumber);
  if (open.length === 0) return { at: moment, onPost: [], emptyWindows: [] };
  const windowIds = open.map((w) => w.id);
  const [posts, covers, absences] = await Promise.all([
    ctx.db.scoped(WindowPost).query('p').andWhere('p.windowId IN (:...windowIds)', { windowIds }).getMany(),
    activeCovers(ctx.db, windowIds, { startsAt: moment, endsAt: new Date(moment.getTime() + 1) }),
    ctx.db
      .scoped(StaffAbsence)
      .query('a')
      .andWhere('a.tenantId = :tenantId AND a.cancelled = :cancelled', { tenantId, cancelled: false })
      .andWhere('a.startsAt <= :moment AND a.endsAt > :moment', { moment })
      .getMany(),
  ]);
  const absent = new Set(absences.map((a) => a.userId));
  const users = new Map(
    (await loadUsers(ctx, unique([...posts.map((p) => p.userId), ...covers.map((c) => c.userId)]))).map((u) => [u.id, u]),
  );
  const present = (userId: number | undefined): User | null => {
    const user = userId === undefined ? undefined : users.get(userId);
    return user && user.active && !absent.has(user.id) ? user : null;
  };
  const onPost: WindowOnPost[] = [];
  const emptyWindows: Window[] = [];
  for (const window of open) {
    const holder = (post: WindowPostRole) => posts.find((p) => p.windowId === window.id && p.post === post)?.userId;
    const a = present(holder(WindowPostRole.A));
    const b = a ? null : present(holder(WindowPostRole.B));
    const cover = a || b ? null : covers.filter((c) => c.windowId === window.id).map((c) => present(c.userId)).find((u) => u !== null);
    if (a) onPost.push({ window, user: a, post: OnPostRole.A });
    else if (b) onPost.push({ window, user: b, post: OnPostRole.B });
    else if (cover) onPost.push({ window, user: cover, post: OnPostRole.COVER });
    else emptyWindows.push(window);
  }
  return { at: moment, onPost, emptyWindows };
}

/** Covers of these windows overlapping [startsAt, endsAt) whose absence still stands. */
function activeCovers(db: Db, windowIds: number[], span: Interval): Promise<WindowCover[]> {
  if (windowIds.length === 0) return Promise.resolve([]);
  return db
    .scoped(WindowCover)
    .query('c')
    .innerJoin(StaffAbsence, 'ca', 'ca.id = c.absenceId AND ca.tenantId = c.tenantId AND ca.cancelled = :cancelled', { cancelled: false })
    .andWhere('c.windowId IN (:...windowIds)', { windowIds })
    .andWhere('c.startsAt < :spanEnd AND c.endsAt > :spanStart', { spanStart: span.startsAt, spanEnd: span.endsAt })
    .orderBy('c.id')
    .getMany();
}

/** 延时服务: who is on lunch duty on `date` (yyyy-mm-dd); nobody on a non-working day. */
export async function lunchDutyOn(ctx: RequestContext, rota: LunchDutyRota, date: string): Promise<User[]> {
  const day = parseDate(date, 'date');
  const workingCalendar = await calendarOfTenant(ctx, rota.tenantId);
  if (!workingCalendar.isWorkingDay(date)) return [];
  const start = parseDate(rota.startsOn, 'startsOn');
  if (Math.abs(day - start) > MAX_ROTA_SPAN_DAYS) {
    throw new BadUserInputError(`"date" must be within ${MAX_ROTA_SPAN_DAYS} days of the rota start ${rota.startsOn}`, 'date');
  }
  const groupOne = workingCalendar.workingDaysBetweenDates(rota.startsOn, date) % 2 === 0;
  return loadUsers(ctx, rotaGroup(groupOne ? rota.groupOneIds : rota.groupTwoIds));
}

/** simple-array columns come back as strings. */
export function rotaGroup(ids: (number | string)[]): number[] {
  return ids.map(Number);
}

export function rotaMembers(ctx: RequestContext, ids: (number | string)[]): Promise<User[]> {
  return loadUsers(ctx, rotaGroup(ids));
}

// ---- checks shared by the mutations -------------------------------------------------

/** The department of a window being written: visible (else NOT_FOUND) and of the own tenant (else FORBIDDEN). */
async function ownDepartment(ctx: RequestContext, globalId: string, field: string): Promise<Department> {
  const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', globalId, field));
  if (!department) throw new NotFoundError('Department');
  ctx.db.scope.assertWritable(department.tenantId);
  return department;
}

/** The window being written: visible (else NOT_FOUND) and of the own tenant (else FORBIDDEN). */
async function ownWindow(db: Db, globalId: string, field: string): Promise<Window> {
  const window = await windows(db).getById(decodeGlobalIdOf('Window', globalId, field), 'Window');
  windows(db).assertWritable(window);
  return window;
}

/** A user a window rule names: visible (else NOT_FOUND), and an active user of the centre (else BAD_USER_INPUT). */
async function activeUserOf(ctx: RequestContext, userId: number, tenantId: number, field: string): Promise<User> {
  const user = await tenancy.loadUser(ctx, userId);
  if (!user) throw new NotFoundError('User');
  if (user.tenantId !== tenantId) throw new BadUserInputError(`${user.username} is not a user of this centre`, field);
  if (!user.active) throw new BadUserInputError(`${user.username} is not an active user`, field);
  return user;
}

/** 首席代表: an active user of the window's department. */
async function chiefRepresentative(ctx: RequestContext, globalId: string, department: Department, field: string): Promise<User> {
  const user = await activeUserOf(ctx, decodeGlobalIdOf('User', globalId, field), department.tenantId, field);
  if (user.departmentId !== department.id) {
    throw new BadUserInputError(`The chief representative (首席代表) must be of ${department.name}; ${user.username} is not`, field);
  }
  return user;
}

/** Matters a window serves: visible (else NOT_FOUND) and of the window's centre (else BAD_USER_INPUT). */
async function mattersOfCentre(ctx: RequestContext, globalIds: string[], tenantId: number, field: string): Promise<number[]> {
  if (globalIds.length > MAX_MATTERS_PER_WINDOW) throw new BadUserInputError(`At most ${MAX_MATTERS_PER_WINDOW} matters`, field);
  const ids = unique(globalIds.map((id) => decodeGlobalIdOf('Matter', id, field)));
  for (const matter of await Promise.all(ids.map((id) => matters.loadMatter(ctx, id)))) {
    if (!matter) throw new NotFoundError('Matter');
    if (matter.tenantId !== tenantId) {
      throw new BadUserInputError(`Matter ${matter.code} belongs to another centre: a window serves matters of its own centre`, field);
    }
  }
  return ids;
}

async function assertNumberFree(db: Db, tenantId: number, number: string, exceptId: number | null): Promise<void> {
  const taken = await windows(db)
    .query('w')
    .andWhere('w.tenantId = :tenantId AND w.number = :number', { tenantId, number })
    .getOne();
  if (taken && taken.id !== exceptId) throw new BadUserInputError(`Window ${number} already exists in this centre`, 'input.number');
}

function numberTaken(number: string) {
  return (error: unknown): never => {
    if (isDuplicateKey(error)) throw new ConflictError(`Window ${number} was just created by someone else`, { field: 'input.number' });
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
  const department = await ownDepartment(ctx, input.departmentId, 'input.departmentId');
  const number = windowNumber(input.number, 'input.number');
  const name = text(input.name, 'input.name', 64);
  const hall = text(input.hall, 'input.hall', 64);
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
      return windows(db).getById(window.id, 'Window');
    })
    .catch(numberTaken(number));
}

export async function updateWindow(ctx: RequestContext, input: UpdateWindowInput): Promise<Window> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const window = await ownWindow(ctx.db, input.id, 'input.id');
  const changes: Partial<Window> = {};
  if (input.number != null) changes.number = windowNumber(input.number, 'input.number');
  if (input.name != null) changes.name = text(input.name, 'input.name', 64);
  if (input.hall != null) changes.hall = text(input.hall, 'input.hall', 64);
  if (input.kind != null) changes.kind = input.kind;
  let department: Department | null = null;
  if (input.departmentId != null) {
    department = await ownDepartment(ctx, input.departmentId, 'input.departmentId');
    changes.departmentId = department.id;
  }
  if (input.chiefRepresentativeId === null) {
    changes.chiefRepresentativeId = null;
  } else if (input.chiefRepresentativeId !== undefined) {
    department ??= await tenancy.loadDepartment(ctx, window.departmentId);
    if (!department) throw new NotFoundError('Department');
    changes.chiefRepresentativeId = (await chiefRepresentative(ctx, input.chiefRepresentativeId, department, 'input.chiefRepresentativeId')).id;
  } else if (department && department.id !== window.departmentId && window.chiefRepresentativeId !== null) {
    // A new department keeps the chief representative only if they belong to it.
    const chief = await tenancy.loadUser(ctx, window.chiefRepresentativeId);
    if (chief?.departmentId !== department.id) {
      throw new BadUserInputError(
        `The chief representative is not of ${department.name}: give a new one or null with the new department`,
        'input.chiefRepresentativeId',
      );
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
      return windows(db).getById(window.id, 'Window');
    })
    .catch(numberTaken(number));
}

/** 准入准出: opens or closes a window, recording who, when and why. */
async function setWindowStatus(ctx: RequestContext, input: WindowStatusInput, status: WindowStatus): Promise<Window> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const reason = text(input.reason, 'input.reason', 500);
  const window = await ownWindow(ctx.db, input.id, 'input.id');
  return ctx.db.transaction(async (db) => {
    if (window.status === status && window.version === input.version) {
      throw new ConflictError(`Window ${window.number} is already ${status}`, { field: 'status' });
    }
    await windows(db).updateVersioned(window, input.version, { status });
    await db.scoped(WindowStatusChange).save(statusChange(window, status, reason, viewer.userId));
    return windows(db).getById(window.id, 'Window');
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
  if (aId === bId) throw new BadUserInputError('The A and the B post must be held by two different people', 'input.bUserId');
  await activeUserOf(ctx, aId, window.tenantId, 'input.aUserId');
  await activeUserOf(ctx, bId, window.tenantId, 'input.bUserId');
  return ctx.db.transaction(async (db) => {
    await windows(db).updateVersioned(window, input.version, {});
    const posts = db.scoped(WindowPost);
    await posts.deleteWhere({ windowId: window.id });
    await posts.insertMany([
      { tenantId: window.tenantId, windowId: window.id, post: WindowPostRole.A, userId: aId },
      { tenantId: window.tenantId, windowId: window.id, post: WindowPostRole.B, userId: bId },
    ]);
    return windows(db).getById(window.id, 'Window');
  });
}

// ---- absences and cover ---------------------------------------------------------------

interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** Someone who may be on post at a window: a post holder always, a cover during its interval. */
interface Candidate {
  userId: number;
  during?: Interval;
}

const contains = (interval: Interval, t: number) => interval.startsAt.getTime() <= t && t < interval.endsAt.getTime();

/**
 * The first moment of `span` at which none of `candidates` is on post, or null. Who is
 * on post only changes where an interval starts or ends, so those moments suffice.
 */
export function firstEmptyMoment(
  span: Interval,
  candidates: Candidate[],
  absencesOf: (userId: number) => Interval[],
  isActive: (userId: number) => boolean,
): Date | null {
  const from = span.startsAt.getTime();
  const to = span.endsAt.getTime();
  const moments = new Set([from]);
  const add = (t: Date) => {
    if (t.getTime() > from && t.getTime() < to) moments.add(t.getTime());
  };
  for (const candidate of candidates) {
    if (candidate.during) [candidate.during.startsAt, candidate.during.endsAt].forEach(add);
    for (const absence of absencesOf(candidate.userId)) [absence.startsAt, absence.endsAt].forEach(add);
  }
  for (const t of [...moments].sort((a, b) => a - b)) {
    const staffed = candidates.some(
      (c) => isActive(c.userId) && (!c.during || contains(c.during, t)) && !absencesOf(c.userId).some((a) => contains(a, t)),
    );
    if (!staffed) return new Date(t);
  }
  return null;
}

/**
 * Schedules an absence. Refused (BAD_USER_INPUT on input.replacements, naming the window)
 * when an OPEN window where the person holds a post, or covers, would have nobody on post
 * at some moment of it; a replacement given for that window becomes a WindowCover for
 * the whole absence.
 */
export async function scheduleAbsence(ctx: RequestContext, input: ScheduleAbsenceInput): Promise<StaffAbsence> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const userId = decodeGlobalIdOf('User', input.userId, 'input.userId');
  const person = await tenancy.loadUser(ctx, userId);
  if (!person) throw new NotFoundError('User');
  ctx.db.scope.assertWritable(person.tenantId);
  const span: Interval = { startsAt: toSecond(input.startsAt), endsAt: toSecond(input.endsAt) };
  if (span.endsAt <= span.startsAt) throw new BadUserInputError('"endsAt" must be after "startsAt"', 'input.endsAt');
  const reason = input.reason.trim();
  if (reason.length > 500) throw new BadUserInputError('"reason" must be at most 500 characters', 'input.reason');
  if (input.replacements.length > MAX_REPLACEMENTS) throw new BadUserInputError(`At most ${MAX_REPLACEMENTS} replacements`, 'input.replacements');
  const replacements = input.replacements.map((r, i) => ({
    windowId: decodeGlobalIdOf('Window', r.windowId, `input.replacements[${i}].windowId`),
    userId: decodeGlobalIdOf('User', r.userId, `input.replacements[${i}].userId`),
  }));
  if (unique(replacements.map((r) => r.windowId)).length !== replacements.length) {
    throw new BadUserInputError('Give at most one replacement per window', 'input.replacements');
  }
  for (const user of await Promise.all(replacements.map((r) => activeUserOf(ctx, r.userId, person.tenantId, 'input.replacements')))) {
    if (user.id === person.id) throw new BadUserInputError(`${user.username} cannot replace themselves`, 'input.replacements');
  }

  return ctx.db.transaction(async (db) => {
    // Locking reads come first: on MySQL they take no snapshot, so the plain reads below
    // see every absence committed before the window locks were granted. Two absences
    // that could together empty a window therefore run one after the other.
    const heldPosts = await forUpdate(db, db.scoped(WindowPost).query('p').andWhere('p.userId = :userId', { userId })).getMany();
    const heldCovers = await forUpdate(
      db,
      db
        .scoped(WindowCover)
        .query('c')
        .andWhere('c.userId = :userId AND c.startsAt < :endsAt AND c.endsAt > :startsAt', { userId, ...span }),
    ).getMany();
    const windowIds = unique([...heldPosts, ...heldCovers, ...replacements].map((row) => row.windowId));
    const locked =
      windowIds.length === 0
        ? []
        : await forUpdate(db, windows(db).query('w').andWhere('w.id IN (:...windowIds)', { windowIds }).orderBy('w.id')).getMany();
    const windowById = new Map(locked.map((w) => [w.id, w]));
    for (const r of replacements) {
      const window = windowById.get(r.windowId);
      if (!window) throw new NotFoundError('Window');
      windows(db).assertWritable(window);
    }

    const posts = windowIds.length === 0 ? [] : await db.scoped(WindowPost).query('p').andWhere('p.windowId IN (:...windowIds)', { windowIds }).getMany();
    const covers = await activeCovers(db, windowIds, span);
    const people = unique([userId, ...posts.map((p) => p.userId), ...covers.map((c) => c.userId), ...replacements.map((r) => r.userId)]);
    const absences = await db
      .scoped(StaffAbsence)
      .query('a')
      .andWhere('a.userId IN (:...people) AND a.cancelled = :cancelled', { people, cancelled: false })
      .andWhere('a.startsAt < :endsAt AND a.endsAt > :startsAt', span)
      .getMany();
    const users = new Map((await loadUsers(ctx, people)).map((u) => [u.id, u]));
    const when = (i: Interval) => `${i.startsAt.toISOString()} to ${i.endsAt.toISOString()}`;

    const own = absences.find((a) => a.userId === userId);
    if (own) throw new BadUserInputError(`${person.username} is already absent from ${when(own)}`, 'input.startsAt');
    for (const r of replacements) {
      const away = absences.find((a) => a.userId === r.userId);
      if (away) {
        const number = windowById.get(r.windowId)?.number;
        throw new BadUserInputError(`The replacement for window ${number}, ${users.get(r.userId)?.username}, is absent from ${when(away)}`, 'input.replacements');
      }
    }

    // Every OPEN window the person staffs must keep somebody on post throughout.
    const withNewAbsence = [...absences, { userId, ...span }];
    const absencesOf = (id: number) => withNewAbsence.filter((a) => a.userId === id);
    const isActive = (id: number) => users.get(id)?.active === true;
    const staffed = unique([...posts.filter((p) => p.userId === userId), ...covers.filter((c) => c.userId === userId)].map((row) => row.windowId));
    const notStaffed = replacements.find((r) => !staffed.includes(r.windowId));
    if (notStaffed) {
      throw new BadUserInputError(
        `${person.username} holds no post at window ${windowById.get(notStaffed.windowId)?.number}: it needs no replacement`,
        'input.replacements',
      );
    }
    const problems: string[] = [];
    for (const window of staffed.map((id) => windowById.get(id)).filter((w): w is Window => w !== undefined).sort(byNumber)) {
      if (window.status !== WindowStatus.OPEN || replacements.some((r) => r.windowId === window.id)) continue;
      const candidates: Candidate[] = [
        ...posts.filter((p) => p.windowId === window.id).map((p) => ({ userId: p.userId })),
        ...covers.filter((c) => c.windowId === window.id).map((c) => ({ userId: c.userId, during: c })),
      ];
      const empty = firstEmptyMoment(span, candidates, absencesOf, isActive);
      if (empty) problems.push(`window ${window.number} would have nobody on post at ${empty.toISOString()}`);
    }
    if (problems.length > 0) {
      throw new BadUserInputError(`${problems.join('; ')}: give a replacement for it in "replacements"`, 'input.replacements');
    }

    const absence = await db.scoped(StaffAbsence).save(
      Object.assign(new StaffAbsence(), {
        tenantId: person.tenantId,
        userId,
        kind: input.kind,
        ...span,
        reason,
        createdById: viewer.userId,
        cancelled: false,
      }),
    );
    await db.scoped(WindowCover).insertMany(
      replacements.map((r) => ({ tenantId: person.tenantId, windowId: r.windowId, userId: r.userId, absenceId: absence.id, ...span })),
    );
    return absence;
  });
}

/**
 * Cancels an absence; its covers lapse with it. A cancelled absence cannot come back, so
 * its state is its version: a second cancel is a CONFLICT.
 */
export async function cancelAbsence(ctx: RequestContext, input: CancelAbsenceInput): Promise<StaffAbsence> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const absences = ctx.db.scoped(StaffAbsence);
  const absence = await absences.getById(decodeGlobalIdOf('StaffAbsence', input.id, 'input.id'), 'StaffAbsence');
  absences.assertWritable(absence);
  if (absence.cancelled) throw new ConflictError('The absence is already cancelled', { field: 'cancelled' });
  absence.cancelled = true;
  return absences.save(absence);
}

// ---- lunch duty rota ----------------------------------------------------------------------

async function rotaGroupOf(ctx: RequestContext, globalIds: string[], tenantId: number, field: string): Promise<number[]> {
  if (globalIds.length === 0) {
    throw new BadUserInputError(`"${field}" is empty: every working day needs at least one person on lunch duty`, field);
  }
  if (globalIds.length > MAX_ROTA_GROUP) throw new BadUserInputError(`"${field}" may have at most ${MAX_ROTA_GROUP} people`, field);
  const ids = unique(globalIds.map((id) => decodeGlobalIdOf('User', id, field)));
  await Promise.all(ids.map((id) => activeUserOf(ctx, id, tenantId, field)));
  return ids;
}

/** 延时服务: creates or replaces the lunch-time duty rota of a window. */
export async function setLunchDutyRota(ctx: RequestContext, input: SetLunchDutyRotaInput): Promise<LunchDutyRota> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const window = await ownWindow(ctx.db, input.windowId, 'input.windowId');
  const groupOneIds = await rotaGroupOf(ctx, input.groupOneIds, window.tenantId, 'input.groupOneIds');
  const groupTwoIds = await rotaGroupOf(ctx, input.groupTwoIds, window.tenantId, 'input.groupTwoIds');
  if (groupTwoIds.some((id) => groupOneIds.includes(id))) {
    throw new BadUserInputError('Nobody may be in both groups: the groups take turns', 'input.groupTwoIds');
  }
  parseDate(input.startsOn, 'input.startsOn');
  if (!(await calendarOfTenant(ctx, window.tenantId)).isWorkingDay(input.startsOn)) {
    throw new BadUserInputError('"startsOn" must be a working day (group one is on duty that day)', 'input.startsOn');
  }
  const fields = { groupOneIds, groupTwoIds, startsOn: input.startsOn };
  return ctx.db
    .transaction(async (db) => {
      const rotas = db.scoped(LunchDutyRota);
      const current = await rotas.query('r').andWhere('r.windowId = :windowId', { windowId: window.id }).getOne();
      if (!current) {
        const created = await rotas.save(Object.assign(new LunchDutyRota(), { tenantId: window.tenantId, windowId: window.id, ...fields }));
        return rotas.getById(created.id, 'LunchDutyRota');
      }
      if (input.version == null) {
        throw new ConflictError(`Window ${window.number} already has a rota: pass its version to replace it`, { field: 'version' });
      }
      await rotas.updateVersioned(current, input.version, fields);
      return rotas.getById(current.id, 'LunchDutyRota');
    })
    .catch((error: unknown) => {
      if (isDuplicateKey(error)) throw new ConflictError('The window got a rota meanwhile: reload it and try again', { field: 'version' });
      throw error;
    });
}

/** `node(id:)` support: rows of these types by database id, within the scope. */
export const nodeLoaders = {
  Window: (ctx: RequestContext, ids: number[]) => windows(ctx.db).findByIds(ids),
  WindowStatusChange: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WindowStatusChange).findByIds(ids),
  StaffAbsence: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(StaffAbsence).findByIds(ids),
  LunchDutyRota: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(LunchDutyRota).findByIds(ids),
};
