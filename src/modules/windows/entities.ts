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
registerEnumType(WindowStatus, { name: 'WindowStatus', description: '准入准出: a window is opened and closed with a reason' });

export enum WindowPostRole {
  A = 'A',
  B = 'B',
}
registerEnumType(WindowPostRole, { name: 'WindowPostRole', description: 'AB岗: A is the primary post, B stands in' });

export enum AbsenceKind {
  LEAVE = 'LEAVE',
  TRAINING = 'TRAINING',
  BUSINESS_TRIP = 'BUSINESS_TRIP',
  OTHER = 'OTHER',
}
registerEnumType(AbsenceKind, { name: 'AbsenceKind', description: '请假 / 培训 / 出差 / 其他' });

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

  @Field()
  @Column('varchar', { length: 64 })
  name: string;

  @Field({ description: '大厅 / 区域, e.g. 一楼B区' })
  @Column('varchar', { length: 64 })
  hall: string;

  @Field(() => WindowKind)
  @Column('varchar', { length: 16 })
  kind: WindowKind;

  @Column('int')
  departmentId: number;

  /** 首席代表: a staff member of the window's department. */
  @Column('int', { nullable: true })
  chiefRepresentativeId: number | null;

  @Field(() => WindowStatus)
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

  @Field(() => WindowStatus)
  @Column('varchar', { length: 8 })
  status: WindowStatus;

  @Field()
  @Column('varchar', { length: 500 })
  reason: string;

  @Column('int', { nullable: true })
  actorId: number | null;

  @Field()
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

  @Field(() => AbsenceKind)
  @Column('varchar', { length: 16 })
  kind: AbsenceKind;

  @Field()
  @Column('datetime')
  startsAt: Date;

  @Field()
  @Column('datetime')
  endsAt: Date;

  @Field()
  @Column('varchar', { length: 500, default: '' })
  reason: string;

  @Column('int', { nullable: true })
  createdById: number | null;

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

/** 延时服务: the lunch-time duty rota of a window, two groups alternating by working day. */
@ObjectType({ implements: Node, description: '延时服务 / 午休值班: two groups alternating by working day' })
@Entity()
@Index(['tenantId', 'windowId'], { unique: true })
export class LunchDutyRota extends TenantOwnedEntity {
  @Column('int')
  windowId: number;

  @Column('simple-array')
  groupOneIds: number[];

  @Column('simple-array')
  groupTwoIds: number[];

  /** A working day on which group one is on duty; the groups alternate from it. */
  @Field({ description: 'A date (yyyy-mm-dd) on which group one is on duty; the groups alternate by working day from it' })
  @Column('varchar', { length: 10 })
  startsOn: string;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to state changes' })
  @VersionColumn()
  version: number;
}
