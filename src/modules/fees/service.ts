import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { NodeEntity } from '../../db/base-entities';
import { EntityClass } from '../../db/scoped-repository';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { Viewer } from '../../auth/viewer';
import { ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { nouns } from '../../graphql/messages';
import * as tenancy from '../tenancy/service';
import { Tenant } from '../tenancy/entities';
import * as calendar from '../calendar/service';
import * as windows from '../windows/service';
import {
  AdjustingEntry,
  BankStatement,
  BankTransaction,
  FinanceDay,
  FinanceDayStatus,
  PayeeAccount,
  PaymentNotice,
  PaymentNoticeItem,
  Receipt,
  ReceiptBook,
  ReconciliationItem,
} from './entities';
import { feeMessages as m } from './messages';

/**
 * Who sees what of the fees (issue 17): FINANCE and auditors every row in scope;
 * staff of the charging department the rows of their department; window staff the
 * notices they issued. A row outside this looks exactly like a missing one.
 */
type Visibility = (viewer: Viewer, alias: string) => { clause: string; parameters: Record<string, unknown> };

const everyRow = { clause: '1 = 1', parameters: {} };
const noRow = { clause: '1 = 0', parameters: {} };
const readsAllFees = (viewer: Viewer) => viewer.roles.has(Role.FINANCE) || viewer.roles.has(Role.AUDITOR);

/** Rows of the charging department (`departmentColumn` on the row). */
function ofChargingDepartment(viewer: Viewer, alias: string, departmentColumn: string) {
  return {
    clause: `(${alias}.tenantId = :feeViewerTenant AND ${alias}.${departmentColumn} = :feeViewerDepartment)`,
    parameters: { feeViewerTenant: viewer.tenantId, feeViewerDepartment: viewer.departmentId },
  };
}

const noticeVisibility: Visibility = (viewer, alias) => {
  if (readsAllFees(viewer)) return everyRow;
  const department = ofChargingDepartment(viewer, alias, 'departmentId');
  if (!viewer.roles.has(Role.WINDOW_STAFF)) return department;
  return { clause: `(${department.clause} OR ${alias}.issuedById = :feeViewerUser)`, parameters: { ...department.parameters, feeViewerUser: viewer.userId } };
};

/** A payment is the charging department's when it pays one of its notices. */
const transactionVisibility: Visibility = (viewer, alias) => {
  if (readsAllFees(viewer)) return everyRow;
  return {
    clause: `${alias}.noticeId IN (SELECT fn.id FROM payment_notice fn WHERE fn.tenant_id = :feeViewerTenant AND fn.department_id = :feeViewerDepartment)`,
    parameters: { feeViewerTenant: viewer.tenantId, feeViewerDepartment: viewer.departmentId },
  };
};

const receiptVisibility: Visibility = (viewer, alias) => (readsAllFees(viewer) ? everyRow : ofChargingDepartment(viewer, alias, 'departmentId'));
const financeOnly: Visibility = (viewer) => (readsAllFees(viewer) ? everyRow : noRow);

const VISIBILITY = new Map<Function, Visibility>([
  [PaymentNotice, noticeVisibility],
  [BankTransaction, transactionVisibility],
  [Receipt, receiptVisibility],
  [ReceiptBook, receiptVisibility],
  [PayeeAccount, financeOnly],
  [BankStatement, financeOnly],
  [FinanceDay, financeOnly],
  [ReconciliationItem, financeOnly],
  [AdjustingEntry, financeOnly],
]);

/** The rows of `entity` the viewer may read: tenant scope (the data layer) and the rule above. */
export function visible<T extends NodeEntity & ObjectLiteral>(ctx: RequestContext, entity: EntityClass<T>, alias: string, db: Db = ctx.db): SelectQueryBuilder<T> {
  const viewer = requireViewer(ctx);
  const { clause, parameters } = VISIBILITY.get(entity)!(viewer, alias);
  return db.scoped(entity).query(alias).andWhere(clause, parameters);
}

function visibleById<T extends NodeEntity & ObjectLiteral>(ctx: RequestContext, entity: EntityClass<T>, id: number): Promise<T | null> {
  return ctx.loaders.get(`${entity.name}.visible`, () => byIdLoader((ids) => visible(ctx, entity, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany())).load(id);
}

export const loadNotice = (ctx: RequestContext, id: number | null) => (id === null ? Promise.resolve(null) : visibleById(ctx, PaymentNotice, id));
export const loadTransaction = (ctx: RequestContext, id: number | null) => (id === null ? Promise.resolve(null) : visibleById(ctx, BankTransaction, id));
export const loadReceipt = (ctx: RequestContext, id: number | null) => (id === null ? Promise.resolve(null) : visibleById(ctx, Receipt, id));

/** A visible row by id, read now (not from the request's loaders: a mutation returns what it wrote), or NOT_FOUND. */
export async function getVisible<T extends NodeEntity & ObjectLiteral>(ctx: RequestContext, entity: EntityClass<T>, id: number, what: typeof m.notice): Promise<T> {
  const row = await visible(ctx, entity, 'row').andWhere('row.id = :id', { id }).getOne();
  if (!row) throw new NotFoundError(what);
  return row;
}

/** The items of a notice: whoever sees the notice sees its items. */
export function itemsOf(ctx: RequestContext, notice: PaymentNotice): Promise<PaymentNoticeItem[]> {
  return ctx.loaders
    .get('PaymentNoticeItem.byNotice', () =>
      groupedLoader((ids) => ctx.db.scoped(PaymentNoticeItem).query('i').andWhere('i.noticeId IN (:...ids)', { ids }).orderBy('i.id').getMany(), (item) => item.noticeId),
    )
    .load(notice.id);
}

export function paymentsOf(ctx: RequestContext, notice: PaymentNotice): Promise<BankTransaction[]> {
  return ctx.loaders
    .get('BankTransaction.byNotice', () =>
      groupedLoader((ids) => visible(ctx, BankTransaction, 't').andWhere('t.noticeId IN (:...ids)', { ids }).orderBy('t.id').getMany(), (t) => t.noticeId!),
    )
    .load(notice.id);
}

export function receiptsOf(ctx: RequestContext, notice: PaymentNotice): Promise<Receipt[]> {
  return ctx.loaders
    .get('Receipt.byNotice', () => groupedLoader((ids) => visible(ctx, Receipt, 'r').andWhere('r.noticeId IN (:...ids)', { ids }).orderBy('r.id').getMany(), (r) => r.noticeId))
    .load(notice.id);
}

// ---- finance days ---------------------------------------------------------------

/** Today in the centre's time zone: the finance day a new notice, receipt or entry belongs to. */
export async function todayOf(ctx: RequestContext, tenantId: number): Promise<{ tenant: Tenant; day: string }> {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  const workingCalendar = await calendar.calendarOf(ctx, tenant);
  return { tenant, day: workingCalendar.localDate(ctx.now()) };
}

/** The finance day row of a centre, read with a row lock where the database has them. */
export function financeDayForUpdate(db: Db, tenantId: number, day: string): Promise<FinanceDay | null> {
  return windows.forUpdate(db, db.scoped(FinanceDay).query('d').andWhere('d.tenantId = :tenantId AND d.day = :day', { tenantId, day })).getOne();
}

/** A closed day is locked (issue 17): nothing of it changes; corrections are adjusting entries. */
export async function assertDayOpen(db: Db, tenantId: number, day: string): Promise<void> {
  if ((await financeDayForUpdate(db, tenantId, day))?.status === FinanceDayStatus.CLOSED) throw new ConflictError(m.dayClosed(day));
}

/** Which of `days` are closed, in one query. */
export async function closedDaysAmong(db: Db, tenantId: number, days: string[]): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await db
    .scoped(FinanceDay)
    .query('d')
    .andWhere('d.tenantId = :tenantId AND d.status = :closed AND d.day IN (:...days)', { tenantId, closed: FinanceDayStatus.CLOSED, days })
    .getMany();
  return new Set(rows.map((row) => row.day));
}

/**
 * The centre FINANCE works on: its own. Another readable centre (a city's county) is
 * read-only; an unknown or unreadable code is NOT_FOUND, like a missing one.
 */
export async function ownCentreForFinance(ctx: RequestContext, tenantCode: string): Promise<{ viewer: Viewer; tenant: Tenant }> {
  const viewer = requireRole(ctx, Role.FINANCE);
  const tenant = await tenancy.tenantByCode(ctx, tenantCode);
  if (!tenant) throw new NotFoundError(nouns.tenant);
  if (tenant.id !== viewer.tenantId) throw new ForbiddenError(m.ownCentreOnly);
  return { viewer, tenant };
}

export const nodeLoaders = {
  PaymentNotice: (ctx: RequestContext, ids: number[]) => visible(ctx, PaymentNotice, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  BankStatement: (ctx: RequestContext, ids: number[]) => visible(ctx, BankStatement, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  BankTransaction: (ctx: RequestContext, ids: number[]) => visible(ctx, BankTransaction, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  Receipt: (ctx: RequestContext, ids: number[]) => visible(ctx, Receipt, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  ReceiptBook: (ctx: RequestContext, ids: number[]) => visible(ctx, ReceiptBook, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  PayeeAccount: (ctx: RequestContext, ids: number[]) => visible(ctx, PayeeAccount, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  FinanceDay: (ctx: RequestContext, ids: number[]) => visible(ctx, FinanceDay, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  ReconciliationItem: (ctx: RequestContext, ids: number[]) => visible(ctx, ReconciliationItem, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
  AdjustingEntry: (ctx: RequestContext, ids: number[]) => visible(ctx, AdjustingEntry, 'row').andWhere('row.id IN (:...ids)', { ids }).getMany(),
};
