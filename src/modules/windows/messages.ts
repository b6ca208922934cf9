import { fieldLabel } from '../../graphql/messages';
import { message, Message } from '../../graphql/language';

/** Messages of windows, posts, absences, hall hours and lunch duty (README, "Errors and languages"). */
export const windowMessages = {
  staffAbsence: message('请假安排', 'StaffAbsence'),
  lunchDutyRota: message('午休值班安排', 'LunchDutyRota'),
  postSignOff: message('离岗登记', 'PostSignOff'),

  windowNumber: (field: string) => message(`${fieldLabel(field)}须为 1 至 16 位字母、数字或“-”，如 A12`, `"${field}" must be 1-16 letters, digits or "-", e.g. A12`),
  notOfCentre: (username: string) => message(`${username} 不是本中心的工作人员`, `${username} is not a user of this centre`),
  inactiveUser: (username: string) => message(`${username} 的账号已停用`, `${username} is not an active user`),
  notWindowStaff: (username: string) => message(`${username} 不是窗口人员`, `${username} is not window staff (窗口人员)`),
  chiefOfDepartment: (department: string, username: string) =>
    message(`首席代表须是${department}的人员，${username} 不是`, `The chief representative (首席代表) must be of ${department}; ${username} is not`),
  chiefNotOfNewDepartment: (department: string) =>
    message(`现任首席代表不属于${department}：更换部门时请同时指定新的首席代表或清空`, `The chief representative is not of ${department}: give a new one or null with the new department`),
  tooManyMatters: (max: number) => message(`一个窗口最多关联 ${max} 个事项`, `At most ${max} matters`),
  matterOfAnotherCentre: (code: string) => message(`事项 ${code} 属于其他中心：窗口只能受理本中心的事项`, `Matter ${code} belongs to another centre: a window serves matters of its own centre`),
  numberTaken: (number: string) => message(`本中心已有 ${number} 号窗口`, `Window ${number} already exists in this centre`),
  numberJustTaken: (number: string) => message(`${number} 号窗口刚刚已由他人创建`, `Window ${number} was just created by someone else`),
  comprehensiveOnly: message('只有综合受理窗口才能受理所有事项', 'Only a COMPREHENSIVE window (综合受理) takes cases of every matter'),
  alreadyInStatus: (number: string, status: string) => message(`${number} 号窗口已是${status === 'OPEN' ? '开放' : '关闭'}状态`, `Window ${number} is already ${status}`),
  twoPeopleForPosts: message('A 岗和 B 岗须由两个不同的人担任', 'The A and the B post must be held by two different people'),

  // Absences and replacements (请假顶岗).
  endsAfterStarts: message('结束时间须晚于开始时间', '"endsAt" must be after "startsAt"'),
  reasonAtMost: (max: number) => message(`事由最多 ${max} 个字符`, `"reason" must be at most ${max} characters`),
  tooManyReplacements: (max: number) => message(`顶岗人员最多 ${max} 名`, `At most ${max} replacements`),
  oneReplacementPerWindow: message('每个窗口最多指定一名顶岗人员', 'Give at most one replacement per window'),
  replacesThemselves: (username: string) => message(`${username} 不能为自己顶岗`, `${username} cannot replace themselves`),
  alreadyAbsent: (username: string, from: string, to: string) => message(`${username} 在 ${from} 至 ${to} 已有请假安排`, `${username} is already absent from ${from} to ${to}`),
  replacementAbsent: (number: string, username: string, from: string, to: string) =>
    message(`${number} 号窗口的顶岗人员 ${username} 在 ${from} 至 ${to} 不在岗`, `The replacement for window ${number}, ${username}, is absent from ${from} to ${to}`),
  holdsNoPost: (username: string, number: string) => message(`${username} 不在 ${number} 号窗口任职，无需顶岗`, `${username} holds no post at window ${number}: it needs no replacement`),
  replacementHoldsOtherPost: (number: string) => message(`${number} 号窗口的顶岗人员已担任该窗口的另一岗位`, `The replacement at window ${number} already holds its other post`),
  nobodyOnPost: (number: string, at: string) => message(`${number} 号窗口在 ${at} 将无人在岗`, `window ${number} would have nobody on post at ${at}`),
  giveReplacements: (problems: readonly Message[]) =>
    message(
      `${problems.map((p) => p.zh).join('；')}：请为其指定顶岗人员`,
      `${problems.map((p) => p.en).join('; ')}: give a replacement for it in "replacements"`,
    ),
  absenceCancelled: message('该请假安排已取消', 'The absence is already cancelled'),

  // Hall hours (大厅办公时间) and lunch duty (午间值守).
  spanTooLong: (max: number) => message(`时间段最多跨 ${max} 天`, `A span may cover at most ${max} days`),
  timeOfDay: (field: string) => message(`${fieldLabel(field)}须为 HH:MM 格式的时间（00:00 至 23:59）`, `"${field}" must be a time HH:MM (00:00-23:59)`),
  lunchBothOrNeither: message('午休开始和结束时间须同时填写，或都不填（无午休）', 'Give both "lunchStartsAt" and "lunchEndsAt", or neither (no lunch break)'),
  hoursInOrder: message('须先开门、后午休，午休结束晚于开始，闭门晚于午休结束', 'The hall must open before lunch, lunch must end after it starts, and the hall close after lunch'),
  hallHoursExist: message('本中心已设置办公时间：修改时请带上其版本号', 'The centre already has hall hours: pass their version to change them'),
  hallHoursOnDateTaken: (date: string) => message(`${date} 起的办公时间已另有安排`, `Hall hours from ${date} are already scheduled`),
  hallHoursSetMeanwhile: message('办公时间刚被他人设置，请刷新后重试', 'The hall hours were set meanwhile: reload them and try again'),
  rotaGroupEmpty: (field: string) => message(`${fieldLabel(field)}为空：午休的每个时段至少要有一人在岗`, `"${field}" is empty: each half of the lunch break needs at least one person on post`),
  rotaGroupTooLarge: (field: string, max: number) => message(`${fieldLabel(field)}最多 ${max} 人`, `"${field}" may have at most ${max} people`),
  inBothGroups: message('同一人不能同时在两组：两组轮流就餐', 'Nobody may be in both groups: the groups take turns to eat'),
  onAnotherRota: (username: string, number: string) => message(`${username} 已在 ${number} 号窗口的午休值班安排中`, `${username} is already on the lunch rota of window ${number}`),
  rotaExists: (number: string) => message(`${number} 号窗口已有午休值班安排：替换时请带上其版本号`, `Window ${number} already has a rota: pass its version to replace it`),
  rotaSetMeanwhile: message('该窗口刚被他人设置了午休值班安排，请刷新后重试', 'The window got a rota meanwhile: reload it and try again'),

  // Leaving a post (离岗登记).
  hallClosed: (reason: string) => message(`大厅已闭门（${reason}），无人在岗，无需登记离岗`, `The hall is closed (${reason}): nobody is on post to leave it`),
  alreadyLeft: (at: string) => message(`您已于 ${at} 离岗，尚未返岗`, `You left your post at ${at} and have not returned`),
  notLeft: message('您没有离岗登记（或大厅此后已闭门）', 'You have not left your post (or the hall has closed since)'),
};
