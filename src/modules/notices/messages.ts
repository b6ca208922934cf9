import { message } from '../../graphql/language';

const NOTICE_STATUS: Readonly<Record<string, string>> = { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤回' };

/** Messages of public notices (公告) (README, "Errors and languages"). */
export const noticeMessages = {
  notice: message('公告', 'Notice'),

  // The form.
  fromPast: message('公告适用开始日期不能早于今天', '"appliesFrom" must be today or later'),
  untilBeforeFrom: message('公告适用结束日期不能早于开始日期', '"appliesUntil" must not be before "appliesFrom"'),
  pauseNeedsUntil: (max: number) => message(`暂停服务公告须填写结束日期，且不超过 ${max} 天`, `A SERVICE_PAUSE needs "appliesUntil", at most ${max} days after "appliesFrom"`),
  changeHasNoUntil: message('搬迁、办公时间调整自开始日期起长期有效，不填结束日期', 'A RELOCATION or HOURS_CHANGE lasts: leave "appliesUntil" out'),
  addressForRelocation: message('搬迁公告须填写新址（1-200 个字符），其他公告不填', '"newAddress" (1-200 characters) is given for a RELOCATION, and only for one'),
  hoursForChange: message('办公时间调整公告须填写新的办公时间；只有搬迁和办公时间调整公告可以填写', '"newHours" is needed for an HOURS_CHANGE, and allowed only for it and a RELOCATION'),
  matterOfCentre: message('公告涉及的事项须是本中心的事项', '"matterIds" must be matters of your centre'),
  windowOfCentre: message('公告涉及的窗口须是本中心的窗口', '"windowIds" must be windows of your centre'),
  tooMany: (max: number) => message(`最多列出 ${max} 项`, `At most ${max} entries`),

  // The life of a notice.
  notInStatus: (status: string) => message(`公告当前状态为“${NOTICE_STATUS[status] ?? status}”，不能进行此操作`, `Not possible while the notice is ${status}`),
  addressExists: message('本中心已设置地址：修改时请带上其版本号', 'The centre already has an address: pass its version to change it'),
  addressSetMeanwhile: message('中心地址刚被他人设置，请刷新后重试', 'The address was set meanwhile: reload it and try again'),
  changeOnDateTaken: (date: string) => message(`${date} 起的中心地址或办公时间已由另一公告安排`, `Another notice already changes the address or the hours from ${date}`),
};
