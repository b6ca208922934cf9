import { Column, CreateDateColumn, Entity, Index, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';

export enum WindowKind {
  COMPREHENSIVE = 'COMPREHENSIVE',
  DEPARTMENT = 'DEPARTMENT',
  AGENCY = 'AGENCY',
  CONVENIENCE = 'CONVENIENCE',
  ISSUANCE = 'ISSUANCE',
  CONSULTATION = 'CONSULTATION',
  PAYMENT = 'PAYMENT',
}
registerEnumType(WindowKind, {
  name: 'WindowKind',
  description: '窗口类型: what a window does',
  valuesConfig: {
    COMPREHENSIVE: { description: '综合受理' },
    DEPARTMENT: { description: '派驻: a stationed department window' },
    AGENCY: { description: '综合代办 (帮办代办)' },
    CONVENIENCE: { description: '便民' },
    ISSUANCE: { description: '统一出件' },
    CONSULTATION: { description: '咨询' },
    PAYMENT: { description: '银行收费' },
  },
});

export enum WindowStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(WindowStatus, {
  name: 'WindowStatus',
  description: '准入准出: a window is opened and closed with a reason',
  valuesConfig: {
    OPEN: { description: 'Open: serves the public; nobody on post during hall hours is an empty post (空岗)' },
    CLOSED: { description: 'Closed: receives nothing and counts for no coverage' },
  },
});

export enum WindowPostRole {
  A = 'A',
  B = 'B',
}
registerEnumType(WindowPostRole, {
  name: 'WindowPostRole',
  description: 'AB岗: A is the primary post, B stands in',
  valuesConfig: {
    A: { description: 'A岗: the primary post holder' },
    B: { description: 'B岗: the backup, who stands in with the A post’s rights when A is away' },
  },
});

export enum AbsenceKind {
  LEAVE = 'LEAVE',
  TRAINING = 'TRAINING',
  BUSINESS_TRIP = 'BUSINESS_TRIP',
  OTHER = 'OTHER',
}
registerEnumType(AbsenceKind, {
  name: 'AbsenceKind',
  description: '请假 / 培训 / 出差 / 其他',
  valuesConfig: {
    LEAVE: { description: '请假: leave' },
    TRAINING: { description: '培训: training' },
    BUSINESS_TRIP: { description: '出差: business trip' },
    OTHER: { description: '其他: other, with the reason' },
  },
});

/** 窗口: a service window of a hall. */
@ObjectType({ implements: Node, description: '窗口: a service window' })
// WINDOW is a reserved word in MySQL 8.
@Entity('service_window')
@Index(['tenantId', 'number'], { unique: true })
@Index(['tenantId', 'departmentId'])
export class Window extends TenantOwnedEntity {
  @Field({ description: '窗口号, e.g. A12' })
  @Column('varchar', { length: 16 })
  number: string;

  @Field({ description: 'Window name shown above it, e.g. 市场监管综合窗口' })
  @Column('varchar', { length: 64 })
  name: string;

  @Field({ description: '大厅 / 区域, e.g. 一楼B区' })
  @Column('varchar', { length: 64 })
  hall: string;

  @Field(() => WindowKind, { description: 'Kind of window (综合受理, 派驻, 咨询 …)' })
  @Column('varchar', { length: 16 })
  kind: WindowKind;

  @Column('int')
  departmentId: number;

  /** 首席代表: a staff member of the window's department. */
  @Column('int', { nullable: true })
  chiefRepresentativeId: number | null;

  @Field(() => WindowStatus, { description: 'Open or closed (准入准出)' })
  @Column('varchar', { length: 8, default: WindowStatus.OPEN })
  status: WindowStatus;

  /** 综合受理 mode: a COMPREHENSIVE window that takes in cases of every matter of its centre (一事一地). */
  @Field({ description: '综合受理: a COMPREHENSIVE window that receives cases of every matter of its centre' })
  @Column('boolean', { default: false })
  comprehensiveIntake: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to state changes' })
  @VersionColumn()
  version: number;

  @CreateDateColumn()
  createdAt: Date;
}

/** A matter a window serves. */
@Entity()
@Index(['tenantId', 'windowId', 'matterId'], { unique: true })
@Index(['tenantId', 'matterId'])
export class WindowMatter extends TenantOwnedEntity {
  @Column('int')
  windowId: number;

  @Column('int')
  matterId: number;
}

/** 准入准出: one opening or closing of a window, with its reason. */
@ObjectType({ implements: Node, description: 'One opening or closing of a window (准入准出)' })
@Entity()
@Index(['tenantId', 'windowId', 'at'])
export class WindowStatusChange extends TenantOwnedEntity {
  @Column('int')
  windowId: number;

  @Field(() => WindowStatus, { description: 'The status the window entered' })
  @Column('varchar', { length: 8 })
  status: WindowStatus;

  @Field({ description: 'Why the window was opened or closed, as recorded' })
  @Column('varchar', { length: 500 })
  reason: string;

  @Column('int', { nullable: true })
  actorId: number | null;

  @Field({ description: 'When the change was recorded' })
  @Column('datetime')
  at: Date;
}

/** AB岗: who holds the A or the B post of a window. */
@Entity()
@Index(['tenantId', 'windowId', 'post'], { unique: true })
@Index(['tenantId', 'userId'])
export class WindowPost extends TenantOwnedEntity {
  @Column('int')
  windowId: number;

  @Column('varchar', { length: 1 })
  post: WindowPostRole;

  @Column('int')
  userId: number;
}

/** A staff absence (leave, training …) from start to end. */
@ObjectType({ implements: Node, description: 'A staff absence from start to end' })
@Entity()
@Index(['tenantId', 'userId', 'startsAt'])
@Index(['tenantId', 'endsAt'])
export class StaffAbsence extends TenantOwnedEntity {
  @Column('int')
  userId: number;

  @Field(() => AbsenceKind, { description: 'Kind of absence (请假 / 培训 / 出差 / 其他)' })
  @Column('varchar', { length: 16 })
  kind: AbsenceKind;

  @Field({ description: 'When the absence starts' })
  @Column('datetime')
  startsAt: Date;

  @Field({ description: 'When the absence ends (exclusive)' })
  @Column('datetime')
  endsAt: Date;

  @Field({ description: 'Reason given when it was scheduled; may be empty' })
  @Column('varchar', { length: 500, default: '' })
  reason: string;

  @Column('int', { nullable: true })
  createdById: number | null;

  /** When it was recorded; recorded after it began, it was not asked for in advance (考勤: an unplanned absence). Null for rows older than the column. */
  @Field(() => Date, { nullable: true, description: 'When it was recorded; after startsAt, it counts as an unplanned absence (考勤) in the appraisal' })
  @Column('datetime', { precision: 3, nullable: true })
  recordedAt: Date | null;

  @Field(() => Boolean, { description: 'Cancelled absences no longer count' })
  @Column('boolean', { default: false })
  cancelled: boolean;
}

/** A replacement assigned to a window while its posts are away (替岗). */
@Entity()
@Index(['tenantId', 'windowId', 'startsAt'])
export class WindowCover extends TenantOwnedEntity {
  @Column('int')
  windowId: number;

  @Column('int')
  userId: number;

  /** The absence that made the cover necessary; the cover ends with it. */
  @Column('int')
  absenceId: number;

  @Column('datetime')
  startsAt: Date;

  @Column('datetime')
  endsAt: Date;
}

/**
 * 延时服务: the lunch-time duty rota of a window. 鞍山 规范 三(三)3: "值班人员分为两组，轮流午休及
 * 就餐": group one is on post in the first half of each working day's lunch break while
 * group two eats, then they change over.
 */
@ObjectType({ implements: Node, description: '延时服务 / 午休值班: group one on post in the first half of the lunch break, group two in the second' })
@Entity()
@Index(['tenantId', 'windowId'], { unique: true })
export class LunchDutyRota extends TenantOwnedEntity {
  @Column('int')
  windowId: number;

  @Column('simple-array')
  groupOneIds: number[];

  @Column('simple-array')
  groupTwoIds: number[];

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to state changes' })
  @VersionColumn()
  version: number;
}

/**
 * 大厅办公时间 of a centre on working days, as local wall-clock times "HH:MM", from a
 * date: a day's hours are the row with the latest effectiveFrom not after it. A centre
 * without a row in force keeps the default (DEFAULT_HALL_HOURS in hall-hours.ts).
 */
@Entity()
@Index(['tenantId', 'effectiveFrom'], { unique: true })
export class HallHours extends TenantOwnedEntity {
  /** yyyy-mm-dd; '' for hours in force from the start (the row setHallHours first writes). */
  @Column('varchar', { length: 10, default: '' })
  effectiveFrom: string;

  /** The public notice (公告: hours change, relocation) that scheduled these hours; null when set directly. */
  @Column('int', { nullable: true })
  noticeId: number | null;

  @Column('varchar', { length: 5 })
  opensAt: string;

  @Column('varchar', { length: 5 })
  closesAt: string;

  /** 午休: the hall closes from lunchStartsAt to lunchEndsAt; null when it stays open. */
  @Column('varchar', { length: 5, nullable: true })
  lunchStartsAt: string | null;

  @Column('varchar', { length: 5, nullable: true })
  lunchEndsAt: string | null;

  @VersionColumn()
  version: number;
}

/**
 * 离岗: a window staff member signs off the post for an unplanned absence (鞍山 规范
 * 三(三) AB岗工作制 "A岗工作人员因事离开工作岗位时"). It ends at returnToPost or, at the
 * latest, when the hall closes that day.
 */
@ObjectType({ implements: Node, description: '离岗: a window staff member away from the post, unplanned, until returnToPost or closing time' })
@Entity()
@Index(['tenantId', 'userId', 'leftAt'])
export class PostSignOff extends TenantOwnedEntity {
  @Column('int')
  userId: number;

  @Field({ description: 'When the person left the post' })
  @Column('datetime')
  leftAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the person came back (returnToPost); null while away' })
  @Column('datetime', { nullable: true })
  returnedAt: Date | null;

  @Field({ description: 'Closing time of that day: the sign-off lapses then at the latest' })
  @Column('datetime')
  endsBy: Date;

  @Field({ description: 'Why the person left the post, as given; may be empty' })
  @Column('varchar', { length: 500, default: '' })
  reason: string;
}

export enum EmptyPostCause {
  LEFT_POST = 'LEFT_POST',
  ABSENCE = 'ABSENCE',
  INACTIVE = 'INACTIVE',
  UNSTAFFED = 'UNSTAFFED',
}
registerEnumType(EmptyPostCause, {
  name: 'EmptyPostCause',
  description: 'Why a window had nobody on post (空岗)',
  valuesConfig: {
    LEFT_POST: { description: '离岗: the post holder signed off the post (leavePost)' },
    ABSENCE: { description: '请假 / 培训 / 出差: the post holder was on a scheduled absence' },
    INACTIVE: { description: 'the post holder was deactivated or is no longer window staff' },
    UNSTAFFED: { description: 'nobody holds a post at the window' },
  },
});

/**
 * 空岗: one stretch of time, while the hall was open, in which a window had nobody on
 * post. Stretches of one window never overlap, so counting rows counts empty posts once.
 */
@ObjectType({ implements: Node, description: '空岗: a stretch of opening hours in which an OPEN window had nobody on post' })
@Entity()
@Index(['tenantId', 'windowId', 'startsAt'])
@Index(['tenantId', 'startsAt'])
export class EmptyPostEvent extends TenantOwnedEntity {
  @Column('int')
  windowId: number;

  @Field({ name: 'from', description: 'When the window became empty' })
  @Column('datetime')
  startsAt: Date;

  @Field({ name: 'to', description: 'When somebody was on post again, or the hall closed; a time still ahead is expected, not final' })
  @Column('datetime')
  endsAt: Date;

  @Field(() => EmptyPostCause, { description: 'Why nobody was on post' })
  @Column('varchar', { length: 16 })
  cause: EmptyPostCause;

  /** The post holder whose absence left the window empty; null for UNSTAFFED. */
  @Column('int', { nullable: true })
  userId: number | null;
}
