import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { Role } from '../../auth/roles';

export enum CoordinationSide {
  BUREAU = 'BUREAU',
  CENTRE = 'CENTRE',
}
registerEnumType(CoordinationSide, {
  name: 'CoordinationSide',
  description: 'The two sides of 工作衔接 (鞍山 衔接 一): the approval bureau and the service centre',
  valuesConfig: {
    BUREAU: { description: '市行政审批局 and its sections (局)' },
    CENTRE: { description: '市政务服务中心 and its departments, with the stationed windows (中心)' },
  },
});

export enum CoordinationPointKind {
  BUREAU_OFFICE = 'BUREAU_OFFICE',
  BUREAU_COORDINATION = 'BUREAU_COORDINATION',
  CENTRE_GENERAL_OFFICE = 'CENTRE_GENERAL_OFFICE',
  CENTRE_COORDINATION = 'CENTRE_COORDINATION',
}
registerEnumType(CoordinationPointKind, {
  name: 'CoordinationPointKind',
  description: 'A routing point of 二、衔接方式: the department a route passes through',
  valuesConfig: {
    BUREAU_OFFICE: { description: '局办公室: registers superior documents, drafts notices, meets the centre (二.1, 二.3, 二.4, 二.5)' },
    BUREAU_COORDINATION: { description: '局业务协调科: organises the consultations the bureau proposes; receives the upward statistics (三.3, 三.5)' },
    CENTRE_GENERAL_OFFICE: { description: '中心党政群工作部: receives bureau notices and urgent tasks for several departments (二.3, 二.4)' },
    CENTRE_COORDINATION: { description: '中心业务协调部: organises the consultations the centre proposes; compiles the statistics (三.3, 三.5)' },
  },
});

/** 鞍山 衔接 二: which department of a tenant is each routing point; one row per point. */
@ObjectType({ implements: Node, description: '衔接 routing point: the department that plays a part of 二、衔接方式 in a centre' })
@Entity()
@Index(['tenantId', 'point'], { unique: true })
export class CoordinationPoint extends TenantOwnedEntity {
  @Field(() => CoordinationPointKind, { description: 'Which routing point' })
  @Column('varchar', { length: 24 })
  point: CoordinationPointKind;

  @Column('int')
  departmentId: number;
}

export enum WorkArea {
  COMPREHENSIVE_INTAKE = 'COMPREHENSIVE_INTAKE',
  PROCESS_STANDARDS = 'PROCESS_STANDARDS',
  STATISTICS = 'STATISTICS',
  MATTER_GUIDES = 'MATTER_GUIDES',
  APPROVAL_COORDINATION = 'APPROVAL_COORDINATION',
  PROJECT_SERVICE = 'PROJECT_SERVICE',
  PLATFORM_BUILDING = 'PLATFORM_BUILDING',
  PLATFORM_MANAGEMENT = 'PLATFORM_MANAGEMENT',
  NETWORK_SECURITY = 'NETWORK_SECURITY',
  WINDOW_LIAISON = 'WINDOW_LIAISON',
  ADMISSION_AND_EXIT = 'ADMISSION_AND_EXIT',
  OPERATIONS_SUPPORT = 'OPERATIONS_SUPPORT',
  FINANCE = 'FINANCE',
  ASSETS = 'ASSETS',
  RECEPTION = 'RECEPTION',
  PRESS = 'PRESS',
  PUBLICITY = 'PUBLICITY',
  PETITIONS_AND_EMERGENCIES = 'PETITIONS_AND_EMERGENCIES',
  OTHER = 'OTHER',
}
registerEnumType(WorkArea, {
  name: 'WorkArea',
  description: '交叉事项: an area of work the bureau and the centre share (鞍山 衔接 三.1–19)',
  valuesConfig: {
    COMPREHENSIVE_INTAKE: { description: '综合接件 (三.1)' },
    PROCESS_STANDARDS: { description: '流程规范 (三.2)' },
    STATISTICS: { description: '数据统计 (三.3)' },
    MATTER_GUIDES: { description: '办事指南 (三.4)' },
    APPROVAL_COORDINATION: { description: '涉审协调: consultations, 谁提出谁组织 (三.5)' },
    PROJECT_SERVICE: { description: '项目服务: key projects, 帮办代办 (三.6)' },
    PLATFORM_BUILDING: { description: '平台建设 (三.7)' },
    PLATFORM_MANAGEMENT: { description: '平台管理 (三.8)' },
    NETWORK_SECURITY: { description: '网络安全 (三.9)' },
    WINDOW_LIAISON: { description: '窗口衔接 (三.10)' },
    ADMISSION_AND_EXIT: { description: '准入准出 (三.11)' },
    OPERATIONS_SUPPORT: { description: '运行保障 (三.12)' },
    FINANCE: { description: '财务管理 (三.13)' },
    ASSETS: { description: '资产管理 (三.14)' },
    RECEPTION: { description: '对外接待 (三.15)' },
    PRESS: { description: '新闻采访 (三.16)' },
    PUBLICITY: { description: '宣传展示 (三.17)' },
    PETITIONS_AND_EMERGENCIES: { description: '信访应急 (三.18)' },
    OTHER: { description: '未尽事宜: settled by consultation (三.19)' },
  },
});

