/**
 * `npm run bench:capacity`: how far one MySQL / MariaDB primary carries a province (issue 18,
 * README "The path to a distributed database").
 *
 * On a fresh database (MySQL / MariaDB only: BENCH_MYSQL_URL, or DATABASE_URL with a mysql: /
 * mariadb: scheme) with the demo data, it grows the case table in steps (BENCH_CAPACITY_STEPS,
 * default 100000,300000,1000000 cases in all), spread over every city, county and district
 * centre of the demo province (a city centre takes three shares, the others one), with
 * multi-row INSERTs; every fifth case also gets its payment notice (缴费通知书). After each
 * step (rollups rebuilt, ANALYZE TABLE) it serves the API on 127.0.0.1 and measures, over
 * HTTP, one request at a time (warm-up, then median and p90):
 *   a) the nested case list of 鞍山市 (its subtree): 100 cases × matter, department, window,
 *      staff and the last 5 events (the ceiling bench's query);
 *   b) supervisionAlerts(鞍山市, first: 20);
 *   c) applicationStats(鞍山市, 365 days, groupBy: DEPARTMENT);
 *   d) reconcile(海城市, the busiest day): notice ↔ bank transaction ↔ receipt;
 * then the sustained intake rate: BENCH_WRITE_CLIENTS (8) clients calling receiveApplication
 * back to back for BENCH_WRITE_SECONDS (10), first spread over the centres, then all in one
 * centre (whose daily counter row every intake locks), with p50 / p99 latency.
 *
 * Figures are only meaningful on a quiet machine: rerun it alone. Bounded: fixed steps and
 * durations, a timeout per request, and a 45-minute watchdog.
 */
import 'reflect-metadata';
import http from 'node:http';
import os from 'node:os';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { Config, parseDatabaseUrl } from '../src/config';
import { createLogger } from '../src/logger';
import { createDataSource } from '../src/db/data-source';
import { createApp } from '../src/app';
import { encodeGlobalId } from '../src/graphql/global-id';
import { seedDemoData } from '../seeds/seed';
import { Tenant, TenantLevel, User } from '../src/modules/tenancy/entities';
import { Window, WindowKind, WindowMatter } from '../src/modules/windows/entities';
import { Matter, MatterStatus } from '../src/modules/matters/entities';
import { Application } from '../src/modules/applications/entities';
import { FinanceDay, NoticeStatus, PayeeAccount, PaymentNotice } from '../src/modules/fees/entities';
import { rebuildRollups } from '../src/modules/applications/rollups';
import { QUERY as NESTED_LIST, PAGE } from './ceiling-server';
import { bulkInsert, DAY, DAYS_BACK, generateApplications, writeCounters } from './cases';
import { deferCleanup, fmt, freshMysql, median, ms, mysqlUrl, percentile, print, printTable, runBench, seconds, productionConfig } from './harness';

const PASSWORD = 'bench-2026';
const CITY = '210300';
const COUNTY = '210381';
const WARMUP_RUNS = 3;
const MEASURED_RUNS = 15;
const RECONCILE_RUNS = 5;
const REQUEST_TIMEOUT_MS = 120_000;
const NOTICE_EVERY = 5;
const NOTICE_FEN = 8000;
const NOTICES_PER_INSERT = 1000;

/**
 * Targets (issue 12 and this bench): statistics and supervision for a city < 20 ms median
 * (issue 12); the nested list of 100 cases < 100 ms median (what a hall screen or a clerk's
 * list tolerates per page); a day's reconciliation < 2 s; and an intake rate of at least
 * PROVINCE_PEAK_INTAKES_PER_SECOND × 2 (README: what a province produces).
 */
const TARGET_MS = { list: 100, supervision: 20, statistics: 20, reconcile: 2000 };

function steps(): number[] {
  const raw = process.env.BENCH_CAPACITY_STEPS ?? '100000,300000,1000000';
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1000 || v > 5_000_000) || values.some((v, i) => i > 0 && v <= values[i - 1])) {
    throw new Error(`BENCH_CAPACITY_STEPS: expected increasing integers 1000-5000000, got "${raw}"`);
  }
  return values;
}

function count(name: string, fallback: number, max: number): number {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) throw new Error(`${name}: expected an integer 1-${max}, got "${raw}"`);
  return value;
}

