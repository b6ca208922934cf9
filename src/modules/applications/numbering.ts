import { Db } from '../../db/db';
import { nextDailySequence } from '../../db/daily-counter';

/** Next case number of a tenant and local day: `<code>-<yyyymmdd>-<000001>`, gap-free (db/daily-counter.ts). */
export async function nextCaseNumber(db: Db, tenant: { id: number; code: string }, localDate: string): Promise<string> {
  const day = localDate.replace(/-/g, '');
  const sequence = await nextDailySequence(db, 'application_counter', tenant.id, day);
  if (sequence > 999_999) throw new Error(`case numbers of ${tenant.code} on ${day} are exhausted`);
  return `${tenant.code}-${day}-${String(sequence).padStart(6, '0')}`;
}
