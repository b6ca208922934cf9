import DataLoader from 'dataloader';
import { RequestContext } from '../../context';
import { DataSource } from 'typeorm';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { requireText } from '../../validation/text';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import { CalendarOverride, NationalCalendarDay, NationalCalendarYear } from './entities';
import { WorkingCalendar } from './working-calendar';
import { CalendarOverrideInput, NationalCalendarDayInput, NationalCalendarInput, RemoveCalendarDayInput } from './inputs';
import { messages, nouns } from '../../graphql/messages';
import { calendarMessages as m } from './messages';

export { WorkingCalendar };

interface NationalSchedule {
  days: NationalCalendarDay[];
  years: number[];
}

/** Not tenant-owned: the national calendar is public. Read fresh, e.g. inside a write's transaction. */
async function readNationalSchedule(db: Db): Promise<NationalSchedule> {
  const [days, years] = await Promise.all([
    db.unscoped.find(NationalCalendarDay, { order: { date: 'ASC' } }),
    db.unscoped.find(NationalCalendarYear),
  ]);
  return { days, years: years.map((y) => y.year) };
}

/**
 * Reads keep the national schedule and each centre's overrides for CALENDAR_CACHE_MS per
 * process, so a list's lights cost no calendar statement. A change made through this
 * process clears them at once; one made through another instance shows here within the
 * bound. Writes (anything inside a transaction: every mutation) read fresh, so a
 * deadline is never computed on a stale calendar.
 */
export const CALENDAR_CACHE_MS = 60_000;

interface Cached<T> {
  until: number;
  value: Promise<T>;
}
const nationalCache = new WeakMap<DataSource, Cached<NationalSchedule>>();
const overridesCache = new WeakMap<DataSource, Map<number, Cached<CalendarOverride[]>>>();
/** After a change, reads stay fresh this long: the change's transaction commits meanwhile, and no old value is cached again. */
const FRESH_AFTER_CHANGE_MS = 30_000;
const freshUntil = new WeakMap<DataSource, number>();

/** Forgets the cached calendars of this database, at a change of working days. */
function forgetCalendars(db: Db): void {
  nationalCache.delete(db.dataSource);
  overridesCache.delete(db.dataSource);
  freshUntil.set(db.dataSource, Date.now() + FRESH_AFTER_CHANGE_MS);
}

/** Whether this read must not use or fill the cache: inside a write, or just after a change. */
function readFresh(db: Db): boolean {
  return db.inTransaction || (freshUntil.get(db.dataSource) ?? 0) > Date.now();
}

function nationalSchedule(db: Db): Promise<NationalSchedule> {
  if (readFresh(db)) return readNationalSchedule(db);
  const cached = nationalCache.get(db.dataSource);
  if (cached && cached.until > Date.now()) return cached.value;
  const value = readNationalSchedule(db);
  nationalCache.set(db.dataSource, { until: Date.now() + CALENDAR_CACHE_MS, value });
  value.catch(() => nationalCache.delete(db.dataSource));
  return value;
}

/** Each tenant's overrides, from the cache where fresh, the rest in one statement. */
async function overridesOf(db: Db, tenants: readonly Tenant[]): Promise<Map<number, CalendarOverride[]>> {
  const read = (ids: number[]) => db.readOnlyFor(ids).scoped(CalendarOverride).query('o').getMany();
  const grouped = (rows: CalendarOverride[], ids: number[]) => new Map(ids.map((id) => [id, rows.filter((o) => o.tenantId === id)]));
  const ids = [...new Set(tenants.map((t) => t.id))];
  if (readFresh(db)) return grouped(await read(ids), ids);
  const cache = overridesCache.get(db.dataSource) ?? new Map<number, Cached<CalendarOverride[]>>();
  overridesCache.set(db.dataSource, cache);
  const now = Date.now();
  const missing = ids.filter((id) => !((cache.get(id)?.until ?? 0) > now));
  if (missing.length > 0) {
    const fetched = read(missing).then((rows) => grouped(rows, missing));
    fetched.catch(() => missing.forEach((id) => cache.delete(id)));
    for (const id of missing) cache.set(id, { until: now + CALENDAR_CACHE_MS, value: fetched.then((byTenant) => byTenant.get(id) ?? []) });
  }
  return new Map(await Promise.all(ids.map(async (id) => [id, await cache.get(id)!.value] as const)));
}

