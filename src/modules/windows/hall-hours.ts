/**
 * 大厅办公时间: when a centre's hall is open. Working days come from the centre's calendar;
 * the hours of a working day from the HallHours row in force that day, or the default.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { isDuplicateKey } from '../../db/errors';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { Tenant } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import * as calendar from '../calendar/service';
import { HallHours } from './entities';
import { SetHallHoursInput } from './inputs';
import { HallClosedReason, HallHoursView } from './types';
import { tenantCodeOf } from './service';
import { windowMessages as m } from './messages';

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

type HoursRow = Pick<HallHours, 'opensAt' | 'closesAt' | 'lunchStartsAt' | 'lunchEndsAt'>;

/** Hours as a form gives them (no lunch break: both left out). */
export type HoursInput = Pick<HoursRow, 'opensAt' | 'closesAt'> & { lunchStartsAt?: string | null; lunchEndsAt?: string | null };

/** Hours from a date: '' for hours in force from the start. */
export type DatedHours = HoursRow & Pick<HallHours, 'effectiveFrom'>;

/**
 * The default: 09:00–12:00 and 13:30–17:00 (issue 9). It is also 三明's "朝九晚五"
 * (搬迁方案 4 三(三): "上午9:00—12:00,下午1:30—5:00").
 */
