import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Db } from '../db/db';
import { TooManyAttemptsError } from '../graphql/errors';

/**
 * Failed attempts per key ("login:<username>", "progress:<client ip>"), kept in the
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
  /** Failures within the window that lock the key. */
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

const MINUTE = 60_000;

// Throttle rows belong to no tenant: all access here is unscoped on purpose.

export async function assertNotThrottled(db: Db, key: string, now: Date): Promise<void> {
  const row = await db.unscoped.findOne(Throttle, { where: { key } });
  if (row?.lockedUntil && row.lockedUntil > now) {
    throw new TooManyAttemptsError(Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
  }
}

/**
 * Counts a failure in one atomic UPDATE, so concurrent attempts on several API
 * instances all count. `locked_until` is assigned first: MySQL evaluates SET clauses
 * left to right with the new values, SQLite with the old ones; first, both see the old.
 */
export async function recordFailure(db: Db, key: string, now: Date, policy: ThrottlePolicy): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMinutes * MINUTE);
  const lockUntil = new Date(now.getTime() + policy.lockMinutes * MINUTE);
  await db.unscoped.createQueryBuilder().insert().into(Throttle).values({ key, failures: 0, windowStartedAt: now, lockedUntil: null }).orIgnore().execute();
  await db.unscoped
    .createQueryBuilder()
    .update(Throttle)
    .set({
      lockedUntil: () => 'CASE WHEN window_started_at >= :windowStart AND failures + 1 >= :max THEN :lockUntil ELSE locked_until END',
      failures: () => 'CASE WHEN window_started_at >= :windowStart THEN failures + 1 ELSE 1 END',
      windowStartedAt: () => 'CASE WHEN window_started_at >= :windowStart THEN window_started_at ELSE :now END',
    })
    .where('throttle_key = :key')
    .setParameters({ key, windowStart, lockUntil, now, max: policy.maxFailures })
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.unscoped.delete(Throttle, { key });
}
