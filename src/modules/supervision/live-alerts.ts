/**
 * 电子监察 on the hall screens (issue 18): what a check run or a notice issued by hand
 * produced, published as `supervisionAlertRaised` events once it has committed. Every
 * instance runs the check, but a report lists only what its own run wrote (the unique
 * keys make that exactly one run), so each alert goes out once.
 */
import { RequestContext } from '../../context';
import { publishSupervisionAlert, SupervisionAlert, SupervisionAlertKind } from '../../events/live';
import { SupervisionLight } from '../applications/entities';
import * as tenancy from '../tenancy/service';
import { SupervisionNotice, SupervisionNoticeCause } from './entities';
import { SupervisionReport } from './reports';

type Draft = Omit<SupervisionAlert, 'tenantCode' | 'at'>;

/** What a notice's cause is, as an alert of its own beside the notice (a red case is told by its light change). */
const CAUSE_ALERTS: Partial<Record<SupervisionNoticeCause, { kind: SupervisionAlertKind; type: string }>> = {
  [SupervisionNoticeCause.TICKET_STEP_OVERDUE]: { kind: SupervisionAlertKind.TICKET_STEP_LATE, type: 'TicketStep' },
  [SupervisionNoticeCause.COMPLAINT_OVERDUE]: { kind: SupervisionAlertKind.COMPLAINT_LATE, type: 'Complaint' },
};

function noticeAlerts(notice: SupervisionNotice, escalated: boolean): Draft[] {
  const notified: Draft = {
    kind: SupervisionAlertKind.SUPERVISION_NOTICE,
    tenantId: notice.tenantId,
    subject: { type: 'SupervisionNotice', id: notice.id },
    reason: escalated ? `督办单逾期未反馈，已上报：${notice.reason}` : notice.reason,
  };
  const cause = CAUSE_ALERTS[notice.causeKind];
  if (escalated || !cause || notice.causeId === null) return [notified];
  return [{ kind: cause.kind, tenantId: notice.tenantId, subject: { type: cause.type, id: notice.causeId }, reason: notice.reason }, notified];
}

function alertsOf(report: SupervisionReport): Draft[] {
  return [
    ...report.lightChanges.map((change) => ({
      kind: change.light === SupervisionLight.RED ? SupervisionAlertKind.CASE_RED : SupervisionAlertKind.CASE_YELLOW,
      tenantId: change.tenantId,
      subject: { type: 'Application', id: change.applicationId },
      reason: change.light === SupervisionLight.RED ? '办件已超过办结时限（红牌）' : '办件临近办结时限（黄牌）',
    })),
    ...report.issued.flatMap((notice) => noticeAlerts(notice, false)),
    ...report.escalated.flatMap((notice) => noticeAlerts(notice, true)),
  ];
}

/** A supervision-report listener (registry.ts): runs after the report's transaction has committed. */
export async function publishLiveAlerts(ctx: RequestContext, report: SupervisionReport): Promise<void> {
  const drafts = alertsOf(report);
  const tenants = await Promise.all([...new Set(drafts.map((d) => d.tenantId))].map((id) => tenancy.loadTenant(ctx, id)));
  const codes = new Map(tenants.filter((t) => t !== null).map((t) => [t!.id, t!.code]));
  const at = ctx.now();
  for (const draft of drafts) {
    const tenantCode = codes.get(draft.tenantId);
    if (tenantCode) publishSupervisionAlert(ctx.events, null, { ...draft, tenantCode, at });
  }
}
