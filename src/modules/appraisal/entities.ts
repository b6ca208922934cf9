import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { SanctionKind } from '../complaints/entities';
import { GuardedField } from '../../auth/field-policy';
import { resultBarredPolicy, resultGradePolicy, resultProposedGradePolicy, resultRankPolicy, resultScorePolicy } from './policies';

/** Scores and points are kept in hundredths of a point (integers), shown as Float with two decimals. */
export const CENTI = 100;

/** Points as the schema shows them. */
export function fromCenti(centi: number): number {
  return centi / CENTI;
}

export enum AppraisalPeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(AppraisalPeriodKind, {
  name: 'AppraisalPeriodKind',
  description: '考核周期: month, quarter or year (锦州 第二十三条, 第二十四条: the annual appraisal is reported)',
  valuesConfig: {
    MONTH: { description: '月度考核' },
    QUARTER: { description: '季度考核' },
    YEAR: { description: '年度考核: its results go to the government, and the chief representatives’ to the organisation department (第二十四条)' },
  },
});

export enum AppraisalPeriodStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AppraisalPeriodStatus, {
  name: 'AppraisalPeriodStatus',
  description: 'Where a period is: a draft under review, or published and locked',
  valuesConfig: {
    DRAFT: { description: '草稿: computed, reviewed and adjusted; may be recomputed' },
    PUBLISHED: { description: '已发布: locked; a correction is an adjusting entry against the locked result' },
  },
});

export enum AppraisalGrade {
  EXCELLENT = 'EXCELLENT',
  COMPETENT = 'COMPETENT',
  BASICALLY_COMPETENT = 'BASICALLY_COMPETENT',
  INCOMPETENT = 'INCOMPETENT',
}
registerEnumType(AppraisalGrade, {
  name: 'AppraisalGrade',
  description: '考核等次, best first',
  valuesConfig: {
    EXCELLENT: { description: '优秀: limited by the excellence quota (指标单列, 锦州 第十五条); barred by a 效能告诫 in the year (第十六条)' },
    COMPETENT: { description: '称职' },
    BASICALLY_COMPETENT: { description: '基本称职' },
    INCOMPETENT: { description: '不称职' },
  },
});

/** Grades best first: the order thresholds and the quota are applied in. */
export const GRADES_BEST_FIRST = [AppraisalGrade.EXCELLENT, AppraisalGrade.COMPETENT, AppraisalGrade.BASICALLY_COMPETENT, AppraisalGrade.INCOMPETENT];

export enum AppraisalSubjectKind {
  STAFF = 'STAFF',
  WINDOW = 'WINDOW',
  CENTRE = 'CENTRE',
}
registerEnumType(AppraisalSubjectKind, {
  name: 'AppraisalSubjectKind',
  description: 'Who a result is about',
  valuesConfig: {
    STAFF: { description: '工作人员: a person holding a window post or the approver role in the period' },
    WINDOW: { description: '窗口单位: a window, from its staff and its own figures (锦州 第二十三条)' },
    CENTRE: { description: '县(市)区中心: a subordinate centre, appraised by the city from its aggregate figures (锦州 第三条(十))' },
  },
});

