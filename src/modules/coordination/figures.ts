import { Db } from '../../db/db';
import { AssigneeStatus, WorkItem, WorkItemAssignee } from './entities';

/**
 * What the statistics and the appraisal read about work items (鞍山 衔接 四.3 督任务、督进度、督成效),
 * in the `db` given (the system's for the periodic check). A row is late when its item is
 * finished after `dueAt` or open past it; a department's part is late when it reported
 * done after the item's `dueAt`, or is still open past it; a return (退回) counts apart.
 */

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
