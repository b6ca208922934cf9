import { Field, Int, ObjectType } from 'type-graphql';
import { BankStatement, ReconciliationKind } from './entities';

@ObjectType({ description: 'Result of importing a bank statement file' })
export class StatementImportPayload {
  @Field(() => BankStatement, { description: 'The statement: the new import, or the earlier one of the same file' })
  statement: BankStatement;

  @Field({ description: 'True when this very file (same SHA-256) was imported before: nothing changed' })
  alreadyImported: boolean;
}

@ObjectType({ description: 'How many items of a day fall in one class, and how many of them are open' })
export class ReconciliationCount {
  @Field(() => ReconciliationKind, { description: 'The class' })
  kind: ReconciliationKind;

  @Field(() => Int, { description: 'Items of the day in it' })
  count: number;

  @Field(() => Int, { description: 'Exceptions not resolved yet' })
  open: number;
}

@ObjectType({ description: 'A day’s totals for one collection account or one charging department, in fen' })
export class FinanceDayTotal {
  /** The account number, or the department id as text ("none" for payments naming no notice). */
  key: string;

  departmentId: number | null;

  @Field(() => String, { nullable: true, description: 'The collection account (per-account totals); null for department totals' })
  account: string | null;

  @Field(() => Int, { description: 'Received on the day (bank transactions booked that day)' })
  receivedFen: number;

  @Field(() => Int, { description: 'Payments received on the day' })
  payments: number;

  @Field(() => Int, { description: 'Receipts in force issued on the day (department totals; 0 for accounts)' })
  receiptedFen: number;
}
