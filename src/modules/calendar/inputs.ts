import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: "A centre's own exception: a local closure or an extra working day" })
export class CalendarOverrideInput {
  @Field(() => LocalDateResolver, { description: '日期, yyyy-mm-dd' })
  date: string;

  @Field({ description: 'true: an extra working day; false: closed' })
  working: boolean;

  @Field({ description: 'Why, e.g. 停电检修; shown in the calendar' })
  reason: string;
}

@InputType({ description: 'A national holiday (working: false) or make-up working day (调休, working: true)' })
export class NationalCalendarDayInput {
  @Field(() => LocalDateResolver, { description: '日期, yyyy-mm-dd' })
  date: string;

  @Field({ description: 'true: a make-up working day (调休上班); false: a holiday' })
  working: boolean;

  @Field({ description: 'e.g. 春节, 调休上班' })
  name: string;
}

@InputType({ description: 'The exception to remove: the day returns to what its weekday says' })
export class RemoveCalendarDayInput {
  @Field(() => LocalDateResolver, { description: '日期, yyyy-mm-dd' })
  date: string;
}

@InputType({ description: 'A statutory holiday (法定节假日) of a national schedule' })
export class NationalHolidayInput {
  @Field(() => LocalDateResolver, { description: '日期, yyyy-mm-dd' })
  date: string;

  @Field({ description: 'e.g. 春节' })
  name: string;
}

@InputType({ description: 'One year of the national schedule, as the State Council publishes it (国务院办公厅放假安排)' })
export class NationalCalendarInput {
  @Field(() => Int, { description: 'The year the schedule is for, e.g. 2026; replaces what was loaded for it' })
  year: number;

  @Field(() => [NationalHolidayInput], { description: 'Every day off, one entry per date' })
  holidays: NationalHolidayInput[];

  @Field(() => [LocalDateResolver], { description: 'Make-up working days (调休上班), yyyy-mm-dd' })
  makeUpWorkdays: string[];
}
