import { RequestContext } from '../../context';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { requireViewer } from '../../auth/guards';
import { ConnectionResult, defineSorting, ListArgs, OrderDirection, paginate } from '../../graphql/connection';
import { encodeGlobalId } from '../../graphql/global-id';
import { AppraisalCommendation, AppraisalLine, AppraisalLineEvent, AppraisalLineKind, AppraisalPeriod, AppraisalResult, AppraisalRuleItem, AppraisalRuleSet, AppraisalSubjectKind, EVENT_NODE_TYPE, fromCenti } from './entities';
import { AppraisalEventLink } from './types';

/** Results of a period in rank order (1 first), then by id. */
export const appraisalResultSorting = defineSorting({
  typeName: 'AppraisalResult',
  label: 'appraisal results (考核结果)',
  fields: {
    RANK: { column: 'r.rank', kind: 'number', description: 'Rank within the subject kind (1 is best)' },
  },
  defaultOrder: [{ field: 'RANK', direction: OrderDirection.ASC }],
});
export type AppraisalResultOrderField = keyof typeof appraisalResultSorting.fields;

export function loadPeriod(ctx: RequestContext, id: number): Promise<AppraisalPeriod | null> {
  return ctx.loaders.get('AppraisalPeriod.byId', () => byIdLoader((ids) => ctx.db.scoped(AppraisalPeriod).findByIds(ids))).load(id);
}

/**
 * The results of a period, of one subject kind or all. Rows are in the viewer's scope;
 * the figures on them are guarded field by field (policies.ts).
 */
export function resultsOf(ctx: RequestContext, period: AppraisalPeriod, args: ListArgs<AppraisalResultOrderField>, subjectKind?: AppraisalSubjectKind | null): Promise<ConnectionResult<AppraisalResult>> {
  requireViewer(ctx);
  const query = ctx.db.scoped(AppraisalResult).query('r').andWhere('r.periodId = :periodId', { periodId: period.id });
  if (subjectKind) query.andWhere('r.subjectKind = :subjectKind', { subjectKind });
  return paginate(query, { list: 'appraisalResults', alias: 'r', sorting: appraisalResultSorting }, args);
}

/**
 * A result's breakdown lines in order (batched over the results of a page). Read in the
 * result's own tenant: the result was read legitimately (in scope, or a county reading
 * the city's published result about it, centres.ts) and the breakdown field's policy
 * decides who sees the lines.
 */
export function breakdownOf(ctx: RequestContext, result: AppraisalResult): Promise<AppraisalLine[]> {
  const tenantId = result.tenantId;
  return ctx.loaders
    .get(`AppraisalLine.byResult:${tenantId}`, () =>
      groupedLoader(
        (ids) => ctx.db.readOnlyFor([tenantId]).scoped(AppraisalLine).query('l').andWhere('l.resultId IN (:...ids)', { ids }).orderBy('l.position').addOrderBy('l.id').getMany(),
        (row) => row.resultId,
      ),
    )
    .load(result.id);
}

/** The locked score plus the corrections made after publication; null when there are none. */
export async function correctedScoreOf(ctx: RequestContext, result: AppraisalResult): Promise<number | null> {
  const corrections = (await breakdownOf(ctx, result)).filter((line) => line.kind === AppraisalLineKind.CORRECTION);
  if (corrections.length === 0) return null;
  return fromCenti(result.scoreCenti + corrections.reduce((sum, line) => sum + line.pointsCenti, 0));
}

/** The events behind a breakdown line (batched over the lines asked for). */
export async function eventsOf(ctx: RequestContext, line: AppraisalLine): Promise<AppraisalEventLink[]> {
  const tenantId = line.tenantId;
  const rows = await ctx.loaders
    .get(`AppraisalLineEvent.byLine:${tenantId}`, () =>
      groupedLoader(
        (ids) => ctx.db.readOnlyFor([tenantId]).scoped(AppraisalLineEvent).query('e').andWhere('e.lineId IN (:...ids)', { ids }).orderBy('e.id').getMany(),
        (row) => row.lineId,
      ),
    )
    .load(line.id);
  return rows.map((row) => ({ kind: row.eventKind, id: encodeGlobalId(EVENT_NODE_TYPE[row.eventKind], row.eventId) }));
}

/** `node(id:)` support: rows of these types by database id, within the scope. */
export const nodeLoaders = {
  AppraisalPeriod: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(AppraisalPeriod).findByIds(ids),
  AppraisalResult: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(AppraisalResult).findByIds(ids),
  AppraisalRuleSet: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(AppraisalRuleSet).findByIds(ids),
  AppraisalRuleItem: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(AppraisalRuleItem).findByIds(ids),
  AppraisalCommendation: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(AppraisalCommendation).findByIds(ids),
};
