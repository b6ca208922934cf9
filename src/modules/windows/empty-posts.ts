/**
 * 空岗 events: the stored stretches of opening hours in which a window had nobody on post,
 * and 离岗 (leavePost / returnToPost), the unplanned absence that usually causes them.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { ConflictError } from '../../graphql/errors';
import { windowMessages as m } from './messages';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { requireText } from '../../validation/text';
import { EmptyPostEvent, PostSignOff, Window, WindowCover, WindowPost, WindowStatus } from './entities';
import { EmptyPostEventFilter, EmptyPostEventOrderField, emptyPostEventSorting, LeavePostInput } from './inputs';
import { forUpdate, toSecond, unique, windows } from './service';
import { HallSchedule, hallScheduleOf, Interval, tenantOrOwn } from './hall-hours';
import { causeAt, emptyStretches, Staffing } from './staffing';
import { loadStaffing, tenantOfWindows } from './coverage';
import { CoverageChange, publishWindowCoverage } from '../../events/live';

const DAY_MS = 86_400_000;
/** How far ahead anything is recomputed: absences longer than this are cut here. */
const MAX_HORIZON_MS = 2 * 366 * DAY_MS;

/** From `now` to the end of today's hours or of the last absence, cover or sign-off concerned, whichever is later. */
export function horizonOf(schedule: HallSchedule, now: Date, staffing: Staffing): Interval {
  const ends = [schedule.closingOf(now), ...staffing.away.map((a) => a.endsAt), ...staffing.covers.map((c) => c.endsAt)].map((d) => d.getTime());
  return { startsAt: now, endsAt: new Date(Math.min(Math.max(...ends), now.getTime() + MAX_HORIZON_MS)) };
}

export const lookAhead = (now: Date): Interval => ({ startsAt: now, endsAt: new Date(now.getTime() + MAX_HORIZON_MS) });

/**
 * Brings the stored events of these windows in line with what is known now, from now on:
 * what happened before now stays as recorded; from now to the horizon the stretches are
 * recomputed (an event running at `now` is continued or ended at `now`, later ones are
 * replaced). Stretches of one window never overlap, so nothing is counted twice. Runs in
 * the caller's transaction, after its writes; `gone` are people who stop counting. When
 * the transaction commits, the hall screens hear of each window (windowCoverageChanged).
 */
export async function recordEmptyPosts(
  ctx: RequestContext,
  db: Db,
  tenantId: number,
  windowIds: number[],
  change: CoverageChange,
  gone?: Set<number>,
): Promise<void> {
  const ids = unique(windowIds);
  if (ids.length === 0) return;
  const now = toSecond(ctx.now());
  const tenant = await tenantOfWindows(ctx, tenantId);
  const schedule = await hallScheduleOf(ctx, tenant);
  const list = await lockWindows(db, ids);
  const staffing = { ...(await loadStaffing(ctx, db, ids, lookAhead(now))), gone };
  const span = horizonOf(schedule, now, staffing);
  const stretches = new Map(list.map((w) => [w.id, w.status === WindowStatus.OPEN ? emptyStretches(staffing, w.id, span, schedule) : []]));
  publishWindowCoverage(
    ctx.events,
    db,
    tenant,
    change,
    now,
    list.map((w) => {
      const empty = stretches.get(w.id)?.[0]?.startsAt.getTime() === now.getTime();
      return { windowId: w.id, empty, cause: empty ? causeAt(staffing, w.id, now).cause : null };
    }),
  );

  const events = db.scoped(EmptyPostEvent);
  const current = await events.query('e').andWhere('e.windowId IN (:...ids) AND e.endsAt >= :now', { ids, now }).getMany();
  for (const event of current) {
    if (event.startsAt >= now) {
      await events.deleteWhere({ id: event.id });
      continue;
    }
    const upcoming = stretches.get(event.windowId) ?? [];
    const continues = upcoming[0]?.startsAt.getTime() === now.getTime();
    const endsAt = continues ? upcoming.shift()!.endsAt : now;
    if (endsAt.getTime() !== event.endsAt.getTime()) await events.update(event, { endsAt });
  }
  await events.insertMany(
    [...stretches].flatMap(([windowId, list]) =>
      list.map((stretch) => ({ tenantId, windowId, ...stretch, ...causeAt(staffing, windowId, stretch.startsAt) })),
    ),
  );
}

/**
 * Locks windows (in id order) before their events are recomputed. Callers lock before any
 * plain read of their transaction: on MySQL a locking read takes no snapshot, so what is
 * read afterwards includes every change committed by a transaction that held the lock
 * before, and two changes at one window are recorded one after the other.
 */
