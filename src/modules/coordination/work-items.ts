import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { Message } from '../../graphql/language';
import { messages } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import * as calendar from '../calendar/service';
import { DepartmentKind } from '../tenancy/entities';
import {
  AssigneeStatus,
  CentreRequestMode,
  ConsultationParticipant,
  WorkItem,
  WorkItemAction,
  WorkItemAssignee,
  WorkItemKind,
  WorkItemStatus,
  WorkItemStep,
} from './entities';
import {
  AssigneeStepInput,
  AssignWorkItemInput,
  FinishWorkItemInput,
  HoldConsultationInput,
  ReadWorkItemInput,
  RegisterWorkItemInput,
  ReportWorkItemProgressInput,
  ReturnWorkItemInput,
  WorkItemAssignmentInput,
  WorkItemFilter,
  WorkItemList,
  WorkItemNoteInput,
  WorkItemOrderField,
  workItemSorting,
  WorkItemVersionInput,
} from './inputs';
import { coordinationPointsOf, ownDepartment } from './matrix';
import { Actor, afterInstruction, ASSIGNED_AT_REGISTRATION, assignableKinds, isBureauLeader, isCentreLeader, mustBeBureauLeader, mustBeCentreLeader, mustBeOrganiser, Points, startOf } from './routes';
import { coordinationMessages as m } from './messages';

// ---- reads --------------------------------------------------------------------------

/** 超期 (四.3 督进度): finished after its due time, or still open past it at `at`. */
export function isLate(item: WorkItem, at: Date): boolean {
  return (item.status === WorkItemStatus.FINISHED ? item.finishedAt! : at) > item.dueAt;
}

/** A work item in the viewer's scope (its centre, the city above it, auditors), batched. */
export function loadWorkItem(ctx: RequestContext, id: number): Promise<WorkItem | null> {
  return ctx.loaders.get('WorkItem.byId', () => byIdLoader((ids) => ctx.db.scoped(WorkItem).findByIds(ids))).load(id);
}

export function assigneesOf(ctx: RequestContext, item: WorkItem): Promise<WorkItemAssignee[]> {
  return ctx.loaders
    .get('WorkItemAssignee.byItem', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(WorkItemAssignee).query('a').andWhere('a.workItemId IN (:...ids)', { ids }).orderBy('a.id').getMany(),
        (row) => row.workItemId,
      ),
    )
    .load(item.id);
}

export function loadAssignee(ctx: RequestContext, id: number | null): Promise<WorkItemAssignee | null> {
  if (id === null) return Promise.resolve(null);
  return ctx.loaders.get('WorkItemAssignee.byId', () => byIdLoader((ids) => ctx.db.scoped(WorkItemAssignee).findByIds(ids))).load(id);
}

export function participantsOf(ctx: RequestContext, item: WorkItem): Promise<ConsultationParticipant[]> {
  return ctx.loaders
    .get('ConsultationParticipant.byItem', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(ConsultationParticipant).query('p').andWhere('p.workItemId IN (:...ids)', { ids }).orderBy('p.id').getMany(),
        (row) => row.workItemId,
      ),
    )
    .load(item.id);
}

/** Every step of a work item, in order. */
export function timelineOf(ctx: RequestContext, workItemId: number): Promise<WorkItemStep[]> {
  return ctx.loaders
    .get('WorkItemStep.byItem', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(WorkItemStep).query('s').andWhere('s.workItemId IN (:...ids)', { ids }).orderBy('s.id').getMany(),
        (row) => row.workItemId,
      ),
    )
    .load(workItemId);
}

/** 进展: an assignee's own steps (progress, done, returned), in order. */
export async function reportsOf(ctx: RequestContext, assignee: WorkItemAssignee): Promise<WorkItemStep[]> {
  return (await timelineOf(ctx, assignee.workItemId)).filter((step) => step.assigneeId === assignee.id);
}

