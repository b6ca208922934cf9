import { LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Tenant, User } from '../tenancy/entities';
import { LunchDutyRota, Window, WindowPostRole } from './entities';

/**
 * GraphQL views of window rows that are not nodes of their own. The services return
 * the entity rows; the resolvers of these types turn their ids into objects.
 */
@ObjectType('WindowPost', { description: 'AB岗: who holds the A (primary) or B (backup) post of a window' })
export class WindowPostView {
  @Field(() => WindowPostRole, { description: 'Which post: A (primary) or B (backup)' })
  post: WindowPostRole;

  userId: number;
}

@ObjectType('WindowCover', { description: '替岗: a replacement on a window while its posts are away' })
export class WindowCoverView {
  @Field({ description: 'When the replacement starts (the absence it covers starts)' })
  startsAt: Date;

  @Field({ description: 'When the replacement ends, with the absence it covers' })
  endsAt: Date;

  windowId: number;
  userId: number;
}

export enum OnPostRole {
  A = 'A',
  B = 'B',
  COVER = 'COVER',
}
registerEnumType(OnPostRole, {
  name: 'OnPostRole',
  description: 'Why this person is on post (AB岗)',
  valuesConfig: {
    A: { description: 'A岗: the primary post is there' },
    B: { description: 'B岗: the backup stands in for an absent A' },
    COVER: { description: '替岗: a replacement, because A and B are both away' },
  },
});

@ObjectType({ description: 'Who is on post at a window at one moment' })
export class WindowOnPost {
  @Field(() => Window, { description: 'The window (窗口)' })
  window: Window;

  @Field(() => User, { description: 'The person on post there' })
  user: User;

  @Field(() => OnPostRole, { description: 'Why this person is on post: A, B standing in, or a replacement (替岗)' })
  post: OnPostRole;
}

export enum HallClosedReason {
  NON_WORKING_DAY = 'NON_WORKING_DAY',
  OUTSIDE_HOURS = 'OUTSIDE_HOURS',
  LUNCH_BREAK = 'LUNCH_BREAK',
}
registerEnumType(HallClosedReason, {
  name: 'HallClosedReason',
  description: 'Why the hall is closed at a moment',
  valuesConfig: {
    NON_WORKING_DAY: { description: '非工作日: a weekend, holiday or closure of the centre calendar' },
    OUTSIDE_HOURS: { description: 'before opening or after closing time' },
    LUNCH_BREAK: { description: '午休: only the lunch duty rota (延时服务) is on post' },
  },
});

@ObjectType({ description: 'Hall hours announced for a later date (办公时间调整, 搬迁): in force from effectiveFrom' })
export class ScheduledHallHours {
  @Field(() => LocalDateResolver, { description: 'First day of these hours, yyyy-mm-dd' })
  effectiveFrom: string;

  @Field({ description: 'Opening time, e.g. 09:00' })
  opensAt: string;

  @Field({ description: 'Closing time, e.g. 17:00' })
  closesAt: string;

  @Field(() => String, { nullable: true, description: '午休 starts; null when the hall stays open at noon' })
  lunchStartsAt: string | null;

  @Field(() => String, { nullable: true, description: '午休 ends' })
  lunchEndsAt: string | null;
}

@ObjectType('HallHours', { description: '大厅办公时间: when the hall is open on working days, local wall-clock times HH:MM' })
export class HallHoursView {
  @Field(() => Tenant, { description: 'The centre (政务服务中心) these hours belong to' })
  tenant: Tenant;

  @Field({ description: 'Opening time, e.g. 09:00' })
  opensAt: string;

  @Field({ description: 'Closing time, e.g. 17:00' })
  closesAt: string;

  @Field(() => String, { nullable: true, description: '午休 starts (the hall closes), e.g. 12:00; null when it stays open at noon' })
  lunchStartsAt: string | null;

  @Field(() => String, { nullable: true, description: '午休 ends (the hall opens again), e.g. 13:30' })
  lunchEndsAt: string | null;

