/**
 * `npm run bench:ceiling`: our endpoint against the practical ceiling for the same answer
 * (issue 12), a plain node:http handler returning byte-for-byte the same JSON from the
 * minimal SQL (`ceiling-server.ts`).
 *
 * For each database (a temporary SQLite file with better-sqlite3, and MySQL / MariaDB with
 * mysql2 when BENCH_MYSQL_URL is set) it writes the demo data, starts both servers, each
 * in a process of its own, checks that both answers are identical, then loads them in
 * turns (A B A B …, BENCH_ROUNDS rounds of BENCH_SECONDS each, at 10 and 50 connections)
 * with autocannon from this process and prints the ratio of requests per second per round
 * and its median, and the latencies. Then it holds our endpoint at 50 connections for
 * BENCH_SOAK_SECONDS (60) and prints its p50 / p99 and the API process's peak RSS
 * (BENCH_API_HEAP_MIB caps the API's V8 old space, to see what a cap buys).
 * Bounded: fixed rounds and durations and the shared watchdog.
 */
import 'reflect-metadata';
import path from 'node:path';
import { fork, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { parseDatabaseUrl } from '../src/config';
import { createLogger } from '../src/logger';
import { createDataSource } from '../src/db/data-source';
import { seedDemoData } from '../seeds/seed';
import { Tenant } from '../src/modules/tenancy/entities';
import { deferCleanup, Fresh, freshMysql, freshSqlite, median, ms, mysqlUrl, print, printTable, runBench } from './harness';
import { EVENTS, PAGE, QUERY, ServerMessage, ServerSpec } from './ceiling-server';

const USERNAME = 'centre_admin.210300';
const PASSWORD = 'ceiling-bench-2026';
const CONNECTIONS = [10, 50];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const RSS_TARGET_MIB = 300;
/** An old-space cap for the API process (as NODE_OPTIONS=--max-old-space-size would set it); 0, the default, leaves V8's. */
const API_HEAP_MIB = Number(process.env.BENCH_API_HEAP_MIB ?? 0);

interface Server {
  url: string;
  peakRss(): Promise<number>;
}

/** Forks one server process and waits for its port. */
async function startServer(spec: ServerSpec): Promise<Server> {
  const heap = spec.kind === 'api' && API_HEAP_MIB > 0 ? [`--max-old-space-size=${API_HEAP_MIB}`] : [];
  const child: ChildProcess = fork(path.join(__dirname, 'ceiling-server.js'), { env: { ...process.env, CEILING_SERVER: JSON.stringify(spec) }, execArgv: [...process.execArgv, ...heap] });
  deferCleanup(async () => {
    if (child.exitCode === null) {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
  const next = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      child.once('message', (message) => resolve(message as ServerMessage));
      child.once('exit', (code) => reject(new Error(`the ${spec.kind} server exited (${code})`)));
    });
  const first = await next();
  if (!('port' in first)) throw new Error(`the ${spec.kind} server did not report its port`);
  return {
    url: `http://127.0.0.1:${first.port}/graphql`,
    peakRss: async () => {
      const answer = next();
      child.send('rss');
      const message = await answer;
      return 'peakRss' in message ? message.peakRss : 0;
    },
  };
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  /** Requests unanswered after autocannon's 10 s timeout. */
  timeouts: number;
}

async function load(url: string, token: string, connections: number, seconds: number): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { first: PAGE } }),
  });
  if (result.non2xx > 0 || result.errors > result.timeouts) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, timeouts: result.timeouts };
}

const mib = (bytes: number) => ms(bytes / 2 ** 20);

