/**
 * 延时服务: the lunch-time duty of the windows. 鞍山 规范 三(三)3: "至少确保一名工作人员在岗
 * … 值班人员分为两组，轮流午休及就餐": each working day's lunch break is split in two
 * halves; group one is on post in the first while group two eats, then they change over.
 */
import { RequestContext } from '../../context';
import { isDuplicateKey } from '../../db/errors';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError, ConflictError } from '../../graphql/errors';
import { nouns } from '../../graphql/messages';
import { windowMessages as m } from './messages';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { User } from '../tenancy/entities';
import { LunchDutyRota, Window, WindowPostRole, WindowStatus } from './entities';
import { SetLunchDutyRotaInput } from './inputs';
import { LunchDutyDay, LunchDutyShift, LunchDutyWindow, OnPostRole } from './types';
import { unique, loadUsers, ownWindow, windowStaffOf, windows, byNumber } from './service';
import { hallScheduleOf, Interval, tenantOrOwn } from './hall-hours';
import { isPresentThroughout, postHolder, Staffing } from './staffing';
import { loadStaffing } from './coverage';
import * as calendar from '../calendar/service';

const MAX_ROTA_GROUP = 20;

/** simple-array columns come back as strings. */
export function rotaGroup(ids: (number | string)[]): number[] {
  return ids.map(Number);
}

export function rotaMembers(ctx: RequestContext, ids: (number | string)[]): Promise<User[]> {
  return loadUsers(ctx, rotaGroup(ids));
}

// ---- the rota ------------------------------------------------------------------------

async function rotaGroupOf(ctx: RequestContext, globalIds: string[], tenantId: number, field: string): Promise<number[]> {
  if (globalIds.length === 0) {
    throw new BadUserInputError(m.rotaGroupEmpty(field), field);
  }
  if (globalIds.length > MAX_ROTA_GROUP) throw new BadUserInputError(m.rotaGroupTooLarge(field, MAX_ROTA_GROUP), field);
  const ids = unique(globalIds.map((id) => decodeGlobalIdOf('User', id, field)));
  await Promise.all(ids.map((id) => windowStaffOf(ctx, id, tenantId, field)));
  return ids;
}

/**
 * 延时服务: creates or replaces the lunch-time duty rota of a window. Each person is in
 * one group of one window of the centre: someone in both halves, or at two windows at
 * once, could not take their own lunch turn (轮流午休及就餐).
 */
export async function setLunchDutyRota(ctx: RequestContext, input: SetLunchDutyRotaInput): Promise<LunchDutyRota> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const window = await ownWindow(ctx.db, input.windowId, 'input.windowId');
  const groupOneIds = await rotaGroupOf(ctx, input.groupOneIds, window.tenantId, 'input.groupOneIds');
  const groupTwoIds = await rotaGroupOf(ctx, input.groupTwoIds, window.tenantId, 'input.groupTwoIds');
  if (groupTwoIds.some((id) => groupOneIds.includes(id))) {
    throw new BadUserInputError(m.inBothGroups, 'input.groupTwoIds');
  }
  const fields = { groupOneIds, groupTwoIds };
  return ctx.db
    .transaction(async (db) => {
      const rotas = db.scoped(LunchDutyRota);
      const others = await rotas.query('r').andWhere('r.tenantId = :tenantId AND r.windowId <> :windowId', { tenantId: window.tenantId, windowId: window.id }).getMany();
      for (const other of others) {
        const busy = [...groupOneIds, ...groupTwoIds].find((id) => [...rotaGroup(other.groupOneIds), ...rotaGroup(other.groupTwoIds)].includes(id));
        if (busy !== undefined) {
          const [user, at] = await Promise.all([loadUsers(ctx, [busy]), windows(db).getById(other.windowId, nouns.window)]);
          throw new BadUserInputError(m.onAnotherRota(user[0]?.username ?? '', at.number), 'input.groupOneIds');
        }
      }
      const current = await rotas.query('r').andWhere('r.windowId = :windowId', { windowId: window.id }).getOne();
      if (!current) {
        const created = await rotas.save(Object.assign(new LunchDutyRota(), { tenantId: window.tenantId, windowId: window.id, ...fields }));
        return rotas.getById(created.id, m.lunchDutyRota);
      }
      if (input.version == null) {
        throw new ConflictError(m.rotaExists(window.number), { field: 'version' });
      }
      await rotas.updateVersioned(current, input.version, fields);
      return rotas.getById(current.id, m.lunchDutyRota);
    })
    .catch((error: unknown) => {
      if (isDuplicateKey(error)) throw new ConflictError(m.rotaSetMeanwhile, { field: 'version' });
      throw error;
    });
}

// ---- the lunch duty of a day --------------------------------------------------------------

interface Plan {
  window: Window;
  rota: LunchDutyRota | null;
  shifts: LunchDutyShift[];
}

