import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { GuardedField } from '../../auth/field-policy';
import { complainantContactPolicy, complainantNamePolicy, complaintContentPolicy, complaintFindingsPolicy } from './policies';

export enum ComplaintChannel {
  MAILBOX = 'MAILBOX',
  PHONE = 'PHONE',
  HOTLINE_12345 = 'HOTLINE_12345',
  ONLINE = 'ONLINE',
  ON_SITE = 'ON_SITE',
}
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: 'How a complaint (投诉) reached the centre (锦州 第二十七条)',
  valuesConfig: {
    MAILBOX: { description: '投诉信箱: the complaint box in the hall' },
    PHONE: { description: '投诉电话: the centre’s complaint line' },
    HOTLINE_12345: { description: '12345 政务服务便民热线, passed on to the centre' },
    ONLINE: { description: '网上投诉: filed by the complainant without signing in (fileComplaint)' },
    ON_SITE: { description: '现场投诉: in person at the centre' },
  },
});

export enum ComplaintCategory {
  ATTITUDE = 'ATTITUDE',
  EFFICIENCY = 'EFFICIENCY',
  FEES = 'FEES',
  VIOLATION = 'VIOLATION',
  OTHER = 'OTHER',
}
registerEnumType(ComplaintCategory, {
  name: 'ComplaintCategory',
  description: 'What a complaint is about',
  valuesConfig: {
    ATTITUDE: { description: '服务态度' },
    EFFICIENCY: { description: '工作效率: delays, 推诿' },
    FEES: { description: '收费: off-standard or unauthorised charging (锦州 第二十八条(九))' },
    VIOLATION: { description: '违法违纪: handled by supervision (监察, 锦州 第二十七条)' },
    OTHER: { description: '其他' },
  },
});

export enum ComplaintStatus {
  RECEIVED = 'RECEIVED',
  ASSIGNED = 'ASSIGNED',
  INVESTIGATING = 'INVESTIGATING',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: 'Where a complaint is, from intake to return visit',
  valuesConfig: {
    RECEIVED: { description: '已受理: received, routed, not yet assigned' },
    ASSIGNED: { description: '已分派: assigned to an investigator' },
    INVESTIGATING: { description: '核查中: being investigated' },
    RESOLVED: { description: '已答复: findings made and the reply published; waiting for the return visit' },
    CLOSED: { description: '已办结: closed after the return visit (回访)' },
  },
});

export enum ComplaintOutcome {
  UPHELD = 'UPHELD',
  NOT_UPHELD = 'NOT_UPHELD',
}
registerEnumType(ComplaintOutcome, {
  name: 'ComplaintOutcome',
  description: 'What the investigation found',
  valuesConfig: {
    UPHELD: { description: '投诉属实' },
    NOT_UPHELD: { description: '投诉不属实' },
  },
});

export enum ComplaintHandler {
  CENTRE = 'CENTRE',
  SUPERVISION = 'SUPERVISION',
}
registerEnumType(ComplaintHandler, {
  name: 'ComplaintHandler',
  description: 'Who handles a complaint (锦州 第二十七条)',
  valuesConfig: {
    CENTRE: { description: '市审批办: general complaints, by the centre admins (CENTRE_ADMIN)' },
    SUPERVISION: { description: '监察: law and discipline complaints, by supervision (SUPERVISOR)' },
  },
});

export enum ComplaintAction {
  RECEIVE = 'RECEIVE',
  ASSIGN = 'ASSIGN',
  START_INVESTIGATION = 'START_INVESTIGATION',
  RESOLVE = 'RESOLVE',
  RETURN_VISIT = 'RETURN_VISIT',
  REOPEN = 'REOPEN',
}
registerEnumType(ComplaintAction, {
  name: 'ComplaintAction',
  description: 'A step on a complaint’s timeline',
  valuesConfig: {
    RECEIVE: { description: '受理: filed online or recorded by staff, and routed' },
    ASSIGN: { description: '分派 to an investigator (assignComplaint)' },
    START_INVESTIGATION: { description: '开始核查 (startComplaintInvestigation)' },
    RESOLVE: { description: '答复: findings and the reply (resolveComplaint)' },
    RETURN_VISIT: { description: '回访, closing the complaint (recordComplaintReturnVisit)' },
    REOPEN: { description: '重新核查 after an unsatisfied return visit (recordComplaintReturnVisit with reopen)' },
  },
});