export enum Responsibility {
  LEAD = 'LEAD',
  ASSIST = 'ASSIST',
}
registerEnumType(Responsibility, {
  name: 'Responsibility',
  description: 'A department’s part in an area of work',
  valuesConfig: {
    LEAD: { description: '负责 / 牵头: the lead department of its side' },
    ASSIST: { description: '协助 / 配合: an assisting department' },
  },
});

/** 三、交叉事项: one row of a tenant's responsibility matrix (area, side, department, lead or assist). */
@ObjectType({ implements: Node, description: '交叉事项 responsibility: one department’s part in one area of work (鞍山 衔接 三)' })
@Entity()
@Index(['tenantId', 'area', 'departmentId'], { unique: true })
export class ResponsibilityAssignment extends TenantOwnedEntity {
  @Field(() => WorkArea, { description: 'The area of work' })
  @Column('varchar', { length: 32 })
  area: WorkArea;

  @Field(() => CoordinationSide, { description: 'The bureau’s or the centre’s side' })
  @Column('varchar', { length: 8 })
  side: CoordinationSide;

  @Column('int')
  departmentId: number;

  @Field(() => Responsibility, { description: 'Lead or assist' })
  @Column('varchar', { length: 8 })
  responsibility: Responsibility;

  @Field({ description: 'What the department does in this area, as the document says it (may be empty)' })
  @Column('varchar', { length: 500, default: '' })
  duties: string;
}

export enum WorkItemKind {
  SUPERIOR_DOCUMENT = 'SUPERIOR_DOCUMENT',
  MEETING_DECISION = 'MEETING_DECISION',
  BUREAU_NOTICE = 'BUREAU_NOTICE',
  URGENT_TASK = 'URGENT_TASK',
  CENTRE_REQUEST = 'CENTRE_REQUEST',
  CONSULTATION = 'CONSULTATION',
}
registerEnumType(WorkItemKind, {
  name: 'WorkItemKind',
  description: 'Kind of 衔接事项, each with its route (鞍山 衔接 二.1–5, 三.5)',
  valuesConfig: {
    SUPERIOR_DOCUMENT: { description: '上级文件、通知、函件: 局办公室 registers → 局领导批示 → 中心领导阅示 → centre departments carry out (二.1)' },
    MEETING_DECISION: { description: '党组会议、局长办公会议 … decisions: bureau sections and centre departments carry out directly, by responsibility (二.2)' },
    BUREAU_NOTICE: { description: '局办公室 drafts → 局领导 approves → 中心党政群工作部 reports to a centre leader (阅示) → carried out (二.3)' },
    URGENT_TASK: { description: '领导交办的紧急任务: several centre departments, 局办公室 ↔ 党政群工作部; one, the bureau section ↔ that department (二.4)' },
    CENTRE_REQUEST: { description: '中心需局帮助协调: written (文来文往) or recorded oral, leader to leader or department to 局办公室 (二.5)' },
    CONSULTATION: { description: '会商: 谁提出，谁组织, organised by the proposer’s coordination department (三.5, 四.2)' },
  },
});

