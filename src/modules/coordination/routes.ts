import { Viewer } from '../../auth/viewer';
import { Role } from '../../auth/roles';
import { ConflictError, ForbiddenError } from '../../graphql/errors';
import { Department, DepartmentKind } from '../tenancy/entities';
import { CoordinationPointKind, CoordinationSide, WorkArea, WorkItem, WorkItemKind, WorkItemStatus } from './entities';
import { coordinationMessages as m } from './messages';

/**
 * 鞍山 衔接 二、衔接方式: who registers each kind of work item, where it starts, and which
 * departments it passes through. Pure rules: the service reads, these decide.
 */

/** The person taking a step, with their department (its kind says which side they are on). */
export interface Actor {
  viewer: Viewer;
  department: Department;
}

export const isBureauLeader = (actor: Actor): boolean => actor.viewer.roles.has(Role.LEADER) && actor.department.kind === DepartmentKind.APPROVAL_BUREAU;
export const isCentreLeader = (actor: Actor): boolean => actor.viewer.roles.has(Role.LEADER) && actor.department.kind === DepartmentKind.CENTRE;

/** The routing points of the centre; a route that needs one the centre has not named cannot start. */
export type Points = ReadonlyMap<CoordinationPointKind, number>;

function point(points: Points, kind: CoordinationPointKind): number {
  const id = points.get(kind);
  if (id === undefined) throw new ConflictError(m.noPoint(kind));
  return id;
}

/** Where a newly registered item starts and whom it concerns. */
export interface Start {
  status: WorkItemStatus;
  originSide: CoordinationSide;
  bureauContactDepartmentId: number | null;
  centreContactDepartmentId: number | null;
  organiserDepartmentId: number;
  area: WorkArea | null;
}

const refuse = (kind: WorkItemKind): never => {
  throw new ForbiddenError(m.registeredBy(kind));
};

/**
 * The start of each route. `assigned` are the distinct departments named at registration
 * (a meeting decision's, an urgent task's).
 */
