import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { CentreRequestMode, CoordinationPointKind, Responsibility, WorkArea, WorkItemKind, WorkItemStatus } from './entities';

@InputType({ description: '衔接 routing point: which department of the own centre plays it' })
export class SetCoordinationPointInput {
  @Field(() => CoordinationPointKind, { description: 'The routing point' })
  point: CoordinationPointKind;

  @Field(() => ID, { description: 'A department of the own centre: a bureau section for BUREAU_*, a centre department for CENTRE_*' })
  departmentId: string;
}

@InputType({ description: 'One row of the responsibility matrix (交叉事项)' })
export class ResponsibilityRowInput {
  @Field(() => WorkArea, { description: 'The area of work' })
  area: WorkArea;

  @Field(() => ID, { description: 'A bureau section (APPROVAL_BUREAU) or centre department (CENTRE) of the own centre; its kind gives the side' })
  departmentId: string;

  @Field(() => Responsibility, { description: 'Lead or assist' })
  responsibility: Responsibility;

  @Field({ nullable: true, description: 'What it does in this area, at most 500 characters' })
  duties?: string;
}

@InputType({ description: '三、交叉事项: the own centre’s whole responsibility matrix, replacing the previous one' })
export class SetResponsibilityMatrixInput {
  @Field(() => [ResponsibilityRowInput], { description: 'Every row, at most 300' })
  rows: ResponsibilityRowInput[];
}

@InputType({ description: '分办: a department (and optionally one of its people) to carry out a work item' })
export class WorkItemAssignmentInput {
  @Field(() => ID, { description: 'A bureau section or a centre department of the own centre (which ones, the route decides)' })
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'A person of that department it is addressed to (承办人)' })
  personId?: string;
}

@InputType({ description: '登记 a work item: what every kind needs, and what some kinds need (鞍山 衔接 二)' })
export class RegisterWorkItemInput {
  @Field(() => WorkItemKind, { description: 'Kind, which decides the route and who may register it' })
  kind: WorkItemKind;

  @Field({ description: 'Title, 1-200 characters' })
  title: string;

  @Field({ description: 'What is to be done, 1-2000 characters' })
  content: string;

  @Field(() => Int, { description: 'Time allowed, 1-250 working days from now; the due time follows the centre’s working calendar' })
  dueWorkingDays: number;

  @Field(() => WorkArea, { nullable: true, description: '交叉事项 area it concerns (a consultation defaults to APPROVAL_COORDINATION)' })
  area?: WorkArea;

  @Field({ nullable: true, description: '文号: required for a SUPERIOR_DOCUMENT and for a WRITTEN centre request (文来文往); up to 200 characters' })
  sourceReference?: string;

  @Field({ nullable: true, description: 'MEETING_DECISION: the meeting (党组会议、局长办公会议、局工作例会、专题办公会议 …), up to 100 characters' })
  meetingName?: string;

  @Field({ nullable: true, description: 'MEETING_DECISION: the meeting’s date, yyyy-mm-dd, not in the future' })
  meetingDate?: string;

  @Field(() => CentreRequestMode, { nullable: true, description: 'CENTRE_REQUEST: written (文来文往) or oral' })
  requestMode?: CentreRequestMode;

  @Field(() => [WorkItemAssignmentInput], {
    nullable: true,
    description: 'MEETING_DECISION: the bureau sections and centre departments carrying it out; URGENT_TASK: the centre departments concerned (二.4)',
  })
  assignees?: WorkItemAssignmentInput[];
}

@InputType('WorkItemVersionInput', { description: 'A work item and the version the caller last read' })
export class WorkItemVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The work item’s version' })
  version: number;
}

@InputType({ description: '批示 / 审阅同意 (bureau leader), 请示汇报 (党政群工作部): a step with words' })
export class WorkItemNoteInput extends WorkItemVersionInput {
  @Field({ description: 'The instruction or report, 1-2000 characters' })
  note: string;
}

@InputType({ description: '阅示 by a centre leader, optionally assigning the centre departments at once' })
export class ReadWorkItemInput extends WorkItemNoteInput {
  @Field(() => [WorkItemAssignmentInput], { nullable: true, description: 'Centre departments to carry it out; leave out for 党政群工作部 to assign' })
  assignees?: WorkItemAssignmentInput[];
}

