import { fieldLabel } from '../../graphql/messages';
import { message } from '../../graphql/language';

/** 办件 statuses as the screens name them. */
const STATUS: Readonly<Record<string, string>> = {
  SUBMITTED: '已接件',
  ACCEPTED: '已受理',
  AWAITING_SUPPLEMENT: '待补正',
  NOT_ACCEPTED: '不予受理',
  UNDER_REVIEW: '审查中',
  REPORTED_UP: '已上报',
  SUSPENDED: '已挂起',
  APPROVED: '准予许可',
  DENIED: '不予许可',
  RESULT_READY: '已出件',
  DELIVERED: '已送达',
  WITHDRAWN: '已退件',
};

/** The steps of a case as the screens name them. */
const ACTION: Readonly<Record<string, string>> = {
  ACCEPT: '受理',
  REQUEST_SUPPLEMENT: '一次性告知补正',
  SUPPLEMENT: '补件',
  CLOSE_LAPSED_SUPPLEMENT: '逾期未补正办结',
  REFUSE: '不予受理',
  START_REVIEW: '开始审查',
  JOINT_OPINION: '出具联办意见',
  REOPEN_JOINT_OPINION: '退回联办意见重审',
  REPORT: '上报',
  REPORT_REPLY: '登记上级答复',
  APPROVE: '准予许可',
  DENY: '不予许可',
  SUSPEND: '挂起',
  RESUME: '恢复办理',
  EXTEND: '延期',
  RESULT_READY: '出件',
  DELIVER: '送达',
  REQUEST_WITHDRAWAL: '申请退件',
  DECIDE_WITHDRAWAL: '审批退件申请',
};

const statusName = (status: string) => STATUS[status] ?? status;

