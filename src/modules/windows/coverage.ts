/** Who is on post at a window (AB岗, 替岗, 空岗), and the absences that decide it. */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { Role } from '../../auth/roles';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { Message } from '../../graphql/language';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { Tenant } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { EmptyPostCause, PostSignOff, StaffAbsence, Window, WindowCover, WindowPost, WindowStatus } from './entities';
import { CancelAbsenceInput, ScheduleAbsenceInput, StaffAbsenceFilter, StaffAbsenceOrderField, staffAbsenceSorting } from './inputs';
import { WindowCoverage, WindowOnPost } from './types';
import { windows, unique, byNumber, toSecond, forUpdate, loadUsers, windowStaffOf } from './service';
import { hallScheduleOf, HallSchedule, Interval, tenantOrOwn } from './hall-hours';
import { Away, emptyStretches, firstMomentOnlyIn, onPostAt, Staffing } from './staffing';
import { lockWindowsStaffedBy, recordEmptyPosts } from './empty-posts';
import { windowMessages as m } from './messages';
import { CoverageChange } from '../../events/live';

const MAX_REPLACEMENTS = 20;

export async function tenantOfWindows(ctx: RequestContext, tenantId: number): Promise<Tenant> {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return tenant;
}

/** Covers of these windows overlapping `span` whose absence still stands. */
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

/** When a sign-off (离岗) keeps its person away: until the return, else until closing time. */
function signOffInterval(signOff: PostSignOff): Interval {
  return { startsAt: signOff.leftAt, endsAt: signOff.returnedAt ?? signOff.endsBy };
}

/**
 * Absences and sign-offs of `people` overlapping `span`. A fixed number of statements,
 * whatever the number of people.
 */
async function awayOf(db: Db, people: number[], span: Interval): Promise<Away[]> {
  if (people.length === 0) return [];
  const [absences, signOffs] = await Promise.all([
    db
      .scoped(StaffAbsence)
      .query('a')
      .andWhere('a.userId IN (:...people) AND a.cancelled = :cancelled', { people, cancelled: false })
      .andWhere('a.startsAt < :spanEnd AND a.endsAt > :spanStart', { spanStart: span.startsAt, spanEnd: span.endsAt })
      .getMany(),
    db
      .scoped(PostSignOff)
      .query('s')
      .andWhere('s.userId IN (:...people)', { people })
      .andWhere('s.leftAt < :spanEnd AND COALESCE(s.returnedAt, s.endsBy) > :spanStart', { spanStart: span.startsAt, spanEnd: span.endsAt })
      .getMany(),
  ]);
  return [
    ...absences.map((a) => ({ userId: a.userId, startsAt: a.startsAt, endsAt: a.endsAt, cause: EmptyPostCause.ABSENCE as const })),
    ...signOffs.map((s) => ({ userId: s.userId, ...signOffInterval(s), cause: EmptyPostCause.LEFT_POST as const })),
  ];
}

/**
 * Everything that decides who is on post at these windows during `span`: posts, covers,
 * absences and sign-offs of everyone concerned, and their accounts. `extraPeople` are
 * read too (replacements being checked). Plain reads: callers take their locks first.
 */
export async function loadStaffing(ctx: RequestContext, db: Db, windowIds: number[], span: Interval, extraPeople: number[] = []): Promise<Staffing> {
  const [posts, covers] =
    windowIds.length === 0
      ? [[], []]
      : await Promise.all([db.scoped(WindowPost).query('p').andWhere('p.windowId IN (:...windowIds)', { windowIds }).getMany(), activeCovers(db, windowIds, span)]);
  const people = unique([...posts.map((p) => p.userId), ...covers.map((c) => c.userId), ...extraPeople]);
  const [away, users] = await Promise.all([awayOf(db, people, span), loadUsers(ctx, people)]);
  return { posts, covers, away, users: new Map(users.map((u) => [u.id, u])) };
}

/**
 * 在岗情况 of every OPEN window of a centre at `at`: A when A is there, else B standing
 * in, else a replacement (替岗); windows with nobody are 空岗. While the hall is closed
 * (a non-working day, before or after hours, 午休) nobody is on post and nothing is empty.
 */
