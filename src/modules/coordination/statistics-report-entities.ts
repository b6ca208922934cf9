import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { AgencyServiceKind } from '../applications/entities';

export enum StatisticsReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(StatisticsReportStatus, {
  name: 'StatisticsReportStatus',
  description: 'Where an upward statistics report is (鞍山 衔接 三.3)',
  valuesConfig: {
    DRAFT: { description: '汇总中: compiled by the centre’s 业务协调部; may be compiled again' },
    SUBMITTED: { description: '已上报: submitted to the bureau’s 业务协调科; locked' },
  },
});

/**
 * 数据统计上报 (鞍山 衔接 三.3): "由中心业务协调部负责统计办件信息及帮办代办信息，汇总后报局业务
 * 协调科". The figures are computed from the cases when compiled and kept with the report
 * (its lines, below), so the submitted report stays what the bureau received.
 */
@ObjectType({ implements: Node, description: '数据统计上报: a period’s 办件量 per window and 帮办代办, compiled by the centre’s 业务协调部 and submitted to the bureau’s 业务协调科 (鞍山 衔接 三.3)' })
@Entity()
@Index(['tenantId', 'startDate', 'endDate'], { unique: true })
export class StatisticsReport extends TenantOwnedEntity {
  @Field({ description: 'First day of the period (yyyy-mm-dd, the centre’s local date)' })
  @Column('varchar', { length: 10 })
  startDate: string;

  @Field({ description: 'Last day of the period (yyyy-mm-dd, inclusive)' })
  @Column('varchar', { length: 10 })
  endDate: string;

  @Field(() => StatisticsReportStatus, { description: 'Compiled (DRAFT) or submitted and locked' })
  @Column('varchar', { length: 12 })
  status: StatisticsReportStatus;

  /** The centre's 业务协调部 that compiled it. */
  @Column('int')
  compilingDepartmentId: number;

  /** The bureau's 业务协调科 it goes to. */
  @Column('int')
  recipientDepartmentId: number;

  @Field(() => Int, { description: '办件量: the cases received in the period, every window together' })
  @Column('int')
  casesReceived: number;

  @Field(() => Int, { description: '帮办代办: the cases helped with in the period' })
  @Column('int')
  agencyServices: number;

  @Field({ description: '说明: the compiler’s remarks to the bureau; may be empty' })
  @Column('varchar', { length: 1000, default: '' })
  note: string;

  @Column('int')
  compiledById: number;

  @Field({ description: 'When the figures were (last) compiled' })
  @Column('datetime', { precision: 3 })
  compiledAt: Date;

  @Column('int', { nullable: true })
  submittedById: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted to the bureau; null while a draft' })
  @Column('datetime', { precision: 3, nullable: true })
  submittedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to compile again or submit' })
  @VersionColumn()
  version: number;
}

/** 办件量 of one receiving window in a report's period, as compiled. */
@Entity()
@Index(['tenantId', 'reportId'])
export class StatisticsReportWindowLine extends TenantOwnedEntity {
  @Column('int')
  reportId: number;

  @Column('int')
  windowId: number;

  @Column('int')
  received: number;

  @Column('int')
  accepted: number;

  @Column('int')
  decided: number;

  @Column('int')
  decidedOnTime: number;
}

/** 帮办代办 of one programme and key project in a report's period, as compiled. */
@Entity()
@Index(['tenantId', 'reportId'])
export class StatisticsReportAgencyLine extends TenantOwnedEntity {
  @Column('int')
  reportId: number;

  @Column('varchar', { length: 24 })
  kind: AgencyServiceKind;

  @Column('varchar', { length: 200 })
  projectName: string;

  @Column('int')
  cases: number;
}
