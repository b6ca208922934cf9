import { fieldLabel } from '../../graphql/messages';
import { message } from '../../graphql/language';

/** 协作流转单 statuses as the screens name them. */
const TICKET_STATUS: Readonly<Record<string, string>> = {
  DRAFT: '草稿',
  PUSHED: '已推送转办',
  RETURNED: '已退回',
  FORWARDED: '办理部门办理中',
  DECIDED: '已作出决定',
  RESULT_SENT: '证照已寄往受理地',
  COMPLETED: '已办结',
  CANCELLED: '已撤销',
};

/** Messages of collaboration tickets (通办) and the ledgers (README, "Errors and languages"). */
export const collaborationMessages = {
  contactEntry: message('联系人台账条目', 'ContactLedgerEntry'),
  problemEntry: message('问题台账条目', 'ProblemLedgerEntry'),

  // Tickets (全区通办 / 跨省通办).
  sameCentre: message('办理地须是另一个中心', 'The handling centre must be another centre'),
  notPublishedThere: (centre: string, code: string) => message(`${centre}未发布事项 ${code}`, `${centre} does not publish ${code}`),
  notCrossRegion: (code: string) =>
    message(
      `事项 ${code} 既不在同省两个中心的全区通办清单上，也不在跨省通办清单上`,
      `${code} is not on the cross-region list (全区通办) of both centres in one province, nor on the cross-province list (跨省通办)`,
    ),
  noOpenStep: (kind: string) => message(`该协作流转单没有待办的 ${kind} 环节`, `The ticket has no open ${kind} step`),
  windowStaffOnly: message('此操作需要窗口人员角色', 'Requires the role WINDOW_STAFF'),
  receivingSideOnly: message('此环节由受理地中心的窗口办理', 'Only the receiving (受理地) centre’s window takes this step'),
  handlingSideOnly: message('此环节由办理地中心的窗口办理', 'Only the handling (办理地) centre’s window takes this step'),
  notInTicketStatus: (status: string) => message(`协作流转单当前状态为“${TICKET_STATUS[status] ?? status}”，不能进行此操作`, `Not possible while the ticket is ${status}`),
  ticketStale: message('该协作流转单已被他人修改，请刷新后重试', 'The ticket was changed by someone else: reload it and try again'),
  onlyJustReceived: (status: string) =>
    message(`只有刚收件（SUBMITTED）的办件才能转交其他中心，该办件当前状态为 ${status}`, `Only a case just received (SUBMITTED) is sent to another centre; this one is ${status}`),
  noSuchCentre: (code: string) => message(`没有区划代码为 ${code} 的中心`, `No centre ${code}`),
  alreadyTicketed: message('该办件已有协作流转单', 'This case already has a collaboration ticket'),
  nameSupplements: message('请列明需要补正的材料（一次性告知）', 'Name what to supplement (一次性告知)'),
  openWindowOfCentre: message('须选择本中心正在开放的窗口', '"windowId" must be an open window of your centre'),
  notDecidedYet: message('办理部门尚未作出决定', 'The handling department has not decided the case yet'),
  noMaterialsToMail: message('没有待邮寄的纸质材料', 'No paper materials are waiting to be mailed'),
  noMaterialsMailed: message('该协作流转单没有邮寄纸质材料，或材料已送达', 'No paper materials were mailed for this ticket, or they have already arrived'),
  noMaterialsToHandOver: message('没有待移交的纸质材料', 'No paper materials are waiting to be handed over'),
  receivingCaseOnTicket: message(
    '该办件已随协作流转单转至办理地：由办理地部门作出决定，结果送达时本办件一并办结',
    'This case travels with its collaboration ticket: the handling centre decides it, and it is closed when the result is delivered',
  ),
  handlingCaseOnTicket: message(
    '该办件随协作流转单办理：退回、补正和退件通过协作流转单及受理地办件进行',
    'This case moves with its collaboration ticket: returns, supplements and withdrawal go through the ticket and the receiving case',
  ),
  ownLevelDepartment: message('辅助审核须与本中心同级的相关部门进行，请选择本中心的部门', '"departmentId" must be a department of your own centre (同级相关部门)'),
  decidedAlready: (status: string) => message(`办理部门已作出决定（${status}），不能再退回`, `The department has decided (${status}): the ticket can no longer be returned`),
  matterCode: message('事项编码格式如 XK00200001', '"code" is a matter code such as XK00200001'),

  // Ledgers (台账).
  activeStaff: (field: string) => message(`${fieldLabel(field)}须是本中心在职的工作人员`, `"${field}" must be an active staff member of the centre`),
  ownContactLedger: message('中心管理员只能维护本中心的联系人台账', 'Centre admins keep the contact ledger of their own centre only'),
  notOnCrossRegionList: (code: string, name: string) =>
    message(`${code} ${name} 不在本中心的全区通办清单上`, `${code} ${name} is not on your centre’s cross-region list (全区通办)`),
  deputyDiffers: message('副责任人须与责任人不是同一人', 'The deputy must be someone other than the responsible person'),
  contactExists: message('该事项已有联系人台账条目：替换时请带上其版本号', 'This matter already has a contact entry: pass its version to replace it'),
  noContactToReplace: message('该事项还没有联系人台账条目：新建时请不要填写版本号', 'This matter has no contact entry to replace: leave out the version to create one'),
  contactJustCreated: message('该联系人台账条目刚由他人创建，请刷新后重试', 'Someone else has just created this contact entry: reload it and try again'),
  ticketOrMatter: message('协作流转单（ticketId）和事项（matterId）须且只能填写一项', 'Give exactly one of "ticketId" and "matterId"'),
  partiesOfTicket: message('只有协作流转单双方中心的工作人员才能就其登记问题', 'Only the staff of the two centres of a ticket raise problems on it'),
  ownMattersProblems: message('只能就本中心的事项登记问题', 'Problems are raised on the matters of your own centre'),
  raisingCentreHandles: message('问题由登记该问题的中心的管理员处理', 'Problems are handled by the centre admins of the centre that raised them'),
  problemStale: message('该问题已被他人修改，请刷新后重试', 'The problem was changed by someone else: reload it and try again'),
  notInProblemStatus: (status: string) => message(`问题当前状态为 ${status}，不能进行此操作`, `Not possible while the problem is ${status}`),
  month: message('月份须为 yyyy-mm 格式，如 2026-03', '"month" must be a month such as 2026-03'),
};
