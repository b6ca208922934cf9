import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import * as calendar from '../calendar/service';
import { Tenant } from '../tenancy/entities';
import { SupervisionLight } from '../applications/entities';
import { AlertingCase, alertingOpenCases } from '../applications/supervision';
import * as collaboration from '../collaboration/service';
import { TicketStepKind } from '../collaboration/entities';
import * as complaints from '../complaints/service';
import * as coordination from '../coordination/service';
import * as evaluations from '../evaluations/service';
import { RectificationStage } from '../evaluations/entities';
import { CaseLightMark, SupervisionNoticeAction, SupervisionNoticeCause, SupervisionNoticeStatus, SupervisionNotice } from './entities';
import { recordEvents, replyWorkingDaysOf } from './notices';
import { LightChange, publishReport, SupervisionReport } from './reports';

/**
 * 电子监察 that acts (锦州 第十一条 "发现问题及时预警纠错"): the check issues a supervision
 * notice once per cause, escalates notices left unanswered past their reply deadline,
 * and notes the first time an open case turns YELLOW or RED. Run every minute by every
 * instance (job.ts) and on demand (runSupervisionCheck): every write is keyed in the
 * database (a unique key, or a conditional UPDATE), so concurrent runs do each thing once.
 */

/** A notice the check would issue for one cause; the unique (tenant, kind, id, round) makes it once. */
export interface NoticeDraft {
  tenantId: number;
  causeKind: SupervisionNoticeCause;
  causeId: number;
  causeRound: number;
  departmentId: number | null;
  personId: number | null;
  reason: string;
}

/** One run of the check over some tenants, with what several sources share. */
export interface CheckRun {
  ctx: RequestContext;
  tenantIds: number[];
  /** Open YELLOW and RED cases, read once per run. */
  alertingCases(): Promise<AlertingCase[]>;
}

/** One kind of cause: one bounded read (no per-row queries), drafts for every cause it finds. */
export type CauseSource = (run: CheckRun) => Promise<NoticeDraft[]>;

const STEP_NAMES: Record<TicketStepKind, string> = {
  ASSISTED_CHECK: '辅助审核',
  PUSH: '受理及推送转办',
  RECHECK: '复核',
  DECIDE: '部门办理',
  MAIL_RESULT: '结果寄送',
  HAND_OVER_RESULT: '结果交付',
  MAIL_MATERIALS: '纸质材料寄送',
  HAND_OVER_MATERIALS: '纸质材料移交',
};

/** 办件超期: an open case past its deadline (红牌), addressed to its implementing department. */
const overdueCases: CauseSource = async (run) =>
  (await run.alertingCases())
    .filter((c) => c.light === SupervisionLight.RED)
    .map((c) => ({
      tenantId: c.tenantId,
      causeKind: SupervisionNoticeCause.CASE_OVERDUE,
      causeId: c.id,
      causeRound: 1,
      departmentId: c.departmentId,
      personId: null,
      reason: `办件 ${c.number} 已超过办结时限仍未办结（电子监察红牌），请说明原因并整改。`,
    }));

/** 协作流转单环节超时: a late open step, addressed to the owning side's case department. */
const overdueTicketSteps: CauseSource = async (run) =>
  (await collaboration.overdueStepsForCheck(run.ctx, run.tenantIds)).map((step) => ({
    tenantId: step.ownerTenantId,
    causeKind: SupervisionNoticeCause.TICKET_STEP_OVERDUE,
    causeId: step.id,
    causeRound: 1,
    departmentId: step.departmentId,
    personId: null,
    reason: `协作流转单 #${step.ticketId} 的“${STEP_NAMES[step.kind] ?? step.kind}”环节已超时，请说明原因并整改。`,
  }));

/** 投诉超期: an open complaint past its reply deadline, addressed to its handling department and assignee (round 2 after a reopening). */
const lateComplaints: CauseSource = async (run) =>
  (await complaints.lateComplaintsForCheck(run.ctx, run.tenantIds)).map((complaint) => ({
    tenantId: complaint.tenantId,
    causeKind: SupervisionNoticeCause.COMPLAINT_OVERDUE,
    causeId: complaint.id,
    causeRound: complaint.round,
    departmentId: complaint.handlingDepartmentId,
    personId: complaint.assigneeId,
    reason: `投诉 ${complaint.number} 已超过答复期限仍未答复，请说明原因并整改。`,
  }));

