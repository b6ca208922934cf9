import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';

/**
 * A day the State Council moved (国务院办公厅放假安排): a statutory holiday (off) or a
 * make-up working day (调休, on). Not tenant-owned: one national calendar.
 */
@Entity()
export class NationalCalendarDay {
  @PrimaryColumn('varchar', { length: 10 })
  date: string;

  @Column('boolean')
  working: boolean;

  @Column('varchar', { length: 32 })
  name: string;
}

/**
 * A year whose national schedule (国务院办公厅放假安排) is loaded. Deadlines in other
 * years are computed on weekends only and flagged provisional: no dates are invented.
 */
@Entity()
export class NationalCalendarYear {
  @PrimaryColumn('int')
  year: number;

  @Column('datetime')
  loadedAt: Date;
}

/** A tenant's own exception: a local closure, or an extra working day. */
@ObjectType({ implements: Node, description: "A centre's own exception to the national calendar" })
@Entity()
@Index(['tenantId', 'date'], { unique: true })
export class CalendarOverride extends TenantOwnedEntity {
  @Field(() => LocalDateResolver, { description: '日期: the calendar day, yyyy-mm-dd' })
  @Column('varchar', { length: 10 })
  date: string;

  @Field({ description: 'true: an extra working day; false: the centre is closed' })
  @Column('boolean')
  working: boolean;

  @Field({ description: 'Why the centre closes or opens that day, e.g. 停电检修' })
  @Column('varchar', { length: 200 })
  reason: string;

  @Column('int', { nullable: true })
  createdById: number | null;

  /** The 公告 (暂停服务) that closed the day, so withdrawing it reopens the day; null once anyone sets the day directly. */
  @Column('int', { nullable: true })
  noticeId: number | null;

  /** The reason of the centre's extra working day (调休上班) a pause closed: withdrawing the pause makes it a working day again. */
  @Column('varchar', { length: 200, nullable: true })
  closedWorkingDayReason: string | null;
}
