/**
 * Every environment variable the API reads, parsed and validated in one place.
 * A bad value raises ConfigError naming the variable; index.ts prints that one line
 * and exits.
 */
export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type DatabaseConfig =
  | { type: 'sqlite'; database: string }
  | {
      type: 'mysql';
      /** MariaDB speaks the same protocol; TypeORM reads its catalogue slightly differently. */
      flavour: 'mysql' | 'mariadb';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
      /** Read replicas (DATABASE_REPLICA_URLS): GraphQL queries read there; empty without the variable. */
      replicas?: MysqlEndpoint[];
    };

/** One MySQL server of a primary's replicas. */
export interface MysqlEndpoint {
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

export interface Config {
  port: number;
  /** HOST: the address to listen on (such as 127.0.0.1); every interface when unset. */
  host: string | undefined;
  nodeEnv: NodeEnv;
  database: DatabaseConfig;
  /**
   * HS256 key from JWT_SECRET. Unset in development, the server keeps a random one beside
   * the embedded database (src/auth/jwt-secret.ts); production refuses to start without it.
   */
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  logLevel: LogLevel;
  introspection: boolean;
  /** SEED_DEMO: write the demo data; on by default only in development. */
  seedDemo: boolean;
  /** Password of the demo accounts; in production only an explicit SEED_PASSWORD is used. */
  seedPassword: string | undefined;
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe for the client address. */
  trustProxy: string | number;
  /** Browser origins allowed to call the API (CORS); `:*` stands for any port. */
  corsOrigins: string[];
  /** scrypt cost of new password hashes, log2 N: OWASP's 17 unless a test run lowers it. */
  scryptLog2N: number;
  /** GraphQL requests executed at once (REQUEST_CONCURRENCY); the rest wait their turn. */
  requestConcurrency: number;
  /** Requests allowed to wait (REQUEST_QUEUE); beyond it, 503 with Retry-After. */
  requestQueue: number;
  /**
   * The 电子监察 check as a periodic job in this process: SUPERVISION_JOB (`on` by default,
   * `off` to leave it to other instances or to runSupervisionCheck) every
   * SUPERVISION_JOB_INTERVAL seconds (default 60, 5-86400). Safe on every instance.
   */
  supervisionJob: { enabled: boolean; intervalSeconds: number };
  /**
   * DRAIN_DELAY_MS: after SIGTERM, how long the instance keeps serving while /readyz already
   * says not ready, so that a load balancer polling it stops sending (5000 in production, 0 elsewhere).
   */
  drainDelayMs: number;
  /** SHUTDOWN_GRACE_MS: how long requests in flight may take to finish once new ones are refused. */
  shutdownGraceMs: number;
  /** REDIS_URL: live events cross instances through Redis pub/sub; unset, they stay in this process. */
  redisUrl: string | undefined;
  /** REDIS_CHANNEL_PREFIX: keeps deployments (and test runs) sharing one Redis apart. */
  redisChannelPrefix: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}

const MIN_PRODUCTION_SECRET_BYTES = 32;
/** The published password of the demo accounts (README); never used in production. */
export const DEMO_PASSWORD = 'demo-2026';
const DEFAULT_SQLITE_FILE = 'data/dev.sqlite';

type Env = Record<string, string | undefined>;

function parsePort(env: Env): number {
  const raw = env.PORT ?? '4000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `expected an integer 1-65535, got "${raw}"`);
  }
  return port;
}

function parseHost(env: Env): string | undefined {
  const raw = (env.HOST ?? '').trim();
  if (raw === '') return undefined;
  if (!/^[a-zA-Z0-9.:-]{1,253}$/.test(raw)) throw new ConfigError('HOST', `expected an address such as 127.0.0.1 or ::1, got "${raw}"`);
  return raw;
}

function parseNodeEnv(env: Env): NodeEnv {
  const raw = env.NODE_ENV ?? 'development';
  if (raw !== 'development' && raw !== 'test' && raw !== 'production') {
    throw new ConfigError('NODE_ENV', `expected development, test or production, got "${raw}"`);
  }
  return raw;
}

