import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { Matter } from '../matters/entities';
import { EmptyPostEvent, LunchDutyRota, PostSignOff, StaffAbsence, Window, WindowCover, WindowPost, WindowStatusChange } from './entities';
import {
  AssignWindowPostsInput,
  CancelAbsenceInput,
  CreateWindowInput,
  EmptyPostEventFilter,
  EmptyPostEventOrderField,
  emptyPostEventSorting,
  LeavePostInput,
  ScheduleAbsenceInput,
  SetHallHoursInput,
  SetLunchDutyRotaInput,
  StaffAbsenceFilter,
  StaffAbsenceOrderField,
  staffAbsenceSorting,
  UpdateWindowInput,
  WindowFilter,
  WindowOrderField,
  windowSorting,
  WindowStatusInput,
} from './inputs';
import { HallHoursView, LunchDutyDay, WindowCoverage, WindowCoverView, WindowPostView } from './types';
import * as windows from './service';
import * as coverage from './coverage';
import * as dutyRota from './rota';
import * as hallHours from './hall-hours';
import * as emptyPosts from './empty-posts';

const WindowConnection = Connection(Window);
const EmptyPostEventConnection = Connection(EmptyPostEvent);
const StaffAbsenceConnection = Connection(StaffAbsence);

@Resolver(() => Window)
export class WindowResolver {
  @Query(() => WindowConnection, { description: '窗口: the windows the viewer may read' })
  windows(
    @Ctx() ctx: RequestContext,
    @Args(() => windowSorting.Args) args: ListArgs<WindowOrderField>,
    @Arg('filter', () => WindowFilter, { nullable: true }) filter?: WindowFilter,
  ): Promise<ConnectionResult<Window>> {
    return windows.listWindows(ctx, args, filter);
  }

  @Query(() => Window, { nullable: true, description: 'A window by global id (as node(id:)); null when missing or out of scope' })
  window(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Window | null> {
    return windows.windowById(ctx, id);
  }

  @Query(() => WindowCoverage, {
    description: "在岗情况 / 空岗: who is on post (AB岗, 替岗) at every OPEN window of a centre at a moment (default: now, the viewer's centre)",
  })
  windowCoverage(
    @Ctx() ctx: RequestContext,
    @Arg('at', () => Date, { nullable: true, description: 'The moment to describe; now when left out' }) at?: Date,
    @Arg('tenantCode', () => String, { nullable: true, description: '行政区划代码 of a readable centre' }) tenantCode?: string,
  ): Promise<WindowCoverage> {
    return coverage.windowCoverage(ctx, at ?? undefined, tenantCode ?? undefined);
  }

  @Query(() => HallHoursView, { description: "大厅办公时间: the hall hours of the viewer's centre, or of a readable one" })
  hallHours(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', () => String, { nullable: true, description: '行政区划代码 of a readable centre' }) tenantCode?: string,
  ): Promise<HallHoursView> {
    return hallHours.hallHoursOf(ctx, tenantCode ?? undefined);
  }

  @Mutation(() => HallHoursView, { description: '大厅办公时间: set the hall hours of the own centre (centre admin)' })
  setHallHours(@Ctx() ctx: RequestContext, @Arg('input') input: SetHallHoursInput): Promise<HallHoursView> {
    return hallHours.setHallHours(ctx, input);
  }

  @Query(() => LunchDutyDay, {
    description: '延时服务 / 午休值班: who is on post at every OPEN window in each half of a day’s lunch break, with stand-ins and uncovered windows',
  })
  lunchDuty(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => LocalDateResolver, { description: '日期: the working day, yyyy-mm-dd' }) date: string,
    @Arg('tenantCode', () => String, { nullable: true, description: '行政区划代码 of a readable centre' }) tenantCode?: string,
  ): Promise<LunchDutyDay> {
    return dutyRota.lunchDuty(ctx, date, tenantCode ?? undefined);
  }

  @Query(() => EmptyPostEventConnection, { description: '空岗: stretches of opening hours in which a window had nobody on post' })
  emptyPostEvents(
    @Ctx() ctx: RequestContext,
    @Args(() => emptyPostEventSorting.Args) args: ListArgs<EmptyPostEventOrderField>,
    @Arg('filter', () => EmptyPostEventFilter, { nullable: true }) filter?: EmptyPostEventFilter,
  ): Promise<ConnectionResult<EmptyPostEvent>> {
    return emptyPosts.listEmptyPostEvents(ctx, args, filter);
  }

  @Mutation(() => Window, { description: '设立窗口: a new window of the own centre (centre admin)' })
  createWindow(@Ctx() ctx: RequestContext, @Arg('input') input: CreateWindowInput): Promise<Window> {
    return windows.createWindow(ctx, input);
  }

