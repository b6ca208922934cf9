import { Field, Int, ObjectType } from 'type-graphql';
import { AgencyServiceKind } from '../applications/entities';

@ObjectType({ description: '办件量 of one receiving window in the report’s period, as compiled' })
export class StatisticsReportWindowRow {
  windowId: number;

  @Field(() => Int, { description: '办件量: the cases received at the window in the period (接件; a case counts in the period it was received, whatever became of it)' })
  received: number;

  @Field(() => Int, { description: 'Of them, accepted (受理) by the compilation' })
  accepted: number;

  @Field(() => Int, { description: 'Of them, decided (办结: approved or denied) by the compilation' })
  decided: number;

  @Field(() => Int, { description: 'Of the decided, decided by their deadline (a 上报件 by its report)' })
  decidedOnTime: number;
}

@ObjectType({ description: '帮办代办 of one programme and key project in the report’s period, as compiled' })
export class StatisticsReportAgencyRow {
  @Field(() => AgencyServiceKind, { description: '项目服务 programme' })
  kind: AgencyServiceKind;

  @Field({ description: '重点项目名称' })
  projectName: string;

  @Field(() => Int, { description: 'Cases helped with (帮办代办) in the period: by the time the help was given' })
  cases: number;
}
