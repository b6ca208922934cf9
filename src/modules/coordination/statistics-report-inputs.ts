import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { StatisticsReportStatus } from './statistics-report-entities';

@InputType({ description: '数据统计上报: compile a period’s figures in the own centre, or with its version compile a draft again (鞍山 衔接 三.3)' })
export class CompileStatisticsReportInput {
  @Field({ description: 'First day of the period (yyyy-mm-dd)' })
  startDate: string;

  @Field({ description: 'Last day of the period (yyyy-mm-dd, inclusive); the period is over (before today), at most 366 days long' })
  endDate: string;

  @Field({ nullable: true, description: '说明 to the bureau (up to 1000 characters); compiling again replaces it' })
  note?: string;

  @Field(() => Int, { nullable: true, description: 'The draft’s version, to compile it again; left out for a new period' })
  version?: number;
}

@InputType({ description: 'A statistics report and the version you last read' })
export class StatisticsReportVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'Which statistics reports to list' })
export class StatisticsReportFilter {
  @Field({ nullable: true, description: 'Only this readable centre (行政区划代码)' })
  tenantCode?: string;

  @Field(() => StatisticsReportStatus, { nullable: true, description: 'Only drafts, or only submitted reports' })
  status?: StatisticsReportStatus;
}

export const statisticsReportSorting = defineSorting({
  typeName: 'StatisticsReport',
  label: 'statistics reports (数据统计上报)',
  fields: {
    START_DATE: { column: 'r.startDate', kind: 'text', description: 'First day of the period' },
  },
  defaultOrder: [{ field: 'START_DATE', direction: OrderDirection.DESC }],
});
export type StatisticsReportOrderField = keyof typeof statisticsReportSorting.fields;