  @Mutation(() => Window, { description: 'Change a window of the own centre (centre admin)' })
  updateWindow(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateWindowInput): Promise<Window> {
    return windows.updateWindow(ctx, input);
  }

  @Mutation(() => Window, { description: '准入: open a closed window, with the reason (centre admin)' })
  openWindow(@Ctx() ctx: RequestContext, @Arg('input') input: WindowStatusInput): Promise<Window> {
    return windows.openWindow(ctx, input);
  }

  @Mutation(() => Window, { description: '准出: close an open window, with the reason (centre admin)' })
  closeWindow(@Ctx() ctx: RequestContext, @Arg('input') input: WindowStatusInput): Promise<Window> {
    return windows.closeWindow(ctx, input);
  }

  @Mutation(() => Window, { description: 'AB岗: staff the A and B posts of a window (centre admin)' })
  assignWindowPosts(@Ctx() ctx: RequestContext, @Arg('input') input: AssignWindowPostsInput): Promise<Window> {
    return windows.assignWindowPosts(ctx, input);
  }

  @Mutation(() => LunchDutyRota, { description: '延时服务: create or replace the lunch-time duty rota of a window (centre admin)' })
  setLunchDutyRota(@Ctx() ctx: RequestContext, @Arg('input') input: SetLunchDutyRotaInput): Promise<LunchDutyRota> {
    return dutyRota.setLunchDutyRota(ctx, input);
  }

  @FieldResolver(() => Tenant, { description: '政务服务中心 of the window' })
  tenant(@Ctx() ctx: RequestContext, @Root() window: Window): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, window.tenantId);
  }

  @FieldResolver(() => Department, { description: '部门 the window belongs to: for a DEPARTMENT window, the stationed department (派驻部门)' })
  department(@Ctx() ctx: RequestContext, @Root() window: Window): Promise<Department | null> {
    return windows.departmentOf(ctx, window);
  }

  @FieldResolver(() => [Matter], { description: '政务服务事项 the window serves' })
  matters(@Ctx() ctx: RequestContext, @Root() window: Window): Promise<Matter[]> {
    return windows.mattersOf(ctx, window);
  }

  @FieldResolver(() => User, { nullable: true, description: '首席代表: the department’s authorised lead at the window; null when none is named' })
  chiefRepresentative(@Ctx() ctx: RequestContext, @Root() window: Window): Promise<User | null> {
    return tenancy.loadUser(ctx, window.chiefRepresentativeId);
  }

  @FieldResolver(() => [WindowPostView], { description: 'AB岗: the A and B posts and who holds them' })
  posts(@Ctx() ctx: RequestContext, @Root() window: Window): Promise<WindowPost[]> {
    return windows.postsOf(ctx, window);
  }

  @FieldResolver(() => [WindowStatusChange], { description: '准入准出: openings and closings, oldest first' })
  statusHistory(@Ctx() ctx: RequestContext, @Root() window: Window): Promise<WindowStatusChange[]> {
    return windows.statusHistoryOf(ctx, window);
  }

  @FieldResolver(() => LunchDutyRota, { nullable: true, description: '延时服务 / 午休值班: the lunch-time duty rota; null when the window has none' })
  lunchDutyRota(@Ctx() ctx: RequestContext, @Root() window: Window): Promise<LunchDutyRota | null> {
    return windows.lunchDutyRotaOf(ctx, window);
  }
}

@Resolver(() => WindowPostView)
export class WindowPostResolver {
  @FieldResolver(() => User, { description: 'Who holds the post (window staff of the same centre)' })
  user(@Ctx() ctx: RequestContext, @Root() post: WindowPost): Promise<User | null> {
    return tenancy.loadUser(ctx, post.userId);
  }
}

