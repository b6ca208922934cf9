import { RequestContext } from '../../context';
import { SupervisionLight } from '../applications/entities';
import { SupervisionNotice } from './entities';

/** A case whose light the check saw change for the first time (YELLOW, or RED). */
export interface LightChange {
  tenantId: number;
  applicationId: number;
  light: SupervisionLight.YELLOW | SupervisionLight.RED;
}

/**
 * What one run of the check (or one notice issued by hand) produced: only what this run
 * itself wrote, so that with several instances each change is reported once.
 */
export interface SupervisionReport {
  /** The check run's id; null for a notice issued by hand. */
  runId: string | null;
  issued: SupervisionNotice[];
  escalated: SupervisionNotice[];
  lightChanges: LightChange[];
}

export type SupervisionReportListener = (ctx: RequestContext, report: SupervisionReport) => void | Promise<void>;

const listeners: SupervisionReportListener[] = [];

/**
 * Called with every report that has something in it: live alerts are published here
 * (`supervisionAlertRaised`, live-alerts.ts). A listener’s error is logged, never thrown at the caller.
 */
export function onSupervisionReport(listener: SupervisionReportListener): void {
  listeners.push(listener);
}

/** Tells the listeners, once what the report lists has committed (never if it rolls back). */
export function publishReport(ctx: RequestContext, report: SupervisionReport): void {
  if (report.issued.length + report.escalated.length + report.lightChanges.length === 0) return;
  ctx.db.afterCommit(() => {
    for (const listener of listeners) {
      void Promise.resolve()
        .then(() => listener(ctx, report))
        .catch((error: unknown) => ctx.logger.error({ err: error }, 'supervision report listener failed'));
    }
  });
}