async function buildCalendars(db: Db, tenants: readonly Tenant[]): Promise<WorkingCalendar[]> {
  const [national, overrides] = await Promise.all([nationalSchedule(db), overridesOf(db, tenants)]);
  return tenants.map((t) => new WorkingCalendar(t.timeZone, [...national.days, ...(overrides.get(t.id) ?? [])], national.years));
}

/**
 * The working-day calendar of a tenant: national days plus its own overrides. `db` is
 * the request's, or a read-only view for a caller that may not read the tenant (the
 * public progress page), whose overrides are not secret.
 */
export function calendarOf(ctx: RequestContext, tenant: Tenant, db: Db = ctx.db): Promise<WorkingCalendar> {
  return ctx.loaders
    .get('WorkingCalendar.byTenant', () =>
      new DataLoader<Tenant, WorkingCalendar, number>((tenants) => buildCalendars(db, tenants), { cacheKeyFn: (t) => t.id }),
    )
    .load(tenant);
}

/** Today's date in the tenant's time zone, on the request's clock. */
export function todayOf(ctx: RequestContext, tenant: Tenant): string {
  return new WorkingCalendar(tenant.timeZone, []).localDate(ctx.now());
}

/** Of rows dated "from a day" (hours, an address), the one in force on `date`: the latest effectiveFrom not after it; null when none is. */
export function inForceOn<T extends { effectiveFrom: string }>(rows: readonly T[], date: string): T | null {
  return rows.filter((row) => row.effectiveFrom <= date).reduce<T | null>((latest, row) => (latest && latest.effectiveFrom > row.effectiveFrom ? latest : row), null);
}

/** Years already reported as provisional by this process: the warning is logged once per year. */
const reportedProvisionalYears = new Set<number>();

/** Logs, once per year, that deadlines fall in a year whose national schedule is not loaded. */
export function noteProvisionalYears(ctx: RequestContext, years: number[]): void {
  for (const year of years.filter((y) => !reportedProvisionalYears.has(y))) {
    reportedProvisionalYears.add(year);
    ctx.logger.warn({ year }, 'national holiday schedule not loaded: deadlines in this year are provisional (weekends only)');
  }
}

/** A change of working days (a closure, a changed national day, a loaded year) for some tenants. */
export interface CalendarChange {
  tenants: Tenant[];
  before: WorkingCalendar[];
  after: WorkingCalendar[];
  reason: string;
}

type CalendarChangeListener = (ctx: RequestContext, db: Db, change: CalendarChange) => Promise<void>;
const listeners: CalendarChangeListener[] = [];

/**
 * Modules whose clocks run on the calendar (cases) register here, and move them in the
 * same transaction as the change. (A listener, so the calendar does not depend on them.)
 */
export function onCalendarChange(listener: CalendarChangeListener): void {
  listeners.push(listener);
}

/** Runs `write` in a transaction and hands the calendars before and after it to the listeners. */
async function changeCalendar<T>(
  ctx: RequestContext,
  tenantsOf: (db: Db) => Promise<Tenant[]>,
  reason: string,
  write: (db: Db, before: WorkingCalendar[]) => Promise<T>,
  outer: Db = ctx.db,
): Promise<T> {
  return outer.transaction(async (db) => {
    forgetCalendars(db);
    const tenants = await tenantsOf(db);
    // Inside the transaction: both read fresh, never from the cache.
    const before = await buildCalendars(db, tenants);
    const result = await write(db, before);
    const after = await buildCalendars(db, tenants);
    for (const listener of listeners) await listener(ctx, db, { tenants, before, after, reason });
    return result;
  });
}

/** A national change concerns every tenant: read unscoped, as only a platform admin makes one. */
const everyTenant = (db: Db) => db.unscoped.find(Tenant);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day yyyy-mm-dd, or BAD_USER_INPUT naming `field` (the LocalDate scalar checks it too; services are also called from code). */
export function assertDate(date: string, field: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new BadUserInputError(messages.calendarDate(field), field);
  }
}

export interface CalendarDayView {
  date: string;
  working: boolean;
  name: string;
  source: 'NATIONAL' | 'TENANT';
}

