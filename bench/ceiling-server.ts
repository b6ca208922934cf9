/**
 * One server of the ceiling comparison, in a process of its own (forked by
 * `ceiling.bench.ts`), so that the load generator, the other server and this one never
 * share an event loop and each one's RSS is its own: `api` is our app as `npm start`
 * serves it (production mode), `raw` the practical ceiling, a plain node:http handler
 * that verifies the same token, reads the viewer's account, runs the minimal SQL for the
 * same list (the cases with their relations in one statement, their last events in
 * another) and writes byte-for-byte the same JSON. It reports its port, then its peak RSS
 * when asked.
 */
import 'reflect-metadata';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import Database from 'better-sqlite3';
import { createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { DatabaseConfig } from '../src/config';
import { productionConfig } from './harness';
import { createLogger } from '../src/logger';
import { createDataSource } from '../src/db/data-source';
import { createApp } from '../src/app';
import { encodeGlobalId } from '../src/graphql/global-id';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/auth/jwt';

export const PAGE = 100;
export const EVENTS = 5;

/** The nested case list: cases with matter, department, receiving window, staff and the last 5 events. */
export const QUERY = `query($first: Int) { applications(first: $first) { edges { node { id number status receivedAt dueAt matter { name } department { name } receivingWindow { number } receivedBy { displayName } timeline(last: ${EVENTS}) { action at toStatus } } } } }`;

/** What the bench hands a server process (in its environment, as JSON). */
export interface ServerSpec {
  kind: 'api' | 'raw';
  database: DatabaseConfig;
  jwtSecret: string;
  /** The tenants the raw handler reads (the viewer's scope, computed by the bench). */
  scope: number[];
}

export type ServerMessage = { port: number } | { peakRss: number };

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
function rawServer(jwtSecret: string, run: RunSql, scope: number[]): http.Server {
  const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
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


/** mysql2 or better-sqlite3 on the same database, outside TypeORM. */
async function rawRunner(database: DatabaseConfig): Promise<RunSql> {
  if (database.type === 'sqlite') {
    const db = new Database(database.database, { readonly: true });
        return async <T>(sql: string, parameters: unknown[]) => db.prepare(sql.replace(/`/g, '"')).all(...parameters) as T[];
  }
  const pool: Pool = createPool({ host: database.host, port: database.port, user: database.username, password: database.password, database: database.database, timezone: 'Z', connectionLimit: 10 });
  return async <T>(sql: string, parameters: unknown[]) => (await pool.query<RowDataPacket[]>(sql, parameters))[0] as T[];
}


async function apiServer(spec: ServerSpec): Promise<http.Server> {
  const config = productionConfig(spec.database, { ...process.env, JWT_SECRET: spec.jwtSecret });
  const logger = createLogger('silent');
  const dataSource = createDataSource(spec.database, logger);
  await dataSource.initialize();
  // The statement count header (x-sql-statements), which the bench prints; its counter is
  // an AsyncLocalStorage like the request language's, so it adds little to the load.
  const { app } = await createApp({ config, dataSource, logger, exposeSqlCount: true });
  return http.createServer(app);
}

async function serve(): Promise<void> {
  const spec = JSON.parse(process.env.CEILING_SERVER ?? '') as ServerSpec;
  const server = spec.kind === 'api' ? await apiServer(spec) : rawServer(spec.jwtSecret, await rawRunner(spec.database), spec.scope);
  let peakRss = 0;
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200).unref();
  process.on('message', () => process.send?.({ peakRss } satisfies ServerMessage));
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port } satisfies ServerMessage));
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    process.stderr.write(`ceiling server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
