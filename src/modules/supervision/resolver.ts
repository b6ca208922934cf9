import { Arg, Args, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs, pageSize } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import { Application, SupervisionLight } from '../applications/entities';
import { TicketStep } from '../collaboration/entities';
import { Complaint, Sanction } from '../complaints/entities';
import * as tenancy from '../tenancy/service';
import * as applications from '../applications/service';
import * as collaboration from '../collaboration/service';
import * as complaints from '../complaints/service';
import * as coordination from '../coordination/service';
import { WorkItem } from '../coordination/entities';
import * as register from '../complaints/sanctions';
import { CaseSample, SupervisionNoticeCause, SupervisionNoticeStatus, SampledCase, SupervisionNotice, SupervisionNoticeEvent } from './entities';
import {
  DrawCaseSampleInput,
  IssueSupervisionNoticeInput,
  NoticeOrderField,
  noticeSorting,
  RecordSamplingFindingInput,
  ReplyToSupervisionNoticeInput,
  SampleOrderField,
  sampleSorting,
  SendBackSupervisionNoticeInput,
  SupervisionNoticeFilter,
  SupervisionNoticeVersionInput,
  SupervisionSettingsInput,
} from './inputs';
import * as supervision from './service';
import { Rectification } from '../evaluations/entities';
import { AlertGroup, supervisionAlerts } from './service';

@ObjectType({ description: '电子监察: what is late or nearly late in one tenant' })
export class SupervisionAlertGroup {
  @Field(() => Tenant, { description: 'The centre (政务服务中心) these alerts are about' })
  tenant: Tenant;

  @Field(() => Int, { description: 'Open cases past their deadline' })
  red: number;

  @Field(() => Int, { description: 'Open cases with at most one working day left' })
  yellow: number;

  @Field(() => [Application], { description: 'The most urgent first' })
  cases: Application[];

  @Field(() => [Application], { description: '逾期未补正: cases awaiting supplement past the supplement deadline; they may be closed as NOT_ACCEPTED' })
  lapsedSupplements: Application[];

  @Field(() => [Application], { description: 'Running cases whose deadline is provisional: it reaches into a year whose national holiday schedule is not loaded' })
  provisionalDeadlines: Application[];

  @Field(() => [TicketStep], { description: 'Open collaboration-ticket steps this tenant owns, past due' })
  overdueTicketSteps: TicketStep[];

  @Field(() => [Complaint], { description: '投诉超期: open complaints past their reply deadline, the most overdue first (for the roles that read complaints)' })
  lateComplaints: Complaint[];

  @Field(() => [Rectification], { description: '整改超期: 差评 rectifications past their verification or rectification deadline, the most overdue first (for the roles that read them)' })
  lateRectifications: Rectification[];
}

@Resolver()
export class SupervisionResolver {
  @Query(() => [SupervisionAlertGroup], { description: '电子监察: late cases, ticket steps, complaints and rectifications of a tenant and its readable subordinates, by tenant' })
  supervisionAlerts(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of a readable centre; its readable subordinates are included' }) tenantCode: string,
    @Arg('first', () => Int, { nullable: true, description: 'Cases per tenant, 1-100 (default 20)' }) first?: number,
  ): Promise<AlertGroup[]> {
    return supervisionAlerts(ctx, tenantCode, pageSize(first));
  }
}

const NoticeConnection = Connection(SupervisionNotice);
const SampleConnection = Connection(CaseSample);

@ObjectType({ description: 'A centre’s supervision settings (the defaults when it has set none)' })
export class SupervisionSettingsView {
  @Field(() => Tenant, { description: 'The centre' })
  tenant: Tenant;

  @Field(() => Int, { description: 'Working days to answer a supervision notice (default 1)' })
  replyWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'Version to pass when changing them; null while the defaults apply' })
  version: number | null;
}

@ObjectType({ description: 'A case whose 电子监察 light the check saw change for the first time' })
export class CaseLightChange {
  @Field(() => Application, { nullable: true, description: 'The case, if the viewer may read it' })
  application: Application | null;

  @Field(() => SupervisionLight, { description: 'YELLOW (at most one working day left) or RED (overdue)' })
  light: SupervisionLight;
}

@ObjectType({ description: 'What one run of the 电子监察 check produced (only what this run wrote: a concurrent run reports the rest)' })
export class SupervisionCheckResult {
  @Field({ description: 'The run’s id' })
  runId: string;

  @Field(() => Int, { description: 'Notices this run issued' })
  issuedCount: number;

  @Field(() => [SupervisionNotice], { description: 'Notices this run issued, as the viewer may read them' })
  issued: SupervisionNotice[];

  @Field(() => Int, { description: 'Notices this run escalated to the superior centre' })
  escalatedCount: number;

  @Field(() => [SupervisionNotice], { description: 'Notices this run escalated, as the viewer may read them' })
  escalated: SupervisionNotice[];

  @Field(() => [CaseLightChange], { description: 'Open cases this run saw turn YELLOW or RED for the first time' })
  lightChanges: CaseLightChange[];
}

