import { Db } from '../../db/db';

/**
 * Next case number of a tenant and local day: `<code>-<yyyymmdd>-<000001>`. One upsert
 * increments the counter row inside the caller's transaction; the row lock it takes is
 * held to commit, so concurrent intakes on any number of API instances queue on it and
 * a rolled-back intake gives its number back (gap-free).
 */
export async function nextCaseNumber(db: Db, tenant: { id: number; code: string }, localDate: string): Promise<string> {
  if (!db.inTransaction) throw new Error('nextCaseNumber must run inside the intake transaction');
  const day = localDate.replace(/-/g, '');
  // application_counter belongs to the tenant given; raw SQL because the upsert differs by dialect.
  const upsert =
    db.dataSource.options.type === 'better-sqlite3'
      ? 'INSERT INTO application_counter (tenant_id, day, last_sequence) VALUES (?, ?, 1) ON CONFLICT (tenant_id, day) DO UPDATE SET last_sequence = last_sequence + 1'
      : 'INSERT INTO application_counter (tenant_id, day, last_sequence) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE last_sequence = last_sequence + 1';
  await db.unscoped.query(upsert, [tenant.id, day]);
  const [row] = await db.unscoped.query('SELECT last_sequence AS seq FROM application_counter WHERE tenant_id = ? AND day = ?', [tenant.id, day]);
  const sequence = Number(row.seq);
  if (sequence > 999_999) throw new Error(`case numbers of ${tenant.code} on ${day} are exhausted`);
  return `${tenant.code}-${day}-${String(sequence).padStart(6, '0')}`;
}
