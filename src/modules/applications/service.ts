import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { byIdLoader, groupedLoader, propertiesKey } from '../../db/loaders';
import { Db } from '../../db/db';
import { readFirstPerGroup, selectOnly } from '../../db/rows';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, ListJoin, pageSize, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { DOCUMENT_PATTERNS, isValidCreditCode, isValidPhone, isValidResidentId } from '../../validation/china-ids';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import * as matters from '../matters/service';
import { MaterialRequirement, Matter, MatterCategory, MatterStatus } from '../matters/entities';
import * as windows from '../windows/service';
import { Window, WindowKind, WindowStatus } from '../windows/entities';
import * as calendar from '../calendar/service';
import { ApplicantKind, Application, ApplicationEvent, ApplicationStatus, IdDocumentType, JointOpinion } from './entities';
import { ApplicationFilter, ApplicationOrderField, applicationSorting, InstantRange, ReceiveApplicationInput } from './inputs';
import { clearApplicantCases } from './policies';
import { nextCaseNumber } from './numbering';
import { Action, RUNNING_STATUSES } from './lifecycle';
import { lightFilter } from './supervision';
import { recordCaseChange } from './rollups';
import { agencyServiceNodes } from './agency-services';
import { messages, nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { applicationMessages as m } from './messages';

export const S = ApplicationStatus;
export { FINISHED_STATUSES } from './lifecycle';
export { caseByPublicPair } from './progress';
export { agencyServicesBetween, AgencyServiceCount } from './agency-services';
export { casesReceivedByWindow, WindowCaseCount } from './statistics';
export const applications = (db: Db) => db.scoped(Application);

// ---- reads ------------------------------------------------------------------------

/**
 * A case by id, batched. `via` reads through another database view: a collaboration
 * partner reads the case of the ticket it shares, under its own cache key.
 */
/** A case by id (null for a missing reference, without a query). */
export function loadApplication(ctx: RequestContext, id: number | null, via?: { db: Db; key: string }): Promise<Application | null> {
  if (id === null) return Promise.resolve(null);
  const db = via?.db ?? ctx.db;
  return ctx.loaders.get(`Application.byId:${via?.key ?? 'scoped'}`, () => byIdLoader((ids) => applications(db).findByIds(ids))).load(id);
}

export async function applicationByNumber(ctx: RequestContext, number: string): Promise<Application | null> {
  requireViewer(ctx);
  return applications(ctx.db).query('a').andWhere('a.number = :number', { number }).getOne();
}

/** Rows that hang off a case (events, opinions), in order, batched over the cases of a page. */
function rowsOfCase<T extends ApplicationEvent | JointOpinion>(ctx: RequestContext, entity: { new (): T; prototype: T; name: string }, application: Application): Promise<T[]> {
  return ctx.loaders
    .get(`${entity.name}.byApplication`, () =>
      groupedLoader(
        (ids) => ctx.db.scoped(entity).query('r').andWhere('r.applicationId IN (:...ids)', { ids }).orderBy('r.id').getMany(),
        (row) => row.applicationId,
      ),
    )
    .load(application.id);
}

/** Every event of a case in order. */
export function timelineOf(ctx: RequestContext, application: Application): Promise<ApplicationEvent[]> {
  return rowsOfCase(ctx, ApplicationEvent, application);
}

/**
 * The last `n` events of a case, in order: the database keeps only those (a window
 * function), so a list asking for the latest steps does not read and hydrate them all.
 * With `properties`, the events hold only those and the id (a list's selection: on
 * MariaDB the window function's rows then stay narrow, and cost it less).
 */
export function lastEventsOf(ctx: RequestContext, application: Application, n: number, properties: readonly string[] | null = null): Promise<ApplicationEvent[]> {
  // The loader groups the events by their case.
  const read = properties && [...properties, 'applicationId'];
  return ctx.loaders
    .get(`ApplicationEvent.last:${n}${propertiesKey(read)}`, () =>
      groupedLoader((ids) => {
        const query = ctx.db.scoped(ApplicationEvent).query('r').andWhere('r.applicationId IN (:...ids)', { ids });
        if (read) selectOnly(query, read);
        return readFirstPerGroup(query, 'r.application_id', 'r.id DESC', n);
      }, (row) => row.applicationId),
    )
    .load(application.id);
}

/** A case's timeline as its field asks for it: every event, or the last `last` (1–100), of those only `properties` as above. */
export function eventsOf(ctx: RequestContext, application: Application, last: number | null | undefined, properties: readonly string[] | null = null): Promise<ApplicationEvent[]> {
  return last === undefined || last === null ? timelineOf(ctx, application) : lastEventsOf(ctx, application, pageSize(last, 'last'), properties);
}

export function jointOpinionsOf(ctx: RequestContext, application: Application): Promise<JointOpinion[]> {
  return rowsOfCase(ctx, JointOpinion, application);
}

function rangeOf(range: InstantRange | undefined | null, field: string): InstantRange | null {
  if (!range) return null;
  if (!(range.from < range.to)) throw new BadUserInputError(m.rangeOrder(field), field);
  return range;
}

/**
 * A search by an applicant field (filter.applicantIdNumber / filter.applicantName): only
 * for viewers the field policy shows it in clear on some case of their scope, and only
 * over those cases, so the filter cannot probe PII the viewer would not see.
 */
async function applicantSearch(ctx: RequestContext, viewer: Viewer, query: SelectQueryBuilder<Application>, field: 'applicantIdNumber' | 'applicantName', value: string): Promise<void> {
  const name = `filter.${field}`;
  const text = value.trim();
  if (text.length === 0 || text.length > 100) throw new BadUserInputError(m.applicantSearchLength(name), name);
  const clear = await clearApplicantCases(ctx, viewer, field, 'a');
  const anyClear = await applications(ctx.db).query('a').select('a.id').andWhere(clear.clause, clear.parameters).limit(1).getRawOne();
  if (!anyClear) throw new ForbiddenError(m.applicantSearchForbidden(field), name);
  const parameter = `search_${field}`;
  query.andWhere(clear.clause, clear.parameters).andWhere(`a.${field} = :${parameter}`, { [parameter]: field === 'applicantIdNumber' ? text.toUpperCase() : text });
}

export async function listApplications(
  ctx: RequestContext,
  args: ListArgs<ApplicationOrderField>,
  filter: ApplicationFilter = {},
  properties: readonly string[] | null = null,
  joins: ListJoin<Application>[] = [],
): Promise<ConnectionResult<Application>> {
  const viewer = requireViewer(ctx);
  const query = applications(ctx.db).query('a');
  if (filter.tenantCode) {
    query.andWhere('a.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  }
  if (filter.number) query.andWhere('a.number = :number', { number: filter.number });
  if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
  if (filter.statusIn) {
    query.andWhere(filter.statusIn.length > 0 ? 'a.status IN (:...statusIn)' : '1 = 0', { statusIn: filter.statusIn });
  }
  if (filter.matterId) query.andWhere('a.matterId = :matterId', { matterId: decodeGlobalIdOf('Matter', filter.matterId, 'filter.matterId') });
  if (filter.departmentId) {
    query.andWhere('a.departmentId = :departmentId', { departmentId: decodeGlobalIdOf('Department', filter.departmentId, 'filter.departmentId') });
  }
  if (filter.windowId) query.andWhere('a.receivingWindowId = :windowId', { windowId: decodeGlobalIdOf('Window', filter.windowId, 'filter.windowId') });
  const received = rangeOf(filter.receivedBetween, 'filter.receivedBetween');
  if (received) query.andWhere('a.receivedAt >= :receivedFrom AND a.receivedAt < :receivedTo', { receivedFrom: received.from, receivedTo: received.to });
  const due = rangeOf(filter.dueBetween, 'filter.dueBetween');
  if (due) query.andWhere('a.dueAt >= :dueFrom AND a.dueAt < :dueTo', { dueFrom: due.from, dueTo: due.to });
  if (filter.applicantIdNumber) await applicantSearch(ctx, viewer, query, 'applicantIdNumber', filter.applicantIdNumber);
  if (filter.applicantName) await applicantSearch(ctx, viewer, query, 'applicantName', filter.applicantName);
  if (filter.light) {
    const { clause, parameters } = await lightFilter(ctx, 'a', filter.light);
    query.andWhere(clause, parameters);
  }
  return paginate(query, { list: 'applications', alias: 'a', sorting: applicationSorting, partitions: { column: 'a.tenantId', values: ctx.db.scope.readableTenantIds }, properties, joins }, args);
}

/** Writes one timeline event of a case (who, when, from, to, note). */
export async function recordEvent(db: Db, application: Application, action: Action, from: ApplicationStatus | null, to: ApplicationStatus, viewer: Viewer, at: Date, note: string): Promise<void> {
  await db.scoped(ApplicationEvent).insertMany([{ tenantId: application.tenantId, applicationId: application.id, action, fromStatus: from, toStatus: to, actorId: viewer.userId, at, note }]);
}

// ---- intake -------------------------------------------------------------------------

/** The applicant's part of the intake form, every problem at once; returns the trimmed texts. */
function applicantFields(input: ReceiveApplicationInput): { applicantName: string; applicantAddress: string } {
  const check = new InputCheck();
  const applicantName = check.text(input.applicantName, 'input.applicantName', 100);
  const id = input.applicantIdNumber.trim().toUpperCase();
  const valid = input.applicantIdType === IdDocumentType.RESIDENT_ID ? isValidResidentId(id) : DOCUMENT_PATTERNS[input.applicantIdType]?.test(id);
  check.that(valid === true, 'input.applicantIdNumber', m.idNumber(input.applicantIdType));
  check.that(isValidPhone(input.applicantPhone.trim()), 'input.applicantPhone', messages.invalidPhone('applicantPhone'));
  const applicantAddress = check.text(input.applicantAddress, 'input.applicantAddress', 200);
  if (input.applicantKind === ApplicantKind.LEGAL_PERSON) {
    check.that(input.creditCode ? isValidCreditCode(input.creditCode.trim().toUpperCase()) : false, 'input.creditCode', m.creditCodeRequired);
  } else {
    check.that(!input.creditCode, 'input.creditCode', m.creditCodeLegalOnly);
  }
  check.done();
  return { applicantName, applicantAddress };
}

async function ownTenant(ctx: RequestContext, viewer: Viewer): Promise<Tenant> {
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  return tenant;
}

/**
 * 一事一地 (锦州 第二条(一)): a case is received at a window serving its matter, or at a
 * COMPREHENSIVE window of the centre in 综合受理 mode (鞍山 规范 二(一) 一窗受理).
 */
async function assertOneMatterOnePlace(ctx: RequestContext, matter: Matter, window: Window): Promise<void> {
  if (window.kind === WindowKind.COMPREHENSIVE && window.comprehensiveIntake) return;
  const serving = (await windows.windowsServingMatter(ctx, matter.id)).filter((w) => w.status === WindowStatus.OPEN);
  if (serving.some((w) => w.id === window.id)) return;
  const intake = (await windows.comprehensiveIntakeWindows(ctx, matter.tenantId)).filter((w) => !serving.some((s) => s.id === w.id));
  const places = [...serving, ...intake].map((w) => `${w.number} ${w.name}`).join('、');
  throw new BadUserInputError(m.oneMatterOnePlace(window.number, matter.name, places), 'input.windowId');
}

/** 接件: a window clerk takes in a case for a published matter of the own centre. */
export async function receiveApplication(ctx: RequestContext, input: ReceiveApplicationInput): Promise<Application> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const fields = applicantFields(input);
  const matter = await matters.loadMatter(ctx, decodeGlobalIdOf('Matter', input.matterId, 'input.matterId'));
  if (!matter || matter.tenantId !== viewer.tenantId) throw new NotFoundError(nouns.matter);
  if (matter.status !== MatterStatus.PUBLISHED) throw new ConflictError(m.matterNotPublished(matter.code, matter.status), { status: matter.status });
  const window = await windows.loadWindow(ctx, decodeGlobalIdOf('Window', input.windowId, 'input.windowId'));
  if (!window || window.tenantId !== viewer.tenantId) throw new NotFoundError(nouns.window);
  if (window.status !== WindowStatus.OPEN) throw new ConflictError(m.windowClosed(window.number), { status: window.status });
  await assertOneMatterOnePlace(ctx, matter, window);
  const now = ctx.now();
  const tenant = await ownTenant(ctx, viewer);
  const workingCalendar = await calendar.calendarOf(ctx, tenant);
  return ctx.db.transaction((db) =>
    insertCase(db, viewer, tenant, workingCalendar, now, {
      matterId: matter.id,
      departmentId: matter.departmentId,
      receivingWindowId: window.id,
      applicantKind: input.applicantKind,
      applicantIdType: input.applicantIdType,
      applicantIdNumber: input.applicantIdNumber.trim().toUpperCase(),
      applicantPhone: input.applicantPhone.trim(),
      creditCode: input.creditCode?.trim().toUpperCase() ?? null,
      ...fields,
      status: S.SUBMITTED,
    }),
  );
}

export interface Due {
  dueAt: Date;
  dueAtProvisional: boolean;
}

/**
 * A due time and whether it is provisional: it reaches into a year whose national
 * schedule is not loaded, so only weekends were counted (logged once per year).
 */
export function dueFields(ctx: RequestContext, workingCalendar: calendar.WorkingCalendar, from: Date, dueAt: Date): Due {
  const unknown = workingCalendar.unknownYears(from, dueAt);
  calendar.noteProvisionalYears(ctx, unknown);
  return { dueAt, dueAtProvisional: unknown.length > 0 };
}

/** The deadline of a case accepted at `from`: the same working day for 即办件, else the promised limit. */
export function deadlineOf(ctx: RequestContext, workingCalendar: calendar.WorkingCalendar, matter: Matter, from: Date): Due {
  return dueFields(ctx, workingCalendar, from, workingCalendar.deadline(from, matter.category === MatterCategory.IMMEDIATE ? 0 : matter.promisedLimitDays));
}

/**
 * 法定时限: the latest deadline an extension may reach, the legal limit from acceptance;
 * working days spent suspended (特殊程序) do not count towards it.
 */
export function legalDeadlineOf(workingCalendar: calendar.WorkingCalendar, matter: Matter, application: Application): Date {
  return workingCalendar.deadline(application.acceptedAt!, matter.legalLimitDays + application.suspendedDays);
}

/**
 * A closure, a changed national day or a loaded year moves the deadline of every running
 * case of the tenants concerned, in the change's transaction: the case keeps the number of
 * working days from acceptance to its deadline, counted on the new calendar, and its
 * timeline says why (the rollups do not move: only a decided case's deadline counts). Written unscoped: a national change is made by a platform admin for
 * every tenant, and the calendar service names the tenants.
 */
async function moveRunningDeadlines(ctx: RequestContext, db: Db, change: calendar.CalendarChange): Promise<void> {
  if (change.tenants.length === 0) return;
  const running = await db.unscoped
    .createQueryBuilder(Application, 'a')
    .where('a.tenantId IN (:...tenantIds) AND a.status IN (:...running) AND a.dueAt IS NOT NULL', { tenantIds: change.tenants.map((t) => t.id), running: RUNNING_STATUSES })
    .getMany();
  const now = ctx.now();
  for (const application of running) {
    const i = change.tenants.findIndex((t) => t.id === application.tenantId);
    const [before, after] = [change.before[i], change.after[i]];
    const days = before.workingDaysBetween(application.acceptedAt!, application.dueAt!);
    const moved = dueFields(ctx, after, application.acceptedAt!, after.deadline(application.acceptedAt!, Math.max(0, days)));
    if (moved.dueAt.getTime() === application.dueAt!.getTime() && moved.dueAtProvisional === application.dueAtProvisional) continue;
    await db.unscoped.update(Application, { id: application.id }, { ...moved, version: application.version + 1 });
    const note = `${change.reason}: ${before.localDate(application.dueAt!)} → ${after.localDate(moved.dueAt)}${moved.dueAtProvisional ? ' (provisional)' : ''}`;
    await db.unscoped.insert(ApplicationEvent, {
      tenantId: application.tenantId, applicationId: application.id, action: 'DEADLINE_MOVED', fromStatus: application.status,
      toStatus: application.status, actorId: ctx.viewer?.userId ?? null, at: now, note: note.slice(0, 1000),
    });
  }
}
calendar.onCalendarChange(moveRunningDeadlines);

/** Numbers and writes a new case of the viewer's centre received now, with its RECEIVE event. */
async function insertCase(
  db: Db,
  viewer: Viewer,
  tenant: Tenant,
  workingCalendar: calendar.WorkingCalendar,
  now: Date,
  fields: Partial<Application>,
  note = '',
): Promise<Application> {
  const number = await nextCaseNumber(db, tenant, workingCalendar.localDate(now));
  const application = await applications(db).save(
    applications(db).create({ ...fields, tenantId: tenant.id, number, receivedById: viewer.userId, receivedAt: now, extensionDays: 0 }),
  );
  await recordCaseChange(db, workingCalendar, null, application);
  await recordEvent(db, application, 'RECEIVE', null, S.SUBMITTED, viewer, now, note);
  return application;
}

/**
 * 全区通办: the case a handling centre opens when a collaboration ticket is forwarded to
 * its department. The receiving centre checked form, identity and materials, so it is
 * received and accepted at once, in the caller's transaction; its deadline runs on the
 * handling centre's calendar from now.
 */
export async function openForwardedCase(
  ctx: RequestContext,
  db: Db,
  input: { source: Application; matter: Matter; windowId: number; note: string },
): Promise<Application> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const { source, matter } = input;
  const now = ctx.now();
  const tenant = await ownTenant(ctx, viewer);
  const workingCalendar = await calendar.calendarOf(ctx, tenant);
  const application = await insertCase(db, viewer, tenant, workingCalendar, now, {
    matterId: matter.id,
    departmentId: matter.departmentId,
    receivingWindowId: input.windowId,
    applicantKind: source.applicantKind,
    applicantName: source.applicantName,
    applicantIdType: source.applicantIdType,
    applicantIdNumber: source.applicantIdNumber,
    applicantPhone: source.applicantPhone,
    applicantAddress: source.applicantAddress,
    creditCode: source.creditCode,
    status: S.ACCEPTED,
    acceptedAt: now,
    ...deadlineOf(ctx, workingCalendar, matter, now),
  }, input.note);
  await recordEvent(db, application, 'ACCEPT', S.SUBMITTED, S.ACCEPTED, viewer, now, input.note);
  return application;
}

export const nodeLoaders = {
  Application: (ctx: RequestContext, ids: number[]) => applications(ctx.db).findByIds(ids),
  ApplicationEvent: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(ApplicationEvent).findByIds(ids),
  JointOpinion: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(JointOpinion).findByIds(ids),
  ...agencyServiceNodes,
};

/** The matter's materials handed in so far; none when the matter is not in the viewer's catalogue (a collaboration partner). */
export async function providedMaterialsOf(ctx: RequestContext, application: Application): Promise<MaterialRequirement[]> {
  const matter = await matters.loadMatter(ctx, application.matterId);
  const ids = new Set(application.providedMaterialIds ?? []);
  return matter ? (await matters.materialsOf(ctx, matter)).filter((material) => ids.has(material.id)) : [];
}

// ---- figures for the appraisal (考核) ---------------------------------------------

/** Steps that decide a case: whoever took one decided it. */
const DECIDING_ACTIONS = ['APPROVE', 'DENY', 'REPORT'];

const ENDED_ON_TIME = 'COALESCE(a.reportedAt, a.decidedAt) IS NOT NULL AND COALESCE(a.reportedAt, a.decidedAt) <= a.dueAt';

/**
 * Each case of a centre whose deadline fell in [from, until) with each person who
 * received it or decided it (from its timeline), once per person, and whether it
 * ended (decided, or reported up) by its deadline (`onTime` 1 or 0): a derived table
 * `p` to aggregate over. Each branch reads the case itself, so nothing joins the union
 * back to the cases: on SQLite without statistics that join was planned as a scan of
 * the union for every case (hours over a year of 100,000 cases, bench/appraisal.ts).
 */
function casesDueBetween(db: Db, tenantId: number, from: Date, until: Date) {
  const onTime = `CASE WHEN ${ENDED_ON_TIME} THEN 1 ELSE 0 END`;
  const due = 'a.tenantId = :tenantId AND a.dueAt >= :from AND a.dueAt < :until';
  const receivers = db.scoped(Application).query('a').select('a.id', 'applicationId').addSelect('a.receivedById', 'personId').addSelect(onTime, 'onTime').andWhere(due);
  const deciders = db
    .scoped(ApplicationEvent)
    .query('e')
    .innerJoin(Application, 'a', 'a.id = e.applicationId')
    // A UNION pairs columns by position, and TypeORM writes the main alias's columns first:
    // both ids from `e`, so this branch's columns come in the receivers' order.
    .select('e.applicationId', 'applicationId')
    .addSelect('e.actorId', 'personId')
    .addSelect(onTime, 'onTime')
    .andWhere(`e.tenantId = :tenantId AND e.actorId IS NOT NULL AND e.action IN (:...deciding) AND ${due}`);
  // UNION, not UNION ALL: a person who received and decided a case counts it once. Both
  // branches are scoped queries; the outer one only aggregates their rows.
  return db.unscoped
    .createQueryBuilder()
    .from(`(${receivers.getQuery()} UNION ${deciders.getQuery()})`, 'p')
    .setParameters({ ...receivers.getParameters(), ...deciders.getParameters(), tenantId, from, until, deciding: DECIDING_ACTIONS });
}

/** 按时办结率 per person over the cases due in [from, until) that the person received or decided. One aggregate statement. */
export async function onTimeFigures(db: Db, tenantId: number, from: Date, until: Date): Promise<{ subjectId: number; total: number; met: number }[]> {
  const rows = await casesDueBetween(db, tenantId, from, until)
    .select('p.personId', 'subjectId')
    .addSelect('COUNT(*)', 'total')
    .addSelect('SUM(p.onTime)', 'met')
    .groupBy('p.personId')
    .getRawMany<{ subjectId: number; total: number | string; met: number | string }>();
  return rows.map((row) => ({ subjectId: Number(row.subjectId), total: Number(row.total), met: Number(row.met) }));
}

/** 超期办件: the cases due in [from, until) not ended by their deadline, with each person who received or decided them. One statement. */
export async function overdueCases(db: Db, tenantId: number, from: Date, until: Date): Promise<{ id: number; subjectId: number }[]> {
  const rows = await casesDueBetween(db, tenantId, from, until)
    .select('p.applicationId', 'id')
    .addSelect('p.personId', 'subjectId')
    .where('p.onTime = 0')
    .orderBy('p.applicationId')
    .getRawMany<{ id: number; subjectId: number }>();
  return rows.map((row) => ({ id: Number(row.id), subjectId: Number(row.subjectId) }));
}

/**
 * 按时办结率 per centre (a city's centre-level appraisal, 锦州 第三条(十)): of each centre's
 * cases due in [from, until), how many ended by their deadline. One aggregate statement.
 */
export async function onTimeByCentre(db: Db, tenantIds: readonly number[], from: Date, until: Date): Promise<{ subjectId: number; total: number; met: number }[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .scoped(Application)
    .query('a')
    .select('a.tenantId', 'subjectId')
    .addSelect('COUNT(*)', 'total')
    .addSelect(`SUM(CASE WHEN ${ENDED_ON_TIME} THEN 1 ELSE 0 END)`, 'met')
    .andWhere('a.tenantId IN (:...centres) AND a.dueAt >= :from AND a.dueAt < :until', { centres: [...tenantIds], from, until })
    .groupBy('a.tenantId')
    .getRawMany<{ subjectId: number; total: number | string; met: number | string }>();
  return rows.map((row) => ({ subjectId: Number(row.subjectId), total: Number(row.total), met: Number(row.met) }));
}
