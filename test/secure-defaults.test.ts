import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { once } from 'node:events';
import request from 'supertest';
import jwt from 'jsonwebtoken';
import { createApp } from '../src/app';
import { DEMO_PASSWORD, loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { encodeGlobalId } from '../src/graphql/global-id';
import { maskAddress, maskIdNumber, maskName } from '../src/auth/masks';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { Matter } from '../src/modules/matters/entities';
import { LOGIN_PER_ACCOUNT, LOGIN_PER_CLIENT } from '../src/modules/session/service';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';

const ROOT = path.resolve(__dirname, '../..');
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends object>(entity: new () => T) => t.dataSource.getRepository(entity);

/** A sign-in from a given client address (the app trusts X-Forwarded-For from loopback, as behind a proxy). */
async function loginFrom(client: string, username: string, password: string): Promise<GraphQLResponse<Record<string, any>>> {
  const res = await request(t.app).post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', client).send({ query: LOGIN, variables: { input: { username, password } } });
  return { status: res.status, ...res.body, sqlStatements: NaN };
}

describe('no secret in the repository signs tokens', () => {
  /** Every quoted string and every word of 8+ characters in the tracked files. */
  function stringsInRepository(): string[] {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f && !f.endsWith('package-lock.json'));
    const found = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/'([^'\n]{8,})'|"([^"\n]{8,})"|`([^`\n]{8,})`/g)) found.add(match[1] ?? match[2] ?? match[3]);
      for (const word of text.split(/[\s=:,;()[\]{}<>]+/)) if (word.length >= 8) found.add(word);
    }
    return [...found];
  }

  // One request per string: thousands, and more as the repository grows (hence its own time limit).
  it('a development server without JWT_SECRET refuses tokens signed with any string found in the repository', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govapi-dev-'));
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: `sqlite:${dir}/dev.sqlite`, LOG_LEVEL: 'silent', SCRYPT_LOG2_N: t.config.scryptLog2N.toString() });
    expect(config.jwtSecret).toBeUndefined();
    const { app, stop } = await createApp({ config, dataSource: t.dataSource, logger: createLogger('silent') });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const admin = await repo(User).findOneByOrFail({ username: 'platform_admin' });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const viewerWith = async (secret: string) => {
      const token = jwt.sign({ tv: admin.tokenVersion, exp }, secret, { algorithm: 'HS256', issuer: 'gov-service-api', audience: 'gov-service-api', subject: String(admin.id) });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ viewer { username } }"}' });
      return { status: res.status, body: (await res.json()) as { data?: unknown } };
    };
    try {
      const candidates = stringsInRepository();
      expect(candidates.length).toBeGreaterThan(1000);
      for (let i = 0; i < candidates.length; i += 50) {
        const batch = candidates.slice(i, i + 50);
        const statuses = await Promise.all(batch.map(async (secret) => (await viewerWith(secret)).status));
        const accepted = batch.filter((_, j) => statuses[j] !== 401);
        expect(accepted).toEqual([]);
      }
      // Control: the server's own secret (random, kept beside the database) does sign.
      const own = fs.readFileSync(path.join(dir, 'jwt-secret'), 'utf8');
      expect((await viewerWith(own)).body.data).toEqual({ viewer: { username: 'platform_admin' } });
    } finally {
      server.close();
      await stop();
    }
  }, 240_000);
});

