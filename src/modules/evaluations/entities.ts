import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { GuardedField } from '../../auth/field-policy';
import { raterContactPolicy, raterNamePolicy } from './policies';

export enum EvaluationLevel {
  VERY_SATISFIED = 'VERY_SATISFIED',
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
  VERY_DISSATISFIED = 'VERY_DISSATISFIED',
}
registerEnumType(EvaluationLevel, {
  name: 'EvaluationLevel',
  description: '好差评: the five levels of the national 好差评 system, best first',
  valuesConfig: {
    VERY_SATISFIED: { description: '非常满意 (rating 5)' },
    SATISFIED: { description: '满意 (rating 4)' },
    BASICALLY_SATISFIED: { description: '基本满意 (rating 3)' },
    DISSATISFIED: { description: '不满意 (rating 2): a 差评, opens a rectification (整改)' },
    VERY_DISSATISFIED: { description: '非常不满意 (rating 1): a 差评, opens a rectification (整改)' },
  },
});

/** GLOSSARY: `Evaluation` (`rating` 1–5). */
export const RATING: Readonly<Record<EvaluationLevel, number>> = {
  VERY_SATISFIED: 5,
  SATISFIED: 4,
  BASICALLY_SATISFIED: 3,
  DISSATISFIED: 2,
  VERY_DISSATISFIED: 1,
};
/** 差评: the two lowest levels. */
export const BAD_LEVELS = [EvaluationLevel.DISSATISFIED, EvaluationLevel.VERY_DISSATISFIED];
/** 满意: the top three levels (the satisfaction rate's numerator). */
export const SATISFIED_LEVELS = [EvaluationLevel.VERY_SATISFIED, EvaluationLevel.SATISFIED, EvaluationLevel.BASICALLY_SATISFIED];

export enum EvaluationReason {
  ATTITUDE = 'ATTITUDE',
  EFFICIENCY = 'EFFICIENCY',
  MATERIAL_REQUIREMENTS = 'MATERIAL_REQUIREMENTS',
  REPEATED_VISITS = 'REPEATED_VISITS',
  FEES = 'FEES',
  OTHER = 'OTHER',
}
registerEnumType(EvaluationReason, {
  name: 'EvaluationReason',
  description: '差评原因: why a rating is one of the two lowest (required for those, refused for the others)',
  valuesConfig: {
    ATTITUDE: { description: '态度' },
    EFFICIENCY: { description: '效率' },
    MATERIAL_REQUIREMENTS: { description: '材料要求' },
    REPEATED_VISITS: { description: '多次跑' },
    FEES: { description: '收费' },
    OTHER: { description: '其他' },
  },
});

export enum EvaluationChannel {
  WINDOW_DEVICE = 'WINDOW_DEVICE',
  ONLINE = 'ONLINE',
  SMS = 'SMS',
  QR_CODE = 'QR_CODE',
  HOTLINE_12345 = 'HOTLINE_12345',
}
registerEnumType(EvaluationChannel, {
  name: 'EvaluationChannel',
  description: 'How a rating (好差评) reached the centre',
  valuesConfig: {
    WINDOW_DEVICE: { description: '窗口评价器: the rating pad at the window, under the window staff member’s session (recordEvaluation)' },
    ONLINE: { description: '网上评价: without signing in, by case number and the phone’s last four digits (evaluateCase)' },
    SMS: { description: '短信评价: the link in the text message, as ONLINE (evaluateCase)' },
    QR_CODE: { description: '扫码评价: the code on the result, as ONLINE (evaluateCase)' },
    HOTLINE_12345: { description: '12345 热线: recorded by a centre admin or supervisor (recordEvaluation)' },
  },
});

/**
 * 好差评 (锦州 第二十六条 服务对象评价): one rating of a finished case, or of a service at a
 * window without a case (咨询). It is tied to the case's receiving window and staff and
 * its implementing department (for a 咨询: the window, the staff member and the window's
 * department). The rater's identity is guarded like a complainant's.
 */
@ObjectType({ implements: Node, description: '好差评: one rating of a finished case or of a service at a window (咨询)' })
@Entity()
@Index(['tenantId', 'applicationId', 'channel'], { unique: true })
@Index(['tenantId', 'ratedAt'])
@Index(['tenantId', 'staffId', 'ratedAt'])
export class Evaluation extends TenantOwnedEntity {
  @Field(() => EvaluationChannel, { description: 'How the rating came in' })
  @Column('varchar', { length: 16 })
  channel: EvaluationChannel;

