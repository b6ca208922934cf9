/** Who is on post at a window (AB岗, 替岗, 空岗), and the absences that decide it. */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { StaffAbsence, Window, WindowCover, WindowPost, WindowPostRole, WindowStatus } from './entities';
import { CancelAbsenceInput, ScheduleAbsenceInput } from './inputs';
import { OnPostRole, WindowCoverage, WindowOnPost } from './types';
import { windows, unique, byNumber, toSecond, forUpdate, loadUsers, tenantCodeOf, activeUserOf } from './service';

const MAX_REPLACEMENTS = 20;

/**
 * 在岗情况 of every OPEN window of a centre at `at`: A when A is not absent, else B
 * standing in, else a replacement (替岗) who is not absent; windows with nobody are
 * 空岗. A fixed number of statements: windows, posts, covers, absences, users.
 */
export async function windowCoverage(ctx: RequestContext, at: Date | undefined, tenantCode: string | undefined): Promise<WindowCoverage> {
  const viewer = requireViewer(ctx);
  const moment = at ?? new Date();
  let tenantId = viewer.tenantId;
  if (tenantCode !== undefined) {
    const tenant = await tenancy.tenantByCode(ctx, tenantCodeOf(tenantCode, 'tenantCode'));
    if (!tenant) throw new NotFoundError('Tenant');
    tenantId = tenant.id;
  }
  const open = (
    await windows(ctx.db)
      .query('w')
      .andWhere('w.tenantId = :tenantId AND w.status = :open', { tenantId, open: WindowStatus.OPEN })
      .getMany()
  ).sort(byNumber);
  if (open.length === 0) return { at: moment, onPost: [], emptyWindows: [] };
  const windowIds = open.map((w) => w.id);
  const [posts, covers, absences] = await Promise.all([
    ctx.db.scoped(WindowPost).query('p').andWhere('p.windowId IN (:...windowIds)', { windowIds }).getMany(),
    activeCovers(ctx.db, windowIds, { startsAt: moment, endsAt: new Date(moment.getTime() + 1) }),
    ctx.db
      .scoped(StaffAbsence)
      .query('a')
      .andWhere('a.tenantId = :tenantId AND a.cancelled = :cancelled', { tenantId, cancelled: false })
      .andWhere('a.startsAt <= :moment AND a.endsAt > :moment', { moment })
      .getMany(),
  ]);
  const absent = new Set(absences.map((a) => a.userId));
  const users = new Map(
    (await loadUsers(ctx, unique([...posts.map((p) => p.userId), ...covers.map((c) => c.userId)]))).map((u) => [u.id, u]),
  );
  const present = (userId: number | undefined): User | null => {
    const user = userId === undefined ? undefined : users.get(userId);
    return user && user.active && !absent.has(user.id) ? user : null;
  };
  const onPost: WindowOnPost[] = [];
  const emptyWindows: Window[] = [];
  for (const window of open) {
    const holder = (post: WindowPostRole) => posts.find((p) => p.windowId === window.id && p.post === post)?.userId;
    const a = present(holder(WindowPostRole.A));
    const b = a ? null : present(holder(WindowPostRole.B));
    const cover = a || b ? null : covers.filter((c) => c.windowId === window.id).map((c) => present(c.userId)).find((u) => u !== null);
    if (a) onPost.push({ window, user: a, post: OnPostRole.A });
    else if (b) onPost.push({ window, user: b, post: OnPostRole.B });
    else if (cover) onPost.push({ window, user: cover, post: OnPostRole.COVER });
    else emptyWindows.push(window);
  }
  return { at: moment, onPost, emptyWindows };
}

/** Covers of these windows overlapping [startsAt, endsAt) whose absence still stands. */
function activeCovers(db: Db, windowIds: number[], span: Interval): Promise<WindowCover[]> {
  if (windowIds.length === 0) return Promise.resolve([]);
  return db
    .scoped(WindowCover)
    .query('c')
    .innerJoin(StaffAbsence, 'ca', 'ca.id = c.absenceId AND ca.tenantId = c.tenantId AND ca.cancelled = :cancelled', { cancelled: false })
    .andWhere('c.windowId IN (:...windowIds)', { windowIds })
    .andWhere('c.startsAt < :spanEnd AND c.endsAt > :spanStart', { spanStart: span.startsAt, spanEnd: span.endsAt })
    .orderBy('c.id')
    .getMany();
}


