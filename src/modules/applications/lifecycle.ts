import { Role } from '../../auth/roles';
import { ApplicationAction, ApplicationStatus } from './entities';

const S = ApplicationStatus;

/** Statuses in which the deadline clock runs and is judged against now. */
export const OPEN_STATUSES = [S.ACCEPTED, S.UNDER_REVIEW];
/** Statuses whose deadline a calendar change moves: the clock runs, or is stopped and will run again. */
export const RUNNING_STATUSES = [S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED];
/** Statuses after a decision, whose light says whether it came in time. */
export const DECIDED_STATUSES = [S.APPROVED, S.DENIED, S.RESULT_READY, S.DELIVERED];
/**
 * 已办结: the case is over for the applicant, who may rate it (好差评): decided (准予 or
 * 不予许可, then 出件 and 送达: `decidedAt` is "办结"), refused at intake (不予受理,
 * final) or withdrawn (退件). Not 上报件: the higher authority still decides.
 */
export const FINISHED_STATUSES = [S.NOT_ACCEPTED, ...DECIDED_STATUSES, S.WITHDRAWN];

/**
 * Who acts on a case: the acceptor (window staff posted at the receiving window or a
 * window serving the matter, or for `acceptedBy: APPROVER` matters the implementing
 * department's approvers), any window clerk of the tenant, the implementing
 * department's approvers, a joint department's approvers, or the centre admin.
 */
export type Actor = 'ACCEPTOR' | 'WINDOW' | 'IMPLEMENTING_APPROVER' | 'JOINT_APPROVER' | 'CENTRE_ADMIN';

export const ACTOR_ROLES: Record<Actor, Role[]> = {
  ACCEPTOR: [Role.WINDOW_STAFF, Role.APPROVER],
  WINDOW: [Role.WINDOW_STAFF],
  IMPLEMENTING_APPROVER: [Role.APPROVER],
  JOINT_APPROVER: [Role.APPROVER],
  CENTRE_ADMIN: [Role.CENTRE_ADMIN],
};

export interface Step {
  from: ApplicationStatus[];
  actor: Actor;
}

/** States a case can still be withdrawn from (退件): before its decision. */
export const WITHDRAWABLE = [S.SUBMITTED, S.AWAITING_SUPPLEMENT, S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED, S.REPORTED_UP];

/** Every action but intake and a moved deadline is a step of the life cycle. */
export type StepName = Exclude<`${ApplicationAction}`, 'RECEIVE' | 'DEADLINE_MOVED'>;

/**
 * The life cycle (DESIGN.md §2): every action, the states it may start from, and who may
 * take it. The mutations check it, and `viewerCan` is derived from it.
 */
export const STEPS = {
  ACCEPT: { from: [S.SUBMITTED], actor: 'ACCEPTOR' },
  REQUEST_SUPPLEMENT: { from: [S.SUBMITTED], actor: 'ACCEPTOR' },
  SUPPLEMENT: { from: [S.AWAITING_SUPPLEMENT], actor: 'WINDOW' },
  CLOSE_LAPSED_SUPPLEMENT: { from: [S.AWAITING_SUPPLEMENT], actor: 'ACCEPTOR' },
  REFUSE: { from: [S.SUBMITTED], actor: 'ACCEPTOR' },
  START_REVIEW: { from: [S.ACCEPTED], actor: 'IMPLEMENTING_APPROVER' },
  JOINT_OPINION: { from: [S.UNDER_REVIEW], actor: 'JOINT_APPROVER' },
  REOPEN_JOINT_OPINION: { from: [S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  REPORT: { from: [S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  REPORT_REPLY: { from: [S.REPORTED_UP], actor: 'IMPLEMENTING_APPROVER' },
  APPROVE: { from: [S.UNDER_REVIEW, S.REPORTED_UP], actor: 'IMPLEMENTING_APPROVER' },
  DENY: { from: [S.UNDER_REVIEW, S.REPORTED_UP], actor: 'IMPLEMENTING_APPROVER' },
  SUSPEND: { from: [S.ACCEPTED, S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  RESUME: { from: [S.SUSPENDED], actor: 'IMPLEMENTING_APPROVER' },
  EXTEND: { from: [S.ACCEPTED, S.UNDER_REVIEW], actor: 'IMPLEMENTING_APPROVER' },
  RESULT_READY: { from: [S.APPROVED, S.DENIED], actor: 'WINDOW' },
  DELIVER: { from: [S.RESULT_READY], actor: 'WINDOW' },
  REQUEST_WITHDRAWAL: { from: WITHDRAWABLE, actor: 'WINDOW' },
  DECIDE_WITHDRAWAL: { from: WITHDRAWABLE, actor: 'CENTRE_ADMIN' },
} satisfies Record<StepName, Step>;

/** Timeline actions: the steps, intake, and a deadline moved by a calendar change. */
export type Action = `${ApplicationAction}`;
