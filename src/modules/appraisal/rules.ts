import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConflictError, NotFoundError } from '../../graphql/errors';
import { isDuplicateKey } from '../../db/errors';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import { AppraisalItemMode, AppraisalRuleItem, AppraisalRuleSet, AppraisalSource, AppraisalSubjectKind, CENTI } from './entities';
import { AppraisalRulesInput } from './inputs';
import { appraisalMessages as m } from './messages';
import { assertCentreItemsAllowed } from './centres';

/** Sources scored as a rate; every other source counts events. */
export const RATE_SOURCES: readonly AppraisalSource[] = [AppraisalSource.SATISFACTION_RATE, AppraisalSource.ON_TIME_RATE, AppraisalSource.STAFF_AVERAGE];

/** Which sources score which subjects (ADJUSTMENT is never an item: adjustments are made in review). */
export const SOURCES_OF: Record<AppraisalSubjectKind, readonly AppraisalSource[]> = {
  STAFF: [
    AppraisalSource.SATISFACTION_RATE,
    AppraisalSource.BAD_RATING,
    AppraisalSource.ON_TIME_RATE,
    AppraisalSource.OVERDUE_CASE,
    AppraisalSource.UPHELD_COMPLAINT,
    AppraisalSource.SANCTION,
    AppraisalSource.EMPTY_POST,
    AppraisalSource.UNPLANNED_ABSENCE,
    AppraisalSource.LATE_NOTICE,
    AppraisalSource.COMMENDATION,
  ],
  // LATE_TICKET_STEP, LATE_WORK_ITEM, RETURNED_WORK_ITEM: the department's late ticket steps and late or returned
  // work items count against its windows (乌海 第九条 部门问责; 鞍山 衔接 四.3 推诿扯皮).
  WINDOW: [
    AppraisalSource.STAFF_AVERAGE,
    AppraisalSource.EMPTY_POST,
    AppraisalSource.LATE_NOTICE,
    AppraisalSource.LATE_TICKET_STEP,
    AppraisalSource.LATE_WORK_ITEM,
    AppraisalSource.RETURNED_WORK_ITEM,
    AppraisalSource.UPHELD_COMPLAINT,
    AppraisalSource.SATISFACTION_RATE,
  ],
  CENTRE: [
    AppraisalSource.ON_TIME_RATE,
    AppraisalSource.SATISFACTION_RATE,
    AppraisalSource.UPHELD_COMPLAINT,
    AppraisalSource.LATE_TICKET_STEP,
    AppraisalSource.LATE_NOTICE,
  ],
};

const MAX_ITEMS = 40;
const MAX_POINTS = 1000;

/** A score or points in hundredths, or a problem recorded against `field`. */
function centi(check: InputCheck, value: number, field: string, min: number): number {
  const scaled = Math.round(value * CENTI);
  check.that(Number.isFinite(value) && Math.abs(value * CENTI - scaled) < 1e-6 && value >= min && value <= MAX_POINTS, field, min >= 0 ? m.score(field) : m.points(field));
  return scaled;
}

/** The newest rule version of a tenant: the one a period opened now is scored with. */
export function currentRuleSet(db: Db, tenantId: number): Promise<AppraisalRuleSet | null> {
  return db.scoped(AppraisalRuleSet).query('r').andWhere('r.tenantId = :tenantId', { tenantId }).orderBy('r.version', 'DESC').limit(1).getOne();
}

export function loadRuleSet(ctx: RequestContext, id: number): Promise<AppraisalRuleSet | null> {
  return ctx.loaders.get('AppraisalRuleSet.byId', () => byIdLoader((ids) => ctx.db.scoped(AppraisalRuleSet).findByIds(ids))).load(id);
}

/** A rule version's items in order (batched). */
export function itemsOf(ctx: RequestContext, ruleSetId: number): Promise<AppraisalRuleItem[]> {
  return ctx.loaders
    .get('AppraisalRuleItem.byRuleSet', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(AppraisalRuleItem).query('i').andWhere('i.ruleSetId IN (:...ids)', { ids }).orderBy('i.position').getMany(),
        (row) => row.ruleSetId,
      ),
    )
    .load(ruleSetId);
}

/** The items of one rule version, read in `db` (inside a write's transaction). */
export function itemsIn(db: Db, ruleSetId: number): Promise<AppraisalRuleItem[]> {
  return db.scoped(AppraisalRuleItem).query('i').andWhere('i.ruleSetId = :ruleSetId', { ruleSetId }).orderBy('i.position').getMany();
}

