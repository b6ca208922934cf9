/**
 * 公告: notices of service changes, from draft to published to withdrawn. Publishing
 * schedules what the notice announces, in the same transaction: a closure (暂停服务),
 * the new address and hours (搬迁), new hours (办公时间调整), each from its date
 * (搬迁方案: "具体时间另行通知", 及时发布进展情况, 引导群众到新政务服务中心办事).
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { messages, nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { requireText } from '../../validation/text';
import * as calendar from '../calendar/service';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import * as hallHours from '../windows/hall-hours';
import { Tenant } from '../tenancy/entities';
import { PublicNoticeKind, PublicNoticeStatus, PublicNotice } from './entities';
import { CreatePublicNoticeInput, EditPublicNoticeDraftInput, PublicNoticeFilter, PublicNoticeInput, PublicNoticeOrderField, publicNoticeSorting, PublicNoticeVersionInput, WithdrawPublicNoticeInput } from './inputs';
import * as addresses from './addresses';
import { noticeMessages as m } from './messages';

/** A closure announced by one notice spans at most this many days (a guard: longer is a relocation, not a pause). */
const MAX_PAUSE_DAYS = 31;
const MAX_NAMED = 50;

const notices = (db: Db) => db.scoped(PublicNotice);

type NoticeContent = Pick<PublicNotice, 'kind' | 'title' | 'text' | 'appliesFrom' | 'appliesUntil' | 'matterIds' | 'windowIds' | 'newAddress' | 'opensAt' | 'closesAt' | 'lunchStartsAt' | 'lunchEndsAt'>;

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** The days of a period, from its first to its last. */
function daysOf(from: string, until: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= until; day = calendar.WorkingCalendar.nextDate(day)) days.push(day);
  return days;
}

/** Global ids of the own centre's rows (BAD_USER_INPUT on `field` otherwise), as database ids. */
async function ownIds(ids: string[] | null | undefined, field: string, typeName: string, load: (id: number) => Promise<{ tenantId: number } | null>, tenantId: number, problem: typeof m.matterOfCentre): Promise<number[]> {
  const list = [...new Set(ids ?? [])];
  const check = new InputCheck();
  check.that(list.length <= MAX_NAMED, field, m.tooMany(MAX_NAMED));
  check.done();
  const decoded = list.map((id) => decodeGlobalIdOf(typeName, id, field));
  const rows = await Promise.all(decoded.map(load));
  check.that(rows.every((row) => row?.tenantId === tenantId), field, problem);
  check.done();
  return decoded;
}

/** The form checked as a whole (every problem at once), then the named matters and windows. */
async function contentOf(ctx: RequestContext, input: PublicNoticeInput, tenant: Tenant): Promise<NoticeContent> {
  const check = new InputCheck();
  const title = check.text(input.title, 'input.title', 100);
  const text = check.text(input.text, 'input.text', 2000);
  calendar.assertDate(input.appliesFrom, 'input.appliesFrom');
  const until = input.appliesUntil ?? null;
  if (until !== null) calendar.assertDate(until, 'input.appliesUntil');
  check.that(input.appliesFrom >= calendar.todayOf(ctx, tenant), 'input.appliesFrom', m.fromPast);
  check.that(until === null || until >= input.appliesFrom, 'input.appliesUntil', m.untilBeforeFrom);
  const lasting = input.kind === PublicNoticeKind.RELOCATION || input.kind === PublicNoticeKind.HOURS_CHANGE;
  if (input.kind === PublicNoticeKind.SERVICE_PAUSE) check.that(until !== null && daysBetween(input.appliesFrom, until) < MAX_PAUSE_DAYS, 'input.appliesUntil', m.pauseNeedsUntil(MAX_PAUSE_DAYS));
  if (lasting) check.that(until === null, 'input.appliesUntil', m.changeHasNoUntil);
  const address = input.newAddress?.trim() ?? null;
  const relocation = input.kind === PublicNoticeKind.RELOCATION;
  check.that(relocation ? address !== null && address.length > 0 && address.length <= 200 : address === null, 'input.newAddress', m.addressForRelocation);
  check.that(input.kind === PublicNoticeKind.HOURS_CHANGE ? Boolean(input.newHours) : !input.newHours || lasting, 'input.newHours', m.hoursForChange);
  check.done();
  const hours = input.newHours ? hallHours.checkedHours(input.newHours, (key) => `input.newHours.${key}`) : null;
  const matterIds = await ownIds(input.matterIds, 'input.matterIds', 'Matter', (id) => matters.loadMatter(ctx, id), tenant.id, m.matterOfCentre);
  const windowIds = await ownIds(input.windowIds, 'input.windowIds', 'Window', (id) => windows.loadWindow(ctx, id), tenant.id, m.windowOfCentre);
  return {
    kind: input.kind,
    title,
    text,
    appliesFrom: input.appliesFrom,
    appliesUntil: until,
    matterIds,
    windowIds,
    newAddress: address,
    opensAt: hours?.opensAt ?? null,
    closesAt: hours?.closesAt ?? null,
    lunchStartsAt: hours?.lunchStartsAt ?? null,
    lunchEndsAt: hours?.lunchEndsAt ?? null,
  };
}

