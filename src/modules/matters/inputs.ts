import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { MaterialForm, MatterAcceptor, MatterCategory, MatterStatus, MatterType, ServiceObject } from './entities';

@InputType({ description: '申请材料' })
export class MaterialInput {
  @Field({ description: '材料名称, e.g. 营业执照' })
  name: string;

  @Field({ description: 'true: required (必要); false: optional (容缺/非必要)' })
  required: boolean;

  @Field(() => MaterialForm, { description: '材料形式: original, copy, both, or electronic' })
  form: MaterialForm;

  @Field(() => Int, { defaultValue: 1, description: '份数 (number of copies), default 1' })
  copies: number;

  @Field({ defaultValue: '', description: '备注 shown in the guide; optional' })
  notes: string;
}

@InputType({ description: '收费项目' })
export class FeeItemInput {
  @Field({ description: '收费项目名称' })
  name: string;

  @Field({ description: '收费依据: the rule that sets the fee' })
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

  @Field({ nullable: true, description: '咨询电话 (consultation phone)' })
  consultationPhone?: string;

  @Field({ nullable: true, description: '投诉电话 (complaint phone)' })
  complaintPhone?: string;

  @Field({ nullable: true, description: '办理地点 (where to apply)' })
  address?: string;

  @Field(() => MatterAcceptor, { nullable: true, description: '受理人: WINDOW (default) or APPROVER' })
  acceptedBy?: MatterAcceptor;

  @Field(() => Int, { nullable: true, description: '补正期限 (working days, 1-30); default 5' })
  supplementDays?: number;
}

/** The shared fields: the nine elements and the rest of the guide that adopters inherit. */
@InputType('MatterSharedFieldsBase')
export class MatterSharedFields extends MatterLocalFields {
  @Field({ nullable: true, description: '事项名称' })
  name?: string;

  @Field(() => MatterType, { nullable: true, description: '事项类型; decides the code prefix' })
  type?: MatterType;

  @Field({ nullable: true, description: '设定依据: laws and regulations' })
  basis?: string;

  @Field({ nullable: true, description: '事项编码: the type prefix and 8 digits, e.g. XK21030001; unique in the tenant' })
  code?: string;

  @Field(() => Int, { nullable: true, description: '法定时限 (working days)' })
  legalLimitDays?: number;

  @Field({ nullable: true, description: '受理条件 (前置条件)' })
  acceptanceConditions?: string;

  @Field({ nullable: true, description: '中介服务; empty when none' })
  intermediaryServices?: string;

  @Field(() => [ServiceObject], { nullable: true, description: '服务对象' })
  serviceObjects?: ServiceObject[];

  @Field(() => [MaterialInput], { nullable: true, description: '申请材料, in guide order: the whole list, replacing the current one' })
  materials?: MaterialInput[];

  @Field(() => MatterCategory, { nullable: true, description: '办件类型 (即办件 / 承诺件 / 联办件 / 上报件)' })
  category?: MatterCategory;

  @Field({ nullable: true, description: '工作职责: what the implementing department does for this matter' })
  duties?: string;

  @Field({ nullable: true, description: '办事程序: the steps, one per line' })
  procedure?: string;

  @Field(() => [FeeItemInput], { nullable: true, description: '收费项目 (fee standard): the whole list, replacing the current one' })
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

@InputType({ description: 'A matter and the version you last read' })
export class MatterVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'Suspend a published matter, with the reason' })
export class SuspendMatterInput extends MatterVersionInput {
  @Field({ description: 'Why the matter is suspended; shown as suspendReason' })
  reason: string;
}

@InputType({ description: 'Narrows the matters list' })
export class MatterFilter {
  @Field(() => MatterStatus, { nullable: true, description: 'Only matters in this publication state' })
  status?: MatterStatus;

  @Field(() => MatterCategory, { nullable: true, description: 'Only matters of this 办件类型' })
  category?: MatterCategory;

  @Field(() => ID, { nullable: true, description: 'Only matters of this implementing department (实施部门)' })
  departmentId?: string;

  @Field({ nullable: true, description: 'Only matters on (true) or off (false) the cross-region list (全区通办)' })
  crossRegion?: boolean;

  @Field({ nullable: true, description: 'One readable centre (a city user picking a subordinate); another code gives an empty list' })
  tenantCode?: string;

  @Field({ nullable: true, description: 'Matches the name or the code (Chinese text welcome)' })
  search?: string;
}

@InputType({ description: 'Narrows a list of published service guides' })
export class PublicMatterFilter {
  @Field(() => MatterCategory, { nullable: true, description: 'Only matters of this 办件类型' })
  category?: MatterCategory;

  @Field({ nullable: true, description: 'Only matters on (true) or off (false) the cross-region list (全区通办)' })
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

@InputType({ description: 'Platform admin: put a matter code on, or take it off, a province’s cross-region list (全区通办清单)' })
export class CrossRegionMatterInput {
  @Field({ description: 'The province’s division code, e.g. 150000' })
  provinceCode: string;

  @Field({ description: '事项编码 of the matter' })
  code: string;

  @Field({ defaultValue: '', description: '事项名称 as listed; required when listing' })
  name: string;

  @Field({ description: 'true: put on the list; false: take off' })
  listed: boolean;
}
