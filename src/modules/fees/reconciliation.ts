import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { isDuplicateKey } from '../../db/errors';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';

import { InputCheck } from '../../validation/input-check';
import * as calendar from '../calendar/service';
import * as tenancy from '../tenancy/service';
import { AdjustingEntry, BankTransaction, FinanceDay, FinanceDayStatus, NoticeStatus, PaymentNotice, ReconciliationItem, ReconciliationKind as K, Receipt, ResolutionAction as A } from './entities';
import {
  AdjustmentOrderField,
  adjustmentSorting,
  FinanceDayInput,
  ReconciliationFilter,
  ReconciliationOrderField,
  reconciliationSorting,
  RecordAdjustingEntryInput,
  ResolveExceptionInput,
} from './inputs';
import { MAX_FEN } from './money';
import { assertDayOpen, financeDayForUpdate, getVisible, ownCentreForFinance, todayOf, visible } from './service';
import { feeMessages as m } from './messages';

/** Which actions resolve which exception (issue 17: refund, write-off, matched by hand …). */
export const RESOLUTIONS: Readonly<Record<Exclude<K, K.MATCHED>, readonly A[]>> = {
  [K.UNPAID]: [A.CARRY_FORWARD, A.WRITE_OFF],
  [K.PAID_NO_RECEIPT]: [A.CARRY_FORWARD, A.REFUND],
  [K.RECEIPT_NO_PAYMENT]: [A.CARRY_FORWARD, A.WRITE_OFF],
  [K.AMOUNT_MISMATCH]: [A.REFUND, A.WRITE_OFF],
  [K.UNKNOWN_PAYMENT]: [A.MATCH_TO_NOTICE, A.REFUND],
  [K.DUPLICATE_PAYMENT]: [A.REFUND, A.WRITE_OFF],
  [K.OFF_STANDARD]: [A.CONFIRM, A.REFUND],
};

const ITEM_COLUMNS = 'tenant_id, day, kind, notice_id, transaction_id, receipt_id, department_id, account, expected_fen, paid_fen, payment_count, is_open, version';

/**
 * The day's resolved rows (kind and subject), as a derived table to anti-join: a resolved
 * row is kept, and not found again. DISTINCT makes MariaDB materialise it (with a key)
 * before the insert starts, instead of re-reading the table it is inserting into per row.
 */
const resolvedBefore = (subject: 'notice_id' | 'transaction_id') =>
  `(SELECT DISTINCT x.kind, x.${subject} AS subject FROM reconciliation_item x WHERE x.tenant_id = ? AND x.day = ? AND x.resolution IS NOT NULL AND x.${subject} IS NOT NULL)`;

/**
 * Classifies the centre's day in SQL: four statements whatever the volume. The day's
 * rows are the notices issued that day, the payments booked that day and the receipts
 * issued that day; each notice among them is judged on everything up to the end of the
 * day (so a rerun gives the same result), a payment naming no notice in force is
 * UNKNOWN_PAYMENT, and an off-standard notice is reported on its day besides its
 * payment state. Resolved rows stay as they are; the rest are computed anew.
 */