@Resolver(() => SupervisionNotice)
export class SupervisionNoticeResolver {
  @Query(() => NoticeConnection, {
    description:
      '督办单 the viewer may read: in the own centre, admins, supervisors and auditors all, other staff those addressed to their department; in subordinate centres, auditors all, admins and supervisors the escalated ones',
  })
  supervisionNotices(
    @Ctx() ctx: RequestContext,
    @Args(() => noticeSorting.Args) args: ListArgs<NoticeOrderField>,
    @Arg('filter', () => SupervisionNoticeFilter, { nullable: true }) filter?: SupervisionNoticeFilter,
  ): Promise<ConnectionResult<SupervisionNotice>> {
    return supervision.listNotices(ctx, args, filter);
  }

  @Query(() => SupervisionSettingsView, { nullable: true, description: 'A readable centre’s supervision settings; null when missing or out of scope' })
  supervisionSettings(@Ctx() ctx: RequestContext, @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string): Promise<SupervisionSettingsView | null> {
    return supervision.supervisionSettings(ctx, tenantCode);
  }

  @Mutation(() => SupervisionSettingsView, { description: 'Centre admin: the own centre’s reply limit for supervision notices, in working days' })
  setSupervisionSettings(@Ctx() ctx: RequestContext, @Arg('input') input: SupervisionSettingsInput): Promise<SupervisionSettingsView> {
    return supervision.setSupervisionSettings(ctx, input);
  }

  @Mutation(() => SupervisionNotice, { description: '人工督办: a centre admin or supervisor issues a notice to a department of the own centre (锦州 第十一条)' })
  issueSupervisionNotice(@Ctx() ctx: RequestContext, @Arg('input') input: IssueSupervisionNoticeInput): Promise<SupervisionNotice> {
    return supervision.issueNotice(ctx, input);
  }

  @Mutation(() => SupervisionNotice, { description: '反馈: the responsible department answers a notice (cause and correction)' })
  replyToSupervisionNotice(@Ctx() ctx: RequestContext, @Arg('input') input: ReplyToSupervisionNoticeInput): Promise<SupervisionNotice> {
    return supervision.replyToNotice(ctx, input);
  }

  @Mutation(() => SupervisionNotice, { description: '退回: the issuer sends the reply back with a reason and a new reply deadline' })
  sendBackSupervisionNotice(@Ctx() ctx: RequestContext, @Arg('input') input: SendBackSupervisionNoticeInput): Promise<SupervisionNotice> {
    return supervision.sendBackNotice(ctx, input);
  }

  @Mutation(() => SupervisionNotice, { description: '办结: the issuer accepts the reply' })
  acceptSupervisionNotice(@Ctx() ctx: RequestContext, @Arg('input') input: SupervisionNoticeVersionInput): Promise<SupervisionNotice> {
    return supervision.acceptNotice(ctx, input);
  }

