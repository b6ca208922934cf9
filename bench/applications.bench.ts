/**
 * `npm run bench`: the read paths of 办件 at the size of a busy city centre.
 *
 * For each database (a temporary SQLite file, and MySQL / MariaDB when BENCH_MYSQL_URL, or
 * a DATABASE_URL with a mysql: / mariadb: scheme, is set) it:
 *   1. creates a fresh database (MySQL: `<db>_<random>` beside the one in the URL, dropped
 *      at the end, also on failure), runs the migrations and writes the demo data;
 *   2. bulk-inserts 100,000 applications (BENCH_ROWS) into 鞍山市 210300, spread over the
 *      working days of the last 365 days, with deadlines from the tenant's WorkingCalendar,
 *      and rebuilds the 数据统计 rollups from them (timed);
 *   3. serves the app on an ephemeral port of 127.0.0.1, signs in as centre_admin.210300
 *      and times the list, supervision and statistics queries over HTTP (3 warm-up runs,
 *      then 20 measured runs each): median and p90;
 *   4. times a cheap query alone and during a sign-in storm (sign-ins per second, p99);
 *   5. prints the plan of the filtered list query, from the SQL the server ran for it
 *      (BENCH_PLANS=all: of every measured query), and on SQLite also once ANALYZE has run.
 *
 *   6. the appraisal case (bench/appraisal.ts): 200 window staff, a yearly period opened
 *      and recomputed over HTTP, with the statements it ran.
 *
 * Speed targets live here, never in timed tests. Everything is bounded: fixed loop
 * counts, a timeout per request and a watchdog for the whole run. BENCH_ROWS (1000 to
 * 1000000) changes the number of applications.
 */
import 'reflect-metadata';
import http from 'node:http';
import os from 'node:os';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { Config, parseDatabaseUrl } from '../src/config';
import { createLogger, Logger } from '../src/logger';
import { dataSourceOptions } from '../src/db/data-source';
import { SqlLogger } from '../src/db/sql-counter';
import { createApp } from '../src/app';
import { buildUnauditedSchema } from '../src/graphql/schema';
import { encodeGlobalId } from '../src/graphql/global-id';
import { seedDemoData } from '../seeds/seed';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import { OPEN_STATUSES } from '../src/modules/applications/lifecycle';
import { deferCleanup, fmt, freshMysql, freshSqlite, Fresh, median, ms, mysqlUrl, percentile, print, printTable, runBench, seconds, productionConfig } from './harness';
import { rebuildRollups } from '../src/modules/applications/rollups';
import { bulkInsert, DAYS_BACK, generateApplications, writeCounters } from './cases';
import { benchAppraisal } from './appraisal';

const TENANT_CODE = '210300';
const USERNAME = `centre_admin.${TENANT_CODE}`;
const PASSWORD = 'demo-2026';
const WARMUP_RUNS = 3;
const MEASURED_RUNS = 20;
const REQUEST_TIMEOUT_MS = 60_000;
const STORM_MS = 10_000;
const STORM_CLIENTS = 8;
const QUIET_RUNS = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const S = ApplicationStatus;

function rowsWanted(): number {
  const raw = process.env.BENCH_ROWS ?? '100000';
  const rows = Number(raw);
  if (!/^\d+$/.test(raw) || rows < 1000 || rows > 1_000_000) throw new Error(`BENCH_ROWS: expected an integer 1000-1000000, got "${raw}"`);
  return rows;
}

// ---- the SQL the server runs: TypeORM's logger sees every statement with its parameters

interface Statement {
  query: string;
  parameters: unknown[];
}

/** The app's SqlLogger, which also records the statements run while `capturing` is set. */
class CapturingSqlLogger extends SqlLogger {
  capturing: Statement[] | null = null;

  override logQuery(query?: string, parameters?: unknown[]): void {
    super.logQuery();
    if (this.capturing && query !== undefined) this.capturing.push({ query, parameters: parameters ?? [] });
  }
}

// ---- HTTP

