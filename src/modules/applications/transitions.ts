/** The life cycle of a case after intake: one transition function and the steps built on it. */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole, requireViewer } from '../../auth/guards';
import { Viewer } from '../../auth/viewer';
import { AppError, BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import { DEFAULT_SUPPLEMENT_DAYS, Matter, MatterAcceptor, MatterCategory } from '../matters/entities';
import * as windows from '../windows/service';
import { Role } from '../../auth/roles';
import * as calendar from '../calendar/service';
import { Application, ApplicationStatus, Decision, DeliveryMethod, JointOpinion, NotAcceptedReason, NoticeItem, SuspensionKind } from './entities';
import {
  AcceptApplicationInput,
  ApplicationVersionInput,
  DecideWithdrawalInput,
  DeliverApplicationInput,
  ExtendApplicationInput,
  JointOpinionInput,
  NoteInput,
  ReasonInput,
  RefuseApplicationInput,
  ReportInput,
  ReportReplyInput,
  ReopenJointOpinionInput,
  RequestSupplementInput,
  SupplementApplicationInput,
  SuspendApplicationInput,
} from './inputs';
import { Action, ACTOR_ROLES, Step, StepName, STEPS, WITHDRAWABLE } from './lifecycle';
import { recordCaseChange } from './rollups';
import { applications, deadlineOf, Due, dueFields, legalDeadlineOf, recordEvent, S } from './service';
import { requireText } from '../../validation/text';
import { messages, nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { applicationMessages as m } from './messages';

interface TransitionContext {
  ctx: RequestContext;
  db: Db;
  application: Application;
  matter: Matter;
  viewer: Viewer;
  now: Date;
  calendar: calendar.WorkingCalendar;
}

interface Transition {
  action: StepName;
  input: ApplicationVersionInput;
  /** The event's note; a function when the check works it out. */
  note?: string | (() => string);
  /** Further conditions, checked inside the transaction. */
  check?(t: TransitionContext): Promise<void> | void;
  /** The changes, with `status` when the state moves. */
  apply(t: TransitionContext): Partial<Application> | Promise<Partial<Application>>;
}

/**
 * 受理 is the acceptor's (鞍山 规范 四(二)): for `acceptedBy: APPROVER` matters the
 * implementing department's approvers; otherwise window staff holding a post (A, B, a
 * current replacement, or chief representative) at the receiving window or a window
 * serving the matter. Returns why not, or null.
 */
async function acceptorRefusal(ctx: RequestContext, viewer: Viewer, application: Application, matter: Matter, now: Date): Promise<AppError | null> {
  if (matter.acceptedBy === MatterAcceptor.APPROVER) {
    if (!viewer.roles.has(Role.APPROVER) || viewer.departmentId !== application.departmentId) {
      return new ForbiddenError(m.approversAccept);
    }
    return null;
  }
  if (!viewer.roles.has(Role.WINDOW_STAFF)) return new ForbiddenError(m.windowStaffAccept);
  const places = [application.receivingWindowId, ...(await windows.windowsServingMatter(ctx, matter.id)).map((w) => w.id)];
  if ((await windows.windowsStaffedBy(ctx, viewer.userId, [...new Set(places)], now)).length === 0) {
    return new ForbiddenError(m.postedStaffAccept);
  }
  return null;
}

/**
 * A module that moves cases with something larger (a collaboration ticket moves its two
 * cases) refuses the steps of a case's own life cycle that belong to it: asked by
 * stepRefusal, so by the mutations and `viewerCan` alike.
 */
export type CaseStepGuard = (ctx: RequestContext, application: Application, action: StepName) => Promise<AppError | null>;
const caseStepGuards: CaseStepGuard[] = [];

export function guardCaseSteps(guard: CaseStepGuard): void {
  caseStepGuards.push(guard);
}

/**
 * Whether the viewer may take `action` on the case now, by the life-cycle table: the
 * role, the actor's department or post, the own tenant, and the state. Returns why not
 * (FORBIDDEN or CONFLICT), or null. The mutations and `viewerCan` both ask this.
 */
async function stepRefusal(ctx: RequestContext, action: StepName, viewer: Viewer, application: Application, matter: Matter, now: Date): Promise<AppError | null> {
  const { actor, from } = STEPS[action] as Step;
  if (!ACTOR_ROLES[actor].some((role) => viewer.roles.has(role))) return new ForbiddenError(messages.requiresRoles(ACTOR_ROLES[actor]));
  if (viewer.tenantId !== application.tenantId) return new ForbiddenError(m.ownCentreCases);
  if (actor === 'ACCEPTOR') {
    const refusal = await acceptorRefusal(ctx, viewer, application, matter, now);
    if (refusal) return refusal;
  }
  if (actor === 'IMPLEMENTING_APPROVER' && viewer.departmentId !== application.departmentId) {
    return new ForbiddenError(m.implementingApprovers);
  }
  if (actor === 'JOINT_APPROVER' && !matter.jointDepartmentIds.map(Number).includes(viewer.departmentId)) {
    return new ForbiddenError(m.jointApprovers);
  }
  if (!from.includes(application.status)) {
    return new ConflictError(m.notInStatus(action, application.status), { status: application.status });
  }
  for (const guard of caseStepGuards) {
    const refusal = await guard(ctx, application, action);
    if (refusal) return refusal;
  }
  return null;
}

/** `viewerCan`: the steps the viewer may take on the case now, in the table's order. */
export async function allowedSteps(ctx: RequestContext, application: Application): Promise<StepName[]> {
  const viewer = ctx.viewer;
  if (!viewer) return [];
  const matter = await matters.loadMatter(ctx, application.matterId);
  if (!matter) return [];
  const now = ctx.now();
  const names = Object.keys(STEPS) as StepName[];
  const refusals = await Promise.all(names.map((name) => stepRefusal(ctx, name, viewer, application, matter, now)));
  return names.filter((_, i) => refusals[i] === null);
}

/**
 * A module that follows cases (a collaboration ticket follows its two cases) hears of
 * every step taken on a case, in the step's transaction, with the case before and after.
 */
export type CaseStepListener = (ctx: RequestContext, db: Db, before: Application, after: Application, action: StepName) => Promise<void>;
const caseStepListeners: CaseStepListener[] = [];

export function onCaseStep(listener: CaseStepListener): void {
  caseStepListeners.push(listener);
}

/**
 * One transition of the life cycle, in one transaction: the case is read in scope
 * (another tenant's is NOT_FOUND), the step checked against the table (FORBIDDEN for the
 * wrong actor, CONFLICT naming the current state), then the version (CONFLICT), the
 * change applied by a conditional UPDATE (so of two racing clerks one wins), the 数据统计
 * rollups moved, and the event written.
 */
async function transition(ctx: RequestContext, spec: Transition): Promise<Application> {
  const step = STEPS[spec.action];
  const viewer = requireRole(ctx, ...ACTOR_ROLES[step.actor]);
  const id = decodeGlobalIdOf('Application', spec.input.id, 'input.id');
  return ctx.db.transaction(async (db) => {
    const application = await applications(db).getById(id, nouns.application);
    applications(db).assertWritable(application);
    const matter = await matters.loadMatter(ctx, application.matterId);
    if (!matter) throw new NotFoundError(nouns.matter);
    const refusal = await stepRefusal(ctx, spec.action, viewer, application, matter, ctx.now());
    if (refusal) throw refusal;
    if (application.version !== spec.input.version) {
      throw new ConflictError(m.caseStale, { field: 'version', status: application.status });
    }
    const tenant = await tenancy.loadTenant(ctx, application.tenantId);
    const t: TransitionContext = { ctx, db, application, matter, viewer, now: ctx.now(), calendar: await calendar.calendarOf(ctx, tenant!) };
    await spec.check?.(t);
    const changes = await spec.apply(t);
    await applications(db).updateVersioned(application, spec.input.version, changes);
    await recordCaseChange(db, t.calendar, application, { ...application, ...changes });
    const note = typeof spec.note === 'function' ? spec.note() : (spec.note ?? '');
    await recordEvent(db, application, spec.action, application.status, changes.status ?? application.status, viewer, t.now, note);
    const after = await applications(db).getById(id);
    for (const listener of caseStepListeners) await listener(ctx, db, application, after, spec.action);
    return after;
  });
}

async function materialNames(ctx: RequestContext, matter: Matter): Promise<Map<number, { name: string; required: boolean }>> {
  return new Map((await matters.materialsOf(ctx, matter)).map((material) => [material.id, { name: material.name, required: material.required }]));
}

function decodeMaterials(ids: string[], field: string): number[] {
  return ids.map((id) => decodeGlobalIdOf('MaterialRequirement', id, field));
}

/** 一次性告知: every required material not handed in, and every one found invalid, at once. */
function oneTimeNotice(required: Map<number, { name: string; required: boolean }>, provided: number[], invalid: { materialId: number; note: string }[]): NoticeItem[] {
  const missing = [...required].filter(([id, m]) => m.required && !provided.includes(id)).map(([, m]) => ({ material: m.name, problem: 'MISSING' as const, note: '' }));
  const wrong = invalid.map((i) => ({ material: required.get(i.materialId)!.name, problem: 'INVALID' as const, note: i.note.trim() }));
  return [...missing, ...wrong];
}

/** The materials handed in so far, with those just named. */
function handedIn(application: Application, provided: number[]): number[] {
  return [...new Set([...(application.providedMaterialIds ?? []), ...provided])].sort((a, b) => a - b);
}

function assertMaterialsOfMatter(list: Map<number, unknown>, ids: number[], field: string): void {
  const foreign = ids.find((id) => !list.has(id));
  if (foreign !== undefined) throw new BadUserInputError(m.materialOfAnotherMatter(field.replace('input.', '')), field);
}

/** 受理: accepted only with every required material; the deadline starts now. */
export async function acceptApplication(ctx: RequestContext, input: AcceptApplicationInput): Promise<Application> {
  const provided = decodeMaterials(input.providedMaterialIds, 'input.providedMaterialIds');
  return transition(ctx, {
    action: 'ACCEPT',
    input,
    async check({ matter }) {
      const list = await materialNames(ctx, matter);
      assertMaterialsOfMatter(list, provided, 'input.providedMaterialIds');
      const notice = oneTimeNotice(list, provided, []);
      if (notice.length > 0) {
        throw new BadUserInputError(m.materialsMissing(notice.map((n) => n.material)), 'input.providedMaterialIds');
      }
    },
    apply: ({ application, matter, now, calendar: workingCalendar }) => ({
      status: S.ACCEPTED,
      acceptedAt: now,
      providedMaterialIds: handedIn(application, provided),
      ...deadlineOf(ctx, workingCalendar, matter, now),
    }),
  });
}

/**
 * 补正 with the one-time notice (一次性告知, 鞍山 规范 四(二) "不合格的指导办事人补正材料"):
 * every missing and invalid material at once, and the deadline to hand them in.
 */
export async function requestSupplement(ctx: RequestContext, input: RequestSupplementInput): Promise<Application> {
  const provided = decodeMaterials(input.providedMaterialIds, 'input.providedMaterialIds');
  const invalid = input.invalidMaterials.map((i) => ({ materialId: decodeGlobalIdOf('MaterialRequirement', i.materialId, 'input.invalidMaterials'), note: i.note }));
  let notice: NoticeItem[] = [];
  return transition(ctx, {
    action: 'REQUEST_SUPPLEMENT',
    input,
    note: input.note,
    async check({ matter }) {
      const list = await materialNames(ctx, matter);
      assertMaterialsOfMatter(list, [...provided, ...invalid.map((i) => i.materialId)], 'input.providedMaterialIds');
      notice = oneTimeNotice(list, provided, invalid);
      if (notice.length === 0) throw new BadUserInputError(m.nothingMissing, 'input.providedMaterialIds');
    },
    apply: ({ application, matter, now, calendar: workingCalendar }) => ({
      status: S.AWAITING_SUPPLEMENT,
      oneTimeNotice: notice,
      providedMaterialIds: handedIn(application, provided),
      supplementDueAt: workingCalendar.deadline(now, matter.supplementDays ?? DEFAULT_SUPPLEMENT_DAYS),
    }),
  });
}

/** 补件 at the window (锦州 第二条(一)): the materials now handed in; the case is examined again. */
export async function supplementApplication(ctx: RequestContext, input: SupplementApplicationInput): Promise<Application> {
  const provided = decodeMaterials(input.providedMaterialIds, 'input.providedMaterialIds');
  let names = '';
  return transition(ctx, {
    action: 'SUPPLEMENT',
    input,
    note: () => names,
    async check({ matter }) {
      if (provided.length === 0) throw new BadUserInputError(m.nameHandedIn, 'input.providedMaterialIds');
      const list = await materialNames(ctx, matter);
      assertMaterialsOfMatter(list, provided, 'input.providedMaterialIds');
      names = provided.map((id) => list.get(id)!.name).join('、');
    },
    apply: ({ application }) => ({ status: S.SUBMITTED, supplementDueAt: null, providedMaterialIds: handedIn(application, provided) }),
  });
}

/** 逾期未补正: after the supplement deadline the case is closed as not accepted. */
export function closeLapsedSupplement(ctx: RequestContext, input: ApplicationVersionInput): Promise<Application> {
  return transition(ctx, {
    action: 'CLOSE_LAPSED_SUPPLEMENT',
    input,
    note: NotAcceptedReason.SUPPLEMENT_LAPSED,
    check({ application, now }) {
      if (now <= application.supplementDueAt!) {
        throw new ConflictError(m.supplementNotLapsed(application.supplementDueAt!.toISOString()), { status: application.status });
      }
    },
    apply: () => ({ status: S.NOT_ACCEPTED, notAcceptedReason: NotAcceptedReason.SUPPLEMENT_LAPSED }),
  });
}

/** 不予受理: outside the matter's scope or conditions, with the reason; final. */
export function refuseApplication(ctx: RequestContext, input: RefuseApplicationInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 1000);
  return transition(ctx, {
    action: 'REFUSE',
    input,
    note: reason,
    apply: () => ({ status: S.NOT_ACCEPTED, notAcceptedReason: NotAcceptedReason.OUT_OF_SCOPE }),
  });
}

export function startReview(ctx: RequestContext, input: ApplicationVersionInput): Promise<Application> {
  return transition(ctx, { action: 'START_REVIEW', input, apply: () => ({ status: S.UNDER_REVIEW }) });
}

const opinionsOf = (db: Db, application: Application) => db.scoped(JointOpinion).query('o').andWhere('o.applicationId = :id', { id: application.id }).getMany();

/** 联办件: a joint department's opinion; a dissent is kept on the timeline even if reopened. */
export function recordJointOpinion(ctx: RequestContext, input: JointOpinionInput): Promise<Application> {
  const note = input.note.trim();
  return transition(ctx, {
    action: 'JOINT_OPINION',
    input,
    note: `${input.agrees ? '同意' : '不同意'}${note ? `: ${note}` : ''}`,
    async check({ db, application, viewer }) {
      if ((await opinionsOf(db, application)).some((o) => o.departmentId === viewer.departmentId)) {
        throw new ConflictError(m.opinionGiven, { status: application.status });
      }
    },
    async apply({ db, application, viewer }) {
      await db.scoped(JointOpinion).insertMany([{ tenantId: application.tenantId, applicationId: application.id, departmentId: viewer.departmentId, agrees: input.agrees, note, actorId: viewer.userId }]);
      return {};
    },
  });
}

/**
 * 联办件: the implementing department asks a dissenting department to review again; its
 * opinion is reopened (it gives a new one), the earlier one stays on the timeline.
 */
export function reopenJointOpinion(ctx: RequestContext, input: ReopenJointOpinionInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 500);
  const departmentId = decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId');
  let departmentName = '';
  return transition(ctx, {
    action: 'REOPEN_JOINT_OPINION',
    input,
    note: () => `${departmentName}: ${reason}`,
    async check({ db, application }) {
      const dissent = (await opinionsOf(db, application)).find((o) => o.departmentId === departmentId && !o.agrees);
      if (!dissent) throw new BadUserInputError(m.noDissent, 'input.departmentId');
      departmentName = (await tenancy.loadDepartment(ctx, departmentId))?.name ?? '';
    },
    async apply({ db, application }) {
      await db.scoped(JointOpinion).deleteWhere({ applicationId: application.id, departmentId });
      return {};
    },
  });
}

