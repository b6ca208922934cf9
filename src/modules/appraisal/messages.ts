import { message } from '../../graphql/language';

/** Messages of appraisal (考核) (README, "Errors and languages"). */
export const appraisalMessages = {
  period: message('考核周期', 'Appraisal period'),
  result: message('考核结果', 'Appraisal result'),
  ruleSet: message('考核细则', 'Appraisal rules'),

  // Rules.
  score: (field: string) => message(`${field} 须为 0 至 1000 之间、最多两位小数的分数`, `"${field}" must be a score from 0 to 1000 with at most two decimals`),
  points: (field: string) => message(`${field} 须为 -1000 至 1000 之间、最多两位小数的分值`, `"${field}" must be points from -1000 to 1000 with at most two decimals`),
  thresholdsOrder: message('等次分数线须为：优秀 > 称职 > 基本称职', 'Thresholds must fall: excellentFrom > competentFrom > basicallyCompetentFrom'),
  quotaPercent: message('优秀比例须为 0 至 100', '"excellenceQuotaPercent" must be 0-100'),
  quotaSeats: message('优秀名额须为非负整数', '"excellenceQuotaSeats" must be a whole number, 0 or more'),
  items: message('考核项目为 1 至 40 项', 'Give 1-40 scoring items'),
  itemMode: (source: string) => message(`${source} 项目的计分方式不对：比率类用 RATE，计次类用 PER_EVENT`, `${source} takes mode RATE for a rate and PER_EVENT for a count`),
  itemSource: (source: string) => message(`${source} 不能用于该考核对象`, `${source} does not score that kind of subject`),
  sanctionKindOnlyForSanction: message('只有“处理”项目可以指定处理种类，且必须指定', 'A SANCTION item names a sanctionKind; other items do not'),
  ratePoints: message('比率项目的分值须大于 0', 'A RATE item weighs more than 0 points'),
  eventPoints: message('计次项目的每次分值不能为 0', 'A PER_EVENT item’s points per event are not 0'),
  cap: message('封顶分值须大于 0', '"cap" must be more than 0'),
  note: message('说明不超过 500 个字符', '"note" must be at most 500 characters'),
  rulesRaced: message('考核细则刚被他人修改，请刷新后重试', 'Someone else saved new rules just now: reload them and try again'),
  noRules: message('本中心尚未制定考核细则', 'The centre has no appraisal rules yet'),

  // Periods.
  periodStart: (kind: string) => message(`考核周期（${kind}）须从月、季或年的第一天开始`, `A ${kind} period starts on the first day of its month, quarter or year`),
  periodNotBegun: message('考核周期尚未开始', 'The period has not begun'),
  periodExists: message('该考核周期已开启', 'This period is already open'),
  periodPublished: message('考核周期已发布并锁定：不能重新计算或调整，更正请做调整分录', 'The period is published and locked: it is not recomputed or adjusted (make a correction)'),
  periodDraft: message('考核周期尚未发布', 'The period is still a draft'),
  centreLevelForCityOnly: message('只有下辖县（市）区的中心才能考核中心（锦州 第三条(十)）', 'Only a centre with counties or districts under it appraises centres (锦州 第三条(十))'),
  ownCentreOnly: message('只能考核本中心', 'Only the own centre is appraised here'),

  // Review.
  adjustmentPoints: message('调整分值须为非 0、最多两位小数、绝对值不超过 1000', '"points" must be non-zero, at most 1000 either way, with at most two decimals'),
  personNotInCentre: message('须为本中心在职工作人员', 'Must be an active staff member of the own centre'),
  evaluationForComment: message('“非常满意”表扬须指定本人的一条带评价内容的非常满意评价', 'VERY_SATISFIED_COMMENT names a VERY_SATISFIED evaluation of that person with a comment'),
  evaluationOnlyForComment: message('只有“非常满意”表扬可以指定评价', 'Only VERY_SATISFIED_COMMENT names an evaluation'),
};