async function ownTenant(ctx: RequestContext, tenantId: number): Promise<Tenant> {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return tenant;
}

/** A notice of the admin's own centre, at the version read; NOT_FOUND for any other centre's. */
async function ownNotice(ctx: RequestContext, input: PublicNoticeVersionInput, status: PublicNoticeStatus): Promise<PublicNotice> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const notice = await notices(ctx.db).findById(decodeGlobalIdOf('PublicNotice', input.id, 'input.id'));
  if (!notice || notice.tenantId !== viewer.tenantId) throw new NotFoundError(m.notice);
  if (notice.version !== input.version) throw new ConflictError(messages.staleVersion('PublicNotice'), { field: 'version' });
  if (notice.status !== status) throw new ConflictError(m.notInStatus(notice.status), { status: notice.status });
  return notice;
}

/** Publishes, in the caller's transaction: the notice becomes public and its change is scheduled. */
async function publishIn(ctx: RequestContext, db: Db, notice: PublicNotice, tenant: Tenant): Promise<void> {
  const viewer = requireViewer(ctx);
  await notices(db).updateVersioned(notice, notice.version, { status: PublicNoticeStatus.PUBLISHED, publishedAt: ctx.now(), publishedById: viewer.userId });
  if (notice.kind === PublicNoticeKind.SERVICE_PAUSE) {
    await calendar.closeForNotice(ctx, db, tenant, daysOf(notice.appliesFrom, notice.appliesUntil ?? notice.appliesFrom), notice.title, notice.id);
  }
  if (notice.newAddress !== null) await addresses.scheduleAddress(db, tenant.id, notice.appliesFrom, notice.newAddress, notice.id, 'input.appliesFrom');
  if (notice.opensAt !== null && notice.closesAt !== null) {
    const hours = { opensAt: notice.opensAt, closesAt: notice.closesAt, lunchStartsAt: notice.lunchStartsAt, lunchEndsAt: notice.lunchEndsAt };
    await hallHours.scheduleHallHours(db, tenant.id, notice.appliesFrom, hours, notice.id, 'input.appliesFrom');
  }
}

/** Two notices scheduling a change for the same day at once: the unique (centre, day) index decides, and the loser gets CONFLICT. */
function oneChangePerDay<T>(write: Promise<T>, day: string): Promise<T> {
  return write.catch((error: unknown) => {
    if (isDuplicateKey(error)) throw new ConflictError(m.changeOnDateTaken(day), { field: 'input.appliesFrom' });
    throw error;
  });
}

/** A new notice of the own centre: a draft, or published at once (one step, one transaction). */
export async function createNotice(ctx: RequestContext, input: CreatePublicNoticeInput): Promise<PublicNotice> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const tenant = await ownTenant(ctx, viewer.tenantId);
  const content = await contentOf(ctx, input, tenant);
  const id = await oneChangePerDay(
    ctx.db.transaction(async (db) => {
      const draft = await notices(db).save(notices(db).create({ tenantId: tenant.id, ...content, status: PublicNoticeStatus.DRAFT, createdById: viewer.userId }));
      if (input.publish) await publishIn(ctx, db, await notices(db).getById(draft.id, m.notice), tenant);
      return draft.id;
    }),
    content.appliesFrom,
  );
  return notices(ctx.db).getById(id, m.notice);
}

