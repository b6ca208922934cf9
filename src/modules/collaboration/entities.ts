import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SharedTenantEntity, TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';

export enum TicketStatus {
  DRAFT = 'DRAFT',
  PUSHED = 'PUSHED',
  RETURNED = 'RETURNED',
  FORWARDED = 'FORWARDED',
  DECIDED = 'DECIDED',
  RESULT_SENT = 'RESULT_SENT',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: '协作流转单状态: where a ticket is in its flow',
  valuesConfig: {
    DRAFT: { description: 'Opened at the receiving window (受理地), not yet pushed' },
    PUSHED: { description: '推送转办: waiting for the handling centre’s re-check' },
    RETURNED: { description: '退回: back at the receiving window to supplement' },
    FORWARDED: { description: 'At the handling department (办理地), which decides, or returns it (a new round)' },
    DECIDED: { description: 'Decided; the result is to be mailed' },
    RESULT_SENT: { description: 'The certificate was mailed to the receiving centre, which hands it over' },
    COMPLETED: { description: 'The result reached the applicant: both cases are DELIVERED' },
    CANCELLED: { description: '撤销: the receiving case was withdrawn (退件) or lapsed, or the ticket was abandoned; its open steps were cancelled' },
  },
});

export enum TicketSide {
  RECEIVING = 'RECEIVING',
  HANDLING = 'HANDLING',
}
registerEnumType(TicketSide, {
  name: 'TicketSide',
  description: '受理地 (receiving) or 办理地 (handling)',
  valuesConfig: {
    RECEIVING: { description: '受理地: the centre whose window received the case' },
    HANDLING: { description: '办理地: the centre whose department decides it' },
  },
});

/** What a centre's window does to a ticket (the mutations of the same names). */
export enum TicketAction {
  RECORD_ASSISTED_CHECK = 'RECORD_ASSISTED_CHECK',
  PUSH = 'PUSH',
  RETURN = 'RETURN',
  FORWARD = 'FORWARD',
  UPLOAD_RESULT = 'UPLOAD_RESULT',
  MAIL_RESULT = 'MAIL_RESULT',
  HAND_OVER_RESULT = 'HAND_OVER_RESULT',
  MAIL_MATERIALS = 'MAIL_MATERIALS',
  RECEIVE_MATERIALS = 'RECEIVE_MATERIALS',
  HAND_OVER_MATERIALS = 'HAND_OVER_MATERIALS',
  CANCEL = 'CANCEL',
}
registerEnumType(TicketAction, {
  name: 'TicketAction',
  description: 'An action on a collaboration ticket (协作流转单操作)',
  valuesConfig: {
    RECORD_ASSISTED_CHECK: { description: '辅助审核 with a department of the own level, recorded by either side (recordAssistedCheck)' },
    PUSH: { description: '受理及推送转办: the receiving case accepted and the ticket pushed (pushTicket)' },
    RETURN: { description: '退回 with what to supplement, at re-check or by the department (returnTicket)' },
    FORWARD: { description: '转办 to the department window (forwardTicket)' },
    UPLOAD_RESULT: { description: '结果上传 (uploadTicketResult)' },
    MAIL_RESULT: { description: '证照寄送 (mailTicketResult)' },
    HAND_OVER_RESULT: { description: '受理地 hands the mailed certificate to the applicant (handOverTicketResult)' },
    MAIL_MATERIALS: { description: '纸质材料寄送 (mailTicketMaterials)' },
    RECEIVE_MATERIALS: { description: '纸质材料签收 (receiveTicketMaterials)' },
    HAND_OVER_MATERIALS: { description: '纸质材料移交 to the department (handOverTicketMaterials)' },
    CANCEL: { description: '撤销 a ticket abandoned in DRAFT or RETURNED (cancelTicket)' },
  },
});

export enum TicketStepKind {
  ASSISTED_CHECK = 'ASSISTED_CHECK',
  PUSH = 'PUSH',
  RECHECK = 'RECHECK',
  DECIDE = 'DECIDE',
  MAIL_RESULT = 'MAIL_RESULT',
  HAND_OVER_RESULT = 'HAND_OVER_RESULT',
  MAIL_MATERIALS = 'MAIL_MATERIALS',
  HAND_OVER_MATERIALS = 'HAND_OVER_MATERIALS',
}
registerEnumType(TicketStepKind, {
  name: 'TicketStepKind',
  description: 'A step of the collaboration flow, with its time limit',
  valuesConfig: {
    ASSISTED_CHECK: {
      description: '辅助审核 with a department of the side’s own level (同级相关部门): the receiving side before the push (第五条), the handling side before the forward (第六条); due with the step it belongs to',
    },
    PUSH: { description: 'Accepted (受理) and pushed to the handling centre: 1 working day after intake, or after the supplement of a returned ticket' },
    RECHECK: { description: 'Re-check by the handling centre, then forward or return: 1 working day' },
    DECIDE: { description: 'The handling department decides within the matter’s promised limit, or returns the ticket' },
    MAIL_RESULT: { description: 'Result uploaded, paper certificate mailed: 1 working day after the decision' },
    HAND_OVER_RESULT: { description: 'The receiving centre hands the mailed certificate to the applicant (no limit in the mechanism)' },
    MAIL_MATERIALS: { description: 'Paper materials mailed to the handling centre: 2 working days after the forward to the department' },
    HAND_OVER_MATERIALS: { description: 'Paper materials handed to the department: 1 working day after arrival' },
  },
});

