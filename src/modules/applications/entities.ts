import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { GuardedField } from '../../auth/field-policy';
import { applicantAddress, applicantIdNumber, applicantName, applicantPhone } from './policies';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  AWAITING_SUPPLEMENT = 'AWAITING_SUPPLEMENT',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  REPORTED_UP = 'REPORTED_UP',
  SUSPENDED = 'SUSPENDED',
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
  RESULT_READY = 'RESULT_READY',
  DELIVERED = 'DELIVERED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: '办件状态: where a case is in its life cycle',
  valuesConfig: {
    SUBMITTED: { description: '接件: received, form being checked' },
    ACCEPTED: { description: '受理: the deadline clock runs' },
    AWAITING_SUPPLEMENT: { description: '补正: the one-time notice (一次性告知) lists what is missing, until the supplement deadline' },
    NOT_ACCEPTED: { description: '不予受理: outside the matter’s scope or conditions, or the supplement lapsed; final' },
    UNDER_REVIEW: { description: '审查中' },
    REPORTED_UP: { description: '上报件: reported to the higher authority; the centre’s clock ended at the report' },
    SUSPENDED: { description: '挂起 (特殊程序: site survey, expert review): the clock is stopped' },
    APPROVED: { description: '准予许可' },
    DENIED: { description: '不予许可, with the reason' },
    RESULT_READY: { description: '统一出件: the result is ready at the issuance window' },
    DELIVERED: { description: '送达: picked up or mailed' },
    WITHDRAWN: { description: '退件: withdrawn with a centre admin approval' },
  },
});

/** Every action on a case's timeline: intake, the life-cycle steps, and a deadline moved by the calendar. */
export enum ApplicationAction {
  RECEIVE = 'RECEIVE',
  ACCEPT = 'ACCEPT',
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  SUPPLEMENT = 'SUPPLEMENT',
  CLOSE_LAPSED_SUPPLEMENT = 'CLOSE_LAPSED_SUPPLEMENT',
  REFUSE = 'REFUSE',
  START_REVIEW = 'START_REVIEW',
  JOINT_OPINION = 'JOINT_OPINION',
  REOPEN_JOINT_OPINION = 'REOPEN_JOINT_OPINION',
  REPORT = 'REPORT',
  REPORT_REPLY = 'REPORT_REPLY',
  APPROVE = 'APPROVE',
  DENY = 'DENY',
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  EXTEND = 'EXTEND',
  RESULT_READY = 'RESULT_READY',
  DELIVER = 'DELIVER',
  REQUEST_WITHDRAWAL = 'REQUEST_WITHDRAWAL',
  DECIDE_WITHDRAWAL = 'DECIDE_WITHDRAWAL',
  DEADLINE_MOVED = 'DEADLINE_MOVED',
}
registerEnumType(ApplicationAction, {
  name: 'ApplicationAction',
  description: 'An action on a case (办件操作)',
  valuesConfig: {
    RECEIVE: { description: '接件: the window takes the case in' },
    ACCEPT: { description: '受理' },
    REQUEST_SUPPLEMENT: { description: '补正: ask for missing materials (一次性告知)' },
    SUPPLEMENT: { description: '补正材料 handed in' },
    CLOSE_LAPSED_SUPPLEMENT: { description: '逾期未补正: close as not accepted' },
    REFUSE: { description: '不予受理' },
    START_REVIEW: { description: '审查 starts' },
    JOINT_OPINION: { description: '联办 opinion of a joint department' },
    REOPEN_JOINT_OPINION: { description: '联办 opinion sent back for review' },
    REPORT: { description: '上报: the centre’s 同意申报 opinion' },
    REPORT_REPLY: { description: '上级批复: the higher authority’s reply' },
    APPROVE: { description: '准予许可' },
    DENY: { description: '不予许可' },
    SUSPEND: { description: '挂起 (特殊程序)' },
    RESUME: { description: '恢复计时' },
    EXTEND: { description: '延期' },
    RESULT_READY: { description: '出件' },
    DELIVER: { description: '送达' },
    REQUEST_WITHDRAWAL: { description: '退件 requested' },
    DECIDE_WITHDRAWAL: { description: '退件 decided by a centre admin' },
    DEADLINE_MOVED: { description: 'deadline moved by a calendar change' },
  },
});

export enum ApplicantKind {
  NATURAL_PERSON = 'NATURAL_PERSON',
  LEGAL_PERSON = 'LEGAL_PERSON',
}
registerEnumType(ApplicantKind, {
  name: 'ApplicantKind',
  description: '自然人 / 法人',
  valuesConfig: {
    NATURAL_PERSON: { description: '自然人: a person, identified by an ID document' },
    LEGAL_PERSON: { description: '法人: an organisation, with its 统一社会信用代码' },
  },
});