  @Field({ description: 'IANA time zone of the centre, in which the times are meant' })
  timeZone: string;

  @Field({ description: 'true while the centre has not set its own hours (the default 09:00–12:00, 13:30–17:00)' })
  isDefault: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day these hours took effect (a 公告’s date); null for hours in force from the start, or the default' })
  effectiveFrom: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of the hours in force today, to pass back to setHallHours; null for the default' })
  version: number | null;

  @Field(() => [ScheduledHallHours], { description: 'Changes already announced (公告) for later dates, earliest first' })
  scheduled: ScheduledHallHours[];
}

@ObjectType({ description: '在岗情况: who is on post at every OPEN window of a centre at one moment' })
export class WindowCoverage {
  @Field({ description: 'The moment described' })
  at: Date;

  @Field({ description: 'Whether the hall is open at that moment (working day, within the hall hours, not 午休)' })
  open: boolean;

  @Field(() => HallClosedReason, { nullable: true, description: 'Why the hall is closed; null while open' })
  closedBecause: HallClosedReason | null;

  @Field(() => [WindowOnPost], { description: 'Staffed windows, by window number; empty while the hall is closed' })
  onPost: WindowOnPost[];

  @Field(() => [Window], { description: '空岗: OPEN windows with nobody on post, by window number; empty while the hall is closed' })
  emptyWindows: Window[];
}

@ObjectType({ description: 'One half of a lunch break at one window (延时服务)' })
export class LunchDutyShift {
  @Field({ description: 'When this half starts' })
  startsAt: Date;

  @Field({ description: 'When this half ends' })
  endsAt: Date;

  @Field(() => [User], { description: 'The rota group of this half who are on post (a person away at any time of it is not)' })
  onDuty: User[];

  @Field(() => [User], { description: 'Members of the rota group who are away (leave, 离岗) or no longer active window staff' })
  away: User[];

  @Field(() => User, {
    nullable: true,
    description: 'Who stands in when nobody of the group can: the B (or A) post, else a scheduled replacement (替岗); null when the group is on post or nobody can stand in',
  })
  replacement: User | null;

  @Field(() => OnPostRole, { nullable: true, description: 'Which post the replacement holds' })
  replacementPost: OnPostRole | null;

  @Field({ description: 'true when nobody is on post at the window in this half' })
  uncovered: boolean;
}

@ObjectType({ description: '午休值班 of one window on one day' })
export class LunchDutyWindow {
  @Field(() => Window, { description: 'The window (窗口)' })
  window: Window;

  @Field(() => LunchDutyRota, { nullable: true, description: 'Null when the window has no rota: both halves are uncovered' })
  rota: LunchDutyRota | null;

  @Field(() => LunchDutyShift, { description: 'First half: group one on post, group two eats' })
  firstHalf: LunchDutyShift;

  @Field(() => LunchDutyShift, { description: 'Second half: group two on post, group one eats' })
  secondHalf: LunchDutyShift;
}

@ObjectType({ description: '延时服务: the lunch duty of every OPEN window of a centre on one day (鞍山 "值班人员分为两组，轮流午休及就餐")' })
export class LunchDutyDay {
  @Field(() => LocalDateResolver, { description: '日期: the working day, yyyy-mm-dd' })
  date: string;

  @Field({ description: 'false on a non-working day: no lunch duty' })
  workingDay: boolean;

  @Field(() => Date, { nullable: true, description: '午休 starts; null on a non-working day or when the hall stays open at noon' })
  lunchStartsAt: Date | null;

  @Field(() => Date, { nullable: true, description: '午休 ends; null on a non-working day or when the hall stays open at noon' })
  lunchEndsAt: Date | null;

  @Field(() => [LunchDutyWindow], { description: 'By window number; empty without a lunch break' })
  windows: LunchDutyWindow[];

  @Field(() => [Window], { description: 'Windows with nobody on post in some part of the lunch break' })
  uncoveredWindows: Window[];
}
