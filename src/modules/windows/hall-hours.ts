/**
 * 大厅办公时间: when a centre's hall is open. Working days come from the centre's calendar;
 * the hours of a working day from its HallHours row, or the default.
 */
import { RequestContext } from '../../context';
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

/** Opening hours on the centre's working days. Pure: built from a calendar and an hours row. */
export class HallSchedule {
  private readonly opens: number;
  private readonly closes: number;
  private readonly lunch: { starts: number; ends: number } | null;

  constructor(
    readonly calendar: calendar.WorkingCalendar,
    hours: HoursRow,
  ) {
    this.opens = minutesOf(hours.opensAt);
    this.closes = minutesOf(hours.closesAt);
    this.lunch =
      hours.lunchStartsAt && hours.lunchEndsAt ? { starts: minutesOf(hours.lunchStartsAt), ends: minutesOf(hours.lunchEndsAt) } : null;
  }

  private at(date: string, minutes: number): Date {
    return this.calendar.instantAt(date, minutes);
  }

  /** The open sessions of a local date: none on a non-working day, else one or two (around lunch). */
  sessionsOn(date: string): Interval[] {
    if (!this.calendar.isWorkingDay(date)) return [];
    if (!this.lunch) return [{ startsAt: this.at(date, this.opens), endsAt: this.at(date, this.closes) }];
    return [
      { startsAt: this.at(date, this.opens), endsAt: this.at(date, this.lunch.starts) },
      { startsAt: this.at(date, this.lunch.ends), endsAt: this.at(date, this.closes) },
    ];
  }

  /** 午休 of a working day; null on other days and for a hall that stays open at noon. */
  lunchBreakOn(date: string): Interval | null {
    if (!this.lunch || !this.calendar.isWorkingDay(date)) return null;
    return { startsAt: this.at(date, this.lunch.starts), endsAt: this.at(date, this.lunch.ends) };
  }

  /** Closing time of the local date of `t` (its end when that is no working day). */
  closingOf(t: Date): Date {
    const date = this.calendar.localDate(t);
    return this.calendar.isWorkingDay(date) ? this.at(date, this.closes) : this.calendar.endOfDay(date);
  }

  /** Why the hall is closed at `t`; null while it is open. */
  closedReason(t: Date): HallClosedReason | null {
    const date = this.calendar.localDate(t);
    if (!this.calendar.isWorkingDay(date)) return HallClosedReason.NON_WORKING_DAY;
    const minute = this.calendar.minuteOfDay(t);
    if (minute < this.opens || minute >= this.closes) return HallClosedReason.OUTSIDE_HOURS;
    if (this.lunch && minute >= this.lunch.starts && minute < this.lunch.ends) return HallClosedReason.LUNCH_BREAK;
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

function hallHoursRow(ctx: RequestContext, tenantId: number): Promise<HallHours | null> {
  return ctx.loaders
    .get('HallHours.byTenant', () =>
      groupedLoader(
        // Opening hours are public (政务公开), like the calendar: anyone may know them.
        (ids) => ctx.db.readOnlyFor(ids).scoped(HallHours).query('h').getMany(),
        (row) => row.tenantId,
      ),
    )
    .load(tenantId)
    .then((rows) => rows[0] ?? null);
}

export async function hallScheduleOf(ctx: RequestContext, tenant: Tenant): Promise<HallSchedule> {
  const [workingCalendar, row] = await Promise.all([calendar.calendarOf(ctx, tenant), hallHoursRow(ctx, tenant.id)]);
  return new HallSchedule(workingCalendar, row ?? DEFAULT_HALL_HOURS);
}

export async function tenantOrOwn(ctx: RequestContext, tenantCode: string | undefined): Promise<Tenant> {
  const viewer = requireViewer(ctx);
  const tenant =
    tenantCode === undefined ? await tenancy.loadTenant(ctx, viewer.tenantId) : await tenancy.tenantByCode(ctx, tenantCodeOf(tenantCode, 'tenantCode'));
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return tenant;
}

function viewOf(tenant: Tenant, row: HallHours | null): HallHoursView {
  const hours = row ?? DEFAULT_HALL_HOURS;
  return {
    tenant,
    opensAt: hours.opensAt,
    closesAt: hours.closesAt,
    lunchStartsAt: hours.lunchStartsAt,
    lunchEndsAt: hours.lunchEndsAt,
    timeZone: tenant.timeZone,
    isDefault: row === null,
    version: row?.version ?? null,
  };
}

/** The hall hours of the viewer's centre, or of a readable one by 行政区划代码. */
export async function hallHoursOf(ctx: RequestContext, tenantCode: string | undefined): Promise<HallHoursView> {
  const tenant = await tenantOrOwn(ctx, tenantCode);
  return viewOf(tenant, await hallHoursRow(ctx, tenant.id));
}

// ---- writing ------------------------------------------------------------------

/** Sets the own centre's hall hours: opens < lunch start < lunch end < closes; lunch both or neither. */
export async function setHallHours(ctx: RequestContext, input: SetHallHoursInput): Promise<HallHoursView> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const hours: HoursRow = { opensAt: input.opensAt, closesAt: input.closesAt, lunchStartsAt: input.lunchStartsAt ?? null, lunchEndsAt: input.lunchEndsAt ?? null };
  const check = new InputCheck();
  for (const key of ['opensAt', 'lunchStartsAt', 'lunchEndsAt', 'closesAt'] as const) {
    const value = hours[key];
    if (value !== null) check.that(HH_MM.test(value), `input.${key}`, m.timeOfDay(`input.${key}`));
  }
  check.that((hours.lunchStartsAt === null) === (hours.lunchEndsAt === null), 'input.lunchEndsAt', m.lunchBothOrNeither);
  check.done();
  const order = [hours.opensAt, hours.lunchStartsAt, hours.lunchEndsAt, hours.closesAt].filter((t): t is string => t !== null);
  check.that(order.every((time, i) => i === 0 || time > order[i - 1]), 'input.closesAt', m.hoursInOrder);
  check.done();
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return ctx.db
    .transaction(async (db) => {
      const rows = db.scoped(HallHours);
      const current = await rows.query('h').andWhere('h.tenantId = :own', { own: viewer.tenantId }).getOne();
      if (!current) {
        const created = await rows.save(Object.assign(new HallHours(), { tenantId: viewer.tenantId, ...hours }));
        return viewOf(tenant, await rows.getById(created.id, m.hallHours));
      }
      if (input.version == null) throw new ConflictError(m.hallHoursExist, { field: 'version' });
      await rows.updateVersioned(current, input.version, hours);
      return viewOf(tenant, await rows.getById(current.id, m.hallHours));
    })
    .catch((error: unknown) => {
      if (isDuplicateKey(error)) throw new ConflictError(m.hallHoursSetMeanwhile, { field: 'version' });
      throw error;
    });
}
