import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config';
import { Logger } from '../logger';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';
import { SqlLogger } from './sql-counter';
import { fallBackToPrimary, REPLICA_RETRY_MS } from './replicas';

const SLOW_QUERY_MS = 500;

/** Compiled migrations of one driver (migrations are generated per driver). */
function migrationsOf(driver: 'mysql' | 'sqlite'): string[] {
  return [path.join(__dirname, 'migrations', driver, '*.js')];
}

/** The one place a DataSource is configured, for the server, the CLI, seeds and tests. */
export function dataSourceOptions(database: DatabaseConfig, logger: Logger): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new SqlLogger(logger),
    maxQueryExecutionTime: SLOW_QUERY_MS,
    synchronize: false,
  };
  if (database.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.database,
      migrations: migrationsOf('sqlite'),
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        // Refresh the planner's statistics where they are stale: without them SQLite picks
        // a less selective index for the filtered case list (see README, Performance).
        db.pragma('optimize = 0x10002');
      },
    };
  }
  const primary = {
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
  };
  const replicas = database.replicas ?? [];
  return {
    ...common,
    type: database.flavour,
    ...primary,
    // With replicas: one pool per server; reads default to the primary, and only a GraphQL
    // query request reads from a replica (src/db/replicas.ts).
    ...(replicas.length > 0
      ? {
          replication: {
            master: primary,
            slaves: replicas,
            defaultMode: 'master' as const,
            selector: 'RR' as const,
            canRetry: true,
            removeNodeErrorCount: 1,
            restoreNodeTimeout: REPLICA_RETRY_MS,
          },
        }
      : {}),
    charset: 'utf8mb4_unicode_ci',
    // Dates are stored and read as UTC; the calendar converts to the tenant's zone.
    timezone: 'Z',
    migrations: migrationsOf('mysql'),
    // TypeORM sends plain queries, never prepared statements; mysql2 would still set up a
    // cache of 16,000 of them per connection (about 0.4 MiB each, kept for the process's life).
    extra: { connectionLimit: 10, maxPreparedStatements: 16 },
  };
}

export function createDataSource(database: DatabaseConfig, logger: Logger): DataSource {
  if (database.type === 'sqlite' && database.database !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(database.database)), { recursive: true });
  }
  const dataSource = new DataSource(dataSourceOptions(database, logger));
  fallBackToPrimary(dataSource, logger);
  return dataSource;
}