export enum IdDocumentType {
  RESIDENT_ID = 'RESIDENT_ID',
  PASSPORT = 'PASSPORT',
  HK_MACAO_PERMIT = 'HK_MACAO_PERMIT',
  TAIWAN_PERMIT = 'TAIWAN_PERMIT',
  FOREIGN_PERMANENT_RESIDENT = 'FOREIGN_PERMANENT_RESIDENT',
  OTHER = 'OTHER',
}
registerEnumType(IdDocumentType, {
  name: 'IdDocumentType',
  description: '证件类型: the applicant’s identity document',
  valuesConfig: {
    RESIDENT_ID: { description: '居民身份证 (18 characters with check digit)' },
    PASSPORT: { description: '护照' },
    HK_MACAO_PERMIT: { description: '港澳居民来往内地通行证' },
    TAIWAN_PERMIT: { description: '台湾居民来往大陆通行证' },
    FOREIGN_PERMANENT_RESIDENT: { description: '外国人永久居留身份证' },
    OTHER: { description: '其他证件' },
  },
});

export enum SupervisionLight {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(SupervisionLight, {
  name: 'SupervisionLight',
  description: '电子监察: GREEN on time, YELLOW at most one working day left, RED overdue',
  valuesConfig: {
    GREEN: { description: '绿灯: on time, more than one working day left' },
    YELLOW: { description: '黄灯: at most one working day left before the deadline' },
    RED: { description: '红灯: overdue' },
  },
});

export enum Decision {
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
}

export enum DeliveryMethod {
  PICKUP = 'PICKUP',
  MAIL = 'MAIL',
}
registerEnumType(DeliveryMethod, {
  name: 'DeliveryMethod',
  description: '窗口领取 / 证照寄送',
  valuesConfig: {
    PICKUP: { description: '窗口领取: picked up at the window' },
    MAIL: { description: '证照寄送: mailed, with carrier and tracking number' },
  },
});

export enum NotAcceptedReason {
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  SUPPLEMENT_LAPSED = 'SUPPLEMENT_LAPSED',
}
registerEnumType(NotAcceptedReason, {
  name: 'NotAcceptedReason',
  description: '不予受理: why a case was not accepted',
  valuesConfig: {
    OUT_OF_SCOPE: { description: '不属于本事项受理范围或不符合受理条件' },
    SUPPLEMENT_LAPSED: { description: '逾期未补正' },
  },
});

export enum ApplicantNotification {
  PHONE = 'PHONE',
  SMS = 'SMS',
  LETTER = 'LETTER',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(ApplicantNotification, {
  name: 'ApplicantNotification',
  description: 'How the applicant was told: 电话 / 短信 / 书面 / 当面',
  valuesConfig: {
    PHONE: { description: '电话: by phone' },
    SMS: { description: '短信: by text message' },
    LETTER: { description: '书面: in writing' },
    IN_PERSON: { description: '当面: in person' },
  },
});

export enum SuspensionKind {
  SITE_SURVEY = 'SITE_SURVEY',
  JOINT_SURVEY = 'JOINT_SURVEY',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  HEARING = 'HEARING',
  OTHER = 'OTHER',
}
registerEnumType(SuspensionKind, {
  name: 'SuspensionKind',
  description: '特殊程序: 现场勘验 / 联合踏勘 (联办件) / 专家评审 / 听证 / 其他',
  valuesConfig: {
    SITE_SURVEY: { description: '现场勘验: site survey' },
    JOINT_SURVEY: { description: '联合踏勘: joint site survey of the departments of a 联办件' },
    EXPERT_REVIEW: { description: '专家评审: expert review' },
    HEARING: { description: '听证: hearing' },
    OTHER: { description: '其他: another special procedure, named in the reason' },
  },
});

/** One item of the one-time notice (一次性告知). */
export interface NoticeItem {
  material: string;
  problem: 'MISSING' | 'INVALID';
  note: string;
}

/**
 * 办件: one applicant's case for one matter. Applicant PII is guarded by the field-policy
 * table (applications/policies.ts). `dueAt` is the deadline instant; the light is derived.
 */
@ObjectType({ implements: Node, description: '办件: one applicant’s case for one matter' })
@Entity()
@Index(['tenantId', 'number'], { unique: true })
@Index(['tenantId', 'status', 'dueAt'])
@Index(['tenantId', 'receivedAt'])
@Index(['tenantId', 'matterId', 'receivedAt'])
@Index(['tenantId', 'departmentId', 'receivedAt'])
@Index(['tenantId', 'receivingWindowId', 'receivedAt'])
@Index(['tenantId', 'dueAt'])
@Index(['tenantId', 'applicantIdNumber'])
@Index(['tenantId', 'applicantName'])
export class Application extends TenantOwnedEntity {
  @Field({ description: '办件编号: <tenant code>-<yyyymmdd>-<6-digit sequence>' })
  @Column('varchar', { length: 24 })
  number: string;

