import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { GuardedBy, guardedDescription } from '../../auth/field-policy';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import { Window } from '../windows/entities';
import { Evaluation } from '../evaluations/entities';
import * as tenancy from '../tenancy/service';
import * as windows from '../windows/service';
import * as evaluations from '../evaluations/service';
import {
  AppraisalCommendation,
  AppraisalLine,
  AppraisalPeriod,
  AppraisalResult,
  AppraisalRuleItem,
  AppraisalRuleSet,
  AppraisalSubjectKind,
} from './entities';
import {
  AdjustAppraisalResultInput,
  AppraisalPeriodFilter,
  AppraisalPeriodOrderField,
  appraisalPeriodSorting,
  AppraisalPeriodVersionInput,
  AppraisalRulesInput,
  OpenAppraisalPeriodInput,
  RecordCommendationInput,
} from './inputs';
import { AppraisalEventLink } from './types';
import { resultBreakdownPolicy, resultCorrectedScorePolicy } from './policies';
import * as rules from './rules';
import * as periods from './periods';
import * as review from './review';
import * as commendations from './commendations';
import * as appraisal from './service';
import { AppraisalResultOrderField, appraisalResultSorting } from './service';

const AppraisalPeriodConnection = Connection(AppraisalPeriod);
const AppraisalResultConnection = Connection(AppraisalResult);

@Resolver(() => AppraisalRuleSet)
export class AppraisalRuleSetResolver {
  @Query(() => AppraisalRuleSet, { nullable: true, description: '考核细则 of a readable centre: the given version, or the newest; null when none' })
  appraisalRules(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string,
    @Arg('version', () => Int, { nullable: true, description: 'A rule version; leave out for the newest' }) version?: number,
  ): Promise<AppraisalRuleSet | null> {
    return rules.appraisalRules(ctx, tenantCode, version);
  }

  @Mutation(() => AppraisalRuleSet, { description: 'Centre admin: a new version of the own centre’s appraisal rules (锦州 第二十三条); open and published periods keep theirs' })
  setAppraisalRules(@Ctx() ctx: RequestContext, @Arg('input') input: AppraisalRulesInput): Promise<AppraisalRuleSet> {
    return rules.setAppraisalRules(ctx, input);
  }

  @FieldResolver(() => [AppraisalRuleItem], { description: 'The scoring items, in order' })
  items(@Ctx() ctx: RequestContext, @Root() ruleSet: AppraisalRuleSet): Promise<AppraisalRuleItem[]> {
    return rules.itemsOf(ctx, ruleSet.id);
  }
}

@Resolver(() => AppraisalPeriod)
export class AppraisalPeriodResolver {
  @Query(() => AppraisalPeriodConnection, { description: '考核周期 of the readable centres' })
  appraisalPeriods(
    @Ctx() ctx: RequestContext,
    @Args(() => appraisalPeriodSorting.Args) args: ListArgs<AppraisalPeriodOrderField>,
    @Arg('filter', () => AppraisalPeriodFilter, { nullable: true }) filter?: AppraisalPeriodFilter,
  ): Promise<ConnectionResult<AppraisalPeriod>> {
    return periods.listAppraisalPeriods(ctx, args, filter);
  }

  @Mutation(() => AppraisalPeriod, { description: 'Centre admin: open a period of the own centre with the rules in force and compute its draft (锦州 第三条(七), 第二十三条)' })
  openAppraisalPeriod(@Ctx() ctx: RequestContext, @Arg('input') input: OpenAppraisalPeriodInput): Promise<AppraisalPeriod> {
    return periods.openAppraisalPeriod(ctx, input);
  }

  @Mutation(() => AppraisalPeriod, { description: 'Centre admin: recompute a draft over the events as they are now (the period’s own rules; adjustments kept). Refused once published (CONFLICT, status PUBLISHED)' })
  recomputeAppraisal(@Ctx() ctx: RequestContext, @Arg('input') input: AppraisalPeriodVersionInput): Promise<AppraisalPeriod> {
    return periods.recomputeAppraisal(ctx, input);
  }

  @Mutation(() => AppraisalPeriod, { description: 'Centre admin: publish a draft; grades are set and the period is locked' })
  publishAppraisal(@Ctx() ctx: RequestContext, @Arg('input') input: AppraisalPeriodVersionInput): Promise<AppraisalPeriod> {
    return periods.publishAppraisal(ctx, input);
  }

