import { EntityManager } from 'typeorm';
import { NationalCalendarDay, NationalCalendarYear } from '../src/modules/calendar/entities';

/** The shape of seeds/cn-public-holidays.json (a copy of shared/data, read at build time). */
export interface HolidaySchedule {
  [year: string]: unknown;
}

export interface NationalDay {
  date: string;
  working: boolean;
  name: string;
}

function* datesFrom(from: string, to: string): Generator<string> {
  for (let day = from; day <= to; day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) yield day;
}

/** Every day the State Council moved: holidays off, make-up working days on. */
export function nationalExceptions(schedule: HolidaySchedule): NationalDay[] {
  const days: NationalDay[] = [];
  for (const [year, value] of Object.entries(schedule)) {
    if (!/^\d{4}$/.test(year)) continue;
    const { holidays, workdays } = value as { holidays: { name: string; from: string; to: string }[]; workdays: string[] };
    for (const holiday of holidays) for (const date of datesFrom(holiday.from, holiday.to)) days.push({ date, working: false, name: holiday.name });
    for (const date of workdays) days.push({ date, working: true, name: '调休上班' });
  }
  return days;
}

/** Writes the national holidays and make-up working days; existing dates are left as they are. */
export async function seedCalendar(manager: EntityManager, schedule: HolidaySchedule): Promise<void> {
  const existing = new Set((await manager.find(NationalCalendarDay, { select: { date: true } })).map((d) => d.date));
  const missing = nationalExceptions(schedule).filter((d) => !existing.has(d.date));
  if (missing.length > 0) await manager.insert(NationalCalendarDay, missing);
  const known = new Set((await manager.find(NationalCalendarYear)).map((y) => y.year));
  const years = Object.keys(schedule).filter((y) => /^\d{4}$/.test(y)).map(Number).filter((y) => !known.has(y));
  if (years.length > 0) await manager.insert(NationalCalendarYear, years.map((year) => ({ year, loadedAt: new Date() })));
}
