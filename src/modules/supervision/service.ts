import { RequestContext } from '../../context';
import { groupBy } from '../../db/loaders';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import { Application } from '../applications/entities';
import { caseAlerts } from '../applications/supervision';
import * as collaboration from '../collaboration/service';
import { TicketSide, TicketStep } from '../collaboration/entities';
import * as complaints from '../complaints/service';
import { Complaint } from '../complaints/entities';
import * as evaluations from '../evaluations/service';
import { Rectification } from '../evaluations/entities';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError } from '../../graphql/errors';
import { SupervisionNotice } from './entities';
import { runCheck } from './check';
import { loadNotice } from './notices';
import { SupervisionReport } from './reports';
import { supervisionMessages } from './messages';

export interface AlertGroup {
  tenant: Tenant;
  red: number;
  yellow: number;
  cases: Application[];
  lapsedSupplements: Application[];
  provisionalDeadlines: Application[];
  overdueTicketSteps: TicketStep[];
  lateComplaints: Complaint[];
  lateRectifications: Rectification[];
}

/**
 * 电子监察 for a tenant and, for a city or province user, its readable subordinates:
 * per tenant, the YELLOW and RED open cases, lapsed supplements (逾期未补正), running
 * cases with provisional deadlines, and the late open steps of collaboration
 * tickets that tenant owns, complaints past their reply deadline (投诉超期), and 差评
 * rectifications past their verification or rectification deadline (整改超期). Tenants
 * with nothing to report are left out.
 */
export async function supervisionAlerts(ctx: RequestContext, tenantCode: string, first: number): Promise<AlertGroup[]> {
  const root = await tenancy.tenantByCode(ctx, tenantCode);
  if (!root) return [];
  const tenants = await tenancy.readableSubtree(ctx, root);
  const ids = tenants.map((t) => t.id);
  const [cases, steps, late, lateRectifications] = await Promise.all([
    caseAlerts(ctx, ids, first),
    collaboration.overdueOpenSteps(ctx, ids),
    complaints.lateComplaints(ctx, ids, first),
    evaluations.lateRectifications(ctx, ids, first),
  ]);
  const stepsByOwner = groupBy(steps, (step) => (step.owner === TicketSide.RECEIVING ? step.tenantId : step.partnerTenantId));
  return tenants
    .map((tenant) => ({
      tenant,
      red: cases.get(tenant.id)?.red ?? 0,
      yellow: cases.get(tenant.id)?.yellow ?? 0,
      cases: cases.get(tenant.id)?.cases ?? [],
      lapsedSupplements: cases.get(tenant.id)?.lapsedSupplements ?? [],
      provisionalDeadlines: cases.get(tenant.id)?.provisionalDeadlines ?? [],
      overdueTicketSteps: stepsByOwner.get(tenant.id) ?? [],
      lateComplaints: late.get(tenant.id) ?? [],
      lateRectifications: lateRectifications.get(tenant.id) ?? [],
    }))
    .filter((group) => group.red + group.yellow + group.lapsedSupplements.length + group.provisionalDeadlines.length + group.overdueTicketSteps.length + group.lateComplaints.length + group.lateRectifications.length > 0);
}

export * from './notices';
export { drawCaseSample, recordSamplingFinding, listSamples, casesOfSample, loadSample, loadSampledCase, findingForSanction, samplingNodeLoaders } from './sampling';
export { CAUSE_SOURCES, runCheck } from './check';
export { onSupervisionReport } from './reports';
export type { SupervisionReport, LightChange } from './reports';

/**
 * runSupervisionCheck: a centre admin or supervisor runs now the check the job runs every
 * minute, over a readable centre (the own one by default) and its readable subordinates.
 * It writes nothing the job would not write; it answers with what this run produced, as
 * the caller may read it.
 */
export async function runSupervisionCheck(ctx: RequestContext, tenantCode?: string | null): Promise<{ report: SupervisionReport; issued: SupervisionNotice[]; escalated: SupervisionNotice[] }> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.SUPERVISOR);
  const root = await tenancy.tenantByCode(ctx, tenantCode ?? viewer.tenantCode);
  if (!root) throw new BadUserInputError(supervisionMessages.checkTenant, 'tenantCode');
  const tenants = await tenancy.readableSubtree(ctx, root);
  const report = await runCheck(ctx, tenants);
  const visible = async (list: SupervisionNotice[]) => (await Promise.all(list.map((notice) => loadNotice(ctx, notice.id)))).filter((n): n is SupervisionNotice => n !== null);
  return { report, issued: await visible(report.issued), escalated: await visible(report.escalated) };
}
