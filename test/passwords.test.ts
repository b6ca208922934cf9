import { performance } from 'node:perf_hooks';
import bcrypt from 'bcryptjs';
import { codeOf, startTestApp, TestApp } from './harness';
import { User } from '../src/modules/tenancy/entities';

/** Password storage (issue 12): scrypt off the event loop; bcrypt hashes from before upgraded at sign-in. */
let t: TestApp;
beforeAll(async () => {
  // The production cost, which the rest of the suite lowers for speed.
  t = await startTestApp({ SCRYPT_LOG2_N: '17' });
});
afterAll(() => t.close());

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
const signIn = (username: string, password: string) => t.gql(LOGIN, { input: { username, password } });
const storedHash = async (username: string) =>
  (await t.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.username = :username', { username }).getOneOrFail()).passwordHash;

describe('password storage', () => {
  it('accounts are stored as scrypt at OWASP parameters (N=2^17, r=8, p=1), self-describing', async () => {
    expect(await storedHash('window_staff.210300')).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });

  it('a bcrypt hash from before still signs in, and is replaced by scrypt at that sign-in; wrong passwords fail before and after', async () => {
    const username = 'approver.210302';
    await t.dataSource.getRepository(User).update({ username }, { passwordHash: bcrypt.hashSync('legacy-pass-2026', 10) });
    expect(codeOf(await signIn(username, 'legacy-pass-2027'))).toBe('UNAUTHENTICATED');
    expect(await storedHash(username)).toMatch(/^\$2[aby]\$/);
    const first = await signIn(username, 'legacy-pass-2026');
    expect(first.data?.login.token).toEqual(expect.any(String));
    expect(await storedHash(username)).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await signIn(username, 'legacy-pass-2026')).data?.login.token).toEqual(expect.any(String));
    expect(codeOf(await signIn(username, 'legacy-pass-2027'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signIn(username, ''))).toBe('UNAUTHENTICATED');
  });

  it('an unknown username is refused like a wrong password', async () => {
    expect(codeOf(await signIn('nobody.210300', 'demo-2026'))).toBe('UNAUTHENTICATED');
  });

  it('a sign-in leaves the event loop mostly idle: the hash runs on the thread pool', async () => {
    // Event-loop utilisation is the share of the time the loop was busy, not a duration:
    // bcryptjs (pure JavaScript) kept it near 1 for a whole sign-in.
    const before = performance.eventLoopUtilization();
    const res = await signIn('window_staff.210302', 'demo-2026');
    const during = performance.eventLoopUtilization(before);
    expect(res.data?.login.token).toEqual(expect.any(String));
    expect(during.utilization).toBeLessThan(0.5);
  });
});
