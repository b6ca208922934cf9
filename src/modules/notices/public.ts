/**
 * 公告 in public: the notices of a centre in force or upcoming, without a token
 * (政务公开; 搬迁方案: 引导群众到新政务服务中心办事, 及时发布进展情况), and the notices an
 * affected matter's guide (办事指南) and its windows show.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { BadUserInputError } from '../../graphql/errors';
import { messages } from '../../graphql/messages';
import * as calendar from '../calendar/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { Tenant } from '../tenancy/entities';
import { PublicNoticeStatus, PublicNotice } from './entities';
import { PublicNoticeGuide } from './types';

/** The public list's cap: a centre has a handful of notices in force at a time. */
const MAX_PUBLIC_NOTICES = 100;

/** Published notices of a centre that apply today or later, earliest first, batched per request. */
async function currentNotices(ctx: RequestContext, tenant: Tenant): Promise<PublicNotice[]> {
  const today = calendar.todayOf(ctx, tenant);
  const rows = await ctx.loaders
    .get(`PublicNotice.current:${today}`, () =>
      groupedLoader(
        // Read-only on the centres asked for: published notices are public.
        (ids) =>
          ctx.db
            .readOnlyFor(ids)
            .scoped(PublicNotice)
            .query('n')
            .andWhere('n.status = :published', { published: PublicNoticeStatus.PUBLISHED })
            .andWhere('(n.appliesUntil IS NULL OR n.appliesUntil >= :today)', { today })
            .orderBy('n.appliesFrom', 'ASC')
            .addOrderBy('n.id', 'ASC')
            .limit(MAX_PUBLIC_NOTICES * ids.length)
            .getMany(),
        (row) => row.tenantId,
      ),
    )
    .load(tenant.id);
  return rows.slice(0, MAX_PUBLIC_NOTICES);
}

const hoursText = (n: PublicNotice) =>
  n.opensAt === null || n.closesAt === null ? null : n.lunchStartsAt && n.lunchEndsAt ? `${n.opensAt}–${n.lunchStartsAt}, ${n.lunchEndsAt}–${n.closesAt}` : `${n.opensAt}–${n.closesAt}`;

async function guideOf(ctx: RequestContext, notice: PublicNotice, tenant: Tenant): Promise<PublicNoticeGuide> {
  const via = { db: ctx.db.readOnlyFor([tenant.id]), key: `public:${tenant.id}` };
  const [named, windowsNamed] = await Promise.all([
    Promise.all(notice.matterIds.map((id) => matters.loadMatter(ctx, id, via))),
    Promise.all(notice.windowIds.map((id) => windows.loadWindow(ctx, id, null, via))),
  ]);
  return {
    kind: notice.kind,
    title: notice.title,
    text: notice.text,
    appliesFrom: notice.appliesFrom,
    appliesUntil: notice.appliesUntil,
    inForce: notice.appliesFrom <= calendar.todayOf(ctx, tenant),
    newAddress: notice.newAddress,
    newHours: hoursText(notice),
    matterCodes: named.flatMap((matter) => (matter ? [matter.code] : [])),
    windowNumbers: windowsNamed.flatMap((window) => (window ? [window.number] : [])),
    // Listed notices are published, so they have the instant.
    publishedAt: notice.publishedAt!,
  };
}

/** The centre of a public list; an unknown code simply has no notices. */
async function publicTenant(db: Db, tenantCode: string): Promise<Tenant | null> {
  if (!/^\d{6}$/.test(tenantCode)) throw new BadUserInputError(messages.divisionCode('tenantCode'), 'tenantCode');
  // Unscoped on purpose: the notices are public; only the tenant's id and time zone are used.
  return db.unscoped.findOne(Tenant, { where: { code: tenantCode } });
}

/** A centre's published notices in force or upcoming; no token needed. */
export async function publicNotices(ctx: RequestContext, tenantCode: string): Promise<PublicNoticeGuide[]> {
  const tenant = await publicTenant(ctx.db, tenantCode);
  if (!tenant) return [];
  return Promise.all((await currentNotices(ctx, tenant)).map((notice) => guideOf(ctx, notice, tenant)));
}

const centreWide = (notice: PublicNotice) => notice.matterIds.length === 0 && notice.windowIds.length === 0;

/** What a matter's guide shows: centre-wide notices, and those naming the matter or a window that serves it. */
export async function noticesOfMatter(ctx: RequestContext, tenant: Tenant, matterId: number, windowIds: number[]): Promise<PublicNoticeGuide[]> {
  const concerned = (await currentNotices(ctx, tenant)).filter(
    (n) => centreWide(n) || n.matterIds.includes(matterId) || n.windowIds.some((id) => windowIds.includes(id)),
  );
  return Promise.all(concerned.map((notice) => guideOf(ctx, notice, tenant)));
}

/** What a window's entry in a guide shows: the notices naming it. */
export async function noticesOfWindow(ctx: RequestContext, tenant: Tenant, windowId: number): Promise<PublicNoticeGuide[]> {
  const concerned = (await currentNotices(ctx, tenant)).filter((n) => n.windowIds.includes(windowId));
  return Promise.all(concerned.map((notice) => guideOf(ctx, notice, tenant)));
}