/** The exceptions of a year for a tenant: national holidays and make-up days, then its own. */
export async function calendarYear(ctx: RequestContext, year: number, tenantCode?: string): Promise<{ tenant: Tenant; days: CalendarDayView[]; workingDays: number; nationalScheduleLoaded: boolean }> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInputError(m.year('year'), 'year');
  const tenant = tenantCode ? await tenancy.tenantByCode(ctx, tenantCode) : await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  const prefix = `${year}-`;
  const schedule = await nationalSchedule(ctx.db);
  const national = schedule.days.filter((d) => d.date.startsWith(prefix));
  const overrides = (await ctx.db.readOnlyFor([tenant.id]).scoped(CalendarOverride).query('o').getMany()).filter((o) => o.date.startsWith(prefix));
  const overridden = new Set(overrides.map((o) => o.date));
  const days: CalendarDayView[] = [
    ...national.filter((d) => !overridden.has(d.date)).map((d) => ({ date: d.date, working: d.working, name: d.name, source: 'NATIONAL' as const })),
    ...overrides.map((o) => ({ date: o.date, working: o.working, name: o.reason, source: 'TENANT' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const calendar = await calendarOf(ctx, tenant);
  let workingDays = 0;
  for (let day = `${year}-01-01`; day.startsWith(prefix); day = WorkingCalendar.nextDate(day)) if (calendar.isWorkingDay(day)) workingDays += 1;
  return { tenant, days, workingDays, nationalScheduleLoaded: schedule.years.includes(year) };
}

const ownTenant = (ctx: RequestContext, tenantId: number) => async (): Promise<Tenant[]> => {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return [tenant];
};

/** A closure or an extra working day of the centre; running deadlines move with it. */
export async function setCalendarOverride(ctx: RequestContext, input: CalendarOverrideInput): Promise<CalendarOverride> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  assertDate(input.date, 'input.date');
  const reason = requireText(input.reason, 'input.reason', 200);
  const why = `${input.date} ${input.working ? '临时工作日' : '闭厅'}: ${reason}`;
  return changeCalendar(ctx, ownTenant(ctx, viewer.tenantId), why, async (db) => {
    const overrides = db.scoped(CalendarOverride);
    const existing = await overrides.query('o').andWhere('o.tenantId = :own AND o.date = :date', { own: viewer.tenantId, date: input.date }).getOne();
    const row = existing ?? overrides.create({ tenantId: viewer.tenantId, date: input.date, createdById: viewer.userId });
    row.working = input.working;
    row.reason = reason;
    // The day is now the admin's: withdrawing a notice that had closed it leaves it alone.
    row.noticeId = null;
    row.closedWorkingDayReason = null;
    return overrides.save(row);
  });
}

/**
 * 暂停服务 announced by a 公告: closes the centre on the days of the period that are working
 * days, in the notice's transaction (`db`), and running deadlines move as for any
 * closure. Each day closed remembers the notice.
 */
export async function closeForNotice(ctx: RequestContext, db: Db, tenant: Tenant, days: string[], reason: string, noticeId: number): Promise<void> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const why = `${days[0]}–${days[days.length - 1]} 闭厅: ${reason}`;
  return changeCalendar(ctx, async () => [tenant], why, async (tx, [before]) => {
    const closing = days.filter((day) => before.isWorkingDay(day));
    const overrides = tx.scoped(CalendarOverride);
    const existing = closing.length === 0 ? [] : await overrides.query('o').andWhere('o.tenantId = :own AND o.date IN (:...closing)', { own: tenant.id, closing }).getMany();
    for (const date of closing) {
      const extra = existing.find((o) => o.date === date);
      const row = extra ?? overrides.create({ tenantId: tenant.id, date, createdById: viewer.userId });
      // A working day of the centre's own (调休上班) is kept in the row, to come back if the pause is withdrawn.
      Object.assign(row, { working: false, reason, noticeId, closedWorkingDayReason: extra?.working ? extra.reason : null });
      await overrides.save(row);
    }
  }, db);
}

/**
 * Withdrawing a 暂停服务 公告 reopens the days it closed that are still ahead (after
 * `today`) and that nobody has set since; deadlines move back. A day another published
 * pause also covers (`stillPaused`: day → that notice) stays closed, now that notice's.
 * A day that was the centre's extra working day before the pause is one again.
 */
export async function reopenAfterNotice(
  ctx: RequestContext,
  db: Db,
  tenant: Tenant,
  notice: { id: number; reason: string; stillPaused: ReadonlyMap<string, number> },
  today: string,
): Promise<void> {
  return changeCalendar(ctx, async () => [tenant], notice.reason, async (tx) => {
    const overrides = tx.scoped(CalendarOverride);
    const ahead = await overrides.query('o').andWhere('o.noticeId = :noticeId AND o.date > :today', { noticeId: notice.id, today }).getMany();
    for (const row of ahead) {
      const other = notice.stillPaused.get(row.date);
      if (other !== undefined) await overrides.update(row, { noticeId: other });
      else if (row.closedWorkingDayReason !== null) await overrides.update(row, { working: true, reason: row.closedWorkingDayReason, noticeId: null, closedWorkingDayReason: null });
      else await overrides.deleteWhere({ id: row.id });
    }
  }, db);
}

export async function removeCalendarOverride(ctx: RequestContext, input: RemoveCalendarDayInput): Promise<boolean> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  assertDate(input.date, 'input.date');
  await changeCalendar(ctx, ownTenant(ctx, viewer.tenantId), `${input.date}: 撤销本中心调整`, (db) => db.scoped(CalendarOverride).deleteWhere({ date: input.date }));
  return true;
}

