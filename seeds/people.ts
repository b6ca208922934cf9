import { DepartmentKind } from '../src/modules/tenancy/entities';
import { Role } from '../src/auth/roles';

export interface DepartmentSeed {
  name: string;
  kind: DepartmentKind;
}

const { APPROVAL_BUREAU, CENTRE, FUNCTIONAL, SUPERVISION, FINANCE, BANK } = DepartmentKind;

/** Departments of every city, county and district centre. `{t}` is the tenant's name. */
export const CENTRE_DEPARTMENTS: DepartmentSeed[] = [
  { name: '{t}行政审批局', kind: APPROVAL_BUREAU },
  { name: '{t}行政审批局业务协调科', kind: APPROVAL_BUREAU },
  { name: '窗口服务部', kind: CENTRE },
  { name: '业务协调部', kind: CENTRE },
  { name: '技术服务部', kind: CENTRE },
  { name: '{t}公安局', kind: FUNCTIONAL },
  { name: '{t}市场监督管理局', kind: FUNCTIONAL },
  { name: '{t}人力资源和社会保障局', kind: FUNCTIONAL },
  { name: '{t}不动产登记中心', kind: FUNCTIONAL },
  { name: '国家税务总局{t}税务局', kind: FUNCTIONAL },
  { name: '{t}卫生健康委员会', kind: FUNCTIONAL },
  { name: '{t}住房公积金管理中心', kind: FUNCTIONAL },
  { name: '{t}民政局', kind: FUNCTIONAL },
  { name: '驻{t}行政审批局纪检监察组', kind: SUPERVISION },
  { name: '{t}财政局非税收入管理科', kind: FINANCE },
  { name: '中国建设银行{t}政务服务中心收费窗口', kind: BANK },
];

/** A province centre only hosts the platform's own unit. */
export const PROVINCE_DEPARTMENTS: DepartmentSeed[] = [{ name: '{t}政务服务平台运维中心', kind: CENTRE }];

/** One demo account per role in every city, county and district, in this department. */
export const ROLE_ACCOUNTS: { role: Role; department: string }[] = [
  { role: Role.CENTRE_ADMIN, department: '{t}行政审批局' },
  { role: Role.WINDOW_STAFF, department: '窗口服务部' },
  { role: Role.APPROVER, department: '{t}不动产登记中心' },
  { role: Role.FINANCE, department: '{t}财政局非税收入管理科' },
  { role: Role.SUPERVISOR, department: '驻{t}行政审批局纪检监察组' },
  { role: Role.AUDITOR, department: '{t}行政审批局业务协调科' },
];

export const PLATFORM_ADMIN = { username: 'platform_admin', tenant: '210000', department: '{t}政务服务平台运维中心' };

/** Display names for demo accounts, taken in turn. */
export const NAMES = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '赵丽', '黄强', '周婷', '吴军', '徐娜', '孙涛', '马超', '朱琳', '胡斌'];
