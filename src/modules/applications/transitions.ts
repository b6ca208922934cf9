/** The life cycle of a case after intake: one transition function and the steps built on it. */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole } from '../../auth/guards';
import { Viewer } from '../../auth/viewer';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import { Matter, MatterCategory } from '../matters/entities';
import * as calendar from '../calendar/service';
import { Application, ApplicationStatus, Decision, DeliveryMethod, JointOpinion, NoticeItem } from './entities';
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
  SuspendApplicationInput,
} from './inputs';
import { ACTOR_ROLE, STEPS } from './lifecycle';
import { applications, deadlineOf, recordEvent, S } from './service';
import { requireText } from '../../validation/text';

interface TransitionContext {
  db: Db;
  application: Application;
  matter: Matter;
  viewer: Viewer;
  now: Date;
  calendar: calendar.WorkingCalendar;
}

interface Transition {
  action: keyof typeof STEPS;
  input: ApplicationVersionInput;
  note?: string;
  /** Further conditions, checked inside the transaction. */
  check?(t: TransitionContext): Promise<void> | void;
  /** The changes, with `status` when the state moves. */
  apply(t: TransitionContext): Partial<Application> | Promise<Partial<Application>>;
}

/** Who may act, by the step's actor: a role, and for approvers their department. */
function assertActor(action: keyof typeof STEPS, viewer: Viewer, application: Application, matter: Matter): void {
  const { actor } = STEPS[action];
  if (actor === 'IMPLEMENTING_APPROVER' && viewer.departmentId !== application.departmentId) {
    throw new ForbiddenError('Only approvers of the implementing department decide this case');
  }
  if (actor === 'JOINT_APPROVER' && !matter.jointDepartmentIds.map(Number).includes(viewer.departmentId)) {
    throw new ForbiddenError('Only approvers of a joint department (联办部门) give an opinion');
  }
}

/**
 * One transition of the life cycle, in one transaction: the case is read in scope
 * (another tenant's is NOT_FOUND), the actor checked, the version and the state
 * checked (CONFLICT naming the current state), the change applied by a conditional
 * UPDATE (so of two racing clerks one wins), and the event written.
 */
async function transition(ctx: RequestContext, spec: Transition): Promise<Application> {
  const step = STEPS[spec.action];
  const viewer = requireRole(ctx, ACTOR_ROLE[step.actor]);
  const id = decodeGlobalIdOf('Application', spec.input.id, 'input.id');
  return ctx.db.transaction(async (db) => {
    const application = await applications(db).getById(id, 'Application');
    applications(db).assertWritable(application);
    const matter = await matters.loadMatter(ctx, application.matterId);
    if (!matter) throw new NotFoundError('Matter');
    assertActor(spec.action, viewer, application, matter);
    if (application.version !== spec.input.version) {
      throw new ConflictError('The case was changed by someone else: reload it and try again', { field: 'version', status: application.status });
    }
    if (!(step.from as ApplicationStatus[]).includes(application.status)) {
      throw new ConflictError(`Cannot ${spec.action.toLowerCase().replace(/_/g, ' ')} a case that is ${application.status}`, { status: application.status });
    }
    const tenant = await tenancy.loadTenant(ctx, application.tenantId);
    const t: TransitionContext = { db, application, matter, viewer, now: ctx.now(), calendar: await calendar.calendarOf(ctx, tenant!) };
    await spec.check?.(t);
    const changes = await spec.apply(t);
    await applications(db).updateVersioned(application, spec.input.version, changes);
    await recordEvent(db, application, spec.action, application.status, changes.status ?? application.status, viewer, t.now, spec.note ?? '');
    return applications(db).getById(id);
  });
}

async function materialNames(ctx: RequestContext, matter: Matter): Promise<Map<number, { name: string; required: boolean }>> {
  return new Map((await matters.materialsOf(ctx, matter)).map((m) => [m.id, { name: m.name, required: m.required }]));
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

function assertMaterialsOfMatter(list: Map<number, unknown>, ids: number[], field: string): void {
  const foreign = ids.find((id) => !list.has(id));
  if (foreign !== undefined) throw new BadUserInputError(`"${field.replace('input.', '')}" names a material of another matter`, field);
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
        throw new BadUserInputError(`Required materials missing: ${notice.map((n) => n.material).join('、')}`, 'input.providedMaterialIds');
      }
    },
    apply: ({ matter, now, calendar: workingCalendar }) => ({
      status: S.ACCEPTED,
      acceptedAt: now,
      dueAt: deadlineOf(workingCalendar, matter, now),
    }),
  });
}

/** 不予受理 with the one-time notice. */
export async function refuseApplication(ctx: RequestContext, input: RefuseApplicationInput): Promise<Application> {
  const provided = decodeMaterials(input.providedMaterialIds, 'input.providedMaterialIds');
  const invalid = input.invalidMaterials.map((i) => ({ materialId: decodeGlobalIdOf('MaterialRequirement', i.materialId, 'input.invalidMaterials'), note: i.note }));
  let notice: NoticeItem[] = [];
  return transition(ctx, {
    action: 'REFUSE',
    input,
    note: input.note,
    async check({ matter }) {
      const list = await materialNames(ctx, matter);
      assertMaterialsOfMatter(list, [...provided, ...invalid.map((i) => i.materialId)], 'input.providedMaterialIds');
      notice = oneTimeNotice(list, provided, invalid);
      if (notice.length === 0 && input.note.trim() === '') {
        throw new BadUserInputError('Nothing is missing or invalid: give the reason for not accepting in "note"', 'input.note');
      }
    },
    apply: () => ({ status: S.NOT_ACCEPTED, oneTimeNotice: notice }),
  });
}