export enum CollaborationKind {
  REGION = 'REGION',
  CROSS_PROVINCE = 'CROSS_PROVINCE',
}
registerEnumType(CollaborationKind, {
  name: 'CollaborationKind',
  description: '通办类型: within the region or across provinces',
  valuesConfig: { REGION: { description: '全区通办: both centres in one province' }, CROSS_PROVINCE: { description: '跨省通办' } },
});

export enum ResultDelivery {
  APPLICANT = 'APPLICANT',
  RECEIVING_CENTRE = 'RECEIVING_CENTRE',
}
registerEnumType(ResultDelivery, {
  name: 'ResultDelivery',
  description: 'Where the paper certificate is mailed, as the applicant chose',
  valuesConfig: {
    APPLICANT: { description: 'Mailed to the applicant (证照寄送)' },
    RECEIVING_CENTRE: { description: 'Mailed to the receiving centre (受理地), which hands it over' },
  },
});

/**
 * 协作流转单: a case received in one centre (受理地, `tenantId`) and handled in another
 * (办理地, `partnerTenantId`). Both read and write it; nobody else sees it.
 */
@ObjectType({ implements: Node, description: '协作流转单: a case received in one centre and handled in another' })
@Entity()
@Index(['tenantId', 'status'])
@Index(['partnerTenantId', 'status'])
@Index(['tenantId', 'applicationId'], { unique: true })
export class CollaborationTicket extends SharedTenantEntity {
  /** The case in the receiving centre. */
  @Column('int')
  applicationId: number;

  /** The case opened in the handling centre when the ticket is forwarded to its department. */
  @Column('int', { nullable: true })
  handlingApplicationId: number | null;

  @Field({ description: '事项编码, the same in both centres' })
  @Column('varchar', { length: 16 })
  matterCode: string;

  @Column('int')
  handlingMatterId: number;

  @Field(() => CollaborationKind, { description: '全区通办 (one province) or 跨省通办 (cross-province)' })
  @Column('varchar', { length: 16 })
  kind: CollaborationKind;

  @Field(() => TicketStatus, { description: 'Where the ticket is in its flow' })
  @Column('varchar', { length: 12 })
  status: TicketStatus;

  @Field(() => Int, { description: 'Push round: 1, then one more after every return' })
  @Column('int', { default: 1 })
  round: number;

  @Field({ description: 'Paper materials travel with the case (纸质材料留存)' })
  @Column('boolean')
  paperMaterials: boolean;

  @Field(() => ResultDelivery, { description: 'Where the paper certificate goes: to the applicant or to the receiving centre, which hands it over' })
  @Column('varchar', { length: 16 })
  resultDelivery: ResultDelivery;

  @Column('int')
  createdById: number;

  @Field(() => String, { nullable: true, description: '撤销: why the ticket was cancelled; null unless CANCELLED' })
  @Column('varchar', { length: 500, nullable: true })
  cancelReason: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to every step' })
  @VersionColumn()
  version: number;

  @Field({ description: 'When the receiving window opened the ticket' })
  @CreateDateColumn()
  createdAt: Date;
}

/**
 * One step of a ticket: its owner side, its due time on the owning centre's calendar,
 * and who did it when. Steps are never rewritten: a return opens a new round.
 */
@ObjectType({ implements: Node, description: 'One step of a ticket, with its owner, due time and completion' })
@Entity()
@Index(['tenantId', 'ticketId'])
@Index(['partnerTenantId', 'ticketId'])
@Index(['tenantId', 'doneAt', 'dueAt'])
@Index(['partnerTenantId', 'doneAt', 'dueAt'])
export class TicketStep extends SharedTenantEntity {
  @Column('int')
  ticketId: number;

  @Field(() => Int, { description: 'Push round the step belongs to: 1, then one more after every return' })
  @Column('int')
  round: number;

  @Field(() => TicketStepKind, { description: 'Which step of the flow (推送, 复核, 办理, 寄送 …)' })
  @Column('varchar', { length: 24 })
  kind: TicketStepKind;

  @Field(() => TicketSide, { description: 'The side that owns the step' })
  @Column('varchar', { length: 12 })
  owner: TicketSide;