/**
 * 上报件 (锦州 第四条(四)): the centre's 同意申报 opinion goes up; its own clock ends here
 * and the case waits for the higher authority.
 */
export function recordReport(ctx: RequestContext, input: ReportInput): Promise<Application> {
  const reportedTo = requireText(input.reportedTo, 'input.reportedTo', 200);
  return transition(ctx, {
    action: 'REPORT',
    input,
    note: reportedTo,
    check({ matter, application }) {
      if (matter.category !== MatterCategory.REPORTED) throw new ConflictError(m.reportedOnly, { status: application.status });
    },
    apply: ({ now }) => ({ status: S.REPORTED_UP, reportedTo, reportedAt: now, reportReply: null, reportRepliedAt: null }),
  });
}

export function recordReportReply(ctx: RequestContext, input: ReportReplyInput): Promise<Application> {
  const reply = requireText(input.reply, 'input.reply', 1000);
  return transition(ctx, {
    action: 'REPORT_REPLY',
    input,
    note: reply,
    check({ application }) {
      if (application.reportReply) throw new ConflictError(m.alreadyReplied, { status: application.status });
    },
    apply: ({ now }) => ({ reportReply: reply, reportRepliedAt: now }),
  });
}

/**
 * A decision needs, for 联办件, every joint department's agreement (锦州 第四条(三) 会审一致通过):
 * a dissent blocks approval, naming the department; the implementing department may then
 * deny, or reopen the dissent. For 上报件 it needs the higher authority's reply.
 */