interface GraphQLBody {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as GraphQLBody;
  if (response.status !== 200 || body.errors || !body.data) {
    throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

interface BenchQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** What came back, for the table (also checks the answer is not empty by accident). */
  result(data: Record<string, unknown>): string;
}

interface Timing {
  name: string;
  median: number;
  p90: number;
  result: string;
}

/** Nearest-rank percentile. */
async function time(url: string, token: string, q: BenchQuery): Promise<Timing> {
  let data: Record<string, unknown> = {};
  for (let i = 0; i < WARMUP_RUNS; i += 1) data = await gql(url, q.query, q.variables, token);
  const samples: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) {
    const started = performance.now();
    data = await gql(url, q.query, q.variables, token);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { name: q.name, median: median(samples), p90: percentile(samples, 90), result: q.result(data) };
}

const LIST_FIELDS = 'edges { node { number status dueAt light matter { name } } }';

function edgesOf(data: Record<string, unknown>): number {
  return (data.applications as { edges: unknown[] }).edges.length;
}

// ---- sign-in storm

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
const CHEAP = '{ viewer { username } }';

interface Storm {
  signInsPerSecond: number;
  quiet: { p50: number; p99: number; runs: number };
  loud: { p50: number; p99: number; runs: number };
}

async function cheapQuery(url: string, token: string, samples: number[]): Promise<void> {
  const started = performance.now();
  await gql(url, CHEAP, {}, token);
  samples.push(performance.now() - started);
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: median(sorted), p99: percentile(sorted, 99), runs: sorted.length };
};

/**
 * A cheap query (the viewer), one at a time: QUIET_RUNS alone, then for STORM_MS while
 * STORM_CLIENTS clients sign in back to back as different demo accounts.
 */
async function signInStorm(url: string, token: string, usernames: string[]): Promise<Storm> {
  const quiet: number[] = [];
  for (let i = 0; i < QUIET_RUNS; i += 1) await cheapQuery(url, token, quiet);
  let stop = false;
  let signIns = 0;
  const clients = Array.from({ length: STORM_CLIENTS }, async (_, client) => {
    for (let k = client; !stop; k += STORM_CLIENTS) {
      await gql(url, LOGIN, { input: { username: usernames[k % usernames.length], password: PASSWORD } });
      signIns += 1;
    }
  });
  const loud: number[] = [];
  const started = performance.now();
  while (performance.now() - started < STORM_MS) await cheapQuery(url, token, loud);
  stop = true;
  await Promise.all(clients);
  return { signInsPerSecond: signIns / ((performance.now() - started) / 1000), quiet: summary(quiet), loud: summary(loud) };
}

// ---- plans

type PlanRow = Record<string, unknown>;

/** The plan of one statement the server ran: EXPLAIN QUERY PLAN on SQLite, EXPLAIN on MySQL. */
async function explain(dataSource: DataSource, statement: Statement): Promise<string[]> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  const rows = (await dataSource.query(`${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${statement.query}`, statement.parameters)) as PlanRow[];
  const indexNames = new Map(dataSource.getMetadata(Application).indices.map((i) => [i.name, `(${i.columns.map((c) => c.databaseName).join(', ')})`]));
  const readable = (text: string) => text.replace(/IDX_[0-9a-f]{26}/g, (name) => (indexNames.has(name) ? `${name}${indexNames.get(name)}` : name));
  if (sqlite) {
    const depth = new Map<number, number>();
    return rows.map((row) => {
      const d = Number(row.parent) === 0 ? 0 : (depth.get(Number(row.parent)) ?? 0) + 1;
      depth.set(Number(row.id), d);
      return `${'   '.repeat(d)}${d === 0 ? '' : '└─ '}${readable(String(row.detail))}`;
    });
  }
  const columnsOnly = (text: string) => text.split(',').map((name) => indexNames.get(name) ?? name).join(' ');
  const value = (row: PlanRow, key: string) => (row[key] === null || row[key] === undefined ? 'NULL' : String(row[key]));
  return rows.flatMap((row) => [
    Object.keys(row)
      .filter((k) => k !== 'possible_keys' && k !== 'Extra')
      .map((k) => `${k}=${k === 'key' ? readable(value(row, k)) : value(row, k)}`)
      .join('  '),
    `   Extra: ${value(row, 'Extra')}`,
    `   possible_keys: ${columnsOnly(value(row, 'possible_keys'))}`,
  ]);
}

