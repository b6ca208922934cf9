import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEMO_PASSWORD, loadConfig } from '../src/config';
import { developmentJwtSecret, developmentSecretPath, resolveJwtSecret } from '../src/auth/jwt-secret';

describe('configuration', () => {
  it('defaults to the embedded SQLite file and port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBeUndefined();
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(config.database).toEqual({ type: 'sqlite', database: 'data/dev.sqlite' });
    expect(config.jwtTtlSeconds).toBe(3600);
    expect(config.introspection).toBe(true);
    expect(config.trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({})).toMatchObject({ requestConcurrency: 8, requestQueue: 256 });
  });

  it('allows browser origins only where listed; development allows localhost by default', () => {
    expect(loadConfig({}).corsOrigins).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://Gov.Example.cn/, http://localhost:5173' }).corsOrigins).toEqual(['https://gov.example.cn', 'http://localhost:5173']);
  });

  it('parses a MySQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://api:p%40ss@db.internal:3307/gov' }).database).toEqual({
      type: 'mysql', flavour: 'mysql', host: 'db.internal', port: 3307, username: 'api', password: 'p@ss', database: 'gov',
    });
  });

  it('takes mariadb:// for MariaDB (used by CI), with the same migrations', () => {
    expect(loadConfig({ DATABASE_URL: 'mariadb://ci:pw@127.0.0.1/gov' }).database).toMatchObject({ type: 'mysql', flavour: 'mariadb', port: 3306 });
  });

  it('takes read replicas from DATABASE_REPLICA_URLS (a comma list); without it the primary alone, as before', () => {
    const primary = 'mariadb://api:pw@10.0.0.1:3306/gov';
    expect(loadConfig({ DATABASE_URL: primary }).database).not.toHaveProperty('replicas');
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: ' ' }).database).not.toHaveProperty('replicas');
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'mysql://ro:s%2Fcret@10.0.0.2/gov, mariadb://ro:x@10.0.0.3:3307/gov,' }).database).toEqual({
      type: 'mysql', flavour: 'mariadb', host: '10.0.0.1', port: 3306, username: 'api', password: 'pw', database: 'gov',
      replicas: [
        { host: '10.0.0.2', port: 3306, username: 'ro', password: 's/cret', database: 'gov' },
        { host: '10.0.0.3', port: 3307, username: 'ro', password: 'x', database: 'gov' },
      ],
    });
  });

  it.each([
    [{ DATABASE_REPLICA_URLS: 'mysql://ro:x@10.0.0.2/gov' }, /SQLite database has none/],
    [{ DATABASE_URL: 'sqlite::memory:', DATABASE_REPLICA_URLS: 'mysql://ro:x@10.0.0.2/gov' }, /need a MySQL primary/],
    [{ DATABASE_URL: 'mysql://a:b@db/gov', DATABASE_REPLICA_URLS: 'sqlite:replica.sqlite' }, /replica 1: expected mysql/],
    [{ DATABASE_URL: 'mysql://a:b@db/gov', DATABASE_REPLICA_URLS: 'postgres://ro@db2/gov' }, /unsupported scheme/],
    [{ DATABASE_URL: 'mysql://a:b@db/gov', DATABASE_REPLICA_URLS: 'mysql://db2' }, /needs a user, a host and a database/],
    [{ DATABASE_URL: 'mysql://a:b@db/gov', DATABASE_REPLICA_URLS: 'mysql://ro:x@db:3306/gov' }, /replica 1 is the primary itself/],
    [{ DATABASE_URL: 'mysql://a:b@db/gov', DATABASE_REPLICA_URLS: 'mysql://ro:x@db2/gov,mysql://ro:y@db2:3306/gov' }, /replica 2 is listed twice/],
  ])('refuses replicas %j with a DATABASE_REPLICA_URLS error (%s), never echoing a password', (env, reason) => {
    expect(() => loadConfig(env)).toThrow(/^DATABASE_REPLICA_URLS: /);
    expect(() => loadConfig(env)).toThrow(reason);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toMatch(/:x@|:y@|ro:/);
    }
  });

  it('drains for 5 s in production before refusing requests (0 elsewhere), and gives requests in flight 20 s', () => {
    expect(loadConfig({})).toMatchObject({ drainDelayMs: 0, shutdownGraceMs: 20000 });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toMatchObject({ drainDelayMs: 5000, shutdownGraceMs: 20000 });
    expect(loadConfig({ DRAIN_DELAY_MS: '250', SHUTDOWN_GRACE_MS: '3000' })).toMatchObject({ drainDelayMs: 250, shutdownGraceMs: 3000 });
    expect(() => loadConfig({ DRAIN_DELAY_MS: 'soon' })).toThrow(/^DRAIN_DELAY_MS:/);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '0' })).toThrow(/^SHUTDOWN_GRACE_MS:/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: '127.0.0.1; rm -rf /' }, 'HOST'],
    [{ DATABASE_URL: 'postgres://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://host-only' }, 'DATABASE_URL'],
    [{ JWT_TTL: 'forever' }, 'JWT_TTL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ INTROSPECTION: 'maybe' }, 'INTROSPECTION'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'x; rm -rf' }, 'TRUST_PROXY'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ SCRYPT_LOG2_N: '9' }, 'SCRYPT_LOG2_N'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), SCRYPT_LOG2_N: '12' }, 'SCRYPT_LOG2_N'],
    [{ CORS_ORIGINS: 'https://ok.example.cn, javascript:alert(1)' }, 'CORS_ORIGINS'],
    [{ REQUEST_CONCURRENCY: '0' }, 'REQUEST_CONCURRENCY'],
    [{ REQUEST_CONCURRENCY: 'many' }, 'REQUEST_CONCURRENCY'],
    [{ REQUEST_QUEUE: '-1' }, 'REQUEST_QUEUE'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it('refuses to start in production without a JWT_SECRET of at least 32 bytes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^JWT_SECRET:/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short-secret' })).toThrow(/^JWT_SECRET:.*32 bytes/);
    const ok = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(ok.introspection).toBe(false);
  });

  it('has no signing secret of its own: unset, development keeps a random one beside the embedded database (mode 0600)', () => {
    expect(loadConfig({}).jwtSecret).toBeUndefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govapi-secret-'));
    const config = loadConfig({ DATABASE_URL: `sqlite:${dir}/db/dev.sqlite` });
    const file = developmentSecretPath(config.database);
    expect(file).toBe(path.join(dir, 'db', 'jwt-secret'));
    const first = resolveJwtSecret(config);
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A restart keeps it (sessions survive); another installation gets another one.
    expect(resolveJwtSecret(config)).toBe(first);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'govapi-secret-'));
    expect(developmentJwtSecret(path.join(other, 'jwt-secret'))).not.toBe(first);
    // Only development makes one: a test or production process without JWT_SECRET does not start.
    expect(() => resolveJwtSecret(loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${dir}/db/dev.sqlite` }))).toThrow(/JWT_SECRET/);
  });

  it('writes demo data by default only in development, and never with the published password in production', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(false);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production)).toMatchObject({ seedDemo: false, seedPassword: undefined });
    expect(() => loadConfig({ ...production, SEED_DEMO: '1' })).toThrow(/^SEED_PASSWORD:/);
    expect(() => loadConfig({ ...production, SEED_DEMO: '1', SEED_PASSWORD: DEMO_PASSWORD })).toThrow(/^SEED_PASSWORD:/);
    expect(loadConfig({ ...production, SEED_DEMO: '1', SEED_PASSWORD: 'own-password-2026' })).toMatchObject({ seedDemo: true, seedPassword: 'own-password-2026' });
  });
});