async function assertDecidable({ ctx, db, application, matter }: TransitionContext, decision: Decision): Promise<void> {
  if (matter.category === MatterCategory.JOINT) {
    const opinions = await opinionsOf(db, application);
    const dissent = opinions.find((o) => !o.agrees);
    if (dissent && decision === Decision.APPROVED) {
      const department = (await tenancy.loadDepartment(ctx, dissent.departmentId))?.name ?? '';
      throw new ConflictError(m.dissent(department), { status: application.status, department });
    }
    const given = new Set(opinions.map((o) => o.departmentId));
    const missing = matter.jointDepartmentIds.map(Number).filter((d) => !given.has(d));
    if (!dissent && missing.length > 0) throw new ConflictError(m.opinionsMissing(missing.length), { status: application.status, missingDepartments: missing.length });
  }
  if (matter.category === MatterCategory.REPORTED && !application.reportReply) {
    throw new ConflictError(m.awaitingReply, { status: application.status });
  }
}

/** For 上报件 the centre's own time ends at the report (锦州 第四条(四)). */
function decided(t: TransitionContext, decision: Decision): Partial<Application> {
  const { acceptedAt, reportedAt } = t.application;
  return {
    status: decision === Decision.APPROVED ? S.APPROVED : S.DENIED,
    decision,
    decidedAt: t.now,
    decisionWorkingDays: acceptedAt ? t.calendar.workingDaysBetween(acceptedAt, reportedAt ?? t.now) : null,
  };
}

