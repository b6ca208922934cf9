import holidays from '../seeds/cn-public-holidays.json';
import { DayException, WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { nationalExceptions } from '../seeds/calendar';

/** The State Council schedules for 2025 and 2026, as seeded. */
const national: DayException[] = nationalExceptions(holidays).map(({ date, working }) => ({ date, working }));
const calendar = new WorkingCalendar('Asia/Shanghai', national);
/** An instant at 10:00 Beijing time on a local date. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

describe('working-day calendar on the real 2025 and 2026 schedules', () => {
  it('knows weekends, statutory holidays and make-up working days', () => {
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false); // 春节
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday 调休
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday 调休
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday 调休
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // 国庆节、中秋节
  });

  it('carries a deadline across the Spring Festival week, through the Saturday make-up day', () => {
    // Friday 13 February 2026: the next working day is the make-up Saturday the 14th,
    // then the holiday runs to Monday the 23rd.
    expect(calendar.addWorkingDays(at('2026-02-13'), 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays(at('2026-02-13'), 2)).toBe('2026-02-24');
    expect(calendar.addWorkingDays(at('2026-02-13'), 5)).toBe('2026-02-27');
    expect(calendar.addWorkingDays(at('2026-02-13'), 6)).toBe('2026-02-28'); // Saturday 调休
  });

  it('carries a deadline across the National Day week', () => {
    expect(calendar.addWorkingDays(at('2026-09-30'), 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays(at('2026-09-30'), 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays(at('2026-09-30'), 4)).toBe('2026-10-12');
    expect(calendar.addWorkingDays(at('2025-09-26'), 1)).toBe('2025-09-28'); // Sunday 调休 before 国庆
  });

  it('crosses a year end: 2025-12-31 plus two working days skips 元旦 and uses the make-up Sunday', () => {
    expect(calendar.addWorkingDays(at('2025-12-31'), 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays(at('2025-12-31'), 2)).toBe('2026-01-05');
  });

  it('an immediate matter is due the same working day, or the next one when accepted on a day off', () => {
    expect(calendar.addWorkingDays(at('2026-11-23'), 0)).toBe('2026-11-23');
    expect(calendar.addWorkingDays(at('2026-10-03'), 0)).toBe('2026-10-08');
  });

  it('a deadline ends at the last millisecond of the local day (Asia/Shanghai, UTC+8)', () => {
    expect(calendar.deadline(at('2026-02-13'), 2).toISOString()).toBe('2026-02-24T15:59:59.999Z');
    // 23:30 Beijing time on 2026-02-13 is 15:30 UTC: still the 13th locally.
    expect(calendar.localDate(new Date('2026-02-13T15:30:00Z'))).toBe('2026-02-13');
    expect(calendar.localDate(new Date('2026-02-13T16:30:00Z'))).toBe('2026-02-14');
  });

  it('counts working days between two instants, negative when overdue', () => {
    expect(calendar.workingDaysBetween(at('2026-09-30'), at('2026-10-12'))).toBe(4);
    expect(calendar.workingDaysBetween(at('2026-10-12'), at('2026-09-30'))).toBe(-4);
    expect(calendar.workingDaysBetween(at('2026-11-23'), at('2026-11-23'))).toBe(0);
  });

  it('applies tenant overrides on top of the national calendar', () => {
    const local = new WorkingCalendar('Asia/Shanghai', [...national, { date: '2026-11-24', working: false }, { date: '2026-11-28', working: true }]);
    expect(local.isWorkingDay('2026-11-24')).toBe(false);
    expect(local.isWorkingDay('2026-11-28')).toBe(true);
    expect(local.addWorkingDays(at('2026-11-23'), 1)).toBe('2026-11-25');
  });
});
