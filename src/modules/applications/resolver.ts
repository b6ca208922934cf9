import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { propertiesSelectedAt } from '../../graphql/selection';
import { Department, User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { MaterialRequirement, Matter } from '../matters/entities';
import { Window } from '../windows/entities';
import { AgencyService, Application, ApplicationAction, ApplicationEvent, JointOpinion, SupervisionLight } from './entities';
import {
  AcceptApplicationInput,
  ApplicationFilter,
  ApplicationOrderField,
  applicationSorting,
  ApplicationVersionInput,
  DecideWithdrawalInput,
  DeliverApplicationInput,
  ExtendApplicationInput,
  JointOpinionInput,
  NoteInput,
  ReasonInput,
  ReceiveApplicationInput,
  RecordAgencyServiceInput,
  RefuseApplicationInput,
  ReportInput,
  ReportReplyInput,
  ReopenJointOpinionInput,
  RequestSupplementInput,
  SupplementApplicationInput,
  SuspendApplicationInput,
} from './inputs';
import { ApplicationProgress, ApplicationStatsRow, NoticeItemType } from './types';
import * as service from './service';
import * as transitions from './transitions';
import * as supervision from './supervision';
import { applicationProgress } from './progress';
import { FIELDS_READ_FROM_CASE, loadRelationsAhead, loadTimelinesAhead, relationJoins, relationOf } from './relations';
import { applicationStats, StatsGrouping } from './statistics';
import { agencyServiceOf, recordAgencyService } from './agency-services';

const ApplicationConnection = Connection(Application);

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => ApplicationConnection, { description: '办件 of the readable tenants' })
  async applications(
    @Ctx() ctx: RequestContext,
    @Args(() => applicationSorting.Args) args: ListArgs<ApplicationOrderField>,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter?: ApplicationFilter,
  ): Promise<ConnectionResult<Application>> {
    const rows = ['edges', 'node'];
    const page = await service.listApplications(ctx, args, filter, propertiesSelectedAt(info, rows, FIELDS_READ_FROM_CASE), relationJoins(ctx, info, rows));
    const cases = page.edges.map((edge) => edge.node);
    await Promise.all([loadRelationsAhead(ctx, cases, info, rows), loadTimelinesAhead(ctx, cases, info, rows)]);
    return page;
  }

  @Query(() => Application, { nullable: true, description: 'A readable case by its number; null when missing or out of scope' })
  application(@Ctx() ctx: RequestContext, @Arg('number', { description: '办件编号, e.g. 210381-20261123-000042' }) number: string): Promise<Application | null> {
    return service.applicationByNumber(ctx, number);
  }

  @Query(() => [ApplicationStatsRow], { description: '数据统计 of the cases received in [from, to)' })
  applicationStats(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of a readable centre; a city’s code covers its subordinates too' }) tenantCode: string,
    @Arg('from', { description: 'Cases received at or after this instant' }) from: Date,
    @Arg('to', { description: 'Cases received before this instant (exclusive)' }) to: Date,
    @Arg('groupBy', () => StatsGrouping, { description: 'One row per department, window, matter or tenant' }) groupBy: StatsGrouping,
  ): Promise<ApplicationStatsRow[]> {
    return applicationStats(ctx, tenantCode, from, to, groupBy);
  }

  @Query(() => ApplicationProgress, { nullable: true, description: '办件进度查询, no token: null for an unknown number or a wrong pair' })
  applicationProgress(
    @Ctx() ctx: RequestContext,
    @Arg('number', { description: '办件编号 printed on the receipt (受理回执)' }) number: string,
    @Arg('phoneLast4', { description: 'Last 4 digits of the applicant’s phone, as given at intake' }) phoneLast4: string,
  ): Promise<ApplicationProgress | null> {
    return applicationProgress(ctx, number, phoneLast4);
  }

  @Mutation(() => Application, { description: '接件 (WINDOW_STAFF): a new case, SUBMITTED, numbered' })
  receiveApplication(@Ctx() ctx: RequestContext, @Arg('input') input: ReceiveApplicationInput): Promise<Application> {
    return service.receiveApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '受理 (the acceptor: posted window staff, or the approvers for acceptedBy APPROVER): every required material present; the deadline starts' })
  acceptApplication(@Ctx() ctx: RequestContext, @Arg('input') input: AcceptApplicationInput): Promise<Application> {
    return transitions.acceptApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '补正 (the acceptor): AWAITING_SUPPLEMENT with the one-time notice (一次性告知) and the supplement deadline' })
  requestSupplement(@Ctx() ctx: RequestContext, @Arg('input') input: RequestSupplementInput): Promise<Application> {
    return transitions.requestSupplement(ctx, input);
  }

  @Mutation(() => Application, { description: '补件 (WINDOW_STAFF): the materials now handed in; back to SUBMITTED' })
  supplementApplication(@Ctx() ctx: RequestContext, @Arg('input') input: SupplementApplicationInput): Promise<Application> {
    return transitions.supplementApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '逾期未补正 (the acceptor): after the supplement deadline, NOT_ACCEPTED with reason SUPPLEMENT_LAPSED' })
  closeLapsedSupplement(@Ctx() ctx: RequestContext, @Arg('input') input: ApplicationVersionInput): Promise<Application> {
    return transitions.closeLapsedSupplement(ctx, input);
  }

  @Mutation(() => Application, { description: '不予受理 (the acceptor): outside the matter’s scope or conditions, with the reason; final' })
  refuseApplication(@Ctx() ctx: RequestContext, @Arg('input') input: RefuseApplicationInput): Promise<Application> {
    return transitions.refuseApplication(ctx, input);
  }

  @Mutation(() => Application, { description: 'APPROVER of the implementing department starts the review' })
  startReview(@Ctx() ctx: RequestContext, @Arg('input') input: ApplicationVersionInput): Promise<Application> {
    return transitions.startReview(ctx, input);
  }

  @Mutation(() => Application, { description: '联办件: APPROVER of a joint department gives its opinion' })
  recordJointOpinion(@Ctx() ctx: RequestContext, @Arg('input') input: JointOpinionInput): Promise<Application> {
    return transitions.recordJointOpinion(ctx, input);
  }

  @Mutation(() => Application, { description: '联办件 (APPROVER of the implementing department): a dissenting department reviews again; its opinion is reopened' })
  reopenJointOpinion(@Ctx() ctx: RequestContext, @Arg('input') input: ReopenJointOpinionInput): Promise<Application> {
    return transitions.reopenJointOpinion(ctx, input);
  }

  @Mutation(() => Application, { description: '上报件: the 同意申报 opinion goes to the higher authority; REPORTED_UP, the centre’s clock ends' })
  recordReport(@Ctx() ctx: RequestContext, @Arg('input') input: ReportInput): Promise<Application> {
    return transitions.recordReport(ctx, input);
  }

  @Mutation(() => Application, { description: '上报件: record the higher authority’s reply; the case can then be decided' })
  recordReportReply(@Ctx() ctx: RequestContext, @Arg('input') input: ReportReplyInput): Promise<Application> {
    return transitions.recordReportReply(ctx, input);
  }

  @Mutation(() => Application, { description: '准予许可 (APPROVER of the implementing department)' })
  approveApplication(@Ctx() ctx: RequestContext, @Arg('input') input: NoteInput): Promise<Application> {
    return transitions.approveApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '不予许可, with the reason (APPROVER of the implementing department)' })
  denyApplication(@Ctx() ctx: RequestContext, @Arg('input') input: ReasonInput): Promise<Application> {
    return transitions.denyApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '挂起: site survey, expert review …; the clock stops' })
  suspendApplication(@Ctx() ctx: RequestContext, @Arg('input') input: SuspendApplicationInput): Promise<Application> {
    return transitions.suspendApplication(ctx, input);
  }

  @Mutation(() => Application, { description: 'End a suspension; the deadline moves by the working days it lasted' })
  resumeApplication(@Ctx() ctx: RequestContext, @Arg('input') input: ApplicationVersionInput): Promise<Application> {
    return transitions.resumeApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '延期: more working days, with the reason' })
  extendApplication(@Ctx() ctx: RequestContext, @Arg('input') input: ExtendApplicationInput): Promise<Application> {
    return transitions.extendApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '统一出件 (WINDOW_STAFF): the result is ready' })
  markResultReady(@Ctx() ctx: RequestContext, @Arg('input') input: ApplicationVersionInput): Promise<Application> {
    return transitions.markResultReady(ctx, input);
  }

  @Mutation(() => Application, { description: '送达 (WINDOW_STAFF): picked up, or mailed with carrier and tracking number' })
  deliverApplication(@Ctx() ctx: RequestContext, @Arg('input') input: DeliverApplicationInput): Promise<Application> {
    return transitions.deliverApplication(ctx, input);
  }

  @Mutation(() => Application, { description: '退件 request (WINDOW_STAFF), decided by a centre admin' })
  requestWithdrawal(@Ctx() ctx: RequestContext, @Arg('input') input: ReasonInput): Promise<Application> {
    return transitions.requestWithdrawal(ctx, input);
  }

  @Mutation(() => Application, { description: 'CENTRE_ADMIN approves (WITHDRAWN) or refuses a withdrawal request' })
  decideWithdrawal(@Ctx() ctx: RequestContext, @Arg('input') input: DecideWithdrawalInput): Promise<Application> {
    return transitions.decideWithdrawal(ctx, input);
  }

  @FieldResolver(() => Matter, {
    nullable: true,
    description: '政务服务事项 applied for; null when a collaboration partner reads the other centre’s case through a ticket (its catalogue is not the viewer’s)',
  })
  matter(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<Matter | null> {
    return relationOf(ctx, application, 'matter');
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: '实施部门 at intake; null when a collaboration partner reads the other centre’s case through a ticket',
  })
  department(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<Department | null> {
    return relationOf(ctx, application, 'department');
  }

  @FieldResolver(() => Window, {
    nullable: true,
    description: '受理窗口 (receiving window) that took the case in; null when a collaboration partner reads the other centre’s case through a ticket',
  })
  receivingWindow(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<Window | null> {
    return relationOf(ctx, application, 'receivingWindow');
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '接件人: the staff member who took the case in; null when a collaboration partner reads the other centre’s case through a ticket',
  })
  receivedBy(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<User | null> {
    return relationOf(ctx, application, 'receivedBy');
  }

  @FieldResolver(() => [ApplicationEvent], { description: 'Every transition in order; `last` keeps the latest n' })
  timeline(
    @Ctx() ctx: RequestContext,
    @Root() application: Application,
    @Arg('last', () => Int, { nullable: true, description: 'Keep only the latest n events (1-100); all when left out' }) last?: number,
  ): Promise<ApplicationEvent[]> {
    return service.eventsOf(ctx, application, last);
  }

  @FieldResolver(() => [JointOpinion], { description: '联办件 opinions given so far' })
  jointOpinions(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<JointOpinion[]> {
    return service.jointOpinionsOf(ctx, application);
  }

  @Mutation(() => AgencyService, {
    description: '帮办代办 (鞍山 衔接 三.3, 三.6; centre admins, or window staff of a centre department): records who helped with the case for which key project, or with its version replaces the record',
  })
  recordAgencyService(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAgencyServiceInput): Promise<AgencyService> {
    return recordAgencyService(ctx, input);
  }

  @FieldResolver(() => AgencyService, { nullable: true, description: '帮办代办: who of the centre helped with this case, for which key project; null when nobody did' })
  agencyService(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<AgencyService | null> {
    return agencyServiceOf(ctx, application);
  }

  @FieldResolver(() => [MaterialRequirement], {
    description: '收件: the matter’s materials handed in so far (at acceptance, 补正 and 补件); empty when read by a collaboration partner, whose catalogue this is not',
  })
  providedMaterials(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<MaterialRequirement[]> {
    return service.providedMaterialsOf(ctx, application);
  }

  @FieldResolver(() => [NoticeItemType], { description: '一次性告知: what was missing or wrong (补正)' })
  oneTimeNotice(@Root() application: Application): NoticeItemType[] {
    return application.oneTimeNotice ?? [];
  }

  @FieldResolver(() => SupervisionLight, { nullable: true, description: '电子监察 light; null without a deadline' })
  light(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<SupervisionLight | null> {
    return supervision.lightOfCase(ctx, application);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Working days left (negative: overdue); null without a running clock' })
  remainingWorkingDays(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<number | null> {
    return supervision.remainingWorkingDays(ctx, application);
  }

  @FieldResolver(() => Boolean, { description: '逾期未补正: awaiting supplement past its deadline' })
  supplementLapsed(@Ctx() ctx: RequestContext, @Root() application: Application): boolean {
    return supervision.supplementLapsed(application, ctx.now());
  }

  @FieldResolver(() => Int, { nullable: true, description: '上报件: working days with the higher authority, from the report to its reply (or now); not the centre’s time' })
  daysWithHigherAuthority(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<number | null> {
    return supervision.daysWithHigherAuthority(ctx, application);
  }

  @FieldResolver(() => [ApplicationAction], {
    description: 'The steps the viewer may take on this case now (its role, department or post, and the case’s state), for showing the right buttons; the mutations check the same table. A step may still be refused for its input or a rule of the moment (an extension past the deadline …).',
  })
  viewerCan(@Ctx() ctx: RequestContext, @Root() application: Application): Promise<string[]> {
    return transitions.allowedSteps(ctx, application);
  }

  @FieldResolver(() => Boolean, { description: '退件 requested and waiting for a centre admin' })
  withdrawalPending(@Root() application: Application): boolean {
    return application.withdrawalReason !== null && application.status !== 'WITHDRAWN';
  }
}

@Resolver(() => ApplicationEvent)
export class ApplicationEventResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who did it; null for steps the system took (a deadline moved by the calendar) or staff the viewer may not read',
  })
  actor(@Ctx() ctx: RequestContext, @Root() event: ApplicationEvent): Promise<User | null> {
    return tenancy.loadUser(ctx, event.actorId);
  }
}

@Resolver(() => JointOpinion)
export class JointOpinionResolver {
  @FieldResolver(() => Department, { description: 'The joint department (联办部门) that gave the opinion' })
  department(@Ctx() ctx: RequestContext, @Root() opinion: JointOpinion): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, opinion.departmentId);
  }
}

@Resolver(() => AgencyService)
export class AgencyServiceResolver {
  @FieldResolver(() => Application, { nullable: true, description: 'The case helped with' })
  application(@Ctx() ctx: RequestContext, @Root() record: AgencyService): Promise<Application | null> {
    return service.loadApplication(ctx, record.applicationId);
  }

  @FieldResolver(() => User, { nullable: true, description: '帮办人: the staff member of the centre who helped; null if the viewer may not read staff' })
  helper(@Ctx() ctx: RequestContext, @Root() record: AgencyService): Promise<User | null> {
    return tenancy.loadUser(ctx, record.helperId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded it (or last changed it)' })
  recordedBy(@Ctx() ctx: RequestContext, @Root() record: AgencyService): Promise<User | null> {
    return tenancy.loadUser(ctx, record.recordedById);
  }
}
