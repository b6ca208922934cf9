import { In } from 'typeorm';
import { Db } from '../../db/db';
import { AppraisalGrade, AppraisalLine, AppraisalLineEvent, AppraisalLineKind, AppraisalPeriod, AppraisalResult, AppraisalRuleSet, AppraisalSubjectKind } from './entities';
import { DraftResult } from './draft';
import { gradeWithQuota } from './grading';

/** Results rescored per UPDATE (each takes about 7 bound values). */
const RESCORE_CHUNK = 1000;

const subjectKey = (kind: AppraisalSubjectKind, id: number) => `${kind}:${id}`;

/**
 * Writes a period's draft in a fixed number of statements however many results, lines and
 * links there are (each bulk insert is one statement; rescoring one UPDATE per 1,000 results):
 * the computed lines and their event links are replaced, review adjustments are kept
 * (a recompute re-applies them), results of subjects no longer appraised are dropped,
 * new ones added, and every result rescored and regraded. Result ids stay stable.
 */
export async function writeDraft(db: Db, period: AppraisalPeriod, ruleSet: AppraisalRuleSet, drafts: readonly DraftResult[], now: Date): Promise<void> {
  const results = db.scoped(AppraisalResult);
  const lines = db.scoped(AppraisalLine);
  const existing = await results.query('r').andWhere('r.periodId = :periodId', { periodId: period.id }).getMany();
  const wanted = new Set(drafts.map((draft) => subjectKey(draft.subjectKind, draft.subjectId)));
  const stale = existing.filter((row) => !wanted.has(subjectKey(row.subjectKind, row.subjectId))).map((row) => row.id);
  await db.scoped(AppraisalLineEvent).deleteWhere({ periodId: period.id });
  await lines.deleteWhere({ periodId: period.id, kind: AppraisalLineKind.COMPUTED });
  if (stale.length > 0) {
    await lines.deleteWhere({ resultId: In(stale) } as never);
    await results.deleteWhere({ id: In(stale) } as never);
  }
  const kept = new Map(existing.filter((row) => !stale.includes(row.id)).map((row) => [subjectKey(row.subjectKind, row.subjectId), row]));
  const fresh = drafts.filter((draft) => !kept.has(subjectKey(draft.subjectKind, draft.subjectId)));
  await results.insertAll(
    ['tenantId', 'periodId', 'subjectKind', 'subjectId', 'departmentId', 'scoreCenti', 'deductedCenti', 'proposedGrade', 'grade', 'rank', 'excellenceBarred', 'chiefRepresentativeAnnual', 'version'],
    fresh.map((draft) => ({
      tenantId: period.tenantId,
      periodId: period.id,
      subjectKind: draft.subjectKind,
      subjectId: draft.subjectId,
      departmentId: draft.departmentId,
      scoreCenti: ruleSet.baseScoreCenti,
      deductedCenti: 0,
      // Placeholders: regrade below scores and grades every result.
      proposedGrade: AppraisalGrade.COMPETENT,
      grade: null,
      rank: 0,
      excellenceBarred: draft.excellenceBarred,
      chiefRepresentativeAnnual: draft.chiefRepresentativeAnnual,
      version: 1,
    })),
  );
  const rows = await results.query('r').andWhere('r.periodId = :periodId', { periodId: period.id }).getMany();
  const idOf = new Map(rows.map((row) => [subjectKey(row.subjectKind, row.subjectId), row.id]));
  const draftOf = new Map(drafts.map((draft) => [idOf.get(subjectKey(draft.subjectKind, draft.subjectId)) as number, draft]));
  await lines.insertAll(
    ['tenantId', 'periodId', 'resultId', 'position', 'kind', 'source', 'itemId', 'label', 'count', 'metCount', 'pointsCenti', 'reason', 'createdById', 'createdAt'],
    drafts.flatMap((draft) =>
      draft.lines.map((line) => ({
        tenantId: period.tenantId,
        periodId: period.id,
        resultId: idOf.get(subjectKey(draft.subjectKind, draft.subjectId)),
        position: line.position,
        kind: AppraisalLineKind.COMPUTED,
        source: line.source,
        itemId: line.itemId,
        label: line.label,
        count: line.count,
        metCount: line.metCount,
        pointsCenti: line.pointsCenti,
        reason: null,
        createdById: null,
        createdAt: now,
      })),
    ),
  );
  const written = await lines.query('l').andWhere('l.periodId = :periodId AND l.kind = :kind', { periodId: period.id, kind: AppraisalLineKind.COMPUTED }).getMany();
  await db.scoped(AppraisalLineEvent).insertAll(
    ['tenantId', 'periodId', 'lineId', 'eventKind', 'eventId'],
    written.flatMap((line) => {
      const drafted = draftOf.get(line.resultId)?.lines.find((l) => l.itemId === line.itemId);
      if (!drafted?.eventKind) return [];
      return drafted.eventIds.map((eventId) => ({ tenantId: period.tenantId, periodId: period.id, lineId: line.id, eventKind: drafted.eventKind as never, eventId }));
    }),
  );
  await regrade(db, period, ruleSet, rows, new Map(rows.map((row) => [row.id, draftOf.get(row.id)])));
}

