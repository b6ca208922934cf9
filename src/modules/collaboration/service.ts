import DataLoader from 'dataloader';
import { RequestContext } from '../../context';
import { requireText } from '../../validation/text';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { AppError, BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import { Department, Tenant, User } from '../tenancy/entities';
import * as applications from '../applications/service';
import * as transitions from '../applications/transitions';
import { Application, ApplicationStatus, DeliveryMethod } from '../applications/entities';
import { Matter, MatterStatus } from '../matters/entities';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { WindowStatus } from '../windows/entities';
import * as calendar from '../calendar/service';
import {
  CollaborationKind,
  CollaborationTicket,
  CrossProvinceMatter,
  ResultDelivery,
  TicketAction,
  TicketSide,
  TicketStatus,
  TicketStep,
  TicketStepKind,
} from './entities';
import { TICKET_RULES } from './lifecycle';
import {
  AssistedCheckInput,
  CancelTicketInput,
  CreateTicketInput,
  ForwardTicketInput,
  MailInput,
  ReturnTicketInput,
  TicketFilter,
  TicketNoteInput,
  TicketOrderField,
  ticketSorting,
  TicketVersionInput,
} from './inputs';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { collaborationMessages as m } from './messages';

const tickets = (db: Db) => db.scoped(CollaborationTicket);
const steps = (db: Db) => db.scoped(TicketStep);

/** The read-only view of one party's rows, for the other party of a ticket. */
export function partyView(ctx: RequestContext, tenantId: number): { db: Db; key: string } {
  return { db: ctx.db.readOnlyFor([tenantId]), key: `party:${tenantId}` };
}

// ---- reads ---------------------------------------------------------------------------

export function stepsOf(ctx: RequestContext, ticket: CollaborationTicket): Promise<TicketStep[]> {
  return ctx.loaders
    .get('TicketStep.byTicket', () =>
      groupedLoader((ids) => steps(ctx.db).query('s').andWhere('s.ticketId IN (:...ids)', { ids }).orderBy('s.id').getMany(), (step) => step.ticketId),
    )
    .load(ticket.id);
}

/** A step is late when it was done after its due time, or is still open past it; a cancelled step never is. */
export function isLate(step: TicketStep, now: Date): boolean {
  return step.dueAt !== null && step.cancelledAt === null && (step.doneAt ?? now) > step.dueAt;
}

export async function overdueStepsOf(ctx: RequestContext, ticket: CollaborationTicket): Promise<TicketStep[]> {
  const now = ctx.now();
  return (await stepsOf(ctx, ticket)).filter((step) => isLate(step, now));
}

/** Each side's tenant: the partner is read through the ticket, which both share. */
export function sideTenant(ctx: RequestContext, ticket: CollaborationTicket, side: TicketSide): Promise<Tenant | null> {
  const id = side === TicketSide.RECEIVING ? ticket.tenantId : ticket.partnerTenantId;
  return tenancy.loadTenant(ctx, id, partyView(ctx, id));
}

/** The matter's name, one across levels (三级九统): read from the handling centre's catalogue through the ticket. */
export async function matterNameOf(ctx: RequestContext, ticket: CollaborationTicket): Promise<string> {
  const matter = await matters.loadMatter(ctx, ticket.handlingMatterId, partyView(ctx, ticket.partnerTenantId));
  if (!matter) throw new NotFoundError(nouns.matter);
  return matter.name;
}

/** Each side's case, read through the ticket; its applicant data follows the case's field policies. */
export function sideCase(ctx: RequestContext, ticket: CollaborationTicket, side: TicketSide): Promise<Application | null> {
  if (side === TicketSide.RECEIVING) return applications.loadApplication(ctx, ticket.applicationId, partyView(ctx, ticket.tenantId));
  if (ticket.handlingApplicationId === null) return Promise.resolve(null);
  return applications.loadApplication(ctx, ticket.handlingApplicationId, partyView(ctx, ticket.partnerTenantId));
}

export async function ticketById(ctx: RequestContext, globalId: string): Promise<CollaborationTicket | null> {
  requireViewer(ctx);
  return tickets(ctx.db).findById(decodeGlobalIdOf('CollaborationTicket', globalId, 'id'));
}

/**
 * Outgoing: tickets whose receiving centre (受理地) the viewer reads; incoming: whose
 * handling centre (办理地) it reads. A city user sees those of its subordinates.
 */
export async function listTickets(ctx: RequestContext, direction: 'OUTGOING' | 'INCOMING', args: ListArgs<TicketOrderField>, filter: TicketFilter = {}): Promise<ConnectionResult<CollaborationTicket>> {
  requireViewer(ctx);
  const own = direction === 'OUTGOING' ? 't.tenantId' : 't.partnerTenantId';
  const other = direction === 'OUTGOING' ? 't.partnerTenantId' : 't.tenantId';
  const readable = ctx.db.scope.readableTenantIds;
  const query = tickets(ctx.db).query('t').andWhere(readable.length > 0 ? `${own} IN (:...readable)` : '1 = 0', { readable });
  if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
  if (filter.statusIn) query.andWhere(filter.statusIn.length > 0 ? 't.status IN (:...statusIn)' : '1 = 0', { statusIn: filter.statusIn });
  if (filter.tenantCode) query.andWhere(`${own} = :listTenant`, { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.matterCode) query.andWhere('t.matterCode = :matterCode', { matterCode: filter.matterCode });
  if (filter.counterpartTenantCode) {
    query.innerJoin(Tenant, 'counterpart', `counterpart.id = ${other}`).andWhere('counterpart.code = :counterpart', { counterpart: filter.counterpartTenantCode });
  }
  if (filter.overdue !== undefined && filter.overdue !== null) {
    const late = `EXISTS (SELECT 1 FROM ticket_step s WHERE s.ticket_id = t.id AND s.tenant_id = t.tenant_id AND s.due_at IS NOT NULL AND s.cancelled_at IS NULL
      AND ((s.done_at IS NULL AND s.due_at < :now) OR s.done_at > s.due_at))`;
    query.andWhere(filter.overdue ? late : `NOT ${late}`, { now: ctx.now() });
  }
  return paginate(query, { list: direction === 'OUTGOING' ? 'outgoingTickets' : 'incomingTickets', alias: 't', sorting: ticketSorting }, args);
}

/** Open steps past due, of tickets the viewer reads, owned by one of the given tenants. */
export async function overdueOpenSteps(ctx: RequestContext, ownerTenantIds: number[]): Promise<TicketStep[]> {
  if (ownerTenantIds.length === 0) return [];
  return steps(ctx.db)
    .query('s')
    .andWhere('s.doneAt IS NULL AND s.cancelledAt IS NULL AND s.dueAt < :now', { now: ctx.now() })
    .andWhere(
      `((s.owner = :receiving AND s.tenantId IN (:...owners)) OR (s.owner = :handling AND s.partnerTenantId IN (:...owners)))`,
      { receiving: TicketSide.RECEIVING, handling: TicketSide.HANDLING, owners: ownerTenantIds },
    )
    .orderBy('s.dueAt')
    .getMany();
}

/** A late open step, as the supervision check needs it: the owning centre and the department of its case there. */
export interface OverdueStepCause {
  id: number;
  ownerTenantId: number;
  kind: TicketStepKind;
  dueAt: Date;
  ticketId: number;
  /** The implementing department of the owning side's case; null before that case exists. */
  departmentId: number | null;
}

/**
 * 电子监察: late open steps the given tenants own, with the department of the owning
 * side's case, in three statements whatever their number (for the periodic check).
 */
export async function overdueStepsForCheck(ctx: RequestContext, ownerTenantIds: number[]): Promise<OverdueStepCause[]> {
  const late = await overdueOpenSteps(ctx, ownerTenantIds);
  if (late.length === 0) return [];
  const ticketsById = new Map((await tickets(ctx.db).findByIds(late.map((step) => step.ticketId))).map((ticket) => [ticket.id, ticket]));
  const caseOf = (step: TicketStep): number | null => {
    const ticket = ticketsById.get(step.ticketId);
    if (!ticket) return null;
    return step.owner === TicketSide.RECEIVING ? ticket.applicationId : ticket.handlingApplicationId;
  };
  const caseIds = late.map(caseOf).filter((id): id is number => id !== null);
  const departments = new Map((await ctx.db.scoped(Application).findByIds(caseIds)).map((application) => [application.id, application.departmentId]));
  return late.map((step) => ({
    id: step.id,
    ownerTenantId: step.owner === TicketSide.RECEIVING ? step.tenantId : step.partnerTenantId,
    kind: step.kind,
    dueAt: step.dueAt!,
    ticketId: step.ticketId,
    departmentId: departments.get(caseOf(step) ?? 0) ?? null,
  }));
}

/** The staff member who did a step, read through the owning side's view of the shared ticket. */
export function stepActor(ctx: RequestContext, step: TicketStep): Promise<User | null> {
  if (step.actorId === null) return Promise.resolve(null);
  const owner = step.owner === TicketSide.RECEIVING ? step.tenantId : step.partnerTenantId;
  return tenancy.loadUser(ctx, step.actorId, partyView(ctx, owner));
}

/** The department an assisted check was done with, read through the owning side's view of the shared ticket. */
export function stepDepartment(ctx: RequestContext, step: TicketStep): Promise<Department | null> {
  if (step.departmentId === null) return Promise.resolve(null);
  const owner = step.owner === TicketSide.RECEIVING ? step.tenantId : step.partnerTenantId;
  return tenancy.loadDepartment(ctx, step.departmentId, partyView(ctx, owner));
}

/** A ticket step in the viewer's scope (either party once shared), or null. */
export function loadStep(ctx: RequestContext, id: number | null): Promise<TicketStep | null> {
  return id === null ? Promise.resolve(null) : steps(ctx.db).findById(id);
}

export function loadTicket(ctx: RequestContext, id: number): Promise<CollaborationTicket | null> {
  return tickets(ctx.db).findById(id);
}

// ---- eligibility ------------------------------------------------------------------------

const provinceOf = (tenant: Tenant) => tenant.path.split('/').filter(Boolean)[0];

/**
 * 全区通办: both centres in one province, the matter's code on that province's list (自治区
 * 156 items); 跨省通办: its code is on the platform's cross-province list. The handling
 * centre's matter must be published; it is read as a public guide.
 */
async function eligibility(ctx: RequestContext, receiving: Tenant, handling: Tenant, matter: Matter): Promise<{ kind: CollaborationKind; handlingMatter: Matter }> {
  if (receiving.id === handling.id) throw new BadUserInputError(m.sameCentre, 'input.handlingTenantCode');
  const handlingMatter = await ctx.db
    .readOnlyFor([handling.id])
    .scoped(Matter)
    .query('m')
    .andWhere('m.code = :code AND m.status = :published', { code: matter.code, published: MatterStatus.PUBLISHED })
    .getOne();
  if (!handlingMatter) throw new BadUserInputError(m.notPublishedThere(handling.name, matter.code), 'input.handlingTenantCode');
  if (provinceOf(receiving) === provinceOf(handling) && (await matters.onCrossRegionList(ctx, receiving, matter.code))) {
    return { kind: CollaborationKind.REGION, handlingMatter };
  }
  // The cross-province list belongs to no tenant: the platform maintains it.
  if (await ctx.db.unscoped.exists(CrossProvinceMatter, { where: { code: matter.code } })) {
    return { kind: CollaborationKind.CROSS_PROVINCE, handlingMatter };
  }
  throw new BadUserInputError(m.notCrossRegion(matter.code), 'input.handlingTenantCode');
}

// ---- steps ---------------------------------------------------------------------------------

async function calendarOfSide(ctx: RequestContext, tenantId: number): Promise<calendar.WorkingCalendar> {
  const tenant = await tenancy.loadTenant(ctx, tenantId, partyView(ctx, tenantId));
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return calendar.calendarOf(ctx, tenant);
}

async function dueOn(ctx: RequestContext, tenantId: number, from: Date, workingDays: number): Promise<Date> {
  return (await calendarOfSide(ctx, tenantId)).deadline(from, workingDays);
}

function ownerTenant(ticket: CollaborationTicket, side: TicketSide): number {
  return side === TicketSide.RECEIVING ? ticket.tenantId : ticket.partnerTenantId;
}

/** The viewer's side of the ticket, or null for anyone else (a city reading it). */
function sideOf(viewer: Viewer, ticket: CollaborationTicket): TicketSide | null {
  if (viewer.tenantId === ticket.tenantId) return TicketSide.RECEIVING;
  if (viewer.tenantId === ticket.partnerTenantId) return TicketSide.HANDLING;
  return null;
}

/** A new step of the ticket's current round, shared with the partner as the ticket is. */
async function insertStep(db: Db, ticket: CollaborationTicket, step: Partial<TicketStep> & Pick<TicketStep, 'kind' | 'owner'>): Promise<void> {
  const { tenantId, partnerTenantId, sharedWithPartner, round } = ticket;
  await steps(db).insertMany([{ tenantId, partnerTenantId, sharedWithPartner, ticketId: ticket.id, round, dueAt: null, doneAt: null, cancelledAt: null, note: '', ...step }]);
}

/** Opens a step due `workingDays` after `from` on its owner's calendar; with null, nothing is due yet. */
async function openStep(ctx: RequestContext, db: Db, ticket: CollaborationTicket, kind: TicketStepKind, owner: TicketSide, from: Date, workingDays: number | null): Promise<void> {
  const dueAt = workingDays === null ? null : await dueOn(ctx, ownerTenant(ticket, owner), from, workingDays);
  await insertStep(db, ticket, { kind, owner, dueAt });
}

async function currentStep(db: Db, ticket: CollaborationTicket, kind: TicketStepKind): Promise<TicketStep | null> {
  return steps(db)
    .query('s')
    .andWhere('s.ticketId = :id AND s.kind = :kind AND s.doneAt IS NULL AND s.cancelledAt IS NULL', { id: ticket.id, kind })
    .orderBy('s.id', 'DESC')
    .getOne();
}

async function completeStep(db: Db, ticket: CollaborationTicket, kind: TicketStepKind, done: Partial<TicketStep>): Promise<TicketStep> {
  const step = await currentStep(db, ticket, kind);
  if (!step) throw new ConflictError(m.noOpenStep(kind), { status: ticket.status });
  await steps(db).update(step, done);
  return step;
}

/** Cancels the open steps of the given kinds (all kinds when none are named): they are neither due nor late any more. */
async function cancelOpenSteps(db: Db, ticket: CollaborationTicket, now: Date, kinds?: TicketStepKind[]): Promise<void> {
  const open = await steps(db).query('s').andWhere('s.ticketId = :id AND s.doneAt IS NULL AND s.cancelledAt IS NULL', { id: ticket.id }).getMany();
  for (const step of open.filter((s) => !kinds || kinds.includes(s.kind))) await steps(db).update(step, { cancelledAt: now });
}

// ---- transitions -----------------------------------------------------------------------------

interface TicketStepSpec {
  action: TicketAction;
  input: TicketVersionInput;
  /** The ticket's new status and round, if they change. */
  changes?: (ticket: CollaborationTicket) => Partial<CollaborationTicket>;
  /** `ticket` has the changes applied; `before` is the ticket as it was read; `side` is the viewer's. */
  apply(t: { db: Db; ticket: CollaborationTicket; before: CollaborationTicket; viewer: Viewer; side: TicketSide; now: Date }): Promise<void>;
}

/**
 * Whether the viewer may take `action` on the ticket now, by TICKET_RULES: a window of
 * an acting side's centre (a city reading its subordinates' tickets may not act), the
 * ticket's state, and what its steps must show. Returns why not, or null.
 */
function ticketRefusal(action: TicketAction, viewer: Viewer, ticket: CollaborationTicket, ticketSteps: TicketStep[]): AppError | null {
  const rule = TICKET_RULES[action];
  if (!viewer.roles.has(Role.WINDOW_STAFF)) return new ForbiddenError(m.windowStaffOnly);
  const side = sideOf(viewer, ticket);
  const from = side === null ? undefined : rule.by[side];
  if (!from) return new ForbiddenError(rule.by.RECEIVING ? m.receivingSideOnly : m.handlingSideOnly);
  if (!from.includes(ticket.status)) return new ConflictError(m.notInTicketStatus(ticket.status), { status: ticket.status });
  if (rule.needs && !rule.needs.holds(ticketSteps)) return new ConflictError(rule.needs.otherwise, { status: ticket.status });
  return null;
}

/** `viewerCan`: the actions the viewer may take on the ticket now, in the table's order. */
export async function allowedTicketActions(ctx: RequestContext, ticket: CollaborationTicket): Promise<TicketAction[]> {
  const viewer = ctx.viewer;
  if (!viewer) return [];
  const ticketSteps = await stepsOf(ctx, ticket);
  return (Object.keys(TICKET_RULES) as TicketAction[]).filter((action) => ticketRefusal(action, viewer, ticket, ticketSteps) === null);
}

/**
 * One step of a ticket, in one transaction: the ticket read in scope (a third centre
 * gets NOT_FOUND), the action checked against TICKET_RULES (FORBIDDEN, CONFLICT), then the
 * version, claimed by a conditional UPDATE first, so of two racing windows one wins, then
 * the steps written and the two cases moved with the ticket.
 */
async function act(ctx: RequestContext, spec: TicketStepSpec): Promise<CollaborationTicket> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const id = decodeGlobalIdOf('CollaborationTicket', spec.input.id, 'input.id');
  return ctx.db.transaction(async (db) => {
    const ticket = await tickets(db).getById(id, nouns.ticket);
    const ticketSteps = await steps(db).query('s').andWhere('s.ticketId = :id', { id }).getMany();
    const refusal = ticketRefusal(spec.action, viewer, ticket, ticketSteps);
    if (refusal) throw refusal;
    if (ticket.version !== spec.input.version) {
      throw new ConflictError(m.ticketStale, { field: 'version', status: ticket.status });
    }
    const changes = spec.changes?.(ticket) ?? {};
    await tickets(db).updateVersioned(ticket, spec.input.version, changes);
    const side = sideOf(viewer, ticket)!;
    await spec.apply({ db, ticket: { ...ticket, ...changes } as CollaborationTicket, before: ticket, viewer, side, now: ctx.now() });
    return tickets(db).getById(id);
  });
}

/**
 * Each side's case in this transaction: the viewer's own through its scope, the other's
 * through the ticket both share (the two cases move as one, 乌海 机制 第五条–第七条).
 */
function caseDb(db: Db, viewer: Viewer, ticket: CollaborationTicket, side: TicketSide): Db {
  const tenantId = ownerTenant(ticket, side);
  return tenantId === viewer.tenantId ? db : db.onBehalfOf(tenantId);
}

/** Opens a ticket for a case just received at this window; the push is due 1 working day after intake. */
export async function createTicket(ctx: RequestContext, input: CreateTicketInput): Promise<CollaborationTicket> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const application = await applications.loadApplication(ctx, decodeGlobalIdOf('Application', input.applicationId, 'input.applicationId'));
  if (!application || application.tenantId !== viewer.tenantId) throw new NotFoundError(nouns.application);
  // 第五条 "不符合条件则当场退回并一次性告知": a case returned at intake (补正) or refused never becomes a ticket.
  if (application.status !== ApplicationStatus.SUBMITTED) {
    throw new ConflictError(m.onlyJustReceived(application.status), { status: application.status });
  }
  const receiving = await tenancy.loadTenant(ctx, viewer.tenantId);
  // Unscoped on purpose: any centre may be the handling one; only its id and path are used.
  const handling = await ctx.db.unscoped.findOne(Tenant, { where: { code: input.handlingTenantCode } });
  if (!receiving || !handling) throw new BadUserInputError(m.noSuchCentre(input.handlingTenantCode), 'input.handlingTenantCode');
  const matter = await matters.loadMatter(ctx, application.matterId);
  if (!matter) throw new NotFoundError(nouns.matter);
  const { kind, handlingMatter } = await eligibility(ctx, receiving, handling, matter);
  const alreadyHasOne = () => new ConflictError(m.alreadyTicketed, { status: application.status });
  return ctx.db.transaction(async (db) => {
    if (await tickets(db).query('t').andWhere('t.applicationId = :id AND t.tenantId = :own', { id: application.id, own: viewer.tenantId }).getOne()) {
      throw alreadyHasOne();
    }
    const ticket = await tickets(db).save(
      tickets(db).create({
        tenantId: receiving.id,
        partnerTenantId: handling.id,
        applicationId: application.id,
        handlingApplicationId: null,
        matterCode: matter.code,
        handlingMatterId: handlingMatter.id,
        kind,
        status: TicketStatus.DRAFT,
        round: 1,
        paperMaterials: input.paperMaterials,
        resultDelivery: input.resultDelivery,
        cancelReason: null,
        createdById: viewer.userId,
      }),
    );
    await openStep(ctx, db, ticket, TicketStepKind.PUSH, TicketSide.RECEIVING, application.receivedAt, 1);
    return ticket;
  }).catch((error: unknown) => {
    // Two windows racing on one case: the unique (tenant, application) index lets one in.
    if (isDuplicateKey(error)) throw alreadyHasOne();
    throw error;
  });
}

