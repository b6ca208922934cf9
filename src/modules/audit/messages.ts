import { message } from '../../graphql/language';

/** The audit log's catalogue (README, "Errors and languages"). */
export const auditMessages = {
  whoReads: message('审计日志仅供审计人员、中心管理员和平台管理员查看', 'The audit log is read by auditors, centre admins and platform admins'),
  platformChain: message('平台链（无所属中心的记录）仅由平台管理员核验', 'The platform chain is verified by platform admins'),
  signInToExport: message('请先登录，再导出审计日志', 'Sign in to export the audit log'),
};
