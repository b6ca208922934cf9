import { Audience, audiences, defineFieldPolicy, PolicySubject } from '../../auth/field-policy';
import { maskName } from '../../auth/masks';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { byIdLoader } from '../../db/loaders';
import type { BankTransaction } from './entities';
import { PaymentNotice } from './entities';

/** FINANCE of the row's centre: fee notices, statements, receipts and reconciliation. */
export const financeOfTenant: Audience = {
  label: 'FINANCE of the row’s centre',
  includes: (viewer, subject) => viewer.roles.has(Role.FINANCE) && viewer.tenantId === subject.tenantId,
};

/** Staff of the department the fee is paid to (the case's implementing department), auditors excepted. */
export const chargingDepartment: Audience = {
  label: 'staff of the charging department',
  includes: (viewer, subject) => !viewer.roles.has(Role.AUDITOR) && viewer.tenantId === subject.tenantId && (subject.departmentIds ?? []).includes(viewer.departmentId),
};

/** The charging department of a payment: its notice's (none for an unknown payment). */
async function paymentSubject(transaction: BankTransaction, ctx: RequestContext): Promise<PolicySubject> {
  const notice =
    transaction.noticeId === null
      ? null
      : await ctx.loaders.get('PaymentNotice.forPolicy', () => byIdLoader((ids) => ctx.db.scoped(PaymentNotice).findByIds(ids))).load(transaction.noticeId);
  return { tenantId: transaction.tenantId, departmentIds: notice ? [notice.departmentId] : [] };
}

/** 付款人名称: FINANCE and the charging department in clear, auditors masked (DESIGN.md §3.3). */
export const payerName = defineFieldPolicy<BankTransaction>({
  key: 'BankTransaction.payerName',
  subject: paymentSubject,
  clear: [financeOfTenant, chargingDepartment],
  masked: [audiences.auditors],
  mask: maskName,
});