/**
 * 辅助审核 with a department of the side's own level (同级相关部门): the receiving window
 * before the push (第五条), the handling window before the forward (第六条). Done now,
 * owned by the viewer's side, due with the step it belongs to (the push, the re-check).
 */
export async function recordAssistedCheck(ctx: RequestContext, input: AssistedCheckInput): Promise<CollaborationTicket> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const note = requireText(input.note, 'input.note', 1000);
  const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId'));
  if (!department || department.tenantId !== viewer.tenantId) throw new BadUserInputError(m.ownLevelDepartment, 'input.departmentId');
  return act(ctx, {
    action: TicketAction.RECORD_ASSISTED_CHECK,
    input,
    apply: async ({ db, ticket, viewer, side, now }) => {
      const owning = await currentStep(db, ticket, side === TicketSide.RECEIVING ? TicketStepKind.PUSH : TicketStepKind.RECHECK);
      await insertStep(db, ticket, {
        kind: TicketStepKind.ASSISTED_CHECK, owner: side, dueAt: owning?.dueAt ?? null, doneAt: now, actorId: viewer.userId, departmentId: department.id, note,
      });
    },
  });
}

/**
 * 受理及推送转办 (第五条), again after a return: the receiving case is accepted in the same
 * transaction if still SUBMITTED; one refused, awaiting supplement or withdrawn cannot go
 * (CONFLICT naming its state). The handling centre re-checks within 1 working day.
 */