/**
 * Who is on post at every OPEN window of a centre in each half of a day's lunch break.
 * A member of the half's group who is away at any time of it (leave, 离岗) or no longer
 * active window staff is never on duty. When nobody of the group is left, the window's
 * B post (else its A post) stands in, else a replacement scheduled for an absence (替岗),
 * provided they are present all through that half and not on duty at another window in
 * it; otherwise the half is uncovered. A window without a rota is uncovered.
 */
export async function lunchDuty(ctx: RequestContext, date: string, tenantCode: string | undefined): Promise<LunchDutyDay> {
  calendar.assertDate(date, 'date');
  const tenant = await tenantOrOwn(ctx, tenantCode);
  const schedule = await hallScheduleOf(ctx, tenant);
  const lunch = schedule.lunchBreakOn(date);
  const day: LunchDutyDay = {
    date,
    workingDay: schedule.calendar.isWorkingDay(date),
    lunchStartsAt: lunch?.startsAt ?? null,
    lunchEndsAt: lunch?.endsAt ?? null,
    windows: [],
    uncoveredWindows: [],
  };
  if (!lunch) return day;
  const middle = new Date(lunch.startsAt.getTime() + Math.floor((lunch.endsAt.getTime() - lunch.startsAt.getTime()) / 120_000) * 60_000);
  const halves: Interval[] = [
    { startsAt: lunch.startsAt, endsAt: middle },
    { startsAt: middle, endsAt: lunch.endsAt },
  ];
  const open = (
    await windows(ctx.db).query('w').andWhere('w.tenantId = :tenantId AND w.status = :open', { tenantId: tenant.id, open: WindowStatus.OPEN }).getMany()
  ).sort(byNumber);
  if (open.length === 0) return day;
  const windowIds = open.map((w) => w.id);
  const rotas = await ctx.db.scoped(LunchDutyRota).query('r').andWhere('r.windowId IN (:...windowIds)', { windowIds }).getMany();
  const groups = (rota: LunchDutyRota | null) => (rota ? [rotaGroup(rota.groupOneIds), rotaGroup(rota.groupTwoIds)] : [[], []]);
  const staffing = await loadStaffing(ctx, ctx.db, windowIds, lunch, rotas.flatMap((r) => groups(r).flat()));
  const user = (id: number) => staffing.users.get(id);
  const known = (u: User | undefined): u is User => u !== undefined;

  // First everyone of the rota groups, so that nobody is also taken as a stand-in elsewhere.
  const onDutyIn = halves.map(() => new Set<number>());
  const plans: Plan[] = open.map((window) => {
    const rota = rotas.find((r) => r.windowId === window.id) ?? null;
    const shifts = halves.map((half, h) => {
      const group = groups(rota)[h];
      const onDuty = group.filter((id) => isPresentThroughout(staffing, id, half));
      onDuty.forEach((id) => onDutyIn[h].add(id));
      return {
        ...half,
        onDuty: onDuty.map(user).filter(known),
        away: group.filter((id) => !onDuty.includes(id)).map(user).filter(known),
        replacement: null,
        replacementPost: null,
        uncovered: onDuty.length === 0,
      };
    });
    return { window, rota, shifts };
  });
  for (const plan of plans) {
    if (!plan.rota) continue;
    plan.shifts.forEach((shift, h) => {
      if (!shift.uncovered) return;
      const standIn = standInFor(staffing, plan.window.id, halves[h], onDutyIn[h]);
      if (!standIn) return;
      onDutyIn[h].add(standIn.userId);
      Object.assign(shift, { replacement: user(standIn.userId) ?? null, replacementPost: standIn.post, uncovered: false });
    });
  }
  day.windows = plans.map<LunchDutyWindow>(({ window, rota, shifts }) => ({ window, rota, firstHalf: shifts[0], secondHalf: shifts[1] }));
  day.uncoveredWindows = plans.filter((p) => p.shifts.some((s) => s.uncovered)).map((p) => p.window);
  return day;
}

/** The B post, else the A post, else a running cover: present all through `half` and free. */
function standInFor(s: Staffing, windowId: number, half: Interval, busy: Set<number>): { userId: number; post: OnPostRole } | null {
  const candidates = [
    { userId: postHolder(s, windowId, WindowPostRole.B), post: OnPostRole.B },
    { userId: postHolder(s, windowId, WindowPostRole.A), post: OnPostRole.A },
    ...s.covers
      .filter((c) => c.windowId === windowId && c.startsAt <= half.startsAt && c.endsAt >= half.endsAt)
      .map((c) => ({ userId: c.userId, post: OnPostRole.COVER })),
  ];
  for (const { userId, post } of candidates) {
    if (userId !== undefined && !busy.has(userId) && isPresentThroughout(s, userId, half)) return { userId, post };
  }
  return null;
}
