import { Db } from '../../db/db';
import { AssigneeStatus, WorkItem, WorkItemAssignee, WorkItemStatus } from './entities';

/**
 * What 督办 and the appraisal read about work items (鞍山 衔接 四.3 督任务、督进度、督成效),
 * in the `db` given (the system's for the periodic check). A row is late when its item is
 * finished after `dueAt` or open past it; a department's part is late when it reported
 * done after the item's `dueAt`, or is still open past it; a return (退回) counts apart.
 */

/** An open work item past its due time, with the departments still carrying it out. */
export interface OverdueWorkItem {
  id: number;
  tenantId: number;
  title: string;
  dueAt: Date;
  /** Open assignees' departments; the organising department while nobody is assigned yet. */
  departmentIds: number[];
}

/** Open work items of the tenants past their due time at `at`, oldest due first. Two statements. */
export async function overdueWorkItems(db: Db, tenantIds: readonly number[], at: Date): Promise<OverdueWorkItem[]> {
  if (tenantIds.length === 0) return [];
  const items = await db
    .scoped(WorkItem)
    .query('w')
    .select(['w.id', 'w.tenantId', 'w.title', 'w.dueAt', 'w.organiserDepartmentId'])
    .andWhere('w.tenantId IN (:...overdueTenants) AND w.status <> :finished AND w.dueAt < :at', { overdueTenants: [...tenantIds], finished: WorkItemStatus.FINISHED, at })
    .orderBy('w.dueAt')
    .addOrderBy('w.id')
    .getMany();
  if (items.length === 0) return [];
  const open = await db
    .scoped(WorkItemAssignee)
    .query('a')
    .select(['a.id', 'a.workItemId', 'a.departmentId'])
    .andWhere('a.tenantId IN (:...overdueTenants) AND a.workItemId IN (:...items) AND a.status = :assigned', {
      overdueTenants: [...tenantIds],
      items: items.map((item) => item.id),
      assigned: AssigneeStatus.ASSIGNED,
    })
    .orderBy('a.id')
    .getMany();
  return items.map((item) => {
    const departments = [...new Set(open.filter((a) => a.workItemId === item.id).map((a) => a.departmentId))];
    return { id: item.id, tenantId: item.tenantId, title: item.title, dueAt: item.dueAt, departmentIds: departments.length > 0 ? departments : [item.organiserDepartmentId] };
  });
}

/** One department's parts of work items due in a period. */
export interface DepartmentWorkFigures {
  departmentId: number;
  /** Parts assigned to it of items due in the period. */
  items: number;
  onTime: number;
  late: number;
  returned: number;
}

/**
 * Per department of a tenant: its parts of the work items due in [from, to), on time,
 * late (done after the due time, or open past it at `at`) and returned. One statement.
 */
export async function departmentWorkFigures(db: Db, tenantId: number, from: Date, to: Date, at: Date): Promise<DepartmentWorkFigures[]> {
  const rows = await db
    .scoped(WorkItemAssignee)
    .query('a')
    .innerJoin(WorkItem, 'w', 'w.id = a.workItemId AND w.tenantId = a.tenantId')
    .select('a.departmentId', 'departmentId')
    .addSelect('COUNT(*)', 'items')
    .addSelect('SUM(CASE WHEN a.status = :done AND a.doneAt <= w.dueAt THEN 1 ELSE 0 END)', 'onTime')
    .addSelect('SUM(CASE WHEN (a.status = :done AND a.doneAt > w.dueAt) OR (a.status = :assigned AND w.dueAt < :at) THEN 1 ELSE 0 END)', 'late')
    .addSelect('SUM(CASE WHEN a.status = :returned THEN 1 ELSE 0 END)', 'returned')
    .andWhere('a.tenantId = :tenantId AND w.dueAt >= :from AND w.dueAt < :to', { tenantId, from, to, at })
    .setParameters({ done: AssigneeStatus.DONE, assigned: AssigneeStatus.ASSIGNED, returned: AssigneeStatus.RETURNED })
    .groupBy('a.departmentId')
    .orderBy('a.departmentId')
    .getRawMany<Record<keyof DepartmentWorkFigures, string | number>>();
  return rows.map((row) => ({ departmentId: Number(row.departmentId), items: Number(row.items), onTime: Number(row.onTime), late: Number(row.late), returned: Number(row.returned) }));
}