export function pushTicket(ctx: RequestContext, input: TicketNoteInput): Promise<CollaborationTicket> {
  return act(ctx, {
    action: TicketAction.PUSH,
    input,
    // The handling centre sees the ticket, and its steps so far, from the first push on.
    changes: () => ({ status: TicketStatus.PUSHED, sharedWithPartner: true }),
    apply: async ({ db, ticket, before, viewer, now }) => {
      await transitions.acceptWithTicket(ctx, db, ticket.applicationId, `全区通办 推送转办 (round ${ticket.round})`);
      if (!before.sharedWithPartner) {
        for (const step of await steps(db).query('s').andWhere('s.ticketId = :id', { id: ticket.id }).getMany()) await steps(db).update(step, { sharedWithPartner: true });
      }
      await completeStep(db, ticket, TicketStepKind.PUSH, { doneAt: now, actorId: viewer.userId, note: input.note.trim() });
      await openStep(ctx, db, ticket, TicketStepKind.RECHECK, TicketSide.HANDLING, now, 1);
    },
  });
}

/**
 * 退回 (第六条): at re-check by the handling window, or after the forward by the department
 * (not once it has decided), with the reason and what to supplement; a new round starts.
 * Both cases wait for the applicant's supplement; the next push is due only from the
 * supplement, and paper materials not yet mailed wait for the next forward.
 */
