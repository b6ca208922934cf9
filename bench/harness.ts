/**
 * What every bench scenario shares: printing, fresh databases (a temporary SQLite file,
 * and `<db>_<random>` beside a MySQL URL), cleanups that run on exit, failure or signal,
 * a watchdog, and the statistics the scenarios print.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { Config, DatabaseConfig, loadConfig } from '../src/config';

export const WATCHDOG_MS = 10 * 60_000;

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export const fmt = (n: number) => n.toLocaleString('en-US');
export const ms = (n: number) => n.toFixed(1);
export const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;

// ---- cleanup: every resource registers how to release it; run on exit, failure or signal

const cleanups: (() => Promise<void>)[] = [];

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`cleanup failed: ${(error as Error).message}\n`);
    }
  }
}

export function deferCleanup(cleanup: () => Promise<void>): () => Promise<void> {
  cleanups.push(cleanup);
  return async () => {
    const i = cleanups.indexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
    await cleanup();
  };
}

// ---- fresh databases

export interface Fresh {
  label: string;
  database: DatabaseConfig;
  describe: string;
  release(): Promise<void>;
}

export function freshSqlite(): Fresh {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govapi-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  return {
    label: 'SQLite',
    database: { type: 'sqlite', database: file },
    describe: `temporary file ${file}`,
    release: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A database `<db>_<random>` beside the one in the URL, as the test harness does. */
export async function freshMysql(base: DatabaseConfig & { type: 'mysql' }): Promise<Fresh> {
  const name = `${base.database}_${randomBytes(4).toString('hex')}`.slice(0, 64);
  const admin = () => createConnection({ host: base.host, port: base.port, user: base.username, password: base.password });
  const connection = await admin();
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  return {
    label: base.flavour === 'mariadb' ? 'MariaDB' : 'MySQL',
    database: { ...base, database: name },
    describe: `database ${name} on ${base.host}:${base.port} (dropped at the end)`,
    release: async () => {
      const c = await admin();
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}

export function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid];
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function printTable(head: string[], rows: string[][], right: boolean[]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  print(line(head));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) print(line(row));
}

export function mysqlUrl(): string | undefined {
  if (process.env.BENCH_MYSQL_URL) return process.env.BENCH_MYSQL_URL;
  const url = process.env.DATABASE_URL;
  return url && /^(mysql|mariadb):/.test(url) ? url : undefined;
}

/** Runs a scenario's main with a watchdog, and cleans up on exit, failure or a signal. */
export function runBench(main: () => Promise<void>, watchdogMs = WATCHDOG_MS): void {
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: still running after ${watchdogMs / 60_000} min, giving up\n`);
    void runCleanups().finally(() => process.exit(2));
  }, watchdogMs);
  watchdog.unref();

  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      process.stderr.write(`bench: ${signal}, cleaning up\n`);
      void runCleanups().finally(() => process.exit(130));
    });
  }

  main()
    .then(async () => {
      await runCleanups();
      clearTimeout(watchdog);
    })
    .catch(async (error: unknown) => {
      // After a signal, the run fails because its database went away: that is not news.
      if (!interrupted) process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      await runCleanups();
      process.exitCode = 1;
    });
}

/**
 * The app's configuration as in production (no stack traces, introspection off), with a
 * JWT secret made for the run, on the bench's database. The periodic supervision check is
 * off: a bench times requests, and the check would run in the middle of them (it is timed
 * on its own, with runSupervisionCheck, where a bench wants it).
 */
export function productionConfig(database: DatabaseConfig, env: Record<string, string | undefined> = {}): Config {
  return { ...loadConfig({ ...env, NODE_ENV: 'production', JWT_SECRET: env.JWT_SECRET ?? randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', SUPERVISION_JOB: 'off' }), database };
}
