import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { MaterialForm, MatterAcceptor, MatterCategory, MatterStatus, MatterType, ServiceObject } from './entities';

@InputType({ description: '申请材料' })
export class MaterialInput {
  @Field()
  name: string;

  @Field()
  required: boolean;

  @Field(() => MaterialForm)
  form: MaterialForm;

  @Field(() => Int, { defaultValue: 1 })
  copies: number;

  @Field({ defaultValue: '' })
  notes: string;
}

@InputType({ description: '收费项目' })
export class FeeItemInput {
  @Field()
  name: string;

  @Field()
  basis: string;

  @Field(() => Int, { description: 'Amount in fen (分), a non-negative integer' })
  amountFen: number;
}

/** Fields an adopted matter may set for itself. (A base class: not in the schema on its own.) */
@InputType('MatterLocalFieldsBase')
export class MatterLocalFields {
  @Field(() => ID, { nullable: true, description: 'Implementing department (实施部门)' })
  departmentId?: string;

  @Field(() => [ID], { nullable: true, description: '联办件: departments giving an opinion, at least two' })
  jointDepartmentIds?: string[];

  @Field(() => Int, { nullable: true, description: '承诺时限 (working days) ≤ legal limit' })
  promisedLimitDays?: number;

  @Field({ nullable: true })
  consultationPhone?: string;

  @Field({ nullable: true })
  complaintPhone?: string;

  @Field({ nullable: true })
  address?: string;

  @Field({ nullable: true, description: '全区通办' })
  crossRegion?: boolean;

  @Field(() => MatterAcceptor, { nullable: true, description: '受理人: WINDOW (default) or APPROVER' })
  acceptedBy?: MatterAcceptor;

  @Field(() => Int, { nullable: true, description: '补正期限 (working days, 1-30); default 5' })
  supplementDays?: number;
}

/** The shared fields: the nine elements and the rest of the guide that adopters inherit. */
@InputType('MatterSharedFieldsBase')
export class MatterSharedFields extends MatterLocalFields {
  @Field({ nullable: true })
  name?: string;

  @Field(() => MatterType, { nullable: true })
  type?: MatterType;

  @Field({ nullable: true })
  basis?: string;

  @Field({ nullable: true })
  code?: string;

  @Field(() => Int, { nullable: true, description: '法定时限 (working days)' })
  legalLimitDays?: number;

  @Field({ nullable: true })
  acceptanceConditions?: string;

  @Field({ nullable: true })
  intermediaryServices?: string;

  @Field(() => [ServiceObject], { nullable: true })
  serviceObjects?: ServiceObject[];

  @Field(() => [MaterialInput], { nullable: true })
  materials?: MaterialInput[];

  @Field(() => MatterCategory, { nullable: true })
  category?: MatterCategory;

  @Field({ nullable: true })
  duties?: string;

  @Field({ nullable: true })
  procedure?: string;

  @Field(() => [FeeItemInput], { nullable: true })
  feeItems?: FeeItemInput[];
}

@InputType({ description: 'A new locally defined matter (a DRAFT). Every field but jointDepartmentIds, intermediaryServices and feeItems is required.' })
export class CreateMatterInput extends MatterSharedFields {}

@InputType({ description: 'Changes to a matter; an adopted matter may change its local fields only' })
export class UpdateMatterInput extends MatterSharedFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: '事项认领: adopt a published matter of a higher level' })
export class AdoptMatterInput extends MatterLocalFields {
  @Field(() => ID, { description: 'The published matter of a province or city above the viewer' })
  sourceId: string;
}

@InputType()
export class MatterVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType()
export class SuspendMatterInput extends MatterVersionInput {
  @Field()
  reason: string;
}

@InputType()
export class MatterFilter {
  @Field(() => MatterStatus, { nullable: true })
  status?: MatterStatus;

  @Field(() => MatterCategory, { nullable: true })
  category?: MatterCategory;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field({ nullable: true })
  crossRegion?: boolean;

  @Field({ nullable: true, description: 'One readable centre (a city user picking a subordinate); another code gives an empty list' })
  tenantCode?: string;

  @Field({ nullable: true, description: 'Matches the name or the code (Chinese text welcome)' })
  search?: string;
}

@InputType()
export class PublicMatterFilter {
  @Field(() => MatterCategory, { nullable: true })
  category?: MatterCategory;

  @Field({ nullable: true })
  crossRegion?: boolean;

  @Field({ nullable: true, description: 'Matches the name or the code' })
  search?: string;
}

export const matterSorting = defineSorting({
  typeName: 'Matter',
  label: 'matter lists (事项)',
  fields: {
    CODE: { column: 'm.code', kind: 'text', description: '事项编码' },
    NAME: { column: 'm.name', kind: 'text', description: '事项名称' },
  },
  defaultOrder: [{ field: 'CODE', direction: OrderDirection.ASC }],
});
export type MatterOrderField = keyof typeof matterSorting.fields;
