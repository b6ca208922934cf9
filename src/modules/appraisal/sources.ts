import { Db } from '../../db/db';
import { User } from '../tenancy/entities';
import { EmptyPostCause, Window } from '../windows/entities';
import { SanctionKind } from '../complaints/entities';
import * as windows from '../windows/service';
import * as evaluations from '../evaluations/service';
import * as applications from '../applications/service';
import * as complaints from '../complaints/service';
import * as sanctions from '../complaints/sanctions';
import * as supervision from '../supervision/service';
import * as collaboration from '../collaboration/service';
import * as coordination from '../coordination/service';
import { AppraisalEventKind, AppraisalSource } from './entities';
import { commendationsBetween } from './commendations';
import { eventFigures, FigureTable, rateFigures, sourceKey } from './figures';
import type { PeriodSpan } from './draft';

/** Events attributed to a department count against each of its people (督办通知 of the person's department). */
function perPerson(rows: readonly { id: number; subjectId: number }[], people: readonly User[]): { id: number; subjectId: number }[] {
  return people.flatMap((person) => rows.filter((row) => row.subjectId === person.departmentId).map((row) => ({ id: row.id, subjectId: person.id })));
}

/** Events attributed to a department count against each of its windows. */
function perWindow(rows: readonly { id: number; subjectId: number }[], units: readonly Window[]): { id: number; subjectId: number }[] {
  return units.flatMap((window) => rows.filter((row) => row.subjectId === window.departmentId).map((row) => ({ id: row.id, subjectId: window.id })));
}

/** Late ticket steps with an owner department, as rows against that department (乌海 第九条 部门问责). */
export function lateStepsByDepartment(steps: readonly { id: number; departmentId: number | null }[]): { id: number; subjectId: number }[] {
  return steps.filter((step) => step.departmentId !== null).map((step) => ({ id: step.id, subjectId: step.departmentId as number }));
}

/** Deadlines count once they have passed: a period still running is judged up to now. */
export const dueUntil = (span: PeriodSpan, now: Date) => (span.to < now ? span.to : now);

/**
 * The STAFF figures of a period, one statement per source (锦州 第三条(七); 乌海 第九条):
 * 满意率 and valid 差评, on-time rate and overdue cases received or decided, upheld
 * complaints, sanctions in force by kind, empty posts left (离岗), unplanned absences
 * (考勤), late or unanswered notices of the person's department, commendations. Also who
 * is barred from EXCELLENT by an EFFICIENCY_WARNING that year (锦州 第十六条).
 */
