import { createHash, randomInt } from 'node:crypto';
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { byIdLoader, groupBy, groupedLoader } from '../../db/loaders';
import { nextDailySequence } from '../../db/daily-counter';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { countAttempt, ThrottlePolicy } from '../../auth/throttle';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import { Department, DepartmentKind, Tenant, TenantLevel } from '../tenancy/entities';
import { Window } from '../windows/entities';
import { Application, SupervisionLight } from '../applications/entities';
import * as calendar from '../calendar/service';
import {
  Complaint,
  ComplaintAction,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintEvent,
  ComplaintHandler,
  ComplaintOutcome,
  ComplaintSettings,
  ComplaintStatus,
} from './entities';
import {
  AssignComplaintInput,
  ComplaintFilter,
  ComplaintOrderField,
  ComplaintReturnVisitInput,
  ComplaintSettingsInput,
  complaintSorting,
  ComplaintSubjectInput,
  ComplaintVersionInput,
  FileComplaintInput,
  RecordComplaintInput,
  ResolveComplaintInput,
} from './inputs';
import { ComplainedAbout, complainedAbout, isComplainedAbout } from './subjects';
import { complaintMessages as m } from './messages';

/** 锦州 第二十七条 leaves the time limit to the centre; 10 working days unless it sets another. */
export const DEFAULT_REPLY_WORKING_DAYS = 10;

/** Per client: a person with several complaints, not a flood. A refused filing rolls back with its mutation, so this counts filings accepted. */
export const FILING_THROTTLE: ThrottlePolicy = { maxAttempts: 5, windowMinutes: 60, lock: 'fixed', lockMinutes: 60 };

const OPEN_STATUSES = [ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED, ComplaintStatus.INVESTIGATING];
/** Roles that read complaints (in their scope); other staff read none. */
const READERS = [Role.CENTRE_ADMIN, Role.SUPERVISOR, Role.AUDITOR];
const STAFF_CHANNELS = [ComplaintChannel.MAILBOX, ComplaintChannel.PHONE, ComplaintChannel.HOTLINE_12345, ComplaintChannel.ON_SITE];
/** No 0/O, 1/I/L: the code is read out over the phone. */
const QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 10;

const complaints = (db: Db) => db.scoped(Complaint);

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

// ---- reads ------------------------------------------------------------------------

/** Complaints the viewer may read: in scope, and only for the roles that handle or watch them. */
function visibleComplaints(ctx: RequestContext, alias: string) {
  const viewer = requireViewer(ctx);
  const query = complaints(ctx.db).query(alias);
  return READERS.some((role) => viewer.roles.has(role)) ? query : query.andWhere('1 = 0');
}

export function loadComplaint(ctx: RequestContext, id: number): Promise<Complaint | null> {
  return ctx.loaders.get('Complaint.byId', () => byIdLoader((ids) => visibleComplaints(ctx, 'c').andWhere('c.id IN (:...ids)', { ids }).getMany())).load(id);
}

export function complaintByNumber(ctx: RequestContext, number: string): Promise<Complaint | null> {
  return visibleComplaints(ctx, 'c').andWhere('c.number = :number', { number }).getOne();
}

export async function listComplaints(ctx: RequestContext, args: ListArgs<ComplaintOrderField>, filter: ComplaintFilter = {}): Promise<ConnectionResult<Complaint>> {
  const query = visibleComplaints(ctx, 'c');
  if (filter.tenantCode) query.andWhere('c.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
  if (filter.category) query.andWhere('c.category = :category', { category: filter.category });
  if (filter.handler) query.andWhere('c.handler = :handler', { handler: filter.handler });
  return paginate(query, { list: 'complaints', alias: 'c', sorting: complaintSorting }, args);
}

export function timelineOf(ctx: RequestContext, complaint: Complaint): Promise<ComplaintEvent[]> {
  return ctx.loaders
    .get('ComplaintEvent.byComplaint', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(ComplaintEvent).query('e').andWhere('e.complaintId IN (:...ids)', { ids }).orderBy('e.id').getMany(),
        (row) => row.complaintId,
      ),
    )
    .load(complaint.id);
}


