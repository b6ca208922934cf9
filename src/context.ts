import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { Config } from './config';
import { Logger } from './logger';
import { Db } from './db/db';
import { TenantScope } from './db/scope';
import { Viewer } from './auth/viewer';
import { Role } from './auth/roles';
import { TokenService } from './auth/jwt';
import { Tenant, TenantLevel, User } from './modules/tenancy/entities';
import { UnauthenticatedError } from './graphql/errors';
import { messages } from './graphql/messages';
import { EventBus } from './events/bus';
import type { WithoutRequestSlot } from './http';

/** Per-request DataLoaders, created on first use so a request pays only for what it asks. */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export interface ContextDeps {
  config: Config;
  tokens: TokenService;
  dataSource: DataSource;
  logger: Logger;
  /** The time source; tests pass a settable one to walk deadlines over holidays. */
  clock?: () => Date;
  /** With read replicas (DATABASE_REPLICA_URLS): a manager whose reads go to them (src/db/replicas.ts). */
  replicaManager?: EntityManager;
  /** Live events (subscriptions); without one, events are published to nobody. */
  events?: EventBus;
}

/** For contexts built without an app (scripts, benches): a bus nobody listens to. */
let unheardEvents: EventBus | undefined;

interface Session {
  viewer: Viewer | null;
  db: Db;
  loaders: Loaders;
}

/**
 * One request context: who asks, what they may read, and the request's tools. Built
 * once per request from the token; the only change it allows is `signIn`, so that the
 * fields under `login { viewer }` resolve as the user who just signed in.
 */
export class RequestContext {
  /** Guarded fields this request redacted (reported in `extensions.redacted`). */
  readonly redacted = new Set<string>();
  /** Guarded fields read in clear about someone else: `Type.field` → row ids (one audit entry per request). */
  readonly clearReads = new Map<string, Set<number>>();
  /** Mutations whose audit entry is already written (the rest are recorded as refused at the end). */
  readonly auditedMutations = new Set<string>();
  readonly logger: Logger;
  private session: Session;

  constructor(
    private readonly deps: ContextDeps,
    readonly requestId: string,
    readonly clientIp: string,
    viewer: Viewer | null,
    scope: TenantScope,
    /** Runs work that holds no rows (a password hash) without one of admission control's execution slots (src/http.ts). */
    readonly withoutRequestSlot: WithoutRequestSlot = (work) => work(),
  ) {
    this.session = { viewer, db: new Db(deps.dataSource, scope), loaders: new Loaders() };
    this.logger = deps.logger.child({ requestId, userId: viewer?.userId });
  }

  get config(): Config {
    return this.deps.config;
  }

  get tokens(): TokenService {
    return this.deps.tokens;
  }

  /** Where live events are published (src/events). */
  get events(): EventBus {
    return this.deps.events ?? (unheardEvents ??= new EventBus(this.deps.logger));
  }

  /**
   * A subscription's context, before each event it delivers: the token is checked again
   * (a revoked, expired or deactivated account is refused as a new request would be), the
   * scope rebuilt, and the loaders start empty, so an event is read as of now.
   */
  async renew(authorization: string): Promise<void> {
    const who = await authenticate(this.deps, authorization);
    if (!who) throw invalidToken();
    this.session = { viewer: who.viewer, db: new Db(this.deps.dataSource, who.scope), loaders: new Loaders() };
  }

  /** The current instant, from the app's clock. */
  now(): Date {
    return this.deps.clock?.() ?? new Date();
  }

  get viewer(): Viewer | null {
    return this.session.viewer;
  }

  get db(): Db {
    return this.session.db;
  }

  get loaders(): Loaders {
    return this.session.loaders;
  }