export const nodeLoaders = {
  WorkItem: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WorkItem).findByIds(ids),
  WorkItemAssignee: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WorkItemAssignee).findByIds(ids),
  ConsultationParticipant: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(ConsultationParticipant).findByIds(ids),
  WorkItemStep: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(WorkItemStep).findByIds(ids),
};

// ---- registration -------------------------------------------------------------------

const items = (db: Db) => db.scoped(WorkItem);
const MAX_ASSIGNEES = 30;

/** The viewer and their department (every rule of a route needs its kind). */
async function actorOf(ctx: RequestContext): Promise<Actor> {
  const viewer = requireViewer(ctx);
  const department = await tenancy.loadDepartment(ctx, viewer.departmentId);
  if (!department) throw new NotFoundError(m.department);
  return { viewer, department };
}

async function pointsOf(db: Db, tenantId: number): Promise<Points> {
  return new Map((await coordinationPointsOf(db, tenantId)).map((p) => [p.point, p.departmentId]));
}

/** Optional text: trimmed, null when empty, checked against `max`. */
function optionalText(check: InputCheck, value: string | undefined | null, field: string, max: number, message: Message): string | null {
  const text = value?.trim() ?? '';
  check.that([...text].length <= max, field, message);
  return text === '' ? null : text;
}

interface Assignment {
  departmentId: number;
  personId: number | null;
}

/**
 * The departments (and people) named, all of the own centre, of the kinds the route
 * assigns, none named twice nor already carrying the item out; one problem at a time.
 */
async function assignmentsOf(ctx: RequestContext, tenantId: number, inputs: WorkItemAssignmentInput[], kinds: DepartmentKind[], field: string, taken: readonly number[] = []): Promise<Assignment[]> {
  if (inputs.length === 0) throw new BadUserInputError(m.assigneesNeeded, field);
  if (inputs.length > MAX_ASSIGNEES) throw new BadUserInputError(m.tooManyAssignees, field);
  const seen = new Set(taken);
  const result: Assignment[] = [];
  for (const [i, input] of inputs.entries()) {
    const department = await ownDepartment(ctx, tenantId, input.departmentId, `${field}.${i}.departmentId`);
    if (!kinds.includes(department.kind)) throw new BadUserInputError(m.assigneeSide, `${field}.${i}.departmentId`);
    if (seen.has(department.id)) throw new BadUserInputError(m.assigneeRepeated, `${field}.${i}.departmentId`);
    seen.add(department.id);
    let personId: number | null = null;
    if (input.personId) {
      const person = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', input.personId, `${field}.${i}.personId`));
      if (!person || !person.active || person.departmentId !== department.id) throw new BadUserInputError(m.assigneePerson, `${field}.${i}.personId`);
      personId = person.id;
    }
    result.push({ departmentId: department.id, personId });
  }
  return result;
}

function assigneeRows(item: WorkItem, assignments: Assignment[], now: Date): Partial<WorkItemAssignee>[] {
  return assignments.map((a) => ({ tenantId: item.tenantId, workItemId: item.id, departmentId: a.departmentId, personId: a.personId, status: AssigneeStatus.ASSIGNED, assignedAt: now }));
}

function stepRow(item: WorkItem, actor: Actor, action: WorkItemAction, from: WorkItemStatus | null, to: WorkItemStatus, note: string, now: Date, extra: { actorRole?: Role; assigneeId?: number } = {}): Partial<WorkItemStep> {
  return {
    tenantId: item.tenantId,
    workItemId: item.id,
    action,
    actorId: actor.viewer.userId,
    actorDepartmentId: actor.department.id,
    actorRole: extra.actorRole ?? null,
    assigneeId: extra.assigneeId ?? null,
    fromStatus: from,
    toStatus: to,
    note,
    at: now,
  };
}

