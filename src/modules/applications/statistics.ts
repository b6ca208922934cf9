import { registerEnumType } from 'type-graphql';
import { RequestContext } from '../../context';
import { requireViewer } from '../../auth/guards';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { encodeGlobalId } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { Application, ApplicationStatus, Decision } from './entities';
import { nouns } from '../../graphql/messages';
import { applicationMessages as m } from './messages';

export enum StatsGrouping {
  DEPARTMENT = 'DEPARTMENT',
  WINDOW = 'WINDOW',
  MATTER = 'MATTER',
  TENANT = 'TENANT',
}
registerEnumType(StatsGrouping, { name: 'StatsGrouping', description: 'TENANT: a city or province over its readable subordinates' });

export interface StatsRow {
  groupId: string;
  groupName: string;
  received: number;
  accepted: number;
  supplementRequested: number;
  notAccepted: number;
  reportedUp: number;
  approved: number;
  denied: number;
  delivered: number;
  decided: number;
  decidedOnTime: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
}

const GROUP_COLUMN: Record<StatsGrouping, { column: string; type: string }> = {
  DEPARTMENT: { column: 'a.departmentId', type: 'Department' },
  WINDOW: { column: 'a.receivingWindowId', type: 'Window' },
  MATTER: { column: 'a.matterId', type: 'Matter' },
  TENANT: { column: 'a.tenantId', type: 'Tenant' },
};

async function nameOf(ctx: RequestContext, grouping: StatsGrouping, id: number): Promise<string> {
  switch (grouping) {
    case StatsGrouping.DEPARTMENT:
      return (await tenancy.loadDepartment(ctx, id))?.name ?? '';
    case StatsGrouping.WINDOW: {
      const window = await windows.loadWindow(ctx, id);
      return window ? `${window.number} ${window.name}` : '';
    }
    case StatsGrouping.MATTER:
      return (await matters.loadMatter(ctx, id))?.name ?? '';
    case StatsGrouping.TENANT:
      return (await tenancy.loadTenant(ctx, id))?.name ?? '';
  }
}

/**
 * 数据统计 over the cases received in [from, to): one GROUP BY in the database, never
 * the cases themselves. A 上报件 is on time when reported by its deadline (锦州 第四条(四)). Grouped by TENANT, over the tenant's readable subordinates.
 */
export async function applicationStats(ctx: RequestContext, tenantCode: string, from: Date, to: Date, grouping: StatsGrouping): Promise<StatsRow[]> {
  requireViewer(ctx);
  if (!(from < to)) throw new BadUserInputError(m.fromBeforeTo, 'from');
  const root = await tenancy.tenantByCode(ctx, tenantCode);
  if (!root) throw new NotFoundError(nouns.tenant);
  const tenantIds = grouping === StatsGrouping.TENANT ? (await tenancy.readableSubtree(ctx, root)).map((t) => t.id) : [root.id];
  const { column, type } = GROUP_COLUMN[grouping];
  const rows = await ctx.db
    .scoped(Application)
    .query('a')
    .select(column, 'groupKey')
    .addSelect('COUNT(*)', 'received')
    .addSelect('SUM(CASE WHEN a.acceptedAt IS NOT NULL THEN 1 ELSE 0 END)', 'accepted')
    .addSelect('SUM(CASE WHEN a.oneTimeNotice IS NOT NULL THEN 1 ELSE 0 END)', 'supplementRequested')
    .addSelect('SUM(CASE WHEN a.status = :notAccepted THEN 1 ELSE 0 END)', 'notAccepted')
    .addSelect('SUM(CASE WHEN a.reportedAt IS NOT NULL THEN 1 ELSE 0 END)', 'reportedUp')
    .addSelect('SUM(CASE WHEN a.decision = :approved THEN 1 ELSE 0 END)', 'approved')
    .addSelect('SUM(CASE WHEN a.decision = :denied THEN 1 ELSE 0 END)', 'denied')
    .addSelect('SUM(CASE WHEN a.deliveredAt IS NOT NULL THEN 1 ELSE 0 END)', 'delivered')
    .addSelect('SUM(CASE WHEN a.decidedAt IS NOT NULL THEN 1 ELSE 0 END)', 'decided')
    .addSelect('SUM(CASE WHEN a.decidedAt IS NOT NULL AND COALESCE(a.reportedAt, a.decidedAt) <= a.dueAt THEN 1 ELSE 0 END)', 'decidedOnTime')
    .addSelect('AVG(a.decisionWorkingDays)', 'averageWorkingDays')
    .andWhere('a.tenantId IN (:...statsTenants)', { statsTenants: tenantIds })
    .andWhere('a.receivedAt >= :from AND a.receivedAt < :to', { from, to })
    .setParameters({ notAccepted: ApplicationStatus.NOT_ACCEPTED, approved: Decision.APPROVED, denied: Decision.DENIED })
    .groupBy(column)
    .orderBy(column)
    .getRawMany<Record<string, string | number | null>>();
  return Promise.all(
    rows.map(async (row) => {
      const id = Number(row.groupKey);
      const decided = Number(row.decided);
      const average = row.averageWorkingDays === null ? null : Math.round(Number(row.averageWorkingDays) * 100) / 100;
      return {
        groupId: encodeGlobalId(type, id),
        groupName: await nameOf(ctx, grouping, id),
        received: Number(row.received),
        accepted: Number(row.accepted),
        supplementRequested: Number(row.supplementRequested),
        notAccepted: Number(row.notAccepted),
        reportedUp: Number(row.reportedUp),
        approved: Number(row.approved),
        denied: Number(row.denied),
        delivered: Number(row.delivered),
        decided,
        decidedOnTime: Number(row.decidedOnTime),
        onTimeRate: decided === 0 ? null : Math.round((Number(row.decidedOnTime) / decided) * 10000) / 10000,
        averageWorkingDays: average,
      };
    }),
  );
}
