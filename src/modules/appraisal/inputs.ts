import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { SanctionKind } from '../complaints/entities';
import { AppraisalItemMode, AppraisalPeriodKind, AppraisalPeriodStatus, AppraisalSource, AppraisalSubjectKind, CommendationKind } from './entities';

@InputType({ description: 'One scoring item of new appraisal rules' })
export class AppraisalRuleItemInput {
  @Field(() => AppraisalSubjectKind, { description: 'Which results it scores' })
  subjectKind: AppraisalSubjectKind;

  @Field(() => AppraisalSource, { description: 'Where its figures come from (not ADJUSTMENT: adjustments are made in review)' })
  source: AppraisalSource;

  @Field(() => SanctionKind, { nullable: true, description: 'For a SANCTION item: the kind it counts; refused for other sources' })
  sanctionKind?: SanctionKind | null;

  @Field(() => AppraisalItemMode, { description: 'RATE for SATISFACTION_RATE, ON_TIME_RATE and STAFF_AVERAGE; PER_EVENT for the others' })
  mode: AppraisalItemMode;

  @Field(() => Float, { description: 'RATE: the points it weighs (> 0); PER_EVENT: points per event (negative deducts), two decimals at most' })
  points: number;

  @Field(() => Float, { nullable: true, description: 'The most points it can win or lose in all (> 0); leave out for no cap' })
  cap?: number | null;

  @Field({ description: 'Label in the breakdown, 1–100 characters' })
  label: string;
}

@InputType({ description: 'A new version of the own centre’s appraisal rules (考核细则); open periods keep theirs' })
export class AppraisalRulesInput {
  @Field(() => Float, { description: 'Base score (基础分), e.g. 100' })
  baseScore: number;

  @Field(() => Float, { description: 'Lowest score for EXCELLENT' })
  excellentFrom: number;

  @Field(() => Float, { description: 'Lowest score for COMPETENT (below excellentFrom)' })
  competentFrom: number;

  @Field(() => Float, { description: 'Lowest score for BASICALLY_COMPETENT (below competentFrom)' })
  basicallyCompetentFrom: number;

  @Field(() => Int, { description: 'Excellence quota: at most this percent (0–100) of the people appraised' })
  excellenceQuotaPercent: number;

  @Field(() => Int, { nullable: true, description: '指标单列: the centre’s own number of EXCELLENT places for its staff, replacing the percent for STAFF results' })
  excellenceQuotaSeats?: number | null;

  @Field(() => [AppraisalRuleItemInput], { description: 'The scoring items, in breakdown order (at most 40)' })
  items: AppraisalRuleItemInput[];

  @Field({ defaultValue: '', description: 'Why this version is made' })
  note: string;
}

@InputType({ description: 'Open an appraisal period of a centre and compute its draft' })
export class OpenAppraisalPeriodInput {
  @Field({ description: '行政区划代码 of the own centre' })
  tenantCode: string;

  @Field(() => AppraisalPeriodKind, { description: 'Month, quarter or year' })
  kind: AppraisalPeriodKind;

  @Field(() => LocalDateResolver, { description: 'First day of the month, quarter or year, yyyy-mm-dd' })
  start: string;
}

@InputType({ description: 'A period and the version the caller last read' })
export class AppraisalPeriodVersionInput {
  @Field(() => ID, { description: 'The period (AppraisalPeriod)' })
  periodId: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'A review adjustment (while a draft) or a correction (once published) of one result, with its reason' })
export class AdjustAppraisalResultInput {
  @Field(() => ID, { description: 'The result (AppraisalResult)' })
  resultId: string;

  @Field(() => Int, { description: 'The result’s version the caller last read' })
  version: number;

  @Field(() => Float, { description: 'Points to add (negative to deduct), non-zero, two decimals at most' })
  points: number;

  @Field({ description: 'Why, 1–500 characters; shown in the breakdown' })
  reason: string;
}

@InputType({ description: '表扬: a commendation of a staff member of the own centre' })
export class RecordCommendationInput {
  @Field(() => ID, { description: 'The person commended (User)' })
  personId: string;

  @Field(() => CommendationKind, { description: 'What it rests on' })
  kind: CommendationKind;

  @Field(() => ID, { nullable: true, description: 'For VERY_SATISFIED_COMMENT: the 非常满意 evaluation with a comment about the person' })
  evaluationId?: string | null;

  @Field(() => LocalDateResolver, { description: 'Date received, yyyy-mm-dd' })
  receivedOn: string;

  @Field({ description: 'What was praised, 1–500 characters' })
  note: string;
}

@InputType({ description: 'Filters of the appraisal periods' })
export class AppraisalPeriodFilter {
  @Field({ nullable: true, description: 'Only this readable centre (行政区划代码)' })
  tenantCode?: string;

  @Field(() => AppraisalPeriodKind, { nullable: true, description: 'Only periods of this kind' })
  kind?: AppraisalPeriodKind;

  @Field(() => AppraisalPeriodStatus, { nullable: true, description: 'Only drafts, or only published periods' })
  status?: AppraisalPeriodStatus;
}

export const appraisalPeriodSorting = defineSorting({
  typeName: 'AppraisalPeriod',
  label: 'appraisal periods (考核周期)',
  fields: {
    START: { column: 'p.start', kind: 'text', description: 'First day' },
  },
  defaultOrder: [{ field: 'START', direction: OrderDirection.DESC }],
});
export type AppraisalPeriodOrderField = keyof typeof appraisalPeriodSorting.fields;