/** 登记: a work item enters the route of its kind (鞍山 衔接 二.1–5, 三.5), registered by whom the route names. */
export async function registerWorkItem(ctx: RequestContext, input: RegisterWorkItemInput): Promise<WorkItem> {
  const actor = await actorOf(ctx);
  const { kind } = input;
  const check = new InputCheck();
  const title = check.text(input.title, 'input.title', 200);
  const content = check.text(input.content, 'input.content', 2000);
  check.that(Number.isInteger(input.dueWorkingDays) && input.dueWorkingDays >= 1 && input.dueWorkingDays <= 250, 'input.dueWorkingDays', m.dueDays);
  const sourceReference = optionalText(check, input.sourceReference, 'input.sourceReference', 200, m.sourceReferenceLength);
  const needsReference = kind === WorkItemKind.SUPERIOR_DOCUMENT || (kind === WorkItemKind.CENTRE_REQUEST && input.requestMode === CentreRequestMode.WRITTEN);
  if (needsReference) check.that(sourceReference !== null, 'input.sourceReference', m.sourceReference);
  const meeting = kind === WorkItemKind.MEETING_DECISION;
  const meetingName = optionalText(check, input.meetingName, 'input.meetingName', 100, m.meetingName);
  if (meeting) {
    check.that(meetingName !== null, 'input.meetingName', m.meetingName);
    check.that(typeof input.meetingDate === 'string', 'input.meetingDate', m.meetingDate);
  }
  if (kind === WorkItemKind.CENTRE_REQUEST) check.that(Boolean(input.requestMode), 'input.requestMode', m.requestMode);
  const assigning = ASSIGNED_AT_REGISTRATION.includes(kind);
  if (assigning) check.that((input.assignees?.length ?? 0) > 0, 'input.assignees', m.assigneesNeeded);
  else check.that(!input.assignees || input.assignees.length === 0, 'input.assignees', m.assigneesNotHere);
  check.done();

  const tenant = (await tenancy.loadTenant(ctx, actor.viewer.tenantId))!;
  const workingCalendar = await calendar.calendarOf(ctx, tenant);
  const now = ctx.now();
  if (meeting) {
    calendar.assertDate(input.meetingDate!, 'input.meetingDate');
    if (input.meetingDate! > workingCalendar.localDate(now)) throw new BadUserInputError(m.meetingDate, 'input.meetingDate');
  }
  const assignments = assigning ? await assignmentsOf(ctx, tenant.id, input.assignees!, assignableKinds(kind), 'input.assignees') : [];
  const start = startOf(kind, actor, await pointsOf(ctx.db, tenant.id), assignments.map((a) => a.departmentId), input.area ?? null);
  return ctx.db.transaction(async (db) => {
    const item = await items(db).save(
      items(db).create({
        tenantId: tenant.id,
        kind,
        title,
        content,
        ...start,
        sourceReference,
        meetingName: meeting ? meetingName : null,
        meetingDate: meeting ? input.meetingDate! : null,
        requestMode: kind === WorkItemKind.CENTRE_REQUEST ? input.requestMode! : null,
        registeredById: actor.viewer.userId,
        registeringDepartmentId: actor.department.id,
        registeredAt: now,
        dueWorkingDays: input.dueWorkingDays,
        dueAt: workingCalendar.deadline(now, input.dueWorkingDays),
        consultationMinutes: null,
        consultationOutcome: null,
        consultedAt: null,
        finalResult: null,
        finishedAt: null,
      }),
    );
    await db.scoped(WorkItemAssignee).insertMany(assigneeRows(item, assignments, now));
    await db.scoped(WorkItemStep).insertMany([stepRow(item, actor, WorkItemAction.REGISTER, null, item.status, '', now, { actorRole: isCentreLeader(actor) ? Role.LEADER : undefined })]);
    return item;
  });
}

// ---- steps --------------------------------------------------------------------------

/** What a step changes, decided before its transaction. */
interface StepOutcome {
  changes: Partial<WorkItem>;
  note: string;
  actorRole?: Role;
  assigneeId?: number;
  /** Further rows written in the step's transaction. */
  write?: (db: Db, now: Date) => Promise<void>;
}

