import { message } from '../../graphql/language';

/** 投诉 statuses as the screens name them. */
const COMPLAINT_STATUS: Readonly<Record<string, string>> = {
  RECEIVED: '已受理',
  ASSIGNED: '已分派',
  INVESTIGATING: '核查中',
  RESOLVED: '已答复',
  CLOSED: '已办结',
};

/** Messages of complaints (投诉) and the sanction register (处理) (README, "Errors and languages"). */
export const complaintMessages = {
  complaint: message('投诉', 'Complaint'),
  sanction: message('处理记录', 'Sanction'),

  // Intake.
  complaintNumber: message('投诉编号格式如 210381-TS-20260105-000001', '"number" is a complaint number such as 210381-TS-20260105-000001'),
  queryCode: message('查询码为 10 位字母或数字', '"queryCode" is the 10-character code given when the complaint was filed'),
  noSuchCentre: (code: string) => message(`没有区划代码为 ${code} 的中心`, `No centre ${code}`),
  nameSomeSubject: message('请至少指明一个被投诉对象：窗口、工作人员、部门或办件', 'Name at least one subject: a window, a staff member, a department or a case'),
  windowNumber: (number: string) => message(`本中心没有编号为 ${number} 的窗口`, `The centre has no window ${number}`),
  staffOfCentre: message('被投诉的工作人员须是本中心的工作人员', '"staffId" must be a staff member of the centre complained to'),
  departmentOfCentre: message('被投诉的部门须是本中心的部门', '"departmentId" must be a department of the centre complained to'),
  caseOfCentre: (number: string) => message(`本中心没有编号为 ${number} 的办件`, `The centre has no case ${number}`),
  staffChannel: message('网上投诉由投诉人自行提交（fileComplaint），工作人员登记其他渠道的投诉', 'Online complaints are filed by the complainant (fileComplaint); staff record the other channels'),
  noSupervision: message('本中心未设监察部门，无法受理违法违纪投诉', 'The centre has no supervision department (监察) to take a violation complaint'),
  noCentreOffice: message('本中心未设审批办（行政审批局）部门，无法受理投诉', 'The centre has no approval bureau department (审批办) to take complaints'),
  contact: message('联系方式须为 1-100 个字符', '"complainantContact" must be 1-100 characters'),
  note: message('回访记录不超过 1000 个字符', '"note" must be at most 1000 characters'),
  complainantName: message('投诉人姓名须为 1-100 个字符', '"complainantName" must be 1-100 characters'),

  // Handling.
  notInStatus: (status: string) => message(`投诉当前状态为“${COMPLAINT_STATUS[status] ?? status}”，不能进行此操作`, `Not possible while the complaint is ${status}`),
  stale: message('该投诉已被他人修改，请刷新后重试', 'The complaint was changed by someone else: reload it and try again'),
  handledBySupervision: message('违法违纪投诉由监察部门（SUPERVISOR）办理', 'Violation complaints are handled by supervision (SUPERVISOR)'),
  handledByCentre: message('此类投诉由审批办（CENTRE_ADMIN）办理', 'These complaints are handled by the centre admins (CENTRE_ADMIN)'),
  complainedAbout: message('您是该投诉的被投诉对象（或所在部门被投诉），不能办理此投诉', 'You, or your department, are what this complaint is about: you may not handle it'),
  assigneeComplainedAbout: message('不能将投诉分派给被投诉人或被投诉部门的人员', '"assigneeId" is what the complaint is about (the person or their department)'),
  assigneeRole: (role: string) => message(`承办人须是本中心在职的 ${role}`, `"assigneeId" must be an active ${role} of the centre`),
  assigneeOnly: message('只有该投诉的承办人可以进行此操作', 'Only the complaint’s assignee does this'),
  reopenOnce: message('投诉只能因回访不满意重新核查一次', 'A complaint is reopened once at most'),
  reopenUnsatisfied: message('只有回访不满意时才能重新核查', 'Only an unsatisfied return visit reopens a complaint'),
  replyDays: message('答复时限须为 1-60 个工作日', '"replyWorkingDays" must be 1-60'),
  settingsExist: message('本中心已有投诉设置：修改时请带上其版本号', 'The settings exist: pass their version to change them'),

  // Sanctions.
  activeStaff: message('被处理人须是本中心在职的工作人员', '"personId" must be an active staff member of your centre'),
  notYourself: message('不能对本人作出处理', 'You may not decide a sanction about yourself'),
  basisComplaint: message('依据为投诉时须填写 complaintId', 'A COMPLAINT basis needs "complaintId"'),
  basisApplication: message('依据为办件时须填写 applicationId', 'An APPLICATION basis needs "applicationId"'),
  basisText: message('依据为办件抽查或条款时须写明依据（1-200 个字符）', 'A SAMPLING_FINDING or RULE basis needs "basisText" (1-200 characters)'),
  complaintNotUpheld: message('依据的投诉须已答复且投诉属实', 'The complaint must be resolved and upheld'),
  complaintNotAboutPerson: message('依据的投诉未涉及被处理人', 'The complaint is not about this person'),
  caseOfOwnCentre: message('依据的办件须是本中心的办件', '"applicationId" must be a case of your centre'),
  decidedBySupervision: message('因违法违纪投诉作出的处理和移送司法机关，由监察部门（SUPERVISOR）决定', 'Sanctions on a violation complaint, and referral to the judiciary, are decided by supervision (SUPERVISOR)'),
  decidedByCentre: message('此类处理由审批办（CENTRE_ADMIN）决定（锦州 第十六条）', 'Conduct sanctions are decided by the centre admins (CENTRE_ADMIN; 锦州 第十六条)'),
  removalNeedsWarning: message(
    '调离岗位须在此前已给予通报批评或效能告诫之后（锦州 第十八条“经告诫后，没有明显改进”），违法违纪或情节严重的除外',
    'Removal from post needs an earlier PUBLIC_CRITICISM or EFFICIENCY_WARNING of the person (锦州 第十八条), unless the basis is a violation or the conduct serious (severe)',
  ),
  decidedOn: message('处理日期须为 yyyy-mm-dd，且不晚于今天', '"decidedOn" must be a date (yyyy-mm-dd) no later than today'),
  alreadyRevoked: message('该处理已被撤销', 'This sanction has already been revoked'),
  revocationNotRevoked: message('撤销记录本身不能再被撤销', 'A revocation cannot itself be revoked'),
  year: message('年份须为 2000-2100', '"year" must be 2000-2100'),
};
