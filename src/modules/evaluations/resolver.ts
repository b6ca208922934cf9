import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import { Window } from '../windows/entities';
import { Matter } from '../matters/entities';
import { Application } from '../applications/entities';
import * as tenancy from '../tenancy/service';
import * as windows from '../windows/service';
import * as matters from '../matters/service';
import { Evaluation, RATING, Rectification, RectificationEvent, RectificationStage } from './entities';
import {
  CompleteRectificationInput,
  EvaluateCaseInput,
  EvaluationFilter,
  EvaluationGrouping,
  EvaluationOrderField,
  EvaluationSettingsInput,
  evaluationSorting,
  RecordEvaluationInput,
  RectificationFilter,
  RectificationOrderField,
  RectificationReturnVisitInput,
  rectificationSorting,
  VerifyRectificationInput,
} from './inputs';
import { EvaluationSettingsView, EvaluationStatsRow, PublicRatingReceipt } from './types';
import * as evaluations from './service';

const EvaluationConnection = Connection(Evaluation);
const RectificationConnection = Connection(Rectification);

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Mutation(() => PublicRatingReceipt, {
    nullable: true,
    description:
      '网上/短信/扫码评价, without signing in: rate a finished case by its number and the last four digits of the applicant’s phone (checked and throttled like applicationProgress); null when they do not match, as for a number that does not exist',
  })
  evaluateCase(@Ctx() ctx: RequestContext, @Arg('input') input: EvaluateCaseInput): Promise<PublicRatingReceipt | null> {
    return evaluations.evaluateCase(ctx, input);
  }

  @Mutation(() => Evaluation, { description: 'A rating taken by staff: the window pad (WINDOW_STAFF on duty at the window) or a 12345 call (CENTRE_ADMIN or SUPERVISOR)' })
  recordEvaluation(@Ctx() ctx: RequestContext, @Arg('input') input: RecordEvaluationInput): Promise<Evaluation> {
    return evaluations.recordEvaluation(ctx, input);
  }

  @Query(() => EvaluationConnection, { description: '好差评 of the readable centres, for centre admins, supervisors and auditors; other staff see the ratings of themselves' })
  evaluations(
    @Ctx() ctx: RequestContext,
    @Args(() => evaluationSorting.Args) args: ListArgs<EvaluationOrderField>,
    @Arg('filter', () => EvaluationFilter, { nullable: true }) filter?: EvaluationFilter,
  ): Promise<ConnectionResult<Evaluation>> {
    return evaluations.listEvaluations(ctx, args, filter);
  }

  @Query(() => [EvaluationStatsRow], { description: '好差评 figures over the ratings given in [from, to), computed in SQL; centre admins, supervisors and auditors' })
  evaluationStats(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of a readable centre; with TENANT its readable subordinates too' }) tenantCode: string,
    @Arg('from', { description: 'Ratings given at or after this instant' }) from: Date,
    @Arg('to', { description: 'Ratings given before this instant (exclusive)' }) to: Date,
    @Arg('groupBy', () => EvaluationGrouping, { description: 'One row per window, staff member, department, matter or centre' }) groupBy: EvaluationGrouping,
  ): Promise<EvaluationStatsRow[]> {
    return evaluations.evaluationStats(ctx, tenantCode, from, to, groupBy);
  }

  @Query(() => EvaluationSettingsView, { nullable: true, description: 'A readable centre’s 好差评 settings; null when missing or out of scope' })
  evaluationSettings(@Ctx() ctx: RequestContext, @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string): Promise<EvaluationSettingsView | null> {
    return evaluations.evaluationSettings(ctx, tenantCode);
  }

  @Mutation(() => EvaluationSettingsView, { description: 'Centre admin: the own centre’s verification and rectification limits in working days' })
  setEvaluationSettings(@Ctx() ctx: RequestContext, @Arg('input') input: EvaluationSettingsInput): Promise<EvaluationSettingsView> {
    return evaluations.setEvaluationSettings(ctx, input);
  }

  @FieldResolver(() => Int, { description: 'GLOSSARY rating: 5 (VERY_SATISFIED) to 1 (VERY_DISSATISFIED)' })
  rating(@Root() evaluation: Evaluation): number {
    return RATING[evaluation.level];
  }

  @FieldResolver(() => Boolean, { description: '差评: one of the two lowest levels' })
  bad(@Root() evaluation: Evaluation): boolean {
    return RATING[evaluation.level] <= 2;
  }

  @FieldResolver(() => Tenant, { description: 'The centre rated' })
  tenant(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, evaluation.tenantId);
  }

  @FieldResolver(() => Application, {
    nullable: true,
    description: 'The case rated; null for a 咨询, and null (named in extensions.redacted) to the staff and departments rated, since it names the rater',
  })
  application(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<Application | null> {
    return evaluations.ratedCaseOf(ctx, evaluation);
  }

  @FieldResolver(() => Matter, { nullable: true, description: 'The case’s matter; null for a 咨询, and (named in extensions.redacted) to the staff and departments rated' })
  async matter(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<Matter | null> {
    return matters.loadMatter(ctx, await evaluations.ratedMatterIdOf(ctx, evaluation));
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the service was given: the case’s decision (its intake, for a refusal or withdrawal), or the 咨询 itself; null (named in extensions.redacted) to the staff and departments rated on a case',
  })
  servedAt(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<Date | null> {
    return evaluations.servedAtOf(ctx, evaluation);
  }

  @FieldResolver(() => Window, { nullable: true, description: 'The window rated: the case’s receiving window, or the 咨询’s' })
  window(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<Window | null> {
    return windows.loadWindow(ctx, evaluation.windowId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The staff member rated: who received the case, or who served the 咨询' })
  staff(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<User | null> {
    return tenancy.loadUser(ctx, evaluation.staffId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The case’s implementing department, or the window’s department for a 咨询' })
  department(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, evaluation.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded it (window pad, 12345); null for a public rating' })
  recordedBy(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<User | null> {
    return tenancy.loadUser(ctx, evaluation.recordedById);
  }

  @FieldResolver(() => Rectification, { nullable: true, description: '整改 opened by a 差评; null for the others' })
  rectification(@Ctx() ctx: RequestContext, @Root() evaluation: Evaluation): Promise<Rectification | null> {
    return evaluations.rectificationOf(ctx, evaluation);
  }
}

@Resolver(() => Rectification)
export class RectificationResolver {
  @Query(() => RectificationConnection, { description: '整改 of the readable centres, for centre admins, supervisors and auditors; other staff see those about themselves' })
  rectifications(
    @Ctx() ctx: RequestContext,
    @Args(() => rectificationSorting.Args) args: ListArgs<RectificationOrderField>,
    @Arg('filter', () => RectificationFilter, { nullable: true }) filter?: RectificationFilter,
  ): Promise<ConnectionResult<Rectification>> {
    return evaluations.listRectifications(ctx, args, filter);
  }

  @Mutation(() => Rectification, { description: '回访核实 (centre admin, not rated): valid with the plan (due within the rectification working days), or not valid' })
  verifyRectification(@Ctx() ctx: RequestContext, @Arg('input') input: VerifyRectificationInput): Promise<Rectification> {
    return evaluations.verifyRectification(ctx, input);
  }

  @Mutation(() => Rectification, { description: '整改完成 (centre admin, not rated): what was done' })
  completeRectification(@Ctx() ctx: RequestContext, @Arg('input') input: CompleteRectificationInput): Promise<Rectification> {
    return evaluations.completeRectification(ctx, input);
  }

  @Mutation(() => Rectification, { description: '整改回访 (centre admin, not rated): the last return visit, closing the rectification' })
  recordRectificationReturnVisit(@Ctx() ctx: RequestContext, @Arg('input') input: RectificationReturnVisitInput): Promise<Rectification> {
    return evaluations.recordRectificationReturnVisit(ctx, input);
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The 差评 it follows' })
  evaluation(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<Evaluation | null> {
    return evaluations.evaluationOfRectification(ctx, rectification);
  }

  @FieldResolver(() => Tenant, { description: 'The centre that owns it' })
  tenant(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, rectification.tenantId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department that answers for it (the rating’s department)' })
  responsibleDepartment(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, rectification.responsibleDepartmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The staff member rated' })
  responsibleStaff(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<User | null> {
    return tenancy.loadUser(ctx, rectification.responsibleStaffId);
  }

  @FieldResolver(() => Window, { nullable: true, description: 'The window rated' })
  window(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<Window | null> {
    return windows.loadWindow(ctx, rectification.windowId);
  }

  @FieldResolver(() => RectificationStage, { nullable: true, description: 'The step it waits for; null once none runs' })
  stage(@Root() rectification: Rectification): RectificationStage | null {
    return evaluations.stageOf(rectification);
  }

  @FieldResolver(() => Boolean, { description: '电子监察: the running step is past its deadline, or it was rectified late' })
  late(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): boolean {
    return evaluations.isLate(rectification, ctx.now());
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who verified it' })
  verifiedBy(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<User | null> {
    return tenancy.loadUser(ctx, rectification.verifiedById);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded the rectification as done' })
  rectifiedBy(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<User | null> {
    return tenancy.loadUser(ctx, rectification.rectifiedById);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the last return visit' })
  returnVisitBy(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<User | null> {
    return tenancy.loadUser(ctx, rectification.returnVisitById);
  }

  @FieldResolver(() => [RectificationEvent], { description: 'Every step, in order' })
  timeline(@Ctx() ctx: RequestContext, @Root() rectification: Rectification): Promise<RectificationEvent[]> {
    return evaluations.timelineOf(ctx, rectification);
  }
}

@Resolver(() => RectificationEvent)
export class RectificationEventResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who took the step; null when a public rating opened it' })
  actor(@Ctx() ctx: RequestContext, @Root() event: RectificationEvent): Promise<User | null> {
    return tenancy.loadUser(ctx, event.actorId);
  }
}

@Resolver(() => EvaluationStatsRow)
export class EvaluationStatsRowResolver {
  @FieldResolver(() => Tenant, { nullable: true, description: 'TENANT: the centre' })
  tenant(@Ctx() ctx: RequestContext, @Root() row: EvaluationStatsRow): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, row.grouping === EvaluationGrouping.TENANT ? row.groupId : null);
  }

  @FieldResolver(() => Window, { nullable: true, description: 'WINDOW: the window' })
  window(@Ctx() ctx: RequestContext, @Root() row: EvaluationStatsRow): Promise<Window | null> {
    return windows.loadWindow(ctx, row.grouping === EvaluationGrouping.WINDOW ? row.groupId : null);
  }

  @FieldResolver(() => User, { nullable: true, description: 'STAFF: the staff member' })
  staff(@Ctx() ctx: RequestContext, @Root() row: EvaluationStatsRow): Promise<User | null> {
    return tenancy.loadUser(ctx, row.grouping === EvaluationGrouping.STAFF ? row.groupId : null);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'DEPARTMENT: the department' })
  department(@Ctx() ctx: RequestContext, @Root() row: EvaluationStatsRow): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, row.grouping === EvaluationGrouping.DEPARTMENT ? row.groupId : null);
  }

  @FieldResolver(() => Matter, { nullable: true, description: 'MATTER: the matter; null for the 咨询 group (no case)' })
  matter(@Ctx() ctx: RequestContext, @Root() row: EvaluationStatsRow): Promise<Matter | null> {
    return matters.loadMatter(ctx, row.grouping === EvaluationGrouping.MATTER ? row.groupId : null);
  }
}