describe('production has no demo accounts', () => {
  const freePort = () =>
    new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });

  function run(script: string, args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', script), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => resolve({ code, output }));
      child.stdin.end(stdin ?? '');
    });
  }

  it('a new production database has no account that accepts the published password; create-admin makes the first admin from stdin, never an argument', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govapi-prod-'));
    const port = await freePort();
    const env = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), DATABASE_URL: `sqlite:${dir}/prod.sqlite`, PORT: String(port), LOG_LEVEL: 'info' };
    const server = spawn(process.execPath, [path.join(ROOT, 'dist/src/index.js')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    const api = `http://127.0.0.1:${port}`;
    try {
      await new Promise<void>((resolve, reject) => {
        let log = '';
        server.stdout.on('data', (chunk) => {
          log += chunk;
          if (log.includes('API ready')) resolve();
        });
        server.on('exit', () => reject(new Error(`the server stopped: ${log}`)));
      });
      const login = async (username: string, password: string) =>
        (await request(api).post('/graphql').set('content-type', 'application/json').send({ query: LOGIN, variables: { input: { username, password } } })).body;
      for (const username of ['platform_admin', 'centre_admin.210300', 'window_staff.210381', 'auditor.210300']) {
        expect((await login(username, DEMO_PASSWORD)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }

      const argument = await run('src/modules/tenancy/create-admin.js', ['--tenant-code', '210000', '--tenant-name', '辽宁省', '--password', 'Secret-Admin-2026'], env);
      expect(argument.code).not.toBe(0);
      const weak = await run('src/modules/tenancy/create-admin.js', ['--tenant-code', '210000', '--tenant-name', '辽宁省'], env, 'short\n');
      expect([weak.code, weak.output]).toEqual([1, expect.stringContaining('password')]);
      const created = await run('src/modules/tenancy/create-admin.js', ['--username', 'root_admin', '--tenant-code', '210000', '--tenant-name', '辽宁省'], env, 'Secret-Admin-2026\n');
      expect([created.code, created.output]).toEqual([0, expect.stringContaining('root_admin')]);
      expect((await login('root_admin', 'Secret-Admin-2026')).data.login.token).toBeTruthy();
      expect((await login('platform_admin', DEMO_PASSWORD)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      server.kill('SIGTERM');
    }
  });
});

describe('sign-in throttling holds under parallel attempts and cannot lock a person out', () => {
  it(`31 parallel wrong passwords from one client get at most ${LOGIN_PER_CLIENT.maxAttempts} answers; the rest are refused unchecked`, async () => {
    const results = await Promise.all(Array.from({ length: 31 }, (_, i) => loginFrom('203.0.113.31', 'staff07.210302', `wrong-${i}`)));
    const codes = results.map((r) => codeOf(r));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(LOGIN_PER_CLIENT.maxAttempts);
    expect([...new Set(codes)].sort()).toEqual(['TOO_MANY_ATTEMPTS', 'UNAUTHENTICATED']);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(31 - LOGIN_PER_CLIENT.maxAttempts);
  });

  it("after an attacker's lockout, the real user still signs in from another client", async () => {
    for (let i = 0; i <= LOGIN_PER_CLIENT.maxAttempts; i += 1) await loginFrom('203.0.113.66', 'staff08.210302', `guess-${i}`);
    expect(codeOf(await loginFrom('203.0.113.66', 'staff08.210302', DEMO_PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect((await loginFrom('198.51.100.8', 'staff08.210302', DEMO_PASSWORD)).data?.login.token).toBeTruthy();
  });

  it('many clients slow the account down with growing delays, but not for a client the person signed in from lately', async () => {
    expect((await loginFrom('198.51.100.9', 'staff09.210302', DEMO_PASSWORD)).data?.login.token).toBeTruthy();
    for (let i = 0; i < LOGIN_PER_ACCOUNT.maxAttempts; i += 1) {
      expect(codeOf(await loginFrom(`192.0.2.${i + 1}`, 'staff09.210302', `spray-${i}`))).toBe('UNAUTHENTICATED');
    }
    const refused = await loginFrom('192.0.2.200', 'staff09.210302', 'spray-last');
    expect(codeOf(refused)).toBe('TOO_MANY_ATTEMPTS');
    // The first delay is short (1 s), not a lockout.
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(1);
    // A new client, even with the right password, waits; the person's own desk does not.
    expect(codeOf(await loginFrom('192.0.2.201', 'staff09.210302', DEMO_PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect((await loginFrom('198.51.100.9', 'staff09.210302', DEMO_PASSWORD)).data?.login.token).toBeTruthy();
  });
});

describe('usernames compare exactly', () => {
  it('a look-alike username does not sign in as the real one, and cannot be created', async () => {
    expect((await loginFrom('198.51.100.10', 'staff06.210303', DEMO_PASSWORD)).data?.login.token).toBeTruthy();
    for (const lookAlike of ['ståff06.210303', 'staff06.21０303', 'ｓtaff06.210303', 'staff06.210303\u200b']) {
      expect([lookAlike, codeOf(await loginFrom('198.51.100.10', lookAlike, DEMO_PASSWORD))]).toEqual([lookAlike, 'UNAUTHENTICATED']);
    }
    // The column itself compares byte for byte (binary collation on MySQL, BINARY on SQLite).
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM `user` WHERE username = ?', ['ståff06.210303']);
    expect(Number(n)).toBe(0);
    const department = await repo(Department).findOneByOrFail({ tenantId: (await repo(Tenant).findOneByOrFail({ code: '210303' })).id, name: '窗口服务部' });
    const res = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { departmentId: encodeGlobalId('Department', department.id), username: 'ståff99.210303', displayName: '张三', roles: ['WINDOW_STAFF'], password: 'password-2026' } },
      await t.tokenOf('centre_admin.210303'),
    );
    expect([codeOf(res), res.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.username']);
  });
});

describe('a unique key refusing a row is CONFLICT naming the field, on every database', () => {
  it('five creates of one username at the same moment: one succeeds, the others get CONFLICT on input.username', async () => {
    const tenant = await repo(Tenant).findOneByOrFail({ code: '210304' });
    const department = await repo(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    const token = await t.tokenOf('centre_admin.210304');
    const create = () =>
      t.gql(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { username } }',
        { input: { departmentId: encodeGlobalId('Department', department.id), username: 'twin.210304', displayName: '李四', roles: ['WINDOW_STAFF'], password: 'password-2026' } },
        token,
      );
    const results = await Promise.all(Array.from({ length: 5 }, create));
    expect(results.filter((r) => r.data?.createUser).length).toBe(1);
    for (const failed of results.filter((r) => !r.data?.createUser)) {
      expect([codeOf(failed), failed.errors?.[0].extensions?.field]).toEqual(['CONFLICT', 'input.username']);
    }
  });

  it('parallel writes of one calendar day never answer INTERNAL_SERVER_ERROR', async () => {
    const token = await t.tokenOf('centre_admin.210311');
    const set = (i: number) =>
      t.gql('mutation($input: CalendarOverrideInput!) { setCalendarOverride(input: $input) { date } }', { input: { date: '2026-12-28', working: false, reason: `闭厅 ${i}` } }, token);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => set(i)));
    for (const res of results) {
      if (res.errors) expect([codeOf(res), res.errors[0].extensions?.field]).toEqual(['CONFLICT', 'input.date']);
      else expect(res.data?.setCalendarOverride.date).toBe('2026-12-28');
    }
  });
});

describe('one text rule for every input', () => {
  const RECEIVE = 'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id number } }';

  async function caseInput(applicantName: string, applicantAddress = '海城市海州路1号') {
    const tenant = await repo(Tenant).findOneByOrFail({ code: '210381' });
    const matter = await repo(Matter).findOneByOrFail({ tenantId: tenant.id, code: 'QR00300002' });
    const window = await repo(Window).findOneByOrFail({ tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
    return {
      matterId: encodeGlobalId('Matter', matter.id), windowId: encodeGlobalId('Window', window.id), applicantKind: 'NATURAL_PERSON', applicantName,
      applicantIdType: 'RESIDENT_ID', applicantIdNumber: '210302199001011238', applicantPhone: '13904121234', applicantAddress,
    };
  }

  it.each([
    ['a NUL character', '李\u0000明'],
    ['a right-to-left override', '李\u202E明'],
    ['a bidirectional isolate', '李\u2066明'],
    ['a lone surrogate', '李\uD800明'],
    ['an escape character', '李\u001B[31m明'],
  ])('refuses %s with BAD_USER_INPUT naming the field, before anything runs', async (_label, name) => {
    const res = await t.gql(RECEIVE, { input: await caseInput(name) }, await t.tokenOf('window_staff.210381'));
    expect([res.status, codeOf(res), res.errors?.[0].extensions?.field]).toEqual([400, 'BAD_USER_INPUT', 'input.applicantName']);
    expect(res.data).toBeUndefined();
  });

  it('refuses the same in a literal of the query document, and in a plain string argument', async () => {
    const literal = await t.gql('{ publicMatters(tenantCode: "210381", filter: { search: "不动产\u202E" }) { totalCount } }');
    expect([codeOf(literal), literal.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'filter.search']);
    const argument = await t.gql('query($n: String!) { applicationProgress(number: $n, phoneLast4: "1234") { status } }', { n: '210381-20260101-00000\u0000' });
    expect([codeOf(argument), argument.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'number']);
  });

  it('stores text NFC-normalised, and keeps tabs and line breaks', async () => {
    const decomposed = '李\u0065\u0301明';
    const res = await t.gql(RECEIVE, { input: await caseInput(decomposed, '海城市\n海州路1号') }, await t.tokenOf('window_staff.210381'));
    expect(res.errors).toBeUndefined();
    const read = await t.gql('query($n: String!) { application(number: $n) { applicantName applicantAddress } }', { n: res.data?.receiveApplication.number }, await t.tokenOf('window_staff.210381'));
    expect(read.data?.application).toEqual({ applicantName: '李\u00e9明', applicantAddress: '海城市\n海州路1号' });
  });
});

describe('masks reveal at most what the policy intends', () => {
  it('an ID or passport number shows at most its first 2 and last 2 characters, whatever its length', () => {
    for (let length = 1; length <= 30; length += 1) {
      const value = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123'.slice(0, length);
      const shown = [...maskIdNumber(value)].filter((c) => c !== '*');
      expect([length, maskIdNumber(value).length]).toEqual([length, length]);
      expect(shown.length).toBeLessThanOrEqual(Math.min(4, Math.floor(length / 2)));
    }
    expect(maskIdNumber('210381199001011234')).toBe('21**************34');
    expect(maskIdNumber('E12345678')).toBe('E*******8');
  });

  it('an address shows at most its first 6 characters and never the whole of a short one; a one-character name is fully masked', () => {
    for (let length = 1; length <= 20; length += 1) {
      const address = '辽宁省鞍山市铁东区胜利路一号院二单元三楼'.slice(0, length);
      const shown = maskAddress(address).replace(/\*+$/, '');
      expect(address.startsWith(shown)).toBe(true);
      expect(shown.length).toBeLessThanOrEqual(Math.min(6, length - 1));
    }
    expect(maskName('李')).toBe('*');
    expect(maskName('欧阳修')).toBe('欧**');
  });
});

describe('who may grant which role (ROLE_GRANTS)', () => {
  // The spec, written out: a centre admin staffs its centre; overseers come from the platform admin.
  const CENTRE_ADMIN_GRANTS: Record<string, boolean> = {
    PLATFORM_ADMIN: false, CENTRE_ADMIN: true, WINDOW_STAFF: true, APPROVER: true, FINANCE: true, SUPERVISOR: false, AUDITOR: false,
  };
  const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id version roles } }';
  const SET_ROLES = 'mutation($input: SetUserRolesInput!) { setUserRoles(input: $input) { roles } }';

  async function departmentOf(code: string) {
    const tenant = await repo(Tenant).findOneByOrFail({ code });
    return encodeGlobalId('Department', (await repo(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' })).id);
  }

  it.each(Object.entries(CENTRE_ADMIN_GRANTS))('a centre admin creating a %s account: allowed = %s', async (role, allowed) => {
    const res = await t.gql(
      CREATE,
      { input: { departmentId: await departmentOf('210321'), username: `grant-${role.toLowerCase().replace('_', '-')}.210321`, displayName: '王五', roles: [role], password: 'password-2026' } },
      await t.tokenOf('centre_admin.210321'),
    );
    expect(codeOf(res) ?? 'OK').toBe(allowed ? 'OK' : 'FORBIDDEN');
  });

  it('a centre admin may not give anyone (itself included) a role it may not grant, nor touch its overseers’ accounts', async () => {
    const admin = await t.tokenOf('centre_admin.210323');
    const clerkToken = await t.tokenOf('window_staff.210323');
    const clerk = await repo(User).findOneByOrFail({ username: 'window_staff.210323' });
    const give = (user: User, roles: string[]) => t.gql(SET_ROLES, { input: { id: encodeGlobalId('User', user.id), version: user.version, roles } }, admin);
    expect(codeOf(await give(clerk, ['WINDOW_STAFF', 'AUDITOR']))).toBe('FORBIDDEN');
    expect(codeOf(await give(clerk, ['SUPERVISOR']))).toBe('FORBIDDEN');
    const self = await repo(User).findOneByOrFail({ username: 'centre_admin.210323' });
    expect(codeOf(await give(self, ['CENTRE_ADMIN', 'AUDITOR']))).toBe('BAD_USER_INPUT');
    const auditor = await repo(User).findOneByOrFail({ username: 'auditor.210323' });
    expect(codeOf(await give(auditor, ['WINDOW_STAFF']))).toBe('FORBIDDEN');
    const off = await t.gql('mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { active } }', { input: { id: encodeGlobalId('User', auditor.id), version: auditor.version, active: false } }, admin);
    expect(codeOf(off)).toBe('FORBIDDEN');
    // Within its grant it may: the clerk becomes an approver too, and its old token stops working.
    const promoted = await give(clerk, ['WINDOW_STAFF', 'APPROVER']);
    expect([promoted.errors, promoted.data?.setUserRoles.roles]).toEqual([undefined, ['WINDOW_STAFF', 'APPROVER']]);
    expect(codeOf(await t.gql('{ viewer { id } }', {}, clerkToken))).toBe('UNAUTHENTICATED');
  });

  it('the platform admin grants the overseeing roles', async () => {
    const res = await t.gql(
      CREATE,
      { input: { departmentId: await departmentOf('210323'), username: 'new-auditor.210323', displayName: '赵六', roles: ['AUDITOR'], password: 'password-2026' } },
      await t.tokenOf('platform_admin'),
    );
    expect(res.data?.createUser.roles).toEqual(['AUDITOR']);
  });
});

describe('a draft ticket is the receiving centre’s alone', () => {
  it('the handling centre sees nothing of a DRAFT (list, id, node, steps) and everything once it is pushed', async () => {
    const receiving = await repo(Tenant).findOneByOrFail({ code: '150302' });
    const matter = await repo(Matter).findOneByOrFail({ tenantId: receiving.id, code: 'GG00300005' });
    const window = await repo(Window).findOneByOrFail({ tenantId: receiving.id, kind: WindowKind.COMPREHENSIVE });
    const clerk = await t.tokenOf('window_staff.150302');
    const received = await t.gql(
      'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id } }',
      { input: { matterId: encodeGlobalId('Matter', matter.id), windowId: encodeGlobalId('Window', window.id), applicantKind: 'NATURAL_PERSON', applicantName: '巴特尔',
        applicantIdType: 'RESIDENT_ID', applicantIdNumber: '210302199001011238', applicantPhone: '13947301234', applicantAddress: '海勃湾区新华大街8号' } },
      clerk,
    );
    const created = await t.gql(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id version steps { id } } }',
      { input: { applicationId: received.data?.receiveApplication.id, handlingTenantCode: '150304', paperMaterials: false, resultDelivery: 'APPLICANT' } },
      clerk,
    );
    expect(created.errors).toBeUndefined();
    const { id, version, steps } = created.data!.createTicket;
    const look = (token: string) =>
      t.gql(
        'query($id: ID!, $step: ID!) { ticket(id: $id) { id } node(id: $id) { id } step: node(id: $step) { id } incomingTickets(first: 100) { edges { node { id } } } }',
        { id, step: steps[0].id },
        token,
      );
    for (const username of ['window_staff.150304', 'centre_admin.150304', 'auditor.150304']) {
      const res = await look(await t.tokenOf(username));
      expect([username, res.data?.ticket, res.data?.node, res.data?.step]).toEqual([username, null, null, null]);
      expect(res.data?.incomingTickets.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
    }
    const pushed = await t.gql('mutation($input: TicketNoteInput!) { pushTicket(input: $input) { id } }', { input: { id, version, note: '' } }, clerk);
    expect(pushed.errors).toBeUndefined();
    const after = await look(await t.tokenOf('window_staff.150304'));
    expect([after.data?.ticket, after.data?.step]).toEqual([{ id }, { id: steps[0].id }]);
  });
});

describe('the HTTP layer answers in JSON, with security headers', () => {
  it.each<[string, () => request.Test, number, string]>([
    ['invalid JSON', () => request(t.app).post('/graphql').set('content-type', 'application/json').send('{"query": '), 400, 'BAD_REQUEST'],
    ['a body over the limit', () => request(t.app).post('/graphql').set('content-type', 'application/json').send(JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` })), 413, 'PAYLOAD_TOO_LARGE'],
    ['a wrong content type', () => request(t.app).post('/graphql').set('content-type', 'text/plain').send('{ __typename }'), 400, 'BAD_REQUEST'],
    ['an unknown path', () => request(t.app).get('/admin'), 404, 'NOT_FOUND'],
  ])('%s: GraphQL-shaped JSON, no HTML, no stack', async (_label, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.errors[0].extensions.code).toBe(code);
    expect(res.text).not.toMatch(/<html|<pre|\bat .*\.js:\d+/i);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('every response carries the security headers', async () => {
    const res = await request(t.app).post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
