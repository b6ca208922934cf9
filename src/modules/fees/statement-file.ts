import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { CsvError, parse } from 'csv-parse/sync';
import { Message } from '../../graphql/language';
import { yuanToFen } from './money';
import { feeMessages as m } from './messages';

/** One credit line of a bank statement file, as parsed. */
export interface StatementLine {
  /** 1-based line number in the file. */
  line: number;
  bankTransactionId: string;
  /** 记账日期, yyyy-mm-dd. */
  valueDate: string;
  occurredAt: Date;
  amountFen: number;
  payerName: string;
  /** The payer's account is never kept whole: its last 4 digits only. */
  payerAccountLast4: string;
  reference: string;
  bankAccount: string;
}

export interface BadLine {
  line: number;
  problem: Message;
}

export interface ParsedStatement {
  lines: StatementLine[];
  bad: BadLine[];
}

/**
 * Column names as Chinese banks' exports spell them (明细 CSV of 锦州银行, 建行, 工行 …),
 * each field with its alternatives; the header row is the first row naming a
 * transaction id, and the rows above it (account, period, bank name) are skipped.
 */
const COLUMNS = {
  bankTransactionId: ['交易流水号', '流水号', '交易序号', '银行流水号'],
  valueDate: ['交易日期', '记账日期', '入账日期'],
  time: ['交易时间', '记账时间'],
  amount: ['贷方发生额', '贷方金额', '收入金额', '交易金额'],
  payerName: ['对方户名', '付款人名称', '对方账户名称', '付款人户名'],
  payerAccount: ['对方账号', '付款人账号', '对方账户'],
  reference: ['附言', '用途', '摘要', '备注'],
  bankAccount: ['本方账号', '收款账号', '账号'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['bankTransactionId', 'valueDate', 'amount', 'payerName', 'reference'];

/** Footer rows (合计 / 总计 / 共 N 笔) end the data. */
const FOOTER = /^(合计|总计|共\s*\d+\s*笔)/;
/** "账号：1234…" in a header row names the statement's own account. */
const HEADER_ACCOUNT = /(?:账号|帐号)\s*[:：]\s*([0-9][0-9 -]{5,39})/;

/**
 * The file's text: UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else
 * GB18030, the superset of the GBK that banks' exports use.
 */
export function decodeStatement(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

function normalisedDate(text: string): string | null {
  const match = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d] = match;
  const date = `${y}-${mo}-${d}`;
  const check = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date ? null : date;
}

function normalisedTime(text: string): string | null {
  const match = /(?:^|\s)(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim()) ?? /^(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [h, mi, s = '00'] = match.slice(1);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return `${h.padStart(2, '0')}:${mi}:${s}`;
}

/**
 * Parses a statement file's text with csv-parse. Every bad line is collected (never
 * the first one only), so FINANCE gets them all in one answer; the caller imports
 * nothing unless `bad` is empty.
 */
export function parseStatement(text: string): ParsedStatement {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as never;
  } catch (error) {
    if (error instanceof CsvError) return { lines: [], bad: [{ line: (error as CsvError & { lines?: number }).lines ?? 1, problem: m.csvSyntax }] };
    throw error;
  }
  let headerAccount = '';
  let columns: Partial<Record<Column, number>> | null = null;
  let headerLine = 0;
  const lines: StatementLine[] = [];
  const bad: BadLine[] = [];
  const seen = new Set<string>();
  for (const { record, info } of records) {
    const line = info.lines;
    if (!columns) {
      const account = HEADER_ACCOUNT.exec(record.join(','));
      if (account) headerAccount = account[1].replace(/[ -]/g, '');
      const found = Object.fromEntries(
        (Object.keys(COLUMNS) as Column[]).map((column) => [column, record.findIndex((cell) => (COLUMNS[column] as readonly string[]).includes(cell))]).filter(([, index]) => index !== -1),
      ) as Partial<Record<Column, number>>;
      if (found.bankTransactionId !== undefined) {
        const missing = REQUIRED.filter((column) => found[column] === undefined);
        if (missing.length > 0) return { lines: [], bad: [{ line, problem: m.missingColumns(missing.map((c) => COLUMNS[c][0]).join('、')) }] };
        columns = found;
        headerLine = line;
      }
      continue;
    }
    if (FOOTER.test(record[0] ?? '')) break;
    const cell = (column: Column) => (columns![column] === undefined ? '' : (record[columns![column]!] ?? '').trim());
    const problems: Message[] = [];
    const id = cell('bankTransactionId');
    if (!/^[\w-]{1,64}$/.test(id)) problems.push(m.badTransactionId);
    else if (seen.has(id)) problems.push(m.repeatedTransactionId(id));
    const date = normalisedDate(cell('valueDate'));
    if (!date) problems.push(m.badDate);
    const timeText = cell('time');
    const time = timeText === '' ? '00:00:00' : normalisedTime(timeText);
    if (!time) problems.push(m.badTime);
    const amountFen = yuanToFen(cell('amount'));
    if (amountFen === null) problems.push(m.badAmount(cell('amount')));
    else if (amountFen <= 0) problems.push(m.notACredit);
    const payerName = cell('payerName');
    if (payerName.length === 0 || payerName.length > 200) problems.push(m.badPayerName);
    const reference = cell('reference');
    if (reference.length > 64) problems.push(m.badReference);
    const bankAccount = (cell('bankAccount') || headerAccount).replace(/[ -]/g, '');
    if (!/^\d{6,40}$/.test(bankAccount)) problems.push(m.noBankAccount);
    const payerDigits = cell('payerAccount').replace(/\D/g, '');
    if (problems.length > 0) {
      bad.push(...problems.map((problem) => ({ line, problem })));
      continue;
    }
    seen.add(id);
    lines.push({
      line,
      bankTransactionId: id,
      valueDate: date!,
      occurredAt: new Date(`${date}T${time}+08:00`),
      amountFen: amountFen!,
      payerName,
      payerAccountLast4: payerDigits.slice(-4),
      reference,
      bankAccount,
    });
  }
  if (!columns) return { lines: [], bad: [{ line: 1, problem: m.noHeaderRow }] };
  if (lines.length === 0 && bad.length === 0) return { lines, bad: [{ line: headerLine, problem: m.noLines }] };
  return { lines, bad };
}
