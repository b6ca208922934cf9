import { RequestContext } from '../../context';
import { requireText } from '../../validation/text';
import { Db } from '../../db/db';
import { byIdLoader } from '../../db/loaders';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import { Tenant, User } from '../tenancy/entities';
import * as matters from '../matters/service';
import { Matter } from '../matters/entities';
import { CollaborationTicket, ContactLedgerEntry, ProblemCategory, ProblemLedgerEntry, ProblemStatus } from './entities';
import { AssignProblemInput, ContactOrderField, contactSorting, ProblemFilter, ProblemOrderField, problemSorting, ProblemVersionInput, RaiseProblemInput, RectifyProblemInput, SetContactLedgerEntryInput } from './ledger-inputs';
import { loadTicket, partyView } from './service';
import { isDuplicateKey } from '../../db/errors';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { collaborationMessages as m } from './messages';

/**
 * 联系人台账 and 问题台账 (乌海 mechanism art. 2 and 3): who answers for each cross-region
 * matter in a centre, and the problems the centres raise and rectify.
 */

const contacts = (db: Db) => db.scoped(ContactLedgerEntry);
const problems = (db: Db) => db.scoped(ProblemLedgerEntry);

/** A read-only view of one party's rows (`partyView`), or undefined for the request's own scope. */
type View = { db: Db; key: string } | undefined;

/**
 * How a contact entry was read: through the request's scope, or through the read-only
 * view of the other party of a ticket (then with that party's matter, read through the
 * same view). Kept beside the row, not on it, so the entity stays its table's shape.
 */
const readThrough = new WeakMap<ContactLedgerEntry, { view: View; matter: Matter }>();

/** Every staff role; the read-only AUDITOR is refused before any resolver runs. */
const STAFF_ROLES = [Role.CENTRE_ADMIN, Role.WINDOW_STAFF, Role.APPROVER, Role.FINANCE, Role.SUPERVISOR];


/** A user of one tenant, read through `view` (batched per view); the own scope uses the tenancy service. */
function loadUserVia(ctx: RequestContext, id: number, view: View): Promise<User | null> {
  if (!view) return tenancy.loadUser(ctx, id);
  return ctx.loaders.get(`ContactLedger.user:${view.key}`, () => byIdLoader((ids) => view.db.scoped(User).findByIds(ids))).load(id);
}

/** An active staff member of `tenantId`, or BAD_USER_INPUT naming `field` (missing and foreign look the same). */
async function activeStaffOf(ctx: RequestContext, globalId: string, field: string, tenantId: number): Promise<User> {
  const user = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', globalId, field));
  if (!user || user.tenantId !== tenantId || !user.active) {
    throw new BadUserInputError(m.activeStaff(field.replace('input.', '')), field);
  }
  return user;
}

// ---- 联系人台账: contact ledger --------------------------------------------------------------

/** The entry's matter: the one read with it through a party's view, else the matters service's. */
export function contactMatter(ctx: RequestContext, entry: ContactLedgerEntry): Promise<Matter | null> {
  const read = readThrough.get(entry);
  return read ? Promise.resolve(read.matter) : matters.loadMatter(ctx, entry.matterId);
}

/** The responsible person or the deputy, read through the same view as the entry. */
export function contactUser(ctx: RequestContext, entry: ContactLedgerEntry, id: number | null): Promise<User | null> {
  if (id === null) return Promise.resolve(null);
  return loadUserVia(ctx, id, readThrough.get(entry)?.view);
}

export function contactTenant(ctx: RequestContext, entry: ContactLedgerEntry): Promise<Tenant | null> {
  return tenancy.loadTenant(ctx, entry.tenantId, readThrough.get(entry)?.view);
}

/** 联系人台账 of the readable centres (a city user sees its subordinates'), optionally of one centre. */
export function listContacts(ctx: RequestContext, args: ListArgs<ContactOrderField>, tenantCode?: string | null): Promise<ConnectionResult<ContactLedgerEntry>> {
  requireViewer(ctx);
  const query = contacts(ctx.db).query('c');
  if (tenantCode) query.innerJoin(Tenant, 'ct', 'ct.id = c.tenantId').andWhere('ct.code = :tenantCode', { tenantCode });
  return paginate(query, { list: 'contactLedger', alias: 'c', sorting: contactSorting }, args);
}