export async function windowCoverage(ctx: RequestContext, at: Date | undefined, tenantCode: string | undefined): Promise<WindowCoverage> {
  const moment = at ?? ctx.now();
  const tenant = await tenantOrOwn(ctx, tenantCode);
  const closedBecause = (await hallScheduleOf(ctx, tenant)).closedReason(moment);
  const closed = { at: moment, open: false, closedBecause, onPost: [], emptyWindows: [] };
  if (closedBecause) return closed;
  const open = (
    await windows(ctx.db)
      .query('w')
      .andWhere('w.tenantId = :tenantId AND w.status = :open', { tenantId: tenant.id, open: WindowStatus.OPEN })
      .getMany()
  ).sort(byNumber);
  if (open.length === 0) return { ...closed, open: true };
  const staffing = await loadStaffing(ctx, ctx.db, open.map((w) => w.id), { startsAt: moment, endsAt: new Date(moment.getTime() + 1) });
  const onPost: WindowOnPost[] = [];
  const emptyWindows: Window[] = [];
  for (const window of open) {
    const found = onPostAt(staffing, window.id, moment);
    const user = found && staffing.users.get(found.userId);
    if (found && user) onPost.push({ window, user, post: found.post });
    else emptyWindows.push(window);
  }
  return { ...closed, open: true, onPost, emptyWindows };
}

/**
 * The first moment at which one of `windowList` (OPEN ones only) is empty in `after` but
 * was not in `before`, as refusal messages; windows that were empty anyway are not this
 * change's doing.
 */
export function newlyEmptied(windowList: Window[], before: Staffing, after: Staffing, span: Interval, schedule: HallSchedule): Message[] {
  const problems: Message[] = [];
  for (const window of [...windowList].sort(byNumber)) {
    if (window.status !== WindowStatus.OPEN) continue;
    const empty = firstMomentOnlyIn(emptyStretches(after, window.id, span, schedule), emptyStretches(before, window.id, span, schedule));
    if (empty) problems.push(m.nobodyOnPost(window.number, empty.toISOString()));
  }
  return problems;
}

/**
 * Schedules an absence. Refused (BAD_USER_INPUT on input.replacements, naming the window)
 * when an OPEN window where the person holds a post, or covers, would have nobody on post
 * at some moment of it while the hall is open; a replacement given for that window becomes
 * a WindowCover for the whole absence.
 */
export async function scheduleAbsence(ctx: RequestContext, input: ScheduleAbsenceInput): Promise<StaffAbsence> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const userId = decodeGlobalIdOf('User', input.userId, 'input.userId');
  const person = await tenancy.loadUser(ctx, userId);
  if (!person) throw new NotFoundError(nouns.user);
  ctx.db.scope.assertWritable(person.tenantId);
  const span: Interval = { startsAt: toSecond(input.startsAt), endsAt: toSecond(input.endsAt) };
  const reason = input.reason.trim();
  const check = new InputCheck();
  check.that(span.endsAt > span.startsAt, 'input.endsAt', m.endsAfterStarts);
  check.that(reason.length <= 500, 'input.reason', m.reasonAtMost(500));
  check.that(input.replacements.length <= MAX_REPLACEMENTS, 'input.replacements', m.tooManyReplacements(MAX_REPLACEMENTS));
  const replacements = input.replacements.map((r, i) => ({
    windowId: decodeGlobalIdOf('Window', r.windowId, `input.replacements[${i}].windowId`),
    userId: decodeGlobalIdOf('User', r.userId, `input.replacements[${i}].userId`),
  }));
  check.that(unique(replacements.map((r) => r.windowId)).length === replacements.length, 'input.replacements', m.oneReplacementPerWindow);
  check.done();
  for (const user of await Promise.all(replacements.map((r) => windowStaffOf(ctx, r.userId, person.tenantId, 'input.replacements')))) {
    if (user.id === person.id) throw new BadUserInputError(m.replacesThemselves(user.username), 'input.replacements');
  }
  const schedule = await hallScheduleOf(ctx, await tenantOfWindows(ctx, person.tenantId));

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
      if (!window) throw new NotFoundError(nouns.window);
      windows(db).assertWritable(window);
    }

    const before = await loadStaffing(ctx, db, windowIds, span, [userId, ...replacements.map((r) => r.userId)]);
    const own = before.away.find((a) => a.userId === userId && a.cause === EmptyPostCause.ABSENCE);
    if (own) throw new BadUserInputError(m.alreadyAbsent(person.username, own.startsAt.toISOString(), own.endsAt.toISOString()), 'input.startsAt');
    for (const r of replacements) {
      const away = before.away.find((a) => a.userId === r.userId);
      if (away) {
        const number = windowById.get(r.windowId)?.number;
        throw new BadUserInputError(
          m.replacementAbsent(number ?? '', before.users.get(r.userId)?.username ?? '', away.startsAt.toISOString(), away.endsAt.toISOString()),
          'input.replacements',
        );
      }
    }

    const staffed = unique([...before.posts.filter((p) => p.userId === userId), ...before.covers.filter((c) => c.userId === userId)].map((row) => row.windowId));
    const notStaffed = replacements.find((r) => !staffed.includes(r.windowId));
    if (notStaffed) {
      throw new BadUserInputError(m.holdsNoPost(person.username, windowById.get(notStaffed.windowId)?.number ?? ''), 'input.replacements');
    }
    // Every OPEN window the person staffs must keep somebody on post whenever the hall is open.
    const after: Staffing = {
      ...before,
      away: [...before.away, { userId, ...span, cause: EmptyPostCause.ABSENCE }],
      covers: [...before.covers, ...replacements.map((r) => ({ ...r, ...span }))],
    };
    const problems = newlyEmptied(staffed.map((id) => windowById.get(id)).filter((w): w is Window => w !== undefined), before, after, span, schedule);
    if (problems.length > 0) {
      throw new BadUserInputError(m.giveReplacements(problems), 'input.replacements');
    }

    const absence = await db.scoped(StaffAbsence).save(
      Object.assign(new StaffAbsence(), {
        tenantId: person.tenantId,
        userId,
        kind: input.kind,
        ...span,
        reason,
        createdById: viewer.userId,
        recordedAt: ctx.now(),
        cancelled: false,
      }),
    );
    await db.scoped(WindowCover).insertMany(
      replacements.map((r) => ({ tenantId: person.tenantId, windowId: r.windowId, userId: r.userId, absenceId: absence.id, ...span })),
    );
    // A replacement may fill a window that someone's sign-off (离岗) had left empty.
    await recordEmptyPosts(ctx, db, person.tenantId, replacements.map((r) => r.windowId), CoverageChange.ABSENCE_SCHEDULED);
    return absence;
  });
}

