import { audiences, defineFieldPolicy, PolicySubject } from '../../auth/field-policy';
import { maskContact, maskName } from '../../auth/masks';
import type { RequestContext } from '../../context';
import type { Evaluation } from './entities';
import { ratedParties } from './rated';

/**
 * Who a rater's identity reaches, as a complainant's (complaints/policies.ts): the centre
 * admins who own the rectification in clear, auditors masked, and never the staff and
 * departments rated, whatever their role.
 */
async function raterSubject(evaluation: Evaluation, ctx: RequestContext): Promise<PolicySubject> {
  return { tenantId: evaluation.tenantId, excluded: await ratedParties(ctx, evaluation) };
}

const EXCLUDES = 'the staff members and departments rated';

export const raterNamePolicy = defineFieldPolicy<Evaluation>({
  key: 'Evaluation.raterName',
  subject: raterSubject,
  clear: [audiences.centreAdminsOfTenant],
  masked: [audiences.auditors],
  mask: maskName,
  excludes: EXCLUDES,
});

export const raterContactPolicy = defineFieldPolicy<Evaluation>({
  key: 'Evaluation.raterContact',
  subject: raterSubject,
  clear: [audiences.centreAdminsOfTenant],
  masked: [audiences.auditors],
  mask: maskContact,
  excludes: EXCLUDES,
});
