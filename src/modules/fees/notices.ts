import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { nextDailySequence } from '../../db/daily-counter';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { messages, nouns } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import * as applications from '../applications/service';
import { Application, ApplicationStatus } from '../applications/entities';
import * as matters from '../matters/service';
import { FeeItem } from '../matters/entities';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import * as windows from '../windows/service';
import { NoticeStatus, PayeeAccount, PaymentNotice, PaymentNoticeItem, Receipt, ReceiptStatus } from './entities';
import { CancelNoticeInput, IssueNoticeInput, NoticeFilter, NoticeItemInput, NoticeOrderField, noticeSorting, SetPayeeAccountInput, SupersedeNoticeInput } from './inputs';
import { MAX_FEN } from './money';
import { assertDayOpen, getVisible, todayOf, visible } from './service';
import { feeMessages as m } from './messages';
import { isDuplicateKey } from '../../db/errors';

/** A case is charged once accepted, until it is withdrawn (锦州 第二十条: the notice comes with the handling). */
export const NOT_CHARGEABLE: ReadonlySet<ApplicationStatus> = new Set([ApplicationStatus.SUBMITTED, ApplicationStatus.AWAITING_SUPPLEMENT, ApplicationStatus.NOT_ACCEPTED, ApplicationStatus.WITHDRAWN]);

type Line = Omit<PaymentNoticeItem, 'id' | 'tenantId' | 'noticeId' | 'globalId'>;

/**
 * The notice's lines: each from the matter's fee standard, or, when it names an item or
 * an amount that the standard does not have, flagged off-standard (锦州 第二十八条(九)).
 * Integers only; every product and the total stay within MAX_FEN.
 */
function noticeLines(items: NoticeItemInput[] | null | undefined, standard: FeeItem[], check: InputCheck): Line[] {
  const byId = new Map(standard.map((item) => [item.id, item]));
  const wanted = items ?? standard.map((item) => ({ feeItemId: item.globalId, quantity: 1 }) as NoticeItemInput);
  if (wanted.length === 0) {
    check.that(false, 'input.items', m.noFeeStandard);
    return [];
  }
  return wanted.map((item, i) => {
    const field = `input.items[${i}]`;
    check.that(Number.isInteger(item.quantity) && item.quantity >= 1 && item.quantity <= 9999, `${field}.quantity`, m.quantityRange(`${field}.quantity`));
    const amountGiven = item.amountFen !== null && item.amountFen !== undefined;
    if (amountGiven) check.that(Number.isInteger(item.amountFen) && item.amountFen! >= 0 && item.amountFen! <= MAX_FEN, `${field}.amountFen`, m.amountRange(`${field}.amountFen`));
    const fee = item.feeItemId ? byId.get(decodeGlobalIdOf('FeeItem', item.feeItemId, `${field}.feeItemId`)) : undefined;
    if (item.feeItemId && !fee) check.that(false, `${field}.feeItemId`, m.notOnStandard(`${field}.feeItemId`));
    if (!item.feeItemId) {
      const named = Boolean(item.name?.trim()) && Boolean(item.basis?.trim()) && amountGiven;
      check.that(named, field, m.itemNeedsNameAndAmount(field));
      if (named) {
        check.text(item.name!, `${field}.name`, 200);
        check.text(item.basis!, `${field}.basis`, 500);
      }
    }
    const unitFen = amountGiven ? item.amountFen! : (fee?.amountFen ?? 0);
    return {
      feeItemId: fee?.id ?? null,
      name: fee?.name ?? item.name?.trim() ?? '',
      basis: fee?.basis ?? item.basis?.trim() ?? '',
      unitFen,
      quantity: item.quantity,
      amountFen: unitFen * item.quantity,
      offStandard: !fee || unitFen !== fee.amountFen,
    };
  });
}

/** The clerk may charge this case: window staff of its department, or on post at a comprehensive window (综合受理). */
async function assertMayCharge(ctx: RequestContext, viewer: Viewer, application: Application): Promise<void> {
  if (application.tenantId !== viewer.tenantId) throw new ForbiddenError(messages.anotherTenant);
  if (viewer.departmentId === application.departmentId) return;
  const comprehensive = await windows.comprehensiveIntakeWindows(ctx, viewer.tenantId);
  const staffed = await windows.windowsStaffedBy(ctx, viewer.userId, comprehensive.map((w) => w.id), ctx.now());
  if (staffed.length === 0) throw new ForbiddenError(m.notIssuingWindow);
}

/** The checked content of a new notice, before any write. */
interface NoticeDraft {
  application: Application;
  lines: Line[];
  offStandardReason: string | null;
  account: PayeeAccount;
}

