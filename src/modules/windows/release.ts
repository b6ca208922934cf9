/**
 * A person stops working as window staff (deactivated, or WINDOW_STAFF taken away): the
 * windows' side of it. Registered with tenancy's staff-release checks in modules/registry.ts.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { BadUserInputError } from '../../graphql/errors';
import { nouns } from '../../graphql/messages';
import { windowMessages as m } from './messages';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { User } from '../tenancy/entities';
import { WindowReplacementInput } from '../tenancy/inputs';
import { WindowCover, WindowPost, WindowPostRole } from './entities';
import { forUpdate, toSecond, unique, windows, windowStaffOf } from './service';
import { hallScheduleOf } from './hall-hours';
import { loadStaffing, newlyEmptied, tenantOfWindows } from './coverage';
import { horizonOf, lookAhead, recordEmptyPosts } from './empty-posts';
import { CoverageChange } from '../../events/live';
import { Staffing } from './staffing';

const MAX_REPLACEMENTS = 20;

/**
 * Refused like scheduleAbsence (BAD_USER_INPUT on `field`, naming the window) when an OPEN
 * window where `user` holds a post, or a cover not yet ended, would have nobody on post at
 * some moment the hall is open, from now until the last absence or cover concerned ends.
 * A replacement given for a window takes over the person's post there (and their covers
 * from now on). Without replacements nothing is written: an inactive person, or one who is
 * no longer window staff, simply is never on post.
 */
export async function releaseFromWindows(ctx: RequestContext, db: Db, user: User, input: WindowReplacementInput[], field: string): Promise<void> {
  if (input.length > MAX_REPLACEMENTS) throw new BadUserInputError(m.tooManyReplacements(MAX_REPLACEMENTS), field);
  const replacements = new Map(
    input.map((r, i) => [decodeGlobalIdOf('Window', r.windowId, `${field}[${i}].windowId`), decodeGlobalIdOf('User', r.userId, `${field}[${i}].userId`)]),
  );
  if (replacements.size !== input.length) throw new BadUserInputError(m.oneReplacementPerWindow, field);
  for (const replacement of await Promise.all([...replacements.values()].map((id) => windowStaffOf(ctx, id, user.tenantId, field)))) {
    if (replacement.id === user.id) throw new BadUserInputError(m.replacesThemselves(user.username), field);
  }
  const now = toSecond(ctx.now());
  // A platform admin manages accounts but reads no windows: the check reads the person's
  // centre through a read-only view, and only a centre admin there can give replacements.
  const reader = db.readOnlyFor([user.tenantId]);
  const posts = await forUpdate(db, reader.scoped(WindowPost).query('p').andWhere('p.userId = :userId', { userId: user.id })).getMany();
  const covers = await forUpdate(
    db,
    reader.scoped(WindowCover).query('c').andWhere('c.userId = :userId AND c.endsAt > :now', { userId: user.id, now }),
  ).getMany();
  const windowIds = unique([...posts, ...covers].map((row) => row.windowId));
  const locked =
    windowIds.length === 0 ? [] : await forUpdate(db, windows(reader).query('w').andWhere('w.id IN (:...windowIds)', { windowIds }).orderBy('w.id')).getMany();
  for (const windowId of replacements.keys()) {
    const window = await windows(db).getById(windowId, nouns.window);
    windows(db).assertWritable(window);
    if (!windowIds.includes(windowId)) throw new BadUserInputError(m.holdsNoPost(user.username, window.number), field);
  }
  if (windowIds.length === 0) return;

  const schedule = await hallScheduleOf(ctx, await tenantOfWindows(ctx, user.tenantId));
  const before = await loadStaffing(ctx, reader, windowIds, lookAhead(now), [...replacements.values()]);
  const replaced = <T extends { windowId: number; userId: number }>(row: T): T =>
    row.userId === user.id && replacements.has(row.windowId) ? { ...row, userId: replacements.get(row.windowId)! } : row;
  const after: Staffing = { ...before, posts: before.posts.map(replaced), covers: before.covers.map(replaced), gone: new Set([user.id]) };
  for (const window of locked) {
    const [a, b] = [WindowPostRole.A, WindowPostRole.B].map((post) => after.posts.find((p) => p.windowId === window.id && p.post === post)?.userId);
    if (a !== undefined && a === b) throw new BadUserInputError(m.replacementHoldsOtherPost(window.number), field);
  }
  const problems = newlyEmptied(locked, before, after, horizonOf(schedule, now, before), schedule);
  if (problems.length > 0) throw new BadUserInputError(m.giveReplacements(problems), field);

  await handOver(db, user, replacements, now);
  await recordEmptyPosts(ctx, db, user.tenantId, [...replacements.keys()], CoverageChange.STAFF_RELEASED, new Set([user.id]));
}

/** The replacements take over the person's posts, and their covers from now on. */
async function handOver(db: Db, user: User, replacements: Map<number, number>, now: Date): Promise<void> {
  for (const [windowId, userId] of replacements) {
    const posts = await db.scoped(WindowPost).query('p').andWhere('p.windowId = :windowId AND p.userId = :from', { windowId, from: user.id }).getMany();
    for (const post of posts) await db.scoped(WindowPost).update(post, { userId });
    const covers = await db
      .scoped(WindowCover)
      .query('c')
      .andWhere('c.windowId = :windowId AND c.userId = :from AND c.endsAt > :now', { windowId, from: user.id, now })
      .getMany();
    for (const cover of covers) {
      if (cover.startsAt >= now) {
        await db.scoped(WindowCover).update(cover, { userId });
      } else {
        await db.scoped(WindowCover).update(cover, { endsAt: now });
        await db.scoped(WindowCover).insertMany([{ tenantId: cover.tenantId, windowId, userId, absenceId: cover.absenceId, startsAt: now, endsAt: cover.endsAt }]);
      }
    }
  }
}

/**
 * 调离岗位 (锦州 第十八条): the person's posts end now, and their covers from now on. Refused
 * like releaseFromWindows when a window would be left empty (空岗) without a replacement;
 * a replacement takes over the post there, the person's other posts simply end.
 */
export async function removeFromPosts(ctx: RequestContext, db: Db, user: User, input: WindowReplacementInput[], field: string): Promise<void> {
  await releaseFromWindows(ctx, db, user, input, field);
  const now = toSecond(ctx.now());
  const posts = await db.scoped(WindowPost).query('p').andWhere('p.userId = :userId', { userId: user.id }).getMany();
  const covers = await db.scoped(WindowCover).query('c').andWhere('c.userId = :userId AND c.endsAt > :now', { userId: user.id, now }).getMany();
  for (const post of posts) await db.scoped(WindowPost).deleteWhere({ id: post.id });
  for (const cover of covers) {
    if (cover.startsAt >= now) await db.scoped(WindowCover).deleteWhere({ id: cover.id });
    else await db.scoped(WindowCover).update(cover, { endsAt: now });
  }
  const windowIds = unique([...posts, ...covers].map((row) => row.windowId));
  if (windowIds.length > 0) await recordEmptyPosts(ctx, db, user.tenantId, windowIds, CoverageChange.STAFF_RELEASED, new Set([user.id]));
}
