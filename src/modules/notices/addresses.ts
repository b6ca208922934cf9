/**
 * 中心地址: the centre's address from a date. A relocation (搬迁) is announced ahead,
 * "具体时间另行通知" (铜仁 三(四)), and takes effect on its date: the address of a day is
 * the dated row in force on it.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { ConflictError } from '../../graphql/errors';
import { isDuplicateKey } from '../../db/errors';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { InputCheck } from '../../validation/input-check';
import * as calendar from '../calendar/service';
import * as hallHours from '../windows/hall-hours';
import { Tenant } from '../tenancy/entities';
import { CentreAddress } from './entities';
import { SetCentreAddressInput } from './inputs';
import { CentreAddressView } from './types';
import { noticeMessages as m } from './messages';

function viewOf(tenant: Tenant, rows: CentreAddress[], today: string): CentreAddressView {
  const row = calendar.inForceOn(rows, today);
  return {
    tenant,
    address: row?.address ?? null,
    effectiveFrom: row?.effectiveFrom || null,
    version: row?.version ?? null,
    scheduled: rows
      .filter((r) => r.effectiveFrom > today)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .map((r) => ({ effectiveFrom: r.effectiveFrom, address: r.address })),
  };
}

const rowsOf = (db: Db, tenantId: number) => db.scoped(CentreAddress).query('a').andWhere('a.tenantId = :tenantId', { tenantId }).getMany();

/** The address in force today and the moves announced after it, of the own or a readable centre. */
export async function centreAddressView(ctx: RequestContext, tenantCode: string | undefined): Promise<CentreAddressView> {
  const tenant = await hallHours.tenantOrOwn(ctx, tenantCode);
  return viewOf(tenant, await rowsOf(ctx.db.readOnlyFor([tenant.id]), tenant.id), calendar.todayOf(ctx, tenant));
}

/**
 * Centre admin: the address in force today, set or corrected (the first address, a wrong
 * house number). A move is not an edit: it is announced by a RELOCATION notice and takes
 * effect on its date (搬迁方案, "具体时间另行通知").
 */
export async function setCentreAddress(ctx: RequestContext, input: SetCentreAddressInput): Promise<CentreAddressView> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const check = new InputCheck();
  const address = check.text(input.address, 'input.address', 200);
  check.done();
  const tenant = await hallHours.tenantOrOwn(ctx, undefined);
  const today = calendar.todayOf(ctx, tenant);
  return ctx.db
    .transaction(async (db) => {
      const current = calendar.inForceOn(await rowsOf(db, viewer.tenantId), today);
      const rows = db.scoped(CentreAddress);
      if (!current) await rows.save(Object.assign(new CentreAddress(), { tenantId: viewer.tenantId, effectiveFrom: '', address, noticeId: null }));
      else if (input.version == null) throw new ConflictError(m.addressExists, { field: 'input.version' });
      else await rows.updateVersioned(current, input.version, { address });
      return viewOf(tenant, await rowsOf(db, viewer.tenantId), today);
    })
    .catch((error: unknown) => {
      if (isDuplicateKey(error)) throw new ConflictError(m.addressSetMeanwhile, { field: 'input.version' });
      throw error;
    });
}

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
