import { RequestContext } from '../../context';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { decodeGlobalIdOf, encodeGlobalId } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import * as supervision from '../supervision/service';
import * as collaboration from '../collaboration/service';
import * as coordination from '../coordination/service';
import { AppraisalEventKind, AppraisalGrade, AppraisalPeriod, AppraisalPeriodStatus, AppraisalResult, AppraisalSubjectKind, EVENT_NODE_TYPE } from './entities';
import { AppraisalDepartmentFigures, AppraisalDepartmentGrades, AppraisalGradeCount, AppraisalReport } from './report-types';
import { appraisalMessages as m } from './messages';
import { spanOf } from './periods';
import { dueUntil, lateStepsByDepartment } from './sources';
import { Tenant } from '../tenancy/entities';

/** A period the viewer may report on: centre admins and auditors, within their scope (another tenant's is NOT_FOUND). */
async function reportablePeriod(ctx: RequestContext, periodId: string): Promise<AppraisalPeriod> {
  requireRole(ctx, Role.CENTRE_ADMIN, Role.AUDITOR);
  return ctx.db.scoped(AppraisalPeriod).getById(decodeGlobalIdOf('AppraisalPeriod', periodId, 'periodId'), m.period);
}

/** The grade a result counts under: its grade once published, its proposed grade in a draft. */
const GRADE = 'COALESCE(r.grade, r.proposedGrade)';

/**
 * 锦州 第二十四条: the results of a period for the report to the government, counted in SQL
 * (one statement per grade table), and the chief representatives' annual results, which
 * are 抄报 the organisation department (第十五条).
 */
export async function appraisalReport(ctx: RequestContext, periodId: string): Promise<AppraisalReport> {
  const period = await reportablePeriod(ctx, periodId);
  const results = () => ctx.db.scoped(AppraisalResult).query('r').andWhere('r.periodId = :periodId', { periodId: period.id });
  const [byKind, byDepartment, chiefs] = await Promise.all([
    results()
      .select('r.subjectKind', 'subjectKind')
      .addSelect(GRADE, 'grade')
      .addSelect('COUNT(*)', 'count')
      .groupBy('r.subjectKind')
      .addGroupBy(GRADE)
      .getRawMany<{ subjectKind: AppraisalSubjectKind; grade: AppraisalGrade; count: number | string }>(),
    results()
      .select('r.departmentId', 'departmentId')
      .addSelect(GRADE, 'grade')
      .addSelect('COUNT(*)', 'count')
      .andWhere('r.subjectKind = :staff AND r.departmentId IS NOT NULL', { staff: AppraisalSubjectKind.STAFF })
      .groupBy('r.departmentId')
      .addGroupBy(GRADE)
      .getRawMany<{ departmentId: number | string; grade: AppraisalGrade; count: number | string }>(),
    results().andWhere('r.chiefRepresentativeAnnual = 1').orderBy('r.rank').addOrderBy('r.id').getMany(),
  ]);
  const departments = new Map<number, AppraisalDepartmentGrades>();
  for (const row of byDepartment) {
    const departmentId = Number(row.departmentId);
    const entry = departments.get(departmentId) ?? { departmentId, grades: [] };
    entry.grades.push({ subjectKind: AppraisalSubjectKind.STAFF, grade: row.grade, count: Number(row.count) });
    departments.set(departmentId, entry);
  }
  return {
    period,
    published: period.status === AppraisalPeriodStatus.PUBLISHED,
    byGrade: sortGrades(byKind.map((row) => ({ subjectKind: row.subjectKind, grade: row.grade, count: Number(row.count) }))),
    byDepartment: [...departments.values()].sort((a, b) => a.departmentId - b.departmentId).map((entry) => ({ ...entry, grades: sortGrades(entry.grades) })),
    chiefRepresentatives: chiefs,
  };
}

const KIND_ORDER = Object.values(AppraisalSubjectKind);
const GRADE_ORDER = Object.values(AppraisalGrade);

/** Subject kinds as declared (staff, windows, centres), then grades best first. */
function sortGrades(counts: AppraisalGradeCount[]): AppraisalGradeCount[] {
  return counts.sort((a, b) => KIND_ORDER.indexOf(a.subjectKind) - KIND_ORDER.indexOf(b.subjectKind) || GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade));
}

/**
 * 乌海 第九条 (协作不到位、不配合的部门问责) and 鞍山 四.3 (推诿扯皮): per department of the
 * period's centre, the late steps of cross-region tickets it owned, the supervision
 * notices it answered late or not at all, and its parts of work items late or returned,
 * over the period's events as they stand now (three statements). The points they cost are
 * in the results: each window of the department (WINDOW items LATE_TICKET_STEP,
 * LATE_NOTICE, LATE_WORK_ITEM, RETURNED_WORK_ITEM) and, in the city's period, the county
 * (CENTRE items).
 */
export async function departmentFigures(ctx: RequestContext, periodId: string): Promise<AppraisalDepartmentFigures[]> {
  const period = await reportablePeriod(ctx, periodId);
  const tenant = (await tenancy.loadTenant(ctx, period.tenantId)) as Tenant;
  const span = await spanOf(ctx, tenant, period);
  const until = dueUntil(span, ctx.now());
  const [steps, notices, workParts] = await Promise.all([
    collaboration.lateTicketSteps(ctx.db, [period.tenantId], span.from, until),
    supervision.lateNoticesBetween(ctx.db, period.tenantId, span.from, until),
    coordination.workPartsAgainst(ctx.db, period.tenantId, span.from, until),
  ]);
  const figures = new Map<number, AppraisalDepartmentFigures>();
  const entry = (departmentId: number) => {
    const found = figures.get(departmentId) ?? { departmentId, lateTicketSteps: 0, lateNotices: 0, lateWorkItems: 0, returnedWorkItems: 0, events: [] };
    figures.set(departmentId, found);
    return found;
  };
  for (const step of lateStepsByDepartment(steps)) {
    const figure = entry(step.subjectId);
    figure.lateTicketSteps += 1;
    figure.events.push({ kind: AppraisalEventKind.TICKET_STEP, id: encodeGlobalId(EVENT_NODE_TYPE.TICKET_STEP, step.id) });
  }
  for (const notice of notices) {
    const figure = entry(notice.subjectId);
    figure.lateNotices += 1;
    figure.events.push({ kind: AppraisalEventKind.SUPERVISION_NOTICE, id: encodeGlobalId(EVENT_NODE_TYPE.SUPERVISION_NOTICE, notice.id) });
  }
  for (const [parts, count] of [
    [workParts.late, 'lateWorkItems'],
    [workParts.returned, 'returnedWorkItems'],
  ] as const) {
    for (const part of parts) {
      const figure = entry(part.subjectId);
      figure[count] += 1;
      figure.events.push({ kind: AppraisalEventKind.WORK_ITEM_ASSIGNEE, id: encodeGlobalId(EVENT_NODE_TYPE.WORK_ITEM_ASSIGNEE, part.id) });
    }
  }
  // Most late steps, notices and work items first: those the 问责 is about.
  const against = (f: AppraisalDepartmentFigures) => f.lateTicketSteps + f.lateNotices + f.lateWorkItems + f.returnedWorkItems;
  return [...figures.values()].sort((a, b) => against(b) - against(a) || a.departmentId - b.departmentId);
}