export enum WorkItemStatus {
  AWAITING_INSTRUCTION = 'AWAITING_INSTRUCTION',
  AWAITING_REPORT = 'AWAITING_REPORT',
  AWAITING_READING = 'AWAITING_READING',
  AWAITING_ASSIGNMENT = 'AWAITING_ASSIGNMENT',
  AWAITING_CONSULTATION = 'AWAITING_CONSULTATION',
  IN_PROGRESS = 'IN_PROGRESS',
  FINISHED = 'FINISHED',
}
registerEnumType(WorkItemStatus, {
  name: 'WorkItemStatus',
  description: 'Where a 衔接事项 is on its route',
  valuesConfig: {
    AWAITING_INSTRUCTION: { description: '待批示: a bureau leader instructs (二.1) or approves the draft (二.3)' },
    AWAITING_REPORT: { description: '待请示汇报: 中心党政群工作部 reports it to a centre leader (二.3)' },
    AWAITING_READING: { description: '待阅示: a centre leader reads and instructs (二.1, 二.3)' },
    AWAITING_ASSIGNMENT: { description: '待分办: the organising department assigns who carries it out' },
    AWAITING_CONSULTATION: { description: '待会商: the organising coordination department holds the consultation (三.5)' },
    IN_PROGRESS: { description: '落实中: assignees carry it out and report progress' },
    FINISHED: { description: '已办结: finished with a final result' },
  },
});

export enum CentreRequestMode {
  WRITTEN = 'WRITTEN',
  ORAL = 'ORAL',
}
registerEnumType(CentreRequestMode, {
  name: 'CentreRequestMode',
  description: 'How the centre asked the bureau (鞍山 衔接 二.5)',
  valuesConfig: {
    WRITTEN: { description: '文来文往: in writing, with the letter’s number' },
    ORAL: { description: '口头沟通: spoken, recorded by the one who asked' },
  },
});

/**
 * 衔接事项: one piece of work between the bureau and the centre, on the route of its
 * kind. Late: finished after `dueAt`, or open past it (the due date is computed once,
 * with the tenant's working calendar, from `dueWorkingDays` at registration).
 */
@ObjectType({ implements: Node, description: '衔接事项: a work item between the bureau and the centre, on the route of its kind (鞍山 衔接 二)' })
@Entity()
@Index(['tenantId', 'status', 'dueAt'])
@Index(['tenantId', 'registeredAt'])
export class WorkItem extends TenantOwnedEntity {
  @Field(() => WorkItemKind, { description: 'Kind, which decides the route' })
  @Column('varchar', { length: 24 })
  kind: WorkItemKind;

  @Field({ description: 'Title (标题)' })
  @Column('varchar', { length: 200 })
  title: string;

  @Field({ description: 'What is to be done (内容)' })
  @Column('varchar', { length: 2000 })
  content: string;

  @Field(() => CoordinationSide, { description: 'The side it comes from: the bureau, or the centre for a request or a centre-proposed consultation' })
  @Column('varchar', { length: 8 })
  originSide: CoordinationSide;

  @Field(() => WorkArea, { nullable: true, description: '交叉事项 area it concerns, if any' })
  @Column('varchar', { length: 32, nullable: true })
  area: WorkArea | null;

  @Field(() => String, { nullable: true, description: '来源: the superior document’s or letter’s number (文号), e.g. 辽政办发〔2026〕12号' })
  @Column('varchar', { length: 200, nullable: true })
  sourceReference: string | null;