export function startOf(kind: WorkItemKind, actor: Actor, points: Points, assigned: readonly number[], area: WorkArea | null): Start {
  const own = actor.department;
  const bureau = own.kind === DepartmentKind.APPROVAL_BUREAU;
  const base = { bureauContactDepartmentId: null, centreContactDepartmentId: null, area };
  switch (kind) {
    // 二.1 局办公室 registers, 局主要领导批示, 中心主要领导阅示, the centre carries out;
    // 二.3 局办公室 drafts, a bureau leader approves, 党政群工作部 reports to a centre leader and organises.
    case WorkItemKind.SUPERIOR_DOCUMENT:
    case WorkItemKind.BUREAU_NOTICE: {
      const office = point(points, CoordinationPointKind.BUREAU_OFFICE);
      if (own.id !== office) refuse(kind);
      const general = point(points, CoordinationPointKind.CENTRE_GENERAL_OFFICE);
      return { ...base, status: WorkItemStatus.AWAITING_INSTRUCTION, originSide: CoordinationSide.BUREAU, bureauContactDepartmentId: office, centreContactDepartmentId: general, organiserDepartmentId: general };
    }
    // 二.2 局相关科室与中心相关部门负责同志直接对接: the registering section organises.
    case WorkItemKind.MEETING_DECISION:
      if (!bureau) refuse(kind);
      return { ...base, status: WorkItemStatus.IN_PROGRESS, originSide: CoordinationSide.BUREAU, bureauContactDepartmentId: own.id, organiserDepartmentId: own.id };
    // 二.4 several centre departments: 局办公室 ↔ 党政群工作部; one: the bureau section ↔ that department.
    case WorkItemKind.URGENT_TASK: {
      if (!bureau) refuse(kind);
      if (assigned.length > 1) {
        const office = point(points, CoordinationPointKind.BUREAU_OFFICE);
        if (own.id !== office) throw new ForbiddenError(m.urgentSeveral);
        const general = point(points, CoordinationPointKind.CENTRE_GENERAL_OFFICE);
        return { ...base, status: WorkItemStatus.IN_PROGRESS, originSide: CoordinationSide.BUREAU, bureauContactDepartmentId: office, centreContactDepartmentId: general, organiserDepartmentId: general };
      }
      return { ...base, status: WorkItemStatus.IN_PROGRESS, originSide: CoordinationSide.BUREAU, bureauContactDepartmentId: own.id, centreContactDepartmentId: assigned[0], organiserDepartmentId: assigned[0] };
    }
    // 二.5 中心领导与局领导直接协调, or 中心相关部门负责同志与局办公室直接对接; the bureau office organises.
    case WorkItemKind.CENTRE_REQUEST: {
      if (own.kind !== DepartmentKind.CENTRE) refuse(kind);
      const office = point(points, CoordinationPointKind.BUREAU_OFFICE);
      const status = isCentreLeader(actor) ? WorkItemStatus.AWAITING_INSTRUCTION : WorkItemStatus.AWAITING_ASSIGNMENT;
      return { ...base, status, originSide: CoordinationSide.CENTRE, bureauContactDepartmentId: office, centreContactDepartmentId: own.id, organiserDepartmentId: office };
    }
    // 三.5 谁提出，谁组织: a bureau section's proposal, 局业务协调科; a stationed window's (or the centre's), 中心业务协调部.
    case WorkItemKind.CONSULTATION: {
      const consultation = { ...base, status: WorkItemStatus.AWAITING_CONSULTATION, area: area ?? WorkArea.APPROVAL_COORDINATION };
      if (bureau) {
        const organiser = point(points, CoordinationPointKind.BUREAU_COORDINATION);
        return { ...consultation, originSide: CoordinationSide.BUREAU, bureauContactDepartmentId: organiser, organiserDepartmentId: organiser };
      }
      if (own.kind !== DepartmentKind.CENTRE && own.kind !== DepartmentKind.FUNCTIONAL) refuse(kind);
      const organiser = point(points, CoordinationPointKind.CENTRE_COORDINATION);
      return { ...consultation, originSide: CoordinationSide.CENTRE, centreContactDepartmentId: organiser, organiserDepartmentId: organiser };
    }
  }
}

/** Kinds that name their assignees when registered (二.2, 二.4). */
export const ASSIGNED_AT_REGISTRATION = [WorkItemKind.MEETING_DECISION, WorkItemKind.URGENT_TASK];

/** Which departments may carry out an item of this kind: the sides its route names. */
export function assignableKinds(kind: WorkItemKind): DepartmentKind[] {
  switch (kind) {
    case WorkItemKind.MEETING_DECISION:
      return [DepartmentKind.APPROVAL_BUREAU, DepartmentKind.CENTRE];
    case WorkItemKind.CONSULTATION:
      return [DepartmentKind.APPROVAL_BUREAU, DepartmentKind.CENTRE, DepartmentKind.FUNCTIONAL];
    case WorkItemKind.CENTRE_REQUEST:
      return [DepartmentKind.APPROVAL_BUREAU];
    default:
      return [DepartmentKind.CENTRE];
  }
}

/** After the bureau leader's 批示 (二.1), approval (二.3) or coordination (二.5). */
export function afterInstruction(item: WorkItem): WorkItemStatus {
  if (item.kind === WorkItemKind.BUREAU_NOTICE) return WorkItemStatus.AWAITING_REPORT;
  if (item.kind === WorkItemKind.CENTRE_REQUEST) return WorkItemStatus.AWAITING_ASSIGNMENT;
  return WorkItemStatus.AWAITING_READING;
}

export function mustBeBureauLeader(actor: Actor): void {
  if (!isBureauLeader(actor)) throw new ForbiddenError(m.bureauLeaderOnly);
}

export function mustBeCentreLeader(actor: Actor): void {
  if (!isCentreLeader(actor)) throw new ForbiddenError(m.centreLeaderOnly);
}

export function mustBeOrganiser(actor: Actor, item: WorkItem): void {
  if (actor.department.id !== item.organiserDepartmentId) throw new ForbiddenError(m.organiserOnly);
}