export async function staffFigures(
  db: Db,
  span: PeriodSpan,
  now: Date,
  peopleServing: (served: number[]) => Promise<User[]>,
): Promise<{ people: User[]; figures: FigureTable; barred: Set<number> }> {
  const { tenantId, from, to } = span;
  const until = dueUntil(span, now);
  const [satisfaction, badRatings, onTime, overdue, upheld, yearSanctions, emptyPosts, absences, notices, praise] = await Promise.all([
    evaluations.satisfactionFigures(db, tenantId, 'staffId', from, to),
    evaluations.validBadRatings(db, tenantId, 'staffId', from, to),
    applications.onTimeFigures(db, tenantId, from, until),
    applications.overdueCases(db, tenantId, from, until),
    complaints.upheldComplaints(db, tenantId, 'staffId', from, to),
    sanctions.sanctionsInForceBetween(db, tenantId, span.yearStartDate, span.yearEndDate),
    windows.emptyPostsBetween(db, tenantId, from, to),
    windows.unplannedAbsences(db, tenantId, from, to),
    supervision.lateNoticesBetween(db, tenantId, from, until),
    commendationsBetween(db, tenantId, span.startDate, span.endDate),
  ]);
  const inPeriod = yearSanctions.filter((s) => s.decidedOn >= span.startDate && s.decidedOn <= span.endDate);
  const leftPost = emptyPosts.filter((e) => e.cause === EmptyPostCause.LEFT_POST && e.userId !== null).map((e) => ({ id: e.id, subjectId: e.userId as number }));
  // Whoever the period's own events name served in it, even if no longer on post.
  const served = new Set([...satisfaction, ...badRatings, ...onTime, ...overdue, ...upheld, ...leftPost, ...absences, ...praise].map((row) => row.subjectId));
  for (const sanction of inPeriod) served.add(sanction.personId);
  const people = await peopleServing([...served]);
  const figures: FigureTable = new Map([
    [AppraisalSource.SATISFACTION_RATE, rateFigures(satisfaction)],
    [AppraisalSource.BAD_RATING, eventFigures(AppraisalEventKind.EVALUATION, badRatings)],
    [AppraisalSource.ON_TIME_RATE, rateFigures(onTime)],
    [AppraisalSource.OVERDUE_CASE, eventFigures(AppraisalEventKind.APPLICATION, overdue)],
    [AppraisalSource.UPHELD_COMPLAINT, eventFigures(AppraisalEventKind.COMPLAINT, upheld)],
    // 离岗: the person left the post with nobody standing in; scheduled absences and unstaffed windows are not the person's doing.
    [AppraisalSource.EMPTY_POST, eventFigures(AppraisalEventKind.EMPTY_POST_EVENT, leftPost)],
    [AppraisalSource.UNPLANNED_ABSENCE, eventFigures(AppraisalEventKind.STAFF_ABSENCE, absences)],
    [AppraisalSource.LATE_NOTICE, eventFigures(AppraisalEventKind.SUPERVISION_NOTICE, perPerson(notices, people))],
    [AppraisalSource.COMMENDATION, eventFigures(AppraisalEventKind.COMMENDATION, praise)],
  ]);
  for (const kind of Object.values(SanctionKind)) {
    figures.set(sourceKey(AppraisalSource.SANCTION, kind), eventFigures(AppraisalEventKind.SANCTION, inPeriod.filter((s) => s.kind === kind).map((s) => ({ id: s.id, subjectId: s.personId }))));
  }
  const barred = new Set(yearSanctions.filter((s) => s.kind === SanctionKind.EFFICIENCY_WARNING).map((s) => s.personId));
  return { people, figures, barred };
}

/**
 * A window's own figures (锦州 第二十三条): every empty post at it, whatever the cause; 满意率
 * and upheld complaints about the window; late or unanswered notices, late ticket steps
 * (乌海 第九条 部门问责), and late or returned work items (鞍山 衔接 四.3), of its department.
 */
export async function windowFigures(db: Db, span: PeriodSpan, units: readonly Window[], now: Date): Promise<FigureTable> {
  const { tenantId, from, to } = span;
  const [emptyPosts, satisfaction, upheld, notices, lateSteps, workParts] = await Promise.all([
    windows.emptyPostsBetween(db, tenantId, from, to),
    evaluations.satisfactionFigures(db, tenantId, 'windowId', from, to),
    complaints.upheldComplaints(db, tenantId, 'windowId', from, to),
    supervision.lateNoticesBetween(db, tenantId, from, dueUntil(span, now)),
    collaboration.lateTicketSteps(db, [tenantId], from, dueUntil(span, now)),
    coordination.workPartsAgainst(db, tenantId, from, dueUntil(span, now)),
  ]);
  return new Map([
    [AppraisalSource.EMPTY_POST, eventFigures(AppraisalEventKind.EMPTY_POST_EVENT, emptyPosts.map((e) => ({ id: e.id, subjectId: e.windowId })))],
    [AppraisalSource.SATISFACTION_RATE, rateFigures(satisfaction)],
    [AppraisalSource.UPHELD_COMPLAINT, eventFigures(AppraisalEventKind.COMPLAINT, upheld)],
    [AppraisalSource.LATE_NOTICE, eventFigures(AppraisalEventKind.SUPERVISION_NOTICE, perWindow(notices, units))],
    [AppraisalSource.LATE_TICKET_STEP, eventFigures(AppraisalEventKind.TICKET_STEP, perWindow(lateStepsByDepartment(lateSteps), units))],
    [AppraisalSource.LATE_WORK_ITEM, eventFigures(AppraisalEventKind.WORK_ITEM_ASSIGNEE, perWindow(workParts.late, units))],
    [AppraisalSource.RETURNED_WORK_ITEM, eventFigures(AppraisalEventKind.WORK_ITEM_ASSIGNEE, perWindow(workParts.returned, units))],
  ]);
}
