import { randomUUID } from 'node:crypto';
import { ContextDeps, RequestContext } from '../../context';
import { TenantScope } from '../../db/scope';
import { Tenant } from '../tenancy/entities';
import { runCheck } from './check';

export interface SupervisionJob {
  /** Stops the timer and waits for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * The check as a periodic job inside the API process (SUPERVISION_JOB, SUPERVISION_JOB_INTERVAL).
 * Every instance may run it: what it writes is keyed in the database (check.ts). A run
 * never overlaps the previous one in this process, and its errors are logged, never
 * thrown: a failed run is retried at the next tick.
 */
export function startSupervisionJob(deps: ContextDeps, intervalMs: number): SupervisionJob {
  const logger = deps.logger.child({ job: 'supervision-check' });
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = async (): Promise<void> => {
    // Unscoped on purpose: a system job over every centre, before any scope exists.
    const tenants = await deps.dataSource.manager.find(Tenant, { order: { id: 'ASC' } });
    const ctx = new RequestContext(deps, `supervision-check-${randomUUID()}`, 'internal', null, new TenantScope(null, tenants.map((t) => t.id)));
    const report = await runCheck(ctx, tenants);
    if (report.issued.length + report.escalated.length + report.lightChanges.length > 0) {
      logger.info({ runId: report.runId, issued: report.issued.length, escalated: report.escalated.length, lightChanges: report.lightChanges.length }, 'supervision check');
    }
  };

  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick()
      .catch((error: unknown) => logger.error({ err: error }, 'supervision check failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