async function draftNotice(ctx: RequestContext, viewer: Viewer, applicationId: number, items: NoticeItemInput[] | null | undefined, reason: string | null | undefined, check: InputCheck): Promise<NoticeDraft> {
  const application = await applications.loadApplication(ctx, applicationId);
  if (!application) throw new NotFoundError(nouns.application);
  await assertMayCharge(ctx, viewer, application);
  if (NOT_CHARGEABLE.has(application.status)) throw new ConflictError(m.caseNotAccepted(application.status));
  const matter = await matters.loadMatter(ctx, application.matterId);
  if (!matter) throw new NotFoundError(nouns.matter);
  const lines = noticeLines(items, await matters.feeItemsOf(ctx, matter), check);
  const offStandardReason = reason?.trim() ? check.text(reason, 'input.offStandardReason', 500) : null;
  if (lines.some((line) => line.offStandard)) check.that(offStandardReason !== null, 'input.offStandardReason', m.offStandardReason);
  const total = lines.reduce((sum, line) => sum + line.amountFen, 0);
  check.that(total <= MAX_FEN, 'input.items', m.totalTooLarge);
  check.done();
  const account = await ctx.db.scoped(PayeeAccount).query('a').andWhere('a.tenantId = :tenantId AND a.departmentId = :departmentId', { tenantId: application.tenantId, departmentId: application.departmentId }).getOne();
  if (!account) {
    const department = await tenancy.loadDepartment(ctx, application.departmentId);
    throw new ConflictError(m.noPayeeAccount(department?.name ?? ''));
  }
  return { application, lines, offStandardReason: lines.some((line) => line.offStandard) ? offStandardReason : null, account };
}

/** Writes a notice and its items; its number and reference come from the centre's daily counter (gap-free). */
async function insertNotice(db: Db, viewer: Viewer, tenant: Tenant, day: string, draft: NoticeDraft, at: Date, supersedesId: number | null): Promise<PaymentNotice> {
  await assertDayOpen(db, tenant.id, day);
  const compact = day.replace(/-/g, '');
  const sequence = await nextDailySequence(db, 'payment_notice_counter', tenant.id, compact);
  const seq = String(sequence).padStart(5, '0');
  const totalFen = draft.lines.reduce((sum, line) => sum + line.amountFen, 0);
  // The total is the sum of the lines, each unit × quantity: checked here, where it is stored.
  if (!draft.lines.every((line) => line.amountFen === line.unitFen * line.quantity) || !Number.isSafeInteger(totalFen)) throw new Error('notice lines do not add up');
  const notices = db.scoped(PaymentNotice);
  const notice = await notices.save(
    notices.create({
      tenantId: tenant.id,
      number: `${tenant.code}-JF-${compact}-${seq}`,
      reference: `${tenant.code}${compact}${seq}`,
      applicationId: draft.application.id,
      matterId: draft.application.matterId,
      departmentId: draft.application.departmentId,
      payeeAccountNumber: draft.account.accountNumber,
      payeeAccountName: draft.account.accountName,
      totalFen,
      status: NoticeStatus.ISSUED,
      offStandard: draft.lines.some((line) => line.offStandard),
      offStandardReason: draft.offStandardReason,
      cancelReason: null,
      supersedesId,
      supersededById: null,
      issuedById: viewer.userId,
      issuedAt: at,
      issuedOn: day,
    }),
  );
  await db.scoped(PaymentNoticeItem).insertMany(draft.lines.map((line) => ({ ...line, tenantId: tenant.id, noticeId: notice.id })));
  return notice;
}

/** 开具缴费通知书 (锦州 第二十条): the window issues the notice; the applicant pays at the bank (第十九条). */
export async function issueNotice(ctx: RequestContext, input: IssueNoticeInput): Promise<PaymentNotice> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const check = new InputCheck();
  const draft = await draftNotice(ctx, viewer, decodeGlobalIdOf('Application', input.applicationId, 'input.applicationId'), input.items, input.offStandardReason, check);
  const { tenant, day } = await todayOf(ctx, viewer.tenantId);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (db) => (await insertNotice(db, viewer, tenant, day, draft, now, null)).id);
  return getVisible(ctx, PaymentNotice, id, m.notice);
}

/** A notice in force that this clerk may withdraw: not receipted, its day open. */
async function noticeToWithdraw(ctx: RequestContext, db: Db, viewer: Viewer, id: number, version: number): Promise<PaymentNotice> {
  const notice = await getVisible(ctx, PaymentNotice, id, m.notice);
  const application = await applications.loadApplication(ctx, notice.applicationId);
  if (!application) throw new NotFoundError(nouns.application);
  await assertMayCharge(ctx, viewer, application);
  if (notice.status !== NoticeStatus.ISSUED) throw new ConflictError(m.noticeNotInForce(notice.status));
  await assertDayOpen(db, notice.tenantId, notice.issuedOn);
  const receipted = await db.scoped(Receipt).query('r').andWhere('r.noticeId = :id AND r.status = :issued', { id: notice.id, issued: ReceiptStatus.ISSUED }).getCount();
  if (receipted > 0) throw new ConflictError(m.noticeReceipted);
  if (notice.version !== version) throw new ConflictError(m.noticeStale, { field: 'version' });
  return notice;
}