export enum AppraisalSource {
  SATISFACTION_RATE = 'SATISFACTION_RATE',
  BAD_RATING = 'BAD_RATING',
  ON_TIME_RATE = 'ON_TIME_RATE',
  OVERDUE_CASE = 'OVERDUE_CASE',
  UPHELD_COMPLAINT = 'UPHELD_COMPLAINT',
  SANCTION = 'SANCTION',
  EMPTY_POST = 'EMPTY_POST',
  UNPLANNED_ABSENCE = 'UNPLANNED_ABSENCE',
  LATE_NOTICE = 'LATE_NOTICE',
  LATE_TICKET_STEP = 'LATE_TICKET_STEP',
  LATE_WORK_ITEM = 'LATE_WORK_ITEM',
  RETURNED_WORK_ITEM = 'RETURNED_WORK_ITEM',
  STAFF_AVERAGE = 'STAFF_AVERAGE',
  COMMENDATION = 'COMMENDATION',
  ADJUSTMENT = 'ADJUSTMENT',
}
registerEnumType(AppraisalSource, {
  name: 'AppraisalSource',
  description: 'Where the points of a scoring item or a breakdown line come from',
  valuesConfig: {
    SATISFACTION_RATE: { description: '好差评满意率: the share of ratings SATISFIED or better (a rate item)' },
    BAD_RATING: { description: '差评: each rating whose rectification found it valid (核实属实)' },
    ON_TIME_RATE: { description: '按时办结率 of the cases received or decided (a rate item)' },
    OVERDUE_CASE: { description: '超期办件: each case received or decided that finished, or is still open, past its deadline' },
    UPHELD_COMPLAINT: { description: '投诉属实: each upheld complaint about the subject' },
    SANCTION: { description: '处理: each sanction of the item’s kind (锦州 第十六条)' },
    EMPTY_POST: { description: '空岗: each empty-post event caused by the person, or at the window' },
    UNPLANNED_ABSENCE: { description: '考勤: each unplanned absence (乌海 第九条)' },
    LATE_NOTICE: { description: '督办通知 of the department answered late or not at all' },
    LATE_TICKET_STEP: { description: '协作不到位: late steps of cross-region tickets (乌海 第九条; centre-level and department figures)' },
    LATE_WORK_ITEM: { description: '衔接事项超期: the department’s parts of work items done after, or still open past, their due date (鞍山 衔接 四.3; department figures, and its windows)' },
    RETURNED_WORK_ITEM: { description: '衔接事项退回: the department’s parts of work items it returned (推诿扯皮, 鞍山 衔接 四.3; department figures, and its windows)' },
    STAFF_AVERAGE: { description: 'A window’s staff: the average of their points above or below the base, times the item’s points as a percent (100 takes the whole average); mode RATE' },
    COMMENDATION: { description: '表扬: each commendation recorded by an admin (a praise letter, a 非常满意 with comment)' },
    ADJUSTMENT: { description: 'A manual adjustment or correction with its reason' },
  },
});

export enum AppraisalItemMode {
  RATE = 'RATE',
  PER_EVENT = 'PER_EVENT',
}
registerEnumType(AppraisalItemMode, {
  name: 'AppraisalItemMode',
  description: 'How an item turns its figures into points',
  valuesConfig: {
    RATE: { description: 'The item weighs `weight` points; the subject loses the share it missed: −weight × (1 − rate). No events, no points' },
    PER_EVENT: { description: '`pointsPerEvent` for each event (negative to deduct), at most `cap` points in all' },
  },
});

/**
 * A version of a centre's appraisal rules (锦州 第二十三条: the centre's own 考核实施细则).
 * Never edited: a change is a new version; a period keeps the version it was opened with.
 */
@ObjectType({ implements: Node, description: '考核细则: one version of a centre’s appraisal rules (never edited; a change is a new version)' })
@Entity()
@Index(['tenantId', 'version'], { unique: true })
export class AppraisalRuleSet extends TenantOwnedEntity {
  @Field(() => Int, { description: 'Rule version, 1, 2, … per centre' })
  @Column('int')
  version: number;

  @Column('int')
  baseScoreCenti: number;

  /** Lowest score of each grade: EXCELLENT ≥ excellentFrom, and so on; below basicallyCompetentFrom is INCOMPETENT. */
  @Column('int')
  excellentFromCenti: number;

  @Column('int')
  competentFromCenti: number;

  @Column('int')
  basicallyCompetentFromCenti: number;

  @Field(() => Float, { description: 'Base score (基础分) every subject starts from, e.g. 100' })
  get baseScore(): number {
    return fromCenti(this.baseScoreCenti);
  }

  @Field(() => Float, { description: 'Lowest score for EXCELLENT (within the quota)' })
  get excellentFrom(): number {
    return fromCenti(this.excellentFromCenti);
  }

  @Field(() => Float, { description: 'Lowest score for COMPETENT' })
  get competentFrom(): number {
    return fromCenti(this.competentFromCenti);
  }

  @Field(() => Float, { description: 'Lowest score for BASICALLY_COMPETENT; below it, INCOMPETENT' })
  get basicallyCompetentFrom(): number {
    return fromCenti(this.basicallyCompetentFromCenti);
  }

  @Field(() => Int, { description: 'Excellence quota: at most this percent of the people appraised may be EXCELLENT (rounded down)' })
  @Column('int')
  excellenceQuotaPercent: number;

  @Field(() => Int, { nullable: true, description: '指标单列 (锦州 第十五条): the centre’s own number of EXCELLENT places for its staff; when set it replaces the percent for STAFF results (windows and centres take the percent)' })
  @Column('int', { nullable: true })
  excellenceQuotaSeats: number | null;

  @Field({ description: 'Why this version was made' })
  @Column('varchar', { length: 500, default: '' })
  note: string;

  @Column('int')
  createdById: number;

  @Field({ description: 'When this version was made' })
  @Column('datetime', { precision: 3 })
  createdAt: Date;
}