/**
 * Names the responsible person and deputy of a cross-region matter of the admin's own
 * centre: creates the entry, or replaces it when given the version the admin last read.
 */
export async function setContact(ctx: RequestContext, input: SetContactLedgerEntryInput): Promise<ContactLedgerEntry> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const matter = await matters.loadMatter(ctx, decodeGlobalIdOf('Matter', input.matterId, 'input.matterId'));
  if (!matter) throw new NotFoundError(nouns.matter);
  if (matter.tenantId !== viewer.tenantId) throw new ForbiddenError(m.ownContactLedger);
  const tenant = await tenancy.loadTenant(ctx, matter.tenantId);
  if (!tenant || !(await matters.onCrossRegionList(ctx, tenant, matter.code))) {
    throw new BadUserInputError(m.notOnCrossRegionList(matter.code, matter.name), 'input.matterId');
  }
  const responsible = await activeStaffOf(ctx, input.responsibleId, 'input.responsibleId', matter.tenantId);
  const deputy = input.deputyId ? await activeStaffOf(ctx, input.deputyId, 'input.deputyId', matter.tenantId) : null;
  if (deputy && deputy.id === responsible.id) throw new BadUserInputError(m.deputyDiffers, 'input.deputyId');
  const fields = { responsibleId: responsible.id, deputyId: deputy?.id ?? null };
  let id: number;
  try {
    id = await ctx.db.transaction(async (db) => {
      const existing = await contacts(db).query('c').andWhere('c.tenantId = :tenantId AND c.matterId = :matterId', { tenantId: matter.tenantId, matterId: matter.id }).getOne();
      if (existing) {
        if (input.version === undefined || input.version === null) {
          throw new ConflictError(m.contactExists, { field: 'version' });
        }
        await contacts(db).updateVersioned(existing, input.version, fields);
        return existing.id;
      }
      if (input.version !== undefined && input.version !== null) {
        throw new ConflictError(m.noContactToReplace, { field: 'version' });
      }
      return (await contacts(db).save(contacts(db).create({ tenantId: matter.tenantId, matterId: matter.id, ...fields }))).id;
    });
  } catch (error) {
    // Two admins creating the same entry at once: the unique (tenant, matter) index lets one win.
    if (isDuplicateKey(error)) throw new ConflictError(m.contactJustCreated, { field: 'version' });
    throw error;
  }
  return contacts(ctx.db).getById(id, m.contactEntry);
}

/** One side's entry for a matter code, read through `view` (the own scope when undefined). */
async function contactForCode(ctx: RequestContext, tenantId: number, matterCode: string, view: View): Promise<ContactLedgerEntry | null> {
  const db = view?.db ?? ctx.db;
  const matter = await db.scoped(Matter).query('m').andWhere('m.tenantId = :tenantId AND m.code = :code', { tenantId, code: matterCode }).getOne();
  if (!matter) return null;
  const entry = await contacts(db).query('c').andWhere('c.tenantId = :tenantId AND c.matterId = :matterId', { tenantId, matterId: matter.id }).getOne();
  if (entry) readThrough.set(entry, { view, matter });
  return entry;
}

/**
 * The contact entries of both centres of a ticket for its matter. The ticket must be
 * readable (a third centre gets NOT_FOUND, as for a missing id); a side the viewer does
 * not read itself is read through that party's read-only view.
 */
export async function ticketContacts(ctx: RequestContext, ticketId: string): Promise<{ receiving: ContactLedgerEntry | null; handling: ContactLedgerEntry | null }> {
  requireViewer(ctx);
  const ticket = await loadTicket(ctx, decodeGlobalIdOf('CollaborationTicket', ticketId, 'ticketId'));
  if (!ticket) throw new NotFoundError(nouns.ticket);
  const viewOf = (tenantId: number): View => (ctx.db.scope.canRead(tenantId) ? undefined : partyView(ctx, tenantId));
  const [receiving, handling] = await Promise.all(
    [ticket.tenantId, ticket.partnerTenantId].map((tenantId) => contactForCode(ctx, tenantId, ticket.matterCode, viewOf(tenantId))),
  );
  return { receiving, handling };
}

// ---- 问题台账: problem ledger --------------------------------------------------------------