/**
 * 投诉 (锦州 第十一条, 第二十七条): one complaint from intake to return visit. Its subject
 * (window, staff member, department, case) is in the tenant complained to; the
 * complainant's identity and the text are guarded by the field-policy table.
 */
@ObjectType({ implements: Node, description: '投诉: a complaint to a centre, from intake to return visit (回访)' })
@Entity()
@Index(['tenantId', 'number'], { unique: true })
@Index(['tenantId', 'status', 'dueAt'])
@Index(['tenantId', 'receivedAt'])
export class Complaint extends TenantOwnedEntity {
  @Field({ description: '投诉编号: <tenant code>-TS-<yyyymmdd>-<seq>, gap-free per centre and day' })
  @Column('varchar', { length: 32 })
  number: string;

  /** SHA-256 of the query code given once to the complainant; the code itself is never stored. */
  @Column('varchar', { length: 64 })
  queryCodeHash: string;

  @Field(() => ComplaintChannel, { description: 'How it reached the centre' })
  @Column('varchar', { length: 16 })
  channel: ComplaintChannel;

  @Field(() => ComplaintCategory, { description: 'What it is about; VIOLATION goes to supervision' })
  @Column('varchar', { length: 16 })
  category: ComplaintCategory;

  @Field(() => ComplaintHandler, { description: 'Who handles it, by category (锦州 第二十七条)' })
  @Column('varchar', { length: 12 })
  handler: ComplaintHandler;

  @Column('int')
  handlingDepartmentId: number;

  @Field(() => ComplaintStatus, { description: 'Where the complaint is, from intake to return visit' })
  @Column('varchar', { length: 16 })
  status: ComplaintStatus;

  @Field({ description: '匿名投诉: filed without the complainant’s name or contact' })
  @Column('boolean')
  anonymous: boolean;

  @GuardedField(complainantNamePolicy, 'Complainant’s name (投诉人姓名); null for an anonymous complaint')
  @Column('varchar', { length: 100, nullable: true })
  complainantName: string | null;

  @GuardedField(complainantContactPolicy, 'Complainant’s contact (联系方式: phone or address); null for an anonymous complaint')
  @Column('varchar', { length: 100, nullable: true })
  complainantContact: string | null;

  @GuardedField(complaintContentPolicy, 'What the complainant says (投诉内容)')
  @Column('varchar', { length: 2000 })
  content: string;

  @Column('int', { nullable: true })
  windowId: number | null;

  @Column('int', { nullable: true })
  staffId: number | null;

  @Column('int', { nullable: true })
  departmentId: number | null;

  @Column('int', { nullable: true })
  applicationId: number | null;

  /** The staff member who recorded it; null when filed online. */
  @Column('int', { nullable: true })
  receivedById: number | null;

  @Field({ description: 'When it was received' })
  @Column('datetime', { precision: 3 })
  receivedAt: Date;

  @Field({ description: 'Reply due: the end of the last of the tenant’s reply working days (default 10), on its calendar; set again on reopening' })
  @Column('datetime', { precision: 3 })
  dueAt: Date;

  @Column('int', { nullable: true })
  assigneeId: number | null;

  @Field(() => ComplaintOutcome, { nullable: true, description: 'Upheld or not; null until resolved' })
  @Column('varchar', { length: 12, nullable: true })
  outcome: ComplaintOutcome | null;