/** One scoring item of a rule version. */
@ObjectType({ implements: Node, description: '考核项目: one scoring item of a rule version' })
@Entity()
@Index(['tenantId', 'ruleSetId', 'position'], { unique: true })
export class AppraisalRuleItem extends TenantOwnedEntity {
  @Column('int')
  ruleSetId: number;

  @Field(() => Int, { description: 'Order within the rules and in every breakdown' })
  @Column('int')
  position: number;

  @Field(() => AppraisalSubjectKind, { description: 'Which results the item scores' })
  @Column('varchar', { length: 8 })
  subjectKind: AppraisalSubjectKind;

  @Field(() => AppraisalSource, { description: 'Where its figures come from' })
  @Column('varchar', { length: 24 })
  source: AppraisalSource;

  @Field(() => SanctionKind, { nullable: true, description: 'For a SANCTION item: the kind of sanction it counts' })
  @Column('varchar', { length: 24, nullable: true })
  sanctionKind: SanctionKind | null;

  @Field(() => AppraisalItemMode, { description: 'A rate or a count of events' })
  @Column('varchar', { length: 12 })
  mode: AppraisalItemMode;

  /** RATE: the points the item weighs; PER_EVENT: the points of each event (signed). */
  @Column('int')
  pointsCenti: number;

  /** The most points (in absolute value) the item can win or lose; null for no cap. */
  @Column('int', { nullable: true })
  capCenti: number | null;

  @Field(() => Float, { description: 'RATE: the points the item weighs; PER_EVENT: the points of each event (negative to deduct)' })
  get points(): number {
    return fromCenti(this.pointsCenti);
  }

  @Field(() => Float, { nullable: true, description: 'The most points the item can win or lose in all; null for no cap' })
  get cap(): number | null {
    return this.capCenti === null ? null : fromCenti(this.capCenti);
  }

  @Field({ description: 'Label in the breakdown, e.g. 差评（核实属实）' })
  @Column('varchar', { length: 100 })
  label: string;
}

/** 考核周期 of one centre: its results are drafted, reviewed, then published and locked. */
@ObjectType({ implements: Node, description: '考核周期: one appraisal period of a centre, drafted, reviewed, then published and locked' })
@Entity()
@Index(['tenantId', 'kind', 'start'], { unique: true })
export class AppraisalPeriod extends TenantOwnedEntity {
  @Field(() => AppraisalPeriodKind, { description: 'Month, quarter or year' })
  @Column('varchar', { length: 8 })
  kind: AppraisalPeriodKind;

  @Field({ description: 'First day, yyyy-mm-dd (the centre’s local date)' })
  @Column('varchar', { length: 10 })
  start: string;

  @Field({ description: 'Last day, yyyy-mm-dd, inclusive' })
  @Column('varchar', { length: 10 })
  end: string;

  /** The rule version in force when the period was opened; later versions never apply to it. */
  @Column('int')
  ruleSetId: number;

  @Field(() => AppraisalPeriodStatus, { description: 'Draft or published (locked)' })
  @Column('varchar', { length: 12 })
  status: AppraisalPeriodStatus;

  @Column('int')
  openedById: number;

  @Field({ description: 'When it was opened' })
  @Column('datetime', { precision: 3 })
  openedAt: Date;

  @Field({ description: 'When its draft was last computed' })
  @Column('datetime', { precision: 3 })
  computedAt: Date;

  @Column('int', { nullable: true })
  publishedById: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was published; null while a draft' })
  @Column('datetime', { precision: 3, nullable: true })
  publishedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to recompute and publish' })
  @VersionColumn()
  version: number;
}

/**
 * One result of a period about one subject: a staff member, a window, or (in a city's
 * period) a subordinate centre. `subjectId` is the user, window or tenant id.
 */
@ObjectType({ implements: Node, description: '考核结果: one subject’s result in a period (a staff member, a window, or a subordinate centre)' })
@Entity()
@Index(['tenantId', 'periodId', 'subjectKind', 'subjectId'], { unique: true })
@Index(['tenantId', 'subjectKind', 'subjectId'])
export class AppraisalResult extends TenantOwnedEntity {
  @Column('int')
  periodId: number;

  @Field(() => AppraisalSubjectKind, { description: 'Staff member, window or centre' })
  @Column('varchar', { length: 8 })
  subjectKind: AppraisalSubjectKind;

  @Column('int')
  subjectId: number;

  /** The person's or the window's department when computed (who its head is decides who reads it); null for a centre. */
  @Column('int', { nullable: true })
  departmentId: number | null;

