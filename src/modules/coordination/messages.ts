import { message } from '../../graphql/language';

/** Messages of 工作衔接 (鞍山 衔接) (README, "Errors and languages"). */
export const coordinationMessages = {
  workItem: message('衔接事项', 'Work item'),
  department: message('部门', 'Department'),

  // Routing points and the responsibility matrix.
  ownCentreDepartment: message('部门须是本中心的部门', '"departmentId" must be a department of your centre'),
  pointSide: (point: string) =>
    message(`${point} 须是${point.startsWith('BUREAU') ? '行政审批局的科室' : '中心的部门'}`, `${point} must be a department of the ${point.startsWith('BUREAU') ? 'approval bureau (APPROVAL_BUREAU)' : 'centre (CENTRE)'}`),
  matrixSide: message('职责分工只列行政审批局科室和中心部门', 'The matrix lists bureau sections (APPROVAL_BUREAU) and centre departments (CENTRE) only'),
  matrixRepeated: message('同一事项中同一部门只能出现一次', 'A department appears once per area'),
  matrixSize: message('职责分工最多 300 行', 'At most 300 rows'),
  duties: message('职责说明不超过 500 个字符', '"duties" must be at most 500 characters'),

  // Registration.
  noPoint: (point: string) => message(`本中心尚未指定衔接部门 ${point}（setCoordinationPoint）`, `The centre has not named its ${point} (setCoordinationPoint)`),
  dueDays: message('办理时限须为 1-250 个工作日', '"dueWorkingDays" must be 1-250 working days'),
  sourceReference: message('上级文件和“文来文往”须写明文号（不超过 200 个字符）', 'A SUPERIOR_DOCUMENT and a WRITTEN request need "sourceReference" (at most 200 characters)'),
  sourceReferenceLength: message('文号不超过 200 个字符', '"sourceReference" must be at most 200 characters'),
  meetingName: message('会议决定须写明会议名称（不超过 100 个字符）', 'A MEETING_DECISION needs "meetingName" (at most 100 characters)'),
  meetingDate: message('会议日期须为 yyyy-mm-dd，且不晚于今天', '"meetingDate" must be a date (yyyy-mm-dd) no later than today'),
  requestMode: message('中心请求须说明“文来文往”或口头沟通', 'A CENTRE_REQUEST needs "requestMode"'),
  assigneesNeeded: message('须指明承办部门', 'Name the departments carrying it out ("assignees")'),
  assigneesNotHere: message('此类衔接事项登记时不指定承办部门', 'This kind takes no "assignees" when registered'),
  tooManyAssignees: message('承办部门最多 30 个', 'At most 30 assignees'),
  assigneeRepeated: message('承办部门重复，或已在承办此事项', 'A department is named twice, or already carries the item out'),
  assigneeSide: message('承办部门须是本中心的部门，且符合该衔接方式', 'The department is not one this route assigns'),
  assigneePerson: message('承办人须是该部门在职的工作人员', '"personId" must be an active staff member of that department'),
  registeredBy: (kind: string) => message(`${kind} 不能由您所在部门登记`, `Your department does not register a ${kind}`),
  urgentSeveral: message('涉及中心多个部门的紧急任务，由局办公室与中心党政群工作部对接（鞍山 衔接 二.4）', 'An urgent task for several centre departments goes from the bureau office (局办公室) to 党政群工作部 (二.4)'),

  // Steps.
  stale: message('该衔接事项已被他人修改，请刷新后重试', 'The work item was changed by someone else: reload it and try again'),
  notInStatus: (status: string) => message(`衔接事项当前状态为 ${status}，不能进行此操作`, `Not possible while the work item is ${status}`),
  bureauLeaderOnly: message('只有局领导可以批示或审阅同意', 'Only a bureau leader (LEADER of the approval bureau) instructs or approves'),
  centreLeaderOnly: message('只有中心领导可以阅示', 'Only a centre leader (LEADER of the centre) reads and instructs (阅示)'),
  organiserOnly: message('只有该事项的组织部门可以进行此操作', 'Only the organising department of the item does this'),
  assigneeOnly: message('只有承办部门可以进行此操作', 'Only the assignee’s department does this'),
  assigneeClosed: message('该承办已完成或已退回', 'This part is already done or returned'),
  nothingDone: message('尚有承办部门未完成，或没有承办部门完成', 'Every assignee must be done or returned, and one at least done'),
  participants: message('参会部门须为 1-30 个本中心的部门', '"participantDepartmentIds" must be 1-30 departments of your centre'),
};
