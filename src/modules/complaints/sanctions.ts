import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import { User } from '../tenancy/entities';
import * as applications from '../applications/service';
import * as calendar from '../calendar/service';
import { removeFromPosts } from '../windows/release';
import * as supervision from '../supervision/service';
import { SampledCase } from '../supervision/entities';
import { Complaint, ComplaintCategory, Sanction, SanctionBasisKind, SanctionKind } from './entities';
import { RecordSanctionInput, RevokeSanctionInput, SanctionFilter, SanctionOrderField, sanctionSorting } from './inputs';
import { complaintForSanction, isUpheld, loadComplaint } from './service';
import { isComplainedAbout } from './subjects';
import { complaintMessages as m } from './messages';

/**
 * 处理登记 (锦州 第十六条, 第十八条, 第二十七条, 第二十八条): the sanction register. Entries
 * are never edited or deleted; a revocation is a new entry pointing at the revoked one.
 */

const sanctions = (db: Db) => db.scoped(Sanction);

/** Roles that read everyone's sanctions in their scope; other staff read only their own. */
const REGISTER_READERS = [Role.CENTRE_ADMIN, Role.SUPERVISOR, Role.AUDITOR];
/** 告诫 (第十八条 "经告诫后"): the warnings that must come before a removal from post. */
const WARNINGS = [SanctionKind.PUBLIC_CRITICISM, SanctionKind.EFFICIENCY_WARNING];

function readsRegister(viewer: Viewer): boolean {
  return REGISTER_READERS.some((role) => viewer.roles.has(role));
}

function visibleSanctions(ctx: RequestContext, alias: string) {
  const viewer = requireViewer(ctx);
  const query = sanctions(ctx.db).query(alias);
  return readsRegister(viewer) ? query : query.andWhere(`${alias}.personId = :viewerId`, { viewerId: viewer.userId });
}

/** In force: neither a revocation nor revoked. */
function inForce(alias: string): string {
  return `${alias}.revokesId IS NULL AND NOT EXISTS (SELECT 1 FROM sanction r WHERE r.tenant_id = ${alias}.tenantId AND r.revokes_id = ${alias}.id)`;
}

export async function listSanctions(ctx: RequestContext, args: ListArgs<SanctionOrderField>, filter: SanctionFilter = {}): Promise<ConnectionResult<Sanction>> {
  const query = visibleSanctions(ctx, 's');
  if (filter.personId) query.andWhere('s.personId = :personId', { personId: decodeGlobalIdOf('User', filter.personId, 'filter.personId') });
  if (filter.year !== undefined && filter.year !== null) query.andWhere('s.decidedOn LIKE :yearPrefix', { yearPrefix: `${yearOf(filter.year, 'filter.year')}-%` });
  if (filter.kind) query.andWhere('s.kind = :kind', { kind: filter.kind });
  return paginate(query, { list: 'sanctions', alias: 's', sorting: sanctionSorting }, args);
}

function yearOf(year: number, field: string): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInputError(m.year, field);
  return year;
}

/**
 * The sanctions in force of a person decided in a calendar year, for the appraisal
 * (考核): an EFFICIENCY_WARNING among them bars EXCELLENT that year (锦州 第十六条).
 * Read under the viewer's rules: other staff get only their own.
 */
export function sanctionsOf(ctx: RequestContext, personId: number, year: number): Promise<Sanction[]> {
  return visibleSanctions(ctx, 's')
    .andWhere('s.personId = :personId AND s.decidedOn LIKE :yearPrefix', { personId, yearPrefix: `${yearOf(year, 'year')}-%` })
    .andWhere(inForce('s'))
    .orderBy('s.decidedOn')
    .addOrderBy('s.id')
    .getMany();
}

/** 锦州 第十六条: 受到效能告诫的, 当年不得参与评先评优. */
export function barsExcellence(sanctionsOfYear: Sanction[]): boolean {
  return sanctionsOfYear.some((sanction) => sanction.kind === SanctionKind.EFFICIENCY_WARNING);
}

export interface SanctionStanding {
  person: User;
  year: number;
  sanctions: Sanction[];
  barredFromExcellent: boolean;
}

