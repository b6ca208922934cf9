import type { RequestContext } from '../../context';
import * as windows from '../windows/service';
import type { Complaint } from './entities';

/** Who a complaint is about. */
export interface ComplainedAbout {
  userIds: number[];
  departmentIds: number[];
}

/**
 * The people a complaint is about: the staff member named, the post holders of the window
 * named, and everyone in the department named or the window's department (窗口单位).
 * They never see who complained, never handle it (锦州 第二十七条).
 */
export async function complainedAbout(ctx: RequestContext, complaint: Complaint): Promise<ComplainedAbout> {
  const userIds = complaint.staffId !== null ? [complaint.staffId] : [];
  const departmentIds = complaint.departmentId !== null ? [complaint.departmentId] : [];
  if (complaint.windowId !== null) {
    const window = await windows.loadWindow(ctx, complaint.windowId);
    if (window) {
      departmentIds.push(window.departmentId);
      userIds.push(...(await windows.postsOf(ctx, window)).map((post) => post.userId));
    }
  }
  return { userIds, departmentIds };
}

export function isComplainedAbout(about: ComplainedAbout, person: { userId: number; departmentId: number }): boolean {
  return about.userIds.includes(person.userId) || about.departmentIds.includes(person.departmentId);
}