/** A draft's new content; a published notice is never edited (it is withdrawn, and another published). */
export async function editNoticeDraft(ctx: RequestContext, input: EditPublicNoticeDraftInput): Promise<PublicNotice> {
  const notice = await ownNotice(ctx, input, PublicNoticeStatus.DRAFT);
  const content = await contentOf(ctx, input, await ownTenant(ctx, notice.tenantId));
  await notices(ctx.db).updateVersioned(notice, input.version, content);
  return notices(ctx.db).getById(notice.id, m.notice);
}

export async function publishNotice(ctx: RequestContext, input: PublicNoticeVersionInput): Promise<PublicNotice> {
  const notice = await ownNotice(ctx, input, PublicNoticeStatus.DRAFT);
  const tenant = await ownTenant(ctx, notice.tenantId);
  // A draft written days ago may now start in the past: a change is never backdated.
  const check = new InputCheck();
  check.that(notice.appliesFrom >= calendar.todayOf(ctx, tenant), 'input.appliesFrom', m.fromPast);
  check.done();
  await oneChangePerDay(ctx.db.transaction((db) => publishIn(ctx, db, notice, tenant)), notice.appliesFrom);
  return notices(ctx.db).getById(notice.id, m.notice);
}

/** The days other published pauses of the centre cover, each with one of them: withdrawing one pause leaves them closed. */
async function daysOfOtherPauses(db: Db, notice: PublicNotice): Promise<Map<string, number>> {
  const others = await notices(db)
    .query('n')
    .andWhere('n.tenantId = :tenantId AND n.kind = :pause AND n.status = :published AND n.id <> :id', { tenantId: notice.tenantId, pause: PublicNoticeKind.SERVICE_PAUSE, published: PublicNoticeStatus.PUBLISHED, id: notice.id })
    .getMany();
  return new Map(others.flatMap((other) => daysOf(other.appliesFrom, other.appliesUntil ?? other.appliesFrom).map((day) => [day, other.id] as const)));
}

/**
 * Withdraws a published notice: it leaves the public list, and what it scheduled that
 * has not taken effect is undone: the closed days after today (unless someone set them
 * since; deadlines move back), an address and hours not yet in force. What is in force
 * stays: a new notice announces the next change.
 */
export async function withdrawNotice(ctx: RequestContext, input: WithdrawPublicNoticeInput): Promise<PublicNotice> {
  const reason = requireText(input.reason, 'input.reason', 200);
  const notice = await ownNotice(ctx, input, PublicNoticeStatus.PUBLISHED);
  const tenant = await ownTenant(ctx, notice.tenantId);
  const today = calendar.todayOf(ctx, tenant);
  await ctx.db.transaction(async (db) => {
    await notices(db).updateVersioned(notice, input.version, { status: PublicNoticeStatus.WITHDRAWN, withdrawnAt: ctx.now(), withdrawnReason: reason });
    if (notice.kind === PublicNoticeKind.SERVICE_PAUSE) {
      const stillPaused = await daysOfOtherPauses(db, notice);
      await calendar.reopenAfterNotice(ctx, db, tenant, { id: notice.id, reason: `撤回公告: ${notice.title}`, stillPaused }, today);
    }
    await addresses.unscheduleAddress(db, notice.id, today);
    await hallHours.unscheduleHallHours(db, notice.id, today);
  });
  return notices(ctx.db).getById(notice.id, m.notice);
}

/** Notices of the readable centres, drafts included, for staff. */
export async function listNotices(ctx: RequestContext, args: ListArgs<PublicNoticeOrderField>, filter: PublicNoticeFilter = {}): Promise<ConnectionResult<PublicNotice>> {
  requireViewer(ctx);
  const query = notices(ctx.db).query('n');
  if (filter.tenantCode) query.andWhere('n.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
  return paginate(query, { list: 'notices', alias: 'n', sorting: publicNoticeSorting }, args);
}

export const nodeLoaders = {
  PublicNotice: (ctx: RequestContext, ids: number[]) => notices(ctx.db).findByIds(ids),
};