export function approveApplication(ctx: RequestContext, input: NoteInput): Promise<Application> {
  return transition(ctx, { action: 'APPROVE', input, note: input.note, check: (t) => assertDecidable(t, Decision.APPROVED), apply: (t) => decided(t, Decision.APPROVED) });
}

export function denyApplication(ctx: RequestContext, input: ReasonInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 1000);
  return transition(ctx, {
    action: 'DENY',
    input,
    note: reason,
    check: (t) => assertDecidable(t, Decision.DENIED),
    apply: (t) => ({ ...decided(t, Decision.DENIED), denialReason: reason }),
  });
}

/** 挂起: the clock stops until the case is resumed. 联合踏勘 is a joint matter's site survey. */
export function suspendApplication(ctx: RequestContext, input: SuspendApplicationInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 500);
  return transition(ctx, {
    action: 'SUSPEND',
    input,
    note: `${input.kind}: ${reason}`,
    check({ matter }) {
      if (input.kind === SuspensionKind.JOINT_SURVEY && matter.category !== MatterCategory.JOINT) {
        throw new BadUserInputError(m.siteSurveyJointOnly, 'input.kind');
      }
    },
    apply: ({ application, now }) => ({ status: S.SUSPENDED, statusBeforeSuspension: application.status, suspendedAt: now }),
  });
}

