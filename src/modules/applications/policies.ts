import { Audience, audiences, defineFieldPolicy, PolicySubject } from '../../auth/field-policy';
import type { Viewer } from '../../auth/viewer';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../auth/masks';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import type { Application } from './entities';
import * as windows from '../windows/service';

/**
 * Who the applicant's data is shared with: the deciding department, and the receiving
 * window (the clerk who took the case in and the window's A and B posts).
 */
async function applicantSubject(application: Application, ctx: RequestContext): Promise<PolicySubject> {
  const window = await windows.loadWindow(ctx, application.receivingWindowId);
  const posts = window ? await windows.postsOf(ctx, window) : [];
  return {
    tenantId: application.tenantId,
    departmentIds: [application.departmentId],
    staffIds: [application.receivedById, ...posts.map((post) => post.userId)],
  };
}

/** The name's audiences need only the case's centre: no window posts are loaded for it. */
function centreSubject(application: Application): PolicySubject {
  return { tenantId: application.tenantId };
}

/** Auditors read applicant data masked, even in their own centre (DESIGN.md §1). */
const staffOfTenant: Audience = {
  label: 'staff of the case’s centre (not auditors)',
  includes: (viewer, subject) => viewer.tenantId === subject.tenantId && !viewer.roles.has(Role.AUDITOR),
};

const clearToHandlers = [audiences.implementingDepartment, audiences.receivingWindowStaff];

export const applicantName = defineFieldPolicy<Application>({
  key: 'Application.applicantName',
  subject: centreSubject,
  clear: [staffOfTenant],
  masked: [audiences.auditors],
  mask: maskName,
});

/** ID number, phone and address: the handlers in clear, auditors masked, everyone else null. */
function handlersOnly(key: string, mask: (value: string) => string) {
  return defineFieldPolicy<Application>({ key, subject: applicantSubject, clear: clearToHandlers, masked: [audiences.auditors], mask });
}

export const applicantIdNumber = handlersOnly('Application.applicantIdNumber', maskIdNumber);
export const applicantPhone = handlersOnly('Application.applicantPhone', maskPhone);
export const applicantAddress = handlersOnly('Application.applicantAddress', maskAddress);

/** A condition over a case alias, with its bound parameters. */
export interface CaseCondition {
  clause: string;
  parameters: Record<string, unknown>;
}

/**
 * The cases on which the viewer sees an applicant field in clear, as SQL over `alias`:
 * the clear audiences of the policies above, row for row (test/lists.test.ts checks that a
 * search matches exactly the cases where the field comes back in clear). A search by the
 * field is limited to these, so it reveals nothing the list itself would not show.
 */
export async function clearApplicantCases(ctx: RequestContext, viewer: Viewer, field: 'applicantIdNumber' | 'applicantName', alias: string): Promise<CaseCondition> {
  const a = (column: string) => `${alias}.${column}`;
  if (field === 'applicantName') {
    // staffOfTenant
    if (viewer.roles.has(Role.AUDITOR)) return { clause: '1 = 0', parameters: {} };
    return { clause: `${a('tenantId')} = :clearTenant`, parameters: { clearTenant: viewer.tenantId } };
  }
  // implementingDepartment, receivingWindowStaff
  const posted = await windows.windowIdsPostedBy(ctx, viewer.userId);
  const handlers = [`(${a('tenantId')} = :clearTenant AND ${a('departmentId')} = :clearDepartment)`, `${a('receivedById')} = :clearUser`];
  if (posted.length > 0) handlers.push(`${a('receivingWindowId')} IN (:...clearWindows)`);
  return {
    clause: `(${handlers.join(' OR ')})`,
    parameters: { clearTenant: viewer.tenantId, clearDepartment: viewer.departmentId, clearUser: viewer.userId, clearWindows: posted },
  };
}
