import { audiences, defineFieldPolicy } from '../../auth/field-policy';
import { maskIdNumber, maskPhone } from '../../auth/masks';

interface StaffRow {
  id: number;
  tenantId: number;
}

const staffSubject = (user: StaffRow) => ({ tenantId: user.tenantId, personUserId: user.id });

/** Staff personal data: the person and their centre admins in clear, auditors masked. */
export const userPhonePolicy = defineFieldPolicy<StaffRow>({
  key: 'User.phone',
  subject: staffSubject,
  clear: [audiences.thePerson, audiences.centreAdminsOfTenant],
  masked: [audiences.auditors],
  mask: maskPhone,
});

export const userIdNumberPolicy = defineFieldPolicy<StaffRow>({
  key: 'User.idNumber',
  subject: staffSubject,
  clear: [audiences.thePerson, audiences.centreAdminsOfTenant],
  masked: [audiences.auditors],
  mask: maskIdNumber,
});
