import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { SupervisionLight } from '../applications/entities';

export enum SupervisionNoticeCause {
  CASE_OVERDUE = 'CASE_OVERDUE',
  TICKET_STEP_OVERDUE = 'TICKET_STEP_OVERDUE',
  COMPLAINT_OVERDUE = 'COMPLAINT_OVERDUE',
  RECTIFICATION_OVERDUE = 'RECTIFICATION_OVERDUE',
  WORK_ITEM_OVERDUE = 'WORK_ITEM_OVERDUE',
  WORK_ITEM_STALLED = 'WORK_ITEM_STALLED',
  MANUAL = 'MANUAL',
}
registerEnumType(SupervisionNoticeCause, {
  name: 'SupervisionNoticeCause',
  description: 'Why a supervision notice (督办单) was issued (锦州 第十一条: 电子监察 … 发现问题及时预警纠错)',
  valuesConfig: {
    CASE_OVERDUE: { description: '办件超期: an open case passed its deadline (red light, 红牌); issued by the check' },
    TICKET_STEP_OVERDUE: { description: '协作流转单环节超时: an open collaboration-ticket step passed its due time; issued by the check' },
    COMPLAINT_OVERDUE: { description: '投诉超期: an open complaint passed its reply deadline; issued by the check' },
    RECTIFICATION_OVERDUE: {
      description: '整改超期: the return visit (回访核实) or the rectification (整改) of a 差评 passed its deadline; issued by the check, once per stage',
    },
    WORK_ITEM_OVERDUE: { description: '衔接事项超期 (鞍山 衔接 四.3 督进度): a department’s part of a work item still open past the item’s due date; issued by the check to that department' },
    WORK_ITEM_STALLED: {
      description: '衔接事项超期未落实 (鞍山 衔接 四.3 督任务): an open work item past its due date that no department is carrying out (awaiting 批示, 阅示 or 分办, or every part done or returned); issued by the check to its organising department',
    },
    MANUAL: { description: '人工督办: issued by a centre admin or supervisor, e.g. after watching the hall video (视频监控) or a sampling (办件抽查)' },
  },
});

export enum SupervisionNoticeStatus {
  AWAITING_REPLY = 'AWAITING_REPLY',
  REPLIED = 'REPLIED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(SupervisionNoticeStatus, {
  name: 'SupervisionNoticeStatus',
  description: 'Where a supervision notice (督办单) is',
  valuesConfig: {
    AWAITING_REPLY: { description: '待反馈: the responsible department owes a reply (also after a send-back)' },
    REPLIED: { description: '已反馈: the department replied (cause and correction); the issuer accepts it or sends it back' },
    ACCEPTED: { description: '已办结: the issuer accepted the reply' },
  },
});

export enum SupervisionNoticeAction {
  ISSUE = 'ISSUE',
  REPLY = 'REPLY',
  SEND_BACK = 'SEND_BACK',
  ACCEPT = 'ACCEPT',
  ESCALATE = 'ESCALATE',
}
registerEnumType(SupervisionNoticeAction, {
  name: 'SupervisionNoticeAction',
  description: 'A step on a supervision notice’s timeline',
  valuesConfig: {
    ISSUE: { description: '发出督办 (by the check, or by hand: issueSupervisionNotice)' },
    REPLY: { description: '反馈: the department’s cause and correction (replyToSupervisionNotice)' },
    SEND_BACK: { description: '退回: the issuer found the reply wanting; a new reply deadline (sendBackSupervisionNotice)' },
    ACCEPT: { description: '办结: the issuer accepted the reply (acceptSupervisionNotice)' },
    ESCALATE: { description: '上报: unanswered past the reply deadline, escalated to the superior centre (by the check)' },
  },
});

/**
 * 督办单 (锦州 第十一条 "发现问题及时预警纠错"): a problem found by 电子监察 or by hand, which
 * the responsible department must answer. Automatic notices carry their cause
 * (kind, id, round) under a unique key, so every instance running the check at once
 * still issues one notice per cause.
 */
@ObjectType({ implements: Node, description: '督办单: a supervision notice the responsible department must answer (锦州 第十一条)' })
@Entity()
@Index(['tenantId', 'causeKind', 'causeId', 'causeRound'], { unique: true })
@Index(['tenantId', 'status', 'replyDueAt'])
@Index(['tenantId', 'departmentId', 'status'])
@Index(['tenantId', 'issuedAt'])
@Index(['tenantId', 'checkRun'])
@Index(['tenantId', 'escalationRun'])
export class SupervisionNotice extends TenantOwnedEntity {
  @Field(() => SupervisionNoticeCause, { description: 'Why it was issued' })
  @Column('varchar', { length: 24 })
  causeKind: SupervisionNoticeCause;