export function startReview(ctx: RequestContext, input: ApplicationVersionInput): Promise<Application> {
  return transition(ctx, { action: 'START_REVIEW', input, apply: () => ({ status: S.UNDER_REVIEW }) });
}

export function recordJointOpinion(ctx: RequestContext, input: JointOpinionInput): Promise<Application> {
  return transition(ctx, {
    action: 'JOINT_OPINION',
    input,
    note: input.note,
    async check({ db, application, viewer }) {
      const existing = await db.scoped(JointOpinion).query('o').andWhere('o.applicationId = :id AND o.departmentId = :d', { id: application.id, d: viewer.departmentId }).getOne();
      if (existing) throw new ConflictError('Your department has already given its opinion', { status: application.status });
    },
    async apply({ db, application, viewer }) {
      await db.scoped(JointOpinion).insertMany([{ tenantId: application.tenantId, applicationId: application.id, departmentId: viewer.departmentId, agrees: input.agrees, note: input.note.trim(), actorId: viewer.userId }]);
      return {};
    },
  });
}

export function recordReport(ctx: RequestContext, input: ReportInput): Promise<Application> {
  const reportedTo = requireText(input.reportedTo, 'input.reportedTo', 200);
  return transition(ctx, {
    action: 'REPORT',
    input,
    note: reportedTo,
    check({ matter, application }) {
      if (matter.category !== MatterCategory.REPORTED) throw new ConflictError('Only a REPORTED matter (上报件) is reported to a higher authority', { status: application.status });
    },
    apply: () => ({ reportedTo, reportReply: null }),
  });
}

export function recordReportReply(ctx: RequestContext, input: ReportReplyInput): Promise<Application> {
  const reply = requireText(input.reply, 'input.reply', 1000);
  return transition(ctx, {
    action: 'REPORT_REPLY',
    input,
    note: reply,
    check({ application }) {
      if (!application.reportedTo) throw new ConflictError('The case has not been reported yet', { status: application.status });
    },
    apply: () => ({ reportReply: reply }),
  });
}

/** A decision needs every joint department's opinion (联办件) and the higher authority's reply (上报件). */
async function assertDecidable({ db, application, matter }: TransitionContext): Promise<void> {
  if (matter.category === MatterCategory.JOINT) {
    const given = new Set((await db.scoped(JointOpinion).query('o').andWhere('o.applicationId = :id', { id: application.id }).getMany()).map((o) => o.departmentId));
    const missing = matter.jointDepartmentIds.map(Number).filter((d) => !given.has(d));
    if (missing.length > 0) throw new ConflictError(`${missing.length} joint department(s) have not given their opinion`, { status: application.status, missingDepartments: missing.length });
  }
  if (matter.category === MatterCategory.REPORTED && !application.reportReply) {
    throw new ConflictError('A REPORTED matter (上报件) is decided after the higher authority replies', { status: application.status });
  }
}

function decided(t: TransitionContext, decision: Decision): Partial<Application> {
  return {
    status: decision === Decision.APPROVED ? S.APPROVED : S.DENIED,
    decision,
    decidedAt: t.now,
    decisionWorkingDays: t.application.acceptedAt ? t.calendar.workingDaysBetween(t.application.acceptedAt, t.now) : null,
  };
}

export function approveApplication(ctx: RequestContext, input: NoteInput): Promise<Application> {
  return transition(ctx, { action: 'APPROVE', input, note: input.note, check: assertDecidable, apply: (t) => decided(t, Decision.APPROVED) });
}

export function denyApplication(ctx: RequestContext, input: ReasonInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 1000);
  return transition(ctx, {
    action: 'DENY',
    input,
    note: reason,
    check: assertDecidable,
    apply: (t) => ({ ...decided(t, Decision.DENIED), denialReason: reason }),
  });
}

/** 挂起: the clock stops until the case is resumed. */
export function suspendApplication(ctx: RequestContext, input: SuspendApplicationInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 500);
  return transition(ctx, {
    action: 'SUSPEND',
    input,
    note: `${input.kind}: ${reason}`,
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
        dueAt: workingCalendar.deadline(application.dueAt!, stopped),
      };
    },
  });
}

export function extendApplication(ctx: RequestContext, input: ExtendApplicationInput): Promise<Application> {
  const reason = requireText(input.reason, 'input.reason', 500);
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 60) throw new BadUserInputError('"days" must be 1-60 working days', 'input.days');
  return transition(ctx, {
    action: 'EXTEND',
    input,
    note: `+${input.days}: ${reason}`,
    apply: ({ application, calendar: workingCalendar }) => ({
      dueAt: workingCalendar.deadline(application.dueAt!, input.days),
      extensionDays: application.extensionDays + input.days,
    }),
  });
}

export function markResultReady(ctx: RequestContext, input: ApplicationVersionInput): Promise<Application> {
  return transition(ctx, { action: 'RESULT_READY', input, apply: () => ({ status: S.RESULT_READY }) });
}

export function deliverApplication(ctx: RequestContext, input: DeliverApplicationInput): Promise<Application> {
  const mail = input.method === DeliveryMethod.MAIL;
  const carrier = mail ? requireText(input.carrier ?? '', 'input.carrier', 32) : null;
  const trackingNumber = mail ? requireText(input.trackingNumber ?? '', 'input.trackingNumber', 40) : null;
  if (!mail && (input.carrier || input.trackingNumber)) throw new BadUserInputError('A pickup has no carrier or tracking number', 'input.carrier');
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
      if (application.withdrawalReason) throw new ConflictError('A withdrawal is already requested', { status: application.status });
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
      if (!application.withdrawalReason) throw new ConflictError('No withdrawal was requested', { status: application.status });
    },
    apply: () => (input.approve ? { status: S.WITHDRAWN } : { withdrawalReason: null }),
  });
}
