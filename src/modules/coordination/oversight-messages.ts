import { message } from '../../graphql/language';

/** Messages of 督办 and the statistics of work items (鞍山 衔接 四.3). */
export const oversightMessages = {
  fromBeforeTo: message('开始时间须早于结束时间', '"from" must be before "to"'),
};
