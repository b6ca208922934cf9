import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Tenant } from '../tenancy/entities';
import { EvaluationLevel } from './entities';
import { EvaluationGrouping } from './inputs';

@ObjectType({ description: '网上评价 received: what the rater sees (nothing about the staff or the case beyond its number)' })
export class PublicRatingReceipt {
  @Field({ description: '办件编号 rated' })
  applicationNumber: string;

  @Field(() => EvaluationLevel, { description: 'The level recorded' })
  level: EvaluationLevel;

  @Field({ description: 'When it was recorded' })
  ratedAt: Date;

  @Field(() => Date, { nullable: true, description: 'A 差评: the centre calls back (回访核实) by then; null otherwise' })
  returnVisitDueAt: Date | null;
}

@ObjectType({ description: 'A centre’s 好差评 settings (the defaults when it has set none)' })
export class EvaluationSettingsView {
  @Field(() => Tenant, { description: 'The centre' })
  tenant: Tenant;

  @Field(() => Int, { description: 'Working days to verify a 差评 by return visit (default 1)' })
  verifyWorkingDays: number;

  @Field(() => Int, { description: 'Working days to rectify a valid 差评, from its verification (default 15)' })
  rectifyWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'Version to pass when changing them; null while the defaults apply' })
  version: number | null;
}

@ObjectType({ description: '好差评 figures of one group over [from, to)' })
export class EvaluationStatsRow {
  @Field(() => EvaluationGrouping, { description: 'What the rows are grouped by' })
  grouping: EvaluationGrouping;

  groupId: number | null;

  @Field(() => Int, { description: 'Ratings given' })
  total: number;

  @Field(() => Int, { description: '非常满意' })
  verySatisfied: number;

  @Field(() => Int, { description: '满意' })
  satisfied: number;

  @Field(() => Int, { description: '基本满意' })
  basicallySatisfied: number;

  @Field(() => Int, { description: '不满意' })
  dissatisfied: number;

  @Field(() => Int, { description: '非常不满意' })
  veryDissatisfied: number;

  @Field(() => Float, { nullable: true, description: '满意率: share of the top three levels (0-1, four decimals); null without ratings' })
  satisfactionRate: number | null;

  @Field(() => Int, { description: '差评: DISSATISFIED and VERY_DISSATISFIED' })
  badCount: number;

  @Field(() => Int, { description: '差评 rectified (RECTIFIED or CLOSED)' })
  rectified: number;

  @Field(() => Int, { description: '差评 rectified by their rectification deadline (整改按期)' })
  rectifiedOnTime: number;
}
