import { Field, InputType } from 'type-graphql';

@InputType({ description: "A centre's own exception: a local closure or an extra working day" })
export class CalendarOverrideInput {
  @Field({ description: 'yyyy-mm-dd' })
  date: string;

  @Field({ description: 'true: an extra working day; false: closed' })
  working: boolean;

  @Field()
  reason: string;
}

@InputType({ description: 'A national holiday (working: false) or make-up working day (调休, working: true)' })
export class NationalCalendarDayInput {
  @Field({ description: 'yyyy-mm-dd' })
  date: string;

  @Field()
  working: boolean;

  @Field({ description: 'e.g. 春节, 调休上班' })
  name: string;
}

@InputType()
export class RemoveCalendarDayInput {
  @Field({ description: 'yyyy-mm-dd' })
  date: string;
}