export function parseDatabaseUrl(raw: string | undefined, variable = 'DATABASE_URL'): DatabaseConfig {
  if (raw === undefined || raw === '') return { type: 'sqlite', database: DEFAULT_SQLITE_FILE };
  if (raw === 'sqlite::memory:') return { type: 'sqlite', database: ':memory:' };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') throw new ConfigError(variable, 'sqlite: URL needs a file path');
    return { type: 'sqlite', database: file };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, 'expected sqlite::memory:, sqlite:<file> or mysql://user:pass@host:port/db');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(variable, `unsupported scheme "${url.protocol.replace(':', '')}"; use sqlite, mysql or mariadb`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname || !database || !url.username) {
    throw new ConfigError(variable, 'a mysql URL needs a user, a host and a database: mysql://user:pass@host:port/db');
  }
  return {
    type: 'mysql',
    flavour: url.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
  };
}

/**
 * DATABASE_REPLICA_URLS: a comma list of mysql:// or mariadb:// URLs of the primary's read
 * replicas. Only a MySQL primary has replicas; each is named once and is not the primary.
 */
function parseReplicas(env: Env, primary: DatabaseConfig): DatabaseConfig {
  const raw = (env.DATABASE_REPLICA_URLS ?? '').trim();
  if (raw === '') return primary;
  const variable = 'DATABASE_REPLICA_URLS';
  if (primary.type !== 'mysql') {
    throw new ConfigError(variable, 'read replicas need a MySQL primary (DATABASE_URL=mysql://…); the embedded SQLite database has none');
  }
  const replicas = raw.split(',').map((entry) => entry.trim()).filter(Boolean).map((url, index) => {
    if (url.startsWith('sqlite:')) throw new ConfigError(variable, `replica ${index + 1}: expected mysql://user:pass@host:port/db`);
    const parsed = parseDatabaseUrl(url, variable);
    if (parsed.type !== 'mysql') throw new ConfigError(variable, `replica ${index + 1}: expected mysql://user:pass@host:port/db`);
    const { host, port, username, password, database } = parsed;
    return { host, port, username, password, database };
  });
  const addresses = [`${primary.host}:${primary.port}`];
  for (const [index, replica] of replicas.entries()) {
    const address = `${replica.host}:${replica.port}`;
    if (addresses[0] === address) throw new ConfigError(variable, `replica ${index + 1} is the primary itself (${address})`);
    if (addresses.includes(address)) throw new ConfigError(variable, `replica ${index + 1} is listed twice (${address})`);
    addresses.push(address);
  }
  return { ...primary, replicas };
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function parseTtl(env: Env): number {
  const raw = env.JWT_TTL ?? '1h';
  const match = /^(\d+)([smhd]?)$/.exec(raw);
  const seconds = match ? Number(match[1]) * TTL_UNITS[match[2] || 's'] : NaN;
  if (!Number.isFinite(seconds) || seconds < 60 || seconds > 7 * 86400) {
    throw new ConfigError('JWT_TTL', `expected a duration between 60s and 7d such as 3600, 30m, 1h, got "${raw}"`);
  }
  return seconds;
}

function parseCount(env: Env, variable: string, fallback: number, min: number, max: number): number {
  const raw = env[variable] ?? String(fallback);
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(variable, `expected an integer ${min}-${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parseSecret(env: Env, nodeEnv: NodeEnv): string | undefined {
  const secret = env.JWT_SECRET;
  if (secret === undefined || secret === '') {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', `must be set in production (at least ${MIN_PRODUCTION_SECRET_BYTES} random bytes)`);
    return undefined;
  }
  if (nodeEnv === 'production' && Buffer.byteLength(secret, 'utf8') < MIN_PRODUCTION_SECRET_BYTES) {
    throw new ConfigError('JWT_SECRET', `must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production`);
  }
  return secret;
}

/** Demo accounts have a published password: production writes them only when asked, with a password of its own. */
function parseSeed(env: Env, nodeEnv: NodeEnv): { seedDemo: boolean; seedPassword: string | undefined } {
  const seedDemo = parseBoolean(env, 'SEED_DEMO', nodeEnv === 'development');
  const password = env.SEED_PASSWORD || undefined;
  if (nodeEnv !== 'production') return { seedDemo, seedPassword: password ?? DEMO_PASSWORD };
  if (seedDemo && (password === undefined || password === DEMO_PASSWORD)) {
    throw new ConfigError('SEED_PASSWORD', 'SEED_DEMO=1 in production needs a SEED_PASSWORD of its own (the demo password is published)');
  }
  return { seedDemo, seedPassword: password };
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(env: Env, nodeEnv: NodeEnv): LogLevel {
  const raw = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(raw as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return raw as LogLevel;
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

/** `loopback` (default), a hop count such as `1`, or addresses/subnets such as `10.0.0.0/8, loopback`. */
function parseTrustProxy(env: Env): string | number {
  const raw = (env.TRUST_PROXY || 'loopback').trim();
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (!/^[\w.:/, -]{1,200}$/.test(raw)) {
    throw new ConfigError('TRUST_PROXY', `expected a hop count or a list of addresses and subnets, got "${raw}"`);
  }
  if (raw === 'true') throw new ConfigError('TRUST_PROXY', 'trusting every proxy lets clients forge their address: give a hop count or subnets');
  return raw;
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:(\d{1,5}|\*))?$/;

/**
 * CORS_ORIGINS: a comma list such as `https://gov.example.cn, http://localhost:*`. In
 * development any localhost port is allowed by default; elsewhere no origin unless listed.
 * `*` (every origin) is refused: list them.
 */
function parseCorsOrigins(env: Env, nodeEnv: NodeEnv): string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined || raw.trim() === '') return nodeEnv === 'development' ? ['http://localhost:*', 'http://127.0.0.1:*'] : [];
  const origins = raw.split(',').map((origin) => origin.trim().toLowerCase().replace(/\/$/, '')).filter(Boolean);
  const bad = origins.find((origin) => !ORIGIN.test(origin));
  if (bad !== undefined) throw new ConfigError('CORS_ORIGINS', `expected origins such as https://gov.example.cn or http://localhost:*, got "${bad}"`);
  return origins;
}

/** SCRYPT_LOG2_N: 17 (OWASP) by default; 10-20; production refuses less than 17. */
function parseScryptCost(env: Env, nodeEnv: NodeEnv): number {
  const raw = env.SCRYPT_LOG2_N ?? '17';
  const value = Number(raw);
  if (!/^\d{1,2}$/.test(raw) || value < 10 || value > 20) throw new ConfigError('SCRYPT_LOG2_N', `expected an integer 10-20, got "${raw}"`);
  if (nodeEnv === 'production' && value < 17) throw new ConfigError('SCRYPT_LOG2_N', 'production hashes passwords at 17 (OWASP) or more');
  return value;
}

function parseSupervisionJob(env: Env): Config['supervisionJob'] {
  const raw = (env.SUPERVISION_JOB ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0', ''].includes(raw)) throw new ConfigError('SUPERVISION_JOB', `expected on or off, got "${raw}"`);
  return { enabled: !['off', 'false', '0'].includes(raw), intervalSeconds: parseCount(env, 'SUPERVISION_JOB_INTERVAL', 60, 5, 86400) };
}

function parseRedisUrl(env: Env): string | undefined {
  const raw = env.REDIS_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    throw new ConfigError('REDIS_URL', 'expected redis://[user:password@]host:port[/db] or rediss://…');
  }
  return raw;
}

function parseChannelPrefix(env: Env): string {
  const raw = env.REDIS_CHANNEL_PREFIX ?? 'gov-service-api:';
  if (!/^[\w:.-]{1,64}$/.test(raw)) throw new ConfigError('REDIS_CHANNEL_PREFIX', `expected 1-64 letters, digits, ':', '.', '-' or '_', got "${raw}"`);
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = parseNodeEnv(env);
  return {
    port: parsePort(env),
    host: parseHost(env),
    nodeEnv,
    database: parseReplicas(env, parseDatabaseUrl(env.DATABASE_URL)),
    jwtSecret: parseSecret(env, nodeEnv),
    jwtTtlSeconds: parseTtl(env),
    logLevel: parseLogLevel(env, nodeEnv),
    introspection: parseBoolean(env, 'INTROSPECTION', nodeEnv !== 'production'),
    ...parseSeed(env, nodeEnv),
    trustProxy: parseTrustProxy(env),
    corsOrigins: parseCorsOrigins(env, nodeEnv),
    scryptLog2N: parseScryptCost(env, nodeEnv),
    requestConcurrency: parseCount(env, 'REQUEST_CONCURRENCY', 8, 1, 1000),
    requestQueue: parseCount(env, 'REQUEST_QUEUE', 256, 0, 100000),
    supervisionJob: parseSupervisionJob(env),
    drainDelayMs: parseCount(env, 'DRAIN_DELAY_MS', nodeEnv === 'production' ? 5000 : 0, 0, 120000),
    shutdownGraceMs: parseCount(env, 'SHUTDOWN_GRACE_MS', 20000, 100, 600000),
    redisUrl: parseRedisUrl(env),
    redisChannelPrefix: parseChannelPrefix(env),
  };
}