  @Field(() => EvaluationLevel, { description: 'The level given' })
  @Column('varchar', { length: 20 })
  level: EvaluationLevel;

  /** Reasons of a 差评 (empty otherwise). */
  @Field(() => [EvaluationReason], { description: '差评原因; empty for the top three levels' })
  @Column('simple-json')
  reasons: EvaluationReason[];

  @Field(() => String, { nullable: true, description: '评价内容: what the rater wrote, if anything' })
  @Column('varchar', { length: 500, nullable: true })
  comment: string | null;

  /** The case rated; null for a 咨询 (a service at a window without a case). */
  @Column('int', { nullable: true })
  applicationId: number | null;

  @Column('int', { nullable: true })
  matterId: number | null;

  /** The case's receiving window, or the window of the 咨询. */
  @Column('int')
  windowId: number;

  /** The staff member who served: the case's receiving clerk, or the window staff of the 咨询. */
  @Column('int')
  staffId: number;

  /** The case's implementing department, or the window's department for a 咨询. */
  @Column('int')
  departmentId: number;

  /** When the service was given: the case's decision (or its intake, for a refusal or withdrawal), or the 咨询 itself. */
  @Column('datetime', { precision: 3 })
  servedAt: Date;

  @Field({ description: 'When the rating was given' })
  @Column('datetime', { precision: 3 })
  ratedAt: Date;

  /** The staff member who recorded it (window pad, 12345); null for a public rating. */
  @Column('int', { nullable: true })
  recordedById: number | null;

  @GuardedField(raterNamePolicy, '评价人: the applicant of the case, or the name given for a 咨询 or by 12345')
  @Column('varchar', { length: 100, nullable: true })
  raterName: string | null;

  @GuardedField(raterContactPolicy, '评价人联系方式: for the return visit (回访)')
  @Column('varchar', { length: 100, nullable: true })
  raterContact: string | null;
}

export enum RectificationStatus {
  AWAITING_VERIFICATION = 'AWAITING_VERIFICATION',
  VERIFIED_VALID = 'VERIFIED_VALID',
  NOT_VALID = 'NOT_VALID',
  RECTIFIED = 'RECTIFIED',
  CLOSED = 'CLOSED',
}
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: '整改 of a 差评, from the return visit that verifies it to the last return visit',
  valuesConfig: {
    AWAITING_VERIFICATION: { description: '待回访核实: due within the verification working days (default 1)' },
    VERIFIED_VALID: { description: '核实属实: the plan is recorded; rectification due within the rectification working days (default 15)' },
    NOT_VALID: { description: '核实不属实: closed without rectification' },
    RECTIFIED: { description: '已整改: what was done is recorded; waiting for the last return visit' },
    CLOSED: { description: '已办结: closed after the last return visit (回访)' },
  },
});

export enum RectificationAction {
  OPEN = 'OPEN',
  VERIFY = 'VERIFY',
  RECTIFY = 'RECTIFY',
  RETURN_VISIT = 'RETURN_VISIT',
}
registerEnumType(RectificationAction, {
  name: 'RectificationAction',
  description: 'A step on a rectification’s timeline',
  valuesConfig: {
    OPEN: { description: 'Opened by a 差评' },
    VERIFY: { description: '回访核实: valid (with the plan) or not (verifyRectification)' },
    RECTIFY: { description: '整改完成: what was done (completeRectification)' },
    RETURN_VISIT: { description: '整改回访: the last return visit, closing it (recordRectificationReturnVisit)' },
  },
});

/** Which deadline of a rectification is running (or was missed). */
export enum RectificationStage {
  VERIFICATION = 'VERIFICATION',
  RECTIFICATION = 'RECTIFICATION',
}
registerEnumType(RectificationStage, {
  name: 'RectificationStage',
  description: 'The step a rectification is waiting for',
  valuesConfig: {
    VERIFICATION: { description: '回访核实 (verifyDueAt)' },
    RECTIFICATION: { description: '整改 (rectifyDueAt)' },
  },
});

/**
 * 整改 of a 差评, owned by the centre (the centre admins, 锦州 第二十六条 市审批办负责 …
 * 服务对象评价): verified by a return visit, then rectified on a plan and visited again.
 * `dueAt` is the running step's deadline (null once none runs), for 电子监察.
 */