export async function classifyDay(db: Db, tenantId: number, day: string): Promise<void> {
  const run = (sql: string, parameters: unknown[]) => db.unscoped.query(sql, parameters);
  // Every statement names the tenant: the rows are the FINANCE viewer's own centre's.
  await run('DELETE FROM reconciliation_item WHERE tenant_id = ? AND day = ? AND resolution IS NULL', [tenantId, day]);
  // Plans that stay good whatever the optimiser's statistics say: right after a
  // 100,000-line import MariaDB's lag, and with them it scanned the payments once per
  // notice (minutes). The day's notices are one materialised UNION joined by primary key,
  // and a notice's payments and receipt are read through the index named here.
  const mysql = db.dataSource.options.type !== 'better-sqlite3';
  const byIndex = (index: string) => (mysql ? `FORCE INDEX (${index})` : `INDEXED BY ${index}`);
  const ofNotice = (select: string, table: 'bank_transaction' | 'receipt', alias: string) =>
    `(SELECT ${select} FROM ${table} ${mysql ? '' : 'AS '}${alias} ${byIndex(`${table}_by_notice`)} WHERE ${alias}.tenant_id = n.tenant_id AND ${alias}.notice_id = n.id)`;
  const paidUpToDay = "t.value_date <= n.day_of_run";
  await run(
    `INSERT INTO reconciliation_item (${ITEM_COLUMNS})
     SELECT c.tenant_id, c.day, c.kind, c.notice_id, c.transaction_id, c.receipt_id, c.department_id, c.account, c.expected_fen, c.paid_fen, c.payment_count,
            CASE WHEN c.kind = 'MATCHED' THEN 0 ELSE 1 END, 1
     FROM (
       SELECT p.tenant_id, p.day, p.notice_id, p.transaction_id, p.receipt_id, p.department_id, p.account, p.expected_fen, p.paid_fen, p.payment_count,
              CASE WHEN p.payment_count >= 2 THEN 'DUPLICATE_PAYMENT'
                   WHEN p.payment_count = 1 AND p.paid_fen <> p.expected_fen THEN 'AMOUNT_MISMATCH'
                   WHEN p.payment_count = 0 AND p.receipt_id IS NOT NULL THEN 'RECEIPT_NO_PAYMENT'
                   WHEN p.payment_count = 0 THEN 'UNPAID'
                   WHEN p.receipt_id IS NULL THEN 'PAID_NO_RECEIPT'
                   ELSE 'MATCHED' END AS kind
       FROM (
         SELECT n.tenant_id AS tenant_id, n.day_of_run AS day, n.id AS notice_id, n.department_id AS department_id, n.payee_account_number AS account, n.total_fen AS expected_fen,
                ${ofNotice(`COALESCE(SUM(CASE WHEN ${paidUpToDay} THEN 1 ELSE 0 END), 0)`, 'bank_transaction', 't')} AS payment_count,
                ${ofNotice(`COALESCE(SUM(CASE WHEN ${paidUpToDay} THEN t.amount_fen ELSE 0 END), 0)`, 'bank_transaction', 't')} AS paid_fen,
                ${ofNotice(`MAX(CASE WHEN ${paidUpToDay} THEN t.id END)`, 'bank_transaction', 't')} AS transaction_id,
                ${ofNotice("MAX(CASE WHEN rc.issued_on <= n.day_of_run AND rc.status = 'ISSUED' THEN rc.id END)", 'receipt', 'rc')} AS receipt_id
         FROM (SELECT pn.id, pn.tenant_id, pn.department_id, pn.payee_account_number, pn.total_fen, ? AS day_of_run
               FROM (SELECT pd.id FROM payment_notice pd WHERE pd.tenant_id = ? AND pd.issued_on = ?
                     UNION SELECT t2.notice_id FROM bank_transaction t2 WHERE t2.tenant_id = ? AND t2.value_date = ? AND t2.notice_id IS NOT NULL
                     UNION SELECT r2.notice_id FROM receipt r2 WHERE r2.tenant_id = ? AND r2.issued_on = ?) of_day
               JOIN payment_notice pn ON pn.id = of_day.id
               WHERE pn.status = 'ISSUED' AND pn.issued_on <= ?) n
       ) p
     ) c
     LEFT JOIN ${resolvedBefore('notice_id')} done ON done.kind = c.kind AND done.subject = c.notice_id
     WHERE done.subject IS NULL`,
    [day, tenantId, day, tenantId, day, tenantId, day, day, tenantId, day],
  );
  await run(
    `INSERT INTO reconciliation_item (${ITEM_COLUMNS})
     SELECT t.tenant_id, ?, 'UNKNOWN_PAYMENT', NULL, t.id, NULL, NULL, t.bank_account, 0, t.amount_fen, 1, 1, 1
     FROM bank_transaction t
     LEFT JOIN payment_notice n ON n.id = t.notice_id AND n.status = 'ISSUED'
     LEFT JOIN ${resolvedBefore('transaction_id')} done ON done.kind = 'UNKNOWN_PAYMENT' AND done.subject = t.id
     WHERE t.tenant_id = ? AND t.value_date = ? AND n.id IS NULL AND done.subject IS NULL`,
    [day, tenantId, day, tenantId, day],
  );
  await run(
    `INSERT INTO reconciliation_item (${ITEM_COLUMNS})
     SELECT n.tenant_id, ?, 'OFF_STANDARD', n.id, NULL, NULL, n.department_id, n.payee_account_number, n.total_fen, 0, 0, 1, 1
     FROM payment_notice n
     LEFT JOIN ${resolvedBefore('notice_id')} done ON done.kind = 'OFF_STANDARD' AND done.subject = n.id
     WHERE n.tenant_id = ? AND n.issued_on = ? AND n.status = 'ISSUED' AND n.off_standard = 1 AND done.subject IS NULL`,
    [day, tenantId, day, tenantId, day],
  );
}