/** Resuming moves the deadline by the working days the case was suspended. */
export function resumeApplication(ctx: RequestContext, input: ApplicationVersionInput): Promise<Application> {
  return transition(ctx, {
    action: 'RESUME',
    input,
    apply: ({ application, now, calendar: workingCalendar }) => {
      const stopped = Math.max(0, workingCalendar.workingDaysBetween(application.suspendedAt!, now));
      return {
        status: application.statusBeforeSuspension ?? S.UNDER_REVIEW,
        statusBeforeSuspension: null,
        suspendedAt: null,
        suspendedDays: application.suspendedDays + stopped,
        ...dueFields(ctx, workingCalendar, application.acceptedAt!, workingCalendar.deadline(application.dueAt!, stopped)),
      };
    },
  });
}

/**
 * 延期 (鞍山 规范 三 限时办结制 "提前告知当事人延时办理的理由"): only before the deadline has
 * passed, with the reason and how the applicant was told, and never past the legal limit
 * (法定时限) from acceptance. An overdue case stays overdue.
 */
export function extendApplication(ctx: RequestContext, input: ExtendApplicationInput): Promise<Application> {
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 500);
  check.that(Number.isInteger(input.days) && input.days >= 1 && input.days <= 60, 'input.days', m.extensionDays);
  check.done();
  return transition(ctx, {
    action: 'EXTEND',
    input,
    note: `+${input.days} (${input.notifiedBy}): ${reason}`,
    check({ application, matter, now, calendar: workingCalendar }) {
      if (now > application.dueAt!) throw new ConflictError(m.overdue, { status: application.status });
      const latest = legalDeadlineOf(workingCalendar, matter, application);
      if (workingCalendar.deadline(application.dueAt!, input.days) > latest) {
        throw new BadUserInputError(m.beyondLegalLimit(matter.legalLimitDays, workingCalendar.localDate(latest)), 'input.days');
      }
    },
    apply: ({ application, calendar: workingCalendar }) => ({
      ...dueFields(ctx, workingCalendar, application.acceptedAt!, workingCalendar.deadline(application.dueAt!, input.days)),
      extensionDays: application.extensionDays + input.days,
    }),
  });
}