  /** The case, ticket step or complaint (by kind); null for a notice issued by hand. */
  @Column('int', { nullable: true })
  causeId: number | null;

  /** Distinguishes a cause that can recur (a reopened complaint's second deadline). */
  @Column('int', { default: 1 })
  causeRound: number;

  @Field(() => SupervisionNoticeStatus, { description: 'Where it is' })
  @Column('varchar', { length: 16 })
  status: SupervisionNoticeStatus;

  @Column('int', { nullable: true })
  departmentId: number | null;

  @Column('int', { nullable: true })
  personId: number | null;

  @Field({ description: '督办事由: what was found (the cause, in words)' })
  @Column('varchar', { length: 2000 })
  reason: string;

  /** Null when issued by the check. */
  @Column('int', { nullable: true })
  issuedById: number | null;

  @Field({ description: 'When it was issued' })
  @Column('datetime', { precision: 3 })
  issuedAt: Date;

  @Field({ description: '反馈期限: the end of the reply working days on the centre’s calendar (default 1); set again at a send-back' })
  @Column('datetime', { precision: 3 })
  replyDueAt: Date;

  @Field(() => String, { nullable: true, description: '原因: the department’s account of the cause; null before a reply' })
  @Column('varchar', { length: 2000, nullable: true })
  replyCause: string | null;

  @Field(() => String, { nullable: true, description: '整改措施: what the department corrected; null before a reply' })
  @Column('varchar', { length: 2000, nullable: true })
  replyCorrection: string | null;

  @Column('int', { nullable: true })
  repliedById: number | null;

  @Field(() => Date, { nullable: true, description: 'When the last reply came' })
  @Column('datetime', { precision: 3, nullable: true })
  repliedAt: Date | null;

  @Field(() => Int, { description: 'Times the reply was sent back' })
  @Column('int', { default: 0 })
  sendBacks: number;

  @Field(() => String, { nullable: true, description: '退回理由 of the last send-back' })
  @Column('varchar', { length: 1000, nullable: true })
  sendBackReason: string | null;

  @Field(() => Date, { nullable: true, description: '上报: when it was escalated to the superior centre, unanswered past its reply deadline; from then on the superior centre’s admins and supervisors read it' })
  @Column('datetime', { precision: 3, nullable: true })
  escalatedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the issuer accepted the reply' })
  @Column('datetime', { precision: 3, nullable: true })
  acceptedAt: Date | null;

  /** The check run that issued it (random per run): tells a run which rows are its own. Null when issued by hand. */
  @Column('varchar', { length: 36, nullable: true })
  checkRun: string | null;

  /** The check run that escalated it. */
  @Column('varchar', { length: 36, nullable: true })
  escalationRun: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to every step' })
  @VersionColumn()
  version: number;
}

/** One step on a notice's timeline. */
@ObjectType({ implements: Node, description: 'One step on a supervision notice’s timeline' })
@Entity()
@Index(['tenantId', 'noticeId', 'id'])
export class SupervisionNoticeEvent extends TenantOwnedEntity {
  @Column('int')
  noticeId: number;

  @Field(() => SupervisionNoticeAction, { description: 'What was done' })
  @Column('varchar', { length: 16 })
  action: SupervisionNoticeAction;

  @Field(() => SupervisionNoticeStatus, { description: 'Status after' })
  @Column('varchar', { length: 16 })
  toStatus: SupervisionNoticeStatus;

  /** Null for the check. */
  @Column('int', { nullable: true })
  actorId: number | null;

  @Field({ description: 'Note: the reason of a send-back, the cause of an automatic notice' })
  @Column('varchar', { length: 1000, default: '' })
  note: string;

  @Field({ description: 'When' })
  @Column('datetime', { precision: 3 })
  at: Date;
}

/** A centre's supervision settings; a centre without a row uses the defaults. */
@ObjectType({ implements: Node, description: 'A centre’s supervision settings (电子监察设置)' })
@Entity()
@Index(['tenantId'], { unique: true })
export class SupervisionSettings extends TenantOwnedEntity {
  @Field(() => Int, { description: 'Working days a department has to answer a supervision notice (default 1)' })
  @Column('int')
  replyWorkingDays: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

/**
 * The first time the check saw an open case YELLOW or RED: one row per case and light
 * under a unique key, so a light change is reported once (for live alerts) whatever
 * the number of instances.
 */
@Entity()
@Index(['tenantId', 'applicationId', 'light'], { unique: true })
@Index(['tenantId', 'checkRun'])
export class CaseLightMark extends TenantOwnedEntity {
  @Column('int')
  applicationId: number;