export function returnTicket(ctx: RequestContext, input: ReturnTicketInput): Promise<CollaborationTicket> {
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 1000);
  const missing = input.missingMaterials.map((material, i) => check.text(material, `input.missingMaterials[${i}]`, 200));
  check.that(missing.length > 0, 'input.missingMaterials', m.nameSupplements);
  check.done();
  return act(ctx, {
    action: TicketAction.RETURN,
    input,
    changes: (ticket) => ({ status: TicketStatus.RETURNED, round: ticket.round + 1 }),
    apply: async ({ db, ticket, before, viewer, now }) => {
      const returned = { doneAt: now, actorId: viewer.userId, note: `RETURNED: ${reason}`, missingMaterials: missing };
      if (before.status === TicketStatus.FORWARDED) {
        const handlingCase = await applications.loadApplication(ctx, ticket.handlingApplicationId!);
        if (handlingCase?.decidedAt) throw new ConflictError(m.decidedAlready(handlingCase.status), { status: before.status });
        await completeStep(db, before, TicketStepKind.DECIDE, returned);
        await transitions.returnWithTicket(ctx, db, ticket.handlingApplicationId!, { reason, missingMaterials: missing });
        await cancelOpenSteps(db, ticket, now, [TicketStepKind.MAIL_MATERIALS]);
      } else {
        await completeStep(db, before, TicketStepKind.RECHECK, returned);
      }
      await transitions.returnWithTicket(ctx, caseDb(db, viewer, ticket, TicketSide.RECEIVING), ticket.applicationId, { reason, missingMaterials: missing });
      await openStep(ctx, db, ticket, TicketStepKind.PUSH, TicketSide.RECEIVING, now, null);
    },
  });
}

