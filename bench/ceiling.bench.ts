/**
 * `npm run bench:ceiling`: our endpoint against the practical ceiling for the same answer
 * (issue 12): a plain node:http handler that verifies the same token, reads the viewer's
 * account, runs the minimal SQL for the same list (the cases with their relations in one
 * statement, their last 5 events in another) and writes byte-for-byte the same JSON.
 *
 * For each database (a temporary SQLite file with better-sqlite3, and MySQL / MariaDB with
 * mysql2 when BENCH_MYSQL_URL is set) it writes the demo data, checks that both answers
 * are identical, then loads them in turns (A B A B …, BENCH_ROUNDS rounds of
 * BENCH_SECONDS each, at 10 and 50 connections) with autocannon and prints the ratio of
 * requests per second per round and its median, the latencies, and the peak RSS of this
 * process (servers and load generator share it). Bounded: fixed rounds and durations and
 * the shared watchdog.
 */
import 'reflect-metadata';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createSecretKey, randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import Database from 'better-sqlite3';
import { createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { Config, DatabaseConfig, loadConfig, parseDatabaseUrl } from '../src/config';
import { createLogger } from '../src/logger';
import { createDataSource } from '../src/db/data-source';
import { createApp } from '../src/app';
import { encodeGlobalId } from '../src/graphql/global-id';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/auth/jwt';
import { seedDemoData } from '../seeds/seed';
import { Tenant } from '../src/modules/tenancy/entities';
import { deferCleanup, Fresh, freshMysql, freshSqlite, median, ms, mysqlUrl, print, printTable, runBench } from './harness';

const USERNAME = 'centre_admin.210300';
const PASSWORD = 'ceiling-bench-2026';
const PAGE = 100;
const EVENTS = 5;
const CONNECTIONS = [10, 50];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** The nested case list: cases with matter, department, receiving window, staff and the last 5 events. */
const QUERY = `query($first: Int) { applications(first: $first) { edges { node { id number status receivedAt dueAt matter { name } department { name } receivingWindow { number } receivedBy { displayName } timeline(last: ${EVENTS}) { action at toStatus } } } } }`;

interface CaseRow {
  id: number;
  number: string;
  status: string;
  received_at: Date | string;
  due_at: Date | string | null;
  matter_name: string;
  department_name: string;
  window_number: string;
  received_by: string;
}

interface EventRow {
  application_id: number;
  action: string;
  at: Date | string;
  to_status: string;
}

/** The two databases' raw access: one statement, its rows. */
type RunSql = <T>(sql: string, parameters: unknown[]) => Promise<T[]>;

/** SQLite keeps UTC datetimes as text; mysql2 (timezone Z) gives Dates. */
function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`)).toISOString();
}

/** The same answer as the GraphQL endpoint, from the minimal SQL. */
async function rawAnswer(run: RunSql, scope: number[], userId: number, tokenVersion: number): Promise<string | null> {
  const [account] = await run<{ token_version: number; active: number }>('SELECT token_version, active FROM `user` WHERE id = ?', [userId]);
  if (!account || !account.active || Number(account.token_version) !== tokenVersion) return null;
  const marks = scope.map(() => '?').join(', ');
  const cases = await run<CaseRow>(
    `SELECT a.id, a.number, a.status, a.received_at, a.due_at, m.name AS matter_name, d.name AS department_name, w.number AS window_number, u.display_name AS received_by
       FROM application a JOIN matter m ON m.id = a.matter_id JOIN department d ON d.id = a.department_id
       JOIN service_window w ON w.id = a.receiving_window_id JOIN \`user\` u ON u.id = a.received_by_id
      WHERE a.tenant_id IN (${marks}) ORDER BY a.received_at DESC, a.id DESC LIMIT ${PAGE}`,
    scope,
  );
  const ids = cases.map((c) => c.id);
  const events = ids.length === 0 ? [] : await run<EventRow>(
    `SELECT application_id, action, at, to_status FROM (SELECT e.id, e.application_id, e.action, e.at, e.to_status,
            ROW_NUMBER() OVER (PARTITION BY e.application_id ORDER BY e.id DESC) AS place
       FROM application_event e WHERE e.application_id IN (${ids.map(() => '?').join(', ')})) r WHERE r.place <= ${EVENTS} ORDER BY r.application_id, r.id`,
    ids,
  );
  const byCase = new Map<number, EventRow[]>();
  for (const e of events) byCase.set(Number(e.application_id), [...(byCase.get(Number(e.application_id)) ?? []), e]);
  const edges = cases.map((c) => ({
    node: {
      id: encodeGlobalId('Application', c.id),
      number: c.number,
      status: c.status,
      receivedAt: iso(c.received_at),
      dueAt: c.due_at === null ? null : iso(c.due_at),
      matter: { name: c.matter_name },
      department: { name: c.department_name },
      receivingWindow: { number: c.window_number },
      receivedBy: { displayName: c.received_by },
      timeline: (byCase.get(Number(c.id)) ?? []).map((e) => ({ action: e.action, at: iso(e.at), toStatus: e.to_status })),
    },
  }));
  return `${JSON.stringify({ data: { applications: { edges } } })}\n`;
}