/**
 * Rescores and regrades every result of a period from its lines (computed and adjusting;
 * corrections after publication never count), each subject kind with its own quota, in
 * two statements plus one UPDATE per 1,000 results.
 */
export async function regrade(db: Db, period: AppraisalPeriod, ruleSet: AppraisalRuleSet, rows?: AppraisalResult[], drafts?: Map<number, DraftResult | undefined>): Promise<void> {
  const results = db.scoped(AppraisalResult);
  const all = rows ?? (await results.query('r').andWhere('r.periodId = :periodId', { periodId: period.id }).getMany());
  const sums = await db
    .scoped(AppraisalLine)
    .query('l')
    .select('l.resultId', 'resultId')
    .addSelect('SUM(l.pointsCenti)', 'points')
    .addSelect('SUM(CASE WHEN l.pointsCenti < 0 THEN 0 - l.pointsCenti ELSE 0 END)', 'deducted')
    .andWhere('l.periodId = :periodId AND l.kind IN (:...kinds)', { periodId: period.id, kinds: [AppraisalLineKind.COMPUTED, AppraisalLineKind.ADJUSTMENT] })
    .groupBy('l.resultId')
    .getRawMany<{ resultId: number; points: number | string; deducted: number | string }>();
  const sumOf = new Map(sums.map((row) => [Number(row.resultId), { points: Number(row.points), deducted: Number(row.deducted) }]));
  const scored = all.map((row) => ({
    row,
    subjectId: row.id,
    scoreCenti: ruleSet.baseScoreCenti + (sumOf.get(row.id)?.points ?? 0),
    deductedCenti: sumOf.get(row.id)?.deducted ?? 0,
    excellenceBarred: drafts?.get(row.id)?.excellenceBarred ?? row.excellenceBarred,
  }));
  const graded = new Map<number, { proposedGrade: AppraisalResult['proposedGrade']; rank: number }>();
  for (const kind of Object.values(AppraisalSubjectKind)) {
    // 指标单列 (锦州 第十五条) allots places to people; windows and centres take the percent.
    const rules = kind === AppraisalSubjectKind.STAFF ? ruleSet : { ...ruleSet, excellenceQuotaSeats: null };
    for (const [id, grade] of gradeWithQuota(scored.filter((s) => s.row.subjectKind === kind), rules)) graded.set(id, grade);
  }
  const byId = new Map(scored.map((s) => [s.row.id, s]));
  await results.updateEach(
    all,
    (row) => {
      const s = byId.get(row.id) as (typeof scored)[number];
      const draft = drafts?.get(row.id);
      return {
        scoreCenti: s.scoreCenti,
        deductedCenti: s.deductedCenti,
        proposedGrade: graded.get(row.id)?.proposedGrade,
        rank: graded.get(row.id)?.rank,
        excellenceBarred: s.excellenceBarred,
        ...(draft ? { departmentId: draft.departmentId, chiefRepresentativeAnnual: draft.chiefRepresentativeAnnual } : {}),
      };
    },
    RESCORE_CHUNK,
  );
}
