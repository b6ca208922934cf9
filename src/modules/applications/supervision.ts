import { RequestContext } from '../../context';
import { groupBy } from '../../db/loaders';
import * as calendar from '../calendar/service';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import { Application, ApplicationStatus, SupervisionLight } from './entities';
import { DECIDED_STATUSES, OPEN_STATUSES, RUNNING_STATUSES } from './lifecycle';

/**
 * 电子监察 lights (DESIGN.md §2). Open cases (clock running): RED when overdue, YELLOW
 * when at most one working day is left, else GREEN. A suspended case keeps the light it
 * had when its clock stopped. A 上报件 is judged on its report date (锦州 第四条(四)): the
 * centre's time ends there. A decided case: RED if decided late, else GREEN. Cases
 * without a deadline (not yet accepted, not accepted, withdrawn) have no light.
 */
export function lightOf(application: Application, now: Date, yellowUntil: Date): SupervisionLight | null {
  const { status, dueAt } = application;
  if (!dueAt) return null;
  if ((OPEN_STATUSES as ApplicationStatus[]).includes(status)) {
    if (now > dueAt) return SupervisionLight.RED;
    return dueAt <= yellowUntil ? SupervisionLight.YELLOW : SupervisionLight.GREEN;
  }
  const endedAt = status === ApplicationStatus.SUSPENDED ? application.suspendedAt
    : status === ApplicationStatus.REPORTED_UP || (DECIDED_STATUSES as ApplicationStatus[]).includes(status) ? (application.reportedAt ?? application.decidedAt)
    : undefined;
  if (endedAt === undefined) return null;
  return endedAt && endedAt > dueAt ? SupervisionLight.RED : SupervisionLight.GREEN;
}

/** 逾期未补正: waiting for the applicant's supplement past its deadline. */
export function supplementLapsed(application: Application, now: Date): boolean {
  return application.status === ApplicationStatus.AWAITING_SUPPLEMENT && application.supplementDueAt !== null && now > application.supplementDueAt;
}

/** The centre a case belongs to, whose calendar its deadline runs on (also for a partner reading it through a ticket). */
async function caseTenant(ctx: RequestContext, application: Application): Promise<Tenant> {
  const tenant = await tenancy.loadTenantOfReadRow(ctx, application.tenantId);
  if (!tenant) throw new Error(`case ${application.id} has no tenant ${application.tenantId}`);
  return tenant;
}

async function caseCalendar(ctx: RequestContext, application: Application): Promise<calendar.WorkingCalendar> {
  return calendar.calendarOf(ctx, await caseTenant(ctx, application));
}

/** 上报件: working days from the report to the reply (or now), counted apart from the centre's time. */
export async function daysWithHigherAuthority(ctx: RequestContext, application: Application): Promise<number | null> {
  if (!application.reportedAt) return null;
  const workingCalendar = await caseCalendar(ctx, application);
  return workingCalendar.workingDaysBetween(application.reportedAt, application.reportRepliedAt ?? ctx.now());
}

/** The end of the next working day: an open case due by then is YELLOW. */
async function yellowUntil(ctx: RequestContext, tenant: Tenant): Promise<Date> {
  return (await calendar.calendarOf(ctx, tenant)).deadline(ctx.now(), 1);
}

/** Working days left to the deadline (negative when overdue); null without a running clock. */
export async function remainingWorkingDays(ctx: RequestContext, application: Application): Promise<number | null> {
  if (!application.dueAt) return null;
  const open = (OPEN_STATUSES as ApplicationStatus[]).includes(application.status);
  const suspended = application.status === ApplicationStatus.SUSPENDED;
  if (!open && !suspended) return null;
  const workingCalendar = await caseCalendar(ctx, application);
  return workingCalendar.workingDaysBetween(suspended ? application.suspendedAt! : ctx.now(), application.dueAt);
}

/** The case's light, judged on its own centre's calendar. */
export async function lightOfCase(ctx: RequestContext, application: Application): Promise<SupervisionLight | null> {
  return lightOf(application, ctx.now(), await yellowUntil(ctx, await caseTenant(ctx, application)));
}

/** The tenants grouped by their YELLOW bound (ms): it depends on each tenant's calendar. */
async function yellowBounds(ctx: RequestContext, tenantIds: number[]): Promise<Map<number, number[]>> {
  const bounds = new Map<number, number[]>();
  const tenants = (await Promise.all(tenantIds.map((id) => tenancy.loadTenant(ctx, id)))).filter((t): t is Tenant => t !== null);
  const tenantBounds = await Promise.all(tenants.map(async (tenant) => [tenant.id, (await yellowUntil(ctx, tenant)).getTime()] as const));
  for (const [tenantId, bound] of tenantBounds) bounds.set(bound, [...(bounds.get(bound) ?? []), tenantId]);
  return bounds;
}

