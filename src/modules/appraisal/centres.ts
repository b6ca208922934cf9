import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireViewer } from '../../auth/guards';
import { ForbiddenError } from '../../graphql/errors';
import * as tenancy from '../tenancy/service';
import * as applications from '../applications/service';
import * as evaluations from '../evaluations/service';
import * as complaints from '../complaints/service';
import * as supervision from '../supervision/service';
import * as collaboration from '../collaboration/service';
import { AppraisalEventKind, AppraisalPeriod, AppraisalPeriodStatus, AppraisalResult, AppraisalRuleItem, AppraisalSource, AppraisalSubjectKind } from './entities';
import { CentreAppraisal } from './report-types';
import { eventFigures, FigureTable, rateFigures } from './figures';
import { DraftResult, linesOf, PeriodSpan } from './draft';
import { dueUntil } from './sources';
import { appraisalMessages as m } from './messages';

/**
 * The aggregate figures of a city's counties and districts (锦州 第三条(十)), one statement
 * per source grouped by centre: 按时办结率 of the cases due, 满意率, upheld complaints, late
 * steps of cross-region tickets they own (乌海 第九条 协作不到位), and supervision notices
 * answered late or not at all. Read in the city's scope, which covers its subordinates.
 */
export async function centreFigures(db: Db, span: PeriodSpan, centreIds: readonly number[], now: Date): Promise<FigureTable> {
  const { from, to } = span;
  const until = dueUntil(span, now);
  const [onTime, satisfaction, upheld, lateSteps, notices] = await Promise.all([
    applications.onTimeByCentre(db, centreIds, from, until),
    evaluations.satisfactionByCentre(db, centreIds, from, to),
    complaints.upheldComplaintsByCentre(db, centreIds, from, to),
    collaboration.lateTicketSteps(db, centreIds, from, until),
    supervision.lateNoticesByCentre(db, centreIds, from, until),
  ]);
  return new Map([
    [AppraisalSource.ON_TIME_RATE, rateFigures(onTime)],
    [AppraisalSource.SATISFACTION_RATE, rateFigures(satisfaction)],
    [AppraisalSource.UPHELD_COMPLAINT, eventFigures(AppraisalEventKind.COMPLAINT, upheld)],
    [AppraisalSource.LATE_TICKET_STEP, eventFigures(AppraisalEventKind.TICKET_STEP, lateSteps.map((step) => ({ id: step.id, subjectId: step.tenantId })))],
    [AppraisalSource.LATE_NOTICE, eventFigures(AppraisalEventKind.SUPERVISION_NOTICE, notices)],
  ]);
}

/**
 * The CENTRE draft of a city's period (锦州 第三条(十)): one result per county or district
 * directly under the city, scored by the CENTRE items. The results are rows of the city's
 * period, about the subordinate; nothing is written in the subordinate. No CENTRE items,
 * or no subordinates (a county), and there is no centre level, without a query for it.
 */
export async function centreDrafts(db: Db, span: PeriodSpan, items: readonly AppraisalRuleItem[], now: Date): Promise<DraftResult[]> {
  const centreItems = items.filter((item) => item.subjectKind === AppraisalSubjectKind.CENTRE);
  if (centreItems.length === 0) return [];
  const centres = await tenancy.directSubordinatesOf(db, span.tenantId);
  if (centres.length === 0) return [];
  const figures = await centreFigures(
    db,
    span,
    centres.map((centre) => centre.id),
    now,
  );
  return centres.map((centre) => ({
    subjectKind: AppraisalSubjectKind.CENTRE,
    subjectId: centre.id,
    departmentId: null,
    excellenceBarred: false,
    chiefRepresentativeAnnual: false,
    lines: linesOf(centreItems, figures, centre.id),
  }));
}

/**
 * Only a centre with counties or districts under it appraises centres (锦州 第三条(十): 市中心
 * 对县(市)区中心): a county's rules with a CENTRE item are refused (FORBIDDEN, naming the item).
 */
export async function assertCentreItemsAllowed(db: Db, tenantId: number, items: readonly { subjectKind: AppraisalSubjectKind }[]): Promise<void> {
  const at = items.findIndex((item) => item.subjectKind === AppraisalSubjectKind.CENTRE);
  if (at < 0) return;
  if ((await tenancy.directSubordinatesOf(db, tenantId)).length === 0) throw new ForbiddenError(m.centreLevelForCityOnly, `input.items.${at}.subjectKind`);
}

/**
 * The published centre-level results about a readable centre (锦州 第三条(十)), newest
 * first: a county's admins read their own centre's results once the city has published
 * them, through a read-only view of the city's rows; a sibling county's code is out of
 * scope and reads nothing, and a draft is never shown.
 */
export async function centreAppraisalsOf(ctx: RequestContext, tenantCode: string): Promise<CentreAppraisal[]> {
  requireViewer(ctx);
  const tenant = await tenancy.loadTenant(ctx, await tenancy.readableTenantIdOf(ctx, tenantCode, 'tenantCode'));
  if (!tenant?.parentId) return [];
  const city = ctx.db.readOnlyFor([tenant.parentId]);
  const rows = await city
    .scoped(AppraisalResult)
    .query('r')
    .innerJoinAndMapOne('r.periodRow', AppraisalPeriod, 'p', 'p.id = r.periodId AND p.tenantId = r.tenantId')
    .andWhere('r.subjectKind = :centre AND r.subjectId = :subjectId AND p.status = :published', { centre: AppraisalSubjectKind.CENTRE, subjectId: tenant.id, published: AppraisalPeriodStatus.PUBLISHED })
    .orderBy('p.start', 'DESC')
    .addOrderBy('p.kind')
    .getMany();
  return rows.map((result) => {
    const period = (result as AppraisalResult & { periodRow: AppraisalPeriod }).periodRow;
    return { kind: period.kind, start: period.start, end: period.end, publishedAt: period.publishedAt as Date, result };
  });
}
