import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { AdjustmentKind, NoticeStatus, ReceiptStatus, ReconciliationKind, ResolutionAction } from './entities';

@InputType({ description: 'One line of a notice: an item of the fee standard (feeItemId), or one outside it (name, basis, amountFen)' })
export class NoticeItemInput {
  @Field(() => ID, { nullable: true, description: 'An item of the matter’s fee standard (收费项目)' })
  feeItemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name, for an item outside the standard' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '收费依据, for an item outside the standard' })
  basis?: string | null;

  @Field(() => Int, { nullable: true, description: 'Unit amount in fen; leave out to charge the standard’s amount' })
  amountFen?: number | null;

  @Field(() => Int, { defaultValue: 1, description: 'Quantity, 1-9999' })
  quantity: number;
}

@InputType({ description: '开具缴费通知书 for an accepted case' })
export class IssueNoticeInput {
  @Field(() => ID, { description: 'An accepted case (办件) of your centre' })
  applicationId: string;

  @Field(() => [NoticeItemInput], { nullable: true, description: 'The items; leave out to charge every item of the matter’s fee standard once' })
  items?: NoticeItemInput[] | null;

  @Field(() => String, { nullable: true, description: 'Required when an item or amount differs from the fee standard (OFF_STANDARD)' })
  offStandardReason?: string | null;
}

@InputType({ description: 'Cancel a notice in force (作废), with the reason' })
export class CancelNoticeInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Why, 1-500 characters' })
  reason: string;
}

@InputType({ description: 'Replace a notice in force by a new one for the same case (the old one is never edited)' })
export class SupersedeNoticeInput extends CancelNoticeInput {
  @Field(() => [NoticeItemInput], { nullable: true, description: 'The new notice’s items; leave out for the whole fee standard' })
  items?: NoticeItemInput[] | null;

  @Field(() => String, { nullable: true, description: 'Required when the new notice differs from the fee standard' })
  offStandardReason?: string | null;
}

@InputType({ description: 'Narrows the payment notices' })
export class NoticeFilter {
  @Field(() => String, { nullable: true, description: 'Issued on this finance day (yyyy-mm-dd)' })
  day?: string | null;

  @Field(() => NoticeStatus, { nullable: true, description: 'In this state' })
  status?: NoticeStatus | null;

  @Field(() => ID, { nullable: true, description: 'Of this case' })
  applicationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only notices that differ (or do not differ) from the fee standard' })
  offStandard?: boolean | null;
}

@InputType({ description: '收款账户: register or replace the account a department of your centre is paid into' })
export class SetPayeeAccountInput {
  @Field(() => ID, { description: 'A charging department of your centre' })
  departmentId: string;

  @Field({ description: '账号, 6-40 digits' })
  accountNumber: string;

  @Field({ description: '户名' })
  accountName: string;

  @Field({ description: '开户行' })
  bankName: string;

  @Field(() => Int, { nullable: true, description: 'The account’s version, to replace it; leave out to register one' })
  version?: number | null;
}

@InputType({ description: '导入银行对账单 given as text (a small file; larger ones are uploaded: uploadBankStatement)' })
export class ImportBankStatementInput {
  @Field({ description: 'The CSV text as the bank exported it (header rows, thousands separators, yuan with two decimals)' })
  csv: string;

  @Field({ defaultValue: 'statement.csv', description: 'A file name to show' })
  fileName: string;
}

@InputType({ description: 'Narrows the bank transactions' })
export class TransactionFilter {
  @Field(() => String, { nullable: true, description: '记账日期 yyyy-mm-dd' })
  day?: string | null;

  @Field(() => ID, { nullable: true, description: 'From this statement file' })
  statementId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only payments that match no notice' })
  unmatched?: boolean | null;
}

@InputType({ description: '登记票据号段: a range of fiscal receipt numbers for a department of your centre' })
export class RegisterReceiptBookInput {
  @Field(() => ID, { description: 'The charging department that will issue from it' })
  departmentId: string;

  @Field({ description: '票据代码 printed on the receipts' })
  series: string;

  @Field(() => Int, { description: 'First number of the range, 1-99999999' })
  firstSerial: number;

  @Field(() => Int, { description: 'Last number of the range (at most 100,000 numbers a book)' })
  lastSerial: number;
}

@InputType({ description: '开具财政票据 for a notice in force' })
export class IssueReceiptInput {
  @Field(() => ID, { description: 'A notice in force' })
  noticeId: string;
}

@InputType({ description: '作废票据: the number stays used, with the reason' })
export class VoidReceiptInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Why, 1-500 characters' })
  reason: string;
}

@InputType({ description: 'Narrows the receipts' })
export class ReceiptFilter {
  @Field(() => String, { nullable: true, description: 'Issued on this finance day' })
  day?: string | null;

