import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Department } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { AppraisalDepartmentFigures, AppraisalDepartmentGrades, AppraisalReport, CentreAppraisal } from './report-types';
import * as report from './report';
import * as centres from './centres';

@Resolver(() => AppraisalReport)
export class AppraisalReportResolver {
  @Query(() => AppraisalReport, { description: 'Centre admin or auditor: 考核结果报告 of a period (锦州 第二十四条): counts per grade and per department, and the chief representatives’ results' })
  appraisalReport(@Ctx() ctx: RequestContext, @Arg('periodId', () => ID, { description: 'The period (AppraisalPeriod id)' }) periodId: string): Promise<AppraisalReport> {
    return report.appraisalReport(ctx, periodId);
  }

  @Query(() => [AppraisalDepartmentFigures], { description: 'Centre admin or auditor: each department’s late ticket steps, late notices and late or returned work items over a period (乌海 第九条 部门问责; 鞍山 衔接 四.3 推诿扯皮), most first' })
  appraisalDepartmentFigures(@Ctx() ctx: RequestContext, @Arg('periodId', () => ID, { description: 'The period (AppraisalPeriod id)' }) periodId: string): Promise<AppraisalDepartmentFigures[]> {
    return report.departmentFigures(ctx, periodId);
  }

  @Query(() => [CentreAppraisal], { description: 'The published centre-level results the city has made about a readable county or district (锦州 第三条(十)), newest first' })
  centreAppraisals(@Ctx() ctx: RequestContext, @Arg('tenantCode', { description: '行政区划代码 of the county or district' }) tenantCode: string): Promise<CentreAppraisal[]> {
    return centres.centreAppraisalsOf(ctx, tenantCode);
  }
}

@Resolver(() => AppraisalDepartmentFigures)
export class AppraisalDepartmentFiguresResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The department' })
  department(@Ctx() ctx: RequestContext, @Root() row: AppraisalDepartmentFigures): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, row.departmentId);
  }
}

@Resolver(() => AppraisalDepartmentGrades)
export class AppraisalDepartmentGradesResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The department' })
  department(@Ctx() ctx: RequestContext, @Root() row: AppraisalDepartmentGrades): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, row.departmentId);
  }
}
