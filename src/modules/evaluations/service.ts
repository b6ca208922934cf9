import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { byIdLoader, groupBy, groupedLoader } from '../../db/loaders';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import * as applications from '../applications/service';
import { Application } from '../applications/entities';
import * as windows from '../windows/service';
import { Window } from '../windows/entities';
import * as calendar from '../calendar/service';
import {
  BAD_LEVELS,
  Evaluation,
  EvaluationChannel,
  EvaluationLevel,
  EvaluationSettings,
  Rectification,
  RectificationAction,
  RectificationEvent,
  RectificationStage,
  RectificationStatus,
  SATISFIED_LEVELS,
} from './entities';
import {
  CompleteRectificationInput,
  EvaluateCaseInput,
  EvaluationFilter,
  EvaluationGrouping,
  EvaluationOrderField,
  EvaluationSettingsInput,
  evaluationSorting,
  RecordEvaluationInput,
  RectificationFilter,
  RectificationOrderField,
  RectificationReturnVisitInput,
  rectificationSorting,
  RectificationVersionInput,
  VerifyRectificationInput,
} from './inputs';
import { isRated, ratedParties } from './rated';
import { evaluationMessages as m } from './messages';

/** 回访核实 within 1 working day of the rating, unless the centre sets another (issue 15). */
export const DEFAULT_VERIFY_WORKING_DAYS = 1;
/** A valid 差评 is rectified within 15 working days of its verification, unless the centre sets another. */
export const DEFAULT_RECTIFY_WORKING_DAYS = 15;

/** Roles that read every evaluation and rectification in their scope; other staff read only the ratings of themselves. */
const READERS = [Role.CENTRE_ADMIN, Role.SUPERVISOR, Role.AUDITOR];
const PUBLIC_CHANNELS = [EvaluationChannel.ONLINE, EvaluationChannel.SMS, EvaluationChannel.QR_CODE];
const OPEN_STATUSES = [RectificationStatus.AWAITING_VERIFICATION, RectificationStatus.VERIFIED_VALID];
const S = RectificationStatus;

const evaluations = (db: Db) => db.scoped(Evaluation);
const rectifications = (db: Db) => db.scoped(Rectification);

const isReader = (viewer: Viewer) => READERS.some((role) => viewer.roles.has(role));

// ---- reads ------------------------------------------------------------------------

/**
 * Evaluations the viewer may read: in scope; all of them for centre admins, supervisors
 * and auditors, only the ratings of themselves for other staff (their identity fields
 * stay null to them: policies.ts).
 */
function visibleEvaluations(ctx: RequestContext, alias: string) {
  const viewer = requireViewer(ctx);
  const query = evaluations(ctx.db).query(alias);
  return isReader(viewer) ? query : query.andWhere(`${alias}.staffId = :ratedViewer`, { ratedViewer: viewer.userId });
}

function visibleRectifications(ctx: RequestContext, alias: string) {
  const viewer = requireViewer(ctx);
  const query = rectifications(ctx.db).query(alias);
  return isReader(viewer) ? query : query.andWhere(`${alias}.responsibleStaffId = :ratedViewer`, { ratedViewer: viewer.userId });
}

export function loadEvaluation(ctx: RequestContext, id: number | null): Promise<Evaluation | null> {
  if (id === null) return Promise.resolve(null);
  return ctx.loaders.get('Evaluation.byId', () => byIdLoader((ids) => visibleEvaluations(ctx, 'e').andWhere('e.id IN (:...ids)', { ids }).getMany())).load(id);
}

export function rectificationOf(ctx: RequestContext, evaluation: Evaluation): Promise<Rectification | null> {
  return ctx.loaders
    .get('Rectification.byEvaluation', () =>
      groupedLoader(
        (ids) => visibleRectifications(ctx, 'r').andWhere('r.evaluationId IN (:...ids)', { ids }).getMany(),
        (row) => row.evaluationId,
      ),
    )
    .load(evaluation.id)
    .then((rows) => rows[0] ?? null);
}