/** A ticket of a problem, batched; problems are read in the raiser's centre, a party of the ticket. */
export function problemTicket(ctx: RequestContext, problem: ProblemLedgerEntry): Promise<CollaborationTicket | null> {
  if (problem.ticketId === null) return Promise.resolve(null);
  return ctx.loaders
    .get('ProblemLedger.ticket', () => byIdLoader((ids) => ctx.db.scoped(CollaborationTicket).findByIds(ids)))
    .load(problem.ticketId);
}

export function problemMatter(ctx: RequestContext, problem: ProblemLedgerEntry): Promise<Matter | null> {
  return matters.loadMatter(ctx, problem.matterId);
}


export function problemTenant(ctx: RequestContext, problem: ProblemLedgerEntry): Promise<Tenant | null> {
  return tenancy.loadTenant(ctx, problem.tenantId);
}

export function listProblems(ctx: RequestContext, args: ListArgs<ProblemOrderField>, filter: ProblemFilter = {}): Promise<ConnectionResult<ProblemLedgerEntry>> {
  requireViewer(ctx);
  const query = problems(ctx.db).query('p');
  if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
  if (filter.category) query.andWhere('p.category = :category', { category: filter.category });
  if (filter.tenantCode) query.innerJoin(Tenant, 'pt', 'pt.id = p.tenantId').andWhere('pt.code = :tenantCode', { tenantCode: filter.tenantCode });
  return paginate(query, { list: 'problems', alias: 'p', sorting: problemSorting }, args);
}

/**
 * Raises a problem on a ticket the viewer's centre is a party of, or on a matter of the
 * viewer's centre. The problem belongs to the raiser's centre.
 */
export async function raiseProblem(ctx: RequestContext, input: RaiseProblemInput): Promise<ProblemLedgerEntry> {
  const viewer = requireRole(ctx, ...STAFF_ROLES);
  const check = new InputCheck();
  check.that(Boolean(input.ticketId) !== Boolean(input.matterId), input.ticketId ? 'input.matterId' : 'input.ticketId', m.ticketOrMatter);
  const description = check.text(input.description, 'input.description', 1000);
  check.done();
  let ticketId: number | null = null;
  let matterId: number | null = null;
  if (input.ticketId) {
    const ticket = await loadTicket(ctx, decodeGlobalIdOf('CollaborationTicket', input.ticketId, 'input.ticketId'));
    if (!ticket) throw new NotFoundError(nouns.ticket);
    if (viewer.tenantId !== ticket.tenantId && viewer.tenantId !== ticket.partnerTenantId) {
      throw new ForbiddenError(m.partiesOfTicket);
    }
    ticketId = ticket.id;
  } else {
    const matter = await matters.loadMatter(ctx, decodeGlobalIdOf('Matter', input.matterId!, 'input.matterId'));
    if (!matter) throw new NotFoundError(nouns.matter);
    if (matter.tenantId !== viewer.tenantId) throw new ForbiddenError(m.ownMattersProblems);
    matterId = matter.id;
  }
  const saved = await problems(ctx.db).save(
    problems(ctx.db).create({
      tenantId: viewer.tenantId,
      ticketId,
      matterId,
      category: input.category,
      description,
      status: ProblemStatus.RAISED,
      raisedById: viewer.userId,
      assigneeId: null,
      rectification: null,
      closedAt: null,
      createdAt: ctx.now(),
    }),
  );
  return problems(ctx.db).getById(saved.id, m.problemEntry);
}

/**
 * One step of a problem by the centre admin of its centre: the problem read in scope
 * (NOT_FOUND otherwise), the own centre checked, then version and state (CONFLICT),
 * applied by one conditional UPDATE so of two racing admins one wins.
 */
async function moveProblem(
  ctx: RequestContext,
  input: ProblemVersionInput,
  from: ProblemStatus[],
  changes: (problem: ProblemLedgerEntry) => Promise<Partial<ProblemLedgerEntry>> | Partial<ProblemLedgerEntry>,
): Promise<ProblemLedgerEntry> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const id = decodeGlobalIdOf('ProblemLedgerEntry', input.id, 'input.id');
  const problem = await problems(ctx.db).getById(id, m.problemEntry);
  if (problem.tenantId !== viewer.tenantId) throw new ForbiddenError(m.raisingCentreHandles);
  if (problem.version !== input.version) {
    throw new ConflictError(m.problemStale, { field: 'version', status: problem.status });
  }
  if (!from.includes(problem.status)) {
    throw new ConflictError(m.notInProblemStatus(problem.status), { status: problem.status });
  }
  await problems(ctx.db).updateVersioned(problem, input.version, await changes(problem));
  return problems(ctx.db).getById(id, m.problemEntry);
}