export function markResultReady(ctx: RequestContext, input: ApplicationVersionInput): Promise<Application> {
  return transition(ctx, { action: 'RESULT_READY', input, apply: () => ({ status: S.RESULT_READY }) });
}

export function deliverApplication(ctx: RequestContext, input: DeliverApplicationInput): Promise<Application> {
  const mail = input.method === DeliveryMethod.MAIL;
  const check = new InputCheck();
  const carrier = mail ? check.text(input.carrier ?? '', 'input.carrier', 32) : null;
  const trackingNumber = mail ? check.text(input.trackingNumber ?? '', 'input.trackingNumber', 40) : null;
  check.that(mail || (!input.carrier && !input.trackingNumber), 'input.carrier', m.pickupHasNoCarrier);
  check.done();
  return transition(ctx, {
    action: 'DELIVER',
    input,
    note: mail ? `${carrier} ${trackingNumber}` : '',
    apply: ({ now }) => ({ status: S.DELIVERED, deliveryMethod: input.method, carrier, trackingNumber, deliveredAt: now }),
  });
}

/** 退件 is requested at the window and needs a centre admin's approval. */
export function requestWithdrawal(ctx: RequestContext, input: ReasonInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 500);
  return transition(ctx, {
    action: 'REQUEST_WITHDRAWAL',
    input,
    note: reason,
    check({ application }) {
      if (application.withdrawalReason) throw new ConflictError(m.withdrawalRequested, { status: application.status });
    },
    apply: () => ({ withdrawalReason: reason }),
  });
}

