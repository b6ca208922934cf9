import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { AbsenceKind, WindowKind, WindowStatus } from './entities';
import { WindowReplacementInput } from '../tenancy/inputs';

@InputType({ description: 'Narrows the windows list' })
export class WindowFilter {
  @Field(() => WindowKind, { nullable: true, description: 'Only windows of this kind' })
  kind?: WindowKind;

  @Field(() => WindowStatus, { nullable: true, description: 'Only open (or only closed) windows' })
  status?: WindowStatus;

  @Field(() => ID, { nullable: true, description: 'Only the windows of this department (部门)' })
  departmentId?: string;

  @Field({ nullable: true, description: 'Only the windows of this 行政区划代码 (a readable tenant)' })
  tenantCode?: string;
}

@InputType({ description: 'A new window (窗口) of the own centre; it opens at once' })
export class CreateWindowInput {
  @Field({ description: '窗口号, e.g. A12: unique in the centre' })
  number: string;

  @Field({ description: 'Window name shown above it, e.g. 市场监管综合窗口' })
  name: string;

  @Field({ description: '大厅 / 区域, e.g. 一楼B区' })
  hall: string;

  @Field(() => WindowKind, { description: 'Kind of window (综合受理, 派驻, 咨询 …)' })
  kind: WindowKind;

  @Field(() => ID, { description: 'The department of the window (for DEPARTMENT windows, the stationed 派驻部门)' })
  departmentId: string;

  @Field(() => [ID], { nullable: true, description: 'Matters the window serves (政务服务事项 of the same centre)' })
  matterIds?: string[];

  @Field(() => ID, { nullable: true, description: '首席代表: an active user of the window department' })
  chiefRepresentativeId?: string;
}

@InputType({ description: 'Changes to a window; omitted fields stay as they are' })
export class UpdateWindowInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ nullable: true, description: 'New 窗口号, e.g. A12: unique in the centre' })
  number?: string;

  @Field({ nullable: true, description: 'New window name' })
  name?: string;

  @Field({ nullable: true, description: 'New 大厅 / 区域' })
  hall?: string;

  @Field(() => WindowKind, { nullable: true, description: 'New kind of window' })
  kind?: WindowKind;

  @Field(() => ID, { nullable: true, description: 'New department (部门) of the window, of the same centre' })
  departmentId?: string;

  @Field(() => [ID], { nullable: true, description: 'The full list of matters served: replaces the current one' })
  matterIds?: string[];

  @Field(() => ID, { nullable: true, description: '首席代表; null removes the chief representative' })
  chiefRepresentativeId?: string | null;

  @Field({ nullable: true, description: '综合受理 mode (COMPREHENSIVE windows only): receives cases of every matter of the centre' })
  comprehensiveIntake?: boolean;
}

@InputType({ description: '准入准出: open or close a window, with the reason' })
export class WindowStatusInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Why the window is opened or closed; kept in its status history' })
  reason: string;
}

@InputType({ description: 'AB岗: staff the A and the B post of a window' })
export class AssignWindowPostsInput {
  @Field(() => ID, { description: 'The window (窗口) of the own centre' })
  windowId: string;

  @Field(() => Int, { description: 'The version of the window' })
  version: number;

  @Field(() => ID, { description: 'A岗: an active user of the centre' })
  aUserId: string;

  @Field(() => ID, { description: 'B岗: an active user of the centre, not the A user' })
  bUserId: string;
}

@InputType({ description: 'A staff absence (请假 / 培训 / 出差). Refused when a window would have nobody on post (空岗).' })
export class ScheduleAbsenceInput {
  @Field(() => ID, { description: 'Who will be absent: a user of the own centre' })
  userId: string;

  @Field(() => AbsenceKind, { description: 'Kind of absence (请假 / 培训 / 出差 / 其他)' })
  kind: AbsenceKind;

  @Field({ description: 'When the absence starts' })
  startsAt: Date;

  @Field({ description: 'After startsAt' })
  endsAt: Date;

  @Field({ defaultValue: '', description: 'Why the person is away; optional' })
  reason: string;