interface StepSpec {
  action: WorkItemAction;
  from: WorkItemStatus[];
  /** FORBIDDEN unless the route lets this actor take the step. */
  may: (actor: Actor, item: WorkItem) => void;
  outcome: (item: WorkItem, actor: Actor, now: Date) => Promise<StepOutcome> | StepOutcome;
}

/** The item in scope (NOT_FOUND otherwise) and in the own centre (FORBIDDEN for a reading ancestor). */
async function itemForStep(ctx: RequestContext, id: number): Promise<WorkItem> {
  const item = await items(ctx.db).findById(id);
  if (!item) throw new NotFoundError(m.workItem);
  items(ctx.db).assertWritable(item);
  return item;
}

/**
 * One step: the actor checked against the route, then version and status (CONFLICT), then
 * the item updated by one conditional UPDATE with its timeline step, so of two racing
 * steps one wins.
 */
async function takeStep(ctx: RequestContext, item: WorkItem, version: number, spec: StepSpec): Promise<WorkItem> {
  const actor = await actorOf(ctx);
  spec.may(actor, item);
  if (item.version !== version) throw new ConflictError(m.stale, { field: 'version', status: item.status });
  if (!spec.from.includes(item.status)) throw new ConflictError(m.notInStatus(item.status), { status: item.status });
  const now = ctx.now();
  const outcome = await spec.outcome(item, actor, now);
  await ctx.db.transaction(async (db) => {
    await items(db).updateVersioned(item, version, outcome.changes);
    await outcome.write?.(db, now);
    await db.scoped(WorkItemStep).insertMany([stepRow(item, actor, spec.action, item.status, outcome.changes.status ?? item.status, outcome.note, now, outcome)]);
  });
  return items(ctx.db).getById(item.id, m.workItem);
}

const itemId = (input: WorkItemVersionInput) => decodeGlobalIdOf('WorkItem', input.id, 'input.id');

function noteOf(value: string, field = 'input.note'): string {
  const check = new InputCheck();
  const note = check.text(value, field, 2000);
  check.done();
  return note;
}

/** 批示 (二.1), 审阅同意 (二.3), or the leader-to-leader coordination of a centre request (二.5): a bureau leader. */
export async function instructWorkItem(ctx: RequestContext, input: WorkItemNoteInput): Promise<WorkItem> {
  const note = noteOf(input.note);
  return takeStep(ctx, await itemForStep(ctx, itemId(input)), input.version, {
    action: WorkItemAction.INSTRUCT,
    from: [WorkItemStatus.AWAITING_INSTRUCTION],
    may: mustBeBureauLeader,
    outcome: (item) => ({ changes: { status: afterInstruction(item) }, note, actorRole: Role.LEADER }),
  });
}

/** 请示汇报 (二.3): 党政群工作部 reports an approved bureau notice to a centre leader. */
export async function reportWorkItemToLeader(ctx: RequestContext, input: WorkItemNoteInput): Promise<WorkItem> {
  const note = noteOf(input.note);
  return takeStep(ctx, await itemForStep(ctx, itemId(input)), input.version, {
    action: WorkItemAction.REPORT_TO_LEADER,
    from: [WorkItemStatus.AWAITING_REPORT],
    may: mustBeOrganiser,
    outcome: () => ({ changes: { status: WorkItemStatus.AWAITING_READING }, note }),
  });
}

/** Assignee rows and their ASSIGN-time fields, for a step that assigns. */
function assigning(item: WorkItem, assignments: Assignment[]): StepOutcome['write'] {
  return async (db, now) => db.scoped(WorkItemAssignee).insertMany(assigneeRows(item, assignments, now));
}

/** 阅示 (二.1, 二.3): a centre leader reads and instructs, and may assign the centre departments at once. */
export async function readWorkItem(ctx: RequestContext, input: ReadWorkItemInput): Promise<WorkItem> {
  const note = noteOf(input.note);
  const item = await itemForStep(ctx, itemId(input));
  return takeStep(ctx, item, input.version, {
    action: WorkItemAction.READ,
    from: [WorkItemStatus.AWAITING_READING],
    may: mustBeCentreLeader,
    outcome: async () => {
      if (!input.assignees || input.assignees.length === 0) return { changes: { status: WorkItemStatus.AWAITING_ASSIGNMENT }, note, actorRole: Role.LEADER };
      const assignments = await assignmentsOf(ctx, item.tenantId, input.assignees, assignableKinds(item.kind), 'input.assignees');
      return { changes: { status: WorkItemStatus.IN_PROGRESS }, note, actorRole: Role.LEADER, write: assigning(item, assignments) };
    },
  });
}

