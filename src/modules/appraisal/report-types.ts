import { Field, Int, ObjectType } from 'type-graphql';
import { AppraisalGrade, AppraisalPeriod, AppraisalPeriodKind, AppraisalResult, AppraisalSubjectKind } from './entities';
import { AppraisalEventLink } from './types';

/** A published centre-level result about a county, as the county reads it (the city's period itself stays the city's). */
@ObjectType({ description: '县(市)区中心考核结果: a published result of the city’s centre-level appraisal about this centre (锦州 第三条(十))' })
export class CentreAppraisal {
  @Field(() => AppraisalPeriodKind, { description: 'The city’s period: month, quarter or year' })
  kind: AppraisalPeriodKind;

  @Field({ description: 'First day of the period, yyyy-mm-dd' })
  start: string;

  @Field({ description: 'Last day of the period, yyyy-mm-dd' })
  end: string;

  @Field({ description: 'When the city published it' })
  publishedAt: Date;

  @Field(() => AppraisalResult, { description: 'The result about the centre (score, grade, rank; its figures guarded as every result’s)' })
  result: AppraisalResult;
}

/** Late ticket steps, late notices and late or returned work items of one department over a period (乌海 第九条 部门问责; 鞍山 衔接 四.3). */
@ObjectType({
  description: '部门协作情况: one department’s late ticket steps, late or unanswered notices, and late or returned work items over a period (乌海 第九条 “协作不到位、不配合的部门问责”; 鞍山 衔接 四.3 推诿扯皮)',
})
export class AppraisalDepartmentFigures {
  departmentId: number;

  @Field(() => Int, { description: 'Steps of cross-region tickets the department owned that were done late or not at all (推诿扯皮, 鞍山 四.3)' })
  lateTicketSteps: number;

  @Field(() => Int, { description: 'Supervision notices to the department answered late or not at all' })
  lateNotices: number;

  @Field(() => Int, { description: '衔接事项超期: its parts of work items due in the period done after the due date or still open (鞍山 衔接 四.3)' })
  lateWorkItems: number;

  @Field(() => Int, { description: '衔接事项退回: its parts of work items due in the period that it returned (推诿扯皮, 鞍山 衔接 四.3)' })
  returnedWorkItems: number;

  @Field(() => [AppraisalEventLink], { description: 'The steps, notices and work-item parts (WorkItemAssignee) behind the counts' })
  events: AppraisalEventLink[];
}

/** Results of one grade: of a subject kind, or of a department's staff. */
@ObjectType({ description: 'How many results have one grade' })
export class AppraisalGradeCount {
  @Field(() => AppraisalSubjectKind, { description: 'Staff, windows or centres' })
  subjectKind: AppraisalSubjectKind;

  @Field(() => AppraisalGrade, { description: 'The grade (the proposed grade while the period is a draft)' })
  grade: AppraisalGrade;

  @Field(() => Int, { description: 'How many' })
  count: number;
}

/** The staff grades of one department. */
@ObjectType({ description: 'Staff grades of one department' })
export class AppraisalDepartmentGrades {
  departmentId: number;

  @Field(() => [AppraisalGradeCount], { description: 'Its staff results per grade (subjectKind STAFF)' })
  grades: AppraisalGradeCount[];
}

/** 锦州 第二十四条: the period's results as reported to the government, and the chief representatives' to the organisation department. */
@ObjectType({ description: '考核结果报告 (锦州 第二十四条): counts per grade and per department, and the chief representatives’ results (抄报组织部门)' })
export class AppraisalReport {
  @Field(() => AppraisalPeriod, { description: 'The period' })
  period: AppraisalPeriod;

  @Field({ description: 'False while a draft: the counts are then of proposed grades' })
  published: boolean;

  @Field(() => [AppraisalGradeCount], { description: 'Results per subject kind and grade' })
  byGrade: AppraisalGradeCount[];

  @Field(() => [AppraisalDepartmentGrades], { description: 'Staff results per department and grade' })
  byDepartment: AppraisalDepartmentGrades[];

  @Field(() => [AppraisalResult], { description: 'The chief representatives’ annual results (首席代表, 锦州 第十五条; a YEAR period), in rank order' })
  chiefRepresentatives: AppraisalResult[];
}
