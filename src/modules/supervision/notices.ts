import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import * as calendar from '../calendar/service';
import { SupervisionNoticeAction, SupervisionNoticeCause, SupervisionNoticeStatus, SupervisionNotice, SupervisionNoticeEvent, SupervisionSettings } from './entities';
import {
  IssueSupervisionNoticeInput,
  NoticeOrderField,
  noticeSorting,
  ReplyToSupervisionNoticeInput,
  SendBackSupervisionNoticeInput,
  SupervisionNoticeFilter,
  SupervisionNoticeVersionInput,
  SupervisionSettingsInput,
} from './inputs';
import { supervisionMessages as m } from './messages';
import { publishReport } from './reports';

/**
 * 督办单 (锦州 第十一条 "发现问题及时预警纠错"): a problem found by 电子监察 (the check) or by a
 * centre admin or supervisor by hand, which the responsible department answers (cause and
 * correction); the issuer accepts the answer or sends it back; a notice left unanswered
 * past its reply deadline is escalated to the superior centre.
 */

/** 锦州 第十一条 asks for "及时" correction; one working day unless the centre sets another. */
export const DEFAULT_NOTICE_REPLY_WORKING_DAYS = 1;
const MANAGERS = [Role.CENTRE_ADMIN, Role.SUPERVISOR];

const notices = (db: Db) => db.scoped(SupervisionNotice);

// ---- reads ------------------------------------------------------------------------

/**
 * Who reads a notice (the scope already keeps it to the viewer's readable tenants):
 * - in its own centre: centre admins, supervisors and auditors all, other staff those
 *   addressed to their department (they answer them);
 * - in a superior centre (city, province): auditors all (they read everything in scope),
 *   centre admins and supervisors only escalated ones. Before escalation a notice is the
 *   centre's own correction in progress; escalation is what brings it to the city.
 */
export function visibleNotices(ctx: RequestContext, alias: string) {
  const viewer = requireViewer(ctx);
  const query = notices(ctx.db).query(alias);
  if (viewer.roles.has(Role.AUDITOR)) return query;
  const own = `${alias}.tenantId = :viewerTenant`;
  if (MANAGERS.some((role) => viewer.roles.has(role))) {
    return query.andWhere(`(${own} OR ${alias}.escalatedAt IS NOT NULL)`, { viewerTenant: viewer.tenantId });
  }
  return query.andWhere(`${own} AND ${alias}.departmentId = :viewerDepartment`, { viewerTenant: viewer.tenantId, viewerDepartment: viewer.departmentId });
}

export function loadNotice(ctx: RequestContext, id: number): Promise<SupervisionNotice | null> {
  return ctx.loaders.get('SupervisionNotice.byId', () => byIdLoader((ids) => visibleNotices(ctx, 'n').andWhere('n.id IN (:...ids)', { ids }).getMany())).load(id);
}

