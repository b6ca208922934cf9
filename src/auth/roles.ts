import { registerEnumType } from 'type-graphql';

/** Staff roles (DESIGN.md §1). */
export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  CENTRE_ADMIN = 'CENTRE_ADMIN',
  WINDOW_STAFF = 'WINDOW_STAFF',
  APPROVER = 'APPROVER',
  FINANCE = 'FINANCE',
  SUPERVISOR = 'SUPERVISOR',
  AUDITOR = 'AUDITOR',
  LEADER = 'LEADER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Staff role',
  valuesConfig: {
    PLATFORM_ADMIN: { description: '平台管理员: tenants and accounts everywhere, no business data' },
    CENTRE_ADMIN: { description: '审批办/中心管理: windows, staff, appraisal, complaints in the own tenant' },
    WINDOW_STAFF: { description: '窗口人员: receives applications, issues results' },
    APPROVER: { description: '审批人员: decides the applications of the own department' },
    FINANCE: { description: '财务: fee notices, bank statements, receipts, reconciliation' },
    SUPERVISOR: { description: '监察: violation complaints and sanctions' },
    AUDITOR: { description: '审计: reads everything in scope, PII masked, every mutation refused' },
    LEADER: { description: '领导: in an APPROVAL_BUREAU department a bureau leader (局领导: 批示, approves notices), in a CENTRE department a centre leader (中心领导: 阅示) (鞍山 衔接 二)' },
  },
});
