import { EntityManager } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { HallHours } from '../src/modules/windows/entities';
import { CentreAddress, PublicNoticeKind, PublicNoticeStatus, PublicNotice } from '../src/modules/notices/entities';

/** The demo day `days` after `now`, in Asia/Shanghai. */
const dayAfter = (now: Date, days: number) => new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 公告 of 鞍山市 (搬迁方案): its address today; a winter hours change (办公时间调整) 30 days
 * ahead; and the relocation (搬迁) to the new centre 60 days ahead, with 三明's "朝九晚五"
 * hours (上午9:00—12:00, 下午1:30—5:00) and the floors of 铜仁's plan (一楼不动产登记,
 * 三楼各进驻部门窗口). Both published, as publishNotice would have left them: the
 * notices, and the dated address and hours rows they scheduled.
 */
export async function seedNotices(manager: EntityManager, tenants: Map<string, Tenant>, now: Date): Promise<void> {
  const anshan = tenants.get('210300');
  if (!anshan || (await manager.count(PublicNotice, { where: { tenantId: anshan.id } })) > 0) return;
  const admin = await manager.findOneByOrFail(User, { username: 'centre_admin.210300' });
  await manager.insert(CentreAddress, { tenantId: anshan.id, effectiveFrom: '', address: '鞍山市铁东区胜利南路 38 号（市政务服务中心）', noticeId: null });
  const published = { tenantId: anshan.id, status: PublicNoticeStatus.PUBLISHED, appliesUntil: null, matterIds: [], windowIds: [], createdById: admin.id, publishedById: admin.id, publishedAt: now };
  const winterFrom = dayAfter(now, 30);
  const winter = await manager.save(
    manager.create(PublicNotice, {
      ...published,
      kind: PublicNoticeKind.HOURS_CHANGE,
      title: '关于调整冬季办公时间的公告',
      text: `自 ${winterFrom} 起大厅冬季办公时间调整为上午 9:00—12:00，下午 1:00—5:00，午间缩短休息时间，方便群众办事。`,
      appliesFrom: winterFrom,
      newAddress: null,
      opensAt: '09:00',
      closesAt: '17:00',
      lunchStartsAt: '12:00',
      lunchEndsAt: '13:00',
    }),
  );
  const move = await manager.save(
    manager.create(PublicNotice, {
      ...published,
      kind: PublicNoticeKind.RELOCATION,
      title: '关于市政务服务中心搬迁新址办公的公告',
      text: '市政务服务中心整体搬迁至鞍山市铁东区新华路 18 号公共服务中心大楼，新址启用之日起在新址办公。一楼为不动产登记、便民服务窗口，三楼为各进驻部门办事窗口。执行“朝九晚五”工作时间（上午 9:00—12:00，下午 1:30—5:00）。请群众到新政务服务中心办事。',
      appliesFrom: dayAfter(now, 60),
      newAddress: '鞍山市铁东区新华路 18 号公共服务中心大楼',
      opensAt: '09:00',
      closesAt: '17:00',
      lunchStartsAt: '12:00',
      lunchEndsAt: '13:30',
    }),
  );
  await manager.insert(CentreAddress, { tenantId: anshan.id, effectiveFrom: move.appliesFrom, address: move.newAddress!, noticeId: move.id });
  await manager.insert(
    HallHours,
    [winter, move].map((n) => ({ tenantId: anshan.id, effectiveFrom: n.appliesFrom, noticeId: n.id, opensAt: n.opensAt!, closesAt: n.closesAt!, lunchStartsAt: n.lunchStartsAt, lunchEndsAt: n.lunchEndsAt })),
  );
}