  @Field(() => String, { nullable: true, description: 'For a meeting decision: the meeting (党组会议、局长办公会议 …)' })
  @Column('varchar', { length: 100, nullable: true })
  meetingName: string | null;

  @Field(() => String, { nullable: true, description: 'For a meeting decision: the meeting’s date, yyyy-mm-dd' })
  @Column('varchar', { length: 10, nullable: true })
  meetingDate: string | null;

  @Field(() => CentreRequestMode, { nullable: true, description: 'For a centre request: written or oral' })
  @Column('varchar', { length: 8, nullable: true })
  requestMode: CentreRequestMode | null;

  @Field(() => WorkItemStatus, { description: 'Where it is on its route' })
  @Column('varchar', { length: 24 })
  status: WorkItemStatus;

  @Column('int')
  registeredById: number;

  /** The department that registered (or proposed) it. */
  @Column('int')
  registeringDepartmentId: number;

  /** 对接: the bureau's department in contact for this item (二.2, 二.4, 二.5), if any. */
  @Column('int', { nullable: true })
  bureauContactDepartmentId: number | null;

  /** 对接: the centre's department in contact for this item (二.3, 二.4), if any. */
  @Column('int', { nullable: true })
  centreContactDepartmentId: number | null;

  /** Assigns the assignees and finishes the item (组织实施); for a consultation, the organiser (谁提出，谁组织). */
  @Column('int')
  organiserDepartmentId: number;

  @Field({ description: 'When it was registered' })
  @Column('datetime', { precision: 3 })
  registeredAt: Date;

  @Field(() => Int, { description: 'Time allowed, in working days from registration' })
  @Column('int')
  dueWorkingDays: number;

  @Field({ description: 'Due: the end of the last allowed working day on the tenant’s calendar' })
  @Column('datetime', { precision: 3 })
  dueAt: Date;

  @Field(() => String, { nullable: true, description: 'For a consultation: its minutes (会议纪要); null until held' })
  @Column('varchar', { length: 4000, nullable: true })
  consultationMinutes: string | null;

  @Field(() => String, { nullable: true, description: 'For a consultation: its outcome (会商结果); null until held' })
  @Column('varchar', { length: 2000, nullable: true })
  consultationOutcome: string | null;

  @Field(() => Date, { nullable: true, description: 'For a consultation: when it was held' })
  @Column('datetime', { precision: 3, nullable: true })
  consultedAt: Date | null;