/** 分办: the organising department assigns (more) departments to carry the item out. */
export async function assignWorkItem(ctx: RequestContext, input: AssignWorkItemInput): Promise<WorkItem> {
  const check = new InputCheck();
  const note = optionalText(check, input.note, 'input.note', 2000, messages.textLength('note', 2000)) ?? '';
  check.done();
  const item = await itemForStep(ctx, itemId(input));
  return takeStep(ctx, item, input.version, {
    action: WorkItemAction.ASSIGN,
    from: [WorkItemStatus.AWAITING_ASSIGNMENT, WorkItemStatus.IN_PROGRESS],
    may: mustBeOrganiser,
    outcome: async () => {
      const taken = (await openOrDoneAssignees(ctx.db, item)).map((a) => a.departmentId);
      const assignments = await assignmentsOf(ctx, item.tenantId, input.assignees, assignableKinds(item.kind), 'input.assignees', taken);
      return { changes: { status: WorkItemStatus.IN_PROGRESS }, note, write: assigning(item, assignments) };
    },
  });
}

/** The item's assignees that still count: carrying it out or done (a returned department may be assigned again). */
async function openOrDoneAssignees(db: Db, item: WorkItem): Promise<WorkItemAssignee[]> {
  return db.scoped(WorkItemAssignee).query('a').andWhere('a.workItemId = :item AND a.status <> :returned', { item: item.id, returned: AssigneeStatus.RETURNED }).getMany();
}

/** 会商 (三.5, 四.2): the organising coordination department records the participants, minutes and outcome. */
export async function holdConsultation(ctx: RequestContext, input: HoldConsultationInput): Promise<WorkItem> {
  const check = new InputCheck();
  const minutes = check.text(input.minutes, 'input.minutes', 4000);
  const outcome = check.text(input.outcome, 'input.outcome', 2000);
  check.that(input.participantDepartmentIds.length >= 1 && input.participantDepartmentIds.length <= MAX_ASSIGNEES, 'input.participantDepartmentIds', m.participants);
  check.done();
  const item = await itemForStep(ctx, itemId(input));
  return takeStep(ctx, item, input.version, {
    action: WorkItemAction.CONSULT,
    from: [WorkItemStatus.AWAITING_CONSULTATION],
    may: mustBeOrganiser,
    outcome: async (_item, _actor, now) => {
      const participants = new Set<number>();
      for (const [i, id] of input.participantDepartmentIds.entries()) participants.add((await ownDepartment(ctx, item.tenantId, id, `input.participantDepartmentIds.${i}`)).id);
      const assignments = input.assignees?.length ? await assignmentsOf(ctx, item.tenantId, input.assignees, assignableKinds(item.kind), 'input.assignees') : [];
      const held = { consultationMinutes: minutes, consultationOutcome: outcome, consultedAt: now };
      const changes: Partial<WorkItem> = assignments.length > 0
        ? { ...held, status: WorkItemStatus.IN_PROGRESS }
        : { ...held, status: WorkItemStatus.FINISHED, finalResult: outcome, finishedAt: now };
      return {
        changes,
        note: outcome,
        write: async (db, at) => {
          await db.scoped(ConsultationParticipant).insertMany([...participants].map((departmentId) => ({ tenantId: item.tenantId, workItemId: item.id, departmentId })));
          await assigning(item, assignments)!(db, at);
        },
      };
    },
  });
}