export const DEFAULT_HALL_HOURS: HoursRow = { opensAt: '09:00', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:30' };

/** A hall schedule never walks more days than this (a guard, not a rule). */
const MAX_SCAN_DAYS = 3 * 366;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number {
  const match = HH_MM.exec(time);
  if (!match) throw new Error(`not a time HH:MM: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

interface DayHours {
  opens: number;
  closes: number;
  lunch: { starts: number; ends: number } | null;
}

function dayHoursOf(hours: HoursRow): DayHours {
  return {
    opens: minutesOf(hours.opensAt),
    closes: minutesOf(hours.closesAt),
    lunch: hours.lunchStartsAt && hours.lunchEndsAt ? { starts: minutesOf(hours.lunchStartsAt), ends: minutesOf(hours.lunchEndsAt) } : null,
  };
}

const DEFAULT_DAY_HOURS = dayHoursOf(DEFAULT_HALL_HOURS);

/**
 * Opening hours on the centre's working days. Pure: built from a calendar and the dated
 * hours rows; each day has the hours in force on it (a change announced by a 公告 takes
 * effect on its date, 搬迁方案), the default before any row.
 */
export class HallSchedule {
  private readonly dated: { effectiveFrom: string; hours: DayHours }[];

  constructor(
    readonly calendar: calendar.WorkingCalendar,
    rows: readonly DatedHours[],
  ) {
    this.dated = rows.map((row) => ({ effectiveFrom: row.effectiveFrom, hours: dayHoursOf(row) }));
  }

  private hoursOn(date: string): DayHours {
    return calendar.inForceOn(this.dated, date)?.hours ?? DEFAULT_DAY_HOURS;
  }

  private at(date: string, minutes: number): Date {
    return this.calendar.instantAt(date, minutes);
  }

  /** The open sessions of a local date: none on a non-working day, else one or two (around lunch). */
  sessionsOn(date: string): Interval[] {
    if (!this.calendar.isWorkingDay(date)) return [];
    const { opens, closes, lunch } = this.hoursOn(date);
    if (!lunch) return [{ startsAt: this.at(date, opens), endsAt: this.at(date, closes) }];
    return [
      { startsAt: this.at(date, opens), endsAt: this.at(date, lunch.starts) },
      { startsAt: this.at(date, lunch.ends), endsAt: this.at(date, closes) },
    ];
  }

  /** 午休 of a working day; null on other days and for a hall that stays open at noon. */
  lunchBreakOn(date: string): Interval | null {
    const { lunch } = this.hoursOn(date);
    if (!lunch || !this.calendar.isWorkingDay(date)) return null;
    return { startsAt: this.at(date, lunch.starts), endsAt: this.at(date, lunch.ends) };
  }

  /** Closing time of the local date of `t` (its end when that is no working day). */
  closingOf(t: Date): Date {
    const date = this.calendar.localDate(t);
    return this.calendar.isWorkingDay(date) ? this.at(date, this.hoursOn(date).closes) : this.calendar.endOfDay(date);
  }

  /** Why the hall is closed at `t`; null while it is open. */
  closedReason(t: Date): HallClosedReason | null {
    const date = this.calendar.localDate(t);
    if (!this.calendar.isWorkingDay(date)) return HallClosedReason.NON_WORKING_DAY;
    const { opens, closes, lunch } = this.hoursOn(date);
    const minute = this.calendar.minuteOfDay(t);
    if (minute < opens || minute >= closes) return HallClosedReason.OUTSIDE_HOURS;
    if (lunch && minute >= lunch.starts && minute < lunch.ends) return HallClosedReason.LUNCH_BREAK;
    return null;
  }

  /** The open sessions overlapping `span`, clipped to it, in order. */
  sessionsWithin(span: Interval): Interval[] {
    const sessions: Interval[] = [];
    const last = this.calendar.localDate(span.endsAt);
    let date = this.calendar.localDate(span.startsAt);
    for (let scanned = 0; date <= last; scanned += 1, date = calendar.WorkingCalendar.nextDate(date)) {
      if (scanned > MAX_SCAN_DAYS) throw new BadUserInputError(m.spanTooLong(MAX_SCAN_DAYS), 'input.endsAt');
      for (const session of this.sessionsOn(date)) {
        const startsAt = session.startsAt > span.startsAt ? session.startsAt : span.startsAt;
        const endsAt = session.endsAt < span.endsAt ? session.endsAt : span.endsAt;
        if (startsAt < endsAt) sessions.push({ startsAt, endsAt });
      }
    }
    return sessions;
  }
}

// ---- reading ------------------------------------------------------------------

/** Every dated hours row of a centre, through the request's loader. */
function hallHoursRows(ctx: RequestContext, tenantId: number): Promise<HallHours[]> {
  return ctx.loaders
    .get('HallHours.byTenant', () =>
      groupedLoader(
        // Opening hours are public (政务公开), like the calendar: anyone may know them.
        (ids) => ctx.db.readOnlyFor(ids).scoped(HallHours).query('h').getMany(),
        (row) => row.tenantId,
      ),
    )
    .load(tenantId);
}

export async function hallScheduleOf(ctx: RequestContext, tenant: Tenant): Promise<HallSchedule> {
  const [workingCalendar, rows] = await Promise.all([calendar.calendarOf(ctx, tenant), hallHoursRows(ctx, tenant.id)]);
  return new HallSchedule(workingCalendar, rows);
}

export async function tenantOrOwn(ctx: RequestContext, tenantCode: string | undefined): Promise<Tenant> {
  const viewer = requireViewer(ctx);
  const tenant =
    tenantCode === undefined ? await tenancy.loadTenant(ctx, viewer.tenantId) : await tenancy.tenantByCode(ctx, tenantCodeOf(tenantCode, 'tenantCode'));
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return tenant;
}

const hoursOf = (row: HoursRow) => ({ opensAt: row.opensAt, closesAt: row.closesAt, lunchStartsAt: row.lunchStartsAt, lunchEndsAt: row.lunchEndsAt });

/** Today's hours (the row in force, or the default) and the changes already scheduled after today. */
function viewOf(tenant: Tenant, rows: HallHours[], today: string): HallHoursView {
  const row = calendar.inForceOn(rows, today);
  return {
    tenant,
    ...hoursOf(row ?? DEFAULT_HALL_HOURS),
    timeZone: tenant.timeZone,
    isDefault: row === null,
    effectiveFrom: row?.effectiveFrom || null,
    version: row?.version ?? null,
    scheduled: rows
      .filter((r) => r.effectiveFrom > today)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .map((r) => ({ effectiveFrom: r.effectiveFrom, ...hoursOf(r) })),
  };
}

/** The hall hours of the viewer's centre, or of a readable one by 行政区划代码, as in force today. */
export async function hallHoursOf(ctx: RequestContext, tenantCode: string | undefined): Promise<HallHoursView> {
  const tenant = await tenantOrOwn(ctx, tenantCode);
  return viewOf(tenant, await hallHoursRows(ctx, tenant.id), calendar.todayOf(ctx, tenant));
}

/** Hours as an input gives them, checked: opens < lunch start < lunch end < closes; lunch both or neither. */
export function checkedHours(input: HoursInput, field: (key: keyof HoursRow) => string): HoursRow {
  const hours: HoursRow = { opensAt: input.opensAt, closesAt: input.closesAt, lunchStartsAt: input.lunchStartsAt ?? null, lunchEndsAt: input.lunchEndsAt ?? null };
  const check = new InputCheck();
  for (const key of ['opensAt', 'lunchStartsAt', 'lunchEndsAt', 'closesAt'] as const) {
    const value = hours[key];
    if (value !== null) check.that(HH_MM.test(value), field(key), m.timeOfDay(field(key)));
  }
  check.that((hours.lunchStartsAt === null) === (hours.lunchEndsAt === null), field('lunchEndsAt'), m.lunchBothOrNeither);
  check.done();
  const order = [hours.opensAt, hours.lunchStartsAt, hours.lunchEndsAt, hours.closesAt].filter((t): t is string => t !== null);
  check.that(order.every((time, i) => i === 0 || time > order[i - 1]), field('closesAt'), m.hoursInOrder);
  check.done();
  return hours;
}

// ---- writing ------------------------------------------------------------------

/**
 * Sets the own centre's hall hours in force today (a change from a later date comes with
 * a 公告: scheduleHallHours). The first time, a row from the start.
 */
export async function setHallHours(ctx: RequestContext, input: SetHallHoursInput): Promise<HallHoursView> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const hours = checkedHours(input, (key) => `input.${key}`);
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  const today = calendar.todayOf(ctx, tenant);
  return ctx.db
    .transaction(async (db) => {
      const rows = db.scoped(HallHours);
      const own = () => rows.query('h').andWhere('h.tenantId = :own', { own: viewer.tenantId }).getMany();
      const current = calendar.inForceOn(await own(), today);
      if (!current) await rows.save(Object.assign(new HallHours(), { tenantId: viewer.tenantId, effectiveFrom: '', noticeId: null, ...hours }));
      else if (input.version == null) throw new ConflictError(m.hallHoursExist, { field: 'version' });
      else await rows.updateVersioned(current, input.version, hours);
      return viewOf(tenant, await own(), today);
    })
    .catch((error: unknown) => {
      if (isDuplicateKey(error)) throw new ConflictError(m.hallHoursSetMeanwhile, { field: 'version' });
      throw error;
    });
}

/**
 * Hours from a later date, announced by a 公告 (办公时间调整, 搬迁): a dated row, written in
 * the notice's transaction; one change per date (CONFLICT on `field` otherwise).
 */
export async function scheduleHallHours(db: Db, tenantId: number, effectiveFrom: string, hours: HoursRow, noticeId: number, field: string): Promise<void> {
  const rows = db.scoped(HallHours);
  const taken = await rows.query('h').andWhere('h.tenantId = :tenantId AND h.effectiveFrom = :effectiveFrom', { tenantId, effectiveFrom }).getOne();
  if (taken) throw new ConflictError(m.hallHoursOnDateTaken(effectiveFrom), { field });
  await rows.save(Object.assign(new HallHours(), { tenantId, effectiveFrom, noticeId, ...hours }));
}

/** Removes the hours a withdrawn 公告 scheduled, if still ahead of `today`. */
export async function unscheduleHallHours(db: Db, noticeId: number, today: string): Promise<void> {
  const rows = db.scoped(HallHours);
  const ahead = await rows.query('h').andWhere('h.noticeId = :noticeId AND h.effectiveFrom > :today', { noticeId, today }).getMany();
  for (const row of ahead) await rows.deleteWhere({ id: row.id });
}
