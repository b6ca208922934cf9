import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import * as tenancy from '../tenancy/service';
import { Department, Tenant, User } from '../tenancy/entities';
import * as applications from '../applications/service';
import { Application } from '../applications/entities';
import { AdjustingEntry, BankStatement, BankTransaction, FinanceDay, PayeeAccount, PaymentNotice, PaymentNoticeItem, Receipt, ReceiptBook, ReconciliationItem } from './entities';
import {
  AdjustmentOrderField,
  adjustmentSorting,
  CancelNoticeInput,
  FinanceDayInput,
  ImportBankStatementInput,
  IssueNoticeInput,
  IssueReceiptInput,
  NoticeFilter,
  NoticeOrderField,
  noticeSorting,
  ReceiptFilter,
  ReceiptOrderField,
  receiptSorting,
  ReconciliationFilter,
  ReconciliationOrderField,
  reconciliationSorting,
  RecordAdjustingEntryInput,
  RegisterReceiptBookInput,
  ResolveExceptionInput,
  SetPayeeAccountInput,
  StatementOrderField,
  statementSorting,
  SupersedeNoticeInput,
  TransactionFilter,
  TransactionOrderField,
  transactionSorting,
  VoidReceiptInput,
} from './inputs';
import { FinanceDayTotal, ReconciliationCount, StatementImportPayload } from './types';
import * as notices from './notices';
import * as statements from './statements';
import * as receipts from './receipts';
import * as reconciliation from './reconciliation';
import { itemsOf, loadNotice, loadReceipt, loadTransaction, paymentsOf, receiptsOf } from './service';

const NoticeConnection = Connection(PaymentNotice);
const StatementConnection = Connection(BankStatement);
const TransactionConnection = Connection(BankTransaction);
const ReceiptConnection = Connection(Receipt);
const ReconciliationConnection = Connection(ReconciliationItem);
const AdjustmentConnection = Connection(AdjustingEntry);

@Resolver(() => PaymentNotice)
export class PaymentNoticeResolver {
  @Query(() => NoticeConnection, { description: '缴费通知书: FINANCE and auditors see all in scope, the charging department its own, window staff those they issued' })
  paymentNotices(
    @Ctx() ctx: RequestContext,
    @Args(() => noticeSorting.Args) args: ListArgs<NoticeOrderField>,
    @Arg('filter', () => NoticeFilter, { nullable: true }) filter?: NoticeFilter,
  ): Promise<ConnectionResult<PaymentNotice>> {
    return notices.listNotices(ctx, args, filter);
  }

  @Mutation(() => PaymentNotice, { description: 'Window staff: issue a payment notice for an accepted case (锦州 第二十条)' })
  issuePaymentNotice(@Ctx() ctx: RequestContext, @Arg('input') input: IssueNoticeInput): Promise<PaymentNotice> {
    return notices.issueNotice(ctx, input);
  }

  @Mutation(() => PaymentNotice, { description: 'Window staff: cancel a notice in force, with the reason (never edited)' })
  cancelPaymentNotice(@Ctx() ctx: RequestContext, @Arg('input') input: CancelNoticeInput): Promise<PaymentNotice> {
    return notices.cancelNotice(ctx, input);
  }

  @Mutation(() => PaymentNotice, { description: 'Window staff: replace a notice in force by a new one; returns the new notice' })
  supersedePaymentNotice(@Ctx() ctx: RequestContext, @Arg('input') input: SupersedeNoticeInput): Promise<PaymentNotice> {
    return notices.supersedeNotice(ctx, input);
  }

