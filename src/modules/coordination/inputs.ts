import { Field, ID, InputType } from 'type-graphql';
import { CoordinationPointKind, Responsibility, WorkArea } from './entities';

@InputType({ description: '衔接 routing point: which department of the own centre plays it' })
export class SetCoordinationPointInput {
  @Field(() => CoordinationPointKind, { description: 'The routing point' })
  point: CoordinationPointKind;

  @Field(() => ID, { description: 'A department of the own centre: a bureau section for BUREAU_*, a centre department for CENTRE_*' })
  departmentId: string;
}

@InputType({ description: 'One row of the responsibility matrix (交叉事项)' })
export class ResponsibilityRowInput {
  @Field(() => WorkArea, { description: 'The area of work' })
  area: WorkArea;

  @Field(() => ID, { description: 'A bureau section (APPROVAL_BUREAU) or centre department (CENTRE) of the own centre; its kind gives the side' })
  departmentId: string;

  @Field(() => Responsibility, { description: 'Lead or assist' })
  responsibility: Responsibility;

  @Field({ nullable: true, description: 'What it does in this area, at most 500 characters' })
  duties?: string;
}

@InputType({ description: '三、交叉事项: the own centre’s whole responsibility matrix, replacing the previous one' })
export class SetResponsibilityMatrixInput {
  @Field(() => [ResponsibilityRowInput], { description: 'Every row, at most 300' })
  rows: ResponsibilityRowInput[];
}
