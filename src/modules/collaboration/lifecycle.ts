import { Message } from '../../graphql/language';
import { TicketAction, TicketSide, TicketStatus, TicketStep, TicketStepKind } from './entities';
import { collaborationMessages as m } from './messages';

export interface TicketRule {
  /** The side whose window acts. */
  side: TicketSide;
  /** The ticket states it may start from. */
  from: TicketStatus[] | 'ANY';
  /** What the ticket's steps must show first, and why not when they do not. */
  needs?: { holds(steps: TicketStep[]): boolean; otherwise: Message };
}

const open = (kind: TicketStepKind) => (steps: TicketStep[]) => steps.some((s) => s.kind === kind && s.doneAt === null);
const S = TicketStatus;

/**
 * The ticket's life cycle (乌海 机制 第五条–第七条): who acts from which state. The
 * mutations check it, and `viewerCan` is derived from it.
 */
export const TICKET_RULES: Record<TicketAction, TicketRule> = {
  RECORD_ASSISTED_CHECK: { side: TicketSide.RECEIVING, from: [S.DRAFT, S.RETURNED] },
  PUSH: { side: TicketSide.RECEIVING, from: [S.DRAFT, S.RETURNED] },
  RETURN: { side: TicketSide.HANDLING, from: [S.PUSHED] },
  FORWARD: { side: TicketSide.HANDLING, from: [S.PUSHED] },
  UPLOAD_RESULT: { side: TicketSide.HANDLING, from: [S.FORWARDED] },
  MAIL_RESULT: { side: TicketSide.HANDLING, from: [S.DECIDED] },
  MAIL_MATERIALS: {
    side: TicketSide.RECEIVING,
    from: 'ANY',
    needs: { holds: open(TicketStepKind.MAIL_MATERIALS), otherwise: m.noMaterialsToMail },
  },
  RECEIVE_MATERIALS: {
    side: TicketSide.HANDLING,
    from: 'ANY',
    needs: {
      holds: (steps) =>
        steps.some((s) => s.kind === TicketStepKind.MAIL_MATERIALS && s.doneAt !== null) && !steps.some((s) => s.kind === TicketStepKind.HAND_OVER_MATERIALS),
      otherwise: m.noMaterialsMailed,
    },
  },
  HAND_OVER_MATERIALS: {
    side: TicketSide.HANDLING,
    from: 'ANY',
    needs: { holds: open(TicketStepKind.HAND_OVER_MATERIALS), otherwise: m.noMaterialsToHandOver },
  },
};