  @Field(() => ReceiptStatus, { nullable: true, description: 'In this state' })
  status?: ReceiptStatus | null;
}

@InputType({ description: 'A centre’s finance day, with the version last read (null for a day never reconciled)' })
export class FinanceDayInput {
  @Field({ description: '行政区划代码 of your centre' })
  tenantCode: string;

  @Field({ description: 'yyyy-mm-dd' })
  day: string;

  @Field(() => Int, { nullable: true, description: 'The FinanceDay’s version as last read; null when it has none yet' })
  version?: number | null;
}

@InputType({ description: '差异处理: resolve an open exception' })
export class ResolveExceptionInput {
  @Field(() => ID, { description: 'A ReconciliationItem' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ResolutionAction, { description: 'One the exception’s class allows' })
  action: ResolutionAction;

  @Field({ description: 'What was done, 1-500 characters' })
  note: string;

  @Field(() => ID, { nullable: true, description: 'MATCH_TO_NOTICE: the notice in force the payment is for' })
  noticeId?: string | null;
}

@InputType({ description: 'Narrows a day’s reconciliation items' })
export class ReconciliationFilter {
  @Field(() => ReconciliationKind, { nullable: true, description: 'Of this class' })
  kind?: ReconciliationKind | null;

  @Field(() => Boolean, { nullable: true, description: 'true: open exceptions only' })
  open?: boolean | null;
}

@InputType({ description: '调整分录: a correction of a closed day, dated today' })
export class RecordAdjustingEntryInput {
  @Field({ description: 'The closed day corrected (yyyy-mm-dd)' })
  refersToDay: string;

  @Field(() => AdjustmentKind, { description: 'What kind of correction' })
  kind: AdjustmentKind;

  @Field(() => Int, { description: 'Amount in fen, negative for money going out (a refund)' })
  amountFen: number;

  @Field({ description: 'What and why, 1-500 characters' })
  note: string;

  @Field(() => ID, { nullable: true, description: 'The notice concerned, if any' })
  noticeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The bank transaction concerned, if any' })
  transactionId?: string | null;
}

const byIssued = (alias: string) => `${alias}.issuedAt`;

export const noticeSorting = defineSorting({
  typeName: 'PaymentNotice',
  label: 'payment notices (缴费通知书)',
  fields: { ISSUED_AT: { column: byIssued('n'), kind: 'instant', description: 'When issued' }, NUMBER: { column: 'n.number', kind: 'text', description: '通知书编号' } },
  defaultOrder: [{ field: 'ISSUED_AT', direction: OrderDirection.DESC }],
});
export type NoticeOrderField = keyof typeof noticeSorting.fields;

export const statementSorting = defineSorting({
  typeName: 'BankStatement',
  label: 'bank statements (银行对账单)',
  fields: { IMPORTED_AT: { column: 's.importedAt', kind: 'instant', description: 'When imported' } },
  defaultOrder: [{ field: 'IMPORTED_AT', direction: OrderDirection.DESC }],
});
export type StatementOrderField = keyof typeof statementSorting.fields;

export const transactionSorting = defineSorting({
  typeName: 'BankTransaction',
  label: 'bank transactions (银行流水)',
  fields: { OCCURRED_AT: { column: 't.occurredAt', kind: 'instant', description: '交易时间' }, AMOUNT: { column: 't.amountFen', kind: 'number', description: 'Amount' } },
  defaultOrder: [{ field: 'OCCURRED_AT', direction: OrderDirection.ASC }],
});
export type TransactionOrderField = keyof typeof transactionSorting.fields;

export const receiptSorting = defineSorting({
  typeName: 'Receipt',
  label: 'receipts (财政票据)',
  fields: { NUMBER: { column: 'r.number', kind: 'text', description: '票据号码' }, ISSUED_AT: { column: byIssued('r'), kind: 'instant', description: 'When issued' } },
  defaultOrder: [{ field: 'NUMBER', direction: OrderDirection.ASC }],
});
export type ReceiptOrderField = keyof typeof receiptSorting.fields;

export const reconciliationSorting = defineSorting({
  typeName: 'ReconciliationItem',
  label: 'reconciliation items (对账明细)',
  fields: { KIND: { column: 'ri.kind', kind: 'text', description: 'Result class' } },
  defaultOrder: [{ field: 'KIND', direction: OrderDirection.ASC }],
});
export type ReconciliationOrderField = keyof typeof reconciliationSorting.fields;

export const adjustmentSorting = defineSorting({
  typeName: 'AdjustingEntry',
  label: 'adjusting entries (调整分录)',
  fields: { CREATED_AT: { column: 'a.createdAt', kind: 'instant', description: 'When made' } },
  defaultOrder: [{ field: 'CREATED_AT', direction: OrderDirection.DESC }],
});
export type AdjustmentOrderField = keyof typeof adjustmentSorting.fields;
