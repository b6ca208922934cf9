/**
 * 数据统计 rollups: per tenant, local day (and month) of receipt, department, window and matter, the
 * counts a recount of the cases would give (statistics.ts defines them). Every write to a
 * case adds the difference it makes, in the same transaction, as an additive UPDATE
 * (`n = n + d`): never read-modify-write, so exact with any number of API instances.
 */
import { DataSource, EntityManager } from 'typeorm';
import { Db } from '../../db/db';
import { WorkingCalendar } from '../calendar/working-calendar';
import { Tenant } from '../tenancy/entities';
import { Application, ApplicationStatsRollup, ApplicationStatus, Decision } from './entities';

export const COUNTERS = [
  'received',
  'accepted',
  'supplementRequested',
  'notAccepted',
  'reportedUp',
  'approved',
  'denied',
  'delivered',
  'decided',
  'decidedOnTime',
  'workingDaysTotal',
  'workingDaysCount',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

type CaseFacts = Pick<
  Application,
  'status' | 'acceptedAt' | 'oneTimeNotice' | 'reportedAt' | 'decision' | 'deliveredAt' | 'decidedAt' | 'dueAt' | 'decisionWorkingDays'
>;

export const zeroCounts = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;

/** What one case counts for: the same conditions as the recount in statistics.ts. */
export function countsOf(a: CaseFacts): Counts {
  const decided = a.decidedAt !== null;
  // A 上报件 is on time when reported by its deadline (锦州 第四条(四)).
  const endedAt = a.reportedAt ?? a.decidedAt;
  const bit = (condition: boolean) => (condition ? 1 : 0);
  return {
    received: 1,
    accepted: bit(a.acceptedAt !== null),
    supplementRequested: bit(a.oneTimeNotice !== null),
    notAccepted: bit(a.status === ApplicationStatus.NOT_ACCEPTED),
    reportedUp: bit(a.reportedAt !== null),
    approved: bit(a.decision === Decision.APPROVED),
    denied: bit(a.decision === Decision.DENIED),
    delivered: bit(a.deliveredAt !== null),
    decided: bit(decided),
    decidedOnTime: bit(decided && a.dueAt !== null && endedAt!.getTime() <= a.dueAt.getTime()),
    workingDaysTotal: a.decisionWorkingDays ?? 0,
    workingDaysCount: bit(a.decisionWorkingDays !== null),
  };
}

export function addCounts<T extends Counts>(into: T, counts: Counts, sign = 1): T {
  for (const c of COUNTERS) into[c] += sign * counts[c];
  return into;
}

type RollupKey = Pick<ApplicationStatsRollup, 'tenantId' | 'period' | 'departmentId' | 'receivingWindowId' | 'matterId'>;
const KEY_COLUMNS = ['tenantId', 'period', 'departmentId', 'receivingWindowId', 'matterId'] as const;

/** The month period of a local date (see ApplicationStatsRollup.period). */
const monthOf = (day: string) => `M${day.slice(0, 7)}`;

/** A case as the rollups see it. */
export type RollupCase = CaseFacts & Pick<Application, 'tenantId' | 'receivedAt' | 'departmentId' | 'receivingWindowId' | 'matterId'>;

/** A case counts in its day's row and its month's. */
function keysOf(application: RollupCase, workingCalendar: WorkingCalendar): RollupKey[] {
  const day = workingCalendar.localDate(application.receivedAt);
  const { tenantId, departmentId, receivingWindowId, matterId } = application;
  return [day, monthOf(day)].map((period) => ({ tenantId, period, departmentId, receivingWindowId, matterId }));
}

function columnsOf(dataSource: DataSource): Record<Counter | (typeof KEY_COLUMNS)[number], string> {
  const metadata = dataSource.getMetadata(ApplicationStatsRollup);
  return Object.fromEntries([...KEY_COLUMNS, ...COUNTERS].map((p) => [p, metadata.findColumnWithPropertyName(p)!.databaseName])) as never;
}

/**
 * Adds what a write to a case changed: `before` is the case as read in the transaction
 * (null for a new case), `after` as written. The tenant is the case's, already checked
 * by the scoped read or write of the case itself.
 */
export async function recordCaseChange(db: Db, workingCalendar: WorkingCalendar, before: RollupCase | null, after: RollupCase): Promise<void> {
  if (!db.inTransaction) throw new Error('rollups change inside the transaction that changes the case');
  const delta = addCounts(countsOf(after), before ? countsOf(before) : zeroCounts(), -1);
  const changed = COUNTERS.filter((c) => delta[c] !== 0);
  if (changed.length === 0) return;
  for (const key of keysOf(after, workingCalendar)) await addToRollup(db, key, delta, changed);
}

async function addToRollup(db: Db, key: RollupKey, delta: Counts, changed: Counter[]): Promise<void> {
  const columns = columnsOf(db.dataSource);
  const parameters = Object.fromEntries(changed.map((c) => [`d_${c}`, delta[c]]));
  const updated = await db.unscoped
    .createQueryBuilder()
    .update(ApplicationStatsRollup)
    .set(Object.fromEntries(changed.map((c) => [c, () => `${columns[c]} + :d_${c}`])))
    .where(KEY_COLUMNS.map((k) => `${columns[k]} = :${k}`).join(' AND '), key)
    .setParameters(parameters)
    .execute();
  if (updated.affected === 1) return;
  // The key's first case (an intake): insert, adding instead should a concurrent first one have won.
  const sqlite = db.dataSource.options.type === 'better-sqlite3';
  const names = [...KEY_COLUMNS, ...COUNTERS].map((p) => columns[p]);
  const values = [...KEY_COLUMNS.map((k) => key[k]), ...COUNTERS.map((c) => delta[c])];
  const add = COUNTERS.map((c) => (sqlite ? `${columns[c]} = ${columns[c]} + excluded.${columns[c]}` : `${columns[c]} = ${columns[c]} + VALUES(${columns[c]})`)).join(', ');
  const conflict = sqlite ? `ON CONFLICT (${KEY_COLUMNS.map((k) => columns[k]).join(', ')}) DO UPDATE SET` : 'ON DUPLICATE KEY UPDATE';
  await db.unscoped.query(`INSERT INTO application_stats_rollup (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ${conflict} ${add}`, values);
}

const INSERT_CHUNK = 500;

/**
 * Recounts one tenant's rollups from its cases, replacing them, in one transaction: on
 * MySQL the cases are read with FOR UPDATE, so a transition waits and then adds its
 * change to the recount; on SQLite the delete takes the write lock before the read.
 * Idempotent. The cases' rollup columns are read in one statement (memory grows with
 * the tenant's case count: a few hundred bytes a case).
 */
export async function rebuildTenantRollups(manager: EntityManager, tenant: { id: number; timeZone: string }): Promise<number> {
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const wipe = () => manager.delete(ApplicationStatsRollup, { tenantId: tenant.id });
  if (sqlite) await wipe();
  const query = manager
    .createQueryBuilder(Application, 'a')
    .select(['a.id', 'a.tenantId', 'a.receivedAt', 'a.departmentId', 'a.receivingWindowId', 'a.matterId', 'a.status', 'a.acceptedAt', 'a.oneTimeNotice'])
    .addSelect(['a.reportedAt', 'a.decision', 'a.deliveredAt', 'a.decidedAt', 'a.dueAt', 'a.decisionWorkingDays'])
    .where('a.tenantId = :tenantId', { tenantId: tenant.id });
  if (!sqlite) query.setLock('pessimistic_write');
  const cases = await query.getMany();
  if (!sqlite) await wipe();
  const workingCalendar = new WorkingCalendar(tenant.timeZone, []);
  const rollups = new Map<string, RollupKey & Counts>();
  for (const application of cases) {
    const counts = countsOf(application);
    for (const key of keysOf(application, workingCalendar)) {
      const id = KEY_COLUMNS.map((k) => key[k]).join('|');
      rollups.set(id, addCounts(rollups.get(id) ?? { ...key, ...zeroCounts() }, counts));
    }
  }
  const rows = [...rollups.values()];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await manager.createQueryBuilder().insert().into(ApplicationStatsRollup).values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
  return rows.length;
}

/** Recounts every tenant's rollups (`npm run rebuild-rollups`, and after seeding), one transaction per tenant. */
/**
 * At start: a database that has cases but no rollups (one migrated from before them)
 * gets them rebuilt, so its statistics are never silently empty. Returns whether it did.
 */
export async function rebuildRollupsIfMissing(dataSource: DataSource): Promise<boolean> {
  const [hasRollups, hasCases] = await Promise.all([dataSource.getRepository(ApplicationStatsRollup).exists(), dataSource.getRepository(Application).exists()]);
  if (hasRollups || !hasCases) return false;
  await rebuildRollups(dataSource);
  return true;
}

export async function rebuildRollups(dataSource: DataSource): Promise<{ tenants: number; rows: number }> {
  const tenants = await dataSource.getRepository(Tenant).find({ select: { id: true, timeZone: true }, order: { id: 'ASC' } });
  let rows = 0;
  for (const tenant of tenants) rows += await dataSource.transaction((manager) => rebuildTenantRollups(manager, tenant));
  return { tenants: tenants.length, rows };
}

/**
 * How the rollups of one time zone cover the instants [from, to): whole months, then
 * whole local days, as ranges of periods, and the rest (the parts of the first and last
 * days) as instant ranges to count from the cases.
 */
export function periodsCovering(timeZone: string, from: Date, to: Date): { periods: [string, string][]; rest: [Date, Date][] } {
  const zone = new WorkingCalendar(timeZone, []);
  const startOf = (day: string) => new Date(zone.endOfDay(WorkingCalendar.nextDate(day, -1)).getTime() + 1);
  const fromDay = zone.localDate(from);
  const firstDay = startOf(fromDay).getTime() === from.getTime() ? fromDay : WorkingCalendar.nextDate(fromDay);
  const endDay = zone.localDate(to);
  if (firstDay >= endDay) return { periods: [], rest: [[from, to]] };
  const rest = ([[from, startOf(firstDay)], [startOf(endDay), to]] as [Date, Date][]).filter(([a, b]) => a < b);
  // Whole months: from the first month starting on or after firstDay to the month of endDay.
  const nextMonthStart = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 1)).toISOString().slice(0, 10);
  const monthsFrom = firstDay.endsWith('-01') ? firstDay : nextMonthStart(firstDay);
  const monthsTo = `${endDay.slice(0, 7)}-01`;
  if (monthsFrom >= monthsTo) return { periods: [[firstDay, endDay]], rest };
  const periods: [string, string][] = [[monthOf(monthsFrom), monthOf(monthsTo)], [firstDay, monthsFrom], [monthsTo, endDay]];
  return { periods: periods.filter(([a, b]) => a < b), rest };
}
