import { message } from '../../graphql/language';

/** Messages of the upward statistics report (鞍山 衔接 三.3 数据统计). */
export const statisticsReportMessages = {
  report: message('数据统计上报', 'StatisticsReport'),
  compilers: message('数据统计由中心业务协调部汇总上报', 'The statistics are compiled and submitted by the centre’s 业务协调部'),
  desksUnset: message(
    '尚未设置中心业务协调部和局业务协调科（衔接部门），不能汇总上报',
    'The centre’s 业务协调部 and the bureau’s 业务协调科 are not named yet (coordination points): nothing can be compiled or submitted',
  ),
  periodOrder: message('统计期间的开始日期不能晚于结束日期', '"startDate" must not be after "endDate"'),
  periodNotOver: (today: string) => message(`统计期间须在今天（${today}）之前结束`, `The period must end before today (${today})`),
  periodTooLong: message('统计期间最长 366 天', 'A period is at most 366 days'),
  noteLength: message('说明最多 1000 个字符', '"note" is at most 1000 characters'),
  compiledAlready: message('该期间已有汇总：请带上其版本号重新汇总', 'This period is compiled already: pass its version to compile it again'),
  locked: message('该统计已上报局业务协调科，已锁定，不能重新汇总或修改', 'The report was submitted to the bureau’s 业务协调科: it is locked, neither compiled again nor changed'),
};