/**
 * 转办 to the department window (第六条 "即时推送至同级相关部门窗口"): the handling case opens,
 * accepted (after a department return, the same case takes the supplement and is accepted
 * again); the receiving case is due when it is. The paper materials are due at the
 * handling centre 2 working days from now (第七条 "在申请事项进入审批部门办理环节").
 */
export function forwardTicket(ctx: RequestContext, input: ForwardTicketInput): Promise<CollaborationTicket> {
  return act(ctx, {
    action: TicketAction.FORWARD,
    input,
    changes: () => ({ status: TicketStatus.FORWARDED }),
    apply: async ({ db, ticket, viewer, now }) => {
      const window = await windows.loadWindow(ctx, decodeGlobalIdOf('Window', input.windowId, 'input.windowId'));
      if (!window || window.tenantId !== viewer.tenantId || window.status !== WindowStatus.OPEN) {
        throw new BadUserInputError(m.openWindowOfCentre, 'input.windowId');
      }
      const matter = await matters.loadMatter(ctx, ticket.handlingMatterId);
      const source = await applications.loadApplication(ctx, ticket.applicationId, partyView(ctx, ticket.tenantId));
      if (!matter || !source) throw new NotFoundError(nouns.matter);
      await completeStep(db, ticket, TicketStepKind.RECHECK, { doneAt: now, actorId: viewer.userId, note: 'FORWARDED' });
      const note = `全区通办 from ${source.number}`;
      let handlingCase: Application;
      if (ticket.handlingApplicationId === null) {
        handlingCase = await applications.openForwardedCase(ctx, db, { source, matter, windowId: window.id, note });
        await tickets(db).update(ticket, { handlingApplicationId: handlingCase.id });
      } else {
        await transitions.supplementWithTicket(ctx, db, ticket.handlingApplicationId, `${note} (round ${ticket.round})`);
        handlingCase = await transitions.acceptWithTicket(ctx, db, ticket.handlingApplicationId, `${note} (round ${ticket.round})`);
      }
      await insertStep(db, ticket, { kind: TicketStepKind.DECIDE, owner: TicketSide.HANDLING, dueAt: handlingCase.dueAt });
      await transitions.followDeadlineWithTicket(ctx, caseDb(db, viewer, ticket, TicketSide.RECEIVING), ticket.applicationId, { dueAt: handlingCase.dueAt!, dueAtProvisional: handlingCase.dueAtProvisional }, `全区通办: due with ${handlingCase.number}`);
      const materials = await steps(db).query('s').andWhere('s.ticketId = :id AND s.kind = :kind AND s.cancelledAt IS NULL', { id: ticket.id, kind: TicketStepKind.MAIL_MATERIALS }).getOne();
      if (ticket.paperMaterials && !materials) await openStep(ctx, db, ticket, TicketStepKind.MAIL_MATERIALS, TicketSide.RECEIVING, now, 2);
    },
  });
}