@ObjectType({ implements: Node, description: '整改: the follow-up of a 差评, owned by the centre' })
@Entity()
@Index(['tenantId', 'evaluationId'], { unique: true })
@Index(['tenantId', 'status', 'dueAt'])
export class Rectification extends TenantOwnedEntity {
  @Column('int')
  evaluationId: number;

  /** Copied from the evaluation: who answers for it. */
  @Column('int')
  responsibleDepartmentId: number;

  @Column('int')
  responsibleStaffId: number;

  @Column('int')
  windowId: number;

  @Field(() => RectificationStatus, { description: 'Where the rectification is' })
  @Column('varchar', { length: 24 })
  status: RectificationStatus;

  @Field({ description: '回访核实 due: the end of the last verification working day after the rating, on the centre’s calendar' })
  @Column('datetime', { precision: 3 })
  verifyDueAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was verified' })
  @Column('datetime', { precision: 3, nullable: true })
  verifiedAt: Date | null;

  @Column('int', { nullable: true })
  verifiedById: number | null;

  @Field(() => String, { nullable: true, description: '核实情况: what the return visit found' })
  @Column('varchar', { length: 1000, nullable: true })
  verificationNote: string | null;

  @Field(() => String, { nullable: true, description: '整改方案: the plan of a valid 差评' })
  @Column('varchar', { length: 1000, nullable: true })
  plan: string | null;

  @Field(() => Date, { nullable: true, description: '整改期限: the end of the last rectification working day after verification; null unless valid' })
  @Column('datetime', { precision: 3, nullable: true })
  rectifyDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the rectification was completed' })
  @Column('datetime', { precision: 3, nullable: true })
  rectifiedAt: Date | null;

  @Column('int', { nullable: true })
  rectifiedById: number | null;

  @Field(() => String, { nullable: true, description: '整改情况: what was done' })
  @Column('varchar', { length: 1000, nullable: true })
  actionTaken: string | null;

  @Field(() => Boolean, { nullable: true, description: '整改回访: whether the rater was satisfied at the last return visit' })
  @Column('boolean', { nullable: true })
  returnVisitSatisfied: boolean | null;

  @Field(() => String, { nullable: true, description: '整改回访 note' })
  @Column('varchar', { length: 1000, nullable: true })
  returnVisitNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last return visit was made' })
  @Column('datetime', { precision: 3, nullable: true })
  returnVisitAt: Date | null;

  @Column('int', { nullable: true })
  returnVisitById: number | null;

  @Field(() => Date, { nullable: true, description: 'The running step’s deadline (verification, then rectification); null once none runs' })
  @Column('datetime', { precision: 3, nullable: true })
  dueAt: Date | null;

  @Field({ description: 'When it was opened (the 差评)' })
  @Column('datetime', { precision: 3 })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended (not valid, or closed after the last return visit)' })
  @Column('datetime', { precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to every step' })
  @VersionColumn()
  version: number;
}

/** One step on a rectification's timeline. */
@ObjectType({ implements: Node, description: 'One step on a rectification’s timeline' })
@Entity()
@Index(['tenantId', 'rectificationId', 'id'])
export class RectificationEvent extends TenantOwnedEntity {
  @Column('int')
  rectificationId: number;

  @Field(() => RectificationAction, { description: 'What was done' })
  @Column('varchar', { length: 16 })
  action: RectificationAction;

  @Field(() => RectificationStatus, { nullable: true, description: 'Status before; null when opened' })
  @Column('varchar', { length: 24, nullable: true })
  fromStatus: RectificationStatus | null;

  @Field(() => RectificationStatus, { description: 'Status after' })
  @Column('varchar', { length: 24 })
  toStatus: RectificationStatus;

  /** Null when a public rating opened it. */
  @Column('int', { nullable: true })
  actorId: number | null;

  @Field({ description: 'When' })
  @Column('datetime', { precision: 3 })
  at: Date;
}

/** A centre's 好差评 settings; a centre without a row uses the defaults. */
@ObjectType({ implements: Node, description: 'A centre’s 好差评 settings (整改时限)' })
@Entity()
@Index(['tenantId'], { unique: true })
export class EvaluationSettings extends TenantOwnedEntity {
  @Field(() => Int, { description: 'Working days to verify a 差评 by return visit (回访核实), from the rating (default 1)' })
  @Column('int')
  verifyWorkingDays: number;

  @Field(() => Int, { description: 'Working days to rectify a valid 差评, from its verification (default 15)' })
  @Column('int')
  rectifyWorkingDays: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