// ---- HTTP

/** The fields the bench reads from its answers. */
interface Answer {
  login: { token: string };
  applications: { edges: unknown[] };
  supervisionAlerts: { red: number; yellow: number }[];
  applicationStats: { received: number }[];
  reconcile: { version: number; counts: { kind: string; count: number }[] };
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as { data?: Answer; errors?: unknown[] };
  if (response.status !== 200 || body.errors || !body.data) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

interface Timing {
  median: number;
  p90: number;
  answer: string;
}

async function timed(runs: number, warmups: number, request: () => Promise<string>): Promise<Timing> {
  let answer = '';
  for (let i = 0; i < warmups; i += 1) answer = await request();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    answer = await request();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: median(samples), p90: percentile(samples, 90), answer };
}

// ---- growing the province

interface Centre {
  tenant: Tenant;
  share: number;
  /** The payee account its notices name (the demo seeds one in some centres; the others get one for the bench). */
  account: Pick<PayeeAccount, 'accountNumber' | 'accountName'>;
}

/** Inserts `total` more cases over the centres (by share), and a notice for every NOTICE_EVERY-th. */
async function grow(dataSource: DataSource, centres: Centre[], total: number, now: Date, clerkOf: Map<number, number>): Promise<{ cases: number; notices: number; ms: number }> {
  const started = performance.now();
  const shares = centres.reduce((acc, c) => acc + c.share, 0);
  let cases = 0;
  let notices = 0;
  for (const [i, centre] of centres.entries()) {
    const wanted = i === centres.length - 1 ? total - cases : Math.round((total * centre.share) / shares);
    if (wanted <= 0) continue;
    const generated = await generateApplications(dataSource, centre.tenant, wanted, now);
    await bulkInsert(dataSource, generated.rows);
    await writeCounters(dataSource, centre.tenant.id, generated.counters);
    cases += generated.rows.length;
    notices += await insertNotices(dataSource, centre, generated.rows.map((row) => row.number!), clerkOf.get(centre.tenant.id)!);
  }
  return { cases, notices, ms: performance.now() - started };
}