/**
 * Cancels an absence; its covers lapse with it. A cancelled absence cannot come back, so
 * its state is its version: a second cancel is a CONFLICT.
 */
export async function cancelAbsence(ctx: RequestContext, input: CancelAbsenceInput): Promise<StaffAbsence> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const id = decodeGlobalIdOf('StaffAbsence', input.id, 'input.id');
  return ctx.db.transaction(async (db) => {
    const absences = db.scoped(StaffAbsence);
    // Locking reads first (see lockWindows): the absence, then the windows it concerns.
    const absence = await forUpdate(db, absences.query('a').andWhere('a.id = :id', { id })).getOne();
    if (!absence) throw new NotFoundError(m.staffAbsence);
    absences.assertWritable(absence);
    const covers = await forUpdate(db, db.scoped(WindowCover).query('c').andWhere('c.absenceId = :id', { id })).getMany();
    const windowIds = await lockWindowsStaffedBy(db, absence.userId, toSecond(ctx.now()), covers.map((c) => c.windowId));
    if (absence.cancelled) throw new ConflictError(m.absenceCancelled, { field: 'cancelled' });
    absence.cancelled = true;
    const saved = await absences.save(absence);
    await recordEmptyPosts(ctx, db, absence.tenantId, windowIds, CoverageChange.ABSENCE_CANCELLED);
    return saved;
  });
}

/** Scheduled absences (请假、培训 …), so that a screen can show and cancel them. */
export async function listStaffAbsences(ctx: RequestContext, args: ListArgs<StaffAbsenceOrderField>, filter: StaffAbsenceFilter = {}): Promise<ConnectionResult<StaffAbsence>> {
  requireViewer(ctx);
  const query = ctx.db.scoped(StaffAbsence).query('a');
  if (filter.userId) query.andWhere('a.userId = :userId', { userId: decodeGlobalIdOf('User', filter.userId, 'filter.userId') });
  if (filter.tenantCode) query.andWhere('a.tenantId = :tenantId', { tenantId: (await tenantOrOwn(ctx, filter.tenantCode)).id });
  // Absences overlapping [from, to).
  if (filter.from) query.andWhere('a.endsAt > :from', { from: filter.from });
  if (filter.to) query.andWhere('a.startsAt < :to', { to: filter.to });
  if (!filter.includeCancelled) query.andWhere('a.cancelled = 0');
  return paginate(query, { list: 'staffAbsences', alias: 'a', sorting: staffAbsenceSorting }, args);
}
