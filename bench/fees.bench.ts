/**
 * npm run bench:fees — fees and reconciliation (收费对账) at volume, through HTTP:
 *   a) FINANCE uploads one GBK bank statement of 100,000 lines (GraphQL multipart request),
 *      then the same file again (idempotent: nothing changes);
 *   b) reconcile(tenantCode, day) of a day with 20,000 notices, and the same again.
 * The notices are bulk-inserted first (20,000 on the reconciled day, nine in ten with
 * their receipt); the statement's 100,000 lines spread over five days, the reconciled
 * day's paying its notices (every 500th short, every 700th twice, every 900th unknown). SQLite always; MySQL / MariaDB too with
 * BENCH_MYSQL_URL.
 */
import 'reflect-metadata';
import http from 'node:http';
import os from 'node:os';
import { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { parseDatabaseUrl } from '../src/config';
import { createLogger } from '../src/logger';
import { createDataSource } from '../src/db/data-source';
import { createApp } from '../src/app';
import { seedDemoData } from '../seeds/seed';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { Application } from '../src/modules/applications/entities';
import { NoticeStatus, PayeeAccount, PaymentNotice, Receipt, ReceiptBook, ReceiptStatus } from '../src/modules/fees/entities';
import { fenToYuan } from '../src/modules/fees/money';
import { deferCleanup, fmt, Fresh, freshMysql, freshSqlite, mysqlUrl, print, printTable, runBench, seconds, productionConfig } from './harness';

const TENANT_CODE = '210381';
const PASSWORD = 'bench-2026';
const LINES = 100_000;
const NOTICES = 20_000;
const DAYS = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16'];
const RECONCILED_DAY = DAYS[0];
const FEE = 8000;

/** The fields the bench reads from its answers. */
interface Answer {
  login?: { token: string };
  uploadBankStatement?: { alreadyImported: boolean; statement: { newTransactionCount: number } };
  reconcile?: { version: number; counts: { kind: string; count: number }[] };
}

interface Result {
  label: string;
  rows: string[][];
}

/** The bank's export: header rows, columns, yuan with thousands separators; GBK as banks send it. */
function statementFile(references: string[]): Buffer {
  const rows = ['中国建设银行海城支行账户交易明细', '账号：2105016210381000199,户名：海城市财政局非税收入专户', '交易日期,交易时间,交易流水号,贷方发生额,对方户名,对方账号,附言'];
  for (let i = 0; i < LINES; i += 1) {
    const day = DAYS[Math.floor(i / (LINES / DAYS.length))];
    const onReconciledDay = day === RECONCILED_DAY;
    // The reconciled day pays its notices: every 500th short, every 700th twice (the next line), every 900th unknown.
    const n = i % NOTICES;
    const reference = onReconciledDay && i % 900 !== 0 ? references[i % 700 === 1 ? n - 1 : n] : `REF${i}`;
    const fen = !onReconciledDay ? 123_456 : i % 500 === 0 ? FEE - 100 : FEE;
    const yuan = fenToYuan(fen).replace(/\B(?=(\d{3})+\.)/g, ',');
    rows.push(`${day},${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,B${String(i).padStart(9, '0')},"${yuan}",付款人${i % 1000},62170000${String(i).padStart(8, '0')},${reference}`);
  }
  rows.push(`合计,,,${LINES} 笔,,,`);
  return iconv.encode(rows.join('\r\n'), 'gbk');
}

async function benchDatabase(fresh: Fresh): Promise<Result> {
  print(`== ${fresh.label}: ${fresh.describe}`);
  deferCleanup(() => fresh.release());
  const logger = createLogger('silent');
  const dataSource = createDataSource(fresh.database, logger);
  await dataSource.initialize();
  deferCleanup(() => dataSource.destroy());
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemoData(dataSource, { password: PASSWORD });

  const tenant = await dataSource.manager.findOneByOrFail(Tenant, { code: TENANT_CODE });
  const clerk = await dataSource.manager.findOneByOrFail(User, { username: `window_staff.${TENANT_CODE}` });
  const kase = await dataSource.manager.findOneOrFail(Application, { where: { tenantId: tenant.id }, order: { id: 'ASC' } });
  const account = await dataSource.manager.findOneByOrFail(PayeeAccount, { tenantId: tenant.id, departmentId: kase.departmentId });
  const compact = RECONCILED_DAY.replace(/-/g, '');
  const references: string[] = [];
  const started = Date.now();
  for (let i = 0; i < NOTICES; i += 500) {
    const rows = [];
    for (let j = i; j < Math.min(NOTICES, i + 500); j += 1) {
      const seq = String(j + 1).padStart(5, '0');
      references.push(`${TENANT_CODE}${compact}${seq}`);
      rows.push({
        tenantId: tenant.id, number: `${TENANT_CODE}-JF-${compact}-${seq}`, reference: `${TENANT_CODE}${compact}${seq}`, applicationId: kase.id, matterId: kase.matterId, departmentId: kase.departmentId,
        payeeAccountNumber: account.accountNumber, payeeAccountName: account.accountName, totalFen: FEE, status: NoticeStatus.ISSUED, offStandard: j % 1000 === 0, offStandardReason: j % 1000 === 0 ? 'bench' : null,
        cancelReason: null, supersedesId: null, supersededById: null, issuedById: clerk.id, issuedAt: new Date(`${RECONCILED_DAY}T09:00:00+08:00`), issuedOn: RECONCILED_DAY, version: 1,
      });
    }
    await dataSource.manager.insert(PaymentNotice, rows);
  }
  // Nine notices in ten have their receipt (one book of the department, numbered in order).
  const notices = await dataSource.manager.find(PaymentNotice, { where: { tenantId: tenant.id, issuedOn: RECONCILED_DAY }, order: { id: 'ASC' } });
  const book = await dataSource.manager.save(
    dataSource.manager.create(ReceiptBook, { tenantId: tenant.id, departmentId: kase.departmentId, series: 'BENCH', firstSerial: 1, lastSerial: NOTICES, nextSerial: 1, registeredById: clerk.id }),
  );
  const receipted = notices.filter((_, i) => i % 10 !== 0);
  for (let i = 0; i < receipted.length; i += 500) {
    await dataSource.manager.insert(
      Receipt,
      receipted.slice(i, i + 500).map((notice, j) => ({
        tenantId: tenant.id, bookId: book.id, serial: i + j + 1, number: `BENCH-${String(i + j + 1).padStart(8, '0')}`, noticeId: notice.id, departmentId: notice.departmentId, amountFen: notice.totalFen,
        status: ReceiptStatus.ISSUED, voidReason: null, issuedById: clerk.id, issuedAt: notice.issuedAt, issuedOn: RECONCILED_DAY, version: 1,
      })),
    );
  }
  await dataSource.manager.update(ReceiptBook, { id: book.id }, { nextSerial: receipted.length + 1 });
  print(`seeding: demo data, then ${fmt(NOTICES)} notices on ${RECONCILED_DAY} and ${fmt(receipted.length)} receipts bulk-inserted in ${seconds(Date.now() - started)}`);
  const file = statementFile(references);
  print(`statement file: ${fmt(LINES)} lines over ${DAYS.length} days, ${(file.length / 2 ** 20).toFixed(1)} MiB, GBK`);

  const config = productionConfig(fresh.database);
  const { app, stop } = await createApp({ config, dataSource, logger, exposeSqlCount: true });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  deferCleanup(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stop();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (body: string | FormData, token?: string) => {
    const t0 = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...(typeof body === 'string' ? { 'content-type': 'application/json' } : { 'apollo-require-preflight': 'true' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const json = (await response.json()) as { data?: Answer; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 500));
    return { data: json.data!, ms: performance.now() - t0, statements: response.headers.get('x-sql-statements') ?? '?' };
  };
  const gql = (query: string, variables: Record<string, unknown>, token?: string) => post(JSON.stringify({ query, variables }), token);
  const token = (await gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: `finance.${TENANT_CODE}`, password: PASSWORD } })).data.login!.token;

  const upload = () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'mutation($file: Upload!) { uploadBankStatement(file: $file) { alreadyImported statement { newTransactionCount knownTransactionCount } } }', variables: { file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([file]), 'ccb-bench.csv');
    return post(form, token);
  };
  const reconcile = (version: number | null) =>
    gql(`mutation($input: FinanceDayInput!) { reconcile(input: $input) { version counts { kind count } } }`, { input: { tenantCode: TENANT_CODE, day: RECONCILED_DAY, version } }, token);

  const rows: string[][] = [];
  const first = await upload();
  const imported = first.data.uploadBankStatement!;
  rows.push(['a) upload 100,000-line statement', `${(first.ms / 1000).toFixed(1)} s`, first.statements, `${fmt(imported.statement.newTransactionCount)} new`]);
  const again = await upload();
  rows.push(['a) the same file again', `${(again.ms / 1000).toFixed(2)} s`, again.statements, again.data.uploadBankStatement!.alreadyImported ? 'already imported' : 'IMPORTED AGAIN']);
  const one = await reconcile(null);
  const counts = one.data.reconcile!.counts.map((c) => `${c.kind} ${fmt(c.count)}`).join(', ');
  rows.push(['b) reconcile a day of 20,000 notices', `${(one.ms / 1000).toFixed(2)} s`, one.statements, counts]);
  const two = await reconcile(one.data.reconcile!.version);
  rows.push(['b) reconcile it again', `${(two.ms / 1000).toFixed(2)} s`, two.statements, JSON.stringify(two.data.reconcile!.counts) === JSON.stringify(one.data.reconcile!.counts) ? 'same result' : 'DIFFERENT RESULT']);
  printTable(['scenario', 'time', 'SQL statements', 'result'], rows, [false, true, true, false]);
  print();
  return { label: fresh.label, rows };
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  print(`npm run bench:fees: node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}`);
  await benchDatabase(freshSqlite());
  const url = mysqlUrl();
  if (url) {
    const base = parseDatabaseUrl(url);
    if (base.type !== 'mysql') throw new Error('BENCH_MYSQL_URL must be a mysql:// or mariadb:// URL');
    await benchDatabase(await freshMysql(base));
  } else {
    print('(set BENCH_MYSQL_URL=mysql://… or mariadb://… to run on MySQL / MariaDB as well)');
  }
}

runBench(main);
