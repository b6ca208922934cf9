import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { EvaluationChannel, EvaluationLevel, EvaluationReason, RectificationStatus } from './entities';

/** The rating itself, however it came in. */
@InputType('EvaluationFields', { description: 'The rating itself, however it came in' })
class EvaluationFields {
  @Field(() => EvaluationLevel, { description: 'The level' })
  level: EvaluationLevel;

  @Field(() => [EvaluationReason], { defaultValue: [], description: '差评原因: at least one for DISSATISFIED and VERY_DISSATISFIED, none for the others' })
  reasons: EvaluationReason[];

  @Field({ nullable: true, description: '评价内容, up to 500 characters' })
  comment?: string;
}

@InputType({ description: '网上/短信/扫码评价 of a finished case, without signing in: the case number and the last four digits of the applicant’s phone' })
export class EvaluateCaseInput extends EvaluationFields {
  @Field({ description: '办件编号, e.g. 210381-20261123-000042' })
  applicationNumber: string;

  @Field({ description: 'The last four digits of the applicant’s phone' })
  phoneLast4: string;

  @Field(() => EvaluationChannel, { description: 'ONLINE, SMS or QR_CODE' })
  channel: EvaluationChannel;
}

@InputType({ description: 'A rating taken by staff: the window pad (WINDOW_DEVICE) or a 12345 call (HOTLINE_12345)' })
export class RecordEvaluationInput extends EvaluationFields {
  @Field(() => EvaluationChannel, { description: 'WINDOW_DEVICE or HOTLINE_12345' })
  channel: EvaluationChannel;

  @Field({ nullable: true, description: 'The finished case rated (办件编号); leave out for a 咨询' })
  applicationNumber?: string;

  @Field({ nullable: true, description: '咨询: the window’s number, e.g. A05; leave out for a case' })
  windowNumber?: string;

  @Field(() => ID, { nullable: true, description: '咨询 by 12345: the staff member who served; the pad rates its own session’s staff member' })
  staffId?: string;

  @Field({ nullable: true, description: '咨询 by 12345: when the service was given; the pad rates the service now' })
  servedAt?: Date;

  @Field({ nullable: true, description: '评价人 name (12345, 咨询); for a case the applicant is the rater' })
  raterName?: string;

  @Field({ nullable: true, description: '评价人 contact, for the return visit (回访); for a case the applicant’s phone' })
  raterContact?: string;
}

@InputType('RectificationVersionInput', { description: 'A rectification and the version the caller last read' })
export class RectificationVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: '回访核实: the return visit that verifies a 差评' })
export class VerifyRectificationInput extends RectificationVersionInput {
  @Field({ description: 'The 差评 is valid (属实): a plan follows; not valid closes the rectification' })
  valid: boolean;

  @Field({ description: '核实情况: what the return visit found, 1-1000 characters' })
  note: string;

  @Field({ nullable: true, description: '整改方案 of a valid 差评, 1-1000 characters; none when not valid' })
  plan?: string;
}

@InputType({ description: '整改完成: what was done' })
export class CompleteRectificationInput extends RectificationVersionInput {
  @Field({ description: '整改情况, 1-1000 characters' })
  actionTaken: string;
}

@InputType({ description: '整改回访: the last return visit, closing the rectification' })
export class RectificationReturnVisitInput extends RectificationVersionInput {
  @Field({ description: 'The rater is satisfied with the rectification' })
  satisfied: boolean;

  @Field({ nullable: true, description: 'What the rater said, up to 1000 characters' })
  note?: string;
}

@InputType({ description: 'A centre’s 好差评 settings' })
export class EvaluationSettingsInput {
  @Field(() => Int, { description: 'Working days to verify a 差评 by return visit, 1-60 (default 1)' })
  verifyWorkingDays: number;

  @Field(() => Int, { description: 'Working days to rectify a valid 差评, 1-60 (default 15)' })
  rectifyWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'The settings’ version, to change existing settings; leave out the first time' })
  version?: number | null;
}

@InputType({ description: 'Narrows the evaluation list' })
export class EvaluationFilter {
  @Field({ nullable: true, description: 'Only the evaluations of this centre (行政区划代码)' })
  tenantCode?: string;

  @Field(() => EvaluationLevel, { nullable: true, description: 'Only this level' })
  level?: EvaluationLevel;

  @Field(() => EvaluationChannel, { nullable: true, description: 'Only this channel' })
  channel?: EvaluationChannel;

  @Field({ nullable: true, description: 'Only 差评 (true) or only the others (false)' })
  bad?: boolean;
}

export const evaluationSorting = defineSorting({
  typeName: 'Evaluation',
  label: 'evaluations (好差评)',
  fields: {
    RATED_AT: { column: 'e.ratedAt', kind: 'instant', description: 'When the rating was given' },
  },
  defaultOrder: [{ field: 'RATED_AT', direction: OrderDirection.DESC }],
});
export type EvaluationOrderField = keyof typeof evaluationSorting.fields;

@InputType({ description: 'Narrows the rectification list' })
export class RectificationFilter {
  @Field({ nullable: true, description: 'Only the rectifications of this centre (行政区划代码)' })
  tenantCode?: string;

  @Field(() => RectificationStatus, { nullable: true, description: 'Only those in this state' })
  status?: RectificationStatus;

  @Field({ nullable: true, description: 'Only open ones past their running deadline' })
  late?: boolean;
}

export const rectificationSorting = defineSorting({
  typeName: 'Rectification',
  label: 'rectifications (整改)',
  fields: {
    OPENED_AT: { column: 'r.openedAt', kind: 'instant', description: 'When it was opened' },
  },
  defaultOrder: [{ field: 'OPENED_AT', direction: OrderDirection.DESC }],
});
export type RectificationOrderField = keyof typeof rectificationSorting.fields;

export enum EvaluationGrouping {
  WINDOW = 'WINDOW',
  STAFF = 'STAFF',
  DEPARTMENT = 'DEPARTMENT',
  MATTER = 'MATTER',
  TENANT = 'TENANT',
}
registerEnumType(EvaluationGrouping, {
  name: 'EvaluationGrouping',
  description: 'How evaluationStats groups the ratings',
  valuesConfig: {
    WINDOW: { description: 'Per window (the case’s receiving window, or the 咨询’s)' },
    STAFF: { description: 'Per staff member rated' },
    DEPARTMENT: { description: 'Per implementing department (or the window’s department for a 咨询)' },
    MATTER: { description: 'Per matter; 咨询 (no case) in one group without a matter' },
    TENANT: { description: 'Per centre, over the centre asked for and its readable subordinates' },
  },
});