  @Column('varchar', { length: 8 })
  light: SupervisionLight;

  @Column('varchar', { length: 36 })
  checkRun: string;

  @Column('datetime', { precision: 3 })
  markedAt: Date;
}

export enum SamplingVerdict {
  PENDING = 'PENDING',
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
}
registerEnumType(SamplingVerdict, {
  name: 'SamplingVerdict',
  description: '抽查结论 of one sampled case',
  valuesConfig: {
    PENDING: { description: '待检查: not inspected yet' },
    COMPLIANT: { description: '合规: nothing wrong' },
    NON_COMPLIANT: { description: '存在问题: the problems are listed; they may be the basis of a sanction (SAMPLING_FINDING)' },
  },
});

export enum SamplingProblem {
  INCOMPLETE_MATERIALS = 'INCOMPLETE_MATERIALS',
  OVERDUE = 'OVERDUE',
  OVERCHARGING = 'OVERCHARGING',
  IRREGULAR_PROCEDURE = 'IRREGULAR_PROCEDURE',
  OTHER = 'OTHER',
}
registerEnumType(SamplingProblem, {
  name: 'SamplingProblem',
  description: 'A problem an inspection of a finished case found (办件抽查)',
  valuesConfig: {
    INCOMPLETE_MATERIALS: { description: '材料不全: approved without every required material' },
    OVERDUE: { description: '超时: finished past the promised limit' },
    OVERCHARGING: { description: '超范围收费: charged beyond the fee standard (锦州 第八条)' },
    IRREGULAR_PROCEDURE: { description: '程序不符: a step skipped or out of order' },
    OTHER: { description: '其他: described in the note' },
  },
});

/**
 * 办件抽查 (锦州 第十一条): finished cases of a centre drawn at random. The seed is kept, so the
 * same seed over the same cases draws the same sample again, on either database.
 */
@ObjectType({ implements: Node, description: '办件抽查: a random, reproducible draw of finished cases (锦州 第十一条)' })
@Entity()
@Index(['tenantId', 'drawnAt'])
export class CaseSample extends TenantOwnedEntity {
  @Field({ description: 'First day of decisions drawn from, yyyy-mm-dd (centre’s local date)' })
  @Column('varchar', { length: 10 })
  fromDate: string;

  @Field({ description: 'Last day of decisions drawn from, yyyy-mm-dd, inclusive' })
  @Column('varchar', { length: 10 })
  toDate: string;

  @Column('int', { nullable: true })
  departmentId: number | null;

  @Field(() => Int, { description: 'Cases asked for' })
  @Column('int')
  size: number;

  @Field(() => Int, { description: 'Finished cases in the period (and department) the sample was drawn from' })
  @Column('int')
  population: number;

  @Field({ description: 'The seed of the draw (hex): the same seed over the same cases gives the same sample' })
  @Column('varchar', { length: 32 })
  seed: string;

  @Column('int')
  drawnById: number;

  @Field({ description: 'When it was drawn' })
  @Column('datetime', { precision: 3 })
  drawnAt: Date;
}

/** One case of a sample and the inspector's finding on it. */
@ObjectType({ implements: Node, description: 'A case in a sample (办件抽查) and the finding on it' })
@Entity()
@Index(['tenantId', 'sampleId', 'position'], { unique: true })
@Index(['tenantId', 'sampleId', 'applicationId'], { unique: true })
export class SampledCase extends TenantOwnedEntity {
  @Column('int')
  sampleId: number;

  @Field(() => Int, { description: 'Place in the draw, from 1' })
  @Column('int')
  position: number;

  @Column('int')
  applicationId: number;

  @Field(() => SamplingVerdict, { description: 'The finding' })
  @Column('varchar', { length: 16 })
  verdict: SamplingVerdict;

  @Field(() => [SamplingProblem], { description: 'The problems found; empty unless NON_COMPLIANT' })
  @Column('simple-json')
  problems: SamplingProblem[];

  @Field({ description: 'What the inspector noted' })
  @Column('varchar', { length: 2000, default: '' })
  note: string;

  @Column('int', { nullable: true })
  inspectedById: number | null;

  @Field(() => Date, { nullable: true, description: 'When the finding was recorded' })
  @Column('datetime', { precision: 3, nullable: true })
  inspectedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to record the finding' })
  @VersionColumn()
  version: number;
}
