import { AppraisalGrade } from './entities';

/** What grading needs of one result (any subject kind): the scores in hundredths. */
export interface ScoredSubject {
  subjectId: number;
  scoreCenti: number;
  /** Points lost (≥ 0) in its computed and adjusting lines: the first tie-break. */
  deductedCenti: number;
  /** 效能告诫 in the year (锦州 第十六条): never EXCELLENT. */
  excellenceBarred: boolean;
}

/** The grade thresholds and the quota of a rule version. */
export interface GradeRules {
  excellentFromCenti: number;
  competentFromCenti: number;
  basicallyCompetentFromCenti: number;
  excellenceQuotaPercent: number;
  excellenceQuotaSeats: number | null;
}

export interface Graded {
  proposedGrade: AppraisalGrade;
  rank: number;
}

/** EXCELLENT places among `appraised` subjects: the centre's own seats (指标单列), else the percent, rounded down. */
export function excellenceSeats(rules: GradeRules, appraised: number): number {
  return rules.excellenceQuotaSeats ?? Math.floor((rules.excellenceQuotaPercent * appraised) / 100);
}

/**
 * The tie rule: a higher score first; on equal scores, fewer points lost; then the lower
 * subject id (the longer-standing account, window or centre), so a ranking is never
 * left to chance.
 */
export function byRank(a: ScoredSubject, b: ScoredSubject): number {
  return b.scoreCenti - a.scoreCenti || a.deductedCenti - b.deductedCenti || a.subjectId - b.subjectId;
}

function gradeByScore(rules: GradeRules, scoreCenti: number): AppraisalGrade {
  if (scoreCenti >= rules.competentFromCenti) return AppraisalGrade.COMPETENT;
  if (scoreCenti >= rules.basicallyCompetentFromCenti) return AppraisalGrade.BASICALLY_COMPETENT;
  return AppraisalGrade.INCOMPETENT;
}

/**
 * Grades the results of one subject kind of a period: by score, in rank order, EXCELLENT
 * for those at or above its threshold while places remain, skipping anyone barred (the
 * next eligible person takes the place); those skipped, or beyond the quota, are
 * COMPETENT. The quota is a share of the subjects appraised (锦州 第十五条, 指标单列).
 */
export function gradeWithQuota(subjects: readonly ScoredSubject[], rules: GradeRules): Map<number, Graded> {
  let seats = excellenceSeats(rules, subjects.length);
  const graded = new Map<number, Graded>();
  [...subjects].sort(byRank).forEach((subject, i) => {
    let grade = gradeByScore(rules, subject.scoreCenti);
    if (subject.scoreCenti >= rules.excellentFromCenti && !subject.excellenceBarred && seats > 0) {
      grade = AppraisalGrade.EXCELLENT;
      seats -= 1;
    }
    graded.set(subject.subjectId, { proposedGrade: grade, rank: i + 1 });
  });
  return graded;
}