// ---- absences and cover ---------------------------------------------------------------

interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** Someone who may be on post at a window: a post holder always, a cover during its interval. */
interface Candidate {
  userId: number;
  during?: Interval;
}

const contains = (interval: Interval, t: number) => interval.startsAt.getTime() <= t && t < interval.endsAt.getTime();

/**
 * The first moment of `span` at which none of `candidates` is on post, or null. Who is
 * on post only changes where an interval starts or ends, so those moments suffice.
 */
export function firstEmptyMoment(
  span: Interval,
  candidates: Candidate[],
  absencesOf: (userId: number) => Interval[],
  isActive: (userId: number) => boolean,
): Date | null {
  const from = span.startsAt.getTime();
  const to = span.endsAt.getTime();
  const moments = new Set([from]);
  const add = (t: Date) => {
    if (t.getTime() > from && t.getTime() < to) moments.add(t.getTime());
  };
  for (const candidate of candidates) {
    if (candidate.during) [candidate.during.startsAt, candidate.during.endsAt].forEach(add);
    for (const absence of absencesOf(candidate.userId)) [absence.startsAt, absence.endsAt].forEach(add);
  }
  for (const t of [...moments].sort((a, b) => a - b)) {
    const staffed = candidates.some(
      (c) => isActive(c.userId) && (!c.during || contains(c.during, t)) && !absencesOf(c.userId).some((a) => contains(a, t)),
    );
    if (!staffed) return new Date(t);
  }
  return null;
}

/**
 * Schedules an absence. Refused (BAD_USER_INPUT on input.replacements, naming the window)
 * when an OPEN window where the person holds a post, or covers, would have nobody on post
 * at some moment of it; a replacement given for that window becomes a WindowCover for
 * the whole absence.
 */