  @GuardedField(complaintFindingsPolicy, '核查情况: what the investigation found; null until resolved')
  @Column('varchar', { length: 2000, nullable: true })
  findings: string | null;

  @Field(() => String, { nullable: true, description: '答复: the reply to the complainant, published on the progress page; null until resolved' })
  @Column('varchar', { length: 2000, nullable: true })
  reply: string | null;

  @Field(() => Date, { nullable: true, description: 'When the reply was given; null until resolved' })
  @Column('datetime', { precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: '回访: whether the complainant was satisfied at the last return visit; null before one' })
  @Column('boolean', { nullable: true })
  returnVisitSatisfied: boolean | null;

  @Field(() => String, { nullable: true, description: '回访 note; null before a return visit' })
  @Column('varchar', { length: 1000, nullable: true })
  returnVisitNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last return visit was made' })
  @Column('datetime', { precision: 3, nullable: true })
  returnVisitAt: Date | null;

  @Column('int', { nullable: true })
  returnVisitById: number | null;

  @Field({ description: 'Reopened after an unsatisfied return visit (allowed once)' })
  @Column('boolean', { default: false })
  reopened: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was closed' })
  @Column('datetime', { precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to every transition' })
  @VersionColumn()
  version: number;
}

/** One step on a complaint's timeline. */
@ObjectType({ implements: Node, description: 'One step on a complaint’s timeline' })
@Entity()
@Index(['tenantId', 'complaintId', 'id'])
export class ComplaintEvent extends TenantOwnedEntity {
  @Column('int')
  complaintId: number;

  @Field(() => ComplaintAction, { description: 'What was done' })
  @Column('varchar', { length: 24 })
  action: ComplaintAction;

  @Field(() => ComplaintStatus, { nullable: true, description: 'Status before; null for intake' })
  @Column('varchar', { length: 16, nullable: true })
  fromStatus: ComplaintStatus | null;

  @Field(() => ComplaintStatus, { description: 'Status after' })
  @Column('varchar', { length: 16 })
  toStatus: ComplaintStatus;

  /** Null for a complaint filed online. */
  @Column('int', { nullable: true })
  actorId: number | null;

  @Field({ description: 'When' })
  @Column('datetime', { precision: 3 })
  at: Date;
}

/** The complaint-number sequence of one tenant and local day (see db/daily-counter.ts). */
@Entity()
export class ComplaintCounter {
  @PrimaryColumn('int')
  tenantId: number;

  @PrimaryColumn('varchar', { length: 8 })
  day: string;

  @Column('int')
  lastSequence: number;
}

/** A centre's complaint settings; a centre without a row uses the defaults. */
@ObjectType({ implements: Node, description: 'A centre’s complaint settings (投诉设置)' })
@Entity()
@Index(['tenantId'], { unique: true })
export class ComplaintSettings extends TenantOwnedEntity {
  @Field(() => Int, { description: 'Working days to reply to a complaint, counted from its receipt (default 10)' })
  @Column('int')
  replyWorkingDays: number;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

export enum SanctionKind {
  CRITICISM_EDUCATION = 'CRITICISM_EDUCATION',
  WRITTEN_SELF_REVIEW = 'WRITTEN_SELF_REVIEW',
  ADMONITION = 'ADMONITION',
  PUBLIC_CRITICISM = 'PUBLIC_CRITICISM',
  EFFICIENCY_WARNING = 'EFFICIENCY_WARNING',
  REMOVAL_FROM_POST = 'REMOVAL_FROM_POST',
  REFERRED_TO_JUDICIARY = 'REFERRED_TO_JUDICIARY',
}
registerEnumType(SanctionKind, {
  name: 'SanctionKind',
  description: '处理: kinds of sanction, mild to severe (锦州 第十六条, 第十八条, 第二十八条)',
  valuesConfig: {
    CRITICISM_EDUCATION: { description: '批评教育' },
    WRITTEN_SELF_REVIEW: { description: '责令写出书面检查' },
    ADMONITION: { description: '诫勉教育' },
    PUBLIC_CRITICISM: { description: '通报批评: a warning (告诫) before removal' },
    EFFICIENCY_WARNING: { description: '效能告诫: a warning; no EXCELLENT (评先评优) in that calendar year (第十六条)' },
    REMOVAL_FROM_POST: { description: '调离岗位: ends the person’s window posts; only after a warning (第十八条), unless the basis is a violation or the conduct serious (第二十七条, 第二十八条)' },
    REFERRED_TO_JUDICIARY: { description: '移送司法机关: decided by supervision' },
  },
});

export enum SanctionBasisKind {
  COMPLAINT = 'COMPLAINT',
  APPLICATION = 'APPLICATION',
  SAMPLING_FINDING = 'SAMPLING_FINDING',
  RULE = 'RULE',
}
registerEnumType(SanctionBasisKind, {
  name: 'SanctionBasisKind',
  description: 'What a sanction rests on',
  valuesConfig: {
    COMPLAINT: { description: 'An upheld complaint (投诉属实)' },
    APPLICATION: { description: 'A case (办件)' },
    SAMPLING_FINDING: { description: 'A finding of case sampling (办件抽查), described in basisText' },
    RULE: { description: 'An article of the rules, named in basisText (e.g. 锦州 第二十八条(三))' },
  },
});

/**
 * The sanction register (处理登记): never edited or deleted. A revocation is a new entry
 * pointing at the revoked one (`revokesId`), with the reason in its note.
 */
@ObjectType({ implements: Node, description: '处理: one entry of the sanction register (never edited; a revocation is a new entry)' })
@Entity()
@Index(['tenantId', 'personId', 'decidedOn'])
@Index(['tenantId', 'complaintId'])
@Index(['tenantId', 'revokesId'], { unique: true })
@Index(['tenantId', 'sampledCaseId'])
export class Sanction extends TenantOwnedEntity {
  @Column('int')
  personId: number;

  @Field(() => SanctionKind, { description: 'Kind of sanction (for a revocation: the kind revoked)' })
  @Column('varchar', { length: 24 })
  kind: SanctionKind;

  @Field(() => SanctionBasisKind, { description: 'What it rests on' })
  @Column('varchar', { length: 16 })
  basisKind: SanctionBasisKind;

  @Column('int', { nullable: true })
  complaintId: number | null;

  @Column('int', { nullable: true })
  applicationId: number | null;

  /** For a SAMPLING_FINDING basis recorded in the system: the sampled case (办件抽查) whose finding lists problems. */
  @Column('int', { nullable: true })
  sampledCaseId: number | null;

  @Field(() => String, { nullable: true, description: 'The article or the sampling finding, for those bases' })
  @Column('varchar', { length: 200, nullable: true })
  basisText: string | null;

  /** Set when the basis is a violation (违法违纪): decided by supervision; removal needs no prior warning. */
  @Field({ description: 'Rests on a violation (违法违纪): decided by supervision' })
  @Column('boolean', { default: false })
  violation: boolean;

  /** 情节严重 (锦州 第二十七条, 第二十八条): a removal from post needs no earlier warning. */
  @Field({ description: '情节严重: serious conduct (锦州 第二十七条, 第二十八条); a removal from post then needs no earlier warning' })
  @Column('boolean', { default: false })
  severe: boolean;

  @Column('int')
  decidedById: number;

  @Field({ description: 'Date of the decision, yyyy-mm-dd (the centre’s local date)' })
  @Column('varchar', { length: 10 })
  decidedOn: string;

  @Field({ description: 'Note; for a revocation, its reason' })
  @Column('varchar', { length: 1000, default: '' })
  note: string;

  @Column('int', { nullable: true })
  revokesId: number | null;

  @Field({ description: 'When it was recorded' })
  @Column('datetime', { precision: 3 })
  recordedAt: Date;
}
