import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { Express } from 'express';
import { Config, DatabaseConfig, loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createDataSource } from '../src/db/data-source';
import { createApp } from '../src/app';
import { Lifecycle } from '../src/lifecycle';
import { TokenService } from '../src/auth/jwt';
import { setScryptCost } from '../src/auth/passwords';
import { seedDemoData } from '../seeds/seed';
import { EventBus } from '../src/events/bus';

export const SEED_PASSWORD = 'demo-2026';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
  sqlStatements: number;
}

/** A clock tests can stop and move; by default it follows real time. */
export class TestClock {
  private fixed: Date | null = null;

  now = (): Date => (this.fixed ? new Date(this.fixed) : new Date());

  set(instant: Date | string | null): void {
    this.fixed = instant === null ? null : new Date(instant);
  }
}

export interface TestApp {
  app: Express;
  clock: TestClock;
  /** Its JWT_SECRET is random, made for this test file: no string in the repository signs its tokens. */
  config: Config;
  /** The app's drain on shutdown (src/lifecycle.ts). */
  lifecycle: Lifecycle;
  tokens: TokenService;
  dataSource: DataSource;
  /**
   * Sends `Accept-Language: en` unless told otherwise (English messages read best in
   * assertions); `acceptLanguage: null` sends no header, for the Chinese default.
   */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, options?: { acceptLanguage?: string | null }): Promise<GraphQLResponse<T>>;
  /** Signs in a demo account (cached per file). */
  tokenOf(username: string, password?: string): Promise<string>;
  /** The app's live-event bus (what `ctx.events` publishes to). */
  events: EventBus;
  /** Serves the app on 127.0.0.1 (a free port), WebSocket subscriptions included; returns its `ws://…/graphql`. Closed by close(). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Each test file gets its own database: an in-memory SQLite one, or, when
 * DATABASE_URL names MySQL, a fresh database beside it, dropped at the end. The schema
 * comes from the migrations, as in production, then the demo data.
 */
async function freshDatabase(base: DatabaseConfig): Promise<{ database: DatabaseConfig; drop(): Promise<void> }> {
  if (base.type === 'sqlite') return { database: { type: 'sqlite', database: ':memory:' }, drop: async () => {} };
  const name = `${base.database}_w${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`.slice(0, 64);
  const admin = () =>
    createConnection({ host: base.host, port: base.port, user: base.username, password: base.password });
  const connection = await admin();
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  return {
    database: { ...base, database: name },
    drop: async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const base = loadConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite::memory:' });
  const { database, drop } = await freshDatabase(base.database);
  const config: Config = {
    // A lower scrypt cost than production's (the same code path, a smaller N): hashes are the suite's slowest work.
    ...loadConfig({ NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'silent', SCRYPT_LOG2_N: '12', SUPERVISION_JOB: 'off', ...env }),
    database,
  };
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource(database, logger);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  setScryptCost(config.scryptLog2N);
  await seedDemoData(dataSource, { password: SEED_PASSWORD });
  const clock = new TestClock();
  const { app, stop, lifecycle, events, live } = await createApp({ config, dataSource, logger, exposeSqlCount: true, clock: clock.now });
  let server: Server | null = null;
  const tokens = new Map<string, string>();

  const gql: TestApp['gql'] = async (query, variables, token, options = {}) => {
    const req = request(app).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const acceptLanguage = options.acceptLanguage === undefined ? 'en' : options.acceptLanguage;
    if (acceptLanguage !== null) req.set('accept-language', acceptLanguage);
    const res = await req.send({ query, variables });
    return { status: res.status, ...res.body, sqlStatements: Number(res.headers['x-sql-statements'] ?? NaN) };
  };

  return {
    app,
    clock,
    config,
    lifecycle,
    tokens: new TokenService(config.jwtSecret ?? '', config.jwtTtlSeconds),
    dataSource,
    gql,
    async tokenOf(username, password = SEED_PASSWORD) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await gql<{ login: { token: string } }>(
        'mutation($input: LoginInput!) { login(input: $input) { token } }',
        { input: { username, password } },
      );
      if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
      tokens.set(username, res.data.login.token);
      return res.data.login.token;
    },
    events,
    async listen() {
      if (!server) {
        server = createServer(app);
        live.attach(server);
        await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      }
      return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    },
    async close() {
      await stop();
      if (server) {
        server.closeAllConnections();
        await new Promise((resolve) => server!.close(resolve));
      }
      await dataSource.destroy();
      await drop();
    },
  };
}

/** The error code of the first error, for short assertions. */
export function codeOf(res: GraphQLResponse): unknown {
  return res.errors?.[0]?.extensions?.code;
}