/**
 * The SQL condition for one light, the same rules as lightOf. The YELLOW bound depends
 * on each tenant's calendar, so readable tenants are grouped by their bound.
 */
export async function lightFilter(ctx: RequestContext, alias: string, light: SupervisionLight): Promise<{ clause: string; parameters: Record<string, unknown> }> {
  const a = (column: string) => `${alias}.${column}`;
  const parameters: Record<string, unknown> = { lfNow: ctx.now(), lfOpen: OPEN_STATUSES, lfEnded: [...DECIDED_STATUSES, ApplicationStatus.REPORTED_UP], lfSuspended: ApplicationStatus.SUSPENDED };
  const open = `${a('status')} IN (:...lfOpen)`;
  // A 上报件's time ended at its report, any other case's at its decision.
  const ended = `${a('status')} IN (:...lfEnded) AND COALESCE(${a('reportedAt')}, ${a('decidedAt')})`;
  if (light === SupervisionLight.RED) {
    return {
      clause: `((${open} AND ${a('dueAt')} < :lfNow) OR (${a('status')} = :lfSuspended AND ${a('dueAt')} < ${a('suspendedAt')}) OR (${ended} > ${a('dueAt')}))`,
      parameters,
    };
  }
  const bounds = await yellowBounds(ctx, ctx.db.scope.readableTenantIds);
  const perTenant = [...bounds].map(([bound, ids], i) => {
    parameters[`lfBound${i}`] = new Date(bound);
    parameters[`lfTenants${i}`] = ids;
    const compare = light === SupervisionLight.YELLOW ? `>= :lfNow AND ${a('dueAt')} <= :lfBound${i}` : `> :lfBound${i}`;
    return `(${a('tenantId')} IN (:...lfTenants${i}) AND ${a('dueAt')} ${compare})`;
  });
  const openPart = perTenant.length > 0 ? `(${open} AND (${perTenant.join(' OR ')}))` : '1 = 0';
  if (light === SupervisionLight.YELLOW) return { clause: openPart, parameters };
  return {
    clause: `(${openPart} OR (${a('status')} = :lfSuspended AND ${a('dueAt')} >= ${a('suspendedAt')}) OR (${ended} <= ${a('dueAt')}))`,
    parameters,
  };
}

const OPEN_STATUS_CLAUSE = 'a.status IN (:...openStatuses)';

export interface CaseAlerts {
  red: number;
  yellow: number;
  /** The most urgent first. */
  cases: Application[];
  /** 逾期未补正, the oldest deadline first. */
  lapsedSupplements: Application[];
  /** Running cases whose deadline is provisional (a year without the national schedule). */
  provisionalDeadlines: Application[];
}

/**
 * Cases of the given tenants matching a condition on `a`, at most `first` per tenant, by
 * `orderBy` then id: ranked per tenant by a window function in a subquery, so one
 * statement whatever the number of tenants.
 */
