import { fieldLabel } from '../../graphql/messages';
import { message } from '../../graphql/language';

/** Messages of the working calendar (README, "Errors and languages"). */
export const calendarMessages = {
  year: (field: string) => message(`${fieldLabel(field)}须在 2000 至 2100 之间`, `"${field}" must be 2000-2100`),
  notInYear: (date: string, year: number) => message(`${date} 不在 ${year} 年内`, `${date} is not in ${year}`),
  holidayTwice: message('节假日中有重复的日期', 'A date is listed twice in "holidays"'),
  holidayAndWorkday: (date: string) => message(`${date} 不能既是节假日又是调休上班日`, `${date} cannot be both a holiday and a make-up working day`),
};