  @Field(() => Date, { nullable: true, description: 'Due time on the owning centre’s calendar; none for an assisted check' })
  @Column('datetime', { nullable: true, precision: 3 })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the step was done; null while open (then compare dueAt: late steps are flagged)' })
  @Column('datetime', { nullable: true, precision: 3 })
  doneAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the step was cancelled before it was done (the ticket cancelled; paper materials not yet mailed at a department return); null otherwise. A cancelled step is neither open nor late' })
  @Column('datetime', { nullable: true, precision: 3 })
  cancelledAt: Date | null;

  /** 辅助审核: the department of the side's own level it was done with. */
  @Column('int', { nullable: true })
  departmentId: number | null;

  @Column('int', { nullable: true })
  actorId: number | null;

  @Field({ description: 'Outcome or remark: FORWARDED / RETURNED, the return reason, the assisted check' })
  @Column('varchar', { length: 1000, default: '' })
  note: string;

  @Field(() => [String], { nullable: true, description: '一次性告知: what to supplement (a return; null otherwise)' })
  @Column('simple-json', { nullable: true })
  missingMaterials: string[] | null;

  @Field(() => String, { nullable: true, description: 'Mailing steps: the carrier (快递公司); null otherwise' })
  @Column('varchar', { length: 32, nullable: true })
  carrier: string | null;

  @Field(() => String, { nullable: true, description: 'Mailing steps: the tracking number (运单号); null otherwise' })
  @Column('varchar', { length: 40, nullable: true })
  trackingNumber: string | null;
}

/** 跨省通办: a matter code the platform admin has put on the cross-province list. */
@Entity()
export class CrossProvinceMatter {
  @PrimaryColumn('varchar', { length: 16 })
  code: string;

  @Column('varchar', { length: 128 })
  name: string;

  @CreateDateColumn()
  addedAt: Date;
}

/** 联系人台账: who answers for a cross-region matter in a centre, and their deputy. */
@ObjectType({ implements: Node, description: '联系人台账: the responsible person for a cross-region matter' })
@Entity()
@Index(['tenantId', 'matterId'], { unique: true })
export class ContactLedgerEntry extends TenantOwnedEntity {
  @Column('int')
  matterId: number;

  @Column('int')
  responsibleId: number;

  @Column('int', { nullable: true })
  deputyId: number | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

export enum ProblemCategory {
  PROCESS = 'PROCESS',
  MATERIALS = 'MATERIALS',
  SYSTEM = 'SYSTEM',
  COORDINATION = 'COORDINATION',
  DELAY = 'DELAY',
  OTHER = 'OTHER',
}
registerEnumType(ProblemCategory, {
  name: 'ProblemCategory',
  description: '问题类别: what kind of problem',
  valuesConfig: {
    PROCESS: { description: '流程不合理' },
    MATERIALS: { description: '材料要件' },
    SYSTEM: { description: '系统平台' },
    COORDINATION: { description: '协作配合' },
    DELAY: { description: '超时办理' },
    OTHER: { description: '其他' },
  },
});

export enum ProblemStatus {
  RAISED = 'RAISED',
  ASSIGNED = 'ASSIGNED',
  RECTIFIED = 'RECTIFIED',
  CLOSED = 'CLOSED',
}
registerEnumType(ProblemStatus, {
  name: 'ProblemStatus',
  description: '问题台账: raised → assigned → rectified (整改) → closed',
  valuesConfig: {
    RAISED: { description: '提出: raised, nobody assigned yet' },
    ASSIGNED: { description: '交办: assigned to a person to rectify' },
    RECTIFIED: { description: '已整改: rectified, waiting to be closed' },
    CLOSED: { description: '销号: closed' },
  },
});

/** 问题台账: a problem raised on a ticket or a matter, assigned, rectified and closed. */
@ObjectType({ implements: Node, description: '问题台账: a problem raised on a ticket or a matter' })
@Entity()
@Index(['tenantId', 'status'])
@Index(['tenantId', 'createdAt'])
export class ProblemLedgerEntry extends TenantOwnedEntity {
  @Column('int', { nullable: true })
  ticketId: number | null;

  @Column('int', { nullable: true })
  matterId: number | null;

  @Field(() => ProblemCategory, { description: 'Kind of problem (流程, 材料, 系统 …)' })
  @Column('varchar', { length: 16 })
  category: ProblemCategory;

  @Field({ description: 'What the problem is, as raised' })
  @Column('varchar', { length: 1000 })
  description: string;

  @Field(() => ProblemStatus, { description: 'Where the problem is: raised, assigned, rectified (整改) or closed' })
  @Column('varchar', { length: 12 })
  status: ProblemStatus;

  @Column('int')
  raisedById: number;

  @Column('int', { nullable: true })
  assigneeId: number | null;

  @Field(() => String, { nullable: true, description: '整改: what was done' })
  @Column('varchar', { length: 1000, nullable: true })
  rectification: string | null;

  @Field(() => Date, { nullable: true, description: 'When the problem was closed; null while open' })
  @Column('datetime', { nullable: true, precision: 3 })
  closedAt: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field({ description: 'When the problem was raised' })
  @CreateDateColumn()
  createdAt: Date;
}
