import { RequestContext } from '../../context';
import * as calendar from '../calendar/service';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import { Application, ApplicationStatus, SupervisionLight } from './entities';
import { DECIDED_STATUSES, OPEN_STATUSES } from './lifecycle';

/**
 * 电子监察 lights (DESIGN.md §2). Open cases (clock running): RED when overdue, YELLOW
 * when at most one working day is left, else GREEN. A suspended case keeps the light it
 * had when its clock stopped. A decided case: RED if decided late, else GREEN. Cases
 * without a deadline (not yet accepted, not accepted, withdrawn) have no light.
 */
export function lightOf(application: Application, now: Date, yellowUntil: Date): SupervisionLight | null {
  const { status, dueAt } = application;
  if (!dueAt) return null;
  if ((OPEN_STATUSES as ApplicationStatus[]).includes(status)) {
    if (now > dueAt) return SupervisionLight.RED;
    return dueAt <= yellowUntil ? SupervisionLight.YELLOW : SupervisionLight.GREEN;
  }
  if (status === ApplicationStatus.SUSPENDED) return application.suspendedAt && application.suspendedAt > dueAt ? SupervisionLight.RED : SupervisionLight.GREEN;
  if ((DECIDED_STATUSES as ApplicationStatus[]).includes(status)) {
    return application.decidedAt && application.decidedAt > dueAt ? SupervisionLight.RED : SupervisionLight.GREEN;
  }
  return null;
}

/** The end of the next working day: an open case due by then is YELLOW. */
export async function yellowUntil(ctx: RequestContext, tenant: Tenant): Promise<Date> {
  return (await calendar.calendarOf(ctx, tenant)).deadline(ctx.now(), 1);
}

/** Working days left to the deadline (negative when overdue); null without a running clock. */
export async function remainingWorkingDays(ctx: RequestContext, application: Application): Promise<number | null> {
  if (!application.dueAt) return null;
  const open = (OPEN_STATUSES as ApplicationStatus[]).includes(application.status);
  const suspended = application.status === ApplicationStatus.SUSPENDED;
  if (!open && !suspended) return null;
  const tenant = await tenancy.loadTenant(ctx, application.tenantId);
  const workingCalendar = await calendar.calendarOf(ctx, tenant!);
  return workingCalendar.workingDaysBetween(suspended ? application.suspendedAt! : ctx.now(), application.dueAt);
}

export async function lightOfCase(ctx: RequestContext, application: Application): Promise<SupervisionLight | null> {
  const tenant = await tenancy.loadTenant(ctx, application.tenantId);
  return lightOf(application, ctx.now(), await yellowUntil(ctx, tenant!));
}

/**
 * The SQL condition for one light, the same rules as lightOf. The YELLOW bound depends
 * on each tenant's calendar, so readable tenants are grouped by their bound.
 */
export async function lightFilter(ctx: RequestContext, alias: string, light: SupervisionLight): Promise<{ clause: string; parameters: Record<string, unknown> }> {
  const a = (column: string) => `${alias}.${column}`;
  const parameters: Record<string, unknown> = { lfNow: ctx.now(), lfOpen: OPEN_STATUSES, lfDecided: DECIDED_STATUSES, lfSuspended: ApplicationStatus.SUSPENDED };
  const open = `${a('status')} IN (:...lfOpen)`;
  if (light === SupervisionLight.RED) {
    return {
      clause: `((${open} AND ${a('dueAt')} < :lfNow) OR (${a('status')} = :lfSuspended AND ${a('dueAt')} < ${a('suspendedAt')}) OR (${a('status')} IN (:...lfDecided) AND ${a('decidedAt')} > ${a('dueAt')}))`,
      parameters,
    };
  }
  const bounds = new Map<number, number[]>();
  const tenants = (await Promise.all(ctx.db.scope.readableTenantIds.map((id) => tenancy.loadTenant(ctx, id)))).filter((t): t is Tenant => t !== null);
  const tenantBounds = await Promise.all(tenants.map(async (tenant) => [tenant.id, (await yellowUntil(ctx, tenant)).getTime()] as const));
  for (const [tenantId, bound] of tenantBounds) bounds.set(bound, [...(bounds.get(bound) ?? []), tenantId]);
  const perTenant = [...bounds].map(([bound, ids], i) => {
    parameters[`lfBound${i}`] = new Date(bound);
    parameters[`lfTenants${i}`] = ids;
    const compare = light === SupervisionLight.YELLOW ? `>= :lfNow AND ${a('dueAt')} <= :lfBound${i}` : `> :lfBound${i}`;
    return `(${a('tenantId')} IN (:...lfTenants${i}) AND ${a('dueAt')} ${compare})`;
  });
  const openPart = perTenant.length > 0 ? `(${open} AND (${perTenant.join(' OR ')}))` : '1 = 0';
  if (light === SupervisionLight.YELLOW) return { clause: openPart, parameters };
  return {
    clause: `(${openPart} OR (${a('status')} = :lfSuspended AND ${a('dueAt')} >= ${a('suspendedAt')}) OR (${a('status')} IN (:...lfDecided) AND ${a('decidedAt')} <= ${a('dueAt')}))`,
    parameters,
  };
}

const OPEN_STATUS_CLAUSE = 'a.status IN (:...openStatuses)';

export interface CaseAlerts {
  red: number;
  yellow: number;
  /** The most urgent first. */
  cases: Application[];
}

/** YELLOW and RED open cases of the given tenants, counted and listed per tenant. */
export async function caseAlerts(ctx: RequestContext, tenantIds: number[], first: number): Promise<Map<number, CaseAlerts>> {
  const alerts = new Map<number, CaseAlerts>();
  if (tenantIds.length === 0) return alerts;
  const [red, yellow] = await Promise.all([lightFilter(ctx, 'a', SupervisionLight.RED), lightFilter(ctx, 'a', SupervisionLight.YELLOW)]);
  const alerting = `(${OPEN_STATUS_CLAUSE} AND (${red.clause} OR ${yellow.clause}))`;
  const parameters = { ...red.parameters, ...yellow.parameters, openStatuses: OPEN_STATUSES };
  const counts = await ctx.db
    .scoped(Application)
    .query('a')
    .select('a.tenantId', 'tenantId')
    .addSelect(`SUM(CASE WHEN ${red.clause} THEN 1 ELSE 0 END)`, 'red')
    .addSelect('COUNT(*)', 'total')
    .andWhere('a.tenantId IN (:...alertTenants)', { alertTenants: tenantIds })
    .andWhere(alerting, parameters)
    .groupBy('a.tenantId')
    .getRawMany<{ tenantId: number; red: string; total: string }>();
  // One query per tenant with alerts: a city has a handful of subordinates.
  for (const row of counts) {
    const tenantId = Number(row.tenantId);
    const cases = await ctx.db
      .scoped(Application)
      .query('a')
      .andWhere('a.tenantId = :alertTenant', { alertTenant: tenantId })
      .andWhere(alerting, parameters)
      .orderBy('a.dueAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(first)
      .getMany();
    alerts.set(tenantId, { red: Number(row.red), yellow: Number(row.total) - Number(row.red), cases });
  }
  return alerts;
}
