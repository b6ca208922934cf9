import type { RequestContext } from '../../context';
import * as windows from '../windows/service';

/** Who a rating is about. */
export interface RatedParties {
  userIds: number[];
  departmentIds: number[];
}

/** The rows a rating names: an evaluation, or its rectification (the same parties). */
export interface RatedRow {
  windowId: number;
  staffId?: number;
  responsibleStaffId?: number;
  departmentId?: number;
  responsibleDepartmentId?: number;
}

/**
 * The people a rating is about, as for a complaint (complaints/subjects.ts): the staff
 * member rated, the post holders of the window, and everyone in the implementing
 * department and the window's department (窗口单位). They never see who rated them, and
 * never handle the rectification.
 */
export async function ratedParties(ctx: RequestContext, row: RatedRow): Promise<RatedParties> {
  const userIds = [row.staffId ?? row.responsibleStaffId!];
  const departmentIds = [row.departmentId ?? row.responsibleDepartmentId!];
  const window = await windows.loadWindow(ctx, row.windowId);
  if (window) {
    departmentIds.push(window.departmentId);
    userIds.push(...(await windows.postsOf(ctx, window)).map((post) => post.userId));
  }
  return { userIds, departmentIds };
}

export function isRated(rated: RatedParties, person: { userId: number; departmentId: number }): boolean {
  return rated.userIds.includes(person.userId) || rated.departmentIds.includes(person.departmentId);
}