  @FieldResolver(() => Tenant, { description: 'The centre that appraises' })
  tenant(@Ctx() ctx: RequestContext, @Root() period: AppraisalPeriod): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, period.tenantId);
  }

  @FieldResolver(() => AppraisalRuleSet, { nullable: true, description: 'The rule version it was opened with (and is scored with)' })
  rules(@Ctx() ctx: RequestContext, @Root() period: AppraisalPeriod): Promise<AppraisalRuleSet | null> {
    return rules.loadRuleSet(ctx, period.ruleSetId);
  }

  @FieldResolver(() => AppraisalResultConnection, { description: 'Its results, in rank order; the figures on them are guarded per viewer' })
  results(
    @Ctx() ctx: RequestContext,
    @Root() period: AppraisalPeriod,
    @Args(() => appraisalResultSorting.Args) args: ListArgs<AppraisalResultOrderField>,
    @Arg('subjectKind', () => AppraisalSubjectKind, { nullable: true, description: 'Only results of this kind' }) subjectKind?: AppraisalSubjectKind,
  ): Promise<ConnectionResult<AppraisalResult>> {
    return appraisal.resultsOf(ctx, period, args, subjectKind);
  }
}

@Resolver(() => AppraisalResult)
export class AppraisalResultResolver {
  @Mutation(() => AppraisalResult, { description: 'Centre admin: adjust a result with a reason; once the period is published, a correction (adjusting entry) beside the locked result' })
  adjustAppraisalResult(@Ctx() ctx: RequestContext, @Arg('input') input: AdjustAppraisalResultInput): Promise<AppraisalResult> {
    return review.adjustAppraisalResult(ctx, input);
  }

  @FieldResolver(() => AppraisalPeriod, { nullable: true, description: 'The period' })
  period(@Ctx() ctx: RequestContext, @Root() result: AppraisalResult): Promise<AppraisalPeriod | null> {
    return appraisal.loadPeriod(ctx, result.periodId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'STAFF: the person appraised' })
  staff(@Ctx() ctx: RequestContext, @Root() result: AppraisalResult): Promise<User | null> {
    return tenancy.loadUser(ctx, result.subjectKind === AppraisalSubjectKind.STAFF ? result.subjectId : null);
  }

  @FieldResolver(() => Window, { nullable: true, description: 'WINDOW: the window unit appraised' })
  window(@Ctx() ctx: RequestContext, @Root() result: AppraisalResult): Promise<Window | null> {
    return windows.loadWindow(ctx, result.subjectKind === AppraisalSubjectKind.WINDOW ? result.subjectId : null);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'CENTRE: the subordinate centre appraised' })
  centre(@Ctx() ctx: RequestContext, @Root() result: AppraisalResult): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, result.subjectKind === AppraisalSubjectKind.CENTRE ? result.subjectId : null);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The person’s or the window’s department when computed' })
  department(@Ctx() ctx: RequestContext, @Root() result: AppraisalResult): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, result.departmentId);
  }

  @FieldResolver(() => [AppraisalLine], { nullable: true, description: guardedDescription(resultBreakdownPolicy, 'Breakdown (考核明细): how each point was won or lost, computed lines in item order, then adjustments and corrections') })
  @GuardedBy(resultBreakdownPolicy)
  breakdown(@Ctx() ctx: RequestContext, @Root() result: AppraisalResult): Promise<AppraisalLine[]> {
    return appraisal.breakdownOf(ctx, result);
  }

  @FieldResolver(() => Float, { nullable: true, description: guardedDescription(resultCorrectedScorePolicy, 'The locked score plus the corrections made after publication; null when there are none') })
  @GuardedBy(resultCorrectedScorePolicy)
  correctedScore(@Ctx() ctx: RequestContext, @Root() result: AppraisalResult): Promise<number | null> {
    return appraisal.correctedScoreOf(ctx, result);
  }
}

@Resolver(() => AppraisalLine)
export class AppraisalLineResolver {
  @FieldResolver(() => [AppraisalEventLink], { description: 'The events behind the line (cases, ratings, complaints, sanctions, empty posts …)' })
  events(@Ctx() ctx: RequestContext, @Root() line: AppraisalLine): Promise<AppraisalEventLink[]> {
    return appraisal.eventsOf(ctx, line);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made an adjustment or correction; null for a computed line' })
  createdBy(@Ctx() ctx: RequestContext, @Root() line: AppraisalLine): Promise<User | null> {
    return tenancy.loadUser(ctx, line.createdById);
  }
}

@Resolver(() => AppraisalCommendation)
export class AppraisalCommendationResolver {
  @Mutation(() => AppraisalCommendation, { description: 'Centre admin: record a commendation (表扬) of a staff member of the own centre' })
  recordCommendation(@Ctx() ctx: RequestContext, @Arg('input') input: RecordCommendationInput): Promise<AppraisalCommendation> {
    return commendations.recordCommendation(ctx, input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The person commended' })
  person(@Ctx() ctx: RequestContext, @Root() commendation: AppraisalCommendation): Promise<User | null> {
    return tenancy.loadUser(ctx, commendation.personId);
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The 非常满意 evaluation it rests on, if any' })
  evaluation(@Ctx() ctx: RequestContext, @Root() commendation: AppraisalCommendation): Promise<Evaluation | null> {
    return evaluations.loadEvaluation(ctx, commendation.evaluationId);
  }
}