  @Column('int')
  matterId: number;

  /** The implementing department at intake (the matter's, copied so later edits do not move cases). */
  @Column('int')
  departmentId: number;

  @Column('int')
  receivingWindowId: number;

  @Column('int')
  receivedById: number;

  @Field(() => ApplicantKind, { description: '申请人类型: natural or legal person' })
  @Column('varchar', { length: 16 })
  applicantKind: ApplicantKind;

  @GuardedField(applicantName, '申请人姓名 / 名称')
  @Column('varchar', { length: 100 })
  applicantName: string;

  @Field(() => IdDocumentType, { description: '证件类型 of the applicant (not guarded; the number is)' })
  @Column('varchar', { length: 32 })
  applicantIdType: IdDocumentType;

  @GuardedField(applicantIdNumber, '证件号码')
  @Column('varchar', { length: 32 })
  applicantIdNumber: string;

  @GuardedField(applicantPhone, '联系电话')
  @Column('varchar', { length: 20 })
  applicantPhone: string;

  @GuardedField(applicantAddress, '联系地址')
  @Column('varchar', { length: 200 })
  applicantAddress: string;

  /** 统一社会信用代码 of a legal-person applicant. */
  @Field(() => String, { nullable: true, description: '统一社会信用代码 (legal persons)' })
  @Column('varchar', { length: 18, nullable: true })
  creditCode: string | null;

  @Field(() => ApplicationStatus, { description: '办件状态 now' })
  @Column('varchar', { length: 24 })
  status: ApplicationStatus;

  /** The status to return to when a suspension ends. */
  @Column('varchar', { length: 24, nullable: true })
  statusBeforeSuspension: ApplicationStatus | null;

  @Field({ description: '接件: when the window took the case in' })
  @Column('datetime', { precision: 3 })
  receivedAt: Date;

  @Field(() => Date, { nullable: true, description: '受理: when the case was accepted (the clock starts); null before' })
  @Column('datetime', { nullable: true, precision: 3 })
  acceptedAt: Date | null;

  /** 办结时限: set at acceptance, moved by suspensions and extensions. */
  @Field(() => Date, { nullable: true, description: 'Deadline (办结时限), set at acceptance; moved by suspensions and extensions' })
  @Column('datetime', { nullable: true, precision: 3 })
  dueAt: Date | null;

  @Field({ description: 'The deadline falls in (or crosses) a year whose national holiday schedule is not loaded yet: weekends only, provisional' })
  @Column('boolean', { default: false })
  dueAtProvisional: boolean;

  @Field(() => Date, { nullable: true, description: '挂起: when the running suspension started; null when not suspended' })
  @Column('datetime', { nullable: true, precision: 3 })
  suspendedAt: Date | null;

  /** Working days spent suspended so far: they count neither to the promised nor to the legal limit. */
  @Column('int', { default: 0 })
  suspendedDays: number;

  @Field(() => Date, { nullable: true, description: '补正期限: the applicant hands in what the notice lists by then' })
  @Column('datetime', { nullable: true, precision: 3 })
  supplementDueAt: Date | null;

  @Field(() => NotAcceptedReason, { nullable: true, description: '不予受理: why' })
  @Column('varchar', { length: 24, nullable: true })
  notAcceptedReason: NotAcceptedReason | null;

  @Field(() => Int, { description: 'Working days added by extensions (延期)' })
  @Column('int', { default: 0 })
  extensionDays: number;

  @Column('varchar', { length: 8, nullable: true })
  decision: Decision | null;

  @Field(() => Date, { nullable: true, description: '办结: when it was approved or denied; null before the decision' })
  @Column('datetime', { nullable: true, precision: 3 })
  decidedAt: Date | null;

  /** Working days from acceptance to decision, computed on the tenant's calendar at decision. */
  @Column('int', { nullable: true })
  decisionWorkingDays: number | null;

  @Field(() => String, { nullable: true, description: '不予许可 reason' })
  @Column('varchar', { length: 1000, nullable: true })
  denialReason: string | null;