/** A payment notice for every NOTICE_EVERY-th of these cases, issued on its day of receipt. */
async function insertNotices(dataSource: DataSource, centre: Centre, numbers: string[], clerkId: number): Promise<number> {
  const account = centre.account;
  const wanted = numbers.filter((_, i) => i % NOTICE_EVERY === 0);
  let inserted = 0;
  for (let i = 0; i < wanted.length; i += NOTICES_PER_INSERT) {
    const cases = await dataSource.manager
      .createQueryBuilder(Application, 'a')
      .select(['a.id', 'a.number', 'a.matterId', 'a.departmentId', 'a.receivedAt'])
      .where('a.tenantId = :tenantId AND a.number IN (:...numbers)', { tenantId: centre.tenant.id, numbers: wanted.slice(i, i + NOTICES_PER_INSERT) })
      .getMany();
    const rows = cases.map((kase) => {
      const issuedOn = new Date(kase.receivedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      return {
        tenantId: centre.tenant.id, number: `${centre.tenant.code}-JF-${kase.id}`, reference: `${centre.tenant.code}${kase.id}`, applicationId: kase.id, matterId: kase.matterId, departmentId: kase.departmentId,
        payeeAccountNumber: account.accountNumber, payeeAccountName: account.accountName, totalFen: NOTICE_FEN, status: NoticeStatus.ISSUED, offStandard: false, offStandardReason: null,
        cancelReason: null, supersedesId: null, supersededById: null, issuedById: clerkId, issuedAt: kase.receivedAt, issuedOn, version: 1,
      };
    });
    if (rows.length > 0) await dataSource.manager.insert(PaymentNotice, rows);
    inserted += rows.length;
  }
  return inserted;
}

// ---- the intake write rate

interface WriteRate {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  firstError: string | null;
}

interface IntakeDesk {
  token: string;
  input: Record<string, unknown>;
}

async function intakeRate(url: string, desks: IntakeDesk[], clients: number, durationMs: number): Promise<WriteRate> {
  const mutation = 'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { number } }';
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let k = client; performance.now() - started < durationMs; k += clients) {
        const desk = desks[k % desks.length];
        const t0 = performance.now();
        try {
          await gql(url, mutation, { input: desk.input }, desk.token);
          samples.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          firstError ??= (error as Error).message.slice(0, 300);
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  if (samples.length === 0) throw new Error(`no intake succeeded: ${firstError}`);
  return { perSecond: samples.length / (elapsed / 1000), p50: median(samples), p99: percentile(samples, 99), errors, firstError };
}

const applicant = {
  applicantKind: 'NATURAL_PERSON',
  applicantName: '李明',
  applicantIdType: 'RESIDENT_ID',
  applicantIdNumber: '210302199001011238',
  applicantPhone: '13904121234',
  applicantAddress: '鞍山市铁东区胜利路1号',
};

/** Each centre's clerk at its comprehensive window, with a matter that window serves. */
async function intakeDesks(dataSource: DataSource, url: string, centres: Centre[]): Promise<Map<string, IntakeDesk>> {
  const desks = new Map<string, IntakeDesk>();
  for (const { tenant } of centres) {
    const window = await dataSource.manager.findOneBy(Window, { tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
    if (!window) continue;
    // A window of 综合受理 receives every matter of its centre; another, the matters it serves.
    const link = await dataSource.manager.findOne(WindowMatter, { where: { tenantId: tenant.id, windowId: window.id }, order: { matterId: 'ASC' } });
    const matterId = link?.matterId ?? (await dataSource.manager.findOne(Matter, { where: { tenantId: tenant.id, status: MatterStatus.PUBLISHED }, order: { id: 'ASC' } }))?.id;
    if (matterId === undefined) continue;
    const login = await gql(url, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: `window_staff.${tenant.code}`, password: PASSWORD } });
    desks.set(tenant.code, { token: login.login.token, input: { matterId: encodeGlobalId('Matter', matterId), windowId: encodeGlobalId('Window', window.id), ...applicant } });
  }
  if (!desks.has(COUNTY)) throw new Error(`no intake desk in ${COUNTY}: did the demo seed change?`);
  return desks;
}

// ---- one step

interface StepResult {
  cases: number;
  notices: number;
  list: Timing;
  supervision: Timing;
  statistics: Timing;
  reconcile: Timing;
  spread: WriteRate;
  oneCentre: WriteRate;
}

async function measure(
  dataSource: DataSource,
  config: Config,
  centres: Centre[],
  now: Date,
  clients: number,
  writeMs: number,
): Promise<Omit<StepResult, 'cases' | 'notices'>> {
  const logger = createLogger('silent');
  const { app, stop } = await createApp({ config, dataSource, logger });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const close = deferCleanup(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stop();
  });
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const signIn = async (username: string) =>
      (await gql(url, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username, password: PASSWORD } })).login.token;
    const admin = await signIn(`centre_admin.${CITY}`);
    const finance = await signIn(`finance.${COUNTY}`);
    const from = new Date(now.getTime() - DAYS_BACK * DAY).toISOString();

    const list = await timed(MEASURED_RUNS, WARMUP_RUNS, async () => `${(await gql(url, NESTED_LIST, { first: PAGE }, admin)).applications.edges.length} cases`);
    const supervision = await timed(MEASURED_RUNS, WARMUP_RUNS, async () => {
      const groups = (await gql(url, `{ supervisionAlerts(tenantCode: "${CITY}", first: 20) { tenant { code } red yellow cases { number } } }`, {}, admin)).supervisionAlerts;
      return `${groups.length} centres, ${fmt(groups.reduce((a, g) => a + g.red, 0))} red / ${fmt(groups.reduce((a, g) => a + g.yellow, 0))} yellow`;
    });
    const statistics = await timed(MEASURED_RUNS, WARMUP_RUNS, async () => {
      const rows = (await gql(url, `query($from: DateTimeISO!, $to: DateTimeISO!) { applicationStats(tenantCode: "${CITY}", from: $from, to: $to, groupBy: DEPARTMENT) { groupId received decided onTimeRate } }`, { from, to: now.toISOString() }, admin))
        .applicationStats;
      return `${rows.length} departments, ${fmt(rows.reduce((a, r) => a + r.received, 0))} received`;
    });
    // The county's busiest day of notices.
    const county = centres.find((c) => c.tenant.code === COUNTY)!.tenant;
    const busiest = (await dataSource
      .createQueryBuilder(PaymentNotice, 'n')
      .select('n.issuedOn', 'day')
      .addSelect('COUNT(*)', 'n')
      .where('n.tenantId = :tenantId', { tenantId: county.id })
      .groupBy('n.issuedOn')
      .orderBy('n', 'DESC')
      .limit(1)
      .getRawOne()) as { day: string; n: string | number };
    // A day reconciled at an earlier step is reconciled again with its version.
    let version: number | null = (await dataSource.manager.findOneBy(FinanceDay, { tenantId: county.id, day: busiest.day }))?.version ?? null;
    const reconcile = await timed(RECONCILE_RUNS, 1, async () => {
      const day = (
        await gql(url, 'mutation($input: FinanceDayInput!) { reconcile(input: $input) { version counts { kind count } } }', { input: { tenantCode: COUNTY, day: busiest.day, version } }, finance)
      ).reconcile;
      version = day.version;
      return `${busiest.day}: ${fmt(Number(busiest.n))} notices (${day.counts.map((c) => `${c.kind} ${fmt(c.count)}`).join(', ')})`;
    });

    const desks = await intakeDesks(dataSource, url, centres);
    const spread = await intakeRate(url, [...desks.values()], clients, writeMs);
    const oneCentre = await intakeRate(url, [desks.get(COUNTY)!], clients, writeMs);
    return { list, supervision, statistics, reconcile, spread, oneCentre };
  } finally {
    await close();
  }
}

