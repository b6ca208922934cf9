import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { GuardedField } from '../../auth/field-policy';
import { Node } from '../../graphql/node';
import { payerName } from './policies';

export enum NoticeStatus {
  ISSUED = 'ISSUED',
  CANCELLED = 'CANCELLED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(NoticeStatus, {
  name: 'NoticeStatus',
  description: '缴费通知书状态: a notice is never edited, only cancelled or superseded',
  valuesConfig: {
    ISSUED: { description: '已开具: in force, to be paid at the bank' },
    CANCELLED: { description: '已作废: cancelled, with the reason' },
    SUPERSEDED: { description: '已替换: replaced by a new notice (supersededBy)' },
  },
});

/** 收款账户: the bank account a department's fees are paid into (锦州 第十九条: one account per unit at the bank). */
@ObjectType({ implements: Node, description: '收款账户: the account a charging department is paid into' })
@Entity()
@Index(['tenantId', 'departmentId'], { unique: true })
export class PayeeAccount extends TenantOwnedEntity {
  @Column('int')
  departmentId: number;

  @Field({ description: '账号' })
  @Column('varchar', { length: 40 })
  accountNumber: string;

  @Field({ description: '户名' })
  @Column('varchar', { length: 200 })
  accountName: string;

  @Field({ description: '开户行' })
  @Column('varchar', { length: 200 })
  bankName: string;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

/** 缴费通知书 (锦州 第二十条): what the applicant pays at the bank window, never edited. */
@ObjectType({ implements: Node, description: '缴费通知书: a payment notice for an accepted case, paid at the bank window' })
@Entity()
@Index(['tenantId', 'number'], { unique: true })
@Index(['tenantId', 'reference'], { unique: true })
@Index(['tenantId', 'issuedOn', 'status'])
@Index(['tenantId', 'applicationId'])
@Index(['tenantId', 'issuedById'])
@Index(['tenantId', 'departmentId', 'issuedOn'])
export class PaymentNotice extends TenantOwnedEntity {
  @Field({ description: '通知书编号: <tenant>-JF-<yyyymmdd>-<seq>, gap-free per centre and day' })
  @Column('varchar', { length: 32 })
  number: string;

  @Field({ description: '缴款识别码: the payment reference the bank statement carries (附言)' })
  @Column('varchar', { length: 32 })
  reference: string;

  @Column('int')
  applicationId: number;

  @Column('int')
  matterId: number;

  /** The charging department: the case's implementing department. */
  @Column('int')
  departmentId: number;

  @Field({ description: '收款账号 of the charging department, as on the notice' })
  @Column('varchar', { length: 40 })
  payeeAccountNumber: string;

  @Field({ description: '收款户名' })
  @Column('varchar', { length: 200 })
  payeeAccountName: string;

  @Field(() => Int, { description: 'Total in fen (分); the sum of the items' })
  @Column('int')
  totalFen: number;

  @Field(() => NoticeStatus, { description: 'In force, cancelled or superseded' })
  @Column('varchar', { length: 12 })
  status: NoticeStatus;

  @Field({ description: 'OFF_STANDARD: an item or amount differs from the matter’s fee standard (锦州 第二十八条(九))' })
  @Column('boolean', { default: false })
  offStandard: boolean;

  @Field(() => String, { nullable: true, description: 'Why the notice differs from the fee standard; null when it does not' })
  @Column('varchar', { length: 500, nullable: true })
  offStandardReason: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled or superseded' })
  @Column('varchar', { length: 500, nullable: true })
  cancelReason: string | null;

  @Column('int', { nullable: true })
  supersedesId: number | null;

  @Column('int', { nullable: true })
  supersededById: number | null;

  @Column('int')
  issuedById: number;

  @Field({ description: 'When it was issued' })
  @Column('datetime', { precision: 3 })
  issuedAt: Date;