export function decideWithdrawal(ctx: RequestContext, input: DecideWithdrawalInput): Promise<Application> {
  return transition(ctx, {
    action: 'DECIDE_WITHDRAWAL',
    input,
    note: input.approve ? `approved ${input.note}`.trim() : `refused ${input.note}`.trim(),
    check({ application }) {
      if (!application.withdrawalReason) throw new ConflictError(m.noWithdrawal, { status: application.status });
    },
    apply: () => (input.approve ? { status: S.WITHDRAWN } : { withdrawalReason: null }),
  });
}

// ---- cases that move with a collaboration ticket (乌海 机制 第五条–第七条) ----------------------

interface TicketMove {
  /** The step as the case's timeline shows it. */
  action: Action;
  /** The states it starts from; any other is a CONFLICT naming the case's state. */
  from: ApplicationStatus[];
  note: string;
  apply(t: { application: Application; matter: Matter; now: Date; calendar: calendar.WorkingCalendar }): Partial<Application>;
}

/**
 * A step a collaboration ticket takes on one of its two cases, in the ticket's
 * transaction. `db` is the case's own centre's: the viewer's, or the partner's through
 * the ticket both share (Db.onBehalfOf). The ticket's rules said who acts, so the case's
 * actor rules are not asked; its state, rollups and timeline move as for any step.
 */
async function moveWithTicket(ctx: RequestContext, db: Db, id: number, move: TicketMove): Promise<Application> {
  const viewer = requireViewer(ctx);
  const application = await applications(db).getById(id, nouns.application);
  if (!move.from.includes(application.status)) {
    throw new ConflictError(m.notInStatus(move.action, application.status), { status: application.status });
  }
  // Read in this transaction, under a key of their own: the request's other readers never get a loader bound to it.
  const party = { db, key: `ticket-move:${application.tenantId}` };
  const [matter, tenant] = await Promise.all([matters.loadMatter(ctx, application.matterId, party), tenancy.loadTenant(ctx, application.tenantId, party)]);
  if (!matter || !tenant) throw new NotFoundError(nouns.matter);
  const now = ctx.now();
  const workingCalendar = await calendar.calendarOf(ctx, tenant);
  const changes = move.apply({ application, matter, now, calendar: workingCalendar });
  await applications(db).updateVersioned(application, application.version, changes);
  await recordCaseChange(db, workingCalendar, application, { ...application, ...changes });
  await recordEvent(db, application, move.action, application.status, changes.status ?? application.status, viewer, now, move.note);
  return applications(db).getById(id);
}

/** 受理 at the push (第五条 "1个工作日内完成受理及推送转办"): a case still SUBMITTED is accepted, its deadline starts; one already accepted stays. */
export async function acceptWithTicket(ctx: RequestContext, db: Db, id: number, note: string): Promise<Application> {
  const application = await applications(db).getById(id, nouns.application);
  if (application.status === S.ACCEPTED) return application;
  return moveWithTicket(ctx, db, id, {
    action: 'ACCEPT',
    from: [S.SUBMITTED],
    note,
    apply: ({ matter, now, calendar: workingCalendar }) => ({ status: S.ACCEPTED, acceptedAt: now, ...deadlineOf(ctx, workingCalendar, matter, now) }),
  });
}

/**
 * 退回 (第六条 "一次性告知需补齐补正的要件"): the case waits for the applicant's supplement,
 * with the one-time notice of what to supplement and the matter's supplement deadline; a
 * stopped clock is not resumed.
 */
