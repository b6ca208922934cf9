import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs, mapConnection } from '../../graphql/connection';
import { Department, Tenant } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { FeeItem, MaterialRequirement, Matter } from './entities';
import {
  AdoptMatterInput,
  CrossRegionMatterInput,
  CreateMatterInput,
  MatterFilter,
  MatterVersionInput,
  PublicMatterFilter,
  SuspendMatterInput,
  UpdateMatterInput,
  MatterOrderField,
  matterSorting,
} from './inputs';
import { AdoptableMatter, CrossRegionListEntry, GuideFeeItem, GuideMaterial, GuideWindow, MatterConsistencyReport, MatterGuide } from './types';
import { Window } from '../windows/entities';
import * as windows from '../windows/service';
import * as matters from './service';
import * as consistency from './consistency';

const MatterConnection = Connection(Matter);
const MatterGuideConnection = Connection(MatterGuide);
const AdoptableMatterConnection = Connection(AdoptableMatter);

@Resolver(() => Matter)
export class MatterResolver {
  @Query(() => [CrossRegionListEntry], { description: '全区通办清单: the cross-region list of a province (自治区 156 items)' })
  crossRegionMatters(@Ctx() ctx: RequestContext, @Arg('provinceCode', { description: 'The province’s division code, e.g. 150000' }) provinceCode: string): Promise<CrossRegionListEntry[]> {
    return matters.crossRegionMatters(ctx, provinceCode);
  }

  @Mutation(() => Boolean, { description: 'Platform admin (for the province): maintain a province’s cross-region list; returns whether the code is listed' })
  setCrossRegionMatter(@Ctx() ctx: RequestContext, @Arg('input') input: CrossRegionMatterInput): Promise<boolean> {
    return matters.setCrossRegionMatter(ctx, input);
  }

  @Query(() => MatterConnection, { description: 'Matters of the readable tenants' })
  matters(
    @Ctx() ctx: RequestContext,
    @Args(() => matterSorting.Args) args: ListArgs<MatterOrderField>,
    @Arg('filter', () => MatterFilter, { nullable: true }) filter?: MatterFilter,
  ): Promise<ConnectionResult<Matter>> {
    return matters.listMatters(ctx, args, filter);
  }

  @Query(() => AdoptableMatterConnection, { description: '事项认领: published matters of the levels above the viewer, to adopt' })
  async adoptableMatters(
    @Ctx() ctx: RequestContext,
    @Args(() => matterSorting.Args) args: ListArgs<MatterOrderField>,
    @Arg('filter', () => PublicMatterFilter, { nullable: true }) filter?: PublicMatterFilter,
  ): Promise<ConnectionResult<AdoptableMatter>> {
    const { connection, readOf, adopted } = await matters.adoptableMatters(ctx, args, filter);
    return mapConnection(connection, (matter) => ({
      sourceId: matter.globalId,
      adopted: adopted.has(matter.id),
      guide: MatterGuide.of(matter, readOf(matter)),
    }));
  }

  @Query(() => MatterConsistencyReport, { description: '三级九统: deviations and missing adoptions in a tenant and its subordinates' })
  matterConsistencyReport(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of a readable tenant: the report covers it and its subordinates' }) tenantCode: string,
  ): Promise<MatterConsistencyReport> {
    return consistency.consistencyReport(ctx, tenantCode);
  }

  @Mutation(() => Matter, { description: 'Create a locally defined matter (DRAFT). Centre admins of the tenant.' })
  createMatter(@Ctx() ctx: RequestContext, @Arg('input') input: CreateMatterInput): Promise<Matter> {
    return matters.createMatter(ctx, input);
  }

  @Mutation(() => Matter, { description: 'Change a matter; an adopted one may change its local fields only' })
  updateMatter(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateMatterInput): Promise<Matter> {
    return matters.updateMatter(ctx, input);
  }

  @Mutation(() => Matter, { description: '事项认领: adopt a published matter of a higher level (a DRAFT in the own tenant)' })
  adoptMatter(@Ctx() ctx: RequestContext, @Arg('input') input: AdoptMatterInput): Promise<Matter> {
    return matters.adoptMatter(ctx, input);
  }

  @Mutation(() => Matter, { description: 'Publish a DRAFT or SUSPENDED matter into the public guide' })
  publishMatter(@Ctx() ctx: RequestContext, @Arg('input') input: MatterVersionInput): Promise<Matter> {
    return matters.publishMatter(ctx, input);
  }

  @Mutation(() => Matter, { description: 'Suspend a PUBLISHED matter, with the reason' })
  suspendMatter(@Ctx() ctx: RequestContext, @Arg('input') input: SuspendMatterInput): Promise<Matter> {
    return matters.suspendMatter(ctx, input);
  }