/** A person's sanctions in force in a year and whether they bar EXCELLENT; null to staff other than the person. */
export async function sanctionStanding(ctx: RequestContext, personGlobalId: string, year: number): Promise<SanctionStanding | null> {
  const viewer = requireViewer(ctx);
  const person = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', personGlobalId, 'personId'));
  if (!person || (!readsRegister(viewer) && person.id !== viewer.userId)) return null;
  const list = await sanctionsOf(ctx, person.id, year);
  return { person, year, sanctions: list, barredFromExcellent: barsExcellence(list) };
}

export function loadSanction(ctx: RequestContext, id: number | null): Promise<Sanction | null> {
  if (id === null) return Promise.resolve(null);
  return visibleSanctions(ctx, 's').andWhere('s.id = :id', { id }).getOne();
}

/** The revocation of a sanction, if any (batched). */
export async function revocationOf(ctx: RequestContext, sanction: Sanction): Promise<Sanction | null> {
  const rows = await ctx.loaders
    .get('Sanction.byRevoked', () =>
      groupedLoader((ids) => visibleSanctions(ctx, 's').andWhere('s.revokesId IN (:...ids)', { ids }).getMany(), (row) => row.revokesId ?? 0),
    )
    .load(sanction.id);
  return rows[0] ?? null;
}

/** The sanctions that rest on a complaint (batched). */
export function sanctionsOfComplaint(ctx: RequestContext, complaint: Complaint): Promise<Sanction[]> {
  return ctx.loaders
    .get('Sanction.byComplaint', () =>
      groupedLoader((ids) => visibleSanctions(ctx, 's').andWhere('s.complaintId IN (:...ids)', { ids }).orderBy('s.id').getMany(), (row) => row.complaintId ?? 0),
    )
    .load(complaint.id);
}

/** The sanctions that rest on a sampled case's finding (batched). */
export function sanctionsOfSampledCase(ctx: RequestContext, sampledCaseId: number): Promise<Sanction[]> {
  return ctx.loaders
    .get('Sanction.bySampledCase', () =>
      groupedLoader((ids) => visibleSanctions(ctx, 's').andWhere('s.sampledCaseId IN (:...ids)', { ids }).orderBy('s.id').getMany(), (row) => row.sampledCaseId ?? 0),
    )
    .load(sampledCaseId);
}

export function basisComplaint(ctx: RequestContext, sanction: Sanction): Promise<Complaint | null> {
  return sanction.complaintId === null ? Promise.resolve(null) : loadComplaint(ctx, sanction.complaintId);
}

/**
 * Who decides (锦州 第十六条, 第二十七条): supervision (SUPERVISOR) a sanction on a
 * violation and a referral to the judiciary; the centre admins (市审批办) the others.
 */
function assertDecider(viewer: Viewer, kind: SanctionKind, violation: boolean): void {
  if (violation || kind === SanctionKind.REFERRED_TO_JUDICIARY) {
    if (!viewer.roles.has(Role.SUPERVISOR)) throw new ForbiddenError(m.decidedBySupervision);
  } else if (!viewer.roles.has(Role.CENTRE_ADMIN)) {
    throw new ForbiddenError(m.decidedByCentre);
  }
}

/** Today in the centre's time zone. */
async function today(ctx: RequestContext, tenantId: number): Promise<string> {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  return (await calendar.calendarOf(ctx, tenant!)).localDate(ctx.now());
}

interface Basis {
  complaintId: number | null;
  applicationId: number | null;
  sampledCaseId: number | null;
  basisText: string | null;
  violation: boolean;
}

const PROBLEM_NAMES: Record<string, string> = {
  INCOMPLETE_MATERIALS: '材料不全',
  OVERDUE: '超时',
  OVERCHARGING: '超范围收费',
  IRREGULAR_PROCEDURE: '程序不符',
  OTHER: '其他',
};

/** The basis text of a finding recorded in the system, when the decider gives none. */
function findingText(sampled: SampledCase): string {
  return `办件抽查：${sampled.problems.map((p) => PROBLEM_NAMES[p] ?? p).join('、')}`;
}