function assertPastOrToday(day: string, today: string): void {
  calendar.assertDate(day, 'input.day');
  if (day > today) throw new BadUserInputError(m.futureDay, 'input.day');
}

/**
 * Takes the day for a reconcile or a close: the version the caller read must still be
 * the day's (a day never reconciled has none), so of two FINANCE users at once one
 * wins and the other gets CONFLICT. A closed day is locked.
 */
async function claimDay(db: Db, tenantId: number, input: FinanceDayInput, changes: Partial<FinanceDay>): Promise<FinanceDay> {
  const row = await financeDayForUpdate(db, tenantId, input.day);
  if (!row) {
    if (input.version !== null && input.version !== undefined) throw new ConflictError(m.dayStale, { field: 'version' });
    const days = db.scoped(FinanceDay);
    return days.save(days.create({ tenantId, day: input.day, status: FinanceDayStatus.OPEN, reconciledAt: null, closedAt: null, closedById: null, ...changes }));
  }
  if (row.status === FinanceDayStatus.CLOSED) throw new ConflictError(m.dayClosed(input.day));
  if (input.version === null || input.version === undefined) throw new ConflictError(m.dayStale, { field: 'version' });
  await db.scoped(FinanceDay).updateVersioned(row, input.version, changes);
  return row;
}

async function claimed<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    // Two first reconciles of a day at once: the unique (tenant, day) index lets one win.
    if (isDuplicateKey(error)) throw new ConflictError(m.dayStale, { field: 'version' });
    throw error;
  }
}

/** 对账: reconcile(tenantCode, day) of the FINANCE user's own centre. */
export async function reconcile(ctx: RequestContext, input: FinanceDayInput): Promise<FinanceDay> {
  const { tenant } = await ownCentreForFinance(ctx, input.tenantCode);
  assertPastOrToday(input.day, (await todayOf(ctx, tenant.id)).day);
  const now = ctx.now();
  const id = await claimed(() =>
    ctx.db.transaction(async (db) => {
      const day = await claimDay(db, tenant.id, input, { status: FinanceDayStatus.RECONCILED, reconciledAt: now });
      await classifyDay(db, tenant.id, input.day);
      return day.id;
    }),
  );
  return getVisible(ctx, FinanceDay, id, m.financeDay);
}

/** 日结: reconciles once more and closes the day if no exception is open; the day is then locked. */
export async function closeFinanceDay(ctx: RequestContext, input: FinanceDayInput): Promise<FinanceDay> {
  const { viewer, tenant } = await ownCentreForFinance(ctx, input.tenantCode);
  assertPastOrToday(input.day, (await todayOf(ctx, tenant.id)).day);
  const now = ctx.now();
  const id = await claimed(() =>
    ctx.db.transaction(async (db) => {
      const existing = await financeDayForUpdate(db, tenant.id, input.day);
      if (!existing) throw new ConflictError(m.notReconciled);
      const day = await claimDay(db, tenant.id, input, { status: FinanceDayStatus.CLOSED, closedAt: now, closedById: viewer.userId });
      await classifyDay(db, tenant.id, input.day);
      const open = await db.scoped(ReconciliationItem).query('i').andWhere('i.tenantId = :tenantId AND i.day = :day AND i.open = :open', { tenantId: tenant.id, day: input.day, open: 1 }).getCount();
      if (open > 0) throw new ConflictError(m.openExceptions(open));
      return day.id;
    }),
  );
  return getVisible(ctx, FinanceDay, id, m.financeDay);
}

