/**
 * 电子监察 for hall screens, live (issue 18): what the services publish, and when. Every
 * event is published after the transaction that made it commits, never for a change
 * that rolled back (Db.afterCommit), and carries its tenant, which is how subscribers
 * are filtered on the server.
 */
import { Db } from '../db/db';
import { EventBus, SupervisionAlertEvent, WindowCoverageEvent } from './bus';

/** What moved a window's coverage (在岗 / 空岗). */
export enum CoverageChange {
  /** 离岗: somebody left the post (leavePost). */
  LEFT_POST = 'LEFT_POST',
  /** Back on post (returnToPost). */
  RETURNED_TO_POST = 'RETURNED_TO_POST',
  /** A planned absence (请假, 培训, 出差) was scheduled, with its covers (替岗). */
  ABSENCE_SCHEDULED = 'ABSENCE_SCHEDULED',
  ABSENCE_CANCELLED = 'ABSENCE_CANCELLED',
  /** The window was opened or closed (准入准出), or created. */
  WINDOW_STATUS = 'WINDOW_STATUS',
  /** Its A and B posts (AB岗) were assigned anew. */
  POSTS_ASSIGNED = 'POSTS_ASSIGNED',
  /** Somebody on its posts was deactivated or moved away. */
  STAFF_RELEASED = 'STAFF_RELEASED',
}

/** What a supervision alert is about. */
export enum SupervisionAlertKind {
  /** 黄牌: a case with at most one working day left. */
  CASE_YELLOW = 'CASE_YELLOW',
  /** 红牌: a case past its deadline. */
  CASE_RED = 'CASE_RED',
  /** A collaboration-ticket step past due. */
  TICKET_STEP_LATE = 'TICKET_STEP_LATE',
  /** 投诉超期: a complaint past its reply deadline. */
  COMPLAINT_LATE = 'COMPLAINT_LATE',
  /** A new supervision notice (督办). */
  SUPERVISION_NOTICE = 'SUPERVISION_NOTICE',
}

export interface SupervisionAlert {
  kind: SupervisionAlertKind;
  /** The tenant the alert belongs to (whose screens see it), by id and 行政区划代码. */
  tenantId: number;
  tenantCode: string;
  /** What it is about: a Node type (`Application`, `TicketStep`, `Complaint`, …) and its database id. */
  subject: { type: string; id: number };
  /** When it happened (the case turned red, the notice was issued). */
  at: Date;
  /** A short reason for the screen, such as `超期 2 个工作日`. At most 200 characters are kept. */
  reason: string;
}

/**
 * Publishes a supervision alert to the `supervisionAlertRaised` subscribers of its tenant
 * (and of the city and province above it that subscribe with their own code), on every
 * instance. Give the Db of the writing transaction when there is one: the alert goes out
 * when it commits, and not at all if it rolls back; outside one it goes out at once.
 * The periodic supervision check calls this for each case that turns YELLOW or RED, each
 * late step or complaint and each notice it creates (once per instance that creates the
 * row, which the unique keys make exactly one).
 */
export function publishSupervisionAlert(events: EventBus, db: Db | null, alert: SupervisionAlert): void {
  const event: SupervisionAlertEvent = {
    tenantId: alert.tenantId,
    tenantCode: alert.tenantCode,
    at: alert.at.toISOString(),
    kind: alert.kind,
    subjectType: alert.subject.type,
    subjectId: alert.subject.id,
    reason: alert.reason.slice(0, 200),
  };
  const send = () => events.publish('supervisionAlertRaised', event);
  if (db) db.afterCommit(send);
  else send();
}

export interface WindowCoverage {
  windowId: number;
  empty: boolean;
  cause: string | null;
}

/** The windows whose coverage a transaction recomputed, published when it commits (windows/empty-posts.ts). */
export function publishWindowCoverage(
  events: EventBus,
  db: Db,
  tenant: { id: number; code: string },
  change: CoverageChange,
  at: Date,
  windows: WindowCoverage[],
): void {
  db.afterCommit(() => {
    for (const window of windows) {
      const event: WindowCoverageEvent = { tenantId: tenant.id, tenantCode: tenant.code, at: at.toISOString(), change, ...window };
      events.publish('windowCoverageChanged', event);
    }
  });
}