  @FieldResolver(() => [PaymentNoticeItem], { description: 'Its lines, as issued' })
  items(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<PaymentNoticeItem[]> {
    return itemsOf(ctx, notice);
  }

  @FieldResolver(() => Application, { nullable: true, description: 'The case charged' })
  application(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<Application | null> {
    return applications.loadApplication(ctx, notice.applicationId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The charging department (收费部门)' })
  department(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, notice.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The window clerk who issued it' })
  issuedBy(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<User | null> {
    return tenancy.loadUser(ctx, notice.issuedById);
  }

  @FieldResolver(() => PaymentNotice, { nullable: true, description: 'The notice this one replaced' })
  supersedes(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<PaymentNotice | null> {
    return loadNotice(ctx, notice.supersedesId);
  }

  @FieldResolver(() => PaymentNotice, { nullable: true, description: 'The notice that replaced this one' })
  supersededBy(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<PaymentNotice | null> {
    return loadNotice(ctx, notice.supersededById);
  }

  @FieldResolver(() => [BankTransaction], { description: 'Payments received for it (those the viewer may see)' })
  payments(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<BankTransaction[]> {
    return paymentsOf(ctx, notice);
  }

  @FieldResolver(() => [Receipt], { description: 'Receipts issued for it, voided ones included' })
  receipts(@Ctx() ctx: RequestContext, @Root() notice: PaymentNotice): Promise<Receipt[]> {
    return receiptsOf(ctx, notice);
  }
}

@Resolver(() => PayeeAccount)
export class PayeeAccountResolver {
  @Query(() => [PayeeAccount], { description: '收款账户 of the departments (FINANCE, auditors)' })
  payeeAccounts(@Ctx() ctx: RequestContext): Promise<PayeeAccount[]> {
    return notices.listPayeeAccounts(ctx);
  }

  @Mutation(() => PayeeAccount, { description: 'FINANCE: register, or replace with its version, a department’s payee account' })
  setPayeeAccount(@Ctx() ctx: RequestContext, @Arg('input') input: SetPayeeAccountInput): Promise<PayeeAccount> {
    return notices.setPayeeAccount(ctx, input);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The charging department paid into it' })
  department(@Ctx() ctx: RequestContext, @Root() account: PayeeAccount): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, account.departmentId);
  }
}

@Resolver(() => BankStatement)
export class BankStatementResolver {
  @Query(() => StatementConnection, { description: '银行对账单 imported (FINANCE, auditors)' })
  bankStatements(@Ctx() ctx: RequestContext, @Args(() => statementSorting.Args) args: ListArgs<StatementOrderField>): Promise<ConnectionResult<BankStatement>> {
    return statements.listStatements(ctx, args);
  }

  @Mutation(() => StatementImportPayload, { description: 'FINANCE: import a small statement file given as text (idempotent; a bad line refuses the whole file)' })
  importBankStatement(@Ctx() ctx: RequestContext, @Arg('input') input: ImportBankStatementInput): Promise<StatementImportPayload> {
    return statements.importStatementText(ctx, input);
  }

  @Mutation(() => StatementImportPayload, { description: 'FINANCE: upload a statement file (GraphQL multipart request; GBK or UTF-8; up to 32 MB)' })
  uploadBankStatement(@Ctx() ctx: RequestContext, @Arg('file', () => GraphQLUpload, { description: 'The bank’s CSV export' }) file: Promise<FileUpload>): Promise<StatementImportPayload> {
    return statements.importUpload(ctx, file);
  }
}

@Resolver(() => BankTransaction)
export class BankTransactionResolver {
  @Query(() => TransactionConnection, { description: '银行流水: FINANCE and auditors all, the charging department the payments of its notices' })
  bankTransactions(
    @Ctx() ctx: RequestContext,
    @Args(() => transactionSorting.Args) args: ListArgs<TransactionOrderField>,
    @Arg('filter', () => TransactionFilter, { nullable: true }) filter?: TransactionFilter,
  ): Promise<ConnectionResult<BankTransaction>> {
    return statements.listTransactions(ctx, args, filter);
  }

  @FieldResolver(() => String, { description: '付款人账号, always masked to its last 4 digits (only those are kept)' })
  payerAccount(@Root() transaction: BankTransaction): string {
    return `****${transaction.payerAccountLast4}`;
  }

  @FieldResolver(() => PaymentNotice, { nullable: true, description: 'The notice it pays (by its reference, or matched by hand); null when unknown or not visible' })
  notice(@Ctx() ctx: RequestContext, @Root() transaction: BankTransaction): Promise<PaymentNotice | null> {
    return loadNotice(ctx, transaction.noticeId);
  }
}

@Resolver(() => Receipt)
export class ReceiptResolver {
  @Query(() => ReceiptConnection, { description: '财政票据: FINANCE and auditors all, the charging department its own' })
  receipts(
    @Ctx() ctx: RequestContext,
    @Args(() => receiptSorting.Args) args: ListArgs<ReceiptOrderField>,
    @Arg('filter', () => ReceiptFilter, { nullable: true }) filter?: ReceiptFilter,
  ): Promise<ConnectionResult<Receipt>> {
    return receipts.listReceipts(ctx, args, filter);
  }

  @Query(() => [ReceiptBook], { description: '票据号段 (FINANCE, auditors, and the department’s own)' })
  receiptBooks(@Ctx() ctx: RequestContext): Promise<ReceiptBook[]> {
    return receipts.listReceiptBooks(ctx);
  }

  @Mutation(() => ReceiptBook, { description: 'FINANCE: register a receipt book (a range of printed numbers) for a department' })
  registerReceiptBook(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterReceiptBookInput): Promise<ReceiptBook> {
    return receipts.registerReceiptBook(ctx, input);
  }

  @Mutation(() => Receipt, { description: 'FINANCE or the charging department: issue the fiscal receipt for a notice (锦州 第二十条)' })
  issueReceipt(@Ctx() ctx: RequestContext, @Arg('input') input: IssueReceiptInput): Promise<Receipt> {
    return receipts.issueReceipt(ctx, input);
  }

  @Mutation(() => Receipt, { description: 'FINANCE or the charging department: void a receipt (its number stays used)' })
  voidReceipt(@Ctx() ctx: RequestContext, @Arg('input') input: VoidReceiptInput): Promise<Receipt> {
    return receipts.voidReceipt(ctx, input);
  }

  @FieldResolver(() => PaymentNotice, { nullable: true, description: 'The notice it was issued for' })
  notice(@Ctx() ctx: RequestContext, @Root() receipt: Receipt): Promise<PaymentNotice | null> {
    return loadNotice(ctx, receipt.noticeId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The issuing (charging) department' })
  department(@Ctx() ctx: RequestContext, @Root() receipt: Receipt): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, receipt.departmentId);
  }
}

@Resolver(() => ReceiptBook)
export class ReceiptBookResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The department that issues from it' })
  department(@Ctx() ctx: RequestContext, @Root() book: ReceiptBook): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, book.departmentId);
  }

  @FieldResolver(() => Int, { description: 'Numbers left in the book' })
  remaining(@Root() book: ReceiptBook): number {
    return Math.max(0, book.lastSerial - book.nextSerial + 1);
  }
}

@Resolver(() => FinanceDay)
export class FinanceDayResolver {
  @Query(() => FinanceDay, { nullable: true, description: '日结: a centre’s finance day; null when never reconciled (FINANCE, auditors)' })
  financeDay(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string,
    @Arg('day', { description: 'yyyy-mm-dd' }) day: string,
  ): Promise<FinanceDay | null> {
    return reconciliation.financeDay(ctx, tenantCode, day);
  }

  @Mutation(() => FinanceDay, { description: 'FINANCE: reconcile (对账) a day of your centre: notice ↔ bank transaction ↔ receipt' })
  reconcile(@Ctx() ctx: RequestContext, @Arg('input') input: FinanceDayInput): Promise<FinanceDay> {
    return reconciliation.reconcile(ctx, input);
  }

  @Mutation(() => FinanceDay, { description: 'FINANCE: close (日结) a reconciled day with no open exception; it is then locked' })
  closeFinanceDay(@Ctx() ctx: RequestContext, @Arg('input') input: FinanceDayInput): Promise<FinanceDay> {
    return reconciliation.closeFinanceDay(ctx, input);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The centre' })
  tenant(@Ctx() ctx: RequestContext, @Root() day: FinanceDay): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, day.tenantId);
  }

  @FieldResolver(() => [ReconciliationCount], { description: 'Items per class' })
  counts(@Ctx() ctx: RequestContext, @Root() day: FinanceDay): Promise<ReconciliationCount[]> {
    return reconciliation.countsOf(ctx, day);
  }

  @FieldResolver(() => ReconciliationConnection, { description: 'The day’s classified notices and payments' })
  items(
    @Ctx() ctx: RequestContext,
    @Root() day: FinanceDay,
    @Args(() => reconciliationSorting.Args) args: ListArgs<ReconciliationOrderField>,
    @Arg('filter', () => ReconciliationFilter, { nullable: true }) filter?: ReconciliationFilter,
  ): Promise<ConnectionResult<ReconciliationItem>> {
    return reconciliation.listItems(ctx, day, args, filter);
  }

  @FieldResolver(() => [FinanceDayTotal], { description: 'Received per collection account' })
  async totalsByAccount(@Ctx() ctx: RequestContext, @Root() day: FinanceDay): Promise<FinanceDayTotal[]> {
    return (await reconciliation.totalsOf(ctx, day)).byAccount.map((t) => ({ ...t, account: t.key }));
  }

  @FieldResolver(() => [FinanceDayTotal], { description: 'Received and receipted per charging department' })
  async totalsByDepartment(@Ctx() ctx: RequestContext, @Root() day: FinanceDay): Promise<FinanceDayTotal[]> {
    return (await reconciliation.totalsOf(ctx, day)).byDepartment.map((t) => ({ ...t, account: null }));
  }
}

@Resolver(() => FinanceDayTotal)
export class FinanceDayTotalResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The charging department (department totals); null for account totals and unknown payments' })
  department(@Ctx() ctx: RequestContext, @Root() total: FinanceDayTotal): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, total.departmentId);
  }
}

@Resolver(() => ReconciliationItem)
export class ReconciliationItemResolver {
  @Mutation(() => ReconciliationItem, { description: 'FINANCE: resolve an open exception with an action and a note' })
  resolveReconciliationException(@Ctx() ctx: RequestContext, @Arg('input') input: ResolveExceptionInput): Promise<ReconciliationItem> {
    return reconciliation.resolveException(ctx, input);
  }