export function returnWithTicket(ctx: RequestContext, db: Db, id: number, input: { reason: string; missingMaterials: string[] }): Promise<Application> {
  return moveWithTicket(ctx, db, id, {
    action: 'REQUEST_SUPPLEMENT',
    from: [S.SUBMITTED, S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED],
    note: input.reason,
    apply: ({ matter, now, calendar: workingCalendar }) => ({
      status: S.AWAITING_SUPPLEMENT,
      oneTimeNotice: input.missingMaterials.map((material) => ({ material, problem: 'MISSING' as const, note: input.reason })),
      supplementDueAt: workingCalendar.deadline(now, matter.supplementDays ?? DEFAULT_SUPPLEMENT_DAYS),
      statusBeforeSuspension: null,
      suspendedAt: null,
    }),
  });
}

/** The supplement, handed in at the receiving window, reaches the handling case at the next forward. */
export function supplementWithTicket(ctx: RequestContext, db: Db, id: number, note: string): Promise<Application> {
  return moveWithTicket(ctx, db, id, {
    action: 'SUPPLEMENT',
    from: [S.AWAITING_SUPPLEMENT],
    note,
    apply: () => ({ status: S.SUBMITTED, supplementDueAt: null }),
  });
}

/** The receiving case is due when the handling department is (第六条 "按规定、承诺办理时限办结"): one deadline for the applicant. */
export function followDeadlineWithTicket(ctx: RequestContext, db: Db, id: number, due: Due, note: string): Promise<Application> {
  return moveWithTicket(ctx, db, id, { action: 'DEADLINE_MOVED', from: [S.ACCEPTED], note, apply: () => ({ ...due }) });
}

export interface TicketDelivery {
  decision: Decision;
  decidedAt: Date;
  denialReason: string | null;
  method: DeliveryMethod;
  carrier: string | null;
  trackingNumber: string | null;
  note: string;
}

/**
 * 送达 with the ticket (第六条, 第七条): the certificate mailed, or handed over at the
 * receiving centre. The receiving case, still ACCEPTED, is closed with the handling
 * case's decision recorded on it; the handling case, decided, is delivered (once: a
 * case its own window delivered already stays).
 */
export async function deliverWithTicket(ctx: RequestContext, db: Db, id: number, delivery: TicketDelivery): Promise<Application> {
  const application = await applications(db).getById(id, nouns.application);
  if (application.status === S.DELIVERED) return application;
  return moveWithTicket(ctx, db, id, {
    action: 'DELIVER',
    from: [S.ACCEPTED, S.APPROVED, S.DENIED, S.RESULT_READY],
    note: delivery.note,
    apply: ({ application: kase, now, calendar: workingCalendar }) => ({
      status: S.DELIVERED,
      decision: kase.decision ?? delivery.decision,
      decidedAt: kase.decidedAt ?? delivery.decidedAt,
      decisionWorkingDays: kase.decisionWorkingDays ?? (kase.acceptedAt ? workingCalendar.workingDaysBetween(kase.acceptedAt, delivery.decidedAt) : null),
      denialReason: kase.denialReason ?? delivery.denialReason,
      deliveryMethod: delivery.method,
      carrier: delivery.carrier,
      trackingNumber: delivery.trackingNumber,
      deliveredAt: now,
    }),
  });
}

/**
 * A ticket that ends before a decision closes its other case with it: withdrawn (退件 of
 * the receiving case, or a ticket abandoned after a department return), or not accepted
 * when the applicant's supplement lapsed. A case already closed stays.
 */
export async function closeWithTicket(ctx: RequestContext, db: Db, id: number, outcome: 'WITHDRAWN' | 'SUPPLEMENT_LAPSED', note: string): Promise<Application> {
  const application = await applications(db).getById(id, nouns.application);
  if (!WITHDRAWABLE.includes(application.status)) return application;
  return moveWithTicket(ctx, db, id, {
    action: outcome === 'WITHDRAWN' ? 'DECIDE_WITHDRAWAL' : 'CLOSE_LAPSED_SUPPLEMENT',
    from: WITHDRAWABLE,
    note,
    apply: () =>
      outcome === 'WITHDRAWN'
        ? { status: S.WITHDRAWN, withdrawalReason: note.slice(0, 500) }
        : { status: S.NOT_ACCEPTED, notAcceptedReason: NotAcceptedReason.SUPPLEMENT_LAPSED },
  });
}
