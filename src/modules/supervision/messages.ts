import { message } from '../../graphql/language';

const NOTICE_STATUS: Readonly<Record<string, string>> = {
  AWAITING_REPLY: '待反馈',
  REPLIED: '已反馈',
  ACCEPTED: '已办结',
};

/** Messages of supervision notices (督办单) and case sampling (办件抽查) (README, "Errors and languages"). */
export const supervisionMessages = {
  notice: message('督办单', 'Supervision notice'),
  sample: message('抽查', 'Case sample'),
  sampledCase: message('抽查办件', 'Sampled case'),

  // Notices.
  department: message('责任部门须是本中心的部门', '"departmentId" must be a department of your centre'),
  person: message('责任人须是本中心在职的工作人员', '"personId" must be an active staff member of your centre'),
  replyDays: message('反馈时限须为 1-10 个工作日', '"replyWorkingDays" must be 1-10'),
  settingsExist: message('本中心已有电子监察设置：修改时请带上其版本号', 'The settings exist: pass their version to change them'),
  notInStatus: (status: string) => message(`督办单当前状态为“${NOTICE_STATUS[status] ?? status}”，不能进行此操作`, `Not possible while the notice is ${status}`),
  stale: message('该督办单已被他人修改，请刷新后重试', 'The notice was changed by someone else: reload it and try again'),
  repliedByDepartment: message('督办单由责任部门的工作人员反馈', 'The responsible department’s staff reply to a notice'),
  decidedByIssuer: message('只有督办单的发出人（自动督办单：本中心的管理员或监察人员）可以办结或退回', 'Only the issuer (for an automatic notice: a centre admin or supervisor of the centre) accepts or sends back the reply'),
  issuerNotAddressee: message('不能对自己所在部门发出督办或办结本部门的督办单', 'You may not issue, accept or send back a notice addressed to your own department'),
  checkTenant: message('只能对本中心或下级中心运行电子监察检查', '"tenantCode" must be your centre or a subordinate one'),

  // Sampling.
  dates: message('日期须为 yyyy-mm-dd，且开始不晚于结束，跨度不超过 366 天', '"from" and "to" are dates (yyyy-mm-dd), from ≤ to, at most 366 days apart'),
  seed: message('种子须为 32 位十六进制数', '"seed" must be 32 hex digits'),
  sampledStale: message('该抽查办件已被他人修改，请刷新后重试', 'The sampled case was changed by someone else: reload it and try again'),
  size: message('抽查数量须为 1-200', '"size" must be 1-200'),
  ownCentre: message('只能抽查本中心的办件', '"tenantCode" must be your own centre'),
  sampleDepartment: message('部门须是本中心的部门', '"departmentId" must be a department of your centre'),
  findingProblems: message('结论为“存在问题”时须列出问题；“合规”时不得列出问题', 'NON_COMPLIANT needs at least one problem; COMPLIANT takes none'),
  findingVerdict: message('结论须为 COMPLIANT 或 NON_COMPLIANT', '"verdict" must be COMPLIANT or NON_COMPLIANT'),
  findingRecorded: message('该办件的抽查结论已经记录', 'The finding on this case is already recorded'),
  findingNotProblem: message('作为处理依据的抽查结论须为“存在问题”，且属于本中心', 'The sampled case must be of your centre and NON_COMPLIANT'),
  note: message('说明不超过 2000 个字符', '"note" must be at most 2000 characters'),
};
