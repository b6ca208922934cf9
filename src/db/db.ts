import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { TenantScope } from './scope';
import { EntityClass, ScopedRepository, ScopeOptions } from './scoped-repository';
import { NodeEntity } from './base-entities';

const DEADLOCK_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);
const MAX_TRANSACTION_ATTEMPTS = 5;

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  return code !== undefined && DEADLOCK_CODES.has(code);
}

/**
 * SQLite has one connection in this process: transactions must not interleave on it.
 * (MySQL gives each transaction its own connection and row locks, so nothing is queued
 * there; this queue is per process and never needed to agree across instances.)
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/** Work waiting for a transaction attempt to commit, by the attempt's EntityManager. */
const commitHooks = new WeakMap<EntityManager, (() => void)[]>();

function serialised<T>(dataSource: DataSource, fn: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return fn();
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  sqliteQueues.set(dataSource, next);
  return next;
}

/**
 * Database access for one request: tenant-scoped repositories bound to the request's
 * scope and to its current transaction, if any.
 */
export class Db {
  constructor(
    readonly dataSource: DataSource,
    readonly scope: TenantScope,
    private readonly manager: EntityManager = dataSource.manager,
  ) {}

  scoped<T extends NodeEntity & ObjectLiteral>(entity: EntityClass<T>, options?: ScopeOptions): ScopedRepository<T> {
    return new ScopedRepository(this.manager, entity, this.scope, options);
  }

  /**
   * Read-only access to exactly these tenants, for data that is public by nature
   * (published service guides) or that the caller has already proven it may see.
   * Nothing can be written through it.
   */
  readOnlyFor(tenantIds: number[]): Db {
    return new Db(this.dataSource, new TenantScope(null, tenantIds), this.manager);
  }

  /**
   * Reads and writes exactly one tenant's rows, joining the open transaction, for a
   * caller whose right to write there the scope cannot express: an anonymous complaint
   * filed online to that centre (锦州 第二十七条), a public rating (好差评) of a case whose
   * number and phone digits the caller proved (锦州 第二十六条), and a step taken in one tenant that
   * moves the other tenant's row of a record both share (the two cases of a
   * collaboration ticket move as one), after reading the shared record in its own scope.
   */
  onBehalfOf(tenantId: number): Db {
    return new Db(this.dataSource, new TenantScope(tenantId, [tenantId]), this.manager);
  }

  /**
   * Bypasses tenant scope. Only for authentication (before a scope exists), rows that
   * belong to no tenant, and system jobs; every caller says why.
   */
  get unscoped(): EntityManager {
    return this.manager;
  }

  get inTransaction(): boolean {
    return this.manager.queryRunner?.isTransactionActive === true;
  }

  /**
   * Runs `hook` once the open transaction has committed, never if it rolls back (a live
   * event must not announce a change that did not happen); at once outside a transaction,
   * and in a transaction that `transaction()` did not open (none in the API: every
   * mutation's is). A hook must not throw: it runs after the commit, where nothing can be
   * undone (EventBus.publish never throws).
   */
  afterCommit(hook: () => void): void {
    const hooks = this.inTransaction ? commitHooks.get(this.manager) : undefined;
    if (hooks) hooks.push(hook);
    else hook();
  }

  /**
   * Runs `fn` in one transaction (joined if one is open), retrying on deadlock.
   * `readCommitted` (MySQL; SQLite runs one transaction at a time anyway): every plain
   * read sees what was committed before it, as outside a transaction, for a transaction
   * opened around code that was written to run its reads outside one.
   */
  async transaction<T>(fn: (db: Db) => Promise<T>, options: { readCommitted?: boolean } = {}): Promise<T> {
    if (this.inTransaction) return fn(this);
    let hooks: (() => void)[] = [];
    const run = (manager: EntityManager) => {
      // A retried attempt starts with none: what a rolled-back attempt queued is dropped.
      hooks = [];
      commitHooks.set(manager, hooks);
      return fn(new Db(this.dataSource, this.scope, manager));
    };
    const readCommitted = options.readCommitted === true && this.dataSource.options.type !== 'better-sqlite3';
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await serialised(this.dataSource, () =>
          readCommitted ? this.dataSource.transaction('READ COMMITTED', run) : this.dataSource.transaction(run),
        );
        for (const hook of hooks) hook();
        return result;
      } catch (error) {
        if (attempt >= MAX_TRANSACTION_ATTEMPTS || !isRetryable(error)) throw error;
      }
    }
  }
}
