import jwt from 'jsonwebtoken';
import { User } from '../src/modules/tenancy/entities';
import { codeOf, startTestApp, TestApp } from './harness';
import { LOGIN_PER_CLIENT } from '../src/modules/session/service';

const MAX_ATTEMPTS = LOGIN_PER_CLIENT.maxAttempts;

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token expiresAt viewer { username roles tenant { code } department { name } } } }';
const VIEWER = '{ viewer { username } }';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.gql(LOGIN, { input: { username, password } });

describe('login', () => {
  it('signs in with the right password and returns the viewer', async () => {
    const res = await login('window_staff.210381', 'demo-2026');
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.viewer).toEqual({
      username: 'window_staff.210381',
      roles: ['WINDOW_STAFF'],
      tenant: { code: '210381' },
      department: { name: '窗口服务部' },
    });
    const expiresAt = new Date(res.data?.login.expiresAt).getTime();
    expect(expiresAt - Date.now()).toBeGreaterThan(3500_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(3600_000);
    const me = await t.gql(VIEWER, {}, res.data?.login.token);
    expect(me.data?.viewer.username).toBe('window_staff.210381');
  });

  it('gives a wrong password and an unknown user the same error', async () => {
    const wrong = await login('approver.210381', 'not-the-password');
    const unknown = await login('nobody.999999', 'demo-2026');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(codeOf(unknown)).toBe(codeOf(wrong));
    expect(wrong.data).toBeNull();
  });

  it('refuses an inactive account even with the right password', async () => {
    await t.dataSource.getRepository(User).update({ username: 'finance.210321' }, { active: false });
    const res = await login('finance.210321', 'demo-2026');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('throttles a username from one client after repeated failures, even for the right password', async () => {
    for (let i = 1; i < MAX_ATTEMPTS - 1; i += 1) {
      expect(codeOf(await login('supervisor.210381', `wrong-${i}`))).toBe('UNAUTHENTICATED');
    }
    // Aliases do not multiply attempts: each one that runs counts, and a failed login
    // (non-null payload) stops the rest of the mutation.
    const aliases = Array.from({ length: 3 }, (_, i) => `a${i}: login(input: { username: "supervisor.210381", password: "alias-${i}" }) { token }`);
    const burst = await t.gql(`mutation { ${aliases.join(' ')} }`);
    expect(burst.errors).toHaveLength(1);
    expect(codeOf(await login('supervisor.210381', 'wrong-again'))).toBe('UNAUTHENTICATED');
    const res = await login('supervisor.210381', 'demo-2026');
    expect(codeOf(res)).toBe('TOO_MANY_ATTEMPTS');
    expect(res.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another username is not affected.
    expect((await login('supervisor.210321', 'demo-2026')).data?.login.token).toBeTruthy();
  });
});

describe('tokens', () => {
  const sign = (payload: { tv: number; exp?: number }, options: jwt.SignOptions = {}, secret = t.config.jwtSecret ?? '') =>
    jwt.sign({ exp: Math.floor(Date.now() / 1000) + 600, ...payload }, secret, {
      algorithm: 'HS256',
      issuer: 'gov-service-api',
      audience: 'gov-service-api',
      ...options,
    });

  async function userId(username: string): Promise<string> {
    return String((await t.dataSource.getRepository(User).findOneByOrFail({ username })).id);
  }

  it('accepts a well-formed token (control for the refusals below)', async () => {
    const token = sign({ tv: 0 }, { subject: await userId('approver.210302') });
    expect((await t.gql(VIEWER, {}, token)).data?.viewer.username).toBe('approver.210302');
  });

  it.each([
    ['expired', async () => sign({ tv: 0, exp: Math.floor(Date.now() / 1000) - 10 }, { subject: await userId('approver.210302') })],
    ['signed with another secret', async () => sign({ tv: 0 }, { subject: await userId('approver.210302') }, 'another-secret-another-secret-123456')],
    ['for another audience', async () => sign({ tv: 0 }, { subject: await userId('approver.210302'), audience: 'other-app' })],
    ['from another issuer', async () => sign({ tv: 0 }, { subject: await userId('approver.210302'), issuer: 'evil' })],
    ['with alg none', async () => jwt.sign({ tv: 0, sub: await userId('approver.210302'), iss: 'gov-service-api', aud: 'gov-service-api' }, '', { algorithm: 'none' })],
    ['signed HS512', async () => sign({ tv: 0 }, { subject: await userId('approver.210302'), algorithm: 'HS512' })],
    ['with tampered claims', async () => {
      const [h, , s] = sign({ tv: 0 }, { subject: await userId('approver.210302') }).split('.');
      const claims = Buffer.from(JSON.stringify({ tv: 0, sub: await userId('platform_admin'), iss: 'gov-service-api', aud: 'gov-service-api', exp: 9999999999 })).toString('base64url');
      return `${h}.${claims}.${s}`;
    }],
    ['with an old token version', async () => sign({ tv: 7 }, { subject: await userId('approver.210302') })],
    ['without an expiry', async () =>
      jwt.sign({ tv: 0 }, t.config.jwtSecret ?? '', { algorithm: 'HS256', issuer: 'gov-service-api', audience: 'gov-service-api', subject: await userId('approver.210302') })],
    ['without an audience', async () =>
      jwt.sign({ tv: 0, exp: Math.floor(Date.now() / 1000) + 600 }, t.config.jwtSecret ?? '', { algorithm: 'HS256', issuer: 'gov-service-api', subject: await userId('approver.210302') })],
    ['that is not a JWT', async () => 'not-a-token'],
  ])('refuses a token %s with UNAUTHENTICATED', async (_label, make) => {
    const res = await t.gql(VIEWER, {}, await make());
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.status).toBe(401);
    expect(res.data?.viewer).toBeUndefined();
  });

  it('refuses a protected field without a token', async () => {
    const res = await t.gql(VIEWER);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the token', async () => {
    const token = (await login('approver.210303', 'demo-2026')).data?.login.token;
    expect((await t.gql(VIEWER, {}, token)).data?.viewer.username).toBe('approver.210303');
    const out = await t.gql('mutation { logout }', {}, token);
    expect(out.data?.logout).toBe(true);
    expect(codeOf(await t.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('a password change revokes older tokens and the new password works', async () => {
    const old = (await login('approver.210304', 'demo-2026')).data?.login.token;
    const change = await t.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
      { input: { currentPassword: 'demo-2026', newPassword: 'new-password-2026' } },
      old,
    );
    expect(change.errors).toBeUndefined();
    expect(codeOf(await t.gql(VIEWER, {}, old))).toBe('UNAUTHENTICATED');
    expect((await t.gql(VIEWER, {}, change.data?.changePassword.token)).data?.viewer.username).toBe('approver.210304');
    expect(codeOf(await login('approver.210304', 'demo-2026'))).toBe('UNAUTHENTICATED');
    expect((await login('approver.210304', 'new-password-2026')).data?.login.token).toBeTruthy();
  });

  it('refuses a weak new password naming the field', async () => {
    const token = await t.tokenOf('approver.210311');
    const res = await t.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
      { input: { currentPassword: 'demo-2026', newPassword: 'short' } },
      token,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('input.newPassword');
  });

  it('deactivating an account revokes its tokens', async () => {
    const victim = await t.tokenOf('window_staff.210323');
    const admin = await t.tokenOf('centre_admin.210323');
    const user = await t.gql('{ viewer { id version } }', {}, victim);
    const res = await t.gql(
      'mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { active } }',
      { input: { id: user.data?.viewer.id, active: false, version: user.data?.viewer.version } },
      admin,
    );
    expect(res.data?.setUserActive.active).toBe(false);
    expect(codeOf(await t.gql(VIEWER, {}, victim))).toBe('UNAUTHENTICATED');
  });
});