@Resolver(() => WindowStatusChange)
export class WindowStatusChangeResolver {
  @FieldResolver(() => Window, { description: 'The window (窗口) opened or closed' })
  window(@Ctx() ctx: RequestContext, @Root() change: WindowStatusChange): Promise<Window | null> {
    return windows.loadWindow(ctx, change.windowId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who opened or closed the window; null when no person is recorded for the change' })
  actor(@Ctx() ctx: RequestContext, @Root() change: WindowStatusChange): Promise<User | null> {
    return tenancy.loadUser(ctx, change.actorId);
  }
}

@Resolver(() => StaffAbsence)
export class StaffAbsenceResolver {
  @Query(() => StaffAbsenceConnection, { description: '请假 and other scheduled absences the viewer may read, to show and cancel them' })
  staffAbsences(
    @Ctx() ctx: RequestContext,
    @Args(() => staffAbsenceSorting.Args) args: ListArgs<StaffAbsenceOrderField>,
    @Arg('filter', () => StaffAbsenceFilter, { nullable: true }) filter?: StaffAbsenceFilter,
  ): Promise<ConnectionResult<StaffAbsence>> {
    return coverage.listStaffAbsences(ctx, args, filter);
  }

  @Mutation(() => StaffAbsence, {
    description: '请假 / 培训 / 出差: schedule a staff absence; refused when a window would have nobody on post (空岗) unless a replacement is given (centre admin)',
  })
  scheduleAbsence(@Ctx() ctx: RequestContext, @Arg('input') input: ScheduleAbsenceInput): Promise<StaffAbsence> {
    return coverage.scheduleAbsence(ctx, input);
  }

  @Mutation(() => StaffAbsence, { description: 'Cancel an absence; its replacements lapse with it (centre admin)' })
  cancelAbsence(@Ctx() ctx: RequestContext, @Arg('input') input: CancelAbsenceInput): Promise<StaffAbsence> {
    return coverage.cancelAbsence(ctx, input);
  }

  @FieldResolver(() => User, { description: 'Who is absent' })
  user(@Ctx() ctx: RequestContext, @Root() absence: StaffAbsence): Promise<User | null> {
    return tenancy.loadUser(ctx, absence.userId);
  }

  @FieldResolver(() => [WindowCoverView], { description: '替岗: replacements on windows during the absence' })
  covers(@Ctx() ctx: RequestContext, @Root() absence: StaffAbsence): Promise<WindowCover[]> {
    return windows.coversOf(ctx, absence);
  }
}

@Resolver(() => WindowCoverView)
export class WindowCoverResolver {
  @FieldResolver(() => Window, { description: 'The window the replacement stands in at' })
  window(@Ctx() ctx: RequestContext, @Root() cover: WindowCover): Promise<Window | null> {
    return windows.loadWindow(ctx, cover.windowId);
  }

  @FieldResolver(() => User, { description: 'The replacement (window staff of the same centre)' })
  user(@Ctx() ctx: RequestContext, @Root() cover: WindowCover): Promise<User | null> {
    return tenancy.loadUser(ctx, cover.userId);
  }
}

@Resolver(() => LunchDutyRota)
export class LunchDutyRotaResolver {
  @FieldResolver(() => Window, { description: 'The window this rota keeps on post at lunch time' })
  window(@Ctx() ctx: RequestContext, @Root() rota: LunchDutyRota): Promise<Window | null> {
    return windows.loadWindow(ctx, rota.windowId);
  }

  @FieldResolver(() => [User], { description: 'Group one: on post in the first half of the lunch break, while group two eats' })
  groupOne(@Ctx() ctx: RequestContext, @Root() rota: LunchDutyRota): Promise<User[]> {
    return dutyRota.rotaMembers(ctx, rota.groupOneIds);
  }

  @FieldResolver(() => [User], { description: 'Group two: on post in the second half, while group one eats' })
  groupTwo(@Ctx() ctx: RequestContext, @Root() rota: LunchDutyRota): Promise<User[]> {
    return dutyRota.rotaMembers(ctx, rota.groupTwoIds);
  }
}

@Resolver(() => PostSignOff)
export class PostSignOffResolver {
  @Mutation(() => PostSignOff, {
    description: '离岗: leave your post for an unplanned absence (window staff); a window left with nobody on post is recorded as 空岗',
  })
  leavePost(@Ctx() ctx: RequestContext, @Arg('input') input: LeavePostInput): Promise<PostSignOff> {
    return emptyPosts.leavePost(ctx, input);
  }

  @Mutation(() => PostSignOff, { description: 'Back on post after leavePost (window staff)' })
  returnToPost(@Ctx() ctx: RequestContext): Promise<PostSignOff> {
    return emptyPosts.returnToPost(ctx);
  }

  @FieldResolver(() => User, { description: 'Who left the post' })
  user(@Ctx() ctx: RequestContext, @Root() signOff: PostSignOff): Promise<User | null> {
    return tenancy.loadUser(ctx, signOff.userId);
  }
}

@Resolver(() => EmptyPostEvent)
export class EmptyPostEventResolver {
  @FieldResolver(() => Window, { description: 'The window that had nobody on post' })
  window(@Ctx() ctx: RequestContext, @Root() event: EmptyPostEvent): Promise<Window | null> {
    return windows.loadWindow(ctx, event.windowId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The post holder whose absence left the window empty; null for UNSTAFFED' })
  user(@Ctx() ctx: RequestContext, @Root() event: EmptyPostEvent): Promise<User | null> {
    return tenancy.loadUser(ctx, event.userId);
  }
}
