/**
 * 督办 of work items (鞍山 衔接 四.3 "督任务、督进度、督成效 … 对推诿扯皮、工作不实的要严肃追责"):
 * what the supervision check issues notices for, what the appraisal counts against a
 * department, and coordinationStats. A department's part (WorkItemAssignee) is late when it
 * was reported done after its item's due time or is still open past it; a return (退回)
 * counts apart.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireViewer } from '../../auth/guards';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { nouns } from '../../graphql/messages';
import * as tenancy from '../tenancy/service';
import { AssigneeStatus, WorkItem, WorkItemAssignee, WorkItemStatus } from './entities';
import { departmentWorkFigures, DepartmentWorkFigures } from './figures';
import { loadWorkItem } from './work-items';
import { oversightMessages as m } from './oversight-messages';

/** An open work item past its due time: one row per part still being carried out, or one for its organiser when none is. */
export interface OverdueWorkPart {
  tenantId: number;
  workItemId: number;
  title: string;
  /** The late part; null when nobody carries the item out (still on its route, or every part done or returned). */
  assigneeId: number | null;
  /** The part's department, else the organising department. */
  departmentId: number;
  personId: number | null;
}

/** The open work items of the tenants past their due time at `at`, with who owes them (one statement). */
export async function overdueWorkForCheck(db: Db, tenantIds: readonly number[], at: Date): Promise<OverdueWorkPart[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .scoped(WorkItem)
    .query('w')
    .leftJoin(WorkItemAssignee, 'a', 'a.workItemId = w.id AND a.tenantId = w.tenantId AND a.status = :assigned', { assigned: AssigneeStatus.ASSIGNED })
    .select('w.tenantId', 'tenantId')
    .addSelect('w.id', 'workItemId')
    .addSelect('w.title', 'title')
    .addSelect('w.organiserDepartmentId', 'organiserDepartmentId')
    .addSelect('a.id', 'assigneeId')
    .addSelect('a.departmentId', 'departmentId')
    .addSelect('a.personId', 'personId')
    .andWhere('w.tenantId IN (:...overdueTenants) AND w.status <> :finished AND w.dueAt < :at', { overdueTenants: [...tenantIds], finished: WorkItemStatus.FINISHED, at })
    .orderBy('w.id')
    .addOrderBy('a.id')
    .getRawMany<Record<string, string | number | null>>();
  return rows.map((row) => ({
    tenantId: Number(row.tenantId),
    workItemId: Number(row.workItemId),
    title: String(row.title),
    assigneeId: row.assigneeId === null ? null : Number(row.assigneeId),
    departmentId: Number(row.assigneeId === null ? row.organiserDepartmentId : row.departmentId),
    personId: row.personId === null ? null : Number(row.personId),
  }));
}

/** The work item a supervision notice is about: WORK_ITEM_OVERDUE names a part, WORK_ITEM_STALLED the item (null when the viewer may not read it). */
export async function workItemOfNotice(ctx: RequestContext, cause: { part: number } | { item: number }): Promise<WorkItem | null> {
  if ('item' in cause) return loadWorkItem(ctx, cause.item);
  const part = await ctx.db.scoped(WorkItemAssignee).findById(cause.part);
  return part ? loadWorkItem(ctx, part.workItemId) : null;
}

/** A department's part that counts against it: the part's id and its department. */
export interface WorkPartEvent {
  id: number;
  subjectId: number;
}

/**
 * The parts of a centre's work items due in [from, until) that count against their
 * departments: late (done after the due time, or open past it) and returned (退回).
 * One statement; `until` is no later than now, so an open part there is past due.
 */
export async function workPartsAgainst(db: Db, tenantId: number, from: Date, until: Date): Promise<{ late: WorkPartEvent[]; returned: WorkPartEvent[] }> {
  const rows = await db
    .scoped(WorkItemAssignee)
    .query('a')
    .innerJoin(WorkItem, 'w', 'w.id = a.workItemId AND w.tenantId = a.tenantId')
    .select(['a.id', 'a.departmentId', 'a.status'])
    .andWhere('a.tenantId = :tenantId AND w.dueAt >= :from AND w.dueAt < :until', { tenantId, from, until })
    .andWhere('((a.status = :done AND a.doneAt > w.dueAt) OR a.status IN (:...against))', { done: AssigneeStatus.DONE, against: [AssigneeStatus.ASSIGNED, AssigneeStatus.RETURNED] })
    .orderBy('a.id')
    .getMany();
  const event = (part: WorkItemAssignee) => ({ id: part.id, subjectId: part.departmentId });
  return { late: rows.filter((part) => part.status !== AssigneeStatus.RETURNED).map(event), returned: rows.filter((part) => part.status === AssigneeStatus.RETURNED).map(event) };
}

/**
 * coordinationStats (鞍山 衔接 四.3 督进度、督成效): per department of a readable centre, its
 * parts of the work items due in [from, to): on time, late, returned (as they stand now).
 * Anyone who reads the centre reads its figures.
 */
export async function coordinationStats(ctx: RequestContext, tenantCode: string, from: Date, to: Date): Promise<DepartmentWorkFigures[]> {
  requireViewer(ctx);
  if (!(from < to)) throw new BadUserInputError(m.fromBeforeTo, 'from');
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return departmentWorkFigures(ctx.db, tenant.id, from, to, ctx.now());
}