/** A readable centre's rule version: the given one, or the newest; null when none. */
export async function appraisalRules(ctx: RequestContext, tenantCode: string, version?: number | null): Promise<AppraisalRuleSet | null> {
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  if (!tenant) return null;
  if (version === undefined || version === null) return currentRuleSet(ctx.db, tenant.id);
  return ctx.db.scoped(AppraisalRuleSet).query('r').andWhere('r.tenantId = :tenantId AND r.version = :version', { tenantId: tenant.id, version }).getOne();
}

/**
 * Centre admin: a new version of the own centre's rules (锦州 第二十三条). Versions are never
 * edited, so a period keeps scoring with the version it was opened with and a published
 * result never moves.
 */
export async function setAppraisalRules(ctx: RequestContext, input: AppraisalRulesInput): Promise<AppraisalRuleSet> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const check = new InputCheck();
  const base = centi(check, input.baseScore, 'input.baseScore', 0);
  const excellent = centi(check, input.excellentFrom, 'input.excellentFrom', 0);
  const competent = centi(check, input.competentFrom, 'input.competentFrom', 0);
  const basic = centi(check, input.basicallyCompetentFrom, 'input.basicallyCompetentFrom', 0);
  check.that(excellent > competent && competent > basic, 'input.excellentFrom', m.thresholdsOrder);
  check.that(Number.isInteger(input.excellenceQuotaPercent) && input.excellenceQuotaPercent >= 0 && input.excellenceQuotaPercent <= 100, 'input.excellenceQuotaPercent', m.quotaPercent);
  const seats = input.excellenceQuotaSeats ?? null;
  check.that(seats === null || (Number.isInteger(seats) && seats >= 0), 'input.excellenceQuotaSeats', m.quotaSeats);
  const note = input.note.trim();
  check.that(note.length <= 500, 'input.note', m.note);
  if (check.that(input.items.length >= 1 && input.items.length <= MAX_ITEMS, 'input.items', m.items)) {
    input.items.forEach((item, i) => {
      const at = `input.items.${i}`;
      check.that(SOURCES_OF[item.subjectKind].includes(item.source), `${at}.source`, m.itemSource(item.source));
      const rate = RATE_SOURCES.includes(item.source);
      check.that(item.mode === (rate ? AppraisalItemMode.RATE : AppraisalItemMode.PER_EVENT), `${at}.mode`, m.itemMode(item.source));
      check.that((item.source === AppraisalSource.SANCTION) === Boolean(item.sanctionKind), `${at}.sanctionKind`, m.sanctionKindOnlyForSanction);
      const pts = centi(check, item.points, `${at}.points`, -MAX_POINTS);
      check.that(rate ? pts > 0 : pts !== 0, `${at}.points`, rate ? m.ratePoints : m.eventPoints);
      if (item.cap !== undefined && item.cap !== null) check.that(centi(check, item.cap, `${at}.cap`, 0) > 0, `${at}.cap`, m.cap);
      check.text(item.label, `${at}.label`, 100);
    });
  }
  check.done();
  return ctx.db.transaction(async (db) => {
    await assertCentreItemsAllowed(db, viewer.tenantId, input.items);
    const previous = await currentRuleSet(db, viewer.tenantId);
    const ruleSets = db.scoped(AppraisalRuleSet);
    let saved: AppraisalRuleSet;
    try {
      saved = await ruleSets.save(
        ruleSets.create({
          tenantId: viewer.tenantId,
          version: (previous?.version ?? 0) + 1,
          baseScoreCenti: base,
          excellentFromCenti: excellent,
          competentFromCenti: competent,
          basicallyCompetentFromCenti: basic,
          excellenceQuotaPercent: input.excellenceQuotaPercent,
          excellenceQuotaSeats: seats,
          note,
          createdById: viewer.userId,
          createdAt: ctx.now(),
        }),
      );
    } catch (error) {
      // Two admins saving at once: the unique (tenant, version) lets one win.
      if (isDuplicateKey(error)) throw new ConflictError(m.rulesRaced);
      throw error;
    }
    await db.scoped(AppraisalRuleItem).insertMany(
      input.items.map((item, position) => ({
        tenantId: viewer.tenantId,
        ruleSetId: saved.id,
        position,
        subjectKind: item.subjectKind,
        source: item.source,
        sanctionKind: item.sanctionKind ?? null,
        mode: item.mode,
        pointsCenti: Math.round(item.points * CENTI),
        capCenti: item.cap === undefined || item.cap === null ? null : Math.round(item.cap * CENTI),
        label: item.label.trim(),
      })),
    );
    return saved;
  });
}

/** The rule version a period was opened with (it always exists: versions are never deleted). */
export async function ruleSetOfPeriod(db: Db, ruleSetId: number): Promise<AppraisalRuleSet> {
  const ruleSet = await db.scoped(AppraisalRuleSet).findById(ruleSetId);
  if (!ruleSet) throw new NotFoundError(m.ruleSet);
  return ruleSet;
}