  @Field({ description: 'The finance day (yyyy-mm-dd, Asia/Shanghai) it belongs to' })
  @Column('varchar', { length: 10 })
  issuedOn: string;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

/** One line of a notice: from the fee standard, or (OFF_STANDARD) given with a reason. */
@ObjectType({ description: '缴费项目: one line of a payment notice' })
@Entity()
@Index(['tenantId', 'noticeId'])
export class PaymentNoticeItem extends TenantOwnedEntity {
  @Column('int')
  noticeId: number;

  @Column('int', { nullable: true })
  feeItemId: number | null;

  @Field({ description: '收费项目名称' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field({ description: '收费依据' })
  @Column('varchar', { length: 500 })
  basis: string;

  @Field(() => Int, { description: 'Unit amount in fen' })
  @Column('int')
  unitFen: number;

  @Field(() => Int, { description: 'Quantity (数量)' })
  @Column('int')
  quantity: number;

  @Field(() => Int, { description: 'unitFen × quantity, in fen' })
  @Column('int')
  amountFen: number;

  @Field({ description: 'Differs from the fee standard (or is not on it)' })
  @Column('boolean', { default: false })
  offStandard: boolean;
}

/** The notice-number sequence of one tenant and day (the same row-lock counter as case numbers). */
@Entity()
export class PaymentNoticeCounter {
  @PrimaryColumn('int')
  tenantId: number;

  @PrimaryColumn('varchar', { length: 8 })
  day: string;

  @Column('int')
  lastSequence: number;
}

/** 银行对账单: one imported statement file, known by its hash (the same file twice is one import). */
@ObjectType({ implements: Node, description: '银行对账单: an imported bank statement file' })
@Entity()
@Index(['tenantId', 'fileHash'], { unique: true })
@Index(['tenantId', 'importedAt'])
export class BankStatement extends TenantOwnedEntity {
  @Field({ description: 'SHA-256 of the file’s bytes' })
  @Column('varchar', { length: 64 })
  fileHash: string;

  @Field({ description: 'The file name given at upload' })
  @Column('varchar', { length: 200 })
  fileName: string;

  @Field(() => Int, { description: 'Credit lines in the file' })
  @Column('int')
  lineCount: number;

  @Field(() => Int, { description: 'Lines that were new transactions' })
  @Column('int')
  newTransactionCount: number;

  @Field(() => Int, { description: 'Lines whose bank transaction id was already imported (from another file)' })
  @Column('int')
  knownTransactionCount: number;

  @Column('int')
  importedById: number;

  @Field({ description: 'When FINANCE imported it' })
  @Column('datetime', { precision: 3 })
  importedAt: Date;
}

/** 银行流水: one credit to a collection account, as the bank reported it. */
@ObjectType({ implements: Node, description: '银行流水: one payment received at the bank' })
@Entity()
@Index(['tenantId', 'bankTransactionId'], { unique: true })
@Index(['tenantId', 'valueDate'])
// A notice's payments: named, because reconciliation names it to the planner (reconciliation.ts).
@Index('bank_transaction_by_notice', ['tenantId', 'noticeId', 'valueDate'])
@Index(['tenantId', 'statementId'])
export class BankTransaction extends TenantOwnedEntity {
  @Column('int')
  statementId: number;

  @Field({ description: '交易流水号: the bank’s id (one transaction however many files carry it)' })
  @Column('varchar', { length: 64 })
  bankTransactionId: string;

  @Field({ description: '记账日期 yyyy-mm-dd: the finance day it belongs to' })
  @Column('varchar', { length: 10 })
  valueDate: string;

  @Field({ description: '交易时间' })
  @Column('datetime', { precision: 3 })
  occurredAt: Date;

  @Field(() => Int, { description: 'Amount in fen (分)' })
  @Column('int')
  amountFen: number;

  @GuardedField(payerName, '付款人名称 (PII)')
  @Column('varchar', { length: 200 })
  payerName: string;

  /** Only the last 4 digits are kept; the field is always masked. */
  @Column('varchar', { length: 4 })
  payerAccountLast4: string;

  @Field({ description: '附言: the payment reference as the bank carried it' })
  @Column('varchar', { length: 64 })
  reference: string;

  @Field({ description: '收款账号: the collection account credited' })
  @Column('varchar', { length: 40 })
  bankAccount: string;

  /** The notice the reference names (at import), or the one FINANCE matched by hand. */
  @Column('int', { nullable: true })
  noticeId: number | null;
}

/** 票据号段: a range of fiscal receipt numbers the finance department registered for a department. */
@ObjectType({ implements: Node, description: '票据号段: a receipt book (range of fiscal receipt numbers)' })
@Entity()
@Index(['tenantId', 'departmentId'])
@Index(['tenantId', 'series'])
export class ReceiptBook extends TenantOwnedEntity {
  @Column('int')
  departmentId: number;

  @Field({ description: '票据代码: the series printed on the receipts' })
  @Column('varchar', { length: 20 })
  series: string;

  @Field(() => Int, { description: 'First number of the range' })
  @Column('int')
  firstSerial: number;

  @Field(() => Int, { description: 'Last number of the range' })
  @Column('int')
  lastSerial: number;

  @Field(() => Int, { description: 'The next number to use; past lastSerial when the book is used up' })
  @Column('int')
  nextSerial: number;

  @Column('int')
  registeredById: number;

  @Field({ description: 'When FINANCE registered it' })
  @CreateDateColumn()
  registeredAt: Date;
}

export enum ReceiptStatus {
  ISSUED = 'ISSUED',
  VOIDED = 'VOIDED',
}
registerEnumType(ReceiptStatus, {
  name: 'ReceiptStatus',
  description: '财政票据状态',
  valuesConfig: { ISSUED: { description: '已开具' }, VOIDED: { description: '已作废: keeps its number, with the reason' } },
});

/** 财政票据 (锦州 第八条, 第二十条): the receipt the charging department issues for a paid notice. */
@ObjectType({ implements: Node, description: '财政票据: a fiscal receipt, numbered from a receipt book' })
@Entity()
@Index(['tenantId', 'number'], { unique: true })
@Index(['tenantId', 'bookId', 'serial'], { unique: true })
@Index('receipt_by_notice', ['tenantId', 'noticeId', 'issuedOn'])
@Index(['tenantId', 'issuedOn'])
export class Receipt extends TenantOwnedEntity {
  @Column('int')
  bookId: number;

  @Field({ description: '票据号码: series and serial; used once, gap-free within its book' })
  @Column('varchar', { length: 40 })
  number: string;

  @Column('int')
  serial: number;

  @Column('int')
  noticeId: number;

  @Column('int')
  departmentId: number;

  @Field(() => Int, { description: 'Amount in fen: the notice’s total' })
  @Column('int')
  amountFen: number;

  @Field(() => ReceiptStatus, { description: 'Issued or voided' })
  @Column('varchar', { length: 8 })
  status: ReceiptStatus;

  @Field(() => String, { nullable: true, description: 'Why it was voided' })
  @Column('varchar', { length: 500, nullable: true })
  voidReason: string | null;

  @Column('int')
  issuedById: number;

  @Field({ description: 'When it was issued' })
  @Column('datetime', { precision: 3 })
  issuedAt: Date;

  @Field({ description: 'The finance day (yyyy-mm-dd) it belongs to' })
  @Column('varchar', { length: 10 })
  issuedOn: string;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

export enum FinanceDayStatus {
  OPEN = 'OPEN',
  RECONCILED = 'RECONCILED',
  CLOSED = 'CLOSED',
}
registerEnumType(FinanceDayStatus, {
  name: 'FinanceDayStatus',
  description: '日结状态',
  valuesConfig: {
    OPEN: { description: 'Not reconciled yet' },
    RECONCILED: { description: '已对账: reconciled at least once; exceptions may be open' },
    CLOSED: { description: '已日结: closed and locked; corrections are adjusting entries' },
  },
});

/** One centre's finance day: reconciled, then closed and locked. Its version serialises reconcile and close. */
@ObjectType({ implements: Node, description: '日结: one centre’s finance day' })
@Entity()
@Index(['tenantId', 'day'], { unique: true })
export class FinanceDay extends TenantOwnedEntity {
  @Field({ description: 'yyyy-mm-dd (Asia/Shanghai)' })
  @Column('varchar', { length: 10 })
  day: string;

  @Field(() => FinanceDayStatus, { description: 'Open, reconciled or closed' })
  @Column('varchar', { length: 12 })
  status: FinanceDayStatus;

  @Field(() => Date, { nullable: true, description: 'When it was last reconciled' })
  @Column('datetime', { precision: 3, nullable: true })
  reconciledAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed; null while open' })
  @Column('datetime', { precision: 3, nullable: true })
  closedAt: Date | null;

  @Column('int', { nullable: true })
  closedById: number | null;

  @Field(() => Int, { description: 'Pass it to reconcile and close: of two at once, one wins' })
  @VersionColumn()
  version: number;
}

export enum ReconciliationKind {
  MATCHED = 'MATCHED',
  UNPAID = 'UNPAID',
  PAID_NO_RECEIPT = 'PAID_NO_RECEIPT',
  RECEIPT_NO_PAYMENT = 'RECEIPT_NO_PAYMENT',
  AMOUNT_MISMATCH = 'AMOUNT_MISMATCH',
  UNKNOWN_PAYMENT = 'UNKNOWN_PAYMENT',
  DUPLICATE_PAYMENT = 'DUPLICATE_PAYMENT',
  OFF_STANDARD = 'OFF_STANDARD',
}
registerEnumType(ReconciliationKind, {
  name: 'ReconciliationKind',
  description: '对账结果: how a notice, payment and receipt of the day match',
  valuesConfig: {
    MATCHED: { description: '相符: paid once, the amount due, and receipted' },
    UNPAID: { description: '未缴费: no payment for the notice' },
    PAID_NO_RECEIPT: { description: '已缴未开票: paid, no receipt issued' },
    RECEIPT_NO_PAYMENT: { description: '开票未缴费: a receipt without a payment' },
    AMOUNT_MISMATCH: { description: '金额不符: paid once, another amount' },
    UNKNOWN_PAYMENT: { description: '不明款项: no notice in force for the reference' },
    DUPLICATE_PAYMENT: { description: '重复缴费: paid more than once' },
    OFF_STANDARD: { description: '超标准收费: the notice differs from the fee standard (锦州 第二十八条(九))' },
  },
});

export enum ResolutionAction {
  REFUND = 'REFUND',
  WRITE_OFF = 'WRITE_OFF',
  MATCH_TO_NOTICE = 'MATCH_TO_NOTICE',
  CARRY_FORWARD = 'CARRY_FORWARD',
  CONFIRM = 'CONFIRM',
}
registerEnumType(ResolutionAction, {
  name: 'ResolutionAction',
  description: '差异处理: what FINANCE did about an exception',
  valuesConfig: {
    REFUND: { description: '退款' },
    WRITE_OFF: { description: '核销' },
    MATCH_TO_NOTICE: { description: '人工匹配: the payment is for this notice' },
    CARRY_FORWARD: { description: '结转: settles on a later day (a payment or a receipt to follow)' },
    CONFIRM: { description: '确认: reviewed and accepted with the note (an off-standard notice)' },
  },
});

/** 对账明细: one classified notice or payment of a reconciled day; exceptions are resolved one by one. */
@ObjectType({ implements: Node, description: '对账明细: one result of a day’s reconciliation' })
@Entity()
@Index(['tenantId', 'day', 'kind'])
@Index(['tenantId', 'day', 'open'])
export class ReconciliationItem extends TenantOwnedEntity {
  @Field({ description: 'The finance day, yyyy-mm-dd' })
  @Column('varchar', { length: 10 })
  day: string;

  @Field(() => ReconciliationKind, { description: 'The class it falls in' })
  @Column('varchar', { length: 20 })
  kind: ReconciliationKind;

  @Column('int', { nullable: true })
  noticeId: number | null;

  @Column('int', { nullable: true })
  transactionId: number | null;

  @Column('int', { nullable: true })
  receiptId: number | null;

  @Column('int', { nullable: true })
  departmentId: number | null;

  @Field({ description: 'The collection account: the notice’s payee account, or the account credited' })
  @Column('varchar', { length: 40 })
  account: string;

  @Field(() => Int, { description: 'Due in fen: the notice’s total (0 without a notice)' })
  @Column('int')
  expectedFen: number;

  @Field(() => Int, { description: 'Paid in fen up to the day' })
  @Column('int')
  paidFen: number;

  @Field(() => Int, { description: 'Payments counted' })
  @Column('int')
  paymentCount: number;

  @Field({ description: 'An exception not resolved yet (MATCHED rows are never open)' })
  @Column('boolean', { name: 'is_open' })
  open: boolean;

  @Field(() => ResolutionAction, { nullable: true, description: 'What FINANCE did; null while open (and for MATCHED)' })
  @Column('varchar', { length: 16, nullable: true })
  resolution: ResolutionAction | null;

  @Field(() => String, { nullable: true, description: 'FINANCE’s note on the resolution' })
  @Column('varchar', { length: 500, nullable: true })
  resolutionNote: string | null;

  @Column('int', { nullable: true })
  resolvedById: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved' })
  @Column('datetime', { precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}

export enum AdjustmentKind {
  REFUND = 'REFUND',
  WRITE_OFF = 'WRITE_OFF',
  LATE_RECEIPT = 'LATE_RECEIPT',
  CORRECTION = 'CORRECTION',
}
registerEnumType(AdjustmentKind, {
  name: 'AdjustmentKind',
  description: '调整分录: a correction of a closed day',
  valuesConfig: {
    REFUND: { description: '退款 after the day was closed' },
    WRITE_OFF: { description: '核销 after the day was closed' },
    LATE_RECEIPT: { description: '补开票据: a receipt for a payment of a closed day (recorded automatically)' },
    CORRECTION: { description: '其他更正' },
  },
});

/** 调整分录: a correction dated the day it is made, referring to a closed day; the closed day is never edited. */
@ObjectType({ implements: Node, description: '调整分录: a correction of a closed finance day' })
@Entity()
@Index(['tenantId', 'day'])
@Index(['tenantId', 'refersToDay'])
export class AdjustingEntry extends TenantOwnedEntity {
  @Field({ description: 'The day it was made (yyyy-mm-dd)' })
  @Column('varchar', { length: 10 })
  day: string;

  @Field({ description: 'The closed day it corrects' })
  @Column('varchar', { length: 10 })
  refersToDay: string;

  @Field(() => AdjustmentKind, { description: 'What kind of correction' })
  @Column('varchar', { length: 16 })
  kind: AdjustmentKind;

  @Column('int', { nullable: true })
  noticeId: number | null;

  @Column('int', { nullable: true })
  transactionId: number | null;

  @Column('int', { nullable: true })
  receiptId: number | null;

  @Field(() => Int, { description: 'Amount in fen (negative for money going out, e.g. a refund)' })
  @Column('int')
  amountFen: number;

  @Field({ description: 'What and why' })
  @Column('varchar', { length: 500 })
  note: string;

  @Column('int')
  createdById: number;

  @Field({ description: 'When it was made' })
  @CreateDateColumn()
  createdAt: Date;
}
