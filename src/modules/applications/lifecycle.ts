import { Role } from '../../auth/roles';
import { ApplicationStatus } from './entities';

const S = ApplicationStatus;

/** Statuses in which the deadline clock runs. */
export const OPEN_STATUSES = [S.ACCEPTED, S.UNDER_REVIEW];
/** Statuses after a decision, whose light says whether it came in time. */
export const DECIDED_STATUSES = [S.APPROVED, S.DENIED, S.RESULT_READY, S.DELIVERED];

/**
 * Who acts on a case: the receiving side (any window clerk of the tenant), the
 * implementing department's approvers, a joint department's approvers, or the
 * centre admin.
 */
export type Actor = 'WINDOW' | 'IMPLEMENTING_APPROVER' | 'JOINT_APPROVER' | 'CENTRE_ADMIN';

export const ACTOR_ROLE: Record<Actor, Role> = {
  WINDOW: Role.WINDOW_STAFF,
  IMPLEMENTING_APPROVER: Role.APPROVER,
  JOINT_APPROVER: Role.APPROVER,
  CENTRE_ADMIN: Role.CENTRE_ADMIN,
};

export interface Step {
  from: ApplicationStatus[];
  actor: Actor;
}

/** The life cycle (DESIGN.md §2): every action, the states it may start from, and who may take it. */
export const STEPS = {
  ACCEPT: { from: [S.SUBMITTED], actor: 'WINDOW' },
  REFUSE: { from: [S.SUBMITTED], actor: 'WINDOW' },
  START_REVIEW: { from: [S.ACCEPTED], actor: 'IMPLEMENTING_APPROVER' },
  JOINT_OPINION: { from: [S.UNDER_REVIEW], actor: 'JOINT_APPROVER' },
  REPORT: { from: [S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  REPORT_REPLY: { from: [S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  APPROVE: { from: [S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  DENY: { from: [S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  SUSPEND: { from: [S.ACCEPTED, S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  RESUME: { from: [S.SUSPENDED], actor: 'IMPLEMENTING_APPROVER' },
  EXTEND: { from: [S.ACCEPTED, S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  RESULT_READY: { from: [S.APPROVED, S.DENIED], actor: 'WINDOW' },
  DELIVER: { from: [S.RESULT_READY], actor: 'WINDOW' },
  REQUEST_WITHDRAWAL: { from: [S.SUBMITTED, S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED], actor: 'WINDOW' },
  DECIDE_WITHDRAWAL: { from: [S.SUBMITTED, S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED], actor: 'CENTRE_ADMIN' },
} satisfies Record<string, Step>;

export type Action = keyof typeof STEPS | 'RECEIVE';