/** 差异处理: FINANCE resolves an open exception of an open day with an action its class allows and a note. */
export async function resolveException(ctx: RequestContext, input: ResolveExceptionInput): Promise<ReconciliationItem> {
  const viewer = requireRole(ctx, Role.FINANCE);
  const check = new InputCheck();
  const note = check.text(input.note, 'input.note', 500);
  check.done();
  const id = decodeGlobalIdOf('ReconciliationItem', input.id, 'input.id');
  await ctx.db.transaction(async (db) => {
    const item = await getVisible(ctx, ReconciliationItem, id, m.item);
    if (item.tenantId !== viewer.tenantId) throw new ForbiddenError(m.ownCentreOnly);
    if (!item.open) throw new ConflictError(m.itemNotOpen);
    if (!(RESOLUTIONS[item.kind as Exclude<K, K.MATCHED>] ?? []).includes(input.action)) throw new BadUserInputError(m.actionNotFor(input.action, item.kind), 'input.action');
    await assertDayOpen(db, item.tenantId, item.day);
    if (input.action === A.MATCH_TO_NOTICE) {
      const noticeId = input.noticeId ? decodeGlobalIdOf('PaymentNotice', input.noticeId, 'input.noticeId') : null;
      const notice = noticeId === null ? null : await db.scoped(PaymentNotice).findById(noticeId);
      if (!notice || notice.tenantId !== item.tenantId || notice.status !== NoticeStatus.ISSUED) throw new BadUserInputError(m.matchNeedsNotice, 'input.noticeId');
      const payment = await db.scoped(BankTransaction).getById(item.transactionId!, m.transaction);
      await db.scoped(BankTransaction).update(payment, { noticeId: notice.id });
    }
    await db.scoped(ReconciliationItem).updateVersioned(item, input.version, { open: false, resolution: input.action, resolutionNote: note, resolvedById: viewer.userId, resolvedAt: ctx.now() });
  });
  return getVisible(ctx, ReconciliationItem, id, m.item);
}

/** 调整分录: a correction of a closed day, dated today, referring to it; the closed day itself never changes. */
export async function recordAdjustingEntry(ctx: RequestContext, input: RecordAdjustingEntryInput): Promise<AdjustingEntry> {
  const viewer = requireRole(ctx, Role.FINANCE);
  const check = new InputCheck();
  const note = check.text(input.note, 'input.note', 500);
  check.that(Number.isInteger(input.amountFen) && input.amountFen !== 0 && Math.abs(input.amountFen) <= MAX_FEN, 'input.amountFen', m.adjustmentAmount);
  check.done();
  calendar.assertDate(input.refersToDay, 'input.refersToDay');
  const noticeId = input.noticeId ? (await getVisible(ctx, PaymentNotice, decodeGlobalIdOf('PaymentNotice', input.noticeId, 'input.noticeId'), m.notice)).id : null;
  const transactionId = input.transactionId ? (await getVisible(ctx, BankTransaction, decodeGlobalIdOf('BankTransaction', input.transactionId, 'input.transactionId'), m.transaction)).id : null;
  const { day } = await todayOf(ctx, viewer.tenantId);
  const id = await ctx.db.transaction(async (db) => {
    const referred = await financeDayForUpdate(db, viewer.tenantId, input.refersToDay);
    if (referred?.status !== FinanceDayStatus.CLOSED) throw new ConflictError(m.dayNotClosed(input.refersToDay));
    await assertDayOpen(db, viewer.tenantId, day);
    const entries = db.scoped(AdjustingEntry);
    return (await entries.save(entries.create({ tenantId: viewer.tenantId, day, refersToDay: input.refersToDay, kind: input.kind, noticeId, transactionId, receiptId: null, amountFen: input.amountFen, note, createdById: viewer.userId }))).id;
  });
  return getVisible(ctx, AdjustingEntry, id, m.adjustment);
}

// ---- reads ------------------------------------------------------------------------

/** A centre's finance day, or null when it was never reconciled (or the centre is not readable). */
export async function financeDay(ctx: RequestContext, tenantCode: string, day: string): Promise<FinanceDay | null> {
  requireViewer(ctx);
  calendar.assertDate(day, 'day');
  const tenantId = await tenancy.readableTenantIdOf(ctx, tenantCode, 'tenantCode');
  return visible(ctx, FinanceDay, 'd').andWhere('d.tenantId = :tenantId AND d.day = :day', { tenantId, day }).getOne();
}

export function listItems(ctx: RequestContext, day: FinanceDay, args: ListArgs<ReconciliationOrderField>, filter: ReconciliationFilter = {}): Promise<ConnectionResult<ReconciliationItem>> {
  const query = visible(ctx, ReconciliationItem, 'ri').andWhere('ri.tenantId = :tenantId AND ri.day = :day', { tenantId: day.tenantId, day: day.day });
  if (filter.kind) query.andWhere('ri.kind = :kind', { kind: filter.kind });
  if (filter.open !== null && filter.open !== undefined) query.andWhere('ri.open = :open', { open: filter.open ? 1 : 0 });
  return paginate(query, { list: `reconciliation:${day.id}`, alias: 'ri', sorting: reconciliationSorting }, args);
}

