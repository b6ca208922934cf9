import { message } from '../../graphql/language';

/** 整改 statuses as the screens name them. */
const RECTIFICATION_STATUS: Readonly<Record<string, string>> = {
  AWAITING_VERIFICATION: '待回访核实',
  VERIFIED_VALID: '核实属实',
  NOT_VALID: '核实不属实',
  RECTIFIED: '已整改',
  CLOSED: '已办结',
};

/** Messages of 好差评 and 整改 (README, "Errors and languages"). */
export const evaluationMessages = {
  evaluation: message('评价', 'Evaluation'),
  rectification: message('整改', 'Rectification'),

  // Rating.
  reasonsRequired: message('“不满意”和“非常不满意”须选择至少一个差评原因', 'A DISSATISFIED or VERY_DISSATISFIED rating needs at least one reason'),
  reasonsRefused: message('只有“不满意”和“非常不满意”可以选择差评原因', 'Reasons are given only with DISSATISFIED or VERY_DISSATISFIED'),
  reasonsRepeated: message('差评原因不能重复', '"reasons" lists a reason twice'),
  comment: message('评价内容不超过 500 个字符', '"comment" must be at most 500 characters'),
  raterName: message('评价人姓名须为 1-100 个字符', '"raterName" must be 1-100 characters'),
  raterContact: message('联系方式须为 1-100 个字符', '"raterContact" must be 1-100 characters'),
  caseNotFound: message('没有这个办件', 'No such case'),
  notFinished: (status: string) => message(`办件尚未办结（当前状态 ${status}），办结后才能评价`, `The case is not finished (it is ${status}); it is rated once finished`),
  alreadyRated: message('该办件已通过此渠道评价过', 'The case has already been rated through this channel'),
  publicChannel: message('网上评价的渠道为 ONLINE、SMS 或 QR_CODE', '"channel" is ONLINE, SMS or QR_CODE for a public rating'),
  staffChannel: message('工作人员登记的评价渠道为 WINDOW_DEVICE 或 HOTLINE_12345；网上评价由办事人自行提交（evaluateCase）', '"channel" is WINDOW_DEVICE or HOTLINE_12345; public ratings are given by the applicant (evaluateCase)'),
  caseOrWindow: message('请指明办件编号，或（咨询）窗口编号，二者取其一', 'Name either "applicationNumber" or, for a 咨询, "windowNumber"'),
  notYourWindow: message('只能对本人在岗窗口的办件或服务开启评价', 'The pad rates only cases and services at a window you staff now'),
  windowNumber: (number: string) => message(`本中心没有编号为 ${number} 的窗口`, `The centre has no window ${number}`),
  staffOfCentre: message('被评价的工作人员须是本中心的工作人员', '"staffId" must be a staff member of the centre'),
  hotlineConsultation: message('12345 对咨询服务的评价须写明窗口、工作人员和服务时间', 'A 12345 rating of a 咨询 needs "windowNumber", "staffId" and "servedAt"'),
  servedAt: message('服务时间不能晚于现在', '"servedAt" must not be in the future'),
  deviceNoStaffOrTime: message('窗口评价器评价的是本人此刻的服务，不填写工作人员和服务时间', 'The pad rates your own service now: leave out "staffId" and "servedAt"'),

  // Rectification.
  notInStatus: (status: string) => message(`整改当前状态为“${RECTIFICATION_STATUS[status] ?? status}”，不能进行此操作`, `Not possible while the rectification is ${status}`),
  stale: message('该整改已被他人修改，请刷新后重试', 'The rectification was changed by someone else: reload it and try again'),
  ownedByCentre: message('整改由中心管理员（CENTRE_ADMIN）办理', 'Rectifications are handled by the centre admins (CENTRE_ADMIN)'),
  rated: message('您是该评价的被评价对象（或所在部门被评价），不能办理此整改', 'You, or your department, are what this rating is about: you may not handle its rectification'),
  planRequired: message('核实属实时须填写整改方案', 'A valid 差评 needs a "plan"'),
  planRefused: message('核实不属实时不填写整改方案', 'No "plan" when the 差评 is not valid'),
  text: (field: string, max: number) => message(`${field} 须为 1-${max} 个字符`, `"${field}" must be 1-${max} characters`),
  days: message('时限须为 1-60 个工作日', 'Working days must be 1-60'),
  settingsExist: message('本中心已有好差评设置：修改时请带上其版本号', 'The settings exist: pass their version to change them'),

  // Figures.
  fromBeforeTo: message('开始时间须早于结束时间', '"from" must be before "to"'),
};