async function benchDatabase(fresh: Fresh): Promise<void> {
  deferCleanup(fresh.release);
  const logger = createLogger('silent');
  const dataSource = createDataSource(fresh.database, logger);
  await dataSource.initialize();
  const closeSeeding = deferCleanup(() => dataSource.destroy());
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemoData(dataSource, { password: PASSWORD });
  const city = await dataSource.getRepository(Tenant).findOneByOrFail({ code: '210300' });
  const scope = (await dataSource.getRepository(Tenant).createQueryBuilder('t').where('t.path LIKE :p', { p: `${city.path}%` }).getMany()).map((t) => t.id);
  await closeSeeding();

  const spec = { database: fresh.database, jwtSecret: randomBytes(32).toString('hex'), scope };
  const ours = await startServer({ ...spec, kind: 'api' });
  const ceiling = await startServer({ ...spec, kind: 'raw' });

  const login = await (await fetch(ours.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(input: { username: "${USERNAME}", password: "${PASSWORD}" }) { token } }` }) })).json();
  const token = (login as { data: { login: { token: string } } }).data.login.token;
  const answer = (url: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY, variables: { first: PAGE } }) });
  const [fromOurs, fromRaw] = [await answer(ours.url), await answer(ceiling.url)];
  const [a, b] = [await fromOurs.text(), await fromRaw.text()];
  if (a !== b) throw new Error(`the two answers differ (${a.length} and ${b.length} bytes): fix the raw handler first`);
  print(`${fresh.label}: both answer the same ${a.length.toLocaleString('en-US')} bytes (${PAGE} cases × matter, department, window, staff, last ${EVENTS} events)`);
  // The first request after sign-in also read the token's account, which is then cached (README, Performance).
  const again = await answer(ours.url);
  await again.text();
  print(`SQL statements per request: API ${again.headers.get('x-sql-statements')} (${fromOurs.headers.get('x-sql-statements')} for the first after sign-in), raw 3`);

  const rows: string[][] = [];
  for (const connections of CONNECTIONS) {
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const api = await load(ours.url, token, connections, SECONDS);
      const raw = await load(ceiling.url, token, connections, SECONDS);
      ratios.push(api.rps / raw.rps);
      const late = (load: Load) => (load.timeouts > 0 ? ` (${load.timeouts} timed out)` : '');
      rows.push([String(connections), String(round), api.rps.toFixed(0), raw.rps.toFixed(0), (api.rps / raw.rps).toFixed(2), `${api.p50} / ${api.p99}${late(api)}`, `${raw.p50} / ${raw.p99}${late(raw)}`]);
    }
    rows.push([String(connections), 'median', '', '', median(ratios.sort((x, y) => x - y)).toFixed(2), '', '']);
  }
  printTable(['conns', 'round', 'API req/s', 'raw req/s', 'ratio', 'API p50 / p99 ms', 'raw p50 / p99 ms'], rows, [true, false, true, true, true, true, true]);
  print(`target: ratio ≥ 0.6 at both concurrencies; peak RSS so far: API ${mib(await ours.peakRss())} MiB, raw ${mib(await ceiling.peakRss())} MiB`);

  const soak = await load(ours.url, token, 50, SOAK_SECONDS);
  const rss = await ours.peakRss();
  print(
    `API held at 50 connections for ${SOAK_SECONDS} s: ${soak.rps.toFixed(0)} req/s, p50 ${soak.p50} ms, p99 ${soak.p99} ms, ${soak.timeouts} timed out (10 s), ` +
      `peak RSS of the API process ${mib(rss)} MiB (target < ${RSS_TARGET_MIB} MiB: ${rss < RSS_TARGET_MIB * 2 ** 20 ? 'met' : 'NOT met'})`,
  );
  print();
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_SQLITE !== '1') await benchDatabase(freshSqlite());
  const url = mysqlUrl();
  if (!url) {
    print('(set BENCH_MYSQL_URL=mysql://… or mariadb://… to run on MySQL / MariaDB as well)');
    return;
  }
  const base = parseDatabaseUrl(url);
  if (base.type !== 'mysql') throw new Error('BENCH_MYSQL_URL must be a mysql:// or mariadb:// URL');
  await benchDatabase(await freshMysql(base));
}

runBench(main);