  /** 一次性告知: every missing or invalid material, at once. */
  @Column('simple-json', { nullable: true })
  oneTimeNotice: NoticeItem[] | null;

  /** Ids of the matter's materials handed in so far (at acceptance, 补正 and 补件); null before any were recorded. */
  @Column('simple-json', { nullable: true })
  providedMaterialIds: number[] | null;

  @Field(() => String, { nullable: true, description: '上报件: the higher authority it was reported to' })
  @Column('varchar', { length: 200, nullable: true })
  reportedTo: string | null;

  @Field(() => Date, { nullable: true, description: '上报件: when the centre sent its 同意申报 opinion; its own clock ended there' })
  @Column('datetime', { nullable: true, precision: 3 })
  reportedAt: Date | null;

  @Field(() => String, { nullable: true, description: '上报件: the higher authority’s reply' })
  @Column('varchar', { length: 1000, nullable: true })
  reportReply: string | null;

  @Field(() => Date, { nullable: true, description: '上报件: when the higher authority replied' })
  @Column('datetime', { nullable: true, precision: 3 })
  reportRepliedAt: Date | null;

  @Field(() => String, { nullable: true, description: '退件: the pending withdrawal request’s reason' })
  @Column('varchar', { length: 500, nullable: true })
  withdrawalReason: string | null;

  @Field(() => DeliveryMethod, { nullable: true, description: '送达: picked up or mailed; null before delivery' })
  @Column('varchar', { length: 8, nullable: true })
  deliveryMethod: DeliveryMethod | null;

  @Field(() => String, { nullable: true, description: '证照寄送: the carrier (快递公司), e.g. EMS; null unless mailed' })
  @Column('varchar', { length: 32, nullable: true })
  carrier: string | null;

  @Field(() => String, { nullable: true, description: '证照寄送: the tracking number (运单号); null unless mailed' })
  @Column('varchar', { length: 40, nullable: true })
  trackingNumber: string | null;

  @Field(() => Date, { nullable: true, description: '送达: when the result was handed over or mailed; null before' })
  @Column('datetime', { nullable: true, precision: 3 })
  deliveredAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to every transition' })
  @VersionColumn()
  version: number;
}

/** A timeline event: one transition of a case (who, when, from, to, note). */
@ObjectType({ implements: Node, description: 'One step on a case’s timeline' })
@Entity()
@Index(['tenantId', 'applicationId', 'id'])
export class ApplicationEvent extends TenantOwnedEntity {
  @Column('int')
  applicationId: number;

  @Field(() => ApplicationAction, { description: 'What was done' })
  @Column('varchar', { length: 24 })
  action: `${ApplicationAction}`;

