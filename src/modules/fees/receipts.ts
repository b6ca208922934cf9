import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import * as windows from '../windows/service';
import { AdjustingEntry, AdjustmentKind, BankTransaction, NoticeStatus, PaymentNotice, Receipt, ReceiptBook, ReceiptStatus } from './entities';
import { IssueReceiptInput, ReceiptFilter, ReceiptOrderField, receiptSorting, RegisterReceiptBookInput, VoidReceiptInput } from './inputs';
import { assertDayOpen, closedDaysAmong, getVisible, todayOf, visible } from './service';
import { feeMessages as m } from './messages';

const MAX_SERIAL = 99_999_999;
const MAX_BOOK_SIZE = 100_000;

/** 登记票据号段: FINANCE registers a range of printed receipt numbers for a department; ranges of a series never overlap. */
export async function registerReceiptBook(ctx: RequestContext, input: RegisterReceiptBookInput): Promise<ReceiptBook> {
  const viewer = requireRole(ctx, Role.FINANCE);
  const check = new InputCheck();
  const series = input.series.trim().toUpperCase();
  check.that(/^[0-9A-Z]{1,20}$/.test(series), 'input.series', m.seriesFormat);
  check.that(
    Number.isInteger(input.firstSerial) && Number.isInteger(input.lastSerial) && input.firstSerial >= 1 && input.firstSerial <= input.lastSerial && input.lastSerial <= MAX_SERIAL && input.lastSerial - input.firstSerial < MAX_BOOK_SIZE,
    'input.lastSerial',
    m.serialRange,
  );
  check.done();
  const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId'));
  if (!department || department.tenantId !== viewer.tenantId) throw new BadUserInputError(m.ownDepartment, 'input.departmentId');
  const id = await ctx.db.transaction(async (db) => {
    const books = db.scoped(ReceiptBook);
    const overlapping = await windows
      .forUpdate(db, books.query('b'))
      .andWhere('b.tenantId = :tenantId AND b.series = :series AND b.firstSerial <= :last AND b.lastSerial >= :first', { tenantId: viewer.tenantId, series, first: input.firstSerial, last: input.lastSerial })
      .getOne();
    if (overlapping) throw new BadUserInputError(m.rangeOverlaps(overlapping.series, overlapping.firstSerial, overlapping.lastSerial), 'input.firstSerial');
    const book = books.create({ tenantId: viewer.tenantId, departmentId: department.id, series, firstSerial: input.firstSerial, lastSerial: input.lastSerial, nextSerial: input.firstSerial, registeredById: viewer.userId });
    return (await books.save(book)).id;
  });
  return getVisible(ctx, ReceiptBook, id, m.receiptBook);
}

/** FINANCE, or staff of the charging department (锦州 第二十条: 各收费部门 … 开具 … 收费票据). */
function assertIssuer(viewer: Viewer, departmentId: number, tenantId: number): void {
  if (viewer.tenantId !== tenantId) throw new ForbiddenError(m.notChargingDepartment);
  if (viewer.roles.has(Role.FINANCE) || viewer.departmentId === departmentId) return;
  throw new ForbiddenError(m.notChargingDepartment);
}

/** The next number of the department's oldest book with numbers left, its row locked to commit: gap-free, never twice. */
export async function takeReceiptNumber(db: Db, tenantId: number, departmentId: number): Promise<{ book: ReceiptBook; serial: number; number: string }> {
  const book = await windows
    .forUpdate(db, db.scoped(ReceiptBook).query('b'))
    .andWhere('b.tenantId = :tenantId AND b.departmentId = :departmentId AND b.nextSerial <= b.lastSerial', { tenantId, departmentId })
    .orderBy('b.id')
    .getOne();
  if (!book) throw new ConflictError(m.noReceiptBook);
  const serial = book.nextSerial;
  await db.scoped(ReceiptBook).update(book, { nextSerial: serial + 1 });
  return { book, serial, number: `${book.series}-${String(serial).padStart(8, '0')}` };
}

/**
 * 开具财政票据 for a notice in force (one receipt in force per notice). A receipt for a
 * payment of a closed day is dated today and recorded as an adjusting entry referring
 * to that day (a late receipt).
 */
