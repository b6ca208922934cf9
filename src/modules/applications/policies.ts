import { Audience, audiences, defineFieldPolicy, PolicySubject } from '../../auth/field-policy';
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

/** Auditors read applicant data masked, even in their own centre (DESIGN.md §1). */
const staffOfTenant: Audience = {
  label: 'staff of the case’s centre (not auditors)',
  includes: (viewer, subject) => viewer.tenantId === subject.tenantId && !viewer.roles.has(Role.AUDITOR),
};

const clearToHandlers = [audiences.implementingDepartment, audiences.receivingWindowStaff];

export const applicantName = defineFieldPolicy<Application>({
  key: 'Application.applicantName',
  subject: applicantSubject,
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