export async function listNotices(ctx: RequestContext, args: ListArgs<NoticeOrderField>, filter: SupervisionNoticeFilter = {}): Promise<ConnectionResult<SupervisionNotice>> {
  const query = visibleNotices(ctx, 'n');
  if (filter.tenantCode) query.andWhere('n.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
  if (filter.causeKind) query.andWhere('n.causeKind = :causeKind', { causeKind: filter.causeKind });
  if (filter.escalated === true) query.andWhere('n.escalatedAt IS NOT NULL');
  if (filter.escalated === false) query.andWhere('n.escalatedAt IS NULL');
  if (filter.departmentId) query.andWhere('n.departmentId = :department', { department: decodeGlobalIdOf('Department', filter.departmentId, 'filter.departmentId') });
  return paginate(query, { list: 'supervisionNotices', alias: 'n', sorting: noticeSorting }, args);
}

export function timelineOf(ctx: RequestContext, notice: SupervisionNotice): Promise<SupervisionNoticeEvent[]> {
  return ctx.loaders
    .get('SupervisionNoticeEvent.byNotice', () =>
      groupedLoader((ids) => ctx.db.scoped(SupervisionNoticeEvent).query('e').andWhere('e.noticeId IN (:...ids)', { ids }).orderBy('e.id').getMany(), (row) => row.noticeId),
    )
    .load(notice.id);
}

// ---- settings and deadlines -------------------------------------------------------

function settingsRow(db: Db, tenantId: number): Promise<SupervisionSettings | null> {
  return db.scoped(SupervisionSettings).query('s').andWhere('s.tenantId = :tenantId', { tenantId }).getOne();
}

/** The reply limit of each tenant (its setting, else the default), in one statement. */
export async function replyWorkingDaysOf(db: Db, tenantIds: number[]): Promise<Map<number, number>> {
  const days = new Map(tenantIds.map((id) => [id, DEFAULT_NOTICE_REPLY_WORKING_DAYS]));
  if (tenantIds.length === 0) return days;
  const rows = await db.scoped(SupervisionSettings).query('s').andWhere('s.tenantId IN (:...settingsTenants)', { settingsTenants: tenantIds }).getMany();
  for (const row of rows) days.set(row.tenantId, row.replyWorkingDays);
  return days;
}

export interface SupervisionSettingsView {
  tenant: Tenant;
  replyWorkingDays: number;
  version: number | null;
}

export async function supervisionSettings(ctx: RequestContext, tenantCode: string): Promise<SupervisionSettingsView | null> {
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  if (!tenant) return null;
  const row = await settingsRow(ctx.db, tenant.id);
  return { tenant, replyWorkingDays: row?.replyWorkingDays ?? DEFAULT_NOTICE_REPLY_WORKING_DAYS, version: row?.version ?? null };
}

function validReplyDays(days: number | null | undefined): boolean {
  return days === undefined || days === null || (Number.isInteger(days) && days >= 1 && days <= 10);
}

/** Centre admin: the own centre's reply limit; later notices and send-backs get it. */
export async function setSupervisionSettings(ctx: RequestContext, input: SupervisionSettingsInput): Promise<SupervisionSettingsView> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  if (!validReplyDays(input.replyWorkingDays)) throw new BadUserInputError(m.replyDays, 'input.replyWorkingDays');
  try {
    await ctx.db.transaction(async (db) => {
      const existing = await settingsRow(db, viewer.tenantId);
      if (existing) {
        if (input.version === undefined || input.version === null) throw new ConflictError(m.settingsExist, { field: 'version' });
        await db.scoped(SupervisionSettings).updateVersioned(existing, input.version, { replyWorkingDays: input.replyWorkingDays });
      } else {
        const settings = db.scoped(SupervisionSettings);
        await settings.save(settings.create({ tenantId: viewer.tenantId, replyWorkingDays: input.replyWorkingDays }));
      }
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError(m.settingsExist, { field: 'version' });
    throw error;
  }
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  return (await supervisionSettings(ctx, tenant!.code))!;
}

/** The reply deadline from `now`: `days` working days, or the centre's setting, on its calendar. */
async function replyDueAt(ctx: RequestContext, db: Db, tenantId: number, days: number | null | undefined): Promise<Date> {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  const limit = days ?? (await replyWorkingDaysOf(db, [tenantId])).get(tenantId)!;
  return (await calendar.calendarOf(ctx, tenant!)).deadline(ctx.now(), limit);
}

// ---- issuing by hand --------------------------------------------------------------

export async function recordEvents(db: Db, rows: Partial<SupervisionNoticeEvent>[]): Promise<void> {
  // Grouped per tenant: each tenant's rows are written through its own view.
  const byTenant = new Map<number, Partial<SupervisionNoticeEvent>[]>();
  for (const row of rows) byTenant.set(row.tenantId!, [...(byTenant.get(row.tenantId!) ?? []), row]);
  for (const [tenantId, events] of byTenant) await db.onBehalfOf(tenantId).scoped(SupervisionNoticeEvent).insertMany(events);
}

/**
 * 人工督办 (锦州 第十一条: 视频监控, 办件抽查 …): a centre admin or supervisor addresses a
 * notice to a department of the own centre (and a person where known), in free text.
 */
export async function issueNotice(ctx: RequestContext, input: IssueSupervisionNoticeInput): Promise<SupervisionNotice> {
  const viewer = requireRole(ctx, ...MANAGERS);
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 2000);
  check.that(validReplyDays(input.replyWorkingDays), 'input.replyWorkingDays', m.replyDays);
  check.done();
  const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId'));
  if (!department || department.tenantId !== viewer.tenantId) throw new BadUserInputError(m.department, 'input.departmentId');
  if (department.id === viewer.departmentId) throw new ForbiddenError(m.issuerNotAddressee);
  let personId: number | null = null;
  if (input.personId) {
    const person = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', input.personId, 'input.personId'));
    if (!person || person.tenantId !== viewer.tenantId || !person.active) throw new BadUserInputError(m.person, 'input.personId');
    personId = person.id;
  }
  const now = ctx.now();
  const id = await ctx.db.transaction(async (db) => {
    const saved = await notices(db).save(
      notices(db).create({
        tenantId: viewer.tenantId,
        causeKind: SupervisionNoticeCause.MANUAL,
        causeId: null,
        causeRound: 1,
        status: SupervisionNoticeStatus.AWAITING_REPLY,
        departmentId: department.id,
        personId,
        reason,
        issuedById: viewer.userId,
        issuedAt: now,
        replyDueAt: await replyDueAt(ctx, db, viewer.tenantId, input.replyWorkingDays),
        replyCause: null,
        replyCorrection: null,
        repliedById: null,
        repliedAt: null,
        sendBacks: 0,
        sendBackReason: null,
        escalatedAt: null,
        acceptedAt: null,
        checkRun: null,
        escalationRun: null,
      }),
    );
    await recordEvents(db, [{ tenantId: saved.tenantId, noticeId: saved.id, action: SupervisionNoticeAction.ISSUE, toStatus: SupervisionNoticeStatus.AWAITING_REPLY, actorId: viewer.userId, note: '', at: now }]);
    return saved.id;
  });
  const notice = await notices(ctx.db).getById(id, m.notice);
  publishReport(ctx, { runId: null, issued: [notice], escalated: [], lightChanges: [] });
  return notice;
}

// ---- answering --------------------------------------------------------------------

type Rule = (viewer: Viewer, notice: SupervisionNotice) => void;

/** The responsible department's staff (the centre admins when no department is named). */
const byDepartment: Rule = (viewer, notice) => {
  const addressed = notice.departmentId === null ? viewer.roles.has(Role.CENTRE_ADMIN) : viewer.departmentId === notice.departmentId;
  if (!addressed || viewer.tenantId !== notice.tenantId) throw new ForbiddenError(m.repliedByDepartment);
};

/** The issuer of a notice issued by hand; for the check's notices, the centre's admins and supervisors; never the department addressed. */
const byIssuer: Rule = (viewer, notice) => {
  const issuer = notice.issuedById === null ? MANAGERS.some((role) => viewer.roles.has(role)) && viewer.tenantId === notice.tenantId : notice.issuedById === viewer.userId;
  if (!issuer) throw new ForbiddenError(m.decidedByIssuer);
  if (notice.departmentId !== null && notice.departmentId === viewer.departmentId) throw new ForbiddenError(m.issuerNotAddressee);
};

/**
 * One step: the notice read as the viewer may (NOT_FOUND otherwise), the actor checked,
 * then version and status (CONFLICT), applied by one conditional UPDATE with its
 * timeline event in one transaction, so of two racing steps one wins.
 */
async function move(
  ctx: RequestContext,
  input: SupervisionNoticeVersionInput,
  action: SupervisionNoticeAction,
  from: SupervisionNoticeStatus[],
  actor: Rule,
  changes: (notice: SupervisionNotice, viewer: Viewer, now: Date, db: Db) => Promise<Partial<SupervisionNotice>> | Partial<SupervisionNotice>,
  note = '',
): Promise<SupervisionNotice> {
  const viewer = requireViewer(ctx);
  const id = decodeGlobalIdOf('SupervisionNotice', input.id, 'input.id');
  const notice = await visibleNotices(ctx, 'n').andWhere('n.id = :id', { id }).getOne();
  if (!notice) throw new NotFoundError(m.notice);
  notices(ctx.db).assertWritable(notice);
  actor(viewer, notice);
  if (notice.version !== input.version) throw new ConflictError(m.stale, { field: 'version', status: notice.status });
  if (!from.includes(notice.status)) throw new ConflictError(m.notInStatus(notice.status), { status: notice.status });
  const now = ctx.now();
  await ctx.db.transaction(async (db) => {
    const fields = await changes(notice, viewer, now, db);
    await notices(db).updateVersioned(notice, input.version, fields);
    await recordEvents(db, [{ tenantId: notice.tenantId, noticeId: notice.id, action, toStatus: fields.status ?? notice.status, actorId: viewer.userId, note, at: now }]);
  });
  return notices(ctx.db).getById(id, m.notice);
}

/** 反馈: the department's cause and correction. Also after the deadline (an escalated notice is still answered). */
export function replyToNotice(ctx: RequestContext, input: ReplyToSupervisionNoticeInput): Promise<SupervisionNotice> {
  const check = new InputCheck();
  const cause = check.text(input.cause, 'input.cause', 2000);
  const correction = check.text(input.correction, 'input.correction', 2000);
  check.done();
  return move(ctx, input, SupervisionNoticeAction.REPLY, [SupervisionNoticeStatus.AWAITING_REPLY], byDepartment, (_notice, viewer, now) => ({
    status: SupervisionNoticeStatus.REPLIED,
    replyCause: cause,
    replyCorrection: correction,
    repliedById: viewer.userId,
    repliedAt: now,
  }));
}

/** 退回: the reply is not enough; the department answers again by a new deadline. */
export function sendBackNotice(ctx: RequestContext, input: SendBackSupervisionNoticeInput): Promise<SupervisionNotice> {
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 1000);
  check.that(validReplyDays(input.replyWorkingDays), 'input.replyWorkingDays', m.replyDays);
  check.done();
  return move(
    ctx,
    input,
    SupervisionNoticeAction.SEND_BACK,
    [SupervisionNoticeStatus.REPLIED],
    byIssuer,
    async (notice, _viewer, _now, db) => ({
      status: SupervisionNoticeStatus.AWAITING_REPLY,
      sendBacks: notice.sendBacks + 1,
      sendBackReason: reason,
      replyDueAt: await replyDueAt(ctx, db, notice.tenantId, input.replyWorkingDays),
    }),
    reason,
  );
}