export async function issueReceipt(ctx: RequestContext, input: IssueReceiptInput): Promise<Receipt> {
  const viewer = requireRole(ctx, Role.FINANCE, Role.WINDOW_STAFF, Role.APPROVER);
  const notice = await getVisible(ctx, PaymentNotice, decodeGlobalIdOf('PaymentNotice', input.noticeId, 'input.noticeId'), m.notice);
  assertIssuer(viewer, notice.departmentId, notice.tenantId);
  if (notice.status !== NoticeStatus.ISSUED) throw new ConflictError(m.noticeNotIssued);
  const { day } = await todayOf(ctx, notice.tenantId);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (db) => {
    await assertDayOpen(db, notice.tenantId, day);
    const { book, serial, number } = await takeReceiptNumber(db, notice.tenantId, notice.departmentId);
    // After the book's lock: two receipts for one notice at once queue here, and the second sees the first.
    const existing = await db.scoped(Receipt).query('r').andWhere('r.noticeId = :id AND r.status = :issued', { id: notice.id, issued: ReceiptStatus.ISSUED }).getOne();
    if (existing) throw new ConflictError(m.alreadyReceipted(existing.number));
    const receipts = db.scoped(Receipt);
    const receipt = await receipts.save(
      receipts.create({ tenantId: notice.tenantId, bookId: book.id, number, serial, noticeId: notice.id, departmentId: notice.departmentId, amountFen: notice.totalFen, status: ReceiptStatus.ISSUED, voidReason: null, issuedById: viewer.userId, issuedAt: now, issuedOn: day }),
    );
    const paidOn = await db.scoped(BankTransaction).query('t').andWhere('t.noticeId = :id', { id: notice.id }).getMany();
    const closed = [...(await closedDaysAmong(db, notice.tenantId, [...new Set(paidOn.map((t) => t.valueDate))]))].sort();
    if (closed.length > 0) {
      const entries = db.scoped(AdjustingEntry);
      await entries.save(
        entries.create({ tenantId: notice.tenantId, day, refersToDay: closed[closed.length - 1], kind: AdjustmentKind.LATE_RECEIPT, noticeId: notice.id, transactionId: null, receiptId: receipt.id, amountFen: receipt.amountFen, note: number, createdById: viewer.userId }),
      );
    }
    return receipt.id;
  });
  return getVisible(ctx, Receipt, id, m.receipt);
}

/** 作废: the receipt keeps its number (it is never reused) and records why; a receipt of a closed day is not touched. */
export async function voidReceipt(ctx: RequestContext, input: VoidReceiptInput): Promise<Receipt> {
  const viewer = requireRole(ctx, Role.FINANCE, Role.WINDOW_STAFF, Role.APPROVER);
  const check = new InputCheck();
  const reason = check.text(input.reason, 'input.reason', 500);
  check.done();
  const id = decodeGlobalIdOf('Receipt', input.id, 'input.id');
  await ctx.db.transaction(async (db) => {
    const receipt = await getVisible(ctx, Receipt, id, m.receipt);
    assertIssuer(viewer, receipt.departmentId, receipt.tenantId);
    if (receipt.status === ReceiptStatus.VOIDED) throw new ConflictError(m.receiptVoided);
    await assertDayOpen(db, receipt.tenantId, receipt.issuedOn);
    await db.scoped(Receipt).updateVersioned(receipt, input.version, { status: ReceiptStatus.VOIDED, voidReason: reason });
  });
  return getVisible(ctx, Receipt, id, m.receipt);
}

export function listReceipts(ctx: RequestContext, args: ListArgs<ReceiptOrderField>, filter: ReceiptFilter = {}): Promise<ConnectionResult<Receipt>> {
  const query = visible(ctx, Receipt, 'r');
  if (filter.day) query.andWhere('r.issuedOn = :day', { day: filter.day });
  if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
  return paginate(query, { list: 'receipts', alias: 'r', sorting: receiptSorting }, args);
}

export function listReceiptBooks(ctx: RequestContext): Promise<ReceiptBook[]> {
  return visible(ctx, ReceiptBook, 'b').orderBy('b.id').getMany();
}
