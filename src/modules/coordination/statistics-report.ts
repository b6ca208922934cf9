/**
 * 数据统计上报 (鞍山 衔接 三.3): "涉及中心需统一上报汇总的各类数据，由中心业务协调部负责统计办件
 * 信息及帮办代办信息，汇总后报局业务协调科". The centre's 业务协调部 compiles a period's 办件量
 * per receiving window and its 帮办代办 from the cases (one aggregate statement each, through
 * the applications service), may compile its draft again, and submits it; a submitted
 * report is locked.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { groupedLoader } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { messages, nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import * as calendar from '../calendar/service';
import * as applications from '../applications/service';
import { CoordinationPointKind } from './entities';
import { coordinationDepartmentId } from './service';
import { StatisticsReport, StatisticsReportAgencyLine, StatisticsReportStatus, StatisticsReportWindowLine } from './statistics-report-entities';
import { CompileStatisticsReportInput, StatisticsReportFilter, StatisticsReportOrderField, statisticsReportSorting, StatisticsReportVersionInput } from './statistics-report-inputs';
import { statisticsReportMessages as m } from './statistics-report-messages';

const reports = (db: Db) => db.scoped(StatisticsReport);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const MAX_PERIOD_DAYS = 366;

/** The two desks of 三.3 in a centre: the centre's 业务协调部 compiles, the bureau's 业务协调科 receives (null while not named). */
async function desksOf(db: Db, tenantId: number): Promise<{ compiling: number | null; receiving: number | null }> {
  const [compiling, receiving] = await Promise.all([
    coordinationDepartmentId(db, tenantId, CoordinationPointKind.CENTRE_COORDINATION),
    coordinationDepartmentId(db, tenantId, CoordinationPointKind.BUREAU_COORDINATION),
  ]);
  return { compiling, receiving };
}

/**
 * 三.3 names the compiler: staff of the own centre's 业务协调部, whatever their role (read-only
 * roles are refused before any resolver); a centre admin of another department is not it.
 */
async function requireCompiler(ctx: RequestContext): Promise<{ viewer: Viewer; compiling: number; receiving: number }> {
  const viewer = requireViewer(ctx);
  const { compiling, receiving } = await desksOf(ctx.db, viewer.tenantId);
  if (compiling === null || receiving === null) throw new ConflictError(m.desksUnset);
  if (viewer.departmentId !== compiling) throw new ForbiddenError(m.compilers);
  return { viewer, compiling, receiving };
}

/**
 * Who reads reports (the scope keeps them to the viewer's readable tenants): auditors all;
 * in the own centre, its 业务协调部 (the compiler) and the leaders all, the bureau's
 * 业务协调科 the submitted ones (what it received), whatever their roles; nobody else.
 */
async function visibleReports(ctx: RequestContext, alias: string) {
  const viewer = requireViewer(ctx);
  const query = reports(ctx.db).query(alias);
  if (viewer.roles.has(Role.AUDITOR)) return query;
  const { compiling, receiving } = await desksOf(ctx.db, viewer.tenantId);
  const own = `${alias}.tenantId = :viewerTenant`;
  if (viewer.departmentId === compiling || viewer.roles.has(Role.LEADER)) return query.andWhere(own, { viewerTenant: viewer.tenantId });
  if (viewer.departmentId === receiving) return query.andWhere(`${own} AND ${alias}.status = :submitted`, { viewerTenant: viewer.tenantId, submitted: StatisticsReportStatus.SUBMITTED });
  return query.andWhere('1 = 0');
}

