import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { assertDate } from '../calendar/service';
import * as calendar from '../calendar/service';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import { AppraisalPeriod, AppraisalPeriodKind, AppraisalPeriodStatus, AppraisalResult } from './entities';
import { AppraisalPeriodFilter, AppraisalPeriodOrderField, appraisalPeriodSorting, AppraisalPeriodVersionInput, OpenAppraisalPeriodInput } from './inputs';
import { appraisalMessages as m } from './messages';
import { currentRuleSet, itemsIn, ruleSetOfPeriod } from './rules';
import { computeDraft, PeriodSpan } from './draft';
import { writeDraft } from './persist';

const MONTHS_OF: Record<AppraisalPeriodKind, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** The last day of a period of `kind` starting on `start`, or null when `start` is not the first day of one. */
export function periodEnd(kind: AppraisalPeriodKind, start: string): string | null {
  const [year, month, day] = start.split('-').map(Number);
  const aligned = day === 1 && (kind === AppraisalPeriodKind.MONTH || (kind === AppraisalPeriodKind.QUARTER ? (month - 1) % 3 === 0 : month === 1));
  if (!aligned) return null;
  // Day 0 of the month after the period: its last day.
  return new Date(Date.UTC(year, month - 1 + MONTHS_OF[kind], 0)).toISOString().slice(0, 10);
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The instants a period covers in its centre's time zone, and its calendar year. */
export async function spanOf(ctx: RequestContext, tenant: Tenant, period: Pick<AppraisalPeriod, 'start' | 'end'>): Promise<PeriodSpan> {
  const days = await calendar.calendarOf(ctx, tenant);
  const year = period.start.slice(0, 4);
  return {
    tenantId: tenant.id,
    from: days.instantAt(period.start, 0),
    to: days.instantAt(nextDay(period.end), 0),
    startDate: period.start,
    endDate: period.end,
    yearFrom: days.instantAt(`${year}-01-01`, 0),
    yearTo: days.instantAt(`${Number(year) + 1}-01-01`, 0),
    yearStartDate: `${year}-01-01`,
    yearEndDate: `${year}-12-31`,
  };
}

/** Computes and writes the draft of a period with the rule version it was opened with. */
async function compute(ctx: RequestContext, db: Db, period: AppraisalPeriod): Promise<void> {
  const tenant = (await tenancy.loadTenant(ctx, period.tenantId, { db, key: 'appraisal' })) as Tenant;
  const ruleSet = await ruleSetOfPeriod(db, period.ruleSetId);
  const items = await itemsIn(db, ruleSet.id);
  const drafts = await computeDraft(db, period, ruleSet, items, await spanOf(ctx, tenant, period), ctx.now());
  await writeDraft(db, period, ruleSet, drafts, ctx.now());
}

/**
 * Centre admin: opens a period of the own centre with the rules in force now and
 * computes its draft (锦州 第三条(七), 第二十三条).
 */
export async function openAppraisalPeriod(ctx: RequestContext, input: OpenAppraisalPeriodInput): Promise<AppraisalPeriod> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  assertDate(input.start, 'input.start');
  const end = periodEnd(input.kind, input.start);
  if (!end) throw new BadUserInputError(m.periodStart(input.kind), 'input.start');
  const tenantId = await tenancy.readableTenantIdOf(ctx, input.tenantCode, 'input.tenantCode');
  if (tenantId !== viewer.tenantId) throw new ForbiddenError(m.ownCentreOnly, 'input.tenantCode');
  const tenant = (await tenancy.loadTenant(ctx, tenantId)) as Tenant;
  const today = (await calendar.calendarOf(ctx, tenant)).localDate(ctx.now());
  if (input.start > today) throw new BadUserInputError(m.periodNotBegun, 'input.start');
  return ctx.db.transaction(async (db) => {
    const ruleSet = await currentRuleSet(db, tenantId);
    if (!ruleSet) throw new ConflictError(m.noRules);
    const periods = db.scoped(AppraisalPeriod);
    let period: AppraisalPeriod;
    try {
      const now = ctx.now();
      period = await periods.save(
        periods.create({
          tenantId,
          kind: input.kind,
          start: input.start,
          end,
          ruleSetId: ruleSet.id,
          status: AppraisalPeriodStatus.DRAFT,
          openedById: viewer.userId,
          openedAt: now,
          computedAt: now,
          publishedById: null,
          publishedAt: null,
        }),
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError(m.periodExists, { field: 'input.start' });
      throw error;
    }
    await compute(ctx, db, period);
    return periods.getById(period.id, m.period);
  });
}

/** A period of the own centre, read for a write, that must still be a draft. */
async function draftPeriod(db: Db, input: AppraisalPeriodVersionInput): Promise<AppraisalPeriod> {
  const period = await db.scoped(AppraisalPeriod).getById(decodeGlobalIdOf('AppraisalPeriod', input.periodId, 'input.periodId'), m.period);
  db.scoped(AppraisalPeriod).assertWritable(period);
  assertDraft(period);
  return period;
}

/** A published period is locked: recompute and review adjustments are refused (CONFLICT, status PUBLISHED). */
export function assertDraft(period: AppraisalPeriod): void {
  if (period.status !== AppraisalPeriodStatus.DRAFT) throw new ConflictError(m.periodPublished, { status: period.status });
}

/** Centre admin: recomputes a draft over the events as they are now, with the period's own rule version; adjustments are kept. */
export function recomputeAppraisal(ctx: RequestContext, input: AppraisalPeriodVersionInput): Promise<AppraisalPeriod> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  return ctx.db.transaction(async (db) => {
    const period = await draftPeriod(db, input);
    await db.scoped(AppraisalPeriod).updateVersioned(period, input.version, { computedAt: ctx.now() });
    await compute(ctx, db, period);
    return db.scoped(AppraisalPeriod).getById(period.id, m.period);
  });
}

/** Centre admin: publishes a draft; every result's grade is its proposed grade, and the period is locked. */
export function publishAppraisal(ctx: RequestContext, input: AppraisalPeriodVersionInput): Promise<AppraisalPeriod> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  return ctx.db.transaction(async (db) => {
    const period = await draftPeriod(db, input);
    const periods = db.scoped(AppraisalPeriod);
    await periods.updateVersioned(period, input.version, { status: AppraisalPeriodStatus.PUBLISHED, publishedById: viewer.userId, publishedAt: ctx.now() });
    const results = db.scoped(AppraisalResult);
    const rows = await results.query('r').andWhere('r.periodId = :periodId', { periodId: period.id }).getMany();
    await results.updateEach(rows, (row) => ({ grade: row.proposedGrade }));
    return periods.getById(period.id, m.period);
  });
}

// ---- reads --------------------------------------------------------------------

export async function listAppraisalPeriods(ctx: RequestContext, args: ListArgs<AppraisalPeriodOrderField>, filter: AppraisalPeriodFilter = {}): Promise<ConnectionResult<AppraisalPeriod>> {
  requireViewer(ctx);
  const query = ctx.db.scoped(AppraisalPeriod).query('p');
  if (filter.tenantCode) query.andWhere('p.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
  if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
  return paginate(query, { list: 'appraisalPeriods', alias: 'p', sorting: appraisalPeriodSorting }, args);
}
