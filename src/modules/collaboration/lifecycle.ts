import { Message } from '../../graphql/language';
import { TicketAction, TicketSide, TicketStatus, TicketStep, TicketStepKind } from './entities';
import { collaborationMessages as m } from './messages';

export interface TicketRule {
  /** The sides whose windows act, each with the ticket states it may start from. */
  by: Partial<Record<TicketSide, TicketStatus[]>>;
  /** What the ticket's steps must show first, and why not when they do not. */
  needs?: { holds(steps: TicketStep[]): boolean; otherwise: Message };
}

/** A step neither done nor cancelled. */
const isOpen = (step: TicketStep) => step.doneAt === null && step.cancelledAt === null;
const open = (kind: TicketStepKind) => (steps: TicketStep[]) => steps.some((s) => s.kind === kind && isOpen(s));
const S = TicketStatus;
/** From the forward on (进入审批部门办理环节) until the end: paper materials travel then, never while the ticket is returned. */
const AT_DEPARTMENT = [S.FORWARDED, S.DECIDED, S.RESULT_SENT, S.COMPLETED];

/**
 * The ticket's life cycle (乌海 机制 第五条–第七条): who acts from which state. The
 * mutations check it, and `viewerCan` is derived from it.
 */
export const TICKET_RULES: Record<TicketAction, TicketRule> = {
  // 第五条 the receiving window before the push, 第六条 the handling window before the forward.
  RECORD_ASSISTED_CHECK: { by: { RECEIVING: [S.DRAFT, S.RETURNED], HANDLING: [S.PUSHED] } },
  PUSH: { by: { RECEIVING: [S.DRAFT, S.RETURNED] } },
  // 第六条: returned at re-check, or by the department after the forward.
  RETURN: { by: { HANDLING: [S.PUSHED, S.FORWARDED] } },
  FORWARD: { by: { HANDLING: [S.PUSHED] } },
  UPLOAD_RESULT: { by: { HANDLING: [S.FORWARDED] } },
  MAIL_RESULT: { by: { HANDLING: [S.DECIDED] } },
  // 第七条: the certificate mailed to the receiving centre, which hands it over.
  HAND_OVER_RESULT: { by: { RECEIVING: [S.RESULT_SENT] } },
  MAIL_MATERIALS: {
    by: { RECEIVING: AT_DEPARTMENT },
    needs: { holds: open(TicketStepKind.MAIL_MATERIALS), otherwise: m.noMaterialsToMail },
  },
  RECEIVE_MATERIALS: {
    by: { HANDLING: AT_DEPARTMENT },
    needs: {
      holds: (steps) =>
        steps.some((s) => s.kind === TicketStepKind.MAIL_MATERIALS && s.doneAt !== null) && !steps.some((s) => s.kind === TicketStepKind.HAND_OVER_MATERIALS),
      otherwise: m.noMaterialsMailed,
    },
  },
  HAND_OVER_MATERIALS: {
    by: { HANDLING: AT_DEPARTMENT },
    needs: { holds: open(TicketStepKind.HAND_OVER_MATERIALS), otherwise: m.noMaterialsToHandOver },
  },
  // A ticket the receiving centre abandons before the handling side holds it.
  CANCEL: { by: { RECEIVING: [S.DRAFT, S.RETURNED] } },
};