function lockWindows(db: Db, windowIds: number[]): Promise<Window[]> {
  const ids = unique(windowIds);
  if (ids.length === 0) return Promise.resolve([]);
  return forUpdate(db, windows(db).query('w').andWhere('w.id IN (:...ids)', { ids }).orderBy('w.id')).getMany();
}

/** Locks, and returns, the windows where a person holds a post or a cover that has not ended (and `more`). */
export async function lockWindowsStaffedBy(db: Db, userId: number, now: Date, more: number[] = []): Promise<number[]> {
  const posts = await forUpdate(db, db.scoped(WindowPost).query('p').andWhere('p.userId = :userId', { userId })).getMany();
  const covers = await forUpdate(db, db.scoped(WindowCover).query('c').andWhere('c.userId = :userId AND c.endsAt > :now', { userId, now })).getMany();
  return (await lockWindows(db, [...[...posts, ...covers].map((row) => row.windowId), ...more])).map((w) => w.id);
}

/** The viewer's sign-off that still runs at `now`, locked. */
function runningSignOff(db: Db, userId: number, now: Date): Promise<PostSignOff | null> {
  return forUpdate(
    db,
    db.scoped(PostSignOff).query('s').andWhere('s.userId = :userId AND s.returnedAt IS NULL AND s.endsBy > :now', { userId, now }),
  ).getOne();
}

/**
 * 离岗: a window staff member leaves the post for an unplanned absence (鞍山 规范 三(三)
 * AB岗工作制: "A岗工作人员因事离开工作岗位时，B岗责任人应立即替补上岗"). Never refused for
 * the windows' sake (the person is gone either way): a window left with nobody is recorded
 * as an empty-post event. Only while the hall is open.
 */
export async function leavePost(ctx: RequestContext, input: LeavePostInput): Promise<PostSignOff> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const reason = requireText(input.reason, 'input.reason', 500);
  const now = toSecond(ctx.now());
  const schedule = await hallScheduleOf(ctx, await tenantOfWindows(ctx, viewer.tenantId));
  const closed = schedule.closedReason(now);
  if (closed) throw new ConflictError(m.hallClosed(closed), { field: 'status' });
  return ctx.db.transaction(async (db) => {
    const windowIds = await lockWindowsStaffedBy(db, viewer.userId, now);
    const running = await runningSignOff(db, viewer.userId, now);
    if (running) throw new ConflictError(m.alreadyLeft(running.leftAt.toISOString()), { field: 'status' });
    const signOffs = db.scoped(PostSignOff);
    const signOff = await signOffs.save(
      Object.assign(new PostSignOff(), { tenantId: viewer.tenantId, userId: viewer.userId, leftAt: now, returnedAt: null, endsBy: schedule.closingOf(now), reason }),
    );
    await recordEmptyPosts(ctx, db, viewer.tenantId, windowIds, CoverageChange.LEFT_POST);
    return signOffs.getById(signOff.id, m.postSignOff);
  });
}

/** Back on post after leavePost: the windows' empty-post events end now. */
export async function returnToPost(ctx: RequestContext): Promise<PostSignOff> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const now = toSecond(ctx.now());
  return ctx.db.transaction(async (db) => {
    const windowIds = await lockWindowsStaffedBy(db, viewer.userId, now);
    const running = await runningSignOff(db, viewer.userId, now);
    if (!running) throw new ConflictError(m.notLeft, { field: 'status' });
    const signOffs = db.scoped(PostSignOff);
    await signOffs.update(running, { returnedAt: now });
    await recordEmptyPosts(ctx, db, viewer.tenantId, windowIds, CoverageChange.RETURNED_TO_POST);
    return signOffs.getById(running.id, m.postSignOff);
  });
}

/** Empty-post events the viewer may read (a centre's, or a readable one's by 行政区划代码). */
export async function listEmptyPostEvents(
  ctx: RequestContext,
  args: ListArgs<EmptyPostEventOrderField>,
  filter: EmptyPostEventFilter = {},
): Promise<ConnectionResult<EmptyPostEvent>> {
  requireViewer(ctx);
  const query = ctx.db.scoped(EmptyPostEvent).query('e');
  if (filter.windowId) query.andWhere('e.windowId = :windowId', { windowId: decodeGlobalIdOf('Window', filter.windowId, 'filter.windowId') });
  if (filter.tenantCode) query.andWhere('e.tenantId = :tenantId', { tenantId: (await tenantOrOwn(ctx, filter.tenantCode)).id });
  // Events overlapping [from, to).
  if (filter.from) query.andWhere('e.endsAt > :from', { from: filter.from });
  if (filter.to) query.andWhere('e.startsAt < :to', { to: filter.to });
  return paginate(query, { list: 'emptyPostEvents', alias: 'e', sorting: emptyPostEventSorting }, args);
}