/** Records the department's decision (made on the handling case) on the ticket; mailing is due 1 working day later. */
export function uploadTicketResult(ctx: RequestContext, input: TicketVersionInput): Promise<CollaborationTicket> {
  return act(ctx, {
    action: TicketAction.UPLOAD_RESULT,
    input,
    changes: () => ({ status: TicketStatus.DECIDED }),
    apply: async ({ db, ticket, before }) => {
      const handlingCase = ticket.handlingApplicationId === null ? null : await applications.loadApplication(ctx, ticket.handlingApplicationId);
      if (!handlingCase?.decidedAt) throw new ConflictError(m.notDecidedYet, { status: before.status });
      const decision = await applications.timelineOf(ctx, handlingCase);
      const decider = [...decision].reverse().find((e) => e.action === 'APPROVE' || e.action === 'DENY');
      await completeStep(db, ticket, TicketStepKind.DECIDE, { doneAt: handlingCase.decidedAt, actorId: decider?.actorId ?? null, note: handlingCase.decision ?? '' });
      await openStep(ctx, db, ticket, TicketStepKind.MAIL_RESULT, TicketSide.HANDLING, handlingCase.decidedAt, 1);
    },
  });
}

function mailFields(input: MailInput): { carrier: string; trackingNumber: string } {
  return { carrier: requireText(input.carrier, 'input.carrier', 32), trackingNumber: requireText(input.trackingNumber, 'input.trackingNumber', 40) };
}

/** The receiving case closes with the handling case's decision recorded on it (第七条): neither centre keeps a case open. */
async function deliverReceivingCase(ctx: RequestContext, db: Db, ticket: CollaborationTicket, delivery: Pick<transitions.TicketDelivery, 'method' | 'carrier' | 'trackingNumber'>): Promise<void> {
  const handlingCase = await applications.loadApplication(ctx, ticket.handlingApplicationId!, partyView(ctx, ticket.partnerTenantId));
  if (!handlingCase?.decision || !handlingCase.decidedAt) throw new ConflictError(m.notDecidedYet, { status: ticket.status });
  await transitions.deliverWithTicket(ctx, db, ticket.applicationId, {
    ...delivery,
    decision: handlingCase.decision,
    decidedAt: handlingCase.decidedAt,
    denialReason: handlingCase.denialReason,
    note: `全区通办: ${handlingCase.number} ${handlingCase.decision}`,
  });
}

/**
 * 证照寄送 (第六条, 第七条): the handling case is delivered by mail. To the applicant: the
 * receiving case closes too and the ticket is complete. To the receiving centre: it hands
 * the certificate over (handOverTicketResult).
 */
export function mailTicketResult(ctx: RequestContext, input: MailInput): Promise<CollaborationTicket> {
  const mail = mailFields(input);
  return act(ctx, {
    action: TicketAction.MAIL_RESULT,
    input,
    changes: (ticket) => ({ status: ticket.resultDelivery === ResultDelivery.APPLICANT ? TicketStatus.COMPLETED : TicketStatus.RESULT_SENT }),
    apply: async ({ db, ticket, viewer, now }) => {
      await completeStep(db, ticket, TicketStepKind.MAIL_RESULT, { doneAt: now, actorId: viewer.userId, note: ticket.resultDelivery, ...mail });
      const handlingCase = await applications.loadApplication(ctx, ticket.handlingApplicationId!);
      if (!handlingCase?.decision || !handlingCase.decidedAt) throw new ConflictError(m.notDecidedYet, { status: ticket.status });
      await transitions.deliverWithTicket(ctx, db, handlingCase.id, {
        decision: handlingCase.decision, decidedAt: handlingCase.decidedAt, denialReason: handlingCase.denialReason,
        method: DeliveryMethod.MAIL, ...mail, note: `全区通办: ${ticket.resultDelivery} ${mail.carrier} ${mail.trackingNumber}`,
      });
      if (ticket.resultDelivery === ResultDelivery.APPLICANT) {
        await deliverReceivingCase(ctx, caseDb(db, viewer, ticket, TicketSide.RECEIVING), ticket, { method: DeliveryMethod.MAIL, ...mail });
      } else {
        await openStep(ctx, db, ticket, TicketStepKind.HAND_OVER_RESULT, TicketSide.RECEIVING, now, null);
      }
    },
  });
}

