import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { Role } from '../../auth/roles';
import { requireRole, requireViewer } from '../../auth/guards';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { ConnectionResult, ListArgs, OrderDirection, paginate } from '../../graphql/connection';
import { decodeGlobalId } from '../../graphql/global-id';
import { likeClause, containsPattern } from '../../db/like';
import { Tenant } from '../tenancy/entities';
import { AuditChainHead, AuditEntry, AuditKind } from './entities';
import { entryHash, GENESIS_HASH, PLATFORM_CHAIN } from './chain';
import { AuditLogFilter, AuditOrderField, auditSorting } from './inputs';
import { messages, nouns } from '../../graphql/messages';
import { auditMessages as m } from './messages';

export { auditEveryMutation, recordSignIn, outcomeOf } from './recorder';
export { auditPlugin } from './plugin';

/** What platform admins read everywhere: accounts and tenants, and sign-ins. */
const PLATFORM_KINDS = [AuditKind.TENANCY, AuditKind.SIGN_IN, AuditKind.SIGN_OUT];
const VERIFY_BATCH = 500;
/** The most rows one CSV export carries; narrow the filter for more. */
export const MAX_EXPORT_ROWS = 10_000;

/**
 * The entries the viewer may read (issue 13): auditors their own tenant and its
 * descendants; centre admins their own centre's entries; platform admins tenancy and
 * sign-in entries everywhere, and the platform chain (entries of no tenant). Audit rules are not the business rows' scope (a city
 * centre admin reads only the own centre here), so they are applied here, on the
 * scope's readable tenants, for the audit tables alone.
 */
function visibleEntries(ctx: RequestContext): SelectQueryBuilder<AuditEntry> {
  const viewer = requireViewer(ctx);
  const reach: string[] = [];
  const params: Record<string, unknown> = {};
  if (viewer.roles.has(Role.AUDITOR)) {
    reach.push('e.tenantId IN (:...auditable)');
    params.auditable = ctx.db.scope.readableTenantIds.length > 0 ? ctx.db.scope.readableTenantIds : [viewer.tenantId];
  }
  if (viewer.roles.has(Role.CENTRE_ADMIN)) {
    reach.push('e.tenantId = :ownTenant');
    params.ownTenant = viewer.tenantId;
  }
  if (viewer.roles.has(Role.PLATFORM_ADMIN)) {
    reach.push('e.kind IN (:...platformKinds) OR e.tenantId = :platformChain');
    params.platformKinds = PLATFORM_KINDS;
    params.platformChain = PLATFORM_CHAIN;
  }
  if (reach.length === 0) throw new ForbiddenError(m.whoReads);
  // Audit rows belong to the audit module alone; the reach above is their scope.
  return ctx.db.unscoped.createQueryBuilder(AuditEntry, 'e').where(`(${reach.join(' OR ')})`, params);
}

function filtered(ctx: RequestContext, filter: AuditLogFilter = {}): SelectQueryBuilder<AuditEntry> {
  const query = visibleEntries(ctx);
  if (filter.actorUsername) query.andWhere('e.actorUsername = :actorUsername', { actorUsername: filter.actorUsername });
  if (filter.operation) query.andWhere('e.operation = :operation', { operation: filter.operation });
  if (filter.outcome) query.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
  if (filter.tenantCode) query.andWhere('e.tenantCode = :tenantCode', { tenantCode: filter.tenantCode });
  if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('e.at <= :to', { to: filter.to });
  if (filter.targetId) {
    decodeGlobalId(filter.targetId, 'filter.targetId');
    query.andWhere(likeClause('e.targets', 'target'), { target: containsPattern(` ${filter.targetId} `) });
  }
  return query;
}

export function auditLog(ctx: RequestContext, args: ListArgs<AuditOrderField>, filter?: AuditLogFilter): Promise<ConnectionResult<AuditEntry>> {
  return paginate(filtered(ctx, filter), { list: 'auditLog', alias: 'e', sorting: auditSorting }, args);
}

/** Every entry that touched or read one object, oldest first unless ordered otherwise. */
export function auditTrail(ctx: RequestContext, id: string, args: ListArgs<AuditOrderField>): Promise<ConnectionResult<AuditEntry>> {
  const orderBy = args.orderBy ?? [{ field: 'AT' as const, direction: OrderDirection.ASC }];
  return paginate(filtered(ctx, { targetId: id }), { list: `auditTrail:${id}`, alias: 'e', sorting: auditSorting }, { ...args, orderBy });
}