  /**
   * Runs `fn` with this request's database bound to one transaction, so that a
   * mutation and its audit entry commit or fail together (services' own
   * `ctx.db.transaction` joins it). Mutations run one at a time, so the binding cannot
   * leak into another field; loaders start fresh on both sides of it. At READ COMMITTED,
   * the reads a service makes before its own locking reads do not fix a snapshot that
   * would hide rows committed while it waited for its locks (windows/coverage.ts).
   * Every mutation runs here (the audit wrapper), so the end of one forgets the cached
   * accounts.
   */
  async inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    const outside = this.session;
    try {
      return await outside.db.transaction(
        (db) => {
          this.session = { viewer: outside.viewer, db, loaders: new Loaders() };
          return fn();
        },
        { readCommitted: true },
      );
    } finally {
      this.session = { viewer: outside.viewer, db: outside.db, loaders: new Loaders() };
      // The mutation may have revoked tokens or changed roles (see accountOf).
      forgetAccounts(this.deps.dataSource);
    }
  }

  /**
   * A query request reads from the replicas, once its operation is known to be a query
   * (src/graphql/replica-reads.ts). A mutation request never calls this: it reads from
   * the primary before, inside and after its transaction, so its result shows what it
   * wrote. Without replicas, nothing changes.
   */
  readFromReplicas(): void {
    const replicas = this.deps.replicaManager;
    if (!replicas || this.session.db.inTransaction) return;
    const { viewer, db } = this.session;
    this.session = { viewer, db: new Db(this.deps.dataSource, db.scope, replicas), loaders: new Loaders() };
  }

  async signIn(user: User): Promise<void> {
    const { viewer, scope } = await viewerOf(this.deps, user);
    this.session = { viewer, db: new Db(this.deps.dataSource, scope), loaders: new Loaders() };
  }
}

function invalidToken(): UnauthenticatedError {
  return new UnauthenticatedError(messages.invalidToken, 401);
}

/**
 * A tenant and the ids of its subtree, kept per process for TENANT_TREE_CACHE_MS: every
 * request needs them and the division tree changes only by a command (create-admin) or
 * the seeds, which a running instance sees within that bound. The user row is never
 * cached: a revoked token is refused at once, on every instance.
 */
export const TENANT_TREE_CACHE_MS = 60_000;

interface TenantTree {
  tenant: Tenant;
  /** Read on first use only, and kept: most viewers read their own tenant alone. */
  subtreeIds(): Promise<number[]>;
}
const tenantTrees = new WeakMap<DataSource, Map<number, { until: number; tree: Promise<TenantTree> }>>();

function tenantTreeOf(dataSource: DataSource, tenantId: number): Promise<TenantTree> {
  const cache = tenantTrees.get(dataSource) ?? new Map<number, { until: number; tree: Promise<TenantTree> }>();
  tenantTrees.set(dataSource, cache);
  const cached = cache.get(tenantId);
  if (cached && cached.until > Date.now()) return cached.tree;
  // Unscoped on purpose: these queries are what build the scope.
  const manager = dataSource.manager;
  const tree = manager.findOneOrFail(Tenant, { where: { id: tenantId } }).then((tenant) => {
    let ids: Promise<number[]> | undefined;
    const subtreeIds = () =>
      (ids ??= manager
        .createQueryBuilder(Tenant, 't')
        .select('t.id', 'id')
        .where('t.path LIKE :prefix', { prefix: `${tenant.path}%` })
        .getRawMany<{ id: number }>()
        .then((rows) => rows.map((row) => Number(row.id))));
    return { tenant, subtreeIds };
  });
  tree.catch(() => cache.delete(tenantId));
  cache.set(tenantId, { until: Date.now() + TENANT_TREE_CACHE_MS, tree });
  return tree;
}

/**
 * The token's account (active, token version, roles), kept per process for
 * ACCOUNT_CACHE_MS so that a read does not pay a statement for it (issue 12). Any
 * mutation through this process forgets them all when it ends (sign-out, password change,
 * role change and deactivation are mutations), so this instance refuses a revoked token
 * at once and every other instance within ACCOUNT_CACHE_MS. A read that started before
 * such a mutation ended never stores what it read.
 */
