import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { Client, createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import { codeOf, startTestApp, TestApp } from './harness';
import { App, createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Db } from '../src/db/db';
import { TenantScope } from '../src/db/scope';
import { EventBus, LiveTopic } from '../src/events/bus';
import { publishSupervisionAlert, SupervisionAlertKind } from '../src/events/live';
import { LIVE_LIMITS } from '../src/graphql/subscriptions';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { Application } from '../src/modules/applications/entities';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/auth/jwt';
import { ConfigError, loadConfig } from '../src/config';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  url = await t.listen();
});
afterAll(() => t.close());

const tenantOf = (code: string) => t.dataSource.getRepository(Tenant).findOneByOrFail({ code });
const userOf = (username: string) => t.dataSource.getRepository(User).findOneByOrFail({ username });

const COVERAGE = `subscription($code: String!) { windowCoverageChanged(tenantCode: $code) {
  change empty cause at tenant { code } window { number status }
} }`;
const ALERTS = `subscription($code: String!) { supervisionAlertRaised(tenantCode: $code) {
  kind subject reason at tenant { code } subjectNode { id ... on Application { number applicantIdNumber } }
} }`;
const LEAVE = 'mutation($input: LeavePostInput!) { leavePost(input: $input) { id } }';
const RETURN = 'mutation { returnToPost { id } }';

interface Closed {
  code: number;
  reason: string;
}

/** An error as graphql-ws hands it over: a GraphQL error of the operation, or what closed the connection. */
interface ReceivedError {
  message?: string;
  extensions?: Record<string, unknown>;
}

/** One graphql-ws client (the `ws` package as its WebSocket) with what it received. */
interface Subscriber {
  events: Record<string, any>[];
  errors: ReceivedError[];
  closed: Promise<Closed>;
  /** Resolves with the first received event that matches (or rejects after `ms`). */
  next(match?: (event: Record<string, any>) => boolean, ms?: number): Promise<Record<string, any>>;
  dispose(): Promise<void>;
}

function connect(target: string, connectionParams: Record<string, unknown> | undefined): { client: Client; closed: Promise<Closed> } {
  let onClosed: (closed: Closed) => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: target,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
    onNonLazyError: () => undefined,
  });
  return { client, closed };
}

