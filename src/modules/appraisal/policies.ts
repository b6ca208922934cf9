import { Audience, audiences, defineFieldPolicy, FieldPolicy, PolicySubject } from '../../auth/field-policy';
import { Role } from '../../auth/roles';
import { maskText } from '../../auth/masks';
import type { RequestContext } from '../../context';
import * as tenancy from '../tenancy/service';
import { AppraisalResult, AppraisalSubjectKind } from './entities';

/**
 * Who reads a result's figures (the "who sees what"): the centre admins of the
 * tenant that appraised (the city's, for a centre-level result), the person appraised,
 * the head of the person's (or the window's) department, and auditors in scope. Rows are
 * already limited to the viewer's scope; everyone else gets null. The grade is null
 * until publication, so other viewers never see a draft grade.
 */
async function resultSubject(result: AppraisalResult, ctx: RequestContext): Promise<ResultSubject> {
  const department = await tenancy.loadDepartment(ctx, result.departmentId);
  return {
    tenantId: result.tenantId,
    personUserId: result.subjectKind === AppraisalSubjectKind.STAFF ? result.subjectId : undefined,
    headUserIds: department?.headId ? [department.headId] : [],
    appraisedCentreId: result.subjectKind === AppraisalSubjectKind.CENTRE ? result.subjectId : undefined,
  };
}

/** A centre-level result's subject also names the county it is about (锦州 第三条(十)). */
type ResultSubject = PolicySubject & { appraisedCentreId?: number };

/** The county's own admins: they reach its result only once published (centres.ts, centreAppraisalsOf). */
const appraisedCentreAdmins: Audience = {
  label: 'centre admins of the appraised centre (a centre-level result, once published)',
  includes: (viewer, subject) => viewer.roles.has(Role.CENTRE_ADMIN) && (subject as ResultSubject).appraisedCentreId === viewer.tenantId,
};

const readers = [audiences.centreAdminsOfTenant, audiences.thePerson, audiences.departmentHeads, audiences.auditors, appraisedCentreAdmins];

function resultPolicy(field: string): FieldPolicy<AppraisalResult> {
  return defineFieldPolicy<AppraisalResult>({ key: `AppraisalResult.${field}`, subject: resultSubject, clear: readers, masked: [], mask: maskText });
}

export const resultScorePolicy = resultPolicy('score');
export const resultProposedGradePolicy = resultPolicy('proposedGrade');
export const resultGradePolicy = resultPolicy('grade');
export const resultRankPolicy = resultPolicy('rank');
export const resultBarredPolicy = resultPolicy('excellenceBarred');
export const resultBreakdownPolicy = resultPolicy('breakdown');
export const resultCorrectedScorePolicy = resultPolicy('correctedScore');