/** 办结: the issuer accepts the reply. */
export function acceptNotice(ctx: RequestContext, input: SupervisionNoticeVersionInput): Promise<SupervisionNotice> {
  return move(ctx, input, SupervisionNoticeAction.ACCEPT, [SupervisionNoticeStatus.REPLIED], byIssuer, (_notice, _viewer, now) => ({ status: SupervisionNoticeStatus.ACCEPTED, acceptedAt: now }));
}

export const noticeNodeLoaders = {
  SupervisionNotice: (ctx: RequestContext, ids: number[]) => visibleNotices(ctx, 'n').andWhere('n.id IN (:...ids)', { ids }).getMany(),
  SupervisionNoticeEvent: async (ctx: RequestContext, ids: number[]) => {
    const events = await ctx.db.scoped(SupervisionNoticeEvent).findByIds(ids);
    const visible = new Set((await Promise.all(events.map((e) => loadNotice(ctx, e.noticeId)))).filter((n) => n !== null).map((n) => n!.id));
    return events.filter((e) => visible.has(e.noticeId));
  },
  SupervisionSettings: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(SupervisionSettings).findByIds(ids),
};

// ---- figures for the appraisal (考核) ---------------------------------------------

/**
 * 督办通知 to departments of a centre whose reply fell due in [from, until) and was given
 * late or not at all, per department. One statement.
 */