/** The statement of a captured request that reads `application` rows (the page, not the count). */
function pageStatement(statements: Statement[]): Statement {
  const found = statements.find((s) => /^\s*SELECT/i.test(s.query) && /FROM [`"]application[`"]/.test(s.query) && /\bLIMIT\b/i.test(s.query));
  if (!found) throw new Error(`no page query among the ${statements.length} statements captured`);
  return found;
}

function compactSql(query: string): string {
  const columns = /^SELECT (.*?) FROM /s.exec(query)?.[1].split(', ').length ?? 0;
  return query.replace(/^SELECT .*? FROM /s, `SELECT <${columns} columns of a> FROM `);
}

// ---- one database

interface DatabaseResult {
  label: string;
  timings: Timing[];
}

async function benchDatabase(fresh: Fresh, total: number): Promise<DatabaseResult> {
  const releaseDatabase = deferCleanup(fresh.release);
  const logger: Logger = createLogger('silent');
  const sqlLogger = new CapturingSqlLogger(logger);
  const dataSource = new DataSource({ ...dataSourceOptions(fresh.database, logger), logger: sqlLogger });
  await dataSource.initialize();
  const closeDataSource = deferCleanup(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
  const sqlite = dataSource.options.type === 'better-sqlite3';
  const version = String(((await dataSource.query(sqlite ? 'SELECT sqlite_version() AS v' : 'SELECT VERSION() AS v')) as { v: string }[])[0].v);
  print(`== ${fresh.label} ${version}: ${fresh.describe}`);

  let started = performance.now();
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemoData(dataSource, { password: PASSWORD });
  const demoMs = performance.now() - started;

  const tenant = await dataSource.manager.findOneByOrFail(Tenant, { code: TENANT_CODE });
  const now = new Date();
  started = performance.now();
  const generated = await generateApplications(dataSource, tenant, total, now);
  const generateMs = performance.now() - started;
  started = performance.now();
  const inserted = await bulkInsert(dataSource, generated.rows);
  await writeCounters(dataSource, tenant.id, generated.counters);
  const insertMs = performance.now() - started;
  // The bulk rows bypass the transitions: count them into the 数据统计 rollups, as the seeds do.
  started = performance.now();
  const rebuilt = await rebuildRollups(dataSource);
  const rebuildMs = performance.now() - started;
  if (!sqlite) {
    // InnoDB recalculates statistics by itself after a change this large, in the background;
    // done here so the plans do not depend on when that happens. SQLite has none until
    // ANALYZE runs, which the app never does: its timings are without.
    await dataSource.query('ANALYZE TABLE `application`, `application_stats_rollup`');
  }

  const counts = (await dataSource
    .createQueryBuilder(Application, 'a')
    .select('a.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .where('a.tenantId = :tenantId', { tenantId: tenant.id })
    .groupBy('a.status')
    .getRawMany()) as { status: string; n: string | number }[];
  const byStatus = new Map(counts.map((c) => [c.status, Number(c.n)]));
  const inTenant = [...byStatus.values()].reduce((a, b) => a + b, 0);
  const allRows = await dataSource.manager.count(Application);
  const overdue = await dataSource
    .createQueryBuilder(Application, 'a')
    .where('a.tenantId = :tenantId AND a.status IN (:...open) AND a.dueAt < :now', { tenantId: tenant.id, open: OPEN_STATUSES, now })
    .getCount();
  const sum = (statuses: ApplicationStatus[]) => statuses.reduce((acc, s) => acc + (byStatus.get(s) ?? 0), 0);
  const inProgress = sum([S.SUBMITTED, S.AWAITING_SUPPLEMENT, S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED, S.REPORTED_UP, S.APPROVED, S.DENIED, S.RESULT_READY]);
  const clockRunning = sum([S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED]);

  print(`seeding: migrations + demo data ${seconds(demoMs)}; ${fmt(generated.rows.length)} applications generated in ${seconds(generateMs)} and inserted in ${seconds(insertMs)}`);
  print(`         (${fmt(Math.round(generated.rows.length / (insertMs / 1000)))} rows/s; ${inserted.statements} multi-row INSERTs of up to ${fmt(inserted.rowsPerStatement)} rows in ${inserted.transactions} transactions)`);
  print(`rollups: npm run rebuild-rollups recounted ${fmt(rebuilt.rows)} rows (tenant, day or month, department, window, matter) in ${seconds(rebuildMs)}`);
  print(`rows: ${fmt(inTenant)} applications in ${tenant.name} ${tenant.code} (${fmt(generated.rows.length)} bulk + ${fmt(inTenant - generated.rows.length)} demo) over ${generated.days} working days; ${fmt(allRows)} in the database`);
  print(`      ${[...byStatus].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${fmt(n)}`).join(', ')}`);
  print(`      in progress: ${fmt(inProgress)}, of which ${fmt(clockRunning)} ACCEPTED / UNDER_REVIEW / SUSPENDED; open past the deadline: ${fmt(overdue)}`);
  print('      no timeline events for the bulk rows: none of the measured queries reads application_event');
  print(`statistics: ${sqlite ? 'none (SQLite has none until ANALYZE, which the app never runs)' : 'ANALYZE TABLE application, application_stats_rollup after seeding (InnoDB would do it by itself shortly)'}`);

  const department = (await dataSource
    .createQueryBuilder(Application, 'a')
    .select('a.departmentId', 'departmentId')
    .addSelect('COUNT(*)', 'n')
    .where('a.tenantId = :tenantId AND a.status = :status', { tenantId: tenant.id, status: S.UNDER_REVIEW })
    .groupBy('a.departmentId')
    .orderBy('n', 'DESC')
    .limit(1)
    .getRawOne()) as { departmentId: number; n: string | number };
  const departmentName = (await dataSource.manager.findOneByOrFail(Department, { id: Number(department.departmentId) })).name;
  const departmentCases = await dataSource.manager.countBy(Application, { tenantId: tenant.id, departmentId: Number(department.departmentId) });

  // The app, as in production (no stack traces, introspection off), on 127.0.0.1 only.
  const config = productionConfig(fresh.database);
  const { app, stop } = await createApp({ config, dataSource, logger });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const closeServer = deferCleanup(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stop();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const login = await gql(url, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: USERNAME, password: PASSWORD } });
  const token = (login.login as { token: string }).token;

  const to = now;
  const from = new Date(now.getTime() - DAYS_BACK * DAY);
  const stats = (groupBy: string): BenchQuery => ({
    name: `d) applicationStats(365 days, groupBy: ${groupBy})`,
    query: `query($from: DateTimeISO!, $to: DateTimeISO!) { applicationStats(tenantCode: "${TENANT_CODE}", from: $from, to: $to, groupBy: ${groupBy}) { groupId groupName received accepted notAccepted approved denied delivered decided decidedOnTime onTimeRate averageWorkingDays } }`,
    variables: { from: from.toISOString(), to: to.toISOString() },
    result: (data) => {
      const rows = data.applicationStats as { received: number }[];
      return `${rows.length} groups, ${fmt(rows.reduce((acc, r) => acc + r.received, 0))} received`;
    },
  });
  const listByDepartment: BenchQuery = {
    name: 'a) applications(first: 50, UNDER_REVIEW + department)',
    query: `query($department: ID!) { applications(first: 50, filter: { status: UNDER_REVIEW, departmentId: $department }) { ${LIST_FIELDS} } }`,
    variables: { department: encodeGlobalId('Department', Number(department.departmentId)) },
    result: (data) => `${edgesOf(data)} cases`,
  };
  const queries: BenchQuery[] = [
    listByDepartment,
    {
      name: 'b) applications(first: 50, light: RED)',
      query: `{ applications(first: 50, filter: { light: RED }) { ${LIST_FIELDS} } }`,
      result: (data) => `${edgesOf(data)} cases`,
    },
    {
      name: 'c) supervisionAlerts(first: 20)',
      query: `{ supervisionAlerts(tenantCode: "${TENANT_CODE}", first: 20) { tenant { code } red yellow cases { number } } }`,
      result: (data) => {
        const groups = data.supervisionAlerts as { tenant: { code: string }; red: number; yellow: number; cases: unknown[] }[];
        const own = groups.find((g) => g.tenant.code === TENANT_CODE);
        return `${groups.length} tenants, ${TENANT_CODE}: ${fmt(own?.red ?? 0)} red / ${fmt(own?.yellow ?? 0)} yellow`;
      },
    },
    stats('DEPARTMENT'),
    stats('MATTER'),
  ];

  print(`list filter (a): ${departmentName}, ${fmt(Number(department.n))} UNDER_REVIEW of its ${fmt(departmentCases)} cases`);
  print();
  const timings: Timing[] = [];
  for (const q of queries) timings.push(await time(url, token, q));
  printTable(
    ['query', 'median ms', 'p90 ms', 'answer'],
    timings.map((t) => [t.name, ms(t.median), ms(t.p90), t.result]),
    [false, true, true, false],
  );
  print(`(${WARMUP_RUNS} warm-up + ${MEASURED_RUNS} measured runs each, one request at a time over HTTP with fetch; client and server share one process)`);
  print();
  await benchAppraisal({
    dataSource,
    tenant,
    gql: (query, variables) => gql(url, query, variables, token),
    capture: async (work) => {
      sqlLogger.capturing = [];
      try {
        await work();
        return sqlLogger.capturing.map((statement) => statement.query);
      } finally {
        sqlLogger.capturing = null;
      }
    },
  });
  const usernames = (await dataSource.getRepository(User).find({ select: { username: true }, order: { username: 'ASC' } }))
    .map((u) => u.username)
    .filter((name) => /^(centre_admin|window_staff|approver|finance|supervisor|auditor)\.\d{6}$/.test(name));
  const storm = await signInStorm(url, token, usernames);
  print(`sign-in storm: ${STORM_CLIENTS} clients signing in back to back for ${seconds(STORM_MS)} (${usernames.length} demo accounts): ${storm.signInsPerSecond.toFixed(1)} sign-ins/s`);
  printTable(
    ['cheap query { viewer { username } }', 'runs', 'p50 ms', 'p99 ms'],
    [
      ['alone', String(storm.quiet.runs), ms(storm.quiet.p50), ms(storm.quiet.p99)],
      ['during the storm', String(storm.loud.runs), ms(storm.loud.p50), ms(storm.loud.p99)],
    ],
    [false, true, true, true],
  );
  print(`p99 during the storm / alone: ${(storm.loud.p99 / storm.quiet.p99).toFixed(2)}× (target ≤ 2×)`);
  await auditCost(url, token, { config, dataSource, logger });

  const planned = process.env.BENCH_PLANS === 'all' ? queries : [listByDepartment];
  let listStatement: Statement | undefined;
  for (const q of planned) {
    sqlLogger.capturing = [];
    try {
      await gql(url, q.query, q.variables, token);
    } finally {
      const statements = sqlLogger.capturing;
      sqlLogger.capturing = null;
      if (process.env.BENCH_PLANS === 'all') {
        print();
        print(`statements of ${q.name}: ${statements.length}, each run again 10 times (median ms):`);
        for (const statement of statements) {
          const samples: number[] = [];
          for (let i = 0; i < 10; i += 1) {
            const started = performance.now();
            await dataSource.query(statement.query, statement.parameters);
            samples.push(performance.now() - started);
          }
          print(`  ${ms(median(samples.sort((a, b) => a - b))).padStart(6)}  ${compactSql(statement.query).slice(0, 140)}`);
        }
      }
      if (q === listByDepartment) listStatement = pageStatement(statements);
      const shown = listStatement && q === listByDepartment ? [listStatement] : statements.filter((s) => /FROM [`"]application[`"]/.test(s.query));
      for (const statement of shown) {
        print();
        print(`plan of ${q.name}, the statement the server ran:`);
        print(`  ${compactSql(statement.query)}`);
        print(`  -- parameters: ${JSON.stringify(statement.parameters)}`);
        for (const line of await explain(dataSource, statement)) print(`  ${line}`);
      }
    }
  }
  if (sqlite && listStatement) {
    // SQLite plans without statistics until ANALYZE (or PRAGMA optimize) runs, and the app
    // runs neither: the timings above are without. For comparison only, after the timings.
    await dataSource.query('ANALYZE');
    print();
    print('plan of a) once ANALYZE has run (the app never runs it; shown for comparison, not timed):');
    for (const line of await explain(dataSource, listStatement)) print(`  ${line}`);
  }
  print();

  await closeServer();
  await closeDataSource();
  await releaseDatabase();
  return { label: fresh.label, timings };
}

