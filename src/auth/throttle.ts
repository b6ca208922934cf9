import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Db } from '../db/db';
import { TooManyAttemptsError } from '../graphql/errors';

/**
 * Attempts per key ("login:<username>|<client>", "progress:<client>", …), kept in the
 * database so that throttling holds across API instances. Not tenant-owned.
 */
@Entity()
export class Throttle {
  /** KEY is reserved in MySQL, hence the column name. */
  @PrimaryColumn('varchar', { length: 128, name: 'throttle_key' })
  key: string;

  @Column('int', { default: 0 })
  failures: number;

  @Column('datetime')
  windowStartedAt: Date;

  @Column('datetime', { nullable: true })
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  /** Attempts allowed within the window. */
  maxAttempts: number;
  windowMinutes: number;
  /**
   * `fixed`: the attempt past the limit locks the key for `lockMinutes`.
   * `growing`: each attempt past the limit locks it for 1 s, 2 s, 4 s … up to `lockMinutes`.
   */
  lock: 'fixed' | 'growing';
  lockMinutes: number;
}

const MINUTE = 60_000;

// Throttle rows belong to no tenant: all access here is unscoped on purpose.

function lockMillis(policy: ThrottlePolicy, attempts: number): number {
  const cap = policy.lockMinutes * MINUTE;
  if (policy.lock === 'fixed') return cap;
  return Math.min(cap, 1000 * 2 ** Math.min(30, attempts - policy.maxAttempts - 1));
}

/**
 * Counts one attempt before the credential is checked, so that attempts arriving at
 * once all count: the increment and the read of the new count happen in one
 * transaction holding the row's lock. Refuses (TOO_MANY_ATTEMPTS) a locked key without
 * counting, and the attempt that goes past the limit, which locks the key.
 */
export async function countAttempt(db: Db, key: string, now: Date, policy: ThrottlePolicy): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMinutes * MINUTE);
  // The row is made first, on its own: inside the transaction, MySQL's duplicate check
  // would take a shared lock that the UPDATE then upgrades, and parallel attempts deadlock.
  await db.unscoped.createQueryBuilder().insert().into(Throttle).values({ key, failures: 0, windowStartedAt: now, lockedUntil: null }).orIgnore().execute();
  const refusedUntil = await db.transaction(async (tx) => {
    const manager = tx.unscoped;
    // `failures` is assigned before `window_started_at`: MySQL evaluates SET clauses left to
    // right with the new values, SQLite with the old ones; in this order both see the old.
    await manager
      .createQueryBuilder()
      .update(Throttle)
      .set({
        failures: () =>
          'CASE WHEN locked_until IS NOT NULL AND locked_until > :now THEN failures WHEN window_started_at >= :windowStart THEN failures + 1 ELSE 1 END',
        windowStartedAt: () =>
          'CASE WHEN locked_until IS NOT NULL AND locked_until > :now THEN window_started_at WHEN window_started_at >= :windowStart THEN window_started_at ELSE :now END',
      })
      .where('throttle_key = :key')
      .setParameters({ key, now, windowStart })
      .execute();
    const row = await manager.findOneOrFail(Throttle, { where: { key } });
    if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
    if (row.failures <= policy.maxAttempts) return null;
    const lockedUntil = new Date(now.getTime() + lockMillis(policy, row.failures));
    await manager.update(Throttle, { key }, { lockedUntil });
    return lockedUntil;
  });
  if (refusedUntil) throw new TooManyAttemptsError(Math.max(1, Math.ceil((refusedUntil.getTime() - now.getTime()) / 1000)));
}

/** A successful attempt does not count against the key. */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await db.unscoped
    .createQueryBuilder()
    .update(Throttle)
    .set({ failures: () => 'CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END' })
    .where('throttle_key = :key', { key })
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.unscoped.delete(Throttle, { key });
}

/** Remembers a moment for `key` (such as a client's last sign-in), in the same table. */
export async function markSeen(db: Db, key: string, now: Date): Promise<void> {
  await db.unscoped.createQueryBuilder().insert().into(Throttle).values({ key, failures: 0, windowStartedAt: now, lockedUntil: null }).orUpdate(['window_started_at'], ['throttle_key']).execute();
}

export async function seenSince(db: Db, key: string, since: Date): Promise<boolean> {
  const row = await db.unscoped.findOne(Throttle, { where: { key } });
  return row !== null && row.windowStartedAt >= since;
}