// ---- main

async function main(): Promise<void> {
  const url = mysqlUrl();
  const base = url ? parseDatabaseUrl(url) : null;
  if (!base || base.type !== 'mysql') {
    print('npm run bench:capacity measures one MySQL / MariaDB primary: set BENCH_MYSQL_URL=mariadb://user@127.0.0.1:3306/govapi_bench');
    return;
  }
  const volumes = steps();
  const clients = count('BENCH_WRITE_CLIENTS', 8, 64);
  const writeMs = count('BENCH_WRITE_SECONDS', 10, 120) * 1000;
  const cpus = os.cpus();
  const [load1, load5] = os.loadavg();
  print(`npm run bench:capacity: ${volumes.map(fmt).join(' → ')} cases; node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average ${load1.toFixed(1)} / ${load5.toFixed(1)} at the start`);

  const fresh = await freshMysql(base);
  deferCleanup(fresh.release);
  const logger = createLogger('silent');
  const dataSource = createDataSource(fresh.database, logger);
  await dataSource.initialize();
  deferCleanup(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
  const version = String(((await dataSource.query('SELECT VERSION() AS v')) as { v: string }[])[0].v);
  const bufferPool = Number(((await dataSource.query('SELECT @@innodb_buffer_pool_size AS b')) as { b: string }[])[0].b);
  print(`== ${fresh.label} ${version} (innodb_buffer_pool_size ${fmt(Math.round(bufferPool / 2 ** 20))} MiB): ${fresh.describe}`);
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemoData(dataSource, { password: PASSWORD });

  const tenants = await dataSource.manager.find(Tenant, { order: { code: 'ASC' } });
  const accounts = await dataSource.manager.find(PayeeAccount, { order: { id: 'ASC' } });
  const clerks = await dataSource.manager.find(User, { where: {}, select: { id: true, username: true, tenantId: true } });
  const clerkOf = new Map(clerks.filter((u) => u.username.startsWith('window_staff.')).map((u) => [u.tenantId, u.id]));
  const centres: Centre[] = tenants
    .filter((t) => t.level !== TenantLevel.PROVINCE)
    .map((tenant) => ({
      tenant,
      share: tenant.level === TenantLevel.CITY ? 3 : 1,
      account: accounts.find((a) => a.tenantId === tenant.id) ?? { accountNumber: `62170000${tenant.code}`, accountName: `${tenant.name}财政局非税收入专户` },
    }));
  print(`centres: ${centres.length} (${centres.filter((c) => c.share === 3).length} cities at three shares); list, supervision and statistics as centre_admin.${CITY} (鞍山市 and its 7 counties and districts), reconciliation as finance.${COUNTY}`);
  const config = productionConfig(fresh.database);

  const now = new Date();
  const results: StepResult[] = [];
  let total = await dataSource.manager.count(Application);
  let notices = await dataSource.manager.count(PaymentNotice);
  for (const volume of volumes) {
    if (volume > total) {
      const grown = await grow(dataSource, centres, volume - total, now, clerkOf);
      const started = performance.now();
      await rebuildRollups(dataSource);
      await dataSource.query('ANALYZE TABLE `application`, `application_stats_rollup`, `payment_notice`');
      total = await dataSource.manager.count(Application);
      notices = await dataSource.manager.count(PaymentNotice);
      print();
      print(`-- ${fmt(total)} cases, ${fmt(notices)} notices: ${fmt(grown.cases)} cases and ${fmt(grown.notices)} notices written in ${seconds(grown.ms)} (${fmt(Math.round(grown.cases / (grown.ms / 1000)))} cases/s in multi-row INSERTs), rollups rebuilt and ANALYZE in ${seconds(performance.now() - started)}`);
      const sizes = (await dataSource.query(
        'SELECT table_name AS name, data_length AS data, index_length AS idx FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN (?, ?, ?)',
        ['application', 'payment_notice', 'application_stats_rollup'],
      )) as { name: string; data: string; idx: string }[];
      const mib = (bytes: string) => fmt(Math.round(Number(bytes) / 2 ** 20));
      print(`   on disk (InnoDB's estimate): ${sizes.map((t) => `${t.name} ${mib(t.data)} MiB data + ${mib(t.idx)} MiB indexes`).join('; ')}; buffer pool ${fmt(Math.round(bufferPool / 2 ** 20))} MiB`);
    }
    const step = await measure(dataSource, config, centres, now, clients, writeMs);
    results.push({ cases: total, notices, ...step });
    const row = (name: string, t: Timing, target: number) => [name, ms(t.median), ms(t.p90), t.median <= target ? `< ${fmt(target)} ms: met` : `< ${fmt(target)} ms: NOT met`, t.answer];
    printTable(
      ['read', 'median ms', 'p90 ms', 'target (median)', 'answer'],
      [
        row('a) nested case list, 100 cases', step.list, TARGET_MS.list),
        row('b) supervisionAlerts(鞍山市)', step.supervision, TARGET_MS.supervision),
        row('c) applicationStats(鞍山市, 365 days)', step.statistics, TARGET_MS.statistics),
        row('d) reconcile(海城市, busiest day)', step.reconcile, TARGET_MS.reconcile),
      ],
      [false, true, true, false, false],
    );
    const w = (name: string, r: WriteRate) => [name, r.perSecond.toFixed(1), ms(r.p50), ms(r.p99), String(r.errors)];
    printTable(
      [`intakes (receiveApplication), ${clients} clients for ${seconds(writeMs)}`, 'per second', 'p50 ms', 'p99 ms', 'errors'],
      [w('spread over the centres', step.spread), w(`all in one centre (${COUNTY}: one counter row per day)`, step.oneCentre)],
      [false, true, true, true, true],
    );
    for (const r of [step.spread, step.oneCentre]) if (r.firstError) print(`first error: ${r.firstError}`);
    const [l1] = os.loadavg();
    print(`(load average ${l1.toFixed(1)} after this step)`);
  }

  print();
  print('summary: median / p90 ms per read, intakes per second (spread; one centre)');
  printTable(
    ['cases', 'notices', 'a) list', 'b) supervision', 'c) statistics', 'd) reconcile', 'intakes/s'],
    results.map((r) => [
      fmt(r.cases),
      fmt(r.notices),
      `${ms(r.list.median)} / ${ms(r.list.p90)}`,
      `${ms(r.supervision.median)} / ${ms(r.supervision.p90)}`,
      `${ms(r.statistics.median)} / ${ms(r.statistics.p90)}`,
      `${ms(r.reconcile.median)} / ${ms(r.reconcile.p90)}`,
      `${r.spread.perSecond.toFixed(1)}; ${r.oneCentre.perSecond.toFixed(1)}`,
    ]),
    [true, true, true, true, true, true, true],
  );
}

runBench(main, 45 * 60_000);
