import { createHash } from 'node:crypto';
import type { FileUpload } from 'graphql-upload-minimal';
import { RequestContext } from '../../context';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { isDuplicateKey } from '../../db/errors';
import { BankStatement, BankTransaction } from './entities';
import { ImportBankStatementInput, StatementOrderField, statementSorting, TransactionFilter, TransactionOrderField, transactionSorting } from './inputs';
import { decodeStatement, parseStatement, StatementLine } from './statement-file';
import { Db } from '../../db/db';
import { closedDaysAmong, getVisible, visible } from './service';
import { feeMessages as m } from './messages';

/** The largest statement file taken: a busy centre's day is a few thousand lines; 100,000 lines are ~12 MB. */
export const MAX_STATEMENT_BYTES = 32 * 1024 * 1024;

export interface StatementImport {
  statement: BankStatement;
  /** True when this very file was imported before: nothing changed. */
  alreadyImported: boolean;
}

/** An uploaded statement file (FINANCE only, checked before a byte is read), refused past the size limit without reading further. */
export async function importUpload(ctx: RequestContext, upload: Promise<FileUpload>): Promise<StatementImport> {
  requireRole(ctx, Role.FINANCE);
  const file = await upload;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.createReadStream()) {
    size += (chunk as Buffer).length;
    if (size > MAX_STATEMENT_BYTES) throw new BadUserInputError(m.fileTooLarge(MAX_STATEMENT_BYTES), 'file');
    chunks.push(chunk as Buffer);
  }
  return importStatement(ctx, Buffer.concat(chunks), file.filename.slice(0, 200) || 'statement.csv');
}

export function importStatementText(ctx: RequestContext, input: ImportBankStatementInput): Promise<StatementImport> {
  return importStatement(ctx, Buffer.from(input.csv, 'utf8'), input.fileName.trim().slice(0, 200) || 'statement.csv', 'input.csv');
}

/**
 * 导入银行对账单. Idempotent twice over: a file already imported (same SHA-256) changes
 * nothing, and a bank transaction id already known (from another file) is skipped, so
 * it stays one transaction. A file with any bad line is refused whole, with every bad
 * line named, and nothing is written.
 */
export async function importStatement(ctx: RequestContext, bytes: Buffer, fileName: string, field = 'file'): Promise<StatementImport> {
  const viewer = requireRole(ctx, Role.FINANCE);
  if (bytes.length > MAX_STATEMENT_BYTES) throw new BadUserInputError(m.fileTooLarge(MAX_STATEMENT_BYTES), field);
  const fileHash = statementHash(bytes);
  const before = await ctx.db.scoped(BankStatement).query('s').andWhere('s.tenantId = :tenantId AND s.fileHash = :fileHash', { tenantId: viewer.tenantId, fileHash }).getOne();
  if (before) return { statement: before, alreadyImported: true };

  const { lines, bad } = parseStatement(decodeStatement(bytes));
  const closed = await closedDaysAmong(ctx.db, viewer.tenantId, [...new Set(lines.map((line) => line.valueDate))]);
  for (const line of lines) if (closed.has(line.valueDate)) bad.push({ line: line.line, problem: m.lineOnClosedDay(line.valueDate) });
  if (bad.length > 0) {
    const [first, ...more] = bad.sort((a, b) => a.line - b.line).map(({ line, problem }) => ({ field, message: m.badLine(line, problem) }));
    throw new BadUserInputError(first.message, field, more);
  }

  try {
    const id = await ctx.db.transaction((db) => storeStatement(db, viewer.tenantId, viewer.userId, ctx.now(), fileHash, fileName, lines));
    return { statement: await getVisible(ctx, BankStatement, id, m.statement), alreadyImported: false };
  } catch (error) {
    // The same file sent twice at once: the unique (tenant, hash) index lets one import it.
    if (isDuplicateKey(error)) throw new ConflictError(m.statementJustImported);
    throw error;
  }
}

/**
 * Writes a checked statement: the file row, its new transactions (a bank transaction id
 * already known is skipped), and the notice each one's reference names. The caller's
 * transaction makes it all or nothing.
 */
export async function storeStatement(db: Db, tenantId: number, importedById: number, importedAt: Date, fileHash: string, fileName: string, lines: StatementLine[]): Promise<number> {
  const statement = await db.scoped(BankStatement).save(
    db.scoped(BankStatement).create({ tenantId, fileHash, fileName, lineCount: lines.length, newTransactionCount: 0, knownTransactionCount: 0, importedById, importedAt }),
  );
  await db.scoped(BankTransaction).insertNew(
    lines.map((line) => ({
      tenantId,
      statementId: statement.id,
      bankTransactionId: line.bankTransactionId,
      valueDate: line.valueDate,
      occurredAt: line.occurredAt,
      amountFen: line.amountFen,
      payerName: line.payerName,
      payerAccountLast4: line.payerAccountLast4,
      reference: line.reference,
      bankAccount: line.bankAccount,
      noticeId: null,
    })),
  );
  // The notice each new payment's reference names, in one statement (this tenant's rows only).
  await db.unscoped.query(
    'UPDATE bank_transaction SET notice_id = (SELECT n.id FROM payment_notice n WHERE n.tenant_id = bank_transaction.tenant_id AND n.reference = bank_transaction.reference) WHERE tenant_id = ? AND statement_id = ?',
    [tenantId, statement.id],
  );
  const inserted = await db.scoped(BankTransaction).query('t').andWhere('t.statementId = :id', { id: statement.id }).getCount();
  await db.scoped(BankStatement).update(statement, { newTransactionCount: inserted, knownTransactionCount: lines.length - inserted });
  return statement.id;
}

/** SHA-256 of a file's bytes: the same file twice is one import. */
export const statementHash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function listStatements(ctx: RequestContext, args: ListArgs<StatementOrderField>): Promise<ConnectionResult<BankStatement>> {
  return paginate(visible(ctx, BankStatement, 's'), { list: 'bankStatements', alias: 's', sorting: statementSorting }, args);
}

export function listTransactions(ctx: RequestContext, args: ListArgs<TransactionOrderField>, filter: TransactionFilter = {}): Promise<ConnectionResult<BankTransaction>> {
  const query = visible(ctx, BankTransaction, 't');
  if (filter.day) query.andWhere('t.valueDate = :day', { day: filter.day });
  if (filter.statementId) query.andWhere('t.statementId = :statementId', { statementId: decodeGlobalIdOf('BankStatement', filter.statementId, 'filter.statementId') });
  if (filter.unmatched) query.andWhere('t.noticeId IS NULL');
  return paginate(query, { list: 'bankTransactions', alias: 't', sorting: transactionSorting }, args);
}