  /** The base plus every COMPUTED and ADJUSTMENT line; locked when published (corrections stay apart). */
  @Column('int')
  scoreCenti: number;

  /** Points lost (≥ 0) in the computed and adjusting lines: the first tie-break (grading.ts). */
  @Column('int')
  deductedCenti: number;

  @GuardedField(resultScorePolicy, 'Score: the base plus every computed and adjusting line; locked when published (corrections are shown apart, in correctedScore)', () => Float)
  get score(): number {
    return fromCenti(this.scoreCenti);
  }

  @GuardedField(resultProposedGradePolicy, 'Proposed grade: by score within the quota and the bars', () => AppraisalGrade)
  @Column('varchar', { length: 20 })
  proposedGrade: AppraisalGrade;

  @GuardedField(resultGradePolicy, 'Grade (考核等次): null until published, then locked', () => AppraisalGrade)
  @Column('varchar', { length: 20, nullable: true })
  grade: AppraisalGrade | null;

  @GuardedField(resultRankPolicy, 'Rank by score among the period’s results of the same kind (1 is best; ties as README, Appraisal, says)', () => Int)
  @Column('int')
  rank: number;

  @GuardedField(resultBarredPolicy, '效能告诫 in the calendar year: EXCELLENT is barred (锦州 第十六条)', () => Boolean)
  @Column('boolean', { default: false })
  excellenceBarred: boolean;

  @Field({ description: 'The annual result of a window’s chief representative (首席代表): reported to the organisation department (锦州 第十五条, 第二十四条)' })
  @Column('boolean', { default: false })
  chiefRepresentativeAnnual: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to adjust' })
  @VersionColumn()
  version: number;
}

export enum AppraisalLineKind {
  COMPUTED = 'COMPUTED',
  ADJUSTMENT = 'ADJUSTMENT',
  CORRECTION = 'CORRECTION',
}
registerEnumType(AppraisalLineKind, {
  name: 'AppraisalLineKind',
  description: 'How a breakdown line came about',
  valuesConfig: {
    COMPUTED: { description: 'Computed from a scoring item over the period’s events' },
    ADJUSTMENT: { description: 'A review adjustment with its reason, while the period is a draft (in the score)' },
    CORRECTION: { description: 'An adjusting entry against a published, locked result (shown apart; the locked score stays)' },
  },
});

/** Position of adjustments and corrections: after every item, in the order written. */
export const REVIEW_POSITION = 1000;

/** One line of a result's breakdown: how some points were won or lost. */
@ObjectType({ description: '考核明细: one line of a result’s breakdown (read through the result)' })
@Entity()
@Index(['tenantId', 'resultId', 'position'])
@Index(['tenantId', 'periodId', 'kind'])
export class AppraisalLine extends TenantOwnedEntity {
  /** The result's period, so a recompute replaces a period's computed lines in one statement. */
  @Column('int')
  periodId: number;

  @Column('int')
  resultId: number;

  /** Computed lines follow the item order; adjustments and corrections come after (REVIEW_POSITION). */
  @Field(() => Int, { description: 'Order within the breakdown' })
  @Column('int')
  position: number;

  @Field(() => AppraisalLineKind, { description: 'Computed, an adjustment, or a correction after publication' })
  @Column('varchar', { length: 12 })
  kind: AppraisalLineKind;

  @Field(() => AppraisalSource, { description: 'Where the points come from' })
  @Column('varchar', { length: 24 })
  source: AppraisalSource;

  @Column('int', { nullable: true })
  itemId: number | null;

  @Field({ description: 'The item’s label, or 调整 / 更正' })
  @Column('varchar', { length: 100 })
  label: string;

  @Field(() => Int, { description: 'Events counted (for a rate: the events the rate is over)' })
  @Column('int')
  count: number;

  /** For a rate item: the events that met the rate (satisfied ratings, on-time cases). */
  @Field(() => Int, { nullable: true, description: 'For a rate: the events that met it (satisfied ratings, cases on time); null otherwise' })
  @Column('int', { nullable: true })
  metCount: number | null;

  @Column('int')
  pointsCenti: number;

  @Field(() => Float, { description: 'Points won (positive) or lost (negative)' })
  get points(): number {
    return fromCenti(this.pointsCenti);
  }

  @Field(() => String, { nullable: true, description: 'The reason of an adjustment or a correction' })
  @Column('varchar', { length: 500, nullable: true })
  reason: string | null;

  @Column('int', { nullable: true })
  createdById: number | null;

  @Field({ description: 'When the line was written' })
  @Column('datetime', { precision: 3 })
  createdAt: Date;
}