export async function listEvaluations(ctx: RequestContext, args: ListArgs<EvaluationOrderField>, filter: EvaluationFilter = {}): Promise<ConnectionResult<Evaluation>> {
  const query = visibleEvaluations(ctx, 'e');
  if (filter.tenantCode) query.andWhere('e.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.level) query.andWhere('e.level = :level', { level: filter.level });
  if (filter.channel) query.andWhere('e.channel = :channel', { channel: filter.channel });
  if (filter.bad === true) query.andWhere('e.level IN (:...badLevels)', { badLevels: BAD_LEVELS });
  if (filter.bad === false) query.andWhere('e.level NOT IN (:...badLevels)', { badLevels: BAD_LEVELS });
  return paginate(query, { list: 'evaluations', alias: 'e', sorting: evaluationSorting }, args);
}

export async function listRectifications(ctx: RequestContext, args: ListArgs<RectificationOrderField>, filter: RectificationFilter = {}): Promise<ConnectionResult<Rectification>> {
  const query = visibleRectifications(ctx, 'r');
  if (filter.tenantCode) query.andWhere('r.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, filter.tenantCode, 'filter.tenantCode') });
  if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
  if (filter.late === true) query.andWhere('r.status IN (:...openStatuses) AND r.dueAt < :now', { openStatuses: OPEN_STATUSES, now: ctx.now() });
  return paginate(query, { list: 'rectifications', alias: 'r', sorting: rectificationSorting }, args);
}

export function timelineOf(ctx: RequestContext, rectification: Rectification): Promise<RectificationEvent[]> {
  return ctx.loaders
    .get('RectificationEvent.byRectification', () =>
      groupedLoader(
        (ids) => ctx.db.scoped(RectificationEvent).query('e').andWhere('e.rectificationId IN (:...ids)', { ids }).orderBy('e.id').getMany(),
        (row) => row.rectificationId,
      ),
    )
    .load(rectification.id);
}

/**
 * Whether a detail of a case rating is withheld from the viewer: the staff and
 * departments rated never learn which case (and so which applicant) rated them (锦州
 * 第二十七条's rule for complaints, applied to 差评): the case, its matter and the time it
 * was served would name it. Reported in `extensions.redacted` as `key`.
 */
async function withheldFromRated(ctx: RequestContext, evaluation: Evaluation, key: string): Promise<boolean> {
  if (evaluation.applicationId === null) return false;
  const viewer = requireViewer(ctx);
  if (!isRated(await ratedParties(ctx, evaluation), viewer)) return false;
  ctx.redacted.add(key);
  return true;
}

/** The case rated; null for a 咨询, and to the staff rated. */
export async function ratedCaseOf(ctx: RequestContext, evaluation: Evaluation): Promise<Application | null> {
  if (evaluation.applicationId === null || (await withheldFromRated(ctx, evaluation, 'Evaluation.application'))) return null;
  return applications.loadApplication(ctx, evaluation.applicationId);
}

/** The case's matter id; null for a 咨询, and to the staff rated. */
export async function ratedMatterIdOf(ctx: RequestContext, evaluation: Evaluation): Promise<number | null> {
  return (await withheldFromRated(ctx, evaluation, 'Evaluation.matter')) ? null : evaluation.matterId;
}

/** When the service was given; null to the staff rated on a case (the decision time would name it). */
export async function servedAtOf(ctx: RequestContext, evaluation: Evaluation): Promise<Date | null> {
  return (await withheldFromRated(ctx, evaluation, 'Evaluation.servedAt')) ? null : evaluation.servedAt;
}

/** The rectification's evaluation, read in the rectification's tenant (a reader reads both; the rated staff read their own). */
export function evaluationOfRectification(ctx: RequestContext, rectification: Rectification): Promise<Evaluation | null> {
  return loadEvaluation(ctx, rectification.evaluationId);
}

// ---- settings ---------------------------------------------------------------------

interface Limits {
  verifyWorkingDays: number;
  rectifyWorkingDays: number;
}

function settingsRow(db: Db, tenantId: number): Promise<EvaluationSettings | null> {
  return db.scoped(EvaluationSettings).query('s').andWhere('s.tenantId = :tenantId', { tenantId }).getOne();
}

async function limitsOf(db: Db, tenantId: number): Promise<Limits> {
  const row = await settingsRow(db, tenantId);
  return { verifyWorkingDays: row?.verifyWorkingDays ?? DEFAULT_VERIFY_WORKING_DAYS, rectifyWorkingDays: row?.rectifyWorkingDays ?? DEFAULT_RECTIFY_WORKING_DAYS };
}

export interface EvaluationSettingsResult extends Limits {
  tenant: Tenant;
  version: number | null;
}

export async function evaluationSettings(ctx: RequestContext, tenantCode: string): Promise<EvaluationSettingsResult | null> {
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  if (!tenant) return null;
  const row = await settingsRow(ctx.db, tenant.id);
  return { tenant, ...(await limitsOf(ctx.db, tenant.id)), version: row?.version ?? null };
}

/** Centre admin: the own centre's limits; later 差评 get them (open rectifications keep their deadlines). */
export async function setEvaluationSettings(ctx: RequestContext, input: EvaluationSettingsInput): Promise<EvaluationSettingsResult> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN);
  const check = new InputCheck();
  const days = (value: number) => Number.isInteger(value) && value >= 1 && value <= 60;
  check.that(days(input.verifyWorkingDays), 'input.verifyWorkingDays', m.days);
  check.that(days(input.rectifyWorkingDays), 'input.rectifyWorkingDays', m.days);
  check.done();
  const fields = { verifyWorkingDays: input.verifyWorkingDays, rectifyWorkingDays: input.rectifyWorkingDays };
  try {
    await ctx.db.transaction(async (db) => {
      const existing = await settingsRow(db, viewer.tenantId);
      if (existing) {
        if (input.version === undefined || input.version === null) throw new ConflictError(m.settingsExist, { field: 'version' });
        await db.scoped(EvaluationSettings).updateVersioned(existing, input.version, fields);
      } else {
        const settings = db.scoped(EvaluationSettings);
        await settings.save(settings.create({ tenantId: viewer.tenantId, ...fields }));
      }
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError(m.settingsExist, { field: 'version' });
    throw error;
  }
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  return (await evaluationSettings(ctx, tenant!.code))!;
}

// ---- rating -----------------------------------------------------------------------

interface Rating {
  level: EvaluationLevel;
  reasons: EvaluationReason[];
  comment: string | null;
}
type EvaluationReason = Evaluation['reasons'][number];

/** The level, reasons and comment, every problem at once (into `check`). */
function ratingOf(check: InputCheck, input: { level: EvaluationLevel; reasons?: EvaluationReason[] | null; comment?: string | null }): Rating {
  const reasons = input.reasons ?? [];
  const bad = BAD_LEVELS.includes(input.level);
  if (bad) check.that(reasons.length > 0, 'input.reasons', m.reasonsRequired);
  else check.that(reasons.length === 0, 'input.reasons', m.reasonsRefused);
  check.that(new Set(reasons).size === reasons.length, 'input.reasons', m.reasonsRepeated);
  const comment = input.comment?.trim() ?? '';
  check.that([...comment].length <= 500, 'input.comment', m.comment);
  return { level: input.level, reasons, comment: comment === '' ? null : comment };
}

function optionalText(check: InputCheck, value: string | null | undefined, field: string, message: typeof m.comment): string | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  check.that(text.length > 0 && [...text].length <= 100, field, message);
  return text === '' ? null : text;
}

/** What a rating is tied to (the case's receiving window and staff, its implementing department; or the 咨询). */
interface Served {
  applicationId: number | null;
  matterId: number | null;
  windowId: number;
  staffId: number;
  departmentId: number;
  servedAt: Date;
  raterName: string | null;
  raterContact: string | null;
}

/** A finished case (applications: FINISHED_STATUSES), as rated. */
function servedByCase(application: Application): Served {
  if (!applications.FINISHED_STATUSES.includes(application.status)) {
    throw new ConflictError(m.notFinished(application.status), { status: application.status });
  }
  return {
    applicationId: application.id,
    matterId: application.matterId,
    windowId: application.receivingWindowId,
    staffId: application.receivedById,
    departmentId: application.departmentId,
    servedAt: application.decidedAt ?? application.receivedAt,
    raterName: application.applicantName,
    raterContact: application.applicantPhone,
  };
}

/**
 * Stores a rating in `db` (which writes in the tenant) and, for a 差评, opens its
 * rectification with the verification deadline on the centre's calendar; one
 * transaction. A second rating of a case through one channel is CONFLICT (unique key).
 */
async function store(ctx: RequestContext, db: Db, tenant: Tenant, channel: EvaluationChannel, rating: Rating, served: Served, recordedById: number | null): Promise<Evaluation> {
  const now = ctx.now();
  try {
    return await db.transaction(async (tx) => {
      if (served.applicationId !== null) {
        const earlier = await evaluations(tx).query('e').andWhere('e.applicationId = :id AND e.channel = :channel', { id: served.applicationId, channel }).getOne();
        if (earlier) throw new ConflictError(m.alreadyRated, { field: 'input.channel' });
      }
      const saved = await evaluations(tx).save(evaluations(tx).create({ tenantId: tenant.id, channel, ...rating, ...served, ratedAt: now, recordedById }));
      if (BAD_LEVELS.includes(rating.level)) {
        const limits = await limitsOf(tx, tenant.id);
        const verifyDueAt = (await calendar.calendarOf(ctx, tenant, tx)).deadline(now, limits.verifyWorkingDays);
        const opened = await rectifications(tx).save(
          rectifications(tx).create({
            tenantId: tenant.id,
            evaluationId: saved.id,
            responsibleDepartmentId: served.departmentId,
            responsibleStaffId: served.staffId,
            windowId: served.windowId,
            status: S.AWAITING_VERIFICATION,
            verifyDueAt,
            dueAt: verifyDueAt,
            openedAt: now,
            verifiedAt: null, verifiedById: null, verificationNote: null, plan: null, rectifyDueAt: null,
            rectifiedAt: null, rectifiedById: null, actionTaken: null,
            returnVisitSatisfied: null, returnVisitNote: null, returnVisitAt: null, returnVisitById: null, closedAt: null,
          }),
        );
        await recordEvent(tx, opened, RectificationAction.OPEN, null, S.AWAITING_VERIFICATION, recordedById, now);
      }
      return saved;
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError(m.alreadyRated, { field: 'input.channel' });
    throw error;
  }
}

export interface PublicRatingReceipt {
  applicationNumber: string;
  level: EvaluationLevel;
  ratedAt: Date;
  /** A 差评: the centre will call back (回访) by then. */
  returnVisitDueAt: Date | null;
}

/**
 * 网上/短信/扫码评价, without a token: authorised by the case number and the last four
 * digits of the applicant's phone, exactly like the progress lookup (the same check and
 * the same per-client budget, through the applications service). A wrong pair answers
 * null, exactly like a number that does not exist, and its attempt counts (a null
 * answer commits; an error would roll the count back with the mutation).
 */
export async function evaluateCase(ctx: RequestContext, input: EvaluateCaseInput): Promise<PublicRatingReceipt | null> {
  const check = new InputCheck();
  check.that(PUBLIC_CHANNELS.includes(input.channel), 'input.channel', m.publicChannel);
  const rating = ratingOf(check, input);
  check.done();
  const found = await applications.caseByPublicPair(ctx, input.applicationNumber.trim(), input.phoneLast4.trim(), { number: 'input.applicationNumber', phoneLast4: 'input.phoneLast4' });
  if (!found) return null;
  const { application, tenant } = found;
  const saved = await store(ctx, ctx.db.onBehalfOf(tenant.id), tenant, input.channel, rating, servedByCase(application), null);
  // Read back in the rater's own right: the rectification's deadline, nothing else.
  const opened = await ctx.db.readOnlyFor([tenant.id]).scoped(Rectification).query('r').andWhere('r.evaluationId = :id', { id: saved.id }).getOne();
  return { applicationNumber: application.number, level: saved.level, ratedAt: saved.ratedAt, returnVisitDueAt: opened?.verifyDueAt ?? null };
}

async function windowByNumber(ctx: RequestContext, tenantId: number, number: string): Promise<Window> {
  const trimmed = number.trim();
  const window = await ctx.db.scoped(Window).query('w').andWhere('w.tenantId = :tenantId AND w.number = :number', { tenantId, number: trimmed }).getOne();
  if (!window) throw new BadUserInputError(m.windowNumber(trimmed.slice(0, 16)), 'input.windowNumber');
  return window;
}

/**
 * A rating taken by staff. WINDOW_DEVICE: the rating pad under the session of the window
 * staff member on duty, for a finished case received at a window they staff now, or for
 * their own service there now (咨询). HOTLINE_12345: recorded by a centre admin or
 * supervisor, for a finished case of the centre or a 咨询 (window, staff member, time).
 */
export async function recordEvaluation(ctx: RequestContext, input: RecordEvaluationInput): Promise<Evaluation> {
  const device = input.channel === EvaluationChannel.WINDOW_DEVICE;
  if (!device && input.channel !== EvaluationChannel.HOTLINE_12345) throw new BadUserInputError(m.staffChannel, 'input.channel');
  const viewer = device ? requireRole(ctx, Role.WINDOW_STAFF) : requireRole(ctx, Role.CENTRE_ADMIN, Role.SUPERVISOR);
  const absent = (value: unknown) => value === undefined || value === null;
  const check = new InputCheck();
  const rating = ratingOf(check, input);
  const byCase = Boolean(input.applicationNumber?.trim());
  check.that(byCase !== Boolean(input.windowNumber?.trim()), 'input.applicationNumber', m.caseOrWindow);
  if (device) check.that(absent(input.staffId) && absent(input.servedAt), 'input.staffId', m.deviceNoStaffOrTime);
  else if (!byCase) check.that(!absent(input.staffId) && !absent(input.servedAt), 'input.staffId', m.hotlineConsultation);
  if (input.servedAt instanceof Date) check.that(input.servedAt <= ctx.now(), 'input.servedAt', m.servedAt);
  const raterName = optionalText(check, input.raterName, 'input.raterName', m.raterName);
  const raterContact = optionalText(check, input.raterContact, 'input.raterContact', m.raterContact);
  check.done();
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  const now = ctx.now();
  let served: Served;
  if (byCase) {
    const number = input.applicationNumber!.trim();
    const application = await ctx.db.scoped(Application).query('a').andWhere('a.tenantId = :tenantId AND a.number = :number', { tenantId: tenant.id, number }).getOne();
    if (!application) throw new NotFoundError(m.caseNotFound);
    if (device && (await windows.windowsStaffedBy(ctx, viewer.userId, [application.receivingWindowId], now)).length === 0) throw new ForbiddenError(m.notYourWindow);
    served = servedByCase(application);
  } else {
    const window = await windowByNumber(ctx, tenant.id, input.windowNumber!);
    let staffId = viewer.userId;
    if (device) {
      if ((await windows.windowsStaffedBy(ctx, viewer.userId, [window.id], now)).length === 0) throw new ForbiddenError(m.notYourWindow);
    } else {
      const staff = await tenancy.loadUser(ctx, decodeGlobalIdOf('User', input.staffId!, 'input.staffId'));
      if (!staff || staff.tenantId !== tenant.id) throw new BadUserInputError(m.staffOfCentre, 'input.staffId');
      staffId = staff.id;
    }
    served = {
      applicationId: null,
      matterId: null,
      windowId: window.id,
      staffId,
      departmentId: window.departmentId,
      servedAt: device ? now : input.servedAt!,
      raterName: null,
      raterContact: null,
    };
  }
  const saved = await store(ctx, ctx.db, tenant, input.channel, rating, { ...served, raterName: raterName ?? served.raterName, raterContact: raterContact ?? served.raterContact }, viewer.userId);
  return evaluations(ctx.db).getById(saved.id, m.evaluation);
}

// ---- rectification ----------------------------------------------------------------

async function recordEvent(db: Db, rectification: Rectification, action: RectificationAction, from: RectificationStatus | null, to: RectificationStatus, actorId: number | null, at: Date): Promise<void> {
  await db.scoped(RectificationEvent).insertMany([{ tenantId: rectification.tenantId, rectificationId: rectification.id, action, fromStatus: from, toStatus: to, actorId, at }]);
}

/**
 * One step: the rectification read in scope (NOT_FOUND otherwise), the actor checked (a
 * centre admin of its centre, not rated), then version and status (CONFLICT), applied by
 * one conditional UPDATE with its timeline event in one transaction.
 */
async function move(
  ctx: RequestContext,
  input: RectificationVersionInput,
  action: RectificationAction,
  from: RectificationStatus[],
  changes: (rectification: Rectification, viewer: Viewer, now: Date) => Promise<Partial<Rectification>> | Partial<Rectification>,
): Promise<Rectification> {
  const viewer = requireViewer(ctx);
  const id = decodeGlobalIdOf('Rectification', input.id, 'input.id');
  const rectification = await visibleRectifications(ctx, 'r').andWhere('r.id = :id', { id }).getOne();
  if (!rectification) throw new NotFoundError(m.rectification);
  if (!viewer.roles.has(Role.CENTRE_ADMIN)) throw new ForbiddenError(m.ownedByCentre);
  rectifications(ctx.db).assertWritable(rectification);
  if (isRated(await ratedParties(ctx, rectification), viewer)) throw new ForbiddenError(m.rated);
  if (rectification.version !== input.version) throw new ConflictError(m.stale, { field: 'version', status: rectification.status });
  if (!from.includes(rectification.status)) throw new ConflictError(m.notInStatus(rectification.status), { status: rectification.status });
  const now = ctx.now();
  await ctx.db.transaction(async (db) => {
    const fields = await changes(rectification, viewer, now);
    await rectifications(db).updateVersioned(rectification, input.version, fields);
    await recordEvent(db, rectification, action, rectification.status, fields.status ?? rectification.status, viewer.userId, now);
  });
  return rectifications(ctx.db).getById(id, m.rectification);
}

function requiredText(check: InputCheck, value: string | null | undefined, field: string, max: number): string {
  const text = value?.trim() ?? '';
  check.that(text.length > 0 && [...text].length <= max, field, m.text(field.replace(/^input\./, ''), max));
  return text;
}

/**
 * 回访核实: valid, with the plan, and due within the centre's rectification working days
 * from now, on its calendar; or not valid, which ends it.
 */
export function verifyRectification(ctx: RequestContext, input: VerifyRectificationInput): Promise<Rectification> {
  const check = new InputCheck();
  const note = requiredText(check, input.note, 'input.note', 1000);
  let plan: string | null = null;
  if (input.valid) plan = requiredText(check, input.plan, 'input.plan', 1000);
  else check.that(input.plan === undefined || input.plan === null, 'input.plan', m.planRefused);
  check.done();
  return move(ctx, input, RectificationAction.VERIFY, [S.AWAITING_VERIFICATION], async (rectification, viewer, now) => {
    const visit = { verifiedAt: now, verifiedById: viewer.userId, verificationNote: note };
    if (!input.valid) return { ...visit, status: S.NOT_VALID, dueAt: null, closedAt: now };
    const tenant = await tenancy.loadTenant(ctx, rectification.tenantId);
    const limits = await limitsOf(ctx.db, rectification.tenantId);
    const rectifyDueAt = (await calendar.calendarOf(ctx, tenant!)).deadline(now, limits.rectifyWorkingDays);
    return { ...visit, status: S.VERIFIED_VALID, plan, rectifyDueAt, dueAt: rectifyDueAt };
  });
}

/** 整改完成: what was done. */
export function completeRectification(ctx: RequestContext, input: CompleteRectificationInput): Promise<Rectification> {
  const check = new InputCheck();
  const actionTaken = requiredText(check, input.actionTaken, 'input.actionTaken', 1000);
  check.done();
  return move(ctx, input, RectificationAction.RECTIFY, [S.VERIFIED_VALID], (_r, viewer, now) => ({
    status: S.RECTIFIED,
    actionTaken,
    rectifiedAt: now,
    rectifiedById: viewer.userId,
    dueAt: null,
  }));
}

/** 整改回访: the last return visit, closing the rectification. */
export function recordRectificationReturnVisit(ctx: RequestContext, input: RectificationReturnVisitInput): Promise<Rectification> {
  const note = input.note?.trim() ?? '';
  if ([...note].length > 1000) throw new BadUserInputError(m.text('note', 1000), 'input.note');
  return move(ctx, input, RectificationAction.RETURN_VISIT, [S.RECTIFIED], (_r, viewer, now) => ({
    status: S.CLOSED,
    returnVisitSatisfied: input.satisfied,
    returnVisitNote: note === '' ? null : note,
    returnVisitAt: now,
    returnVisitById: viewer.userId,
    closedAt: now,
  }));
}

/** The step a rectification waits for, or null once none runs. */
export function stageOf(rectification: Rectification): RectificationStage | null {
  if (rectification.status === S.AWAITING_VERIFICATION) return RectificationStage.VERIFICATION;
  if (rectification.status === S.VERIFIED_VALID) return RectificationStage.RECTIFICATION;
  return null;
}

/** Whether the running step is past its deadline now; a finished one, whether it was rectified late. */
export function isLate(rectification: Rectification, now: Date): boolean {
  if (rectification.dueAt !== null) return now > rectification.dueAt;
  return rectification.rectifiedAt !== null && rectification.rectifyDueAt !== null && rectification.rectifiedAt > rectification.rectifyDueAt;
}

// ---- 电子监察 -----------------------------------------------------------------------

/**
 * 电子监察: open rectifications past their running deadline (verification or
 * rectification) in the given tenants, the most overdue first, at most `first` per
 * tenant, for the roles that read them (for supervisionAlerts).
 */
export async function lateRectifications(ctx: RequestContext, tenantIds: number[], first: number): Promise<Map<number, Rectification[]>> {
  if (tenantIds.length === 0) return new Map();
  // Ranked per tenant by a window function in a subquery: one statement, at most `first` rows per tenant.
  const ranked = visibleRectifications(ctx, 'q')
    .select('q.id', 'id')
    .addSelect('ROW_NUMBER() OVER (PARTITION BY q.tenantId ORDER BY q.dueAt, q.id)', 'rank_in_tenant')
    .andWhere('q.tenantId IN (:...lateTenants) AND q.status IN (:...openStatuses) AND q.dueAt < :now', { lateTenants: tenantIds, openStatuses: OPEN_STATUSES, now: ctx.now() });
  const late = await rectifications(ctx.db)
    .query('r')
    .innerJoin(`(${ranked.getQuery()})`, 'ranked', 'ranked.id = r.id AND ranked.rank_in_tenant <= :first', { ...ranked.getParameters(), first })
    .orderBy('r.dueAt', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .getMany();
  return groupBy(late, (rectification) => rectification.tenantId);
}

/** An open rectification past its running deadline, with who answers for it. */
export interface OverdueRectification {
  rectificationId: number;
  tenantId: number;
  stage: RectificationStage;
  dueAt: Date;
  /** The case's implementing department (or the window's department for a 咨询). */
  responsibleDepartmentId: number;
  /** The staff member rated. */
  responsibleStaffId: number;
  windowId: number;
  evaluationId: number;
}

/**
 * For the supervision-notice check (督办单, issue 15): every open rectification of these
 * tenants past its running deadline at `now`, oldest deadline first, read through `db`
 * limited to exactly those tenants (a job passes its own Db; nothing is written). One
 * statement, on the (tenant, status, due) index.
 */
export async function overdueOpenRectifications(db: Db, tenantIds: number[], now: Date): Promise<OverdueRectification[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .readOnlyFor(tenantIds)
    .scoped(Rectification)
    .query('r')
    .andWhere('r.status IN (:...openStatuses) AND r.dueAt < :now', { openStatuses: OPEN_STATUSES, now })
    .orderBy('r.dueAt', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .getMany();
  return rows.map((r) => ({
    rectificationId: r.id,
    tenantId: r.tenantId,
    stage: stageOf(r)!,
    dueAt: r.dueAt!,
    responsibleDepartmentId: r.responsibleDepartmentId,
    responsibleStaffId: r.responsibleStaffId,
    windowId: r.windowId,
    evaluationId: r.evaluationId,
  }));
}

// ---- figures ----------------------------------------------------------------------

export interface EvaluationStatsRow {
  grouping: EvaluationGrouping;
  /** The group's row id (window, user, department, matter, tenant); null for 咨询 under MATTER. */
  groupId: number | null;
  total: number;
  verySatisfied: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  veryDissatisfied: number;
  satisfactionRate: number | null;
  badCount: number;
  rectified: number;
  rectifiedOnTime: number;
}

const GROUP_COLUMN: Record<EvaluationGrouping, string> = {
  WINDOW: 'e.windowId',
  STAFF: 'e.staffId',
  DEPARTMENT: 'e.departmentId',
  MATTER: 'e.matterId',
  TENANT: 'e.tenantId',
};

/**
 * 好差评 figures over the ratings given in [from, to), in one SQL statement (GROUP BY over
 * the evaluations joined to their rectifications): per group the count per level, the
 * satisfaction rate (share of the top three levels), the 差评 count, and the 差评
 * rectified (RECTIFIED or CLOSED) and rectified by their deadline. TENANT groups the
 * centre asked for and its readable subordinates; the others the centre alone.
 */
export async function evaluationStats(ctx: RequestContext, tenantCode: string, from: Date, to: Date, grouping: EvaluationGrouping): Promise<EvaluationStatsRow[]> {
  requireRole(ctx, ...READERS);
  if (!(from < to)) throw new BadUserInputError(m.fromBeforeTo, 'from');
  const root = await tenancy.tenantByCode(ctx, tenantCode);
  if (!root) throw new NotFoundError(nouns.tenant);
  const tenantIds = grouping === EvaluationGrouping.TENANT ? (await tenancy.readableSubtree(ctx, root)).map((t) => t.id) : [root.id];
  const level = (value: EvaluationLevel) => `SUM(CASE WHEN e.level = '${value}' THEN 1 ELSE 0 END)`;
  const done = `r.status IN ('${S.RECTIFIED}', '${S.CLOSED}')`;
  const column = GROUP_COLUMN[grouping];
  const rows = await evaluations(ctx.db)
    .query('e')
    .leftJoin(Rectification, 'r', 'r.evaluationId = e.id AND r.tenantId = e.tenantId')
    .select(column, 'group_id')
    .addSelect('COUNT(*)', 'total')
    .addSelect(level(EvaluationLevel.VERY_SATISFIED), 'very_satisfied')
    .addSelect(level(EvaluationLevel.SATISFIED), 'satisfied')
    .addSelect(level(EvaluationLevel.BASICALLY_SATISFIED), 'basically_satisfied')
    .addSelect(level(EvaluationLevel.DISSATISFIED), 'dissatisfied')
    .addSelect(level(EvaluationLevel.VERY_DISSATISFIED), 'very_dissatisfied')
    .addSelect(`SUM(CASE WHEN ${done} THEN 1 ELSE 0 END)`, 'rectified')
    .addSelect(`SUM(CASE WHEN ${done} AND r.rectifiedAt <= r.rectifyDueAt THEN 1 ELSE 0 END)`, 'rectified_on_time')
    .andWhere('e.tenantId IN (:...statsTenants) AND e.ratedAt >= :from AND e.ratedAt < :to', { statsTenants: tenantIds, from, to })
    .groupBy(column)
    .orderBy(column, 'ASC')
    .getRawMany<Record<string, string | number | null>>();
  const n = (value: string | number | null | undefined) => Number(value ?? 0);
  return rows.map((row) => {
    const counts = {
      verySatisfied: n(row.very_satisfied),
      satisfied: n(row.satisfied),
      basicallySatisfied: n(row.basically_satisfied),
      dissatisfied: n(row.dissatisfied),
      veryDissatisfied: n(row.very_dissatisfied),
    };
    const total = n(row.total);
    const good = counts.verySatisfied + counts.satisfied + counts.basicallySatisfied;
    return {
      grouping,
      groupId: row.group_id === null ? null : n(row.group_id),
      total,
      ...counts,
      satisfactionRate: total === 0 ? null : Math.round((good / total) * 10000) / 10000,
      badCount: counts.dissatisfied + counts.veryDissatisfied,
      rectified: n(row.rectified),
      rectifiedOnTime: n(row.rectified_on_time),
    };
  });
}

/** The level names of the satisfaction rate's numerator, for descriptions. */
export const SATISFIED_LEVEL_NAMES = SATISFIED_LEVELS.join(', ');

export const nodeLoaders = {
  Evaluation: (ctx: RequestContext, ids: number[]) => visibleEvaluations(ctx, 'e').andWhere('e.id IN (:...ids)', { ids }).getMany(),
  Rectification: (ctx: RequestContext, ids: number[]) => visibleRectifications(ctx, 'r').andWhere('r.id IN (:...ids)', { ids }).getMany(),
  RectificationEvent: async (ctx: RequestContext, ids: number[]) => {
    const events = await ctx.db.scoped(RectificationEvent).findByIds(ids);
    const visible = new Set(
      (await visibleRectifications(ctx, 'r').andWhere('r.id IN (:...ids)', { ids: [0, ...events.map((e) => e.rectificationId)] }).getMany()).map((r) => r.id),
    );
    return events.filter((e) => visible.has(e.rectificationId));
  },
  EvaluationSettings: (ctx: RequestContext, ids: number[]) => ctx.db.scoped(EvaluationSettings).findByIds(ids),
};

// ---- figures for the appraisal (考核) ---------------------------------------------

/** Whose ratings: a staff member's or a window's. */
export type RatedBy = 'staffId' | 'windowId';

/**
 * 满意率 per staff member or window over the ratings given in [from, to): how many, and
 * how many SATISFIED or better. One aggregate statement.
 */
export async function satisfactionFigures(db: Db, tenantId: number, by: RatedBy, from: Date, to: Date): Promise<{ subjectId: number; total: number; met: number }[]> {
  const rows = await db
    .scoped(Evaluation)
    .query('e')
    .select(`e.${by}`, 'subjectId')
    .addSelect('COUNT(*)', 'total')
    .addSelect('SUM(CASE WHEN e.level IN (:...satisfied) THEN 1 ELSE 0 END)', 'met')
    .andWhere('e.tenantId = :tenantId AND e.ratedAt >= :from AND e.ratedAt < :to', { tenantId, from, to, satisfied: SATISFIED_LEVELS })
    .groupBy(`e.${by}`)
    .getRawMany<{ subjectId: number; total: number | string; met: number | string }>();
  return rows.map((row) => ({ subjectId: Number(row.subjectId), total: Number(row.total), met: Number(row.met) }));
}

/**
 * 差评 given in [from, to) that their rectification found valid (核实属实: VERIFIED_VALID,
 * then RECTIFIED or CLOSED), per staff member or window. One statement.
 */
export async function validBadRatings(db: Db, tenantId: number, by: RatedBy, from: Date, to: Date): Promise<{ id: number; subjectId: number }[]> {
  const rows = await db
    .scoped(Evaluation)
    .query('e')
    .innerJoin(Rectification, 'r', 'r.tenantId = e.tenantId AND r.evaluationId = e.id')
    .select('e.id', 'id')
    .addSelect(`e.${by}`, 'subjectId')
    .andWhere('e.tenantId = :tenantId AND e.ratedAt >= :from AND e.ratedAt < :to', { tenantId, from, to })
    .andWhere('r.status IN (:...valid)', { valid: [RectificationStatus.VERIFIED_VALID, RectificationStatus.RECTIFIED, RectificationStatus.CLOSED] })
    .orderBy('e.id')
    .getRawMany<{ id: number; subjectId: number }>();
  return rows.map((row) => ({ id: Number(row.id), subjectId: Number(row.subjectId) }));
}

/** 满意率 per centre over the ratings given in [from, to) (a city's centre-level appraisal). One aggregate statement. */
export async function satisfactionByCentre(db: Db, tenantIds: readonly number[], from: Date, to: Date): Promise<{ subjectId: number; total: number; met: number }[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .scoped(Evaluation)
    .query('e')
    .select('e.tenantId', 'subjectId')
    .addSelect('COUNT(*)', 'total')
    .addSelect('SUM(CASE WHEN e.level IN (:...satisfied) THEN 1 ELSE 0 END)', 'met')
    .andWhere('e.tenantId IN (:...centres) AND e.ratedAt >= :from AND e.ratedAt < :to', { centres: [...tenantIds], from, to, satisfied: SATISFIED_LEVELS })
    .groupBy('e.tenantId')
    .getRawMany<{ subjectId: number; total: number | string; met: number | string }>();
  return rows.map((row) => ({ subjectId: Number(row.subjectId), total: Number(row.total), met: Number(row.met) }));
}
