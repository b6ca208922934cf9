import { RequestContext } from '../../context';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConflictError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { messages } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { AppraisalLine, AppraisalLineKind, AppraisalPeriod, AppraisalPeriodStatus, AppraisalResult, AppraisalSource, CENTI, REVIEW_POSITION } from './entities';
import { AdjustAppraisalResultInput } from './inputs';
import { appraisalMessages as m } from './messages';
import { ruleSetOfPeriod } from './rules';
import { regrade } from './persist';

const LABEL = { ADJUSTMENT: '调整', CORRECTION: '更正' } as const;

/**
 * Centre admin: adjusts one result with a reason. While the period is a draft it is an
 * ADJUSTMENT line: the score moves and the period is regraded (the quota may pass to
 * someone else). Once published the result is locked: the line is a CORRECTION, an
 * adjusting entry shown beside the locked score (correctedScore), which never moves.
 */
export async function adjustAppraisalResult(ctx: RequestContext, input: AdjustAppraisalResultInput): Promise<AppraisalResult> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const check = new InputCheck();
  const pointsCenti = Math.round(input.points * CENTI);
  check.that(Number.isFinite(input.points) && pointsCenti !== 0 && Math.abs(pointsCenti) <= 1000 * CENTI && Math.abs(input.points * CENTI - pointsCenti) < 1e-6, 'input.points', m.adjustmentPoints);
  const reason = check.text(input.reason, 'input.reason', 500);
  check.done();
  const resultId = decodeGlobalIdOf('AppraisalResult', input.resultId, 'input.resultId');
  return ctx.db.transaction(async (db) => {
    const results = db.scoped(AppraisalResult);
    const result = await results.getById(resultId, m.result);
    results.assertWritable(result);
    const period = await db.scoped(AppraisalPeriod).getById(result.periodId, m.period);
    const kind = period.status === AppraisalPeriodStatus.DRAFT ? AppraisalLineKind.ADJUSTMENT : AppraisalLineKind.CORRECTION;
    if (kind === AppraisalLineKind.ADJUSTMENT) {
      await results.updateVersioned(result, input.version, {});
    } else if (result.version !== input.version) {
      // A locked result never changes, its version neither; a stale reader still hears of it.
      throw new ConflictError(messages.staleVersion('AppraisalResult'), { field: 'version' });
    }
    const lines = db.scoped(AppraisalLine);
    await lines.save(
      lines.create({
        tenantId: result.tenantId,
        periodId: period.id,
        resultId: result.id,
        position: REVIEW_POSITION,
        kind,
        source: AppraisalSource.ADJUSTMENT,
        itemId: null,
        label: LABEL[kind],
        count: 1,
        metCount: null,
        pointsCenti,
        reason,
        createdById: viewer.userId,
        createdAt: ctx.now(),
      }),
    );
    if (kind === AppraisalLineKind.ADJUSTMENT) await regrade(db, period, await ruleSetOfPeriod(db, period.ruleSetId));
    return results.getById(result.id, m.result);
  });
}