/** The basis, checked: an upheld complaint about the person, a case of the centre, or a described finding or article. */
async function basisOf(ctx: RequestContext, viewer: Viewer, person: User, input: RecordSanctionInput, basisText: string | null): Promise<Basis> {
  const none = { complaintId: null, applicationId: null, sampledCaseId: null, basisText: null, violation: false };
  switch (input.basisKind) {
    case SanctionBasisKind.COMPLAINT: {
      const { complaint, about } = await complaintForSanction(ctx, input.complaintId!, 'input.complaintId');
      if (complaint.tenantId !== viewer.tenantId) throw new ForbiddenError(m.complaintNotUpheld);
      if (!isUpheld(complaint)) throw new BadUserInputError(m.complaintNotUpheld, 'input.complaintId');
      if (!isComplainedAbout(about, { userId: person.id, departmentId: person.departmentId })) throw new BadUserInputError(m.complaintNotAboutPerson, 'input.complaintId');
      return { ...none, complaintId: complaint.id, violation: complaint.category === ComplaintCategory.VIOLATION };
    }
    case SanctionBasisKind.APPLICATION: {
      const application = await applications.loadApplication(ctx, decodeGlobalIdOf('Application', input.applicationId!, 'input.applicationId'));
      if (!application || application.tenantId !== viewer.tenantId) throw new BadUserInputError(m.caseOfOwnCentre, 'input.applicationId');
      return { ...none, applicationId: application.id };
    }
    case SanctionBasisKind.SAMPLING_FINDING: {
      if (!input.sampledCaseId) return { ...none, basisText };
      const sampled = await supervision.findingForSanction(ctx, input.sampledCaseId, 'input.sampledCaseId');
      return { ...none, sampledCaseId: sampled.id, basisText: basisText ?? findingText(sampled) };
    }
    default:
      return { ...none, basisText };
  }
}

/** Earlier warnings (通报批评, 效能告诫) in force of the person, decided on or before `date`. */
async function hasEarlierWarning(db: Db, person: User, date: string): Promise<boolean> {
  const count = await sanctions(db)
    .query('s')
    .andWhere('s.personId = :personId AND s.kind IN (:...warnings) AND s.decidedOn <= :date', { personId: person.id, warnings: WARNINGS, date })
    .andWhere(inForce('s'))
    .getCount();
  return count > 0;
}

/**
 * Records a sanction. REMOVAL_FROM_POST needs an earlier warning (锦州 第十八条 "经告诫后，没有
 * 明显改进") unless the basis is a violation or the conduct serious (第二十七条 "情节严重",
 * 第二十八条 "过错行为情节严重"), and ends the person's window posts at
 * once, refused when a window would be left empty without a replacement (the rule of
 * absences); the entry and the posts change in one transaction.
 */
export async function recordSanction(ctx: RequestContext, input: RecordSanctionInput): Promise<Sanction> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.SUPERVISOR);
  const check = new InputCheck();
  check.that(input.basisKind !== SanctionBasisKind.COMPLAINT || Boolean(input.complaintId), 'input.complaintId', m.basisComplaint);
  check.that(input.basisKind !== SanctionBasisKind.APPLICATION || Boolean(input.applicationId), 'input.applicationId', m.basisApplication);
  const recordedFinding = input.basisKind === SanctionBasisKind.SAMPLING_FINDING && Boolean(input.sampledCaseId);
  const describedBasis = input.basisKind === SanctionBasisKind.SAMPLING_FINDING || input.basisKind === SanctionBasisKind.RULE;
  // A finding recorded in the system (sampledCaseId) describes itself; basisText is then optional.
  const basisText = describedBasis && !(recordedFinding && !input.basisText) ? check.text(input.basisText ?? '', 'input.basisText', 200) : null;
  const note = input.note?.trim() ?? '';
  check.that([...note].length <= 1000, 'input.note', m.note);
  const now = await today(ctx, viewer.tenantId);
  const decidedOn = input.decidedOn ?? now;
  check.that(/^\d{4}-\d{2}-\d{2}$/.test(decidedOn) && !Number.isNaN(Date.parse(`${decidedOn}T00:00:00Z`)) && decidedOn <= now, 'input.decidedOn', m.decidedOn);
  check.done();

  const person = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', input.personId, 'input.personId'));
  if (!person || person.tenantId !== viewer.tenantId || !person.active) throw new BadUserInputError(m.activeStaff, 'input.personId');
  if (person.id === viewer.userId) throw new BadUserInputError(m.notYourself, 'input.personId');
  const basis = await basisOf(ctx, viewer, person, input, basisText);
  assertDecider(viewer, input.kind, basis.violation);

  const id = await ctx.db.transaction(async (db) => {
    if (input.kind === SanctionKind.REMOVAL_FROM_POST && !basis.violation && !input.severe && !(await hasEarlierWarning(db, person, decidedOn))) {
      throw new BadUserInputError(m.removalNeedsWarning, 'input.kind');
    }
    const saved = await sanctions(db).save(
      sanctions(db).create({ tenantId: viewer.tenantId, personId: person.id, kind: input.kind, basisKind: input.basisKind, ...basis, severe: input.severe, decidedById: viewer.userId, decidedOn, note, revokesId: null, recordedAt: ctx.now() }),
    );
    if (input.kind === SanctionKind.REMOVAL_FROM_POST) await removeFromPosts(ctx, db, person, input.replacements, 'input.replacements');
    return saved.id;
  });
  return sanctions(ctx.db).getById(id, m.sanction);
}

