import { Db } from '../../db/db';
import { Role } from '../../auth/roles';
import * as tenancy from '../tenancy/service';
import * as windows from '../windows/service';
import { AppraisalEventKind, AppraisalPeriod, AppraisalPeriodKind, AppraisalRuleItem, AppraisalRuleSet, AppraisalSource, AppraisalSubjectKind } from './entities';
import { Figure, FigureTable, pointsOf, sourceKey } from './figures';
import { staffFigures, windowFigures } from './sources';
import { centreDrafts } from './centres';

/** The instants and dates a period covers, in the centre's time zone. */
export interface PeriodSpan {
  tenantId: number;
  /** First instant of the period and the first instant after it. */
  from: Date;
  to: Date;
  startDate: string;
  endDate: string;
  /** The calendar year of the period (a 效能告诫 bars EXCELLENT for that year, 锦州 第十六条). */
  yearFrom: Date;
  yearTo: Date;
  yearStartDate: string;
  yearEndDate: string;
}

/** One breakdown line as computed, before it is written. */
export interface DraftLine {
  itemId: number | null;
  position: number;
  source: AppraisalSource;
  label: string;
  count: number;
  metCount: number | null;
  pointsCenti: number;
  eventKind: AppraisalEventKind | null;
  eventIds: number[];
}

/** One subject's computed result, before review adjustments and grading. */
export interface DraftResult {
  subjectKind: AppraisalSubjectKind;
  subjectId: number;
  departmentId: number | null;
  excellenceBarred: boolean;
  chiefRepresentativeAnnual: boolean;
  lines: DraftLine[];
}

/** The computed lines of one subject: one per item of its kind, in item order. */
export function linesOf(items: readonly AppraisalRuleItem[], figures: FigureTable, subjectId: number): DraftLine[] {
  return items.map((item) => {
    const figure: Figure | undefined = figures.get(sourceKey(item.source, item.sanctionKind))?.get(subjectId);
    return {
      itemId: item.id,
      position: item.position,
      source: item.source,
      label: item.label,
      count: figure?.count ?? 0,
      metCount: figure?.met ?? null,
      pointsCenti: pointsOf(item, figure),
      eventKind: figure?.eventKind ?? null,
      eventIds: figure?.eventIds ?? [],
    };
  });
}

export const sumPoints = (lines: readonly { pointsCenti: number }[]): number => lines.reduce((sum, line) => sum + line.pointsCenti, 0);

/**
 * The STAFF draft (锦州 第三条(七), 第十三条): every active person holding a window post now
 * or the approver role, and everyone the period's events name (who received or decided its
 * cases, was rated, … even if released since), scored over the period's events in a fixed
 * number of aggregate statements whatever the number of people. Then the WINDOW draft (锦州 第二十三条): each
 * window from its staff's results and its own figures; the chief representative's annual
 * result is flagged (第十五条, 第二十四条).
 */
export async function computeDraft(db: Db, period: AppraisalPeriod, ruleSet: AppraisalRuleSet, items: readonly AppraisalRuleItem[], span: PeriodSpan, now: Date): Promise<DraftResult[]> {
  const { windows: windowRows, posts } = await windows.windowsAndPostsOf(db, span.tenantId);
  const holding = [...new Set(posts.map((post) => post.userId))];
  const staffItems = items.filter((item) => item.subjectKind === AppraisalSubjectKind.STAFF);
  const { people, figures, barred } = await staffFigures(db, span, now, (served) => tenancy.staffOf(db, span.tenantId, Role.APPROVER, holding, served));
  const chiefs = new Set(windowRows.map((window) => window.chiefRepresentativeId).filter((id): id is number => id !== null));
  const annual = period.kind === AppraisalPeriodKind.YEAR;
  const staff: DraftResult[] = people.map((person) => ({
    subjectKind: AppraisalSubjectKind.STAFF,
    subjectId: person.id,
    departmentId: person.departmentId,
    excellenceBarred: barred.has(person.id),
    chiefRepresentativeAnnual: annual && chiefs.has(person.id),
    lines: linesOf(staffItems, figures, person.id),
  }));
  const staffScore = new Map(staff.map((result) => [result.subjectId, ruleSet.baseScoreCenti + sumPoints(result.lines)]));
  const windowItems = items.filter((item) => item.subjectKind === AppraisalSubjectKind.WINDOW);
  const ownFigures = await windowFigures(db, span, windowRows, now);
  const windowResults: DraftResult[] = windowRows.map((window) => {
    const staffIds = [...new Set(posts.filter((post) => post.windowId === window.id).map((post) => post.userId))].filter((id) => staffScore.has(id));
    return {
      subjectKind: AppraisalSubjectKind.WINDOW,
      subjectId: window.id,
      departmentId: window.departmentId,
      excellenceBarred: false,
      chiefRepresentativeAnnual: false,
      lines: windowItems.map((item) =>
        item.source === AppraisalSource.STAFF_AVERAGE ? staffAverageLine(item, staffIds, staffScore, ruleSet.baseScoreCenti) : linesOf([item], ownFigures, window.id)[0],
      ),
    };
  });
  // A city's period also appraises its counties and districts (锦州 第三条(十)): centres.ts.
  return [...staff, ...windowResults, ...(await centreDrafts(db, span, items, now))];
}

/**
 * A window's share of its staff's results: the average of their points above or below
 * the base, times the item's weight as a percent (100 takes the whole average), within its cap.
 */
function staffAverageLine(item: AppraisalRuleItem, staffIds: number[], staffScore: Map<number, number>, baseCenti: number): DraftLine {
  const deltas = staffIds.map((id) => (staffScore.get(id) ?? baseCenti) - baseCenti);
  const average = deltas.length === 0 ? 0 : deltas.reduce((a, b) => a + b, 0) / deltas.length;
  const raw = Math.round((average * item.pointsCenti) / 10000);
  const points = item.capCenti === null ? raw : Math.max(-item.capCenti, Math.min(item.capCenti, raw));
  return {
    itemId: item.id,
    position: item.position,
    source: item.source,
    label: item.label,
    count: staffIds.length,
    metCount: null,
    pointsCenti: points,
    eventKind: null,
    eventIds: [],
  };
}