/** An assignee's part, with its item, for the assignee's own steps. */
async function assigneeForStep(ctx: RequestContext, input: AssigneeStepInput): Promise<{ assignee: WorkItemAssignee; item: WorkItem }> {
  const assignee = await ctx.db.scoped(WorkItemAssignee).findById(decodeGlobalIdOf('WorkItemAssignee', input.assigneeId, 'input.assigneeId'));
  if (!assignee) throw new NotFoundError(m.workItem);
  return { assignee, item: await itemForStep(ctx, assignee.workItemId) };
}

/** The assignee's department (or the person it is addressed to) carries it out. */
function mustCarryOut(assignee: WorkItemAssignee): StepSpec['may'] {
  return (actor) => {
    if (actor.department.id !== assignee.departmentId && actor.viewer.userId !== assignee.personId) throw new ForbiddenError(m.assigneeOnly);
    if (assignee.status !== AssigneeStatus.ASSIGNED) throw new ConflictError(m.assigneeClosed, { status: assignee.status });
  };
}

/** 进展: an assignee reports progress, or its part done. */
export async function reportWorkItemProgress(ctx: RequestContext, input: ReportWorkItemProgressInput): Promise<WorkItem> {
  const progress = noteOf(input.progress, 'input.progress');
  const { assignee, item } = await assigneeForStep(ctx, input);
  return takeStep(ctx, item, input.version, {
    action: input.done ? WorkItemAction.COMPLETE : WorkItemAction.REPORT_PROGRESS,
    from: [WorkItemStatus.IN_PROGRESS],
    may: mustCarryOut(assignee),
    outcome: () => ({
      changes: {},
      note: progress,
      assigneeId: assignee.id,
      write: input.done ? (db, now) => db.scoped(WorkItemAssignee).update(assignee, { status: AssigneeStatus.DONE, doneAt: now }) : undefined,
    }),
  });
}

/** 退回: an assignee sends its part back with the reason; recorded, it counts against the department (四.3). */
export async function returnWorkItem(ctx: RequestContext, input: ReturnWorkItemInput): Promise<WorkItem> {
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 1000);
  check.done();
  const { assignee, item } = await assigneeForStep(ctx, input);
  return takeStep(ctx, item, input.version, {
    action: WorkItemAction.RETURN,
    from: [WorkItemStatus.IN_PROGRESS],
    may: mustCarryOut(assignee),
    outcome: () => ({
      changes: {},
      note: reason,
      assigneeId: assignee.id,
      write: (db, now) => db.scoped(WorkItemAssignee).update(assignee, { status: AssigneeStatus.RETURNED, returnedAt: now, returnReason: reason }),
    }),
  });
}

/** 办结: the organising department records the final result once every part is done or returned (one done at least). */
export async function finishWorkItem(ctx: RequestContext, input: FinishWorkItemInput): Promise<WorkItem> {
  const check = new InputCheck();
  const finalResult = check.text(input.finalResult, 'input.finalResult', 2000);
  check.done();
  const item = await itemForStep(ctx, itemId(input));
  return takeStep(ctx, item, input.version, {
    action: WorkItemAction.FINISH,
    from: [WorkItemStatus.IN_PROGRESS],
    may: mustBeOrganiser,
    outcome: async (_item, _actor, now) => {
      const parts = await openOrDoneAssignees(ctx.db, item);
      if (parts.length === 0 || parts.some((a) => a.status === AssigneeStatus.ASSIGNED)) throw new ConflictError(m.nothingDone, { status: item.status });
      return { changes: { status: WorkItemStatus.FINISHED, finalResult, finishedAt: now }, note: finalResult };
    },
  });
}

// ---- lists --------------------------------------------------------------------------

const ORGANISING = [WorkItemStatus.AWAITING_REPORT, WorkItemStatus.AWAITING_ASSIGNMENT, WorkItemStatus.AWAITING_CONSULTATION, WorkItemStatus.IN_PROGRESS];