async function subscribe(
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
  options: { target?: string; bus?: EventBus; topic?: LiveTopic; client?: Client } = {},
): Promise<Subscriber> {
  const bus = options.bus ?? t.events;
  const topic = options.topic ?? (query.includes('windowCoverageChanged') ? 'windowCoverageChanged' : 'supervisionAlertRaised');
  const before = bus.listeners(topic);
  const connection = options.client
    ? { client: options.client, closed: new Promise<Closed>(() => undefined) }
    : connect(options.target ?? url, token === null ? undefined : { authorization: `Bearer ${token}` });
  const events: Record<string, any>[] = [];
  const errors: ReceivedError[] = [];
  const waiting: (() => void)[] = [];
  const dispose = connection.client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(Object.values(result.data)[0] as Record<string, any>);
        waiting.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        // graphql-ws hands an operation's errors over as an array, a connection's as one error.
        const received: unknown[] = Array.isArray(error) ? error : [error];
        errors.push(...received.map((e) => (typeof e === 'object' && e !== null ? (e as ReceivedError) : { message: String(e) })));
        waiting.splice(0).forEach((wake) => wake());
      },
      complete: () => undefined,
    },
  );
  // Ready once the server listens on the bus (or has answered with an error, or closed).
  let gone = false;
  void connection.closed.then(() => (gone = true));
  const deadline = Date.now() + 5_000;
  while (bus.listeners(topic) === before && errors.length === 0 && !gone && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return {
    events,
    errors,
    closed: connection.closed,
    async next(match = () => true, ms = 5_000) {
      const until = Date.now() + ms;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no matching event within ${ms} ms; received ${JSON.stringify(events)} ${JSON.stringify(errors)}`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    async dispose() {
      dispose();
      if (!options.client) await connection.client.dispose();
    },
  };
}

/** A WINDOW_STATUS event in 锦州 (210700): a new window there, created over HTTP. */
async function createWindowIn(code: string, number: string): Promise<void> {
  const tenant = await tenantOf(code);
  const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
  const res = await t.gql(
    'mutation($input: CreateWindowInput!) { createWindow(input: $input) { id } }',
    { input: { number, name: '综合窗口', hall: '一楼', kind: 'COMPREHENSIVE', departmentId: encodeGlobalId('Department', department.id) } },
    await t.tokenOf(`centre_admin.${code}`),
  );
  expect(res.errors).toBeUndefined();
}

// 鞍山 规范 三(三) AB岗工作制: "A岗工作人员因事离开工作岗位时，B岗责任人应立即替补上岗 … 避免出现窗口空岗情况";
// DESIGN.md §6: 电子监察 for hall screens, live.
describe('windowCoverageChanged: 离岗 and 空岗 on the hall screens, live', () => {
  afterAll(() => t.clock.set(null));

  it('鞍山 规范 三(三) AB岗工作制: leaving the post reaches the centre, its city and an auditor; another city hears nothing of it', async () => {
    // Monday 16 March 2026, 10:00 in 海城市 (210381); A05: A staff05 (on leave all day), B staff04.
    t.clock.set(new Date('2026-03-16T10:00:00+08:00'));
    const admin = await t.tokenOf('centre_admin.210381');
    const leave = await t.gql(
      'mutation($input: ScheduleAbsenceInput!) { scheduleAbsence(input: $input) { id } }',
      { input: { userId: encodeGlobalId('User', (await userOf('staff05.210381')).id), kind: 'LEAVE', startsAt: '2026-03-16T00:00:00+08:00', endsAt: '2026-03-17T00:00:00+08:00', reason: '年假', replacements: [] } },
      admin,
    );
    expect(leave.errors).toBeUndefined();

    const centre = await subscribe(admin, COVERAGE, { code: '210381' });
    const city = await subscribe(await t.tokenOf('supervisor.210300'), COVERAGE, { code: '210300' });
    const auditor = await subscribe(await t.tokenOf('auditor.210381'), COVERAGE, { code: '210381' });
    const elsewhere = await subscribe(await t.tokenOf('supervisor.210700'), COVERAGE, { code: '210700' });
    for (const s of [centre, city, auditor, elsewhere]) expect(s.errors).toEqual([]);

    const clerk = await t.tokenOf('staff04.210381');
    expect((await t.gql(LEAVE, { input: { reason: '因事离开' } }, clerk)).errors).toBeUndefined();
    const isA05 = (e: Record<string, any>) => e.window?.number === 'A05';
    const expected = { change: 'LEFT_POST', empty: true, cause: 'LEFT_POST', at: '2026-03-16T02:00:00.000Z', tenant: { code: '210381' }, window: { number: 'A05', status: 'OPEN' } };
    expect(await centre.next(isA05)).toEqual(expected);
    expect(await city.next(isA05)).toEqual(expected);
    expect(await auditor.next(isA05)).toEqual(expected);

    // A refused change (already left) publishes nothing: its transaction rolled back.
    expect(codeOf(await t.gql(LEAVE, { input: { reason: '再次离开' } }, clerk))).toBe('CONFLICT');
    t.clock.set(new Date('2026-03-16T10:30:00+08:00'));
    expect((await t.gql(RETURN, {}, clerk)).errors).toBeUndefined();
    const back = await centre.next((e) => e.change === 'RETURNED_TO_POST' && isA05(e));
    expect(back).toMatchObject({ empty: false, cause: null, at: '2026-03-16T02:30:00.000Z' });
    expect(centre.events.filter(isA05).map((e) => e.change)).toEqual(['LEFT_POST', 'RETURNED_TO_POST']);

    // 锦州's own change reaches its subscriber, after the two of 海城: those never did.
    await createWindowIn('210700', 'Z01');
    const own = await elsewhere.next();
    expect(own).toMatchObject({ change: 'WINDOW_STATUS', tenant: { code: '210700' }, window: { number: 'Z01' } });
    expect(elsewhere.events.map((e) => e.tenant.code)).toEqual(['210700']);
    await Promise.all([centre, city, auditor, elsewhere].map((s) => s.dispose()));
  });

  it('scoped like the queries: a county cannot subscribe to its city or another county, nor the platform admin to a centre', async () => {
    const county = await t.tokenOf('supervisor.210381');
    for (const code of ['210300', '210321', '210700']) {
      const refused = await subscribe(county, COVERAGE, { code });
      expect(refused.errors[0]?.extensions?.code).toBe('NOT_FOUND');
      await refused.dispose();
    }
    const platform = await subscribe(await t.tokenOf('platform_admin'), COVERAGE, { code: '210381' });
    expect(platform.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    await platform.dispose();
    const bad = await subscribe(county, COVERAGE, { code: '21038' });
    expect(bad.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    await bad.dispose();
  });
});

describe('supervisionAlertRaised: 电子监察 alerts, live', () => {
  it('an alert published after its transaction commits reaches the city with the subject in scope and its field policies; a rolled-back one never does', async () => {
    const haicheng = await tenantOf('210381');
    const application = await t.dataSource.getRepository(Application).findOneOrFail({ where: { tenantId: haicheng.id }, order: { id: 'ASC' } });
    const city = await subscribe(await t.tokenOf('supervisor.210300'), ALERTS, { code: '210300' });
    const elsewhere = await subscribe(await t.tokenOf('supervisor.210700'), ALERTS, { code: '210700' });
    const auditor = await subscribe(await t.tokenOf('auditor.210300'), ALERTS, { code: '210381' });
    const alert = {
      kind: SupervisionAlertKind.CASE_RED,
      tenantId: haicheng.id,
      tenantCode: haicheng.code,
      subject: { type: 'Application', id: application.id },
      at: new Date('2026-03-16T02:00:00Z'),
      reason: '超期 1 个工作日',
    };
    const db = new Db(t.dataSource, new TenantScope(haicheng.id, [haicheng.id]));
    await expect(
      db.transaction(async (inside) => {
        publishSupervisionAlert(t.events, inside, { ...alert, reason: 'rolled back' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await db.transaction(async (inside) => publishSupervisionAlert(t.events, inside, alert));

    const received = await city.next();
    expect(received).toEqual({
      kind: 'CASE_RED',
      subject: encodeGlobalId('Application', application.id),
      reason: '超期 1 个工作日',
      at: '2026-03-16T02:00:00.000Z',
      tenant: { code: '210381' },
      // The applicant's ID number is for the case's handlers only: a supervisor reads null, an auditor a mask.
      subjectNode: { id: encodeGlobalId('Application', application.id), number: application.number, applicantIdNumber: null },
    });
    expect(city.events).toHaveLength(1);
    const audited = (await auditor.next()).subjectNode.applicantIdNumber as string;
    expect(audited).not.toBe(application.applicantIdNumber);
    expect(audited).toMatch(/^\w{2}\*+\w{2}$/);
    expect(audited.slice(0, 2)).toBe(application.applicantIdNumber.slice(0, 2));
    // An alert whose subject is not in the tenant it claims is not delivered (the subject must load in scope).
    const jinzhou = await tenantOf('210700');
    publishSupervisionAlert(t.events, null, { ...alert, tenantId: jinzhou.id, tenantCode: jinzhou.code, reason: 'misfiled' });
    publishSupervisionAlert(t.events, null, { ...alert, reason: 'second' });
    await city.next((e) => e.reason === 'second');
    expect(elsewhere.events).toEqual([]);
    await Promise.all([city.dispose(), elsewhere.dispose(), auditor.dispose()]);
  });
});

describe('supervisionAlertRaised: what the supervision check and notices produce, live', () => {
  afterAll(() => t.clock.set(null));

  it('锦州 第十一条 (电子监察 … 预警纠错): a notice by hand and the check’s red cases and notices reach the centre’s screen once committed; another city hears nothing', async () => {
    const code = '210381';
    const screen = await subscribe(await t.tokenOf(`supervisor.${code}`), ALERTS, { code });
    const elsewhere = await subscribe(await t.tokenOf('supervisor.210700'), ALERTS, { code: '210700' });
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: (await tenantOf(code)).id, name: '窗口服务部' });
    const issued = await t.gql(
      'mutation($input: IssueSupervisionNoticeInput!) { issueSupervisionNotice(input: $input) { id reason } }',
      { input: { departmentId: encodeGlobalId('Department', department.id), reason: '视频监控：A05 窗口 10:20 起无人' } },
      await t.tokenOf(`supervisor.${code}`),
    );
    expect(issued.errors).toBeUndefined();
    const notice = await screen.next((e) => e.kind === 'SUPERVISION_NOTICE');
    expect(notice).toMatchObject({ subject: issued.data!.issueSupervisionNotice.id, reason: '视频监控：A05 窗口 10:20 起无人', tenant: { code } });

    // A complaint filed now (no token) will be past its reply deadline then (投诉超期).
    const complaint = await t.gql('mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { number } }', {
      input: { tenantCode: code, category: 'ATTITUDE', content: '窗口工作人员态度生硬，多次推诿', subject: { windowNumber: 'A05' } },
    });
    expect(complaint.errors).toBeUndefined();

    // Two months on, the open cases are past their deadlines: the check marks them RED and issues their notices.
    t.clock.set(new Date(Date.now() + 60 * 86_400_000));
    const check = await t.gql(
      'mutation($code: String) { runSupervisionCheck(tenantCode: $code) { issued { id causeKind } escalated { id } lightChanges { light application { id } } } }',
      { code },
      await t.tokenOf(`centre_admin.${code}`),
    );
    expect(check.errors).toBeUndefined();
    const { issued: notices, escalated, lightChanges } = check.data!.runSupervisionCheck;
    const red = lightChanges.filter((c: any) => c.light === 'RED');
    expect(red.length).toBeGreaterThan(0);
    const expected = new Set([...red.map((c: any) => `CASE_RED ${c.application.id}`), ...notices.map((n: any) => `SUPERVISION_NOTICE ${n.id}`), ...escalated.map((n: any) => `SUPERVISION_NOTICE ${n.id}`)]);
    const received = () => new Set(screen.events.map((e) => `${e.kind} ${e.subject}`));
    // A late complaint's or ticket step's notice also raises the late item itself.
    const causes = (kind: string) => notices.filter((n: any) => n.causeKind === kind).length;
    const arrived = (kind: string) => screen.events.filter((e) => e.kind === kind).length;
    await screen.next(() => [...expected].every((key) => received().has(key)) && arrived('SUPERVISION_NOTICE') >= 1 + notices.length + escalated.length && arrived('COMPLAINT_LATE') >= causes('COMPLAINT_OVERDUE') && arrived('TICKET_STEP_LATE') >= causes('TICKET_STEP_OVERDUE'), 10_000);
    expect(causes('COMPLAINT_OVERDUE')).toBeGreaterThan(0);
    expect([arrived('COMPLAINT_LATE'), arrived('TICKET_STEP_LATE')]).toEqual([causes('COMPLAINT_OVERDUE'), causes('TICKET_STEP_OVERDUE')]);
    // Once each: every alert the check caused arrived, none twice.
    expect(screen.events.filter((e) => e.kind === 'CASE_RED')).toHaveLength(red.length);
    expect(screen.events.filter((e) => e.kind === 'SUPERVISION_NOTICE')).toHaveLength(1 + notices.length + escalated.length);
    // The notices the demo data left unanswered escalate to the city (督办 上报), and say so.
    expect(escalated.length).toBeGreaterThan(0);
    expect(screen.events.filter((e) => e.reason.startsWith('督办单逾期未反馈，已上报'))).toHaveLength(escalated.length);
    expect(elsewhere.events).toEqual([]);
    await Promise.all([screen.dispose(), elsewhere.dispose()]);
  });
});

describe('the WebSocket endpoint: authorised like HTTP', () => {
  it('refuses a connection without a token, with a malformed, forged, expired or revoked one (4401)', async () => {
    const user = await userOf('supervisor.210381');
    const forged = jwt.sign({ tv: user.tokenVersion }, 'not-the-secret', { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, subject: String(user.id), expiresIn: 600 });
    const expired = t.tokens.sign({ userId: user.id, tokenVersion: user.tokenVersion }, new Date(Date.now() - 2 * 86400_000)).token;
    for (const params of [undefined, {}, { authorization: 'Basic abc' }, { authorization: `Bearer ${forged}` }, { token: expired }]) {
      const { client, closed } = connect(url, params);
      expect(await closed).toEqual({ code: 4401, reason: 'Unauthorized' });
      await client.dispose();
    }
  });

  it('closes a subscription whose token is revoked (sign-out) before the next event reaches it', async () => {
    const login = await t.gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'auditor.210300', password: 'demo-2026' } });
    const token = login.data?.login.token as string;
    const watcher = await subscribe(token, COVERAGE, { code: '210300' });
    expect(watcher.errors).toEqual([]);
    expect((await t.gql('mutation { logout }', {}, token)).errors).toBeUndefined();
    await createWindowIn('210381', 'Z02');
    expect(await watcher.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
    expect(watcher.events).toEqual([]);
    const again = connect(url, { authorization: `Bearer ${token}` });
    expect(await again.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
    await Promise.all([watcher.dispose(), again.client.dispose()]);
  });

  it('closes a connection that never sends its init message (4408)', async () => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const started = Date.now();
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIVE_LIMITS.initTimeoutMs - 100);
  });

  it('serves subscriptions only, within the query limits, a bounded number per connection and connections per user', async () => {
    const token = await t.tokenOf('supervisor.210321');
    const { client } = connect(url, { authorization: `Bearer ${token}` });
    const query = await subscribe(null, '{ viewer { username } }', {}, { client });
    expect(query.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
    const mutation = await subscribe(null, 'mutation { logout }', {}, { client });
    expect(mutation.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: at`).join(' ');
    const tooMany = await subscribe(null, `subscription { windowCoverageChanged(tenantCode: "210321") { ${aliases} } }`, {}, { client });
    expect(tooMany.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const open: Subscriber[] = [];
    for (let i = 0; i < LIVE_LIMITS.subscriptionsPerConnection; i += 1) open.push(await subscribe(null, COVERAGE, { code: '210321' }, { client }));
    expect(open.flatMap((s) => s.errors)).toEqual([]);
    const extra = await subscribe(null, COVERAGE, { code: '210321' }, { client });
    expect(extra.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
    await Promise.all([query, mutation, tooMany, extra, ...open].map((s) => s.dispose()));

    const others = Array.from({ length: LIVE_LIMITS.connectionsPerUser - 1 }, () => connect(url, { authorization: `Bearer ${token}` }));
    await Promise.all(others.map((o) => new Promise<void>((resolve) => o.client.on('connected', () => resolve()))));
    const oneTooMany = connect(url, { authorization: `Bearer ${token}` });
    expect(await oneTooMany.closed).toEqual({ code: 4429, reason: 'Too many connections' });
    await Promise.all([client, oneTooMany.client, ...others.map((o) => o.client)].map((c) => c.dispose()));
  });

  it('answers a subscription sent over HTTP POST with an error, not a stream', async () => {
    const res = await t.gql(COVERAGE, { code: '210381' }, await t.tokenOf('supervisor.210381'));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ message: 'Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP POST', extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('several instances: live events cross them through Redis (REDIS_URL)', () => {
  // Debian's redis-server on loopback (.ci/run starts one when none runs); each run its own channel.
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const logger = createLogger('silent');
  const prefix = `test-${randomBytes(6).toString('hex')}:`;
  const instances: { app: App; server: Server; url: string }[] = [];

  async function instance(redis: string): Promise<{ app: App; server: Server; url: string }> {
    const app = await createApp({ config: { ...t.config, redisUrl: redis, redisChannelPrefix: prefix }, dataSource: t.dataSource, logger, clock: t.clock.now });
    const server = createServer(app.app);
    app.live.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const started = { app, server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
    instances.push(started);
    return started;
  }
  const ready = async (bus: EventBus) => {
    for (let i = 0; i < 100 && !bus.status.connected; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(bus.status).toEqual({ mode: 'redis', connected: true });
  };

  afterAll(async () => {
    for (const { app, server } of instances) {
      await app.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a subscriber on one instance receives the change made through another (same database, one Redis)', async () => {
    const one = await instance(redisUrl);
    const three = await instance(redisUrl);
    await Promise.all([ready(one.app.events), ready(three.app.events)]);
    const watcher = await subscribe(await t.tokenOf('supervisor.210300'), COVERAGE, { code: '210300' }, { target: one.url, bus: one.app.events });
    const sameInstance = await subscribe(await t.tokenOf('supervisor.210300'), COVERAGE, { code: '210300' }, { target: three.url, bus: three.app.events });
    const tenant = await tenantOf('210321');
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    const res = await request(three.app.app)
      .post('/graphql')
      .set('authorization', `Bearer ${await t.tokenOf('centre_admin.210321')}`)
      .send({ query: 'mutation($input: CreateWindowInput!) { createWindow(input: $input) { id } }', variables: { input: { number: 'R01', name: '跨实例', hall: '一楼', kind: 'COMPREHENSIVE', departmentId: encodeGlobalId('Department', department.id) } } });
    expect(res.body.errors).toBeUndefined();
    expect(await watcher.next()).toMatchObject({ change: 'WINDOW_STATUS', tenant: { code: '210321' }, window: { number: 'R01' } });
    // The publishing instance delivers once, not again when Redis echoes its own message.
    await sameInstance.next();
    await new Promise((r) => setTimeout(r, 200));
    expect(sameInstance.events).toHaveLength(1);
    expect(watcher.events).toHaveLength(1);
    // The bus of the test app (no REDIS_URL) is its own: nothing crossed into it.
    expect(t.events.status).toEqual({ mode: 'in-process', connected: true });
    await Promise.all([watcher.dispose(), sameInstance.dispose()]);
  });

  it('Redis down: queries and mutations are served, /readyz says so, and this instance’s subscribers still hear its own events', async () => {
    const lonely = await instance('redis://127.0.0.1:1');
    const ready = await request(lonely.app.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', redis: 'unavailable' });
    const watcher = await subscribe(await t.tokenOf('supervisor.210323'), COVERAGE, { code: '210323' }, { target: lonely.url, bus: lonely.app.events });
    const tenant = await tenantOf('210323');
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    const res = await request(lonely.app.app)
      .post('/graphql')
      .set('authorization', `Bearer ${await t.tokenOf('centre_admin.210323')}`)
      .send({ query: 'mutation($input: CreateWindowInput!) { createWindow(input: $input) { number } }', variables: { input: { number: 'D01', name: '断线', hall: '一楼', kind: 'COMPREHENSIVE', departmentId: encodeGlobalId('Department', department.id) } } });
    expect(res.body).toEqual({ data: { createWindow: { number: 'D01' } } });
    expect(await watcher.next()).toMatchObject({ tenant: { code: '210323' }, window: { number: 'D01' } });
    await watcher.dispose();
  });

  it('REDIS_URL and REDIS_CHANNEL_PREFIX are checked at start; unset, the bus stays in the process', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ redisUrl: undefined, redisChannelPrefix: 'gov-service-api:' });
    expect(loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://:pw@10.0.0.5:6380/2' }).redisUrl).toBe('redis://:pw@10.0.0.5:6380/2');
    for (const bad of ['localhost:6379', 'http://127.0.0.1:6379', 'redis://']) {
      expect(() => loadConfig({ NODE_ENV: 'test', REDIS_URL: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ NODE_ENV: 'test', REDIS_CHANNEL_PREFIX: 'a b' })).toThrow(ConfigError);
  });

  it('closes every subscription with 1001 when the instance shuts down (for the drain on SIGTERM)', async () => {
    const closing = await instance(redisUrl);
    const watcher = await subscribe(await t.tokenOf('supervisor.210300'), COVERAGE, { code: '210300' }, { target: closing.url, bus: closing.app.events });
    expect(closing.app.live.connections).toBe(1);
    await closing.app.live.close();
    expect(await watcher.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    await watcher.dispose();
  });
});