async function casesPerTenant(
  ctx: RequestContext,
  tenantIds: number[],
  first: number,
  condition: string,
  parameters: Record<string, unknown>,
  orderBy: 'dueAt' | 'supplementDueAt',
): Promise<Map<number, Application[]>> {
  const ranked = ctx.db
    .scoped(Application)
    .query('a')
    .select('a.id', 'id')
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY a.tenantId ORDER BY a.${orderBy}, a.id)`, 'rank_in_tenant')
    .andWhere('a.tenantId IN (:...listTenants)', { listTenants: tenantIds })
    .andWhere(condition, parameters);
  const cases = await ctx.db
    .scoped(Application)
    .query('c')
    .innerJoin(`(${ranked.getQuery()})`, 'ranked', 'ranked.id = c.id AND ranked.rank_in_tenant <= :first', { ...ranked.getParameters(), first })
    .orderBy(`c.${orderBy}`, 'ASC')
    .addOrderBy('c.id', 'ASC')
    .getMany();
  return groupBy(cases, (application) => application.tenantId);
}

/** YELLOW and RED open cases of the given tenants, counted and listed per tenant. */
export async function caseAlerts(ctx: RequestContext, tenantIds: number[], first: number): Promise<Map<number, CaseAlerts>> {
  const alerts = new Map<number, CaseAlerts>();
  if (tenantIds.length === 0) return alerts;
  // An open case alerts when due by its tenant's YELLOW bound, RED when already overdue:
  // lightOf restricted to open cases, as ranges of the (tenant_id, status, due_at) index.
  const parameters: Record<string, unknown> = { openStatuses: OPEN_STATUSES, now: ctx.now() };
  const ranges = [...(await yellowBounds(ctx, tenantIds))].map(([bound, ids], i) => {
    parameters[`alertBound${i}`] = new Date(bound);
    parameters[`alertTenants${i}`] = ids;
    return `(a.tenantId IN (:...alertTenants${i}) AND a.dueAt <= :alertBound${i})`;
  });
  const alerting = `(${OPEN_STATUS_CLAUSE} AND (${ranges.join(' OR ') || '1 = 0'}))`;
  const [counts, listed] = await Promise.all([
    ctx.db
      .scoped(Application)
      .query('a')
      .select('a.tenantId', 'tenantId')
      .addSelect('SUM(CASE WHEN a.dueAt < :now THEN 1 ELSE 0 END)', 'red')
      .addSelect('COUNT(*)', 'total')
      .andWhere(alerting, parameters)
      .groupBy('a.tenantId')
      .getRawMany<{ tenantId: number; red: string; total: string }>(),
    casesPerTenant(ctx, tenantIds, first, alerting, parameters, 'dueAt'),
  ]);
  for (const row of counts) {
    const tenantId = Number(row.tenantId);
    alerts.set(tenantId, { red: Number(row.red), yellow: Number(row.total) - Number(row.red), cases: listed.get(tenantId) ?? [], lapsedSupplements: [], provisionalDeadlines: [] });
  }
  const [lapsed, provisional] = await Promise.all([
    casesPerTenant(ctx, tenantIds, first, 'a.status = :awaiting AND a.supplementDueAt < :now', { awaiting: ApplicationStatus.AWAITING_SUPPLEMENT, now: ctx.now() }, 'supplementDueAt'),
    casesPerTenant(ctx, tenantIds, first, 'a.status IN (:...running) AND a.dueAtProvisional = :provisional', { running: RUNNING_STATUSES, provisional: true }, 'dueAt'),
  ]);
  for (const tenantId of new Set([...lapsed.keys(), ...provisional.keys()])) {
    const entry = alerts.get(tenantId) ?? { red: 0, yellow: 0, cases: [], lapsedSupplements: [], provisionalDeadlines: [] };
    alerts.set(tenantId, { ...entry, lapsedSupplements: lapsed.get(tenantId) ?? [], provisionalDeadlines: provisional.get(tenantId) ?? [] });
  }
  return alerts;
}

/** An open case of the check (电子监察): what a supervision notice or a live alert needs, no more. */
export interface AlertingCase {
  id: number;
  tenantId: number;
  departmentId: number;
  number: string;
  dueAt: Date;
  light: SupervisionLight.YELLOW | SupervisionLight.RED;
}

/**
 * Open cases of the given tenants that are YELLOW or RED now (lightOf restricted to open
 * cases), in one statement over the (tenant_id, status, due_at) index, for the periodic
 * check. Read through `ctx.db` (the check's scope), with no viewer rule: the check is the
 * system's.
 */
export async function alertingOpenCases(ctx: RequestContext, tenantIds: number[]): Promise<AlertingCase[]> {
  if (tenantIds.length === 0) return [];
  const now = ctx.now();
  const parameters: Record<string, unknown> = { openStatuses: OPEN_STATUSES };
  const ranges = [...(await yellowBounds(ctx, tenantIds))].map(([bound, ids], i) => {
    parameters[`checkBound${i}`] = new Date(bound);
    parameters[`checkTenants${i}`] = ids;
    return `(a.tenantId IN (:...checkTenants${i}) AND a.dueAt <= :checkBound${i})`;
  });
  const rows = await ctx.db
    .scoped(Application)
    .query('a')
    .select(['a.id', 'a.tenantId', 'a.departmentId', 'a.number', 'a.dueAt'])
    .andWhere(`${OPEN_STATUS_CLAUSE} AND (${ranges.join(' OR ') || '1 = 0'})`, parameters)
    .orderBy('a.id')
    .getMany();
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenantId,
    departmentId: row.departmentId,
    number: row.number,
    dueAt: row.dueAt!,
    light: row.dueAt! < now ? SupervisionLight.RED : SupervisionLight.YELLOW,
  }));
}

/**
 * 办件抽查: ids of the finished (decided) cases of one tenant decided in [from, to), of one
 * department if given, in id order: the stable order the seeded draw runs over.
 */
export async function finishedCaseIds(ctx: RequestContext, tenantId: number, from: Date, to: Date, departmentId: number | null): Promise<number[]> {
  const query = ctx.db
    .scoped(Application)
    .query('a')
    .select('a.id', 'id')
    .andWhere('a.tenantId = :sampleTenant AND a.status IN (:...decided) AND a.decidedAt >= :sampleFrom AND a.decidedAt < :sampleTo', {
      sampleTenant: tenantId,
      decided: DECIDED_STATUSES,
      sampleFrom: from,
      sampleTo: to,
    });
  if (departmentId !== null) query.andWhere('a.departmentId = :sampleDepartment', { sampleDepartment: departmentId });
  const rows = await query.orderBy('a.id').getRawMany<{ id: number }>();
  return rows.map((row) => Number(row.id));
}