/** 第七条 "邮寄至受理地": the receiving window hands the certificate to the applicant; its case closes and the ticket is complete. */
export function handOverTicketResult(ctx: RequestContext, input: TicketNoteInput): Promise<CollaborationTicket> {
  return act(ctx, {
    action: TicketAction.HAND_OVER_RESULT,
    input,
    changes: () => ({ status: TicketStatus.COMPLETED }),
    apply: async ({ db, ticket, viewer, now }) => {
      await completeStep(db, ticket, TicketStepKind.HAND_OVER_RESULT, { doneAt: now, actorId: viewer.userId, note: input.note.trim() });
      await deliverReceivingCase(ctx, db, ticket, { method: DeliveryMethod.PICKUP, carrier: null, trackingNumber: null });
    },
  });
}

/** 纸质材料: the receiving window mails them (2 working days after the forward). */
export function mailTicketMaterials(ctx: RequestContext, input: MailInput): Promise<CollaborationTicket> {
  const mail = mailFields(input);
  return act(ctx, {
    action: TicketAction.MAIL_MATERIALS,
    input,
    apply: async ({ db, ticket, viewer, now }) => {
      await completeStep(db, ticket, TicketStepKind.MAIL_MATERIALS, { doneAt: now, actorId: viewer.userId, ...mail });
    },
  });
}

/** The paper materials arrived at the handling centre: handing them to the department is due in 1 working day. */
export function receiveTicketMaterials(ctx: RequestContext, input: TicketVersionInput): Promise<CollaborationTicket> {
  return act(ctx, {
    action: TicketAction.RECEIVE_MATERIALS,
    input,
    apply: async ({ db, ticket, now }) => {
      await openStep(ctx, db, ticket, TicketStepKind.HAND_OVER_MATERIALS, TicketSide.HANDLING, now, 1);
    },
  });
}

export function handOverTicketMaterials(ctx: RequestContext, input: TicketVersionInput): Promise<CollaborationTicket> {
  return act(ctx, {
    action: TicketAction.HAND_OVER_MATERIALS,
    input,
    apply: async ({ db, ticket, viewer, now }) => {
      await completeStep(db, ticket, TicketStepKind.HAND_OVER_MATERIALS, { doneAt: now, actorId: viewer.userId });
    },
  });
}

/**
 * Ends a ticket early, in the caller's transaction: CANCELLED with the reason, its open
 * steps cancelled (they leave supervision alerts), and the other side's case, if the
 * ticket reached it, closed with it.
 */
async function endTicket(ctx: RequestContext, db: Db, ticket: CollaborationTicket, reason: string, handlingOutcome: 'WITHDRAWN' | 'SUPPLEMENT_LAPSED'): Promise<void> {
  await cancelOpenSteps(db, ticket, ctx.now());
  if (ticket.handlingApplicationId !== null) {
    await transitions.closeWithTicket(ctx, db.onBehalfOf(ticket.partnerTenantId), ticket.handlingApplicationId, handlingOutcome, `全区通办 撤销: ${reason}`);
  }
}

/** 撤销: the receiving window abandons a ticket in DRAFT or RETURNED, with the reason; its case stays with the centre. */
export function cancelTicket(ctx: RequestContext, input: CancelTicketInput): Promise<CollaborationTicket> {
  const reason = requireText(input.reason, 'input.reason', 500);
  return act(ctx, {
    action: TicketAction.CANCEL,
    input,
    changes: () => ({ status: TicketStatus.CANCELLED, cancelReason: reason }),
    apply: ({ db, ticket }) => endTicket(ctx, db, ticket, reason, 'WITHDRAWN'),
  });
}

/**
 * The ticket follows its receiving case (第五条–第七条): 退件 approved cancels it and
 * withdraws the handling case; a lapsed supplement (逾期未补正) lapses it; the supplement
 * handed in starts the next push's 1 working day.
 */
async function followReceivingCase(ctx: RequestContext, db: Db, _before: Application, after: Application, action: string): Promise<void> {
  const ticket = await tickets(db).query('t').andWhere('t.tenantId = :tenantId AND t.applicationId = :id', { tenantId: after.tenantId, id: after.id }).getOne();
  if (!ticket || ticket.status === TicketStatus.COMPLETED || ticket.status === TicketStatus.CANCELLED) return;
  if (action === 'SUPPLEMENT' && ticket.status === TicketStatus.RETURNED) {
    const push = await currentStep(db, ticket, TicketStepKind.PUSH);
    if (push) await steps(db).update(push, { dueAt: await dueOn(ctx, ticket.tenantId, ctx.now(), 1) });
    return;
  }
  const ended = after.status === ApplicationStatus.WITHDRAWN ? `退件: ${after.withdrawalReason ?? ''}`
    : action === 'CLOSE_LAPSED_SUPPLEMENT' ? '逾期未补正'
    : null;
  if (ended === null) return;
  await tickets(db).updateVersioned(ticket, ticket.version, { status: TicketStatus.CANCELLED, cancelReason: ended.slice(0, 500) });
  await endTicket(ctx, db, ticket, ended, after.status === ApplicationStatus.WITHDRAWN ? 'WITHDRAWN' : 'SUPPLEMENT_LAPSED');
}
transitions.onCaseStep(followReceivingCase);

