import { registerEnumType } from 'type-graphql';
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireViewer } from '../../auth/guards';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { encodeGlobalId } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { Application, ApplicationStatsRollup, ApplicationStatus, Decision } from './entities';
import { addCounts, COUNTERS, Counter, Counts, periodsCovering, zeroCounts } from './rollups';
import { nouns } from '../../graphql/messages';
import { applicationMessages as m } from './messages';

export enum StatsGrouping {
  DEPARTMENT = 'DEPARTMENT',
  WINDOW = 'WINDOW',
  MATTER = 'MATTER',
  TENANT = 'TENANT',
}
registerEnumType(StatsGrouping, {
  name: 'StatsGrouping',
  description: 'TENANT: a city or province over its readable subordinates',
  valuesConfig: {
    DEPARTMENT: { description: 'One row per implementing department (实施部门)' },
    WINDOW: { description: 'One row per receiving window (受理窗口)' },
    MATTER: { description: 'One row per matter (政务服务事项)' },
    TENANT: { description: 'One row per centre: the given one and its readable subordinates' },
  },
});

export interface StatsRow {
  groupId: string;
  groupName: string;
  received: number;
  accepted: number;
  supplementRequested: number;
  notAccepted: number;
  reportedUp: number;
  approved: number;
  denied: number;
  delivered: number;
  decided: number;
  decidedOnTime: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
}

/** The case column each grouping groups by, in both the cases and the rollups. */
const GROUP_COLUMN: Record<StatsGrouping, { column: 'departmentId' | 'receivingWindowId' | 'matterId' | 'tenantId'; type: string }> = {
  DEPARTMENT: { column: 'departmentId', type: 'Department' },
  WINDOW: { column: 'receivingWindowId', type: 'Window' },
  MATTER: { column: 'matterId', type: 'Matter' },
  TENANT: { column: 'tenantId', type: 'Tenant' },
};

/** Each counter recounted over cases `a`: the definitions, which rollups.countsOf follows case by case. */
const RECOUNT: Record<Counter, string> = {
  received: 'COUNT(*)',
  accepted: 'SUM(CASE WHEN a.acceptedAt IS NOT NULL THEN 1 ELSE 0 END)',
  supplementRequested: 'SUM(CASE WHEN a.oneTimeNotice IS NOT NULL THEN 1 ELSE 0 END)',
  notAccepted: 'SUM(CASE WHEN a.status = :notAccepted THEN 1 ELSE 0 END)',
  reportedUp: 'SUM(CASE WHEN a.reportedAt IS NOT NULL THEN 1 ELSE 0 END)',
  approved: 'SUM(CASE WHEN a.decision = :approved THEN 1 ELSE 0 END)',
  denied: 'SUM(CASE WHEN a.decision = :denied THEN 1 ELSE 0 END)',
  delivered: 'SUM(CASE WHEN a.deliveredAt IS NOT NULL THEN 1 ELSE 0 END)',
  decided: 'SUM(CASE WHEN a.decidedAt IS NOT NULL THEN 1 ELSE 0 END)',
  // A 上报件 is on time when reported by its deadline (锦州 第四条(四)).
  decidedOnTime: 'SUM(CASE WHEN a.decidedAt IS NOT NULL AND COALESCE(a.reportedAt, a.decidedAt) <= a.dueAt THEN 1 ELSE 0 END)',
  workingDaysTotal: 'SUM(a.decisionWorkingDays)',
  workingDaysCount: 'COUNT(a.decisionWorkingDays)',
};

type Totals = Map<number, Counts>;

function addRows(totals: Totals, rows: Record<string, string | number | null>[]): void {
  for (const row of rows) {
    const key = Number(row.groupKey);
    const counts = Object.fromEntries(COUNTERS.map((c) => [c, Number(row[c] ?? 0)])) as Counts;
    totals.set(key, addCounts(totals.get(key) ?? zeroCounts(), counts));
  }
}

/** The cases received in [from, to), recounted. */
async function recount(ctx: RequestContext, totals: Totals, tenantIds: number[], [from, to]: [Date, Date], column: string): Promise<void> {
  const query = ctx.db.scoped(Application).query('a').select(`a.${column}`, 'groupKey');
  for (const c of COUNTERS) query.addSelect(RECOUNT[c], c);
  const rows = await query
    .andWhere('a.tenantId IN (:...statsTenants)', { statsTenants: tenantIds })
    .andWhere('a.receivedAt >= :from AND a.receivedAt < :to', { from, to })
    .setParameters({ notAccepted: ApplicationStatus.NOT_ACCEPTED, approved: Decision.APPROVED, denied: Decision.DENIED })
    .groupBy(`a.${column}`)
    .getRawMany<Record<string, string | number | null>>();
  addRows(totals, rows);
}