/** The rows of a CSV export, oldest first, at most MAX_EXPORT_ROWS. */
export function exportRows(ctx: RequestContext, filter: AuditLogFilter): Promise<AuditEntry[]> {
  return filtered(ctx, filter).orderBy('e.id', 'ASC').limit(MAX_EXPORT_ROWS).getMany();
}

export interface ChainReport {
  tenantCode: string | null;
  intact: boolean;
  checkedEntries: number;
  firstBroken: AuditEntry | null;
  problem: string | null;
}

/** The chain a verification may read: a tenant the auditor may read, any for a platform admin. */
async function chainOf(ctx: RequestContext, tenantCode: string | null | undefined): Promise<number> {
  const viewer = requireRole(ctx, Role.AUDITOR, Role.PLATFORM_ADMIN);
  const everywhere = viewer.roles.has(Role.PLATFORM_ADMIN);
  if (tenantCode === null || tenantCode === undefined) {
    if (!everywhere) throw new ForbiddenError(m.platformChain);
    return PLATFORM_CHAIN;
  }
  if (!/^\d{6}$/.test(tenantCode)) throw new BadUserInputError(messages.divisionCode('tenantCode'), 'tenantCode');
  // Unscoped on purpose: platform admins have no business scope; auditors are checked against theirs just below.
  const tenant = await ctx.db.unscoped.findOne(Tenant, { where: { code: tenantCode } });
  if (!tenant || !(everywhere || ctx.db.scope.canRead(tenant.id))) throw new NotFoundError(nouns.tenant);
  return tenant.id;
}

/**
 * Recomputes a chain (or the part of it between `from` and `to`): each entry must
 * follow the previous one without a gap, carry its hash, and hash to what it says.
 * Without `to`, the last entry must also be the chain head (nothing cut off the end).
 */
export async function verifyChain(ctx: RequestContext, tenantCode: string | null | undefined, from?: Date | null, to?: Date | null): Promise<ChainReport> {
  const chain = await chainOf(ctx, tenantCode);
  const report = (checkedEntries: number, firstBroken: AuditEntry | null, problem: string | null): ChainReport => ({
    tenantCode: tenantCode ?? null,
    intact: problem === null,
    checkedEntries,
    firstBroken,
    problem,
  });
  const manager = ctx.db.unscoped;
  const page = (afterSeq: number) => {
    const query = manager.createQueryBuilder(AuditEntry, 'e').where('e.tenantId = :chain AND e.seq > :afterSeq', { chain, afterSeq });
    if (from) query.andWhere('e.at >= :from', { from });
    if (to) query.andWhere('e.at <= :to', { to });
    return query.orderBy('e.seq', 'ASC').limit(VERIFY_BATCH).getMany();
  };
  let checked = 0;
  let previous: { seq: number; hash: string } | null = null;
  for (let rows = await page(0); rows.length > 0; rows = await page(rows[rows.length - 1].seq)) {
    for (const entry of rows) {
      if (!previous) {
        const before: AuditEntry | null = entry.seq > 1 ? await manager.findOne(AuditEntry, { where: { tenantId: chain, seq: entry.seq - 1 } }) : null;
        previous = before ? { seq: before.seq, hash: before.hash } : { seq: entry.seq === 1 ? 0 : -1, hash: GENESIS_HASH };
      }
      if (entry.seq !== previous.seq + 1) return report(checked, entry, `entries missing before seq ${entry.seq}`);
      if (entry.previousHash !== previous.hash) return report(checked, entry, `seq ${entry.seq} does not follow the previous entry`);
      if (entryHash(entry) !== entry.hash) return report(checked, entry, `seq ${entry.seq} was changed after it was written`);
      checked += 1;
      previous = { seq: entry.seq, hash: entry.hash };
    }
  }
  if (!to) {
    // Without an end, the last entry checked must be the chain head: nothing was cut off the end.
    const head = await manager.findOne(AuditChainHead, { where: { tenantId: chain } });
    const headSeq = head?.seq ?? 0;
    const lastSeq = previous?.seq ?? (from ? headSeq : 0);
    if (headSeq !== lastSeq) return report(checked, null, `entries missing after seq ${lastSeq}`);
    if (previous && head && head.hash !== previous.hash) return report(checked, null, `the last entry (seq ${lastSeq}) is not the chain head`);
  }
  return report(checked, null, null);
}
