import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../src/config';

describe('configuration', () => {
  it('defaults to the embedded SQLite file and port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ type: 'sqlite', database: 'data/dev.sqlite' });
    expect(config.jwtTtlSeconds).toBe(3600);
    expect(config.introspection).toBe(true);
    expect(config.trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('parses a MySQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://api:p%40ss@db.internal:3307/gov' }).database).toEqual({
      type: 'mysql', flavour: 'mysql', host: 'db.internal', port: 3307, username: 'api', password: 'p@ss', database: 'gov',
    });
  });

  it('takes mariadb:// for MariaDB (used by CI), with the same migrations', () => {
    expect(loadConfig({ DATABASE_URL: 'mariadb://ci:pw@127.0.0.1/gov' }).database).toMatchObject({ type: 'mysql', flavour: 'mariadb', port: 3306 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://host-only' }, 'DATABASE_URL'],
    [{ JWT_TTL: 'forever' }, 'JWT_TTL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ INTROSPECTION: 'maybe' }, 'INTROSPECTION'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'x; rm -rf' }, 'TRUST_PROXY'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it('refuses the development secret and short secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^JWT_SECRET:/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/^JWT_SECRET:/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short-secret' })).toThrow(/^JWT_SECRET:.*32 bytes/);
    const ok = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(ok.introspection).toBe(false);
  });
});