/** Messages of cases (办件): intake, the life cycle, progress and statistics (README, "Errors and languages"). */
export const applicationMessages = {
  // Intake (接件).
  idNumber: (idType: string) => message(`证件号码不符合所选证件类型（${idType}）`, `"applicantIdNumber" is not a valid ${idType} number`),
  creditCodeRequired: message('法人申请须填写有效的统一社会信用代码', '"creditCode" must be a valid 统一社会信用代码 for a legal person'),
  creditCodeLegalOnly: message('只有法人申请才填写统一社会信用代码', '"creditCode" is for legal persons only'),
  oneMatterOnePlace: (window: string, matter: string, places: string) =>
    message(
      `${window} 号窗口不受理“${matter}”（一事一地）：${places ? `请到 ${places} 办理` : '目前没有窗口受理该事项'}`,
      `Window ${window} does not take ${matter} (一事一地): ${places ? `receive it at ${places}` : 'no window takes it'}`,
    ),
  matterNotPublished: (code: string, status: string) => message(`事项 ${code} 当前未发布（${status}），不能接件`, `Matter ${code} is ${status}: it takes no applications`),
  windowClosed: (window: string) => message(`${window} 号窗口已关闭`, `Window ${window} is closed`),
  rangeOrder: (field: string) => message(`${fieldLabel(field)}的开始须早于结束`, `"${field}.from" must be before "to"`),
  applicantSearchLength: (field: string) => message(`${fieldLabel(field)}须填写 1 至 100 个字符`, `"${field}" must be 1-100 characters`),
  applicantSearchForbidden: (field: string) =>
    message(`您看不到申请人${field === 'applicantIdNumber' ? '证件号码' : '姓名'}的明文，不能按它查询`, `You do not see ${field} in clear, so you cannot search by it`),

  // The life cycle.
  approversAccept: message('该事项由实施部门的审批人员受理', 'This matter is accepted by approvers of its implementing department (审批工作人员受理)'),
  windowStaffAccept: message('该事项由窗口人员受理', 'This matter is accepted by window staff (窗口受理)'),
  postedStaffAccept: message(
    '只有在收件窗口或该事项服务窗口在岗的人员（A/B 岗、顶岗人员或首席代表）才能受理',
    'Only staff posted at the receiving window or a window serving the matter (A/B post, replacement or chief representative) accept it',
  ),
  ownCentreCases: message('只能办理本中心的办件', 'Cases are changed in their own centre only'),
  implementingApprovers: message('只有实施部门的审批人员才能对该办件作出决定', 'Only approvers of the implementing department decide this case'),
  jointApprovers: message('只有联办部门的审批人员才能出具意见', 'Only approvers of a joint department (联办部门) give an opinion'),
  notInStatus: (action: string, status: string) =>
    message(`办件当前状态为“${statusName(status)}”，不能${ACTION[action] ?? action}`, `Cannot ${action.toLowerCase().replace(/_/g, ' ')} a case that is ${status}`),
  caseStale: message('该办件已被他人修改，请刷新后重试', 'The case was changed by someone else: reload it and try again'),
  materialOfAnotherMatter: (field: string) => message(`${fieldLabel(field)}中有不属于本事项的材料`, `"${field}" names a material of another matter`),
  materialsMissing: (materials: readonly string[]) =>
    message(
      `缺少必交材料：${materials.join('、')}，请通过一次性告知要求补正`,
      `Required materials missing: ${materials.join('、')}: ask for them with requestSupplement (补正)`,
    ),
  nothingMissing: message('没有缺少或不合格的材料，请直接受理', 'Nothing is missing or invalid: accept the case instead'),
  nameHandedIn: message('请选择申请人交来的材料', 'Name the materials handed in'),
  supplementNotLapsed: (due: string) => message(`补正期限（${due}）尚未届满`, `The supplement deadline has not passed yet (${due})`),
  opinionGiven: message('本部门已出具意见', 'Your department has already given its opinion'),
  noDissent: message('该部门没有提出不同意见：只有不同意的意见才能退回重审', 'That department has not disagreed: only a dissenting opinion is reopened'),
  reportedOnly: message('只有上报件才需上报上级机关', 'Only a REPORTED matter (上报件) is reported to a higher authority'),
  alreadyReplied: message('上级机关已答复', 'The higher authority has already replied'),
  dissent: (department: string) =>
    message(`${department}不同意（联办件须会审一致通过）：可作出不予许可决定，或请其重新审查`, `${department} disagrees (联办件 会审一致通过): deny, or ask it to review again`),
  opinionsMissing: (count: number) => message(`还有 ${count} 个联办部门未出具意见`, `${count} joint department(s) have not given their opinion`),
  awaitingReply: message('上报件须在上报并收到上级机关答复后才能作出决定', 'A REPORTED matter (上报件) is decided after it is reported and the higher authority replies'),
  siteSurveyJointOnly: message('联合踏勘仅适用于联办件', 'A joint site survey (联合踏勘) is for JOINT matters (联办件)'),
  extensionDays: message('延期天数须为 1 至 60 个工作日', '"days" must be 1-60 working days'),
  overdue: message('办件已超期：只能在期限届满前延期', 'The case is overdue: an extension is granted only before the deadline'),
  beyondLegalLimit: (legalDays: number, lastDay: string) =>
    message(`法定时限（${legalDays} 个工作日）至 ${lastDay} 届满，最多只能延期到这一天`, `The legal limit (法定时限 ${legalDays} working days) ends on ${lastDay}: extend at most to that day`),
  pickupHasNoCarrier: message('窗口领取不需要填写快递公司和运单号', 'A pickup has no carrier or tracking number'),
  withdrawalRequested: message('已申请退件', 'A withdrawal is already requested'),
  noWithdrawal: message('没有待审批的退件申请', 'No withdrawal was requested'),

  // 帮办代办 (鞍山 衔接 三.3, 三.6).
  agencyRecorders: message(
    '只有中心管理员或中心本部门（业务协调部、窗口服务部等）的窗口人员才能登记帮办代办',
    'Agency service (帮办代办) is recorded by centre admins or window staff of the centre’s own departments (业务协调部, 窗口服务部 …)',
  ),
  agencyHelper: message('帮办人须为本中心本部门（业务协调部、窗口服务部等）在职的工作人员', '"helperId" must be an active staff member of one of the centre’s own departments'),
  agencyHelpedLater: message('帮办时间不能晚于现在', '"helpedAt" cannot be in the future'),
  agencyNoteLength: message('帮办说明最多 500 个字符', '"note" is at most 500 characters'),
  agencyRecorded: message('该办件已登记帮办代办：请带上其版本号修改', 'The case already has an agency service record: pass its version to replace it'),

  // Progress and statistics.
  caseNumber: message('办件编号格式如 210381-20261123-000042', '"number" looks like 210381-20261123-000042'),
  phoneLast4: message('请填写手机号码后四位数字', '"phoneLast4" is four digits'),
  fromBeforeTo: message('开始时间须早于结束时间', '"from" must be before "to"'),
};