  @Mutation(() => SupervisionCheckResult, { description: 'Centre admin or supervisor: run the 电子监察 check now over a readable centre (default the own) and its readable subordinates; the job does the same every minute' })
  async runSupervisionCheck(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { nullable: true, description: '行政区划代码; default the own centre' }) tenantCode?: string,
  ): Promise<SupervisionCheckResult> {
    const { report, issued, escalated } = await supervision.runSupervisionCheck(ctx, tenantCode);
    const lightChanges = await Promise.all(report.lightChanges.map(async (change) => ({ application: await applications.loadApplication(ctx, change.applicationId), light: change.light })));
    return { runId: report.runId ?? '', issuedCount: report.issued.length, issued, escalatedCount: report.escalated.length, escalated, lightChanges };
  }

  @FieldResolver(() => Tenant, { description: 'The centre it was issued in' })
  tenant(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, notice.tenantId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '责任部门: the department that must answer; null when the centre itself answers (its admins)' })
  department(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, notice.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: '责任人, where known' })
  person(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<User | null> {
    return tenancy.loadUser(ctx, notice.personId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who issued it; null when the check did' })
  issuedBy(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<User | null> {
    return tenancy.loadUser(ctx, notice.issuedById);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who gave the last reply' })
  repliedBy(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<User | null> {
    return tenancy.loadUser(ctx, notice.repliedById);
  }

  @FieldResolver(() => Application, { nullable: true, description: 'For CASE_OVERDUE: the case, if the viewer may read it' })
  application(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<Application | null> {
    return notice.causeKind === SupervisionNoticeCause.CASE_OVERDUE ? applications.loadApplication(ctx, notice.causeId) : Promise.resolve(null);
  }

  @FieldResolver(() => TicketStep, { nullable: true, description: 'For TICKET_STEP_OVERDUE: the late step, if the viewer may read it' })
  ticketStep(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<TicketStep | null> {
    return notice.causeKind === SupervisionNoticeCause.TICKET_STEP_OVERDUE ? collaboration.loadStep(ctx, notice.causeId) : Promise.resolve(null);
  }

  @FieldResolver(() => Complaint, { nullable: true, description: 'For COMPLAINT_OVERDUE: the complaint, if the viewer may read complaints' })
  complaint(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<Complaint | null> {
    return notice.causeKind === SupervisionNoticeCause.COMPLAINT_OVERDUE && notice.causeId !== null ? complaints.loadComplaint(ctx, notice.causeId) : Promise.resolve(null);
  }

  @FieldResolver(() => WorkItem, { nullable: true, description: 'For WORK_ITEM_OVERDUE and WORK_ITEM_STALLED: the work item (衔接事项), if the viewer may read it' })
  workItem(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<WorkItem | null> {
    if (notice.causeId === null) return Promise.resolve(null);
    if (notice.causeKind === SupervisionNoticeCause.WORK_ITEM_OVERDUE) return coordination.workItemOfNotice(ctx, { part: notice.causeId });
    if (notice.causeKind === SupervisionNoticeCause.WORK_ITEM_STALLED) return coordination.workItemOfNotice(ctx, { item: notice.causeId });
    return Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, { description: 'Unanswered past its reply deadline now' })
  overdue(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): boolean {
    return notice.status === SupervisionNoticeStatus.AWAITING_REPLY && notice.replyDueAt < ctx.now();
  }

  @FieldResolver(() => [SupervisionNoticeEvent], { description: 'Every step, in order' })
  timeline(@Ctx() ctx: RequestContext, @Root() notice: SupervisionNotice): Promise<SupervisionNoticeEvent[]> {
    return supervision.timelineOf(ctx, notice);
  }
}

@Resolver(() => SupervisionNoticeEvent)
export class SupervisionNoticeEventResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who took the step; null for the check' })
  actor(@Ctx() ctx: RequestContext, @Root() event: SupervisionNoticeEvent): Promise<User | null> {
    return tenancy.loadUser(ctx, event.actorId);
  }
}

@Resolver(() => CaseSample)
export class CaseSampleResolver {
  @Query(() => SampleConnection, { description: '办件抽查 of the readable centres, for centre admins, supervisors and auditors' })
  caseSamples(
    @Ctx() ctx: RequestContext,
    @Args(() => sampleSorting.Args) args: ListArgs<SampleOrderField>,
    @Arg('tenantCode', { nullable: true, description: 'Only this centre’s samples' }) tenantCode?: string,
  ): Promise<ConnectionResult<CaseSample>> {
    return supervision.listSamples(ctx, args, tenantCode);
  }

  @Mutation(() => CaseSample, { description: '办件抽查: a centre admin or supervisor draws finished cases of the own centre at random, reproducibly (the seed is kept)' })
  drawCaseSample(@Ctx() ctx: RequestContext, @Arg('input') input: DrawCaseSampleInput): Promise<CaseSample> {
    return supervision.drawCaseSample(ctx, input);
  }

  @Mutation(() => SampledCase, { description: '抽查结论: an inspector records the finding on one sampled case (once)' })
  recordSamplingFinding(@Ctx() ctx: RequestContext, @Arg('input') input: RecordSamplingFindingInput): Promise<SampledCase> {
    return supervision.recordSamplingFinding(ctx, input);
  }

  @FieldResolver(() => Tenant, { description: 'The centre sampled' })
  tenant(@Ctx() ctx: RequestContext, @Root() sample: CaseSample): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, sample.tenantId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The implementing department drawn from; null for the whole centre' })
  department(@Ctx() ctx: RequestContext, @Root() sample: CaseSample): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, sample.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who drew it' })
  drawnBy(@Ctx() ctx: RequestContext, @Root() sample: CaseSample): Promise<User | null> {
    return tenancy.loadUser(ctx, sample.drawnById);
  }

  @FieldResolver(() => [SampledCase], { description: 'The cases drawn, in the order of the draw' })
  cases(@Ctx() ctx: RequestContext, @Root() sample: CaseSample): Promise<SampledCase[]> {
    return supervision.casesOfSample(ctx, sample);
  }
}

@Resolver(() => SampledCase)
export class SampledCaseResolver {
  @FieldResolver(() => CaseSample, { nullable: true, description: 'The sample it belongs to' })
  sample(@Ctx() ctx: RequestContext, @Root() sampled: SampledCase): Promise<CaseSample | null> {
    return supervision.loadSample(ctx, sampled.sampleId);
  }

  @FieldResolver(() => Application, { nullable: true, description: 'The case inspected' })
  application(@Ctx() ctx: RequestContext, @Root() sampled: SampledCase): Promise<Application | null> {
    return applications.loadApplication(ctx, sampled.applicationId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The inspector' })
  inspectedBy(@Ctx() ctx: RequestContext, @Root() sampled: SampledCase): Promise<User | null> {
    return tenancy.loadUser(ctx, sampled.inspectedById);
  }

  @FieldResolver(() => [Sanction], { description: 'Sanctions resting on this finding, as the viewer may see them' })
  sanctions(@Ctx() ctx: RequestContext, @Root() sampled: SampledCase): Promise<Sanction[]> {
    return register.sanctionsOfSampledCase(ctx, sampled.id);
  }
}