// ---- settings and deadlines -------------------------------------------------------

function settingsRow(db: Db, tenantId: number): Promise<ComplaintSettings | null> {
  return db.scoped(ComplaintSettings).query('s').andWhere('s.tenantId = :tenantId', { tenantId }).getOne();
}

/** The centre's reply limit in working days (its setting, else the default). */
async function replyWorkingDays(db: Db, tenantId: number): Promise<number> {
  return (await settingsRow(db, tenantId))?.replyWorkingDays ?? DEFAULT_REPLY_WORKING_DAYS;
}

export async function complaintSettings(ctx: RequestContext, tenantCode: string): Promise<{ tenant: Tenant; replyWorkingDays: number; version: number | null } | null> {
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  if (!tenant) return null;
  const row = await settingsRow(ctx.db, tenant.id);
  return { tenant, replyWorkingDays: row?.replyWorkingDays ?? DEFAULT_REPLY_WORKING_DAYS, version: row?.version ?? null };
}

/** Centre admin: the own centre's reply limit; later complaints get it (received ones keep their deadline). */
export async function setComplaintSettings(ctx: RequestContext, input: ComplaintSettingsInput): Promise<{ tenant: Tenant; replyWorkingDays: number; version: number | null }> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  if (!Number.isInteger(input.replyWorkingDays) || input.replyWorkingDays < 1 || input.replyWorkingDays > 60) {
    throw new BadUserInputError(m.replyDays, 'input.replyWorkingDays');
  }
  const settings = ctx.db.scoped(ComplaintSettings);
  try {
    await ctx.db.transaction(async (db) => {
      const existing = await settingsRow(db, viewer.tenantId);
      if (existing) {
        if (input.version === undefined || input.version === null) throw new ConflictError(m.settingsExist, { field: 'version' });
        await db.scoped(ComplaintSettings).updateVersioned(existing, input.version, { replyWorkingDays: input.replyWorkingDays });
      } else {
        await db.scoped(ComplaintSettings).save(settings.create({ tenantId: viewer.tenantId, replyWorkingDays: input.replyWorkingDays }));
      }
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError(m.settingsExist, { field: 'version' });
    throw error;
  }
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  return (await complaintSettings(ctx, tenant!.code))!;
}

/** The end of the next working day: an open complaint due by then is YELLOW (as for cases). */
async function yellowUntil(ctx: RequestContext, tenant: Tenant): Promise<Date> {
  return (await calendar.calendarOf(ctx, tenant)).deadline(ctx.now(), 1);
}

/**
 * 电子监察 light of a complaint, as for cases: open, RED when past its reply deadline,
 * YELLOW with at most one working day left, else GREEN; replied, RED if the reply was
 * late, else GREEN.
 */
export function lightOf(complaint: Complaint, now: Date, yellowBound: Date): SupervisionLight {
  if (OPEN_STATUSES.includes(complaint.status)) {
    if (now > complaint.dueAt) return SupervisionLight.RED;
    return complaint.dueAt <= yellowBound ? SupervisionLight.YELLOW : SupervisionLight.GREEN;
  }
  return complaint.resolvedAt && complaint.resolvedAt > complaint.dueAt ? SupervisionLight.RED : SupervisionLight.GREEN;
}

export async function lightOfComplaint(ctx: RequestContext, complaint: Complaint): Promise<SupervisionLight> {
  const tenant = await tenancy.loadTenant(ctx, complaint.tenantId);
  return lightOf(complaint, ctx.now(), await yellowUntil(ctx, tenant!));
}

/**
 * 电子监察: open complaints past their reply deadline in the given tenants, the most
 * overdue first, at most `first` per tenant (for supervisionAlerts).
 */
export async function lateComplaints(ctx: RequestContext, tenantIds: number[], first: number): Promise<Map<number, Complaint[]>> {
  if (tenantIds.length === 0) return new Map();
  // Ranked per tenant by a window function in a subquery: one statement, at most `first` rows per tenant.
  const ranked = visibleComplaints(ctx, 'r')
    .select('r.id', 'id')
    .addSelect('ROW_NUMBER() OVER (PARTITION BY r.tenantId ORDER BY r.dueAt, r.id)', 'rank_in_tenant')
    .andWhere('r.tenantId IN (:...lateTenants) AND r.status IN (:...openStatuses) AND r.dueAt < :now', { lateTenants: tenantIds, openStatuses: OPEN_STATUSES, now: ctx.now() });
  const late = await complaints(ctx.db)
    .query('c')
    .innerJoin(`(${ranked.getQuery()})`, 'ranked', 'ranked.id = c.id AND ranked.rank_in_tenant <= :first', { ...ranked.getParameters(), first })
    .orderBy('c.dueAt', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .getMany();
  return groupBy(late, (complaint) => complaint.tenantId);
}

/** An open complaint past its reply deadline, as the supervision check needs it. */
export interface LateComplaintCause {
  id: number;
  tenantId: number;
  number: string;
  dueAt: Date;
  handlingDepartmentId: number;
  assigneeId: number | null;
  /** 2 after a reopening (a second reply deadline), else 1. */
  round: number;
}

/**
 * 电子监察: every open complaint of the given tenants past its reply deadline, in one
 * statement, for the periodic check (the system's: no viewer rule applies).
 */
export async function lateComplaintsForCheck(ctx: RequestContext, tenantIds: number[]): Promise<LateComplaintCause[]> {
  if (tenantIds.length === 0) return [];
  const late = await complaints(ctx.db)
    .query('c')
    .select(['c.id', 'c.tenantId', 'c.number', 'c.dueAt', 'c.handlingDepartmentId', 'c.assigneeId', 'c.reopened'])
    .andWhere('c.tenantId IN (:...checkTenants) AND c.status IN (:...openStatuses) AND c.dueAt < :now', { checkTenants: tenantIds, openStatuses: OPEN_STATUSES, now: ctx.now() })
    .orderBy('c.id')
    .getMany();
  return late.map((c) => ({ id: c.id, tenantId: c.tenantId, number: c.number, dueAt: c.dueAt, handlingDepartmentId: c.handlingDepartmentId, assigneeId: c.assigneeId, round: c.reopened ? 2 : 1 }));
}

// ---- intake -----------------------------------------------------------------------

interface SubjectIds {
  windowId: number | null;
  staffId: number | null;
  departmentId: number | null;
  applicationId: number | null;
}

/**
 * The subject, every part in the centre complained to; read through `db` (the filer's
 * read-only view of that centre, or the recording staff's scope), one problem at a time.
 */
async function subjectOf(ctx: RequestContext, db: Db, tenant: Tenant, subject: ComplaintSubjectInput): Promise<SubjectIds> {
  const field = (name: string) => `input.subject.${name}`;
  if (!subject.windowNumber && !subject.staffId && !subject.departmentId && !subject.applicationNumber) {
    throw new BadUserInputError(m.nameSomeSubject, 'input.subject');
  }
  const via = { db, key: `complaint:${tenant.id}` };
  let windowId: number | null = null;
  if (subject.windowNumber) {
    const number = subject.windowNumber.trim();
    const window = await db.scoped(Window).query('w').andWhere('w.tenantId = :tenantId AND w.number = :number', { tenantId: tenant.id, number }).getOne();
    if (!window) throw new BadUserInputError(m.windowNumber(number.slice(0, 16)), field('windowNumber'));
    windowId = window.id;
  }
  let staffId: number | null = null;
  if (subject.staffId) {
    const user = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', subject.staffId, field('staffId')), via);
    if (!user || user.tenantId !== tenant.id) throw new BadUserInputError(m.staffOfCentre, field('staffId'));
    staffId = user.id;
  }
  let departmentId: number | null = null;
  if (subject.departmentId) {
    const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', subject.departmentId, field('departmentId')), via);
    if (!department || department.tenantId !== tenant.id) throw new BadUserInputError(m.departmentOfCentre, field('departmentId'));
    departmentId = department.id;
  }
  let applicationId: number | null = null;
  if (subject.applicationNumber) {
    const number = subject.applicationNumber.trim();
    const application = await db.scoped(Application).query('a').andWhere('a.tenantId = :tenantId AND a.number = :number', { tenantId: tenant.id, number }).getOne();
    if (!application) throw new BadUserInputError(m.caseOfCentre(number.slice(0, 32)), field('applicationNumber'));
    applicationId = application.id;
  }
  return { windowId, staffId, departmentId, applicationId };
}

/** The complaint's own texts, every problem at once. */
function complaintTexts(input: FileComplaintInput | RecordComplaintInput): { content: string; complainantName: string | null; complainantContact: string | null } {
  const check = new InputCheck();
  const content = check.text(input.content, 'input.content', 2000);
  const optional = (value: string | undefined, field: string, message: typeof m.contact) => {
    const text = value?.trim() ?? '';
    check.that(value === undefined || value === null || (text.length > 0 && [...text].length <= 100), field, message);
    return text === '' ? null : text;
  };
  const complainantName = optional(input.complainantName, 'input.complainantName', m.complainantName);
  const complainantContact = optional(input.complainantContact, 'input.complainantContact', m.contact);
  check.done();
  return { content, complainantName, complainantContact };
}

/**
 * 锦州 第二十七条: a violation (违法违纪) goes to the centre's supervision department (监察),
 * everything else to the centre (审批办, the approval bureau). The lowest-numbered such
 * department of the centre takes it.
 */
async function routeOf(db: Db, tenant: Tenant, category: ComplaintCategory): Promise<{ handler: ComplaintHandler; departmentId: number }> {
  const handler = category === ComplaintCategory.VIOLATION ? ComplaintHandler.SUPERVISION : ComplaintHandler.CENTRE;
  const kind = handler === ComplaintHandler.SUPERVISION ? DepartmentKind.SUPERVISION : DepartmentKind.APPROVAL_BUREAU;
  const department = await db.scoped(Department).query('d').andWhere('d.tenantId = :tenantId AND d.kind = :kind', { tenantId: tenant.id, kind }).orderBy('d.id').getOne();
  if (!department) throw new ConflictError(handler === ComplaintHandler.SUPERVISION ? m.noSupervision : m.noCentreOffice);
  return { handler, departmentId: department.id };
}

function newQueryCode(): string {
  return Array.from({ length: QUERY_CODE_LENGTH }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join('');
}

export interface ComplaintReceipt {
  complaint: Complaint;
  /** Given once: only its hash is kept. */
  queryCode: string;
}

/** Receives, numbers, routes and dates a complaint in `db` (which writes in the tenant), with its first timeline event. */
async function receive(
  ctx: RequestContext,
  db: Db,
  tenant: Tenant,
  channel: ComplaintChannel,
  input: FileComplaintInput | RecordComplaintInput,
  receivedById: number | null,
): Promise<ComplaintReceipt> {
  const texts = complaintTexts(input);
  const subject = await subjectOf(ctx, db, tenant, input.subject);
  const route = await routeOf(db, tenant, input.category);
  const now = ctx.now();
  const queryCode = newQueryCode();
  const complaint = await db.transaction(async (tx) => {
    const workingCalendar = await calendar.calendarOf(ctx, tenant, tx);
    const day = workingCalendar.localDate(now).replace(/-/g, '');
    const sequence = await nextDailySequence(tx, 'complaint_counter', tenant.id, day);
    const saved = await complaints(tx).save(
      complaints(tx).create({
        tenantId: tenant.id,
        number: `${tenant.code}-TS-${day}-${String(sequence).padStart(6, '0')}`,
        queryCodeHash: hashQueryCode(queryCode),
        channel,
        category: input.category,
        handler: route.handler,
        handlingDepartmentId: route.departmentId,
        status: ComplaintStatus.RECEIVED,
        anonymous: texts.complainantName === null && texts.complainantContact === null,
        ...texts,
        ...subject,
        receivedById,
        receivedAt: now,
        dueAt: workingCalendar.deadline(now, await replyWorkingDays(tx, tenant.id)),
        assigneeId: null,
        outcome: null,
        findings: null,
        reply: null,
        resolvedAt: null,
        returnVisitSatisfied: null,
        returnVisitNote: null,
        returnVisitAt: null,
        returnVisitById: null,
        reopened: false,
        closedAt: null,
      }),
    );
    await recordEvent(tx, saved, ComplaintAction.RECEIVE, null, ComplaintStatus.RECEIVED, receivedById, now);
    return saved;
  });
  return { complaint, queryCode };
}

/**
 * 网上投诉, without a token: to any centre by its code, throttled per client. The caller
 * gets the number and the query code, never the complaint itself.
 */
export async function fileComplaint(ctx: RequestContext, input: FileComplaintInput): Promise<{ number: string; queryCode: string; dueAt: Date }> {
  if (!/^\d{6}$/.test(input.tenantCode)) throw new BadUserInputError(m.noSuchCentre(input.tenantCode.slice(0, 12)), 'input.tenantCode');
  await countAttempt(ctx.db, `complaint-filing:${ctx.clientIp}`, ctx.now(), FILING_THROTTLE);
  // Unscoped on purpose: the filer is anonymous; any centre (not the platform's province) takes complaints.
  const tenant = await ctx.db.unscoped.findOne(Tenant, { where: { code: input.tenantCode } });
  if (!tenant || tenant.level === TenantLevel.PROVINCE) throw new BadUserInputError(m.noSuchCentre(input.tenantCode), 'input.tenantCode');
  const { complaint, queryCode } = await receive(ctx, ctx.db.onBehalfOf(tenant.id), tenant, ComplaintChannel.ONLINE, input, null);
  return { number: complaint.number, queryCode, dueAt: complaint.dueAt };
}

/** Staff of the centre (审批办 or 监察) record a complaint received by letter, phone, 12345 or in person. */
export async function recordComplaint(ctx: RequestContext, input: RecordComplaintInput): Promise<ComplaintReceipt> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.SUPERVISOR);
  if (!STAFF_CHANNELS.includes(input.channel)) throw new BadUserInputError(m.staffChannel, 'input.channel');
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  const receipt = await receive(ctx, ctx.db, tenant, input.channel, input, viewer.userId);
  return { complaint: (await complaints(ctx.db).findById(receipt.complaint.id))!, queryCode: receipt.queryCode };
}

// ---- handling ---------------------------------------------------------------------

async function recordEvent(db: Db, complaint: Complaint, action: ComplaintAction, from: ComplaintStatus | null, to: ComplaintStatus, actorId: number | null, at: Date): Promise<void> {
  await db.scoped(ComplaintEvent).insertMany([{ tenantId: complaint.tenantId, complaintId: complaint.id, action, fromStatus: from, toStatus: to, actorId, at }]);
}

/** The role that handles a complaint of this route (锦州 第二十七条). */
function handlerRole(complaint: Complaint): Role {
  return complaint.handler === ComplaintHandler.SUPERVISION ? Role.SUPERVISOR : Role.CENTRE_ADMIN;
}

/** The viewer handles this complaint: its route's role, its centre, and not what it is about. */
async function assertHandler(ctx: RequestContext, viewer: Viewer, complaint: Complaint): Promise<void> {
  if (!viewer.roles.has(handlerRole(complaint))) {
    throw new ForbiddenError(complaint.handler === ComplaintHandler.SUPERVISION ? m.handledBySupervision : m.handledByCentre);
  }
  complaints(ctx.db).assertWritable(complaint);
  if (isComplainedAbout(await complainedAbout(ctx, complaint), viewer)) throw new ForbiddenError(m.complainedAbout);
}

type Rule = (viewer: Viewer, complaint: Complaint) => Promise<void> | void;

/**
 * One transition: the complaint read in scope (NOT_FOUND otherwise), the actor checked,
 * then version and status (CONFLICT), applied by one conditional UPDATE with its
 * timeline event, so of two racing handlers one wins.
 */
async function move(
  ctx: RequestContext,
  input: ComplaintVersionInput,
  action: ComplaintAction,
  from: ComplaintStatus[],
  actor: Rule,
  changes: (complaint: Complaint, viewer: Viewer, now: Date) => Promise<Partial<Complaint>> | Partial<Complaint>,
): Promise<Complaint> {
  const viewer = requireViewer(ctx);
  const id = decodeGlobalIdOf('Complaint', input.id, 'input.id');
  const complaint = await complaints(ctx.db).findById(id);
  if (!complaint || !READERS.some((role) => viewer.roles.has(role))) throw new NotFoundError(m.complaint);
  await actor(viewer, complaint);
  if (complaint.version !== input.version) throw new ConflictError(m.stale, { field: 'version', status: complaint.status });
  if (!from.includes(complaint.status)) throw new ConflictError(m.notInStatus(complaint.status), { status: complaint.status });
  const now = ctx.now();
  const fields = await changes(complaint, viewer, now);
  await ctx.db.transaction(async (db) => {
    await complaints(db).updateVersioned(complaint, input.version, fields);
    await recordEvent(db, complaint, action, complaint.status, fields.status ?? complaint.status, viewer.userId, now);
  });
  return complaints(ctx.db).getById(id, m.complaint);
}

/** The assignee (who is never complained about: assignment checks it). */
const byAssignee: Rule = (viewer, complaint) => {
  if (complaint.assigneeId !== viewer.userId) throw new ForbiddenError(m.assigneeOnly);
};

/** 分派: to an active handler of the route in the centre who is not complained about; or to another one. */
export function assignComplaint(ctx: RequestContext, input: AssignComplaintInput): Promise<Complaint> {
  return move(ctx, input, ComplaintAction.ASSIGN, [ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED], (viewer, c) => assertHandler(ctx, viewer, c), async (complaint) => {
    const role = handlerRole(complaint);
    const assignee = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', input.assigneeId, 'input.assigneeId'));
    if (!assignee || assignee.tenantId !== complaint.tenantId || !assignee.active || !assignee.roles.includes(role)) {
      throw new BadUserInputError(m.assigneeRole(role), 'input.assigneeId');
    }
    if (isComplainedAbout(await complainedAbout(ctx, complaint), { userId: assignee.id, departmentId: assignee.departmentId })) {
      throw new BadUserInputError(m.assigneeComplainedAbout, 'input.assigneeId');
    }
    return { status: ComplaintStatus.ASSIGNED, assigneeId: assignee.id };
  });
}

export function startInvestigation(ctx: RequestContext, input: ComplaintVersionInput): Promise<Complaint> {
  return move(ctx, input, ComplaintAction.START_INVESTIGATION, [ComplaintStatus.ASSIGNED], byAssignee, () => ({ status: ComplaintStatus.INVESTIGATING }));
}

/** 答复: upheld or not, the findings and the reply the complainant sees. */
export function resolveComplaint(ctx: RequestContext, input: ResolveComplaintInput): Promise<Complaint> {
  const check = new InputCheck();
  const findings = check.text(input.findings, 'input.findings', 2000);
  const reply = check.text(input.reply, 'input.reply', 2000);
  check.done();
  return move(ctx, input, ComplaintAction.RESOLVE, [ComplaintStatus.INVESTIGATING], byAssignee, (_complaint, _viewer, now) => ({
    status: ComplaintStatus.RESOLVED,
    outcome: input.outcome,
    findings,
    reply,
    resolvedAt: now,
  }));
}

/**
 * 回访 by a handler: satisfied closes the complaint; unsatisfied closes it too, unless the
 * handler reopens it (once), which starts the investigation again with a new reply deadline.
 */
export function recordReturnVisit(ctx: RequestContext, input: ComplaintReturnVisitInput): Promise<Complaint> {
  const note = input.note?.trim() ?? '';
  if ([...note].length > 1000) throw new BadUserInputError(m.note, 'input.note');
  if (input.reopen && input.satisfied) throw new BadUserInputError(m.reopenUnsatisfied, 'input.reopen');
  const action = input.reopen ? ComplaintAction.REOPEN : ComplaintAction.RETURN_VISIT;
  return move(ctx, input, action, [ComplaintStatus.RESOLVED], (viewer, c) => assertHandler(ctx, viewer, c), async (complaint, viewer, now) => {
    const visit = { returnVisitSatisfied: input.satisfied, returnVisitNote: note, returnVisitAt: now, returnVisitById: viewer.userId };
    if (!input.reopen) return { ...visit, status: ComplaintStatus.CLOSED, closedAt: now };
    if (complaint.reopened) throw new ConflictError(m.reopenOnce, { status: complaint.status });
    const tenant = await tenancy.loadTenant(ctx, complaint.tenantId);
    const dueAt = (await calendar.calendarOf(ctx, tenant!)).deadline(now, await replyWorkingDays(ctx.db, complaint.tenantId));
    return { ...visit, status: ComplaintStatus.INVESTIGATING, reopened: true, dueAt, outcome: null, resolvedAt: null };
  });
}

// ---- for the sanction register ----------------------------------------------------

/** A complaint of the viewer's scope by id (NOT_FOUND otherwise), with what it is about. */
export async function complaintForSanction(ctx: RequestContext, globalId: string, field: string): Promise<{ complaint: Complaint; about: ComplainedAbout }> {
  const complaint = await loadComplaint(ctx, decodeGlobalIdOf('Complaint', globalId, field));
  if (!complaint) throw new NotFoundError(m.complaint);
  return { complaint, about: await complainedAbout(ctx, complaint) };
}

export const isUpheld = (complaint: Complaint): boolean =>
  (complaint.status === ComplaintStatus.RESOLVED || complaint.status === ComplaintStatus.CLOSED) && complaint.outcome === ComplaintOutcome.UPHELD;

export const nodeLoaders = {
  Complaint: (ctx: RequestContext, ids: number[]) => visibleComplaints(ctx, 'c').andWhere('c.id IN (:...ids)', { ids }).getMany(),
  ComplaintEvent: async (ctx: RequestContext, ids: number[]) => {
    const events = await ctx.db.scoped(ComplaintEvent).findByIds(ids);
    const visible = new Set((await Promise.all(events.map((e) => loadComplaint(ctx, e.complaintId)))).filter((c) => c !== null).map((c) => c!.id));
    return events.filter((e) => visible.has(e.complaintId));
  },
  ComplaintSettings: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(ComplaintSettings).findByIds(ids),
};

// ---- figures for the appraisal (考核) ---------------------------------------------

/** Complaints about a staff member or a window found upheld (投诉属实) in [from, to), by reply time. One statement. */
export async function upheldComplaints(db: Db, tenantId: number, by: 'staffId' | 'windowId', from: Date, to: Date): Promise<{ id: number; subjectId: number }[]> {
  const rows = await db
    .scoped(Complaint)
    .query('c')
    .select('c.id', 'id')
    .addSelect(`c.${by}`, 'subjectId')
    .andWhere(`c.tenantId = :tenantId AND c.${by} IS NOT NULL AND c.outcome = :upheld AND c.resolvedAt >= :from AND c.resolvedAt < :to`, { tenantId, upheld: ComplaintOutcome.UPHELD, from, to })
    .orderBy('c.id')
    .getRawMany<{ id: number; subjectId: number }>();
  return rows.map((row) => ({ id: Number(row.id), subjectId: Number(row.subjectId) }));
}

/** Upheld complaints (投诉属实) of each centre in [from, to), whoever they were about (a city's centre-level appraisal). One statement. */
export async function upheldComplaintsByCentre(db: Db, tenantIds: readonly number[], from: Date, to: Date): Promise<{ id: number; subjectId: number }[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .scoped(Complaint)
    .query('c')
    .select('c.id', 'id')
    .addSelect('c.tenantId', 'subjectId')
    .andWhere('c.tenantId IN (:...centres) AND c.outcome = :upheld AND c.resolvedAt >= :from AND c.resolvedAt < :to', { centres: [...tenantIds], upheld: ComplaintOutcome.UPHELD, from, to })
    .orderBy('c.id')
    .getRawMany<{ id: number; subjectId: number }>();
  return rows.map((row) => ({ id: Number(row.id), subjectId: Number(row.subjectId) }));
}
