import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger as TypeOrmLogger } from 'typeorm';
import { Logger } from '../logger';

interface SqlCount {
  statements: number;
}

const requestSql = new AsyncLocalStorage<SqlCount>();

/** Runs `fn` with a fresh statement counter, which it is handed; every SQL statement run inside it is counted. */
export function withSqlCounter<T>(fn: (count: SqlCount) => T): T {
  const count: SqlCount = { statements: 0 };
  return requestSql.run(count, () => fn(count));
}

/**
 * TypeORM logger that counts statements for the current request (tests assert on the
 * count) and sends query errors and slow queries to pino.
 */
export class SqlLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {
    const count = requestSql.getStore();
    if (count) count.statements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ err: error, query: query.slice(0, 500) }, 'SQL error');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, 'slow SQL');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({ schema: message }, 'schema build');
  }

  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ typeorm: message }, 'typeorm');
    else this.logger.debug({ typeorm: message }, 'typeorm');
  }
}