/**
 * Revokes a sanction: a new entry for the same person and kind that points at it, with
 * the reason, decided by whoever may decide that sanction. Window posts a removal ended
 * are not given back (posts are assigned anew).
 */
export async function revokeSanction(ctx: RequestContext, input: RevokeSanctionInput): Promise<Sanction> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.SUPERVISOR);
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 1000);
  check.done();
  const revoked = await loadSanction(ctx, decodeGlobalIdOf('Sanction', input.sanctionId, 'input.sanctionId'));
  if (!revoked) throw new NotFoundError(m.sanction);
  sanctions(ctx.db).assertWritable(revoked);
  assertDecider(viewer, revoked.kind, revoked.violation);
  if (revoked.revokesId !== null) throw new ConflictError(m.revocationNotRevoked);
  const decidedOn = await today(ctx, viewer.tenantId);
  try {
    const id = await ctx.db.transaction(async (db) => {
      const earlier = await sanctions(db).query('s').andWhere('s.revokesId = :revokedId', { revokedId: revoked.id }).getCount();
      if (earlier > 0) throw new ConflictError(m.alreadyRevoked);
      const { id: _id, recordedAt: _at, note: _note, decidedById: _by, decidedOn: _on, ...kept } = revoked;
      const saved = await sanctions(db).save(sanctions(db).create({ ...kept, decidedById: viewer.userId, decidedOn, note: reason, revokesId: revoked.id, recordedAt: ctx.now() }));
      return saved.id;
    });
    return sanctions(ctx.db).getById(id, m.sanction);
  } catch (error) {
    // Two revocations at once: the unique (tenant, revokes) index lets one win.
    if (isDuplicateKey(error)) throw new ConflictError(m.alreadyRevoked);
    throw error;
  }
}

export const nodeLoaders = {
  Sanction: (ctx: RequestContext, ids: number[]) => visibleSanctions(ctx, 's').andWhere('s.id IN (:...ids)', { ids }).getMany(),
};

/**
 * The sanctions in force decided between two local dates (inclusive), of everyone in a
 * centre, for the appraisal (考核): each person's sanctions by kind, and the
 * EFFICIENCY_WARNINGs of the year that bar EXCELLENT (锦州 第十六条). One statement.
 */
export async function sanctionsInForceBetween(db: Db, tenantId: number, firstDay: string, lastDay: string): Promise<{ id: number; personId: number; kind: SanctionKind; decidedOn: string }[]> {
  return sanctions(db)
    .query('s')
    .select(['s.id', 's.personId', 's.kind', 's.decidedOn'])
    .andWhere('s.tenantId = :tenantId AND s.decidedOn >= :firstDay AND s.decidedOn <= :lastDay', { tenantId, firstDay, lastDay })
    .andWhere(inForce('s'))
    .orderBy('s.id')
    .getMany();
}
