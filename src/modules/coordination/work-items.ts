import { RequestContext } from '../../context';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { ConsultationParticipant, WorkItem, WorkItemAssignee, WorkItemStep } from './entities';

// ---- reads --------------------------------------------------------------------------

/** A work item in the viewer's scope (its centre, the city above it, auditors), batched. */
export function loadWorkItem(ctx: RequestContext, id: number): Promise<WorkItem | null> {
  return ctx.loaders.get('WorkItem.byId', () => byIdLoader((ids) => ctx.db.scoped(WorkItem).findByIds(ids))).load(id);
}

export function assigneesOf(ctx: RequestContext, item: WorkItem): Promise<WorkItemAssignee[]> {
  return ctx.loaders
    .get('WorkItemAssignee.byItem', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(WorkItemAssignee).query('a').andWhere('a.workItemId IN (:...ids)', { ids }).orderBy('a.id').getMany(),
        (row) => row.workItemId,
      ),
    )
    .load(item.id);
}

export function participantsOf(ctx: RequestContext, item: WorkItem): Promise<ConsultationParticipant[]> {
  return ctx.loaders
    .get('ConsultationParticipant.byItem', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(ConsultationParticipant).query('p').andWhere('p.workItemId IN (:...ids)', { ids }).orderBy('p.id').getMany(),
        (row) => row.workItemId,
      ),
    )
    .load(item.id);
}

export function timelineOf(ctx: RequestContext, item: WorkItem): Promise<WorkItemStep[]> {
  return ctx.loaders
    .get('WorkItemStep.byItem', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(WorkItemStep).query('s').andWhere('s.workItemId IN (:...ids)', { ids }).orderBy('s.id').getMany(),
        (row) => row.workItemId,
      ),
    )
    .load(item.id);
}

export const nodeLoaders = {
  WorkItem: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WorkItem).findByIds(ids),
  WorkItemAssignee: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WorkItemAssignee).findByIds(ids),
  ConsultationParticipant: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(ConsultationParticipant).findByIds(ids),
  WorkItemStep: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WorkItemStep).findByIds(ids),
};