export async function scheduleAbsence(ctx: RequestContext, input: ScheduleAbsenceInput): Promise<StaffAbsence> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const userId = decodeGlobalIdOf('User', input.userId, 'input.userId');
  const person = await tenancy.loadUser(ctx, userId);
  if (!person) throw new NotFoundError('User');
  ctx.db.scope.assertWritable(person.tenantId);
  const span: Interval = { startsAt: toSecond(input.startsAt), endsAt: toSecond(input.endsAt) };
  if (span.endsAt <= span.startsAt) throw new BadUserInputError('"endsAt" must be after "startsAt"', 'input.endsAt');
  const reason = input.reason.trim();
  if (reason.length > 500) throw new BadUserInputError('"reason" must be at most 500 characters', 'input.reason');
  if (input.replacements.length > MAX_REPLACEMENTS) throw new BadUserInputError(`At most ${MAX_REPLACEMENTS} replacements`, 'input.replacements');
  const replacements = input.replacements.map((r, i) => ({
    windowId: decodeGlobalIdOf('Window', r.windowId, `input.replacements[${i}].windowId`),
    userId: decodeGlobalIdOf('User', r.userId, `input.replacements[${i}].userId`),
  }));
  if (unique(replacements.map((r) => r.windowId)).length !== replacements.length) {
    throw new BadUserInputError('Give at most one replacement per window', 'input.replacements');
  }
  for (const user of await Promise.all(replacements.map((r) => activeUserOf(ctx, r.userId, person.tenantId, 'input.replacements')))) {
    if (user.id === person.id) throw new BadUserInputError(`${user.username} cannot replace themselves`, 'input.replacements');
  }

  return ctx.db.transaction(async (db) => {
    // Locking reads come first: on MySQL they take no snapshot, so the plain reads below
    // see every absence committed before the window locks were granted. Two absences
    // that could together empty a window therefore run one after the other.
    const heldPosts = await forUpdate(db, db.scoped(WindowPost).query('p').andWhere('p.userId = :userId', { userId })).getMany();
    const heldCovers = await forUpdate(
      db,
      db
        .scoped(WindowCover)
        .query('c')
        .andWhere('c.userId = :userId AND c.startsAt < :endsAt AND c.endsAt > :startsAt', { userId, ...span }),
    ).getMany();
    const windowIds = unique([...heldPosts, ...heldCovers, ...replacements].map((row) => row.windowId));
    const locked =
      windowIds.length === 0
        ? []
        : await forUpdate(db, windows(db).query('w').andWhere('w.id IN (:...windowIds)', { windowIds }).orderBy('w.id')).getMany();
    const windowById = new Map(locked.map((w) => [w.id, w]));
    for (const r of replacements) {
      const window = windowById.get(r.windowId);
      if (!window) throw new NotFoundError('Window');
      windows(db).assertWritable(window);
    }

    const posts = windowIds.length === 0 ? [] : await db.scoped(WindowPost).query('p').andWhere('p.windowId IN (:...windowIds)', { windowIds }).getMany();
    const covers = await activeCovers(db, windowIds, span);
    const people = unique([userId, ...posts.map((p) => p.userId), ...covers.map((c) => c.userId), ...replacements.map((r) => r.userId)]);
    const absences = await db
      .scoped(StaffAbsence)
      .query('a')
      .andWhere('a.userId IN (:...people) AND a.cancelled = :cancelled', { people, cancelled: false })
      .andWhere('a.startsAt < :endsAt AND a.endsAt > :startsAt', span)
      .getMany();
    const users = new Map((await loadUsers(ctx, people)).map((u) => [u.id, u]));
    const when = (i: Interval) => `${i.startsAt.toISOString()} to ${i.endsAt.toISOString()}`;

    const own = absences.find((a) => a.userId === userId);
    if (own) throw new BadUserInputError(`${person.username} is already absent from ${when(own)}`, 'input.startsAt');
    for (const r of replacements) {
      const away = absences.find((a) => a.userId === r.userId);
      if (away) {
        const number = windowById.get(r.windowId)?.number;
        throw new BadUserInputError(`The replacement for window ${number}, ${users.get(r.userId)?.username}, is absent from ${when(away)}`, 'input.replacements');
      }
    }

    // Every OPEN window the person staffs must keep somebody on post throughout.
    const withNewAbsence = [...absences, { userId, ...span }];
    const absencesOf = (id: number) => withNewAbsence.filter((a) => a.userId === id);
    const isActive = (id: number) => users.get(id)?.active === true;
    const staffed = unique([...posts.filter((p) => p.userId === userId), ...covers.filter((c) => c.userId === userId)].map((row) => row.windowId));
    const notStaffed = replacements.find((r) => !staffed.includes(r.windowId));
    if (notStaffed) {
      throw new BadUserInputError(
        `${person.username} holds no post at window ${windowById.get(notStaffed.windowId)?.number}: it needs no replacement`,
        'input.replacements',
      );
    }
    const problems: string[] = [];
    for (const window of staffed.map((id) => windowById.get(id)).filter((w): w is Window => w !== undefined).sort(byNumber)) {
      if (window.status !== WindowStatus.OPEN || replacements.some((r) => r.windowId === window.id)) continue;
      const candidates: Candidate[] = [
        ...posts.filter((p) => p.windowId === window.id).map((p) => ({ userId: p.userId })),
        ...covers.filter((c) => c.windowId === window.id).map((c) => ({ userId: c.userId, during: c })),
      ];
      const empty = firstEmptyMoment(span, candidates, absencesOf, isActive);
      if (empty) problems.push(`window ${window.number} would have nobody on post at ${empty.toISOString()}`);
    }
    if (problems.length > 0) {
      throw new BadUserInputError(`${problems.join('; ')}: give a replacement for it in "replacements"`, 'input.replacements');
    }

    const absence = await db.scoped(StaffAbsence).save(
      Object.assign(new StaffAbsence(), {
        tenantId: person.tenantId,
        userId,
        kind: input.kind,
        ...span,
        reason,
        createdById: viewer.userId,
        cancelled: false,
      }),
    );
    await db.scoped(WindowCover).insertMany(
      replacements.map((r) => ({ tenantId: person.tenantId, windowId: r.windowId, userId: r.userId, absenceId: absence.id, ...span })),
    );
    return absence;
  });
}

/**
 * Cancels an absence; its covers lapse with it. A cancelled absence cannot come back, so
 * its state is its version: a second cancel is a CONFLICT.
 */
export async function cancelAbsence(ctx: RequestContext, input: CancelAbsenceInput): Promise<StaffAbsence> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const absences = ctx.db.scoped(StaffAbsence);
  const absence = await absences.getById(decodeGlobalIdOf('StaffAbsence', input.id, 'input.id'), 'StaffAbsence');
  absences.assertWritable(absence);
  if (absence.cancelled) throw new ConflictError('The absence is already cancelled', { field: 'cancelled' });
  absence.cancelled = true;
  return absences.save(absence);
}
