import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { RequestContext } from '../../context';
import { Tenant } from '../tenancy/entities';
import { CalendarOverride } from './entities';
import { CalendarOverrideInput, NationalCalendarDayInput, NationalCalendarInput, RemoveCalendarDayInput } from './inputs';
import * as calendar from './service';

enum CalendarDaySource {
  NATIONAL = 'NATIONAL',
  TENANT = 'TENANT',
}
registerEnumType(CalendarDaySource, {
  name: 'CalendarDaySource',
  description: 'The national calendar (国务院放假安排) or the centre’s own',
  valuesConfig: {
    NATIONAL: { description: '国务院办公厅放假安排: a statutory holiday or make-up working day (调休)' },
    TENANT: { description: 'The centre’s own exception (a closure or an extra working day)' },
  },
});

@ObjectType({ description: 'A day that is not as its weekday says: a holiday, a make-up working day (调休), a closure' })
export class CalendarDay {
  @Field(() => LocalDateResolver, { description: '日期: a calendar day of the centre, yyyy-mm-dd' })
  date: string;

  @Field({ description: 'true: a working day (工作日); false: a day off' })
  working: boolean;

  @Field({ description: 'Holiday name or reason' })
  name: string;

  @Field(() => CalendarDaySource, { description: 'Whose rule makes the day so: the national calendar or the centre' })
  source: CalendarDaySource;
}

@ObjectType({ description: 'A centre’s working-day calendar (工作日) for one year' })
export class CalendarYear {
  @Field(() => Int, { description: 'Calendar year, e.g. 2026' })
  year: number;

  @Field(() => Tenant, { description: 'The centre (政务服务中心) whose calendar this is' })
  tenant: Tenant;

  @Field(() => [CalendarDay], { description: 'Exceptions only; every other Saturday and Sunday is off, every other day on' })
  days: CalendarDay[];

  @Field(() => Int, { description: 'Number of working days (工作日) in the year for this centre' })
  workingDays: number;

  @Field({ description: 'The national schedule (国务院办公厅放假安排) of this year is loaded; if not, only weekends are off and deadlines in it are provisional' })
  nationalScheduleLoaded: boolean;
}

@Resolver()
export class CalendarResolver {
  @Query(() => CalendarYear, { description: 'Working-day calendar of the viewer’s centre (or a readable one) for a year' })
  async calendar(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: 'Calendar year, e.g. 2026' }) year: number,
    @Arg('tenantCode', { nullable: true, description: '行政区划代码 of a readable centre; the viewer’s own when left out' }) tenantCode?: string,
  ): Promise<CalendarYear> {
    const result = await calendar.calendarYear(ctx, year, tenantCode);
    return { year, tenant: result.tenant, workingDays: result.workingDays, nationalScheduleLoaded: result.nationalScheduleLoaded, days: result.days as CalendarDay[] };
  }

  @Mutation(() => CalendarOverride, { description: 'Centre admin: close the centre on a day, or open it on a day off' })
  setCalendarOverride(@Ctx() ctx: RequestContext, @Arg('input') input: CalendarOverrideInput): Promise<CalendarOverride> {
    return calendar.setCalendarOverride(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Centre admin: remove an own exception; returns true (also when there was none)' })
  removeCalendarOverride(@Ctx() ctx: RequestContext, @Arg('input') input: RemoveCalendarDayInput): Promise<boolean> {
    return calendar.removeCalendarOverride(ctx, input);
  }

  @Mutation(() => CalendarDay, { description: 'Platform admin: set a national holiday or make-up working day' })
  async setNationalCalendarDay(@Ctx() ctx: RequestContext, @Arg('input') input: NationalCalendarDayInput): Promise<CalendarDay> {
    const day = await calendar.setNationalCalendarDay(ctx, input);
    return { date: day.date, working: day.working, name: day.name, source: CalendarDaySource.NATIONAL };
  }

  @Query(() => [Int], { description: 'Years whose national holiday schedule is loaded; deadlines in other years are provisional' })
  nationalCalendarYears(@Ctx() ctx: RequestContext): Promise<number[]> {
    return calendar.nationalCalendarYears(ctx);
  }

  @Mutation(() => Int, { description: 'Platform admin: load a year of the national schedule (国务院办公厅放假安排); provisional deadlines are recomputed. Returns the year loaded' })
  setNationalCalendar(@Ctx() ctx: RequestContext, @Arg('input') input: NationalCalendarInput): Promise<number> {
    return calendar.setNationalCalendar(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Platform admin: remove a national exception; returns true (also when there was none)' })
  removeNationalCalendarDay(@Ctx() ctx: RequestContext, @Arg('input') input: RemoveCalendarDayInput): Promise<boolean> {
    return calendar.removeNationalCalendarDay(ctx, input);
  }
}