@InputType({ description: '分办: assign departments to carry a work item out' })
export class AssignWorkItemInput extends WorkItemVersionInput {
  @Field(() => [WorkItemAssignmentInput], { description: 'One or more departments, none already carrying it out' })
  assignees: WorkItemAssignmentInput[];

  @Field({ nullable: true, description: 'Note, up to 2000 characters' })
  note?: string;
}

@InputType({ description: '会商 held: participants, minutes and outcome (三.5, 四.2)' })
export class HoldConsultationInput extends WorkItemVersionInput {
  @Field(() => [ID], { description: 'The departments that took part, 1-30' })
  participantDepartmentIds: string[];

  @Field({ description: '会议纪要, 1-4000 characters' })
  minutes: string;

  @Field({ description: '会商结果, 1-2000 characters; the final result when nobody is assigned' })
  outcome: string;

  @Field(() => [WorkItemAssignmentInput], { nullable: true, description: 'Departments to carry the outcome out; leave out to finish the item with the outcome' })
  assignees?: WorkItemAssignmentInput[];
}

@InputType({ description: 'An assignee’s step: its part of a work item, and the item’s version' })
export class AssigneeStepInput {
  @Field(() => ID, { description: 'The assignee (WorkItemAssignee)' })
  assigneeId: string;

  @Field(() => Int, { description: 'The work item’s version' })
  version: number;
}

@InputType({ description: '进展: progress on an assignee’s part, or its completion' })
export class ReportWorkItemProgressInput extends AssigneeStepInput {
  @Field({ description: 'Progress in words, 1-2000 characters' })
  progress: string;

  @Field({ defaultValue: false, description: 'The part is done (已完成)' })
  done: boolean;
}

@InputType({ description: '退回: an assignee sends its part back, with the reason' })
export class ReturnWorkItemInput extends AssigneeStepInput {
  @Field({ description: 'Why, 1-1000 characters' })
  reason: string;
}

@InputType({ description: '办结: the final result' })
export class FinishWorkItemInput extends WorkItemVersionInput {
  @Field({ description: 'The final result, 1-2000 characters' })
  finalResult: string;
}

export enum WorkItemList {
  TO_INSTRUCT = 'TO_INSTRUCT',
  TO_READ = 'TO_READ',
  TO_ORGANISE = 'TO_ORGANISE',
  TO_CARRY_OUT = 'TO_CARRY_OUT',
  OVERDUE = 'OVERDUE',
}
registerEnumType(WorkItemList, {
  name: 'WorkItemList',
  description: 'A person’s or a department’s list of work items',
  valuesConfig: {
    TO_INSTRUCT: { description: '待批示: waiting for a bureau leader' },
    TO_READ: { description: '待阅示: waiting for a centre leader' },
    TO_ORGANISE: { description: '待组织: the department reports, assigns, holds the consultation or finishes' },
    TO_CARRY_OUT: { description: '待落实: the department (or the person) carries it out' },
    OVERDUE: { description: '已超期: open past its due time, where the department organises or carries it out' },
  },
});

@InputType({ description: 'Narrows the work items list' })
export class WorkItemFilter {
  @Field({ nullable: true, description: 'Only the items of this centre (行政区划代码)' })
  tenantCode?: string;

  @Field(() => WorkItemKind, { nullable: true, description: 'Only this kind' })
  kind?: WorkItemKind;

  @Field(() => WorkItemStatus, { nullable: true, description: 'Only in this state' })
  status?: WorkItemStatus;

  @Field(() => WorkItemList, { nullable: true, description: 'Only this list of the department (departmentId, else the viewer’s own)' })
  list?: WorkItemList;

  @Field(() => ID, { nullable: true, description: 'The department whose list (list) is read; the viewer’s own by default' })
  departmentId?: string;
}

export const workItemSorting = defineSorting({
  typeName: 'WorkItem',
  label: 'work items (衔接事项)',
  fields: {
    REGISTERED_AT: { column: 'w.registeredAt', kind: 'instant', description: 'When it was registered' },
    DUE_AT: { column: 'w.dueAt', kind: 'instant', description: 'When it is due' },
  },
  defaultOrder: [{ field: 'DUE_AT', direction: OrderDirection.ASC }],
});
export type WorkItemOrderField = keyof typeof workItemSorting.fields;