/** The rollups of the given ranges of periods (months and whole days). */
async function summed(ctx: RequestContext, totals: Totals, tenantIds: number[], periods: [string, string][], column: string): Promise<void> {
  // The rollup table has no id, so no ScopedRepository: the tenants are those the tenancy
  // service found readable for this viewer, checked again against the request's scope.
  const query = ctx.db.unscoped.createQueryBuilder(ApplicationStatsRollup, 'r').select(`r.${column}`, 'groupKey');
  for (const c of COUNTERS) query.addSelect(`SUM(r.${c})`, c);
  const rows = await query
    .where('r.tenantId IN (:...statsTenants)', { statsTenants: tenantIds })
    .andWhere('r.tenantId IN (:...scopeTenants)', { scopeTenants: ctx.db.scope.readableTenantIds.length > 0 ? ctx.db.scope.readableTenantIds : [0] })
    .andWhere(`(${periods.map((_, i) => `(r.period >= :firstPeriod${i} AND r.period < :endPeriod${i})`).join(' OR ')})`, Object.fromEntries(periods.flatMap(([first, end], i) => [[`firstPeriod${i}`, first], [`endPeriod${i}`, end]])))
    .groupBy(`r.${column}`)
    .getRawMany<Record<string, string | number | null>>();
  addRows(totals, rows);
}

async function nameOf(ctx: RequestContext, grouping: StatsGrouping, id: number): Promise<string> {
  switch (grouping) {
    case StatsGrouping.DEPARTMENT:
      return (await tenancy.loadDepartment(ctx, id))?.name ?? '';
    case StatsGrouping.WINDOW: {
      const window = await windows.loadWindow(ctx, id);
      return window ? `${window.number} ${window.name}` : '';
    }
    case StatsGrouping.MATTER:
      return (await matters.loadMatter(ctx, id))?.name ?? '';
    case StatsGrouping.TENANT:
      return (await tenancy.loadTenant(ctx, id))?.name ?? '';
  }
}

/**
 * 数据统计 over the cases received in [from, to): whole months and local days from the
 * rollups (rollups.ts), the parts of the first and last days recounted from the cases,
 * per time zone of the tenants asked for; never the cases of the whole range. Grouped by TENANT,
 * over the tenant's readable subordinates.
 */
export async function applicationStats(ctx: RequestContext, tenantCode: string, from: Date, to: Date, grouping: StatsGrouping): Promise<StatsRow[]> {
  requireViewer(ctx);
  if (!(from < to)) throw new BadUserInputError(m.fromBeforeTo, 'from');
  const root = await tenancy.tenantByCode(ctx, tenantCode);
  if (!root) throw new NotFoundError(nouns.tenant);
  const tenants = grouping === StatsGrouping.TENANT ? await tenancy.readableSubtree(ctx, root) : [root];
  const { column, type } = GROUP_COLUMN[grouping];
  const totals: Totals = new Map();
  const zones = new Map<string, number[]>();
  for (const tenant of tenants) zones.set(tenant.timeZone, [...(zones.get(tenant.timeZone) ?? []), tenant.id]);
  const reads: Promise<void>[] = [];
  for (const [timeZone, ids] of zones) {
    const { periods, rest } = periodsCovering(timeZone, from, to);
    if (periods.length > 0) reads.push(summed(ctx, totals, ids, periods, column));
    for (const range of rest) reads.push(recount(ctx, totals, ids, range, column));
  }
  await Promise.all(reads);
  const keys = [...totals.keys()].sort((a, b) => a - b);
  return Promise.all(
    keys.map(async (id) => {
      const counts = totals.get(id)!;
      const { decided, decidedOnTime, workingDaysTotal, workingDaysCount, ...rest } = counts;
      return {
        groupId: encodeGlobalId(type, id),
        groupName: await nameOf(ctx, grouping, id),
        ...rest,
        decided,
        decidedOnTime,
        onTimeRate: decided === 0 ? null : Math.round((decidedOnTime / decided) * 10000) / 10000,
        averageWorkingDays: workingDaysCount === 0 ? null : Math.round((workingDaysTotal / workingDaysCount) * 100) / 100,
      };
    }),
  );
}

/** 办件量 of one receiving window in a period. */
export interface WindowCaseCount {
  windowId: number;
  received: number;
  accepted: number;
  decided: number;
  decidedOnTime: number;
}

/**
 * 办件量 per receiving window of a centre (鞍山 衔接 三.3): the cases received in [from, to),
 * of them accepted, decided, and decided by their deadline, as they stand now. One
 * aggregate statement over the cases (the same definitions as applicationStats).
 */
export async function casesReceivedByWindow(db: Db, tenantId: number, from: Date, to: Date): Promise<WindowCaseCount[]> {
  const rows = await db
    .scoped(Application)
    .query('a')
    .select('a.receivingWindowId', 'windowId')
    .addSelect(RECOUNT.received, 'received')
    .addSelect(RECOUNT.accepted, 'accepted')
    .addSelect(RECOUNT.decided, 'decided')
    .addSelect(RECOUNT.decidedOnTime, 'decidedOnTime')
    .andWhere('a.tenantId = :tenantId AND a.receivedAt >= :from AND a.receivedAt < :to', { tenantId, from, to })
    .groupBy('a.receivingWindowId')
    .orderBy('a.receivingWindowId')
    .getRawMany<Record<keyof WindowCaseCount, number | string>>();
  return rows.map((row) => ({
    windowId: Number(row.windowId),
    received: Number(row.received),
    accepted: Number(row.accepted),
    decided: Number(row.decided),
    decidedOnTime: Number(row.decidedOnTime),
  }));
}
