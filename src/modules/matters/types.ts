import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MaterialForm, Matter, MatterCategory, MatterType, ServiceObject } from './entities';
import { Tenant } from '../tenancy/entities';
import type { PublicGuideRead } from './service';

@ObjectType({ description: '申请材料 as published in a service guide' })
export class GuideMaterial {
  @Field({ description: '材料名称' })
  name: string;

  @Field({ description: 'Required (必要) or optional (容缺/非必要)' })
  required: boolean;

  @Field(() => MaterialForm, { description: '材料形式: original, copy, both, or electronic' })
  form: MaterialForm;

  @Field(() => Int, { description: '份数 (number of copies)' })
  copies: number;

  @Field({ description: '备注; empty when none' })
  notes: string;
}

@ObjectType({ description: '收费标准 as published in a service guide' })
export class GuideFeeItem {
  @Field({ description: '收费项目名称' })
  name: string;

  @Field({ description: '收费依据' })
  basis: string;

  @Field(() => Int, { description: 'Amount in fen (分)' })
  amountFen: number;
}

@ObjectType({ description: 'A window that serves the matter (public: no staff)' })
export class GuideWindow {
  @Field({ description: '窗口号' })
  number: string;

  @Field({ description: 'Window name' })
  name: string;

  @Field({ description: '大厅 / 区域 where the window is, e.g. 一楼B区' })
  hall: string;

  /** The window behind the entry and its centre, for what other modules show beside it (公告). */
  windowId: number;
  tenant: Tenant;
}

/**
 * 办事指南: the public view of a PUBLISHED matter (政务公开, 六公开: duties, basis,
 * preconditions, procedure, time limit, fee standard), plus materials, phones and the
 * windows that serve it. Nothing internal: no ids, no staff, no status.
 */
@ObjectType({ description: '办事指南: the public service guide of a published matter' })
export class MatterGuide {
  @Field({ description: '事项编码' })
  code: string;

  @Field({ description: '事项名称' })
  name: string;

  @Field(() => MatterType, { description: '事项类型' })
  type: MatterType;

  @Field(() => MatterCategory, { description: '办件类型' })
  category: MatterCategory;

  @Field({ description: '公开工作职责' })
  duties: string;

  @Field({ description: '公开办事依据' })
  basis: string;

  @Field({ description: '公开前置条件 (受理条件)' })
  acceptanceConditions: string;

  @Field({ description: '公开办事程序' })
  procedure: string;

  @Field(() => Int, { description: '法定时限 (working days)' })
  legalLimitDays: number;

  @Field(() => Int, { description: '公开办事时限: 承诺时限 (working days)' })
  promisedLimitDays: number;

  @Field({ description: '中介服务' })
  intermediaryServices: string;

  @Field(() => [ServiceObject], { description: '服务对象: natural persons, legal persons or both' })
  serviceObjects: ServiceObject[];

  @Field({ description: '咨询电话' })
  consultationPhone: string;

  @Field({ description: '投诉电话' })
  complaintPhone: string;

  @Field({ description: '办理地点' })
  address: string;

  @Field({ description: '全区通办' })
  crossRegion: boolean;

  @Field({ description: 'The centre (tenant) code' })
  tenantCode: string;

  @Field({ description: 'The centre name' })
  tenantName: string;

  /** The row behind the guide and the read-only view to load its parts through. */
  matter: Matter;
  read: PublicGuideRead;

  static of(matter: Matter, read: PublicGuideRead): MatterGuide {
    const tenant: Tenant = read.tenant;
    return Object.assign(new MatterGuide(), {
      code: matter.code,
      name: matter.name,
      type: matter.type,
      category: matter.category,
      duties: matter.duties,
      basis: matter.basis,
      acceptanceConditions: matter.acceptanceConditions,
      procedure: matter.procedure,
      legalLimitDays: matter.legalLimitDays,
      promisedLimitDays: matter.promisedLimitDays,
      intermediaryServices: matter.intermediaryServices,
      serviceObjects: matter.serviceObjects,
      consultationPhone: matter.consultationPhone,
      complaintPhone: matter.complaintPhone,
      address: matter.address,
      crossRegion: matter.crossRegion,
      tenantCode: tenant.code,
      tenantName: tenant.name,
      matter,
      read,
    });
  }
}

@ObjectType({ description: '事项认领: a published matter of a higher level, as its public guide' })
export class AdoptableMatter {
  @Field(() => ID, { description: 'Pass as `sourceId` to adoptMatter' })
  sourceId: string;

  @Field({ description: "Whether the viewer's centre has adopted it" })
  adopted: boolean;

  @Field(() => MatterGuide, { description: 'The matter as published (办事指南)' })
  guide: MatterGuide;
}

@ObjectType({ description: 'A locally created matter whose nine elements differ from the same code above' })
export class MatterDeviation {
  @Field(() => Matter, { description: 'The local matter that deviates' })
  matter: Matter;

  @Field({ description: 'Code of the matter defined above (same as the local one)' })
  sourceCode: string;

  @Field({ description: 'Name of the matter defined above' })
  sourceName: string;

  @Field({ description: 'Division code of the tenant that defines it' })
  sourceTenantCode: string;

  @Field(() => [String], { description: 'The elements that differ (name, type, basis, … materials)' })
  differingElements: string[];
}

@ObjectType({ description: 'A subordinate tenant that has not adopted a published matter of a level above' })
export class MissingAdoption {
  @Field({ description: '事项编码 of the published matter not adopted' })
  sourceCode: string;

  @Field({ description: 'Name of that matter' })
  sourceName: string;

  @Field({ description: '行政区划代码 of the tenant that publishes it' })
  sourceTenantCode: string;

  @Field(() => Tenant, { description: 'The subordinate tenant that has not adopted it (事项认领)' })
  tenant: Tenant;
}

@ObjectType({ description: '三级九统 consistency of a tenant and its subordinates' })
export class MatterConsistencyReport {
  @Field(() => [MatterDeviation], { description: 'Local matters whose nine elements differ from the matter of the same code above' })
  deviations: MatterDeviation[];

  @Field(() => [MissingAdoption], { description: 'Published matters above that a subordinate has not adopted' })
  missingAdoptions: MissingAdoption[];
}

@ObjectType({ description: '全区通办清单: a matter code on a province’s cross-region list' })
export class CrossRegionListEntry {
  @Field({ description: 'The province’s division code' })
  provinceCode: string;

  @Field({ description: '事项编码 on the list; a centre’s matter with this code may travel within the province' })
  code: string;

  @Field({ description: '事项名称 as listed' })
  name: string;
}
