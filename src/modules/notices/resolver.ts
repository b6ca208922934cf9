import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { encodeGlobalId } from '../../graphql/global-id';
import { Tenant } from '../tenancy/entities';
import { GuideWindow, MatterGuide } from '../matters/types';
import * as windows from '../windows/service';
import { PublicNotice } from './entities';
import { CreatePublicNoticeInput, EditPublicNoticeDraftInput, PublicNoticeFilter, PublicNoticeOrderField, publicNoticeSorting, PublicNoticeVersionInput, SetCentreAddressInput, WithdrawPublicNoticeInput } from './inputs';
import { CentreAddressView, PublicNoticeGuide } from './types';
import * as notices from './service';
import * as publicNotices from './public';
import * as addresses from './addresses';

const PublicNoticeConnection = Connection(PublicNotice);

@Resolver(() => PublicNotice)
export class PublicNoticeResolver {
  @Mutation(() => PublicNotice, { description: '公告, centre admin: a new notice of the own centre, as a draft or published at once (a SERVICE_PAUSE closes its days in the same step)' })
  createNotice(@Ctx() ctx: RequestContext, @Arg('input') input: CreatePublicNoticeInput): Promise<PublicNotice> {
    return notices.createNotice(ctx, input);
  }

  @Mutation(() => PublicNotice, { description: 'Centre admin: change a draft notice (a published one is withdrawn, never edited)' })
  editNoticeDraft(@Ctx() ctx: RequestContext, @Arg('input') input: EditPublicNoticeDraftInput): Promise<PublicNotice> {
    return notices.editNoticeDraft(ctx, input);
  }

  @Mutation(() => PublicNotice, { description: 'Centre admin: publish a draft; what it announces (closure, address, hours) is scheduled from its date' })
  publishNotice(@Ctx() ctx: RequestContext, @Arg('input') input: PublicNoticeVersionInput): Promise<PublicNotice> {
    return notices.publishNotice(ctx, input);
  }

  @Mutation(() => PublicNotice, { description: 'Centre admin: withdraw a published notice; what it scheduled and has not taken effect is undone' })
  withdrawNotice(@Ctx() ctx: RequestContext, @Arg('input') input: WithdrawPublicNoticeInput): Promise<PublicNotice> {
    return notices.withdrawNotice(ctx, input);
  }

  @Query(() => PublicNoticeConnection, { description: '公告 of the readable centres, drafts included, for staff' })
  centreNotices(
    @Ctx() ctx: RequestContext,
    @Args(() => publicNoticeSorting.Args) args: ListArgs<PublicNoticeOrderField>,
    @Arg('filter', () => PublicNoticeFilter, { nullable: true }) filter?: PublicNoticeFilter,
  ): Promise<ConnectionResult<PublicNotice>> {
    return notices.listNotices(ctx, args, filter);
  }

  @Query(() => [PublicNoticeGuide], { description: '公告 of a centre in force or upcoming, earliest first; no token needed' })
  publicNotices(@Ctx() ctx: RequestContext, @Arg('tenantCode', { description: '行政区划代码 of the centre' }) tenantCode: string): Promise<PublicNoticeGuide[]> {
    return publicNotices.publicNotices(ctx, tenantCode);
  }

  @FieldResolver(() => [ID], { description: 'Global ids of the matters (事项) it names; empty with windowIds: the whole centre' })
  matterIds(@Root() notice: PublicNotice): string[] {
    return notice.matterIds.map((id) => encodeGlobalId('Matter', id));
  }

  @FieldResolver(() => [ID], { description: 'Global ids of the windows (窗口) it names' })
  windowIds(@Root() notice: PublicNotice): string[] {
    return notice.windowIds.map((id) => encodeGlobalId('Window', id));
  }
}

@Resolver(() => Tenant)
export class CentreAddressResolver {
  @Query(() => CentreAddressView, { description: "中心地址 of the viewer's centre, or of a readable one, with the moves announced" })
  centreAddress(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', () => String, { nullable: true, description: '行政区划代码; default: your own centre' }) tenantCode?: string | null,
  ): Promise<CentreAddressView> {
    return addresses.centreAddressView(ctx, tenantCode ?? undefined);
  }

  @Mutation(() => CentreAddressView, { description: 'Centre admin: set or correct the address of the own centre in force today (a move is a RELOCATION notice)' })
  setCentreAddress(@Ctx() ctx: RequestContext, @Arg('input') input: SetCentreAddressInput): Promise<CentreAddressView> {
    return addresses.setCentreAddress(ctx, input);
  }

  @FieldResolver(() => String, { nullable: true, description: '中心地址 in force today (a relocation takes effect on its date); null while none is set' })
  address(@Ctx() ctx: RequestContext, @Root() tenant: Tenant): Promise<string | null> {
    return addresses.centreAddressOf(ctx, tenant);
  }
}

@Resolver(() => MatterGuide)
export class MatterGuideNoticesResolver {
  @FieldResolver(() => String, { nullable: true, description: '中心地址 in force today; null while the centre has none' })
  centreAddress(@Ctx() ctx: RequestContext, @Root() guide: MatterGuide): Promise<string | null> {
    return addresses.centreAddressOf(ctx, guide.read.tenant);
  }

  @FieldResolver(() => [PublicNoticeGuide], { description: '公告 in force or upcoming that concern the matter: centre-wide ones and those naming it or a window serving it' })
  async notices(@Ctx() ctx: RequestContext, @Root() guide: MatterGuide): Promise<PublicNoticeGuide[]> {
    const serving = await windows.windowsServingMatter(ctx, guide.matter.id, { publicTenantId: guide.read.tenant.id });
    return publicNotices.noticesOfMatter(ctx, guide.read.tenant, guide.matter.id, serving.map((w) => w.id));
  }
}

@Resolver(() => GuideWindow)
export class GuideWindowNoticesResolver {
  @FieldResolver(() => [PublicNoticeGuide], { description: '公告 in force or upcoming that name this window' })
  notices(@Ctx() ctx: RequestContext, @Root() window: GuideWindow): Promise<PublicNoticeGuide[]> {
    return publicNotices.noticesOfWindow(ctx, window.tenant, window.windowId);
  }
}