export async function lateNoticesBetween(db: Db, tenantId: number, from: Date, until: Date): Promise<{ id: number; subjectId: number }[]> {
  const rows = await db
    .scoped(SupervisionNotice)
    .query('n')
    .select(['n.id', 'n.departmentId'])
    .andWhere('n.tenantId = :tenantId AND n.departmentId IS NOT NULL AND n.replyDueAt >= :from AND n.replyDueAt < :until', { tenantId, from, until })
    .andWhere('(n.repliedAt IS NULL OR n.repliedAt > n.replyDueAt)')
    .orderBy('n.id')
    .getMany();
  return rows.map((row) => ({ id: row.id, subjectId: row.departmentId as number }));
}

/** 督办通知 of each centre whose reply fell due in [from, until) and was given late or not at all (a city's centre-level appraisal). One statement. */
export async function lateNoticesByCentre(db: Db, tenantIds: readonly number[], from: Date, until: Date): Promise<{ id: number; subjectId: number }[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .scoped(SupervisionNotice)
    .query('n')
    .select(['n.id', 'n.tenantId'])
    .andWhere('n.tenantId IN (:...centres) AND n.replyDueAt >= :from AND n.replyDueAt < :until', { centres: [...tenantIds], from, until })
    .andWhere('(n.repliedAt IS NULL OR n.repliedAt > n.replyDueAt)')
    .orderBy('n.id')
    .getMany();
  return rows.map((row) => ({ id: row.id, subjectId: row.tenantId }));
}