  @FieldResolver(() => PaymentNotice, { nullable: true, description: 'The notice classified; null for an unknown payment' })
  notice(@Ctx() ctx: RequestContext, @Root() item: ReconciliationItem): Promise<PaymentNotice | null> {
    return loadNotice(ctx, item.noticeId);
  }

  @FieldResolver(() => BankTransaction, { nullable: true, description: 'The (last) payment counted' })
  transaction(@Ctx() ctx: RequestContext, @Root() item: ReconciliationItem): Promise<BankTransaction | null> {
    return loadTransaction(ctx, item.transactionId);
  }

  @FieldResolver(() => Receipt, { nullable: true, description: 'The receipt in force counted' })
  receipt(@Ctx() ctx: RequestContext, @Root() item: ReconciliationItem): Promise<Receipt | null> {
    return loadReceipt(ctx, item.receiptId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The charging department; null for an unknown payment' })
  department(@Ctx() ctx: RequestContext, @Root() item: ReconciliationItem): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, item.departmentId);
  }
}

@Resolver(() => AdjustingEntry)
export class AdjustingEntryResolver {
  @Query(() => AdjustmentConnection, { description: '调整分录 (FINANCE, auditors)' })
  adjustingEntries(
    @Ctx() ctx: RequestContext,
    @Args(() => adjustmentSorting.Args) args: ListArgs<AdjustmentOrderField>,
    @Arg('refersToDay', () => String, { nullable: true, description: 'Only corrections of this closed day' }) refersToDay?: string | null,
  ): Promise<ConnectionResult<AdjustingEntry>> {
    return reconciliation.listAdjustments(ctx, args, refersToDay);
  }

  @Mutation(() => AdjustingEntry, { description: 'FINANCE: record a correction of a closed day (dated today, referring to it)' })
  recordAdjustingEntry(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAdjustingEntryInput): Promise<AdjustingEntry> {
    return reconciliation.recordAdjustingEntry(ctx, input);
  }

  @FieldResolver(() => PaymentNotice, { nullable: true, description: 'The notice concerned, if any' })
  notice(@Ctx() ctx: RequestContext, @Root() entry: AdjustingEntry): Promise<PaymentNotice | null> {
    return loadNotice(ctx, entry.noticeId);
  }

  @FieldResolver(() => BankTransaction, { nullable: true, description: 'The bank transaction concerned, if any' })
  transaction(@Ctx() ctx: RequestContext, @Root() entry: AdjustingEntry): Promise<BankTransaction | null> {
    return loadTransaction(ctx, entry.transactionId);
  }

  @FieldResolver(() => Receipt, { nullable: true, description: 'The receipt concerned (a late receipt), if any' })
  receipt(@Ctx() ctx: RequestContext, @Root() entry: AdjustingEntry): Promise<Receipt | null> {
    return loadReceipt(ctx, entry.receiptId);
  }
}
