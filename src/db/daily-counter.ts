import { Db } from './db';

/**
 * The next number of a gap-free daily sequence kept in a counter table with the columns
 * (tenant_id, day, last_sequence), such as case numbers (application_counter) and
 * complaint numbers (complaint_counter). One upsert increments the row inside the
 * caller's transaction; the row lock it takes is held to commit, so concurrent writers on
 * any number of API instances queue on it and a rolled-back write gives its number back.
 */
export async function nextDailySequence(db: Db, counterTable: string, tenantId: number, day: string): Promise<number> {
  if (!db.inTransaction) throw new Error(`${counterTable}: a number is taken inside the transaction that uses it`);
  // Raw SQL because the upsert differs by dialect; the table name is the caller's constant, never input.
  const upsert =
    db.dataSource.options.type === 'better-sqlite3'
      ? `INSERT INTO ${counterTable} (tenant_id, day, last_sequence) VALUES (?, ?, 1) ON CONFLICT (tenant_id, day) DO UPDATE SET last_sequence = last_sequence + 1`
      : `INSERT INTO ${counterTable} (tenant_id, day, last_sequence) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE last_sequence = last_sequence + 1`;
  await db.unscoped.query(upsert, [tenantId, day]);
  const [row] = await db.unscoped.query(`SELECT last_sequence AS seq FROM ${counterTable} WHERE tenant_id = ? AND day = ?`, [tenantId, day]);
  return Number(row.seq);
}