  @Field(() => ApplicationStatus, { nullable: true, description: 'Status before the step; null for intake (接件)' })
  @Column('varchar', { length: 24, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Field(() => ApplicationStatus, { description: 'Status after the step (the same as before for remarks such as 延期)' })
  @Column('varchar', { length: 24 })
  toStatus: ApplicationStatus;

  @Column('int', { nullable: true })
  actorId: number | null;

  @Field({ description: 'When the step was taken' })
  @Column('datetime', { precision: 3 })
  at: Date;

  @Field({ description: 'Reason or remark; never shown on the public progress page' })
  @Column('varchar', { length: 1000, default: '' })
  note: string;
}

/** 联办件: one joint department's opinion on a case. */
@ObjectType({ implements: Node, description: '联办件: one joint department’s opinion' })
@Entity()
@Index(['tenantId', 'applicationId', 'departmentId'], { unique: true })
export class JointOpinion extends TenantOwnedEntity {
  @Column('int')
  applicationId: number;

  @Column('int')
  departmentId: number;

  @Field({ description: 'Agrees (同意) or not' })
  @Column('boolean')
  agrees: boolean;

  @Field({ description: 'The department’s remark or reasons; may be empty' })
  @Column('varchar', { length: 1000, default: '' })
  note: string;

  @Column('int')
  actorId: number;

  @Field({ description: 'When the opinion was recorded' })
  @CreateDateColumn()
  at: Date;
}

/**
 * The case-number sequence of one tenant and day, incremented in the intake's own
 * transaction (a row lock), so numbers are gap-free and unique across API instances.
 */
@Entity()
export class ApplicationCounter {
  @PrimaryColumn('int')
  tenantId: number;

  @PrimaryColumn('varchar', { length: 8 })
  day: string;

  @Column('int')
  lastSequence: number;
}

/**
 * 数据统计 rollup: what the cases received in one period (a local day, and its month, in
 * the tenant's time zone) at one window, for one matter and implementing department,
 * count today. Each case write adds its difference to its day's and its month's rows in
 * its own transaction (additive, so exact with any number of API instances);
 * `npm run rebuild-rollups` recounts from the cases. Keyed by its primary key (no id),
 * so a range is read in key order; a year is about twelve months of rows, not 250 days.
 */
@Entity()
export class ApplicationStatsRollup {
  @PrimaryColumn('int')
  tenantId: number;

  /** A day 'YYYY-MM-DD' or a month 'MYYYY-MM': months sort after every day, so a range holds one kind. */
  @PrimaryColumn('varchar', { length: 10 })
  period: string;

  @PrimaryColumn('int')
  departmentId: number;

  @PrimaryColumn('int')
  receivingWindowId: number;

  @PrimaryColumn('int')
  matterId: number;

  @Column('int', { default: 0 })
  received: number;

  @Column('int', { default: 0 })
  accepted: number;

  @Column('int', { default: 0 })
  supplementRequested: number;

  @Column('int', { default: 0 })
  notAccepted: number;

  @Column('int', { default: 0 })
  reportedUp: number;

  @Column('int', { default: 0 })
  approved: number;

  @Column('int', { default: 0 })
  denied: number;

  @Column('int', { default: 0 })
  delivered: number;

  @Column('int', { default: 0 })
  decided: number;

  @Column('int', { default: 0 })
  decidedOnTime: number;

  /** Sum and count of the cases' working days from acceptance to decision, for the average. */
  @Column('int', { default: 0 })
  workingDaysTotal: number;

  @Column('int', { default: 0 })
  workingDaysCount: number;
}

/** 帮办代办 programmes of the centre's 业务协调部 (鞍山 衔接 三.6 项目服务). */
export enum AgencyServiceKind {
  KEY_PROJECT = 'KEY_PROJECT',
  HIGH_LEVEL_TALENT = 'HIGH_LEVEL_TALENT',
  MULTI_EVALUATION = 'MULTI_EVALUATION',
  MULTI_DRAWING_REVIEW = 'MULTI_DRAWING_REVIEW',
  JOINT_ACCEPTANCE = 'JOINT_ACCEPTANCE',
}
registerEnumType(AgencyServiceKind, {
  name: 'AgencyServiceKind',
  description: '帮办代办: which service of 三.6 项目服务 the help belongs to',
  valuesConfig: {
    KEY_PROJECT: { description: '重点项目服务: a key (construction) project' },
    HIGH_LEVEL_TALENT: { description: '高层次人才创新创业审批: a high-level talent’s start-up' },
    MULTI_EVALUATION: { description: '多评合一: several evaluations done as one' },
    MULTI_DRAWING_REVIEW: { description: '多图联审: joint review of the drawings' },
    JOINT_ACCEPTANCE: { description: '联合验收: joint completion acceptance' },
  },
});

/**
 * 帮办代办 (鞍山 衔接 三.3, 三.6): a staff member of the centre helped the applicant with
 * this case, for a key project. At most one per case; the centre's 业务协调部 counts them
 * in the statistics it reports up to the bureau.
 */
@ObjectType({ implements: Node, description: '帮办代办: a staff member of the centre helped with the case, for a key project' })
@Entity()
@Index(['tenantId', 'applicationId'], { unique: true })
@Index(['tenantId', 'helpedAt'])
export class AgencyService extends TenantOwnedEntity {
  @Column('int')
  applicationId: number;

  @Field(() => AgencyServiceKind, { description: '项目服务 the help belongs to (重点项目, 高层次人才, 多评合一 …)' })
  @Column('varchar', { length: 24 })
  kind: AgencyServiceKind;

  @Field({ description: '重点项目名称: the key project (or the talent’s venture) the case serves' })
  @Column('varchar', { length: 200 })
  projectName: string;

  /** 帮办人: a staff member of one of the centre's own departments (CENTRE). */
  @Column('int')
  helperId: number;

  @Field({ description: 'When the help was given (not in the future)' })
  @Column('datetime', { precision: 3 })
  helpedAt: Date;

  @Field({ description: 'What was done for the applicant; may be empty' })
  @Column('varchar', { length: 500, default: '' })
  note: string;

  @Column('int')
  recordedById: number;

  @Field({ description: 'When it was recorded or last changed' })
  @Column('datetime', { precision: 3 })
  recordedAt: Date;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to change the record' })
  @VersionColumn()
  version: number;
}