  @Field(() => [WindowReplacementInput], {
    defaultValue: [],
    description: 'Replacements for windows that would otherwise have nobody on post; each becomes a WindowCover for the whole absence',
  })
  replacements: WindowReplacementInput[];
}

@InputType({ description: 'Cancel a scheduled absence (its id from staffAbsences)' })
export class CancelAbsenceInput {
  @Field(() => ID)
  id: string;
}

@InputType({ description: '延时服务: the lunch-time duty rota of a window; creates it or replaces it' })
export class SetLunchDutyRotaInput {
  @Field(() => ID, { description: 'The window (窗口) of the own centre' })
  windowId: string;

  @Field(() => [ID], { description: 'Group one, on post in the first half of the lunch break: active window staff of the centre' })
  groupOneIds: string[];

  @Field(() => [ID], { description: 'Group two, on post in the second half: active window staff of the centre, none of group one' })
  groupTwoIds: string[];

  @Field(() => Int, { nullable: true, description: 'The version of the current rota; required when the window has one' })
  version?: number;
}

@InputType({ description: '大厅办公时间 of the own centre, local times HH:MM' })
export class SetHallHoursInput {
  @Field({ description: 'e.g. 09:00' })
  opensAt: string;

  @Field({ description: 'e.g. 17:00' })
  closesAt: string;

  @Field(() => String, { nullable: true, description: '午休 starts, e.g. 12:00; null (with lunchEndsAt) for a hall open through noon' })
  lunchStartsAt?: string | null;

  @Field(() => String, { nullable: true, description: '午休 ends, e.g. 13:30' })
  lunchEndsAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of the current hours; required once the centre has set them' })
  version?: number;
}

@InputType({ description: '离岗: why the post is left (因事离开)' })
export class LeavePostInput {
  @Field({ description: 'Why you leave the post, e.g. 临时外出办事' })
  reason: string;
}

@InputType({ description: 'Narrows the empty-post (空岗) events list' })
export class EmptyPostEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only the events of this window' })
  windowId?: string;

  @Field({ nullable: true, description: 'Only the events of this 行政区划代码 (a readable tenant)' })
  tenantCode?: string;

  @Field({ nullable: true, description: 'Events still running at or after this moment' })
  from?: Date;

  @Field({ nullable: true, description: 'Events started before this moment' })
  to?: Date;
}

@InputType({ description: 'Which scheduled absences to list' })
export class StaffAbsenceFilter {
  @Field(() => ID, { nullable: true, description: 'Only this person’s absences' })
  userId?: string;

  @Field({ nullable: true, description: 'Only the absences of this 行政区划代码 (a readable tenant)' })
  tenantCode?: string;

  @Field({ nullable: true, description: 'Absences still running at or after this moment' })
  from?: Date;

  @Field({ nullable: true, description: 'Absences starting before this moment' })
  to?: Date;

  @Field({ nullable: true, description: 'Include cancelled absences (default: no)' })
  includeCancelled?: boolean;
}

export const windowSorting = defineSorting({
  typeName: 'Window',
  label: 'window lists (窗口)',
  fields: { NUMBER: { column: 'w.number', kind: 'text', description: '窗口编号' } },
  defaultOrder: [{ field: 'NUMBER', direction: OrderDirection.ASC }],
});
export type WindowOrderField = keyof typeof windowSorting.fields;

export const staffAbsenceSorting = defineSorting({
  typeName: 'StaffAbsence',
  label: 'scheduled absences (请假)',
  fields: { STARTS_AT: { column: 'a.startsAt', kind: 'instant', description: '开始时间' } },
  defaultOrder: [{ field: 'STARTS_AT', direction: OrderDirection.DESC }],
});
export type StaffAbsenceOrderField = keyof typeof staffAbsenceSorting.fields;

export const emptyPostEventSorting = defineSorting({
  typeName: 'EmptyPostEvent',
  label: 'empty-post events (空岗)',
  fields: { STARTS_AT: { column: 'e.startsAt', kind: 'instant', description: '空岗开始' } },
  defaultOrder: [{ field: 'STARTS_AT', direction: OrderDirection.DESC }],
});
export type EmptyPostEventOrderField = keyof typeof emptyPostEventSorting.fields;
