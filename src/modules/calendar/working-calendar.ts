/**
 * Working days (工作日) of one tenant: weekends and statutory holidays are off, make-up
 * working days (调休) and the tenant's extra working days are on, the tenant's closures
 * are off. Pure: built from the exceptions of the years it covers, so it can be tested
 * on the real 2025 / 2026 schedules without a database.
 *
 * Dates are local calendar dates ('YYYY-MM-DD') in the tenant's time zone; instants are
 * Dates. A deadline of "N working days" ends at the end of the Nth working day after the
 * starting day (the starting day itself is not counted).
 */
export type LocalDate = string;

export interface DayException {
  date: LocalDate;
  working: boolean;
}

const DAY_MS = 86_400_000;

/** Intl formatters are costly to build; these are immutable, so one per zone is shared. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function formatOf(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions, locale: string) {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(timeZone, format);
  }
  return format;
}
/** A calendar never walks further than this looking for working days (a guard, not a rule). */
const MAX_SCAN_DAYS = 3 * 366;

export class WorkingCalendar {
  private readonly exceptions: Map<LocalDate, boolean>;
  private readonly knownYears: ReadonlySet<number> | null;

  /**
   * @param exceptions national days first, then tenant overrides (later entries win)
   * @param knownYears years whose national schedule is loaded; null: every year
   */
  constructor(
    readonly timeZone: string,
    exceptions: DayException[],
    knownYears: Iterable<number> | null = null,
  ) {
    this.exceptions = new Map(exceptions.map((e) => [e.date, e.working]));
    this.knownYears = knownYears === null ? null : new Set(knownYears);
  }

  /** The years from the local date of `from` to that of `to` whose national schedule is not loaded. */
  unknownYears(from: Date, to: Date): number[] {
    if (this.knownYears === null) return [];
    const years: number[] = [];
    for (let year = Number(this.localDate(from).slice(0, 4)); year <= Number(this.localDate(to).slice(0, 4)); year += 1) {
      if (!this.knownYears.has(year)) years.push(year);
    }
    return years;
  }

  isWorkingDay(date: LocalDate): boolean {
    const exception = this.exceptions.get(date);
    if (exception !== undefined) return exception;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The local date of an instant in this calendar's time zone. */
  localDate(instant: Date): LocalDate {
    return formatOf(dateFormats, this.timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(instant);
  }

  /** Offset of the time zone from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
  private offsetMs(instant: Date): number {
    const name = formatOf(offsetFormats, this.timeZone, { timeZoneName: 'longOffset' }, 'en-US')
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
  }

  /** The last millisecond of a local date. */
  endOfDay(date: LocalDate): Date {
    const utcMidnightNext = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
    return new Date(utcMidnightNext - this.offsetMs(new Date(utcMidnightNext)) - 1);
  }

  /** The instant of a local wall-clock time: `minuteOfDay` minutes after midnight of `date`. */
  instantAt(date: LocalDate, minuteOfDay: number): Date {
    const wall = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000;
    return new Date(wall - this.offsetMs(new Date(wall - this.offsetMs(new Date(wall)))));
  }

  /** Minutes after local midnight of an instant (0–1439). */
  minuteOfDay(instant: Date): number {
    const local = instant.getTime() + this.offsetMs(instant);
    return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  }

  static nextDate(date: LocalDate, days = 1): LocalDate {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  }

  /** The first working day on or after `date`. */
  workingDayOnOrAfter(date: LocalDate): LocalDate {
    let day = date;
    for (let i = 0; i < MAX_SCAN_DAYS; i += 1, day = WorkingCalendar.nextDate(day)) {
      if (this.isWorkingDay(day)) return day;
    }
    throw new Error(`no working day within ${MAX_SCAN_DAYS} days of ${date}`);
  }

  /** The Nth working day after the local date of `start` (N = 0: that day, or the next working day). */
  addWorkingDays(start: Date, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    let day = this.localDate(start);
    if (n === 0) return this.workingDayOnOrAfter(day);
    for (let counted = 0, scanned = 0; counted < n; scanned += 1) {
      if (scanned > MAX_SCAN_DAYS) throw new Error('working-day scan ran away');
      day = WorkingCalendar.nextDate(day);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  /** Deadline instant: the end of the Nth working day after `start` (0: the same working day). */
  deadline(start: Date, workingDays: number): Date {
    return this.endOfDay(this.addWorkingDays(start, workingDays));
  }

  /**
   * Working days after the local date of `from` up to and including that of `to`;
   * negative when `to` is earlier (e.g. days overdue). Same day: 0.
   */
  workingDaysBetween(from: Date, to: Date): number {
    return this.workingDaysBetweenDates(this.localDate(from), this.localDate(to));
  }

  /** Working days after local date `a` up to and including `b`; negative when `b` is earlier. */
  workingDaysBetweenDates(a: LocalDate, b: LocalDate): number {
    const sign = a <= b ? 1 : -1;
    const end = sign === 1 ? b : a;
    let day = sign === 1 ? a : b;
    let count = 0;
    for (let scanned = 0; day < end; scanned += 1) {
      if (scanned > MAX_SCAN_DAYS * 3) throw new Error('working-day count ran away');
      day = WorkingCalendar.nextDate(day);
      if (this.isWorkingDay(day)) count += 1;
    }
    return sign * count;
  }
}
