import DataLoader from 'dataloader';
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import { CalendarOverride, NationalCalendarDay } from './entities';
import { WorkingCalendar } from './working-calendar';
import { CalendarOverrideInput, NationalCalendarDayInput, RemoveCalendarDayInput } from './inputs';

export { WorkingCalendar };

/** National days rarely change and are the same for everyone: one read per request. */
function nationalDays(ctx: RequestContext): Promise<NationalCalendarDay[]> {
  return ctx.loaders
    .get('NationalCalendarDay.all', () =>
      // Not tenant-owned: the national calendar is public.
      new DataLoader<string, NationalCalendarDay[]>(async (keys) => {
        const rows = await ctx.db.unscoped.find(NationalCalendarDay, { order: { date: 'ASC' } });
        return keys.map(() => rows);
      }),
    )
    .load('all');
}

/**
 * The working-day calendar of a tenant: national days plus its own overrides. `db` is
 * the request's, or a read-only view for a caller that may not read the tenant (the
 * public progress page), whose overrides are not secret.
 */
export function calendarOf(ctx: RequestContext, tenant: Tenant, db: Db = ctx.db): Promise<WorkingCalendar> {
  return ctx.loaders
    .get('WorkingCalendar.byTenant', () =>
      new DataLoader<Tenant, WorkingCalendar, number>(
        async (tenants) => {
          const ids = tenants.map((t) => t.id);
          const [national, overrides] = await Promise.all([
            nationalDays(ctx),
            db.readOnlyFor(ids).scoped(CalendarOverride).query('o').getMany(),
          ]);
          return tenants.map(
            (t) => new WorkingCalendar(t.timeZone, [...national, ...overrides.filter((o) => o.tenantId === t.id)]),
          );
        },
        { cacheKeyFn: (t) => t.id },
      ),
    )
    .load(tenant);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(date: string, field: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new BadUserInputError(`"${field}" must be a date yyyy-mm-dd`, field);
  }
}

export interface CalendarDayView {
  date: string;
  working: boolean;
  name: string;
  source: 'NATIONAL' | 'TENANT';
}

/** The exceptions of a year for a tenant: national holidays and make-up days, then its own. */
export async function calendarYear(ctx: RequestContext, year: number, tenantCode?: string): Promise<{ tenant: Tenant; days: CalendarDayView[]; workingDays: number }> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInputError('"year" must be 2000-2100', 'year');
  const tenant = tenantCode ? await tenancy.tenantByCode(ctx, tenantCode) : await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError('Tenant');
  const prefix = `${year}-`;
  const national = (await nationalDays(ctx)).filter((d) => d.date.startsWith(prefix));
  const overrides = (await ctx.db.readOnlyFor([tenant.id]).scoped(CalendarOverride).query('o').getMany()).filter((o) => o.date.startsWith(prefix));
  const overridden = new Set(overrides.map((o) => o.date));
  const days: CalendarDayView[] = [
    ...national.filter((d) => !overridden.has(d.date)).map((d) => ({ date: d.date, working: d.working, name: d.name, source: 'NATIONAL' as const })),
    ...overrides.map((o) => ({ date: o.date, working: o.working, name: o.reason, source: 'TENANT' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const calendar = await calendarOf(ctx, tenant);
  let workingDays = 0;
  for (let day = `${year}-01-01`; day.startsWith(prefix); day = WorkingCalendar.nextDate(day)) if (calendar.isWorkingDay(day)) workingDays += 1;
  return { tenant, days, workingDays };
}

export async function setCalendarOverride(ctx: RequestContext, input: CalendarOverrideInput): Promise<CalendarOverride> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  assertDate(input.date, 'input.date');
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 200) throw new BadUserInputError('"reason" must be 1-200 characters', 'input.reason');
  return ctx.db.transaction(async (db) => {
    const overrides = db.scoped(CalendarOverride);
    const existing = await overrides.query('o').andWhere('o.tenantId = :own AND o.date = :date', { own: viewer.tenantId, date: input.date }).getOne();
    const row = existing ?? overrides.create({ tenantId: viewer.tenantId, date: input.date, createdById: viewer.userId });
    row.working = input.working;
    row.reason = reason;
    return overrides.save(row);
  });
}

export async function removeCalendarOverride(ctx: RequestContext, input: RemoveCalendarDayInput): Promise<boolean> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  assertDate(input.date, 'input.date');
  await ctx.db.scoped(CalendarOverride).deleteWhere({ date: input.date });
  return true;
}

export async function setNationalCalendarDay(ctx: RequestContext, input: NationalCalendarDayInput): Promise<NationalCalendarDay> {
  requireRole(ctx, Role.PLATFORM_ADMIN);
  assertDate(input.date, 'input.date');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 32) throw new BadUserInputError('"name" must be 1-32 characters', 'input.name');
  // The national calendar belongs to no tenant; only platform admins reach this.
  return ctx.db.unscoped.save(NationalCalendarDay, { date: input.date, working: input.working, name });
}

export async function removeNationalCalendarDay(ctx: RequestContext, input: RemoveCalendarDayInput): Promise<boolean> {
  requireRole(ctx, Role.PLATFORM_ADMIN);
  assertDate(input.date, 'input.date');
  await ctx.db.unscoped.delete(NationalCalendarDay, { date: input.date });
  return true;
}

export const nodeLoaders = {
  CalendarOverride: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(CalendarOverride).findByIds(ids),
};