/** Assigns a raised problem (or re-assigns an assigned one) to an active staff member of its centre. */
export function assignProblem(ctx: RequestContext, input: AssignProblemInput): Promise<ProblemLedgerEntry> {
  return moveProblem(ctx, input, [ProblemStatus.RAISED, ProblemStatus.ASSIGNED], async (problem) => {
    const assignee = await activeStaffOf(ctx, input.assigneeId, 'input.assigneeId', problem.tenantId);
    return { status: ProblemStatus.ASSIGNED, assigneeId: assignee.id };
  });
}

/** 整改: what was done about an assigned problem. */
export function rectifyProblem(ctx: RequestContext, input: RectifyProblemInput): Promise<ProblemLedgerEntry> {
  const rectification = requireText(input.rectification, 'input.rectification', 1000);
  return moveProblem(ctx, input, [ProblemStatus.ASSIGNED], () => ({ status: ProblemStatus.RECTIFIED, rectification }));
}

export function closeProblem(ctx: RequestContext, input: ProblemVersionInput): Promise<ProblemLedgerEntry> {
  return moveProblem(ctx, input, [ProblemStatus.RECTIFIED], () => ({ status: ProblemStatus.CLOSED, closedAt: ctx.now() }));
}

// ---- the monthly report ------------------------------------------------------------------------

export interface ProblemReportRow {
  tenant: Tenant;
  category: ProblemCategory;
  raised: number;
  closed: number;
}

export interface ProblemReport {
  month: string;
  /** The month in Asia/Shanghai, as instants: [from, to). */
  from: Date;
  to: Date;
  rows: ProblemReportRow[];
}

const CHINA_OFFSET = '+08:00'; // Asia/Shanghai keeps no daylight saving time

/** A month 'yyyy-mm' in Asia/Shanghai as [from, to). */
export function monthRange(month: string): { from: Date; to: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new BadUserInputError(m.month, 'month');
  const year = Number(match[1]);
  const next = Number(match[2]) === 12 ? `${year + 1}-01` : `${year}-${String(Number(match[2]) + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00${CHINA_OFFSET}`), to: new Date(`${next}-01T00:00:00${CHINA_OFFSET}`) };
}

/**
 * Problems raised in a month (Asia/Shanghai) in a centre and, for a city user, its
 * readable subordinates: per centre and category, how many were raised and how many of
 * them are closed, in one GROUP BY. Null when the centre is missing or out of scope.
 */
export async function problemReport(ctx: RequestContext, tenantCode: string, month: string): Promise<ProblemReport | null> {
  const { from, to } = monthRange(month);
  const root = await tenancy.tenantByCode(ctx, tenantCode);
  if (!root) return null;
  const tenants = await tenancy.readableSubtree(ctx, root);
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const counts = await problems(ctx.db)
    .query('p')
    .select('p.tenantId', 'tenantId')
    .addSelect('p.category', 'category')
    .addSelect('COUNT(*)', 'raised')
    .addSelect('SUM(CASE WHEN p.status = :closedStatus THEN 1 ELSE 0 END)', 'closed')
    .andWhere('p.tenantId IN (:...reportTenantIds)', { reportTenantIds: tenants.map((t) => t.id) })
    .andWhere('p.createdAt >= :from AND p.createdAt < :to', { from, to })
    .setParameter('closedStatus', ProblemStatus.CLOSED)
    .groupBy('p.tenantId')
    .addGroupBy('p.category')
    .getRawMany<{ tenantId: number | string; category: ProblemCategory; raised: number | string; closed: number | string | null }>();
  const rows = counts
    .map((row) => ({ tenant: byId.get(Number(row.tenantId))!, category: row.category, raised: Number(row.raised), closed: Number(row.closed ?? 0) }))
    .filter((row) => row.tenant !== undefined)
    .sort((a, b) => a.tenant.code.localeCompare(b.tenant.code) || a.category.localeCompare(b.category));
  return { month, from, to, rows };
}

export const nodeLoaders = {
  ContactLedgerEntry: (ctx: RequestContext, ids: number[]) => contacts(ctx.db).findByIds(ids),
  ProblemLedgerEntry: (ctx: RequestContext, ids: number[]) => problems(ctx.db).findByIds(ids),
};