export async function listStatisticsReports(ctx: RequestContext, args: ListArgs<StatisticsReportOrderField>, filter: StatisticsReportFilter = {}): Promise<ConnectionResult<StatisticsReport>> {
  const query = await visibleReports(ctx, 'r');
  if (filter.tenantCode) query.andWhere('r.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
  return paginate(query, { list: 'statisticsReports', alias: 'r', sorting: statisticsReportSorting }, args);
}

const isDate = (text: string) => DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The period's dates checked (every problem at once) and its instants in the centre's time zone. */
function periodOf(input: CompileStatisticsReportInput, workingCalendar: calendar.WorkingCalendar, now: Date): { from: Date; to: Date; note: string } {
  const check = new InputCheck();
  const validStart = check.that(isDate(input.startDate), 'input.startDate', messages.calendarDate('input.startDate'));
  const validEnd = check.that(isDate(input.endDate), 'input.endDate', messages.calendarDate('input.endDate'));
  if (validStart && validEnd && check.that(input.startDate <= input.endDate, 'input.endDate', m.periodOrder)) {
    const today = workingCalendar.localDate(now);
    check.that(input.endDate < today, 'input.endDate', m.periodNotOver(today));
    check.that((Date.parse(input.endDate) - Date.parse(input.startDate)) / DAY_MS < MAX_PERIOD_DAYS, 'input.startDate', m.periodTooLong);
  }
  const note = (input.note ?? '').trim();
  check.that(note.length <= 1000, 'input.note', m.noteLength);
  check.done();
  return { from: workingCalendar.instantAt(input.startDate, 0), to: workingCalendar.instantAt(nextDay(input.endDate), 0), note };
}

/**
 * 汇总: the period's figures from the cases as they stand now. 办件量 is the cases received
 * (接件) in the period, per receiving window; 帮办代办 the help given in the period, per
 * programme and key project. A draft of the same period is compiled again with its
 * version; a submitted one is locked (CONFLICT).
 */
export async function compileStatisticsReport(ctx: RequestContext, input: CompileStatisticsReportInput): Promise<StatisticsReport> {
  const { viewer, compiling, receiving } = await requireCompiler(ctx);
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  const now = ctx.now();
  const { from, to, note } = periodOf(input, await calendar.calendarOf(ctx, tenant), now);
  try {
    const id = await ctx.db.transaction(async (db) => {
      const existing = await reports(db).query('r').andWhere('r.tenantId = :tenantId AND r.startDate = :start AND r.endDate = :end', { tenantId: tenant.id, start: input.startDate, end: input.endDate }).getOne();
      if (existing?.status === StatisticsReportStatus.SUBMITTED) throw new ConflictError(m.locked, { status: existing.status });
      if (existing && (input.version === null || input.version === undefined)) throw new ConflictError(m.compiledAlready, { field: 'version' });
      const [windowFigures, agencyFigures] = await Promise.all([applications.casesReceivedByWindow(db, tenant.id, from, to), applications.agencyServicesBetween(db, tenant.id, from, to)]);
      const fields = {
        compilingDepartmentId: compiling,
        recipientDepartmentId: receiving,
        casesReceived: windowFigures.reduce((sum, row) => sum + row.received, 0),
        agencyServices: agencyFigures.reduce((sum, row) => sum + row.cases, 0),
        note,
        compiledById: viewer.userId,
        compiledAt: now,
      };
      let reportId: number;
      if (existing) {
        await reports(db).updateVersioned(existing, input.version as number, fields);
        await db.scoped(StatisticsReportWindowLine).deleteWhere({ reportId: existing.id });
        await db.scoped(StatisticsReportAgencyLine).deleteWhere({ reportId: existing.id });
        reportId = existing.id;
      } else {
        const row = reports(db).create({ tenantId: tenant.id, startDate: input.startDate, endDate: input.endDate, status: StatisticsReportStatus.DRAFT, submittedById: null, submittedAt: null, ...fields });
        reportId = (await reports(db).save(row)).id;
      }
      await db.scoped(StatisticsReportWindowLine).insertMany(windowFigures.map((line) => ({ tenantId: tenant.id, reportId, ...line })));
      await db.scoped(StatisticsReportAgencyLine).insertMany(agencyFigures.map((line) => ({ tenantId: tenant.id, reportId, ...line })));
      return reportId;
    });
    return reports(ctx.db).getById(id, m.report);
  } catch (error) {
    // Two compilers of the same new period at once: the unique key lets one win.
    if (isDuplicateKey(error)) throw new ConflictError(m.compiledAlready, { field: 'version' });
    throw error;
  }
}

/** 上报: the draft goes to the bureau's 业务协调科 (named now) and is locked from then on. */
export async function submitStatisticsReport(ctx: RequestContext, input: StatisticsReportVersionInput): Promise<StatisticsReport> {
  const { viewer, receiving } = await requireCompiler(ctx);
  const id = decodeGlobalIdOf('StatisticsReport', input.id, 'input.id');
  return ctx.db.transaction(async (db) => {
    const report = await reports(db).getById(id, m.report);
    // A superior centre reads its counties' reports but submits none of them: the same answer as a missing one.
    if (report.tenantId !== viewer.tenantId) throw new NotFoundError(m.report);
    if (report.status === StatisticsReportStatus.SUBMITTED) throw new ConflictError(m.locked, { status: report.status });
    await reports(db).updateVersioned(report, input.version, { status: StatisticsReportStatus.SUBMITTED, recipientDepartmentId: receiving, submittedById: viewer.userId, submittedAt: ctx.now() });
    return reports(db).getById(id, m.report);
  });
}

/** The lines of a report as compiled (rows that hang off it), in order, batched over the reports of a page. */
function linesOf<T extends StatisticsReportWindowLine | StatisticsReportAgencyLine>(ctx: RequestContext, entity: { new (): T; prototype: T; name: string }, report: StatisticsReport): Promise<T[]> {
  return ctx.loaders
    .get(`${entity.name}.byReport`, () =>
      groupedLoader((ids) => ctx.db.scoped(entity).query('l').andWhere('l.reportId IN (:...ids)', { ids }).orderBy('l.id').getMany(), (line) => line.reportId),
    )
    .load(report.id);
}

export const windowLinesOf = (ctx: RequestContext, report: StatisticsReport) => linesOf(ctx, StatisticsReportWindowLine, report);
export const agencyLinesOf = (ctx: RequestContext, report: StatisticsReport) => linesOf(ctx, StatisticsReportAgencyLine, report);

export const statisticsReportNodes = {
  StatisticsReport: async (ctx: RequestContext, ids: number[]) => (await visibleReports(ctx, 'r')).andWhere('r.id IN (:...ids)', { ids }).getMany(),
};
