import { Audience, audiences, defineFieldPolicy, PolicySubject } from '../../auth/field-policy';
import { maskContact, maskName, maskText } from '../../auth/masks';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import type { Complaint } from './entities';
import { complainedAbout } from './subjects';

/**
 * Who a complaint's guarded fields reach (the field policies): its handlers in
 * clear, auditors as each field says, and never the people complained about, whatever
 * their role (锦州 第二十七条: a complaint is not investigated by those it is about).
 */
async function complaintSubject(complaint: Complaint, ctx: RequestContext): Promise<PolicySubject> {
  return { tenantId: complaint.tenantId, departmentIds: [complaint.handlingDepartmentId], excluded: await complainedAbout(ctx, complaint) };
}

/** 监察 handling a violation complaint: supervisors of its handling (SUPERVISION) department. */
const handlingSupervision: Audience = {
  label: 'supervisors (SUPERVISOR) of the handling supervision department, for violation complaints',
  includes: (viewer, subject) => viewer.roles.has(Role.SUPERVISOR) && viewer.tenantId === subject.tenantId && (subject.departmentIds ?? []).includes(viewer.departmentId),
};

const handlers = [audiences.centreAdminsOfTenant, handlingSupervision];
const EXCLUDES = 'the staff members and departments complained about';

export const complainantNamePolicy = defineFieldPolicy<Complaint>({
  key: 'Complaint.complainantName',
  subject: complaintSubject,
  clear: handlers,
  masked: [audiences.auditors],
  mask: maskName,
  excludes: EXCLUDES,
});

export const complainantContactPolicy = defineFieldPolicy<Complaint>({
  key: 'Complaint.complainantContact',
  subject: complaintSubject,
  clear: handlers,
  masked: [audiences.auditors],
  mask: maskContact,
  excludes: EXCLUDES,
});

/** The text and the findings: handlers and auditors only (masked only in the audit log's record of inputs). */
export const complaintContentPolicy = defineFieldPolicy<Complaint>({
  key: 'Complaint.content',
  subject: complaintSubject,
  clear: [...handlers, audiences.auditors],
  masked: [],
  mask: maskText,
  excludes: EXCLUDES,
});

export const complaintFindingsPolicy = defineFieldPolicy<Complaint>({
  key: 'Complaint.findings',
  subject: complaintSubject,
  clear: [...handlers, audiences.auditors],
  masked: [],
  mask: maskText,
  excludes: EXCLUDES,
});