export const ACCOUNT_CACHE_MS = 5_000;
/** Accounts kept at most; past it the cache starts again, so it never grows with the user base. */
const ACCOUNT_CACHE_SIZE = 10_000;

interface AccountCache {
  generation: number;
  accounts: Map<number, { until: number; user: User | null }>;
}
const accountCaches = new WeakMap<DataSource, AccountCache>();

function accountCacheOf(dataSource: DataSource): AccountCache {
  let cache = accountCaches.get(dataSource);
  if (!cache) accountCaches.set(dataSource, (cache = { generation: 0, accounts: new Map() }));
  return cache;
}

/** Called when a mutation ends, committed or not. */
export function forgetAccounts(dataSource: DataSource): void {
  const cache = accountCacheOf(dataSource);
  cache.generation += 1;
  cache.accounts.clear();
}

async function accountOf(dataSource: DataSource, userId: number): Promise<User | null> {
  const cache = accountCacheOf(dataSource);
  const cached = cache.accounts.get(userId);
  if (cached && cached.until > Date.now()) return cached.user;
  const generation = cache.generation;
  // Unscoped on purpose: authentication runs before any scope exists.
  const user = await dataSource.manager.findOne(User, { where: { id: userId } });
  if (cache.generation === generation) {
    if (cache.accounts.size >= ACCOUNT_CACHE_SIZE) cache.accounts.clear();
    cache.accounts.set(userId, { until: Date.now() + ACCOUNT_CACHE_MS, user });
  }
  return user;
}

async function viewerOf(deps: ContextDeps, user: User): Promise<{ viewer: Viewer; scope: TenantScope }> {
  const tree = await tenantTreeOf(deps.dataSource, user.tenantId);
  const tenant = tree.tenant;
  const roles = new Set(user.roles);
  const viewer: Viewer = {
    userId: user.id,
    username: user.username,
    tenantId: user.tenantId,
    tenantCode: tenant.code,
    tenantLevel: tenant.level,
    departmentId: user.departmentId,
    roles,
  };
  // Platform admins manage accounts everywhere but read no business data.
  if (roles.has(Role.PLATFORM_ADMIN)) return { viewer, scope: new TenantScope(user.tenantId, [], true) };
  const readsDescendants =
    tenant.level === TenantLevel.CITY || tenant.level === TenantLevel.PROVINCE || roles.has(Role.AUDITOR);
  if (!readsDescendants) return { viewer, scope: new TenantScope(user.tenantId, [user.tenantId]) };
  return { viewer, scope: new TenantScope(user.tenantId, await tree.subtreeIds()) };
}

/** Resolves the bearer token to a context; a bad, expired or revoked token is refused outright. */
export async function buildContext(
  deps: ContextDeps,
  request: { requestId: string; clientIp: string; authorization: string | undefined; withoutRequestSlot?: WithoutRequestSlot },
): Promise<RequestContext> {
  if (request.authorization === undefined || request.authorization === '') {
    return new RequestContext(deps, request.requestId, request.clientIp, null, TenantScope.anonymous, request.withoutRequestSlot);
  }
  const who = await authenticate(deps, request.authorization);
  if (!who) throw invalidToken();
  return new RequestContext(deps, request.requestId, request.clientIp, who.viewer, who.scope, request.withoutRequestSlot);
}

/** A `Bearer` authorization's viewer and scope; null for a bad, expired or revoked token. */
async function authenticate(deps: ContextDeps, authorization: string): Promise<{ viewer: Viewer; scope: TenantScope } | null> {
  const match = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/.exec(authorization);
  if (!match) return null;
  const claims = deps.tokens.verify(match[1]);
  if (!claims) return null;
  const user = await accountOf(deps.dataSource, claims.userId);
  if (!user || !user.active || user.tokenVersion !== claims.tokenVersion) return null;
  return viewerOf(deps, user);
}
