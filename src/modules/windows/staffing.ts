/**
 * Who is on post at a window at a moment (AB岗, 替岗), and the stretches of opening hours
 * in which nobody is (空岗). Pure: the callers load the rows.
 */
import { Role } from '../../auth/roles';
import { User } from '../tenancy/entities';
import { EmptyPostCause, WindowCover, WindowPost, WindowPostRole } from './entities';
import { OnPostRole } from './types';
import { HallSchedule, Interval } from './hall-hours';

/** A person away from every post: a scheduled absence, or a sign-off (离岗). */
export interface Away extends Interval {
  userId: number;
  cause: EmptyPostCause.ABSENCE | EmptyPostCause.LEFT_POST;
}

export interface Staffing {
  posts: Pick<WindowPost, 'windowId' | 'post' | 'userId'>[];
  covers: Pick<WindowCover, 'windowId' | 'userId' | 'startsAt' | 'endsAt'>[];
  away: Away[];
  users: Map<number, User>;
  /** People who stop counting (being deactivated, or losing WINDOW_STAFF) whatever their row says. */
  gone?: Set<number>;
}

const contains = (interval: Interval, t: number) => interval.startsAt.getTime() <= t && t < interval.endsAt.getTime();

/** 窗口人员: an active account with the WINDOW_STAFF role. Only they can be on post. */
export function isWindowStaff(user: User | undefined): boolean {
  return user !== undefined && user.active && user.roles.includes(Role.WINDOW_STAFF);
}

function awayAt(s: Staffing, userId: number, t: number): Away | undefined {
  return s.away.find((a) => a.userId === userId && contains(a, t));
}

function isPresent(s: Staffing, userId: number, t: number): boolean {
  return isWindowStaff(s.users.get(userId)) && !s.gone?.has(userId) && !awayAt(s, userId, t);
}

/** Present during all of `interval`. */
export function isPresentThroughout(s: Staffing, userId: number, interval: Interval): boolean {
  return (
    isWindowStaff(s.users.get(userId)) &&
    !s.gone?.has(userId) &&
    !s.away.some((a) => a.userId === userId && a.startsAt < interval.endsAt && a.endsAt > interval.startsAt)
  );
}

export function postHolder(s: Staffing, windowId: number, post: WindowPostRole): number | undefined {
  return s.posts.find((p) => p.windowId === windowId && p.post === post)?.userId;
}

/** A when present, else B standing in, else a replacement (替岗) whose cover runs; null: 空岗. */
export function onPostAt(s: Staffing, windowId: number, at: Date): { userId: number; post: OnPostRole } | null {
  const t = at.getTime();
  for (const [post, role] of [
    [WindowPostRole.A, OnPostRole.A],
    [WindowPostRole.B, OnPostRole.B],
  ] as const) {
    const userId = postHolder(s, windowId, post);
    if (userId !== undefined && isPresent(s, userId, t)) return { userId, post: role };
  }
  const cover = s.covers.find((c) => c.windowId === windowId && contains(c, t) && isPresent(s, c.userId, t));
  return cover ? { userId: cover.userId, post: OnPostRole.COVER } : null;
}

/**
 * The stretches of `span` in which the hall is open and the window has nobody on post.
 * Who is on post only changes where a session, cover or absence starts or ends, so the
 * window is tested at those moments only.
 */
export function emptyStretches(s: Staffing, windowId: number, span: Interval, schedule: HallSchedule): Interval[] {
  const people = new Set([...s.posts.filter((p) => p.windowId === windowId), ...s.covers.filter((c) => c.windowId === windowId)].map((r) => r.userId));
  const boundaries = [
    ...s.covers.filter((c) => c.windowId === windowId),
    ...s.away.filter((a) => people.has(a.userId)),
  ].flatMap((i) => [i.startsAt.getTime(), i.endsAt.getTime()]);
  const stretches: Interval[] = [];
  for (const session of schedule.sessionsWithin(span)) {
    const from = session.startsAt.getTime();
    const to = session.endsAt.getTime();
    const moments = [...new Set([from, ...boundaries.filter((t) => t > from && t < to)])].sort((a, b) => a - b);
    moments.forEach((t, i) => {
      if (onPostAt(s, windowId, new Date(t))) return;
      const end = new Date(moments[i + 1] ?? to);
      const last = stretches[stretches.length - 1];
      if (last && last.endsAt.getTime() === t) last.endsAt = end;
      else stretches.push({ startsAt: new Date(t), endsAt: end });
    });
  }
  return stretches;
}

/** The first moment of `after` that is not in `before` (both sorted, non-overlapping), or null. */
export function firstMomentOnlyIn(after: Interval[], before: Interval[]): Date | null {
  for (const stretch of after) {
    let cursor = stretch.startsAt.getTime();
    for (const b of before) {
      if (b.endsAt.getTime() <= cursor) continue;
      if (b.startsAt.getTime() > cursor) break;
      cursor = b.endsAt.getTime();
    }
    if (cursor < stretch.endsAt.getTime()) return new Date(cursor);
  }
  return null;
}

/**
 * Why a window is empty at `at`: the post holder who went away last (the B post who
 * signed off while A was on leave, say), or an inactive holder, or nobody posted there.
 */
export function causeAt(s: Staffing, windowId: number, at: Date): { cause: EmptyPostCause; userId: number | null } {
  const holders = [WindowPostRole.A, WindowPostRole.B].map((post) => postHolder(s, windowId, post)).filter((id): id is number => id !== undefined);
  if (holders.length === 0) return { cause: EmptyPostCause.UNSTAFFED, userId: null };
  const reasons = holders.map((userId) => {
    const away = awayAt(s, userId, at.getTime());
    return away ? { cause: away.cause, userId, since: away.startsAt.getTime() } : { cause: EmptyPostCause.INACTIVE, userId, since: -Infinity };
  });
  const latest = reasons.reduce((a, b) => (b.since > a.since ? b : a));
  return { cause: latest.cause, userId: latest.userId };
}
