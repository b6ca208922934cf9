/**
 * 中心地址: the centre's address from a date. A relocation (搬迁) is announced ahead,
 * "具体时间另行通知" (铜仁 三(四)), and takes effect on its date: the address of a day is
 * the dated row in force on it.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { ConflictError } from '../../graphql/errors';
import * as calendar from '../calendar/service';
import { Tenant } from '../tenancy/entities';
import { CentreAddress } from './entities';
import { noticeMessages as m } from './messages';

/** A centre's address today in its time zone; null while it has none. Public (政务公开), like its hours. */
export async function centreAddressOf(ctx: RequestContext, tenant: Tenant): Promise<string | null> {
  const rows = await ctx.loaders
    .get('CentreAddress.byTenant', () =>
      groupedLoader(
        (ids) => ctx.db.readOnlyFor(ids).scoped(CentreAddress).query('a').getMany(),
        (row) => row.tenantId,
      ),
    )
    .load(tenant.id);
  return calendar.inForceOn(rows, calendar.todayOf(ctx, tenant))?.address ?? null;
}

/** The address from a later date, announced by a relocation notice, in its transaction. */
export async function scheduleAddress(db: Db, tenantId: number, effectiveFrom: string, address: string, noticeId: number, field: string): Promise<void> {
  const rows = db.scoped(CentreAddress);
  const taken = await rows.query('a').andWhere('a.tenantId = :tenantId AND a.effectiveFrom = :effectiveFrom', { tenantId, effectiveFrom }).getOne();
  if (taken) throw new ConflictError(m.changeOnDateTaken(effectiveFrom), { field });
  await rows.save(Object.assign(new CentreAddress(), { tenantId, effectiveFrom, address, noticeId }));
}

/** Removes the address a withdrawn relocation notice scheduled, if still ahead of `today`. */
export async function unscheduleAddress(db: Db, noticeId: number, today: string): Promise<void> {
  const rows = db.scoped(CentreAddress);
  for (const row of await rows.query('a').andWhere('a.noticeId = :noticeId AND a.effectiveFrom > :today', { noticeId, today }).getMany()) {
    await rows.deleteWhere({ id: row.id });
  }
}
