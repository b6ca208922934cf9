import { randomBytes, scryptSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import bcrypt from 'bcryptjs';
import request from 'supertest';
import { codeOf, startTestApp, TestApp } from './harness';
import { User } from '../src/modules/tenancy/entities';
import { HASH_QUEUE_LIMIT, HASH_SLOTS, verifyPassword } from '../src/auth/passwords';

/** Password storage (issue 12): scrypt off the event loop; bcrypt hashes from before upgraded at sign-in. */
let t: TestApp;
beforeAll(async () => {
  // The production cost, which the rest of the suite lowers for speed; two requests executing at once.
  t = await startTestApp({ SCRYPT_LOG2_N: '17', REQUEST_CONCURRENCY: '2' });
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

  it('a sign-in leaves the event loop mostly idle: the hash runs on a thread of its own', async () => {
    // Event-loop utilisation is the share of the time the loop was busy, not a duration:
    // bcryptjs (pure JavaScript) kept it near 1 for a whole sign-in.
    const before = performance.eventLoopUtilization();
    const res = await signIn('window_staff.210302', 'demo-2026');
    const during = performance.eventLoopUtilization(before);
    expect(res.data?.login.token).toEqual(expect.any(String));
    expect(during.utilization).toBeLessThan(0.5);
  });

  it('the hash runs at a lower scheduling priority than the event loop, which keeps its own (Linux keeps one per thread)', async () => {
    // The nice value of each of this process's threads (field 19 of /proc/<pid>/task/<tid>/stat).
    const niceOfThreads = () =>
      new Map(
        readdirSync('/proc/self/task').flatMap((tid) => {
          try {
            return [[Number(tid), Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16])] as const];
          } catch {
            return []; // the thread ended while listed
          }
        }),
      );
    const loopNice = niceOfThreads().get(process.pid);
    const seen = new Set<number>();
    let signedIn = false;
    const signingIn = signIn('window_staff.210381', 'demo-2026').then((res) => {
      signedIn = true;
      return res;
    });
    while (!signedIn) {
      for (const [tid, nice] of niceOfThreads()) if (tid !== process.pid) seen.add(nice);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await signingIn).data?.login.token).toEqual(expect.any(String));
    expect(seen).toContain(Math.max(loopNice ?? 0, 10));
    expect(niceOfThreads().get(process.pid)).toBe(loopNice);
  });

  it('sign-ins waiting for their hashes hold no execution slot: a query sent after four of them answers before any of them', async () => {
    const token = (await signIn('centre_admin.210300', 'demo-2026')).data?.login.token as string;
    // Two slots (REQUEST_CONCURRENCY), one hash at a time of a few hundred ms: four sign-ins
    // used to hold both slots while they waited for their hashes, and the query behind them.
    const order: string[] = [];
    const signIns = ['window_staff.210300', 'approver.210300', 'window_staff.210303', 'approver.210303'].map((username) =>
      signIn(username, 'demo-2026').then((res) => {
        order.push(username);
        return res;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const viewer = await t.gql('{ viewer { username } }', {}, token);
    order.push('viewer');
    expect(viewer.data?.viewer.username).toBe('centre_admin.210300');
    expect((await Promise.all(signIns)).map((res) => typeof res.data?.login.token)).toEqual(['string', 'string', 'string', 'string']);
    expect(order[0]).toBe('viewer');
  });

  it('at most HASH_QUEUE_LIMIT hashes wait: a sign-in beyond is refused with OVERLOADED, 503 and Retry-After, and nothing is lost', async () => {
    // Every slot taken by a slow hash (p=4: four production hashes, about a second here;
    // its key is random, so it answers false), and the queue filled behind them with cheap
    // ones (N=2^10), so the test does not wait for 64 real ones: the queue stays full while
    // the sign-in reads its account and counts its attempt.
    const salt = randomBytes(16);
    const slow = `scrypt$131072$8$4$${salt.toString('base64')}$${randomBytes(32).toString('base64')}`;
    const cheap = `scrypt$1024$8$1$${salt.toString('base64')}$${scryptSync('cheap-pass-1', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
    const holding = Array.from({ length: HASH_SLOTS }, () => verifyPassword('cheap-pass-1', slow));
    const waiting = Array.from({ length: HASH_QUEUE_LIMIT }, () => verifyPassword('cheap-pass-1', cheap));
    const refused = await request(t.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-language', 'en')
      .send({ query: LOGIN, variables: { input: { username: 'window_staff.210303', password: 'demo-2026' } } });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.errors).toEqual([expect.objectContaining({ message: 'The server is busy; try again shortly', extensions: expect.objectContaining({ code: 'OVERLOADED' }) })]);
    expect(await Promise.all(holding)).toEqual(holding.map(() => false));
    expect(await Promise.all(waiting)).toEqual(waiting.map(() => true));
    // The queue drained: the same sign-in now succeeds.
    expect((await signIn('window_staff.210303', 'demo-2026')).data?.login.token).toEqual(expect.any(String));
  });
});
