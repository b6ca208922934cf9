import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { Window } from '../windows/entities';
import * as windows from '../windows/service';
import { StatisticsReport } from './statistics-report-entities';
import { CompileStatisticsReportInput, StatisticsReportFilter, StatisticsReportOrderField, statisticsReportSorting, StatisticsReportVersionInput } from './statistics-report-inputs';
import { StatisticsReportAgencyRow, StatisticsReportWindowRow } from './statistics-report-types';
import * as reports from './statistics-report';

const StatisticsReportConnection = Connection(StatisticsReport);

@Resolver(() => StatisticsReport)
export class StatisticsReportResolver {
  @Query(() => StatisticsReportConnection, {
    description: '数据统计上报 (鞍山 衔接 三.3): auditors read all in scope; in the own centre, its 业务协调部 and the leaders all, the bureau’s 业务协调科 the submitted ones; nobody else',
  })
  statisticsReports(
    @Ctx() ctx: RequestContext,
    @Args(() => statisticsReportSorting.Args) args: ListArgs<StatisticsReportOrderField>,
    @Arg('filter', () => StatisticsReportFilter, { nullable: true }) filter?: StatisticsReportFilter,
  ): Promise<ConnectionResult<StatisticsReport>> {
    return reports.listStatisticsReports(ctx, args, filter);
  }

  @Mutation(() => StatisticsReport, {
    description: '汇总 (staff of the centre’s 业务协调部): a period’s 办件量 per window and 帮办代办, computed from the cases; a draft is compiled again with its version; a submitted one is locked (CONFLICT)',
  })
  compileStatisticsReport(@Ctx() ctx: RequestContext, @Arg('input') input: CompileStatisticsReportInput): Promise<StatisticsReport> {
    return reports.compileStatisticsReport(ctx, input);
  }

  @Mutation(() => StatisticsReport, { description: '上报 (staff of the centre’s 业务协调部): submit a draft to the bureau’s 业务协调科; it is locked from then on' })
  submitStatisticsReport(@Ctx() ctx: RequestContext, @Arg('input') input: StatisticsReportVersionInput): Promise<StatisticsReport> {
    return reports.submitStatisticsReport(ctx, input);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The centre whose figures these are' })
  tenant(@Ctx() ctx: RequestContext, @Root() report: StatisticsReport): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, report.tenantId);
  }

  @FieldResolver(() => [StatisticsReportWindowRow], { description: '办件量, one row per receiving window that took cases in the period (the 派驻窗口, and the 综合受理 windows that take cases for them)' })
  windows(@Ctx() ctx: RequestContext, @Root() report: StatisticsReport): Promise<StatisticsReportWindowRow[]> {
    return reports.windowLinesOf(ctx, report);
  }

  @FieldResolver(() => [StatisticsReportAgencyRow], { description: '帮办代办 per programme and key project' })
  agencyServiceRows(@Ctx() ctx: RequestContext, @Root() report: StatisticsReport): Promise<StatisticsReportAgencyRow[]> {
    return reports.agencyLinesOf(ctx, report);
  }

  @FieldResolver(() => Department, { nullable: true, description: '中心业务协调部: the department that compiled it' })
  compilingDepartment(@Ctx() ctx: RequestContext, @Root() report: StatisticsReport): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, report.compilingDepartmentId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '局业务协调科: the department it is (or was) submitted to' })
  recipientDepartment(@Ctx() ctx: RequestContext, @Root() report: StatisticsReport): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, report.recipientDepartmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who compiled it last' })
  compiledBy(@Ctx() ctx: RequestContext, @Root() report: StatisticsReport): Promise<User | null> {
    return tenancy.loadUser(ctx, report.compiledById);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who submitted it; null while a draft' })
  submittedBy(@Ctx() ctx: RequestContext, @Root() report: StatisticsReport): Promise<User | null> {
    return tenancy.loadUser(ctx, report.submittedById);
  }
}

@Resolver(() => StatisticsReportWindowRow)
export class StatisticsReportWindowRowResolver {
  @FieldResolver(() => Window, { nullable: true, description: 'The receiving window (受理窗口), with its department and kind' })
  window(@Ctx() ctx: RequestContext, @Root() row: StatisticsReportWindowRow): Promise<Window | null> {
    return windows.loadWindow(ctx, row.windowId);
  }
}