export enum AppraisalEventKind {
  APPLICATION = 'APPLICATION',
  EVALUATION = 'EVALUATION',
  COMPLAINT = 'COMPLAINT',
  SANCTION = 'SANCTION',
  EMPTY_POST_EVENT = 'EMPTY_POST_EVENT',
  STAFF_ABSENCE = 'STAFF_ABSENCE',
  SUPERVISION_NOTICE = 'SUPERVISION_NOTICE',
  TICKET_STEP = 'TICKET_STEP',
  WORK_ITEM_ASSIGNEE = 'WORK_ITEM_ASSIGNEE',
  COMMENDATION = 'COMMENDATION',
}
registerEnumType(AppraisalEventKind, {
  name: 'AppraisalEventKind',
  description: 'The kind of record a breakdown line links to; its id is the global id of that node type',
  valuesConfig: {
    APPLICATION: { description: '办件 (Application)' },
    EVALUATION: { description: '好差评 (Evaluation)' },
    COMPLAINT: { description: '投诉 (Complaint)' },
    SANCTION: { description: '处理 (Sanction)' },
    EMPTY_POST_EVENT: { description: '空岗 (EmptyPostEvent)' },
    STAFF_ABSENCE: { description: '缺勤 (StaffAbsence)' },
    SUPERVISION_NOTICE: { description: '督办通知 (SupervisionNotice)' },
    TICKET_STEP: { description: '协作流转单 step (TicketStep)' },
    WORK_ITEM_ASSIGNEE: { description: '衔接事项 part of a department (WorkItemAssignee)' },
    COMMENDATION: { description: '表扬 (AppraisalCommendation)' },
  },
});

/** The GraphQL node type behind each event kind, for global ids. */
export const EVENT_NODE_TYPE: Record<AppraisalEventKind, string> = {
  APPLICATION: 'Application',
  EVALUATION: 'Evaluation',
  COMPLAINT: 'Complaint',
  SANCTION: 'Sanction',
  EMPTY_POST_EVENT: 'EmptyPostEvent',
  STAFF_ABSENCE: 'StaffAbsence',
  SUPERVISION_NOTICE: 'SupervisionNotice',
  TICKET_STEP: 'TicketStep',
  WORK_ITEM_ASSIGNEE: 'WorkItemAssignee',
  COMMENDATION: 'AppraisalCommendation',
};

/** One event behind a breakdown line (kept, so a published breakdown does not move when the events do). */
@Entity()
@Index(['tenantId', 'lineId'])
@Index(['tenantId', 'periodId'])
export class AppraisalLineEvent extends TenantOwnedEntity {
  /** Only computed lines link events: a recompute drops a period's links in one statement. */
  @Column('int')
  periodId: number;

  @Column('int')
  lineId: number;

  @Column('varchar', { length: 20 })
  eventKind: AppraisalEventKind;

  @Column('int')
  eventId: number;
}

export enum CommendationKind {
  PRAISE_LETTER = 'PRAISE_LETTER',
  VERY_SATISFIED_COMMENT = 'VERY_SATISFIED_COMMENT',
  OTHER = 'OTHER',
}
registerEnumType(CommendationKind, {
  name: 'CommendationKind',
  description: '表扬: what a commendation rests on',
  valuesConfig: {
    PRAISE_LETTER: { description: '表扬信 / 锦旗' },
    VERY_SATISFIED_COMMENT: { description: 'A 非常满意 rating with a comment (names the evaluation)' },
    OTHER: { description: 'Another commendation, described in the note' },
  },
});

/** 表扬: a commendation of a staff member, recorded by a centre admin (a positive source of the appraisal). */
@ObjectType({ implements: Node, description: '表扬: a commendation of a staff member, recorded by a centre admin' })
@Entity()
@Index(['tenantId', 'personId', 'receivedOn'])
export class AppraisalCommendation extends TenantOwnedEntity {
  @Column('int')
  personId: number;

  @Field(() => CommendationKind, { description: 'What it rests on' })
  @Column('varchar', { length: 24 })
  kind: CommendationKind;

  @Column('int', { nullable: true })
  evaluationId: number | null;

  @Field({ description: 'Date received, yyyy-mm-dd (the centre’s local date)' })
  @Column('varchar', { length: 10 })
  receivedOn: string;

  @Field({ description: 'What was praised' })
  @Column('varchar', { length: 500 })
  note: string;

  @Column('int')
  recordedById: number;

  @Field({ description: 'When it was recorded' })
  @Column('datetime', { precision: 3 })
  recordedAt: Date;
}