export interface KindCount {
  kind: K;
  count: number;
  open: number;
}

export async function countsOf(ctx: RequestContext, day: FinanceDay): Promise<KindCount[]> {
  const rows = await visible(ctx, ReconciliationItem, 'ri')
    .andWhere('ri.tenantId = :tenantId AND ri.day = :day', { tenantId: day.tenantId, day: day.day })
    .select('ri.kind', 'kind')
    .addSelect('COUNT(*)', 'count')
    .addSelect('SUM(CASE WHEN ri.open = 1 THEN 1 ELSE 0 END)', 'open')
    .groupBy('ri.kind')
    .orderBy('ri.kind')
    .getRawMany<{ kind: K; count: string | number; open: string | number }>();
  return rows.map((row) => ({ kind: row.kind, count: Number(row.count), open: Number(row.open) }));
}

export interface DayTotal {
  key: string;
  departmentId: number | null;
  /** Received on the day (bank transactions booked that day), in fen. */
  receivedFen: number;
  payments: number;
  /** Receipts in force issued on the day, in fen. */
  receiptedFen: number;
}

/** Totals of the day per collection account (what the bank credited) and per charging department (received and receipted). */
export async function totalsOf(ctx: RequestContext, day: FinanceDay): Promise<{ byAccount: DayTotal[]; byDepartment: DayTotal[] }> {
  const where = { tenantId: day.tenantId, day: day.day };
  const received = await visible(ctx, BankTransaction, 't')
    .leftJoin(PaymentNotice, 'n', 'n.id = t.noticeId')
    .andWhere('t.tenantId = :tenantId AND t.valueDate = :day', where)
    .select('t.bankAccount', 'account')
    .addSelect('n.departmentId', 'departmentId')
    .addSelect('SUM(t.amountFen)', 'fen')
    .addSelect('COUNT(*)', 'payments')
    .groupBy('t.bankAccount')
    .addGroupBy('n.departmentId')
    .getRawMany<{ account: string; departmentId: number | null; fen: string | number; payments: string | number }>();
  const receipted = await visible(ctx, Receipt, 'r')
    .andWhere('r.tenantId = :tenantId AND r.issuedOn = :day AND r.status = :issued', { ...where, issued: 'ISSUED' })
    .select('r.departmentId', 'departmentId')
    .addSelect('SUM(r.amountFen)', 'fen')
    .groupBy('r.departmentId')
    .getRawMany<{ departmentId: number; fen: string | number }>();
  const byAccount = new Map<string, DayTotal>();
  const byDepartment = new Map<string, DayTotal>();
  const total = (map: Map<string, DayTotal>, key: string, departmentId: number | null) => {
    const found = map.get(key) ?? { key, departmentId, receivedFen: 0, payments: 0, receiptedFen: 0 };
    map.set(key, found);
    return found;
  };
  for (const row of received) {
    const departmentId = row.departmentId === null ? null : Number(row.departmentId);
    const account = total(byAccount, row.account, null);
    const department = total(byDepartment, String(departmentId ?? 'none'), departmentId);
    for (const t of [account, department]) {
      t.receivedFen += Number(row.fen);
      t.payments += Number(row.payments);
    }
  }
  for (const row of receipted) total(byDepartment, String(row.departmentId), Number(row.departmentId)).receiptedFen += Number(row.fen);
  return { byAccount: [...byAccount.values()].sort((a, b) => a.key.localeCompare(b.key)), byDepartment: [...byDepartment.values()].sort((a, b) => (a.departmentId ?? 0) - (b.departmentId ?? 0)) };
}

export function listAdjustments(ctx: RequestContext, args: ListArgs<AdjustmentOrderField>, refersToDay?: string | null): Promise<ConnectionResult<AdjustingEntry>> {
  const query = visible(ctx, AdjustingEntry, 'a');
  if (refersToDay) query.andWhere('a.refersToDay = :refersToDay', { refersToDay });
  return paginate(query, { list: 'adjustingEntries', alias: 'a', sorting: adjustmentSorting }, args);
}