/** 作废: a notice is cancelled with the reason, never edited. */
export async function cancelNotice(ctx: RequestContext, input: CancelNoticeInput): Promise<PaymentNotice> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 500);
  check.done();
  const id = decodeGlobalIdOf('PaymentNotice', input.id, 'input.id');
  await ctx.db.transaction(async (db) => {
    const notice = await noticeToWithdraw(ctx, db, viewer, id, input.version);
    await db.scoped(PaymentNotice).updateVersioned(notice, input.version, { status: NoticeStatus.CANCELLED, cancelReason: reason });
  });
  return getVisible(ctx, PaymentNotice, id, m.notice);
}

/** 替换: a new notice for the same case replaces the old one, which keeps its content and points to its successor. */
export async function supersedeNotice(ctx: RequestContext, input: SupersedeNoticeInput): Promise<PaymentNotice> {
  const viewer = requireRole(ctx, Role.WINDOW_STAFF);
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 500);
  const id = decodeGlobalIdOf('PaymentNotice', input.id, 'input.id');
  const old = await getVisible(ctx, PaymentNotice, id, m.notice);
  const draft = await draftNotice(ctx, viewer, old.applicationId, input.items, input.offStandardReason, check);
  const { tenant, day } = await todayOf(ctx, viewer.tenantId);
  const now = ctx.now();
  const newId = await ctx.db.transaction(async (db) => {
    const notice = await noticeToWithdraw(ctx, db, viewer, id, input.version);
    const successor = await insertNotice(db, viewer, tenant, day, draft, now, notice.id);
    await db.scoped(PaymentNotice).updateVersioned(notice, input.version, { status: NoticeStatus.SUPERSEDED, cancelReason: reason, supersededById: successor.id });
    return successor.id;
  });
  return getVisible(ctx, PaymentNotice, newId, m.notice);
}

export async function listNotices(ctx: RequestContext, args: ListArgs<NoticeOrderField>, filter: NoticeFilter = {}): Promise<ConnectionResult<PaymentNotice>> {
  const query = visible(ctx, PaymentNotice, 'n');
  if (filter.day) query.andWhere('n.issuedOn = :day', { day: filter.day });
  if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
  if (filter.applicationId) query.andWhere('n.applicationId = :applicationId', { applicationId: decodeGlobalIdOf('Application', filter.applicationId, 'filter.applicationId') });
  if (filter.offStandard !== null && filter.offStandard !== undefined) query.andWhere('n.offStandard = :off', { off: filter.offStandard ? 1 : 0 });
  return paginate(query, { list: 'paymentNotices', alias: 'n', sorting: noticeSorting }, args);
}

// ---- 收款账户 ---------------------------------------------------------------------

/** FINANCE registers (or, with its version, replaces) the account a department of its centre is paid into. */
export async function setPayeeAccount(ctx: RequestContext, input: SetPayeeAccountInput): Promise<PayeeAccount> {
  const viewer = requireRole(ctx, Role.FINANCE);
  const check = new InputCheck();
  const accountNumber = input.accountNumber.replace(/[\s-]/g, '');
  check.that(/^\d{6,40}$/.test(accountNumber), 'input.accountNumber', m.accountNumber);
  const fields = { accountNumber, accountName: check.text(input.accountName, 'input.accountName', 200), bankName: check.text(input.bankName, 'input.bankName', 200) };
  check.done();
  const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId'));
  if (!department || department.tenantId !== viewer.tenantId) throw new BadUserInputError(m.ownDepartment, 'input.departmentId');
  let id: number;
  try {
    id = await ctx.db.transaction(async (db) => {
      const existing = await db.scoped(PayeeAccount).query('a').andWhere('a.tenantId = :tenantId AND a.departmentId = :departmentId', { tenantId: viewer.tenantId, departmentId: department.id }).getOne();
      if (existing) {
        if (input.version === null || input.version === undefined) throw new ConflictError(messages.staleVersion('PayeeAccount'), { field: 'version' });
        await db.scoped(PayeeAccount).updateVersioned(existing, input.version, fields);
        return existing.id;
      }
      const accounts = db.scoped(PayeeAccount);
      return (await accounts.save(accounts.create({ tenantId: viewer.tenantId, departmentId: department.id, ...fields }))).id;
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError(messages.staleVersion('PayeeAccount'), { field: 'version' });
    throw error;
  }
  return getVisible(ctx, PayeeAccount, id, messages.record('PayeeAccount'));
}

export function listPayeeAccounts(ctx: RequestContext): Promise<PayeeAccount[]> {
  return visible(ctx, PayeeAccount, 'a').orderBy('a.id').getMany();
}