  @Field(() => String, { nullable: true, description: '办理结果: the final result; null until finished' })
  @Column('varchar', { length: 2000, nullable: true })
  finalResult: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was finished' })
  @Column('datetime', { precision: 3, nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to every step' })
  @VersionColumn()
  version: number;
}

export enum AssigneeStatus {
  ASSIGNED = 'ASSIGNED',
  DONE = 'DONE',
  RETURNED = 'RETURNED',
}
registerEnumType(AssigneeStatus, {
  name: 'AssigneeStatus',
  description: 'Where one assignee’s part of a work item is',
  valuesConfig: {
    ASSIGNED: { description: '办理中: assigned, carrying it out' },
    DONE: { description: '已完成: reported done (on time when by the item’s due date)' },
    RETURNED: { description: '已退回: sent back with a reason (counted against the department: 推诿扯皮 is visible, 四.3)' },
  },
});

/** One department (and optionally a person) carrying out a work item. */
@ObjectType({ implements: Node, description: '承办: one department (and optionally a person) carrying out a work item' })
@Entity()
@Index(['tenantId', 'workItemId'])
@Index(['tenantId', 'departmentId', 'status'])
export class WorkItemAssignee extends TenantOwnedEntity {
  @Column('int')
  workItemId: number;

  @Column('int')
  departmentId: number;

  @Column('int', { nullable: true })
  personId: number | null;

  @Field(() => AssigneeStatus, { description: 'Carrying it out, done, or returned' })
  @Column('varchar', { length: 12 })
  status: AssigneeStatus;

  @Field({ description: 'When it was assigned' })
  @Column('datetime', { precision: 3 })
  assignedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was reported done' })
  @Column('datetime', { precision: 3, nullable: true })
  doneAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was returned (退回)' })
  @Column('datetime', { precision: 3, nullable: true })
  returnedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was returned' })
  @Column('varchar', { length: 1000, nullable: true })
  returnReason: string | null;
}

/** For a consultation: a department taking part (参会部门). */
@ObjectType({ implements: Node, description: '会商 participant: a department taking part in a consultation' })
@Entity()
@Index(['tenantId', 'workItemId', 'departmentId'], { unique: true })
export class ConsultationParticipant extends TenantOwnedEntity {
  @Column('int')
  workItemId: number;

  @Column('int')
  departmentId: number;
}

export enum WorkItemAction {
  REGISTER = 'REGISTER',
  INSTRUCT = 'INSTRUCT',
  REPORT_TO_LEADER = 'REPORT_TO_LEADER',
  READ = 'READ',
  ASSIGN = 'ASSIGN',
  CONSULT = 'CONSULT',
  REPORT_PROGRESS = 'REPORT_PROGRESS',
  COMPLETE = 'COMPLETE',
  RETURN = 'RETURN',
  FINISH = 'FINISH',
}
registerEnumType(WorkItemAction, {
  name: 'WorkItemAction',
  description: 'A step on a work item’s timeline',
  valuesConfig: {
    REGISTER: { description: '登记 / 起草 / 提出: the item enters its route' },
    INSTRUCT: { description: '批示 (二.1) or 审阅同意 (二.3) by a bureau leader' },
    REPORT_TO_LEADER: { description: '请示汇报: 中心党政群工作部 reports it to a centre leader (二.3)' },
    READ: { description: '阅示 by a centre leader (二.1, 二.3)' },
    ASSIGN: { description: '分办: departments (and people) assigned to carry it out' },
    CONSULT: { description: '会商 held: participants, minutes and outcome (三.5)' },
    REPORT_PROGRESS: { description: '进展: an assignee reports progress' },
    COMPLETE: { description: 'An assignee reports its part done' },
    RETURN: { description: '退回: an assignee sends it back, with the reason' },
    FINISH: { description: '办结 with the final result' },
  },
});

/** One step on a work item's timeline: who, in which capacity, did what, when. */
@ObjectType({ implements: Node, description: 'One step on a work item’s timeline' })
@Entity()
@Index(['tenantId', 'workItemId', 'id'])
export class WorkItemStep extends TenantOwnedEntity {
  @Column('int')
  workItemId: number;

  @Field(() => WorkItemAction, { description: 'What was done' })
  @Column('varchar', { length: 20 })
  action: WorkItemAction;

  @Column('int')
  actorId: number;

  /** The actor's department when the step was taken. */
  @Column('int')
  actorDepartmentId: number;

  @Field(() => Role, { nullable: true, description: 'The role the step needed (LEADER for 批示 and 阅示); null for a department’s step' })
  @Column('varchar', { length: 16, nullable: true })
  actorRole: Role | null;

  /** For an assignee's step (progress, done, returned): whose. */
  @Column('int', { nullable: true })
  assigneeId: number | null;

  @Field(() => WorkItemStatus, { nullable: true, description: 'Status before; null for registration' })
  @Column('varchar', { length: 24, nullable: true })
  fromStatus: WorkItemStatus | null;

  @Field(() => WorkItemStatus, { description: 'Status after' })
  @Column('varchar', { length: 24 })
  toStatus: WorkItemStatus;

  @Field({ description: 'The instruction, report, progress, reason or result in words (may be empty)' })
  @Column('varchar', { length: 2000, default: '' })
  note: string;

  @Field({ description: 'When' })
  @Column('datetime', { precision: 3 })
  at: Date;
}