/** The ceiling: node:http, the token verified as the API does, the answer from the minimal SQL. */
function rawServer(config: Config, run: RunSql, scope: number[]): http.Server {
  const key = createSecretKey(Buffer.from(config.jwtSecret ?? '', 'utf8'));
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
          const claims = jwt.verify(token, key, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }) as { sub: string; tv: number };
          const body = await rawAnswer(run, scope, Number(claims.sub), claims.tv);
          res.writeHead(body === null ? 401 : 200, { 'content-type': 'application/json; charset=utf-8' }).end(body ?? '{}');
        } catch {
          res.writeHead(401).end('{}');
        }
      })();
    });
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  deferCleanup(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

async function load(url: string, token: string, connections: number): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { first: PAGE } }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function benchDatabase(fresh: Fresh): Promise<void> {
  deferCleanup(fresh.release);
  const config: Config = { ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }), database: fresh.database };
  const logger = createLogger('silent');
  const dataSource = createDataSource(fresh.database, logger);
  await dataSource.initialize();
  deferCleanup(() => dataSource.destroy());
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemoData(dataSource, { password: PASSWORD });
  const city = await dataSource.getRepository(Tenant).findOneByOrFail({ code: '210300' });
  const scope = (await dataSource.getRepository(Tenant).createQueryBuilder('t').where('t.path LIKE :p', { p: `${city.path}%` }).getMany()).map((t) => t.id);

  const { app, stop } = await createApp({ config, dataSource, logger });
  deferCleanup(stop);
  const ours = await listen(http.createServer(app));
  const run = await rawRunner(fresh.database);
  const ceiling = await listen(rawServer(config, run, scope));

  const login = await (await fetch(ours, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(input: { username: "${USERNAME}", password: "${PASSWORD}" }) { token } }` }) })).json();
  const token = (login as { data: { login: { token: string } } }).data.login.token;
  const answer = async (url: string) =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY, variables: { first: PAGE } }) })).text();
  const [a, b] = [await answer(ours), await answer(ceiling)];
  if (a !== b) throw new Error(`the two answers differ (${a.length} and ${b.length} bytes): fix the raw handler first`);
  print(`${fresh.label}: both answer the same ${a.length.toLocaleString('en-US')} bytes (${PAGE} cases × matter, department, window, staff, last ${EVENTS} events)`);

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const rows: string[][] = [];
  try {
    for (const connections of CONNECTIONS) {
      const ratios: number[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        const api = await load(ours, token, connections);
        const raw = await load(ceiling, token, connections);
        ratios.push(api.rps / raw.rps);
        rows.push([String(connections), String(round), api.rps.toFixed(0), raw.rps.toFixed(0), (api.rps / raw.rps).toFixed(2), `${api.p50} / ${api.p99}`, `${raw.p50} / ${raw.p99}`]);
      }
      rows.push([String(connections), 'median', '', '', median(ratios.sort((x, y) => x - y)).toFixed(2), '', '']);
    }
  } finally {
    clearInterval(sampler);
  }
  printTable(['conns', 'round', 'API req/s', 'raw req/s', 'ratio', 'API p50 / p99 ms', 'raw p50 / p99 ms'], rows, [true, false, true, true, true, true, true]);
  print(`peak RSS of this process (both servers and autocannon): ${ms(peakRss / 2 ** 20)} MiB; target for the API: ratio ≥ 0.6 at both concurrencies`);
  print();
}

/** mysql2 or better-sqlite3 on the same database, outside TypeORM. */
async function rawRunner(database: DatabaseConfig): Promise<RunSql> {
  if (database.type === 'sqlite') {
    const db = new Database(database.database, { readonly: true });
    deferCleanup(async () => {
      db.close();
    });
    return async <T>(sql: string, parameters: unknown[]) => db.prepare(sql.replace(/`/g, '"')).all(...parameters) as T[];
  }
  const pool: Pool = createPool({ host: database.host, port: database.port, user: database.username, password: database.password, database: database.database, timezone: 'Z', connectionLimit: 10 });
  deferCleanup(() => pool.end());
  return async <T>(sql: string, parameters: unknown[]) => (await pool.query<RowDataPacket[]>(sql, parameters))[0] as T[];
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_SQLITE !== "1") await benchDatabase(freshSqlite());
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
