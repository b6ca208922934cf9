import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { InputCheck } from '../../validation/input-check';
import { assertDate } from '../calendar/service';
import * as tenancy from '../tenancy/service';
import * as evaluations from '../evaluations/service';
import { EvaluationLevel } from '../evaluations/entities';
import { AppraisalCommendation, CommendationKind } from './entities';
import { RecordCommendationInput } from './inputs';
import { appraisalMessages as m } from './messages';

/**
 * Centre admin: records a commendation (表扬) of a staff member of the own centre: a
 * praise letter, or a 非常满意 rating with a comment about that person (乌海 第九条: 正向激励).
 * Commendations add points in the appraisal of the period they were received in.
 */
export async function recordCommendation(ctx: RequestContext, input: RecordCommendationInput): Promise<AppraisalCommendation> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  assertDate(input.receivedOn, 'input.receivedOn');
  const check = new InputCheck();
  const note = check.text(input.note, 'input.note', 500);
  const comment = input.kind === CommendationKind.VERY_SATISFIED_COMMENT;
  check.that(comment || !input.evaluationId, 'input.evaluationId', m.evaluationOnlyForComment);
  check.that(!comment || Boolean(input.evaluationId), 'input.evaluationId', m.evaluationForComment);
  check.done();
  const personId = decodeGlobalIdOf('User', input.personId, 'input.personId');
  const person = await tenancy.loadUser(ctx, personId);
  if (!person || person.tenantId !== viewer.tenantId || !person.active) throw new BadUserInputError(m.personNotInCentre, 'input.personId');
  let evaluationId: number | null = null;
  if (input.evaluationId) {
    const evaluation = await evaluations.loadEvaluation(ctx, decodeGlobalIdOf('Evaluation', input.evaluationId, 'input.evaluationId'));
    const fits = evaluation && evaluation.staffId === person.id && evaluation.level === EvaluationLevel.VERY_SATISFIED && Boolean(evaluation.comment);
    if (!fits) throw new BadUserInputError(m.evaluationForComment, 'input.evaluationId');
    evaluationId = evaluation.id;
  }
  return ctx.db.transaction(async (db) => {
    const rows = db.scoped(AppraisalCommendation);
    return rows.save(
      rows.create({ tenantId: viewer.tenantId, personId: person.id, kind: input.kind, evaluationId, receivedOn: input.receivedOn, note, recordedById: viewer.userId, recordedAt: ctx.now() }),
    );
  });
}

/** Commendations of a tenant received between two local dates (inclusive), as event rows: one statement. */
export async function commendationsBetween(db: Db, tenantId: number, startDate: string, endDate: string): Promise<{ id: number; subjectId: number }[]> {
  const rows = await db
    .scoped(AppraisalCommendation)
    .query('c')
    .select(['c.id', 'c.personId'])
    .andWhere('c.tenantId = :tenantId AND c.receivedOn >= :startDate AND c.receivedOn <= :endDate', { tenantId, startDate, endDate })
    .getMany();
  return rows.map((row) => ({ id: row.id, subjectId: row.personId }));
}