// ---- main

/**
 * What the audit log costs a mutation: the same mutation (a calendar override, set and
 * set again, so nothing grows) against the server and against a second one on the same
 * database serving the schema without the audit wrapper, in turns (A B A B …).
 */
async function auditCost(audited: string, token: string, deps: { config: Config; dataSource: DataSource; logger: Logger }): Promise<void> {
  const { app, stop } = await createApp({ ...deps, schema: buildUnauditedSchema() });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const plain = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const mutation = 'mutation($i: CalendarOverrideInput!) { setCalendarOverride(input: $i) { date } }';
  const samples: Record<string, number[]> = { [audited]: [], [plain]: [] };
  try {
    for (let run = 0; run < WARMUP_RUNS + MEASURED_RUNS; run += 1) {
      for (const url of [audited, plain]) {
        const started = performance.now();
        await gql(url, mutation, { i: { date: '2026-12-31', working: run % 2 === 0, reason: '跨年值守' } }, token);
        if (run >= WARMUP_RUNS) samples[url].push(performance.now() - started);
      }
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stop();
  }
  const [withAudit, without] = [samples[audited].sort((a, b) => a - b), samples[plain].sort((a, b) => a - b)];
  print(`mutation latency with and without the audit log (setCalendarOverride, ${MEASURED_RUNS} runs each, in turns):`);
  printTable(
    ['', 'median ms', 'p90 ms'],
    [
      ['with the audit entry (same transaction)', ms(median(withAudit)), ms(percentile(withAudit, 90))],
      ['without (bench-only schema)', ms(median(without)), ms(percentile(without, 90))],
    ],
    [false, true, true],
  );
  print();
}

async function main(): Promise<void> {
  const total = rowsWanted();
  const cpus = os.cpus();
  print(`npm run bench: ${fmt(total)} applications in ${TENANT_CODE}; node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  print();
  const results: DatabaseResult[] = [];
  results.push(await benchDatabase(freshSqlite(), total));
  const url = mysqlUrl();
  if (url) {
    const base = parseDatabaseUrl(url);
    if (base.type !== 'mysql') throw new Error('BENCH_MYSQL_URL must be a mysql:// or mariadb:// URL');
    results.push(await benchDatabase(await freshMysql(base), total));
  } else {
    print('(set BENCH_MYSQL_URL=mysql://… or mariadb://… to run on MySQL / MariaDB as well)');
  }
  if (results.length > 1) {
    print('summary (median / p90 ms):');
    printTable(
      ['query', ...results.map((r) => r.label)],
      results[0].timings.map((t, i) => [t.name, ...results.map((r) => `${ms(r.timings[i].median)} / ${ms(r.timings[i].p90)}`)]),
      [false, ...results.map(() => true)],
    );
  }
}

runBench(main);