  @FieldResolver(() => Tenant, {
    nullable: true,
    description: '政务服务中心 that owns the matter; null when the viewer may not read that tenant (a collaboration partner’s matter, read through a ticket’s contacts)',
  })
  tenant(@Ctx() ctx: RequestContext, @Root() matter: Matter): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, matter.tenantId);
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: '实施部门 (implementing department); null when the viewer may not read the matter’s tenant (a collaboration partner’s matter, read through a ticket’s contacts)',
  })
  department(@Ctx() ctx: RequestContext, @Root() matter: Matter): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, matter.departmentId);
  }

  @FieldResolver(() => [Department], { description: '联办件: departments that give an opinion' })
  jointDepartments(@Ctx() ctx: RequestContext, @Root() matter: Matter): Promise<Department[]> {
    return matters.jointDepartmentsOf(ctx, matter);
  }

  @FieldResolver(() => [MaterialRequirement], { description: '申请材料 (one of the nine elements)' })
  materials(@Ctx() ctx: RequestContext, @Root() matter: Matter): Promise<MaterialRequirement[]> {
    return matters.materialsOf(ctx, matter);
  }

  @FieldResolver(() => [FeeItem], { description: '收费项目' })
  feeItems(@Ctx() ctx: RequestContext, @Root() matter: Matter): Promise<FeeItem[]> {
    return matters.feeItemsOf(ctx, matter);
  }

  @FieldResolver(() => Boolean, { description: 'Adopted from a higher level (三级九统): its nine elements follow the source' })
  adopted(@Root() matter: Matter): boolean {
    return matter.sourceMatterId !== null;
  }

  @FieldResolver(() => [Window], { description: 'Windows that serve this matter' })
  windows(@Ctx() ctx: RequestContext, @Root() matter: Matter): Promise<Window[]> {
    return windows.windowsServingMatter(ctx, matter.id);
  }

  @FieldResolver(() => Matter, { nullable: true, description: 'The adopted source (三级九统); null for a locally defined matter or when the viewer may not read the source’s tenant' })
  source(@Ctx() ctx: RequestContext, @Root() matter: Matter): Promise<Matter | null> {
    return matters.sourceOf(ctx, matter);
  }
}

@Resolver(() => MatterGuide)
export class MatterGuideResolver {
  @Query(() => MatterGuideConnection, { description: '办事指南: the published guide of a centre; no token needed' })
  async publicMatters(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of the centre whose guide to read' }) tenantCode: string,
    @Args(() => matterSorting.Args) args: ListArgs<MatterOrderField>,
    @Arg('filter', () => PublicMatterFilter, { nullable: true }) filter?: PublicMatterFilter,
  ): Promise<ConnectionResult<MatterGuide>> {
    const { connection, read } = await matters.publicMatters(ctx, tenantCode, args, filter);
    // An unknown centre has no read view and, through its empty scope, no rows to map.
    return mapConnection(connection, (matter) => MatterGuide.of(matter, read!));
  }

  @Query(() => MatterGuide, { nullable: true, description: '办事指南 of one published matter; no token needed' })
  async publicMatter(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of the centre' }) tenantCode: string,
    @Arg('code', { description: '事项编码 (matter code), e.g. XK21030001' }) code: string,
  ): Promise<MatterGuide | null> {
    const found = await matters.publicMatter(ctx, tenantCode, code);
    return found ? MatterGuide.of(found.matter, found.read) : null;
  }

  @FieldResolver(() => [GuideMaterial], { description: '申请材料' })
  materials(@Ctx() ctx: RequestContext, @Root() guide: MatterGuide): Promise<GuideMaterial[]> {
    return matters.materialsOf(ctx, guide.matter, guide.read);
  }

  @FieldResolver(() => [GuideFeeItem], { description: '公开收费标准' })
  feeItems(@Ctx() ctx: RequestContext, @Root() guide: MatterGuide): Promise<GuideFeeItem[]> {
    return matters.feeItemsOf(ctx, guide.matter, guide.read);
  }

  @FieldResolver(() => [GuideWindow], { description: 'Open windows that serve it: number, name, hall (no staff)' })
  async windows(@Ctx() ctx: RequestContext, @Root() guide: MatterGuide): Promise<GuideWindow[]> {
    const open = await windows.windowsServingMatter(ctx, guide.matter.id, { publicTenantId: guide.read.tenant.id });
    return open.map((w) => ({ number: w.number, name: w.name, hall: w.hall, windowId: w.id, tenant: guide.read.tenant }));
  }

  @FieldResolver(() => String, { description: '实施部门 name' })
  async departmentName(@Ctx() ctx: RequestContext, @Root() guide: MatterGuide): Promise<string> {
    const department = await tenancy.loadDepartment(ctx, guide.matter.departmentId, { db: guide.read.db, key: `public:${guide.read.tenant.id}` });
    return department?.name ?? '';
  }
}
