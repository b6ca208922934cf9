import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { ConsultationParticipant, WorkItem, WorkItemAssignee, WorkItemStep } from './entities';
import {
  AssignWorkItemInput,
  FinishWorkItemInput,
  HoldConsultationInput,
  ReadWorkItemInput,
  RegisterWorkItemInput,
  ReportWorkItemProgressInput,
  ReturnWorkItemInput,
  WorkItemFilter,
  WorkItemList,
  WorkItemNoteInput,
  WorkItemOrderField,
  workItemSorting,
} from './inputs';
import * as workItems from './work-items';

const WorkItemConnection = Connection(WorkItem);

@Resolver(() => WorkItem)
export class WorkItemResolver {
  @Query(() => WorkItemConnection, { description: '衔接事项 of the readable centres; with `filter.list`, one list of a department (待批示, 待阅示, 待组织, 待落实, 已超期)' })
  workItems(
    @Ctx() ctx: RequestContext,
    @Args(() => workItemSorting.Args) args: ListArgs<WorkItemOrderField>,
    @Arg('filter', () => WorkItemFilter, { nullable: true }) filter?: WorkItemFilter,
  ): Promise<ConnectionResult<WorkItem>> {
    return workItems.listWorkItems(ctx, args, filter);
  }

  @Query(() => WorkItemConnection, { description: 'The viewer’s own list of 衔接事项: a leader’s inbox, what the own department organises or carries out, what is overdue' })
  myWorkItems(
    @Ctx() ctx: RequestContext,
    @Args(() => workItemSorting.Args) args: ListArgs<WorkItemOrderField>,
    @Arg('list', () => WorkItemList, { description: 'Which list' }) list: WorkItemList,
  ): Promise<ConnectionResult<WorkItem>> {
    return workItems.myWorkItems(ctx, args, list);
  }

  @Mutation(() => WorkItem, { description: '登记: a work item enters the route of its kind, registered by the department the route names (鞍山 衔接 二.1–5, 三.5)' })
  registerWorkItem(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterWorkItemInput): Promise<WorkItem> {
    return workItems.registerWorkItem(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '批示 / 审阅同意: a bureau leader (二.1, 二.3, 二.5)' })
  instructWorkItem(@Ctx() ctx: RequestContext, @Arg('input') input: WorkItemNoteInput): Promise<WorkItem> {
    return workItems.instructWorkItem(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '请示汇报: 中心党政群工作部 reports an approved bureau notice to a centre leader (二.3)' })
  reportWorkItemToLeader(@Ctx() ctx: RequestContext, @Arg('input') input: WorkItemNoteInput): Promise<WorkItem> {
    return workItems.reportWorkItemToLeader(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '阅示: a centre leader reads and instructs, optionally assigning centre departments (二.1, 二.3)' })
  readWorkItem(@Ctx() ctx: RequestContext, @Arg('input') input: ReadWorkItemInput): Promise<WorkItem> {
    return workItems.readWorkItem(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '分办: the organising department assigns departments to carry it out' })
  assignWorkItem(@Ctx() ctx: RequestContext, @Arg('input') input: AssignWorkItemInput): Promise<WorkItem> {
    return workItems.assignWorkItem(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '会商: the organising coordination department records participants, minutes and outcome (三.5: 谁提出，谁组织)' })
  holdConsultation(@Ctx() ctx: RequestContext, @Arg('input') input: HoldConsultationInput): Promise<WorkItem> {
    return workItems.holdConsultation(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '进展: an assignee’s department reports progress, or its part done' })
  reportWorkItemProgress(@Ctx() ctx: RequestContext, @Arg('input') input: ReportWorkItemProgressInput): Promise<WorkItem> {
    return workItems.reportWorkItemProgress(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '退回: an assignee’s department sends its part back with the reason (counted: 四.3)' })
  returnWorkItem(@Ctx() ctx: RequestContext, @Arg('input') input: ReturnWorkItemInput): Promise<WorkItem> {
    return workItems.returnWorkItem(ctx, input);
  }

  @Mutation(() => WorkItem, { description: '办结: the organising department records the final result' })
  finishWorkItem(@Ctx() ctx: RequestContext, @Arg('input') input: FinishWorkItemInput): Promise<WorkItem> {
    return workItems.finishWorkItem(ctx, input);
  }

  @FieldResolver(() => Tenant, { description: 'The centre' })
  tenant(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, item.tenantId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who registered (or proposed) it' })
  registeredBy(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<User | null> {
    return tenancy.loadUser(ctx, item.registeredById);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department that registered (or proposed) it' })
  registeringDepartment(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, item.registeringDepartmentId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '对接: the bureau’s department in contact for it' })
  bureauContactDepartment(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, item.bureauContactDepartmentId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '对接: the centre’s department in contact for it' })
  centreContactDepartment(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, item.centreContactDepartmentId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '组织实施: assigns, holds the consultation, finishes (for a consultation: 谁提出，谁组织)' })
  organiserDepartment(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, item.organiserDepartmentId);
  }

  @FieldResolver(() => Boolean, { description: '超期: open past its due time, or finished after it' })
  late(@Ctx() ctx: RequestContext, @Root() item: WorkItem): boolean {
    return workItems.isLate(item, ctx.now());
  }

  @FieldResolver(() => [WorkItemAssignee], { description: '承办: who carries it out, with their status' })
  assignees(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<WorkItemAssignee[]> {
    return workItems.assigneesOf(ctx, item);
  }

  @FieldResolver(() => [ConsultationParticipant], { description: 'For a consultation: the departments that took part' })
  participants(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<ConsultationParticipant[]> {
    return workItems.participantsOf(ctx, item);
  }

  @FieldResolver(() => [WorkItemStep], { description: 'Every step, in order' })
  timeline(@Ctx() ctx: RequestContext, @Root() item: WorkItem): Promise<WorkItemStep[]> {
    return workItems.timelineOf(ctx, item.id);
  }
}

@Resolver(() => WorkItemAssignee)
export class WorkItemAssigneeResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The department carrying it out' })
  department(@Ctx() ctx: RequestContext, @Root() assignee: WorkItemAssignee): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, assignee.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: '承办人: the person it is addressed to, if any' })
  person(@Ctx() ctx: RequestContext, @Root() assignee: WorkItemAssignee): Promise<User | null> {
    return tenancy.loadUser(ctx, assignee.personId);
  }

  @FieldResolver(() => [WorkItemStep], { description: '进展: its progress reports, completion or return, in order' })
  reports(@Ctx() ctx: RequestContext, @Root() assignee: WorkItemAssignee): Promise<WorkItemStep[]> {
    return workItems.reportsOf(ctx, assignee);
  }
}

@Resolver(() => ConsultationParticipant)
export class ConsultationParticipantResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The department' })
  department(@Ctx() ctx: RequestContext, @Root() participant: ConsultationParticipant): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, participant.departmentId);
  }
}

@Resolver(() => WorkItemStep)
export class WorkItemStepResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who took the step' })
  actor(@Ctx() ctx: RequestContext, @Root() step: WorkItemStep): Promise<User | null> {
    return tenancy.loadUser(ctx, step.actorId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The actor’s department at the time' })
  actorDepartment(@Ctx() ctx: RequestContext, @Root() step: WorkItemStep): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, step.actorDepartmentId);
  }

  @FieldResolver(() => WorkItemAssignee, { nullable: true, description: 'For an assignee’s step: whose part' })
  assignee(@Ctx() ctx: RequestContext, @Root() step: WorkItemStep): Promise<WorkItemAssignee | null> {
    return workItems.loadAssignee(ctx, step.assigneeId);
  }
}
