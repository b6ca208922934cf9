import { Db } from './db';

/** The per-tenant, per-day counter tables (PRIMARY KEY (tenant_id, day), column last_sequence). */
export type DailyCounterTable = 'application_counter' | 'complaint_counter' | 'payment_notice_counter';

/**
 * The next number of a tenant's daily sequence (case, complaint and notice numbers). One upsert
 * increments the counter row inside the caller's transaction; the row lock it takes is
 * held to commit, so concurrent writers on any number of API instances queue on it and
 * a rolled-back write gives its number back (gap-free).
 */
export async function nextDailySequence(db: Db, table: DailyCounterTable, tenantId: number, day: string): Promise<number> {
  if (!db.inTransaction) throw new Error(`${table}: a number must be taken inside the writing transaction`);
  // The counter row belongs to the tenant given; raw SQL because the upsert differs by dialect.
  const upsert =
    db.dataSource.options.type === 'better-sqlite3'
      ? `INSERT INTO ${table} (tenant_id, day, last_sequence) VALUES (?, ?, 1) ON CONFLICT (tenant_id, day) DO UPDATE SET last_sequence = last_sequence + 1`
      : `INSERT INTO ${table} (tenant_id, day, last_sequence) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE last_sequence = last_sequence + 1`;
  await db.unscoped.query(upsert, [tenantId, day]);
  const [row] = await db.unscoped.query(`SELECT last_sequence AS seq FROM ${table} WHERE tenant_id = ? AND day = ?`, [tenantId, day]);
  return Number(row.seq);
}