/** 整改超期: a 差评's return visit or rectification past its deadline, addressed to the department and staff rated (round 1 the visit, round 2 the rectification). */
const lateRectifications: CauseSource = async (run) =>
  (await evaluations.overdueOpenRectifications(run.ctx.db, run.tenantIds, run.ctx.now())).map((late) => {
    const visit = late.stage === RectificationStage.VERIFICATION;
    return {
      tenantId: late.tenantId,
      causeKind: SupervisionNoticeCause.RECTIFICATION_OVERDUE,
      causeId: late.rectificationId,
      causeRound: visit ? 1 : 2,
      departmentId: late.responsibleDepartmentId,
      personId: late.responsibleStaffId,
      reason: visit ? `差评整改 #${late.rectificationId} 的回访核实已超期，请说明原因并尽快核实。` : `差评整改 #${late.rectificationId} 已超过整改期限仍未整改完成，请说明原因并整改。`,
    };
  });

/**
 * 衔接事项超期 (鞍山 衔接 四.3 督任务、督进度): each part of a work item still open past the
 * item's due date, to its department (and person); an item past due that nobody carries
 * out, to its organising department. Once each: a part or item is its own cause.
 */
const overdueWorkParts: CauseSource = async (run) =>
  (await coordination.overdueWorkForCheck(run.ctx.db, run.tenantIds, run.ctx.now())).map((part) => ({
    tenantId: part.tenantId,
    causeKind: part.assigneeId === null ? SupervisionNoticeCause.WORK_ITEM_STALLED : SupervisionNoticeCause.WORK_ITEM_OVERDUE,
    causeId: part.assigneeId ?? part.workItemId,
    causeRound: 1,
    departmentId: part.departmentId,
    personId: part.personId,
    reason:
      part.assigneeId === null
        ? `衔接事项“${part.title}”已超过办理期限仍未组织落实，请说明原因并尽快分办、办结。`
        : `衔接事项“${part.title}”已超过办理期限，本部门承办的工作仍未落实，请说明原因并加快办理。`,
  }));

/**
 * The causes the check issues notices for. One more kind is one more entry here (and its
 * value in SupervisionNoticeCause).
 */
export const CAUSE_SOURCES: CauseSource[] = [overdueCases, overdueTicketSteps, lateComplaints, lateRectifications, overdueWorkParts];

const IN_CHUNK = 500;

function chunks<T>(items: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupByTenant<T extends { tenantId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) groups.set(row.tenantId, [...(groups.get(row.tenantId) ?? []), row]);
  return groups;
}

/**
 * The drafts without a notice yet, read in chunks of ids per kind. (Only an
 * optimisation: the unique key decides; but MySQL spends an auto-increment id on every
 * ignored row, so the check does not offer the same causes every minute.)
 */
async function withoutNotice(db: Db, tenantIds: number[], drafts: NoticeDraft[]): Promise<NoticeDraft[]> {
  const existing = new Set<string>();
  const key = (d: { tenantId: number; causeKind: string; causeId: number | null; causeRound: number }) => `${d.tenantId}:${d.causeKind}:${d.causeId}:${d.causeRound}`;
  const byKind = new Map<SupervisionNoticeCause, number[]>();
  for (const draft of drafts) byKind.set(draft.causeKind, [...(byKind.get(draft.causeKind) ?? []), draft.causeId]);
  for (const [kind, ids] of byKind) {
    for (const part of chunks([...new Set(ids)])) {
      const rows = await db
        .scoped(SupervisionNotice)
        .query('n')
        .select(['n.id', 'n.tenantId', 'n.causeKind', 'n.causeId', 'n.causeRound'])
        .andWhere('n.tenantId IN (:...checkTenants) AND n.causeKind = :kind AND n.causeId IN (:...causeIds)', { checkTenants: tenantIds, kind, causeIds: part })
        .getMany();
      for (const row of rows) existing.add(key(row));
    }
  }
  return drafts.filter((draft) => !existing.has(key(draft)));
}

async function withoutMark(db: Db, tenantIds: number[], cases: AlertingCase[]): Promise<AlertingCase[]> {
  const marked = new Set<string>();
  for (const part of chunks([...new Set(cases.map((c) => c.id))])) {
    const rows = await db
      .scoped(CaseLightMark)
      .query('m')
      .select(['m.id', 'm.applicationId', 'm.light'])
      .andWhere('m.tenantId IN (:...checkTenants) AND m.applicationId IN (:...caseIds)', { checkTenants: tenantIds, caseIds: part })
      .getMany();
    for (const row of rows) marked.add(`${row.applicationId}:${row.light}`);
  }
  return cases.filter((c) => !marked.has(`${c.id}:${c.light}`));
}