/** The ticket a case is on, either side, batched over the cases of a page. */
function ticketOfCase(ctx: RequestContext, application: Application): Promise<CollaborationTicket | null> {
  return ctx.loaders
    .get('CollaborationTicket.byCase', () =>
      new DataLoader<Application, CollaborationTicket | null, number>(
        async (cases) => {
          const ids = cases.map((c) => c.id);
          const rows = await tickets(ctx.db).query('t').andWhere('(t.applicationId IN (:...ids) OR t.handlingApplicationId IN (:...ids))', { ids }).getMany();
          const onTicket = (c: Application) => (t: CollaborationTicket) =>
            (t.tenantId === c.tenantId && t.applicationId === c.id) || (t.partnerTenantId === c.tenantId && t.handlingApplicationId === c.id);
          return cases.map((c) => rows.find(onTicket(c)) ?? null);
        },
        { cacheKeyFn: (c) => c.id },
      ),
    )
    .load(application);
}

/**
 * Intake and withdrawal of a case on a ticket: the receiving case takes only these of its
 * own life cycle (its decision is the handling centre's, 第六条); the handling case takes
 * everything but these, which move with the ticket (returns, supplements, and withdrawal
 * with the receiving case's).
 */
const INTAKE_AND_WITHDRAWAL = new Set(['ACCEPT', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT', 'CLOSE_LAPSED_SUPPLEMENT', 'REFUSE', 'REQUEST_WITHDRAWAL', 'DECIDE_WITHDRAWAL']);

/** A case on a live ticket takes the steps that belong to the ticket only through it, so the two cases never drift apart. */
async function ticketStepGuard(ctx: RequestContext, application: Application, action: string): Promise<AppError | null> {
  const ticket = await ticketOfCase(ctx, application);
  if (!ticket || ticket.status === TicketStatus.CANCELLED || ticket.status === TicketStatus.COMPLETED) return null;
  const receiving = ticket.tenantId === application.tenantId && ticket.applicationId === application.id;
  const ownStep = receiving === INTAKE_AND_WITHDRAWAL.has(action);
  return ownStep ? null : new ConflictError(receiving ? m.receivingCaseOnTicket : m.handlingCaseOnTicket, { status: application.status });
}
transitions.guardCaseSteps(ticketStepGuard);

// ---- the cross-province list ---------------------------------------------------

export async function setCrossProvinceMatter(ctx: RequestContext, code: string, name: string, listed: boolean): Promise<boolean> {
  requireRole(ctx, Role.PLATFORM_ADMIN);
  if (!matters.MATTER_CODE.test(code)) throw new BadUserInputError(m.matterCode, 'input.code');
  // The list belongs to no tenant; only platform admins reach this.
  if (listed) await ctx.db.unscoped.save(CrossProvinceMatter, { code, name: requireText(name, 'input.name', 128) });
  else await ctx.db.unscoped.delete(CrossProvinceMatter, { code });
  return listed;
}

export function crossProvinceMatters(ctx: RequestContext): Promise<CrossProvinceMatter[]> {
  requireViewer(ctx);
  // Public information: which matters may be handled across provinces.
  return ctx.db.unscoped.find(CrossProvinceMatter, { order: { code: 'ASC' } });
}

export const nodeLoaders = {
  CollaborationTicket: (ctx: RequestContext, ids: number[]) => tickets(ctx.db).findByIds(ids),
  TicketStep: (ctx: RequestContext, ids: number[]) => steps(ctx.db).findByIds(ids),
};

// ---- figures for the appraisal (考核) ---------------------------------------------

/**
 * 协作不到位 (乌海 第九条; 鞍山 四.3 推诿扯皮): steps of cross-region tickets owned by one of
 * `tenantIds` that fell due in [from, until) and were done late or not at all (cancelled
 * steps never count), each with its owner centre and its owner department: the receiving
 * case's department on the receiving side, the handling matter's department on the
 * handling side. One statement.
 */
export async function lateTicketSteps(db: Db, tenantIds: readonly number[], from: Date, until: Date): Promise<{ id: number; tenantId: number; departmentId: number | null }[]> {
  if (tenantIds.length === 0) return [];
  const ownerTenant = `CASE WHEN s.owner = '${TicketSide.RECEIVING}' THEN s.tenantId ELSE s.partnerTenantId END`;
  const rows = await db
    .scoped(TicketStep)
    .query('s')
    .innerJoin(CollaborationTicket, 't', 't.id = s.ticketId')
    .leftJoin(Application, 'a', `s.owner = '${TicketSide.RECEIVING}' AND a.id = t.applicationId`)
    .leftJoin(Matter, 'm', `s.owner = '${TicketSide.HANDLING}' AND m.id = t.handlingMatterId`)
    .select('s.id', 'id')
    .addSelect(ownerTenant, 'tenantId')
    .addSelect('COALESCE(a.departmentId, m.departmentId)', 'departmentId')
    .andWhere(`${ownerTenant} IN (:...owners)`, { owners: [...tenantIds] })
    .andWhere('s.dueAt >= :from AND s.dueAt < :until AND s.cancelledAt IS NULL AND (s.doneAt IS NULL OR s.doneAt > s.dueAt)', { from, until })
    .orderBy('s.id')
    .getRawMany<{ id: number; tenantId: number; departmentId: number | null }>();
  return rows.map((row) => ({ id: Number(row.id), tenantId: Number(row.tenantId), departmentId: row.departmentId === null ? null : Number(row.departmentId) }));
}