// The national calendar belongs to no tenant; only platform admins reach what follows.

export async function setNationalCalendarDay(ctx: RequestContext, input: NationalCalendarDayInput): Promise<NationalCalendarDay> {
  requireRole(ctx, Role.PLATFORM_ADMIN);
  assertDate(input.date, 'input.date');
  const name = requireText(input.name, 'input.name', 32);
  return changeCalendar(ctx, everyTenant, `${input.date} ${input.working ? '调休上班' : name}: 国家放假安排调整`, (db) =>
    db.unscoped.save(NationalCalendarDay, { date: input.date, working: input.working, name }),
  );
}

export async function removeNationalCalendarDay(ctx: RequestContext, input: RemoveCalendarDayInput): Promise<boolean> {
  requireRole(ctx, Role.PLATFORM_ADMIN);
  assertDate(input.date, 'input.date');
  await changeCalendar(ctx, everyTenant, `${input.date}: 国家放假安排调整`, (db) => db.unscoped.delete(NationalCalendarDay, { date: input.date }));
  return true;
}

/** The loaded years, ascending. */
export async function nationalCalendarYears(ctx: RequestContext): Promise<number[]> {
  requireViewer(ctx);
  return [...(await nationalSchedule(ctx.db)).years].sort((a, b) => a - b);
}

/**
 * Loads one year's national schedule as the State Council publishes it: its holidays and
 * make-up working days replace whatever that year held, the year becomes known, and the
 * provisional deadlines that fall in it are recomputed.
 */
export async function setNationalCalendar(ctx: RequestContext, input: NationalCalendarInput): Promise<number> {
  requireRole(ctx, Role.PLATFORM_ADMIN);
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInputError(m.year('year'), 'input.year');
  const inYear = (date: string, field: string) => {
    assertDate(date, field);
    if (!date.startsWith(`${year}-`)) throw new BadUserInputError(m.notInYear(date, year), field);
  };
  input.holidays.forEach((h, i) => inYear(h.date, `input.holidays[${i}].date`));
  input.makeUpWorkdays.forEach((d, i) => inYear(d, `input.makeUpWorkdays[${i}]`));
  const holidays = input.holidays.map((h, i) => ({ date: h.date, working: false, name: requireText(h.name, `input.holidays[${i}].name`, 32) }));
  const holidayDates = new Set(holidays.map((h) => h.date));
  if (holidayDates.size !== holidays.length) throw new BadUserInputError(m.holidayTwice, 'input.holidays');
  const makeUp = [...new Set(input.makeUpWorkdays)];
  const both = makeUp.find((d) => holidayDates.has(d));
  if (both) throw new BadUserInputError(m.holidayAndWorkday(both), 'input.makeUpWorkdays');
  await changeCalendar(ctx, everyTenant, `${year}年国家放假安排载入`, async (db) => {
    await db.unscoped.createQueryBuilder().delete().from(NationalCalendarDay).where('date LIKE :prefix', { prefix: `${year}-%` }).execute();
    const rows = [...holidays, ...makeUp.map((date) => ({ date, working: true, name: '调休上班' }))];
    if (rows.length > 0) await db.unscoped.insert(NationalCalendarDay, rows);
    await db.unscoped.save(NationalCalendarYear, { year, loadedAt: ctx.now() });
  });
  return year;
}

export const nodeLoaders = {
  CalendarOverride: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(CalendarOverride).findByIds(ids),
};