/**
 * Runs the check over the given tenants, reading through `ctx.db` (the system's view in
 * the job, the caller's scope for runSupervisionCheck) and writing each tenant's rows
 * through that tenant's own view, in one transaction. Returns (and publishes) only what
 * this run wrote.
 */
export async function runCheck(ctx: RequestContext, tenants: Tenant[]): Promise<SupervisionReport> {
  const runId = randomUUID();
  const tenantIds = tenants.map((tenant) => tenant.id);
  if (tenantIds.length === 0) return { runId, issued: [], escalated: [], lightChanges: [] };
  let alerting: Promise<AlertingCase[]> | undefined;
  const run: CheckRun = { ctx, tenantIds, alertingCases: () => (alerting ??= alertingOpenCases(ctx, tenantIds)) };
  const inScope = new Set(tenantIds);
  const drafts = (await Promise.all(CAUSE_SOURCES.map((source) => source(run)))).flat().filter((draft) => inScope.has(draft.tenantId));
  const cases = await run.alertingCases();
  const now = ctx.now();
  const replyDays = await replyWorkingDaysOf(ctx.db, tenantIds);
  const calendars = new Map(await Promise.all(tenants.map(async (tenant) => [tenant.id, await calendar.calendarOf(ctx, tenant)] as const)));

  const report = await ctx.db.transaction(async (db) => {
    const fresh = await withoutNotice(db, tenantIds, drafts);
    for (const [tenantId, rows] of groupByTenant(fresh)) {
      const replyDueAt = calendars.get(tenantId)!.deadline(now, replyDays.get(tenantId)!);
      await db
        .onBehalfOf(tenantId)
        .scoped(SupervisionNotice)
        .insertNew(
          rows.map((draft) => ({
            ...draft,
            status: SupervisionNoticeStatus.AWAITING_REPLY,
            issuedById: null,
            issuedAt: now,
            replyDueAt,
            sendBacks: 0,
            checkRun: runId,
            version: 1,
          })),
        );
    }
    const issued = fresh.length === 0 ? [] : await db.scoped(SupervisionNotice).query('n').andWhere('n.tenantId IN (:...checkTenants) AND n.checkRun = :runId', { checkTenants: tenantIds, runId }).orderBy('n.id').getMany();

    // 上报: one conditional UPDATE; a notice another run escalated first no longer matches.
    // Unscoped on purpose: the check (the system) writes in each tenant it was given.
    await db.unscoped
      .createQueryBuilder()
      .update(SupervisionNotice)
      .set({ escalatedAt: now, escalationRun: runId, version: () => 'version + 1' })
      .where('tenant_id IN (:...checkTenants) AND status = :awaiting AND reply_due_at < :now AND escalated_at IS NULL', { checkTenants: tenantIds, awaiting: SupervisionNoticeStatus.AWAITING_REPLY, now })
      .execute();
    const escalated = await db.scoped(SupervisionNotice).query('n').andWhere('n.tenantId IN (:...checkTenants) AND n.escalationRun = :runId', { checkTenants: tenantIds, runId }).orderBy('n.id').getMany();

    await recordEvents(db, [
      ...issued.map((notice) => ({ tenantId: notice.tenantId, noticeId: notice.id, action: SupervisionNoticeAction.ISSUE, toStatus: notice.status, actorId: null, note: '', at: now })),
      ...escalated.map((notice) => ({ tenantId: notice.tenantId, noticeId: notice.id, action: SupervisionNoticeAction.ESCALATE, toStatus: notice.status, actorId: null, note: '', at: now })),
    ]);

    const unmarked = await withoutMark(db, tenantIds, cases);
    for (const [tenantId, rows] of groupByTenant(unmarked)) {
      await db
        .onBehalfOf(tenantId)
        .scoped(CaseLightMark)
        .insertNew(rows.map((c) => ({ tenantId, applicationId: c.id, light: c.light, checkRun: runId, markedAt: now })));
    }
    const marks =
      unmarked.length === 0 ? [] : await db.scoped(CaseLightMark).query('m').andWhere('m.tenantId IN (:...checkTenants) AND m.checkRun = :runId', { checkTenants: tenantIds, runId }).orderBy('m.id').getMany();
    const lightChanges: LightChange[] = marks.map((mark) => ({ tenantId: mark.tenantId, applicationId: mark.applicationId, light: mark.light as LightChange['light'] }));
    return { runId, issued, escalated, lightChanges };
  });
  publishReport(ctx, report);
  return report;
}