/** `w` has an open part carried out by the department (or, with a person, addressed to them or to nobody in particular). */
function carriedOutBy(departmentId: number, personId: number | null): string {
  const whose = personId === null ? '' : ' AND (oa.person_id IS NULL OR oa.person_id = :listPerson)';
  return `EXISTS (SELECT 1 FROM work_item_assignee oa WHERE oa.tenant_id = w.tenantId AND oa.work_item_id = w.id AND oa.status = :openPart AND oa.department_id = :listDepartment${whose})`;
}

/**
 * Narrows `query` (alias `w`) to one list of a department, or of a person when `person` is
 * given: leaders' inboxes only for leaders of the matching side.
 */
function narrowToList(query: SelectQueryBuilder<WorkItem>, list: WorkItemList, departmentId: number, now: Date, person: Actor | null): void {
  const leaderOk = (ok: boolean) => (person === null || ok ? '' : ' AND 1 = 0');
  query.setParameters({ listDepartment: departmentId, listPerson: person?.viewer.userId ?? null, openPart: AssigneeStatus.ASSIGNED, organising: ORGANISING, now });
  const carried = carriedOutBy(departmentId, person ? person.viewer.userId : null);
  const organised = 'w.organiserDepartmentId = :listDepartment AND w.status IN (:...organising)';
  switch (list) {
    case WorkItemList.TO_INSTRUCT:
      query.andWhere(`w.status = '${WorkItemStatus.AWAITING_INSTRUCTION}'${leaderOk(person !== null && isBureauLeader(person))}`);
      break;
    case WorkItemList.TO_READ:
      query.andWhere(`w.status = '${WorkItemStatus.AWAITING_READING}'${leaderOk(person !== null && isCentreLeader(person))}`);
      break;
    case WorkItemList.TO_ORGANISE:
      query.andWhere(organised);
      break;
    case WorkItemList.TO_CARRY_OUT:
      query.andWhere(carried);
      break;
    case WorkItemList.OVERDUE: {
      const inboxes = [
        ...(person && isBureauLeader(person) ? [`w.status = '${WorkItemStatus.AWAITING_INSTRUCTION}'`] : []),
        ...(person && isCentreLeader(person) ? [`w.status = '${WorkItemStatus.AWAITING_READING}'`] : []),
      ];
      query.andWhere(`w.status <> '${WorkItemStatus.FINISHED}' AND w.dueAt < :now AND ((${organised}) OR ${[carried, ...inboxes].join(' OR ')})`);
      break;
    }
  }
}

/** 衔接事项 of the readable centres, optionally one list of a department (the viewer's own by default). */
export async function listWorkItems(ctx: RequestContext, args: ListArgs<WorkItemOrderField>, filter: WorkItemFilter = {}): Promise<ConnectionResult<WorkItem>> {
  const viewer = requireViewer(ctx);
  const query = items(ctx.db).query('w');
  if (filter.tenantCode) query.andWhere('w.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.kind) query.andWhere('w.kind = :kind', { kind: filter.kind });
  if (filter.status) query.andWhere('w.status = :status', { status: filter.status });
  if (filter.list) {
    let departmentId = viewer.departmentId;
    if (filter.departmentId) {
      const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', filter.departmentId, 'filter.departmentId'));
      if (!department) throw new NotFoundError(m.department);
      departmentId = department.id;
    }
    narrowToList(query, filter.list, departmentId, ctx.now(), null);
  }
  return paginate(query, { list: 'workItems', alias: 'w', sorting: workItemSorting }, args);
}

/** The viewer's own list: a leader's inbox, what their department organises, what they carry out, what is overdue. */
export async function myWorkItems(ctx: RequestContext, args: ListArgs<WorkItemOrderField>, list: WorkItemList): Promise<ConnectionResult<WorkItem>> {
  const actor = await actorOf(ctx);
  const query = items(ctx.db).query('w').andWhere('w.tenantId = :ownTenant', { ownTenant: actor.viewer.tenantId });
  narrowToList(query, list, actor.department.id, ctx.now(), actor);
  return paginate(query, { list: `myWorkItems:${list}`, alias: 'w', sorting: workItemSorting }, args);
}
