import { createServer, Server } from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { startTestApp, TestApp } from './harness';
import { Matter } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { Tenant } from '../src/modules/tenancy/entities';
import { encodeGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { APPLICANT } from './fixtures/applicant';

/**
 * DESIGN.md §6 (several instances behind a load balancer): an instance told to stop
 * drains (src/lifecycle.ts). The cluster test shows it under load across instances; this
 * shows each step on one app.
 */
let t: TestApp;
let server: Server;
let base: string;
const logger = createLogger('silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  t = await startTestApp();
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

async function intakeInput(): Promise<Record<string, unknown>> {
  const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ code: '210303' });
  const matter = await t.dataSource.getRepository(Matter).findOneByOrFail({ code: 'GG00400001', tenantId: tenant.id });
  const window = await t.dataSource.getRepository(Window).findOneByOrFail({ tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
  return {
    matterId: encodeGlobalId('Matter', matter.id),
    windowId: encodeGlobalId('Window', window.id),
    ...APPLICANT,
  };
}

/** A request whose headers and first body byte are sent now, the rest on `finish()`; `response` is the raw answer. */
function slowRequest(body: string, token: string): { finish(): void; response: Promise<string> } {
  // (Its client never half-closes: Node's HTTP server aborts a request whose client does.)
  const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  const bytes = Buffer.from(body);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${bytes.length}\r\n\r\n`,
  );
  socket.write(bytes.subarray(0, 1));
  let answer = '';
  socket.on('data', (data) => (answer += data.toString()));
  const response = new Promise<string>((resolve) => socket.once('close', () => resolve(answer)));
  return { finish: () => socket.write(bytes.subarray(1)), response };
}

const RECEIVE = 'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { number } }';

describe('drain on SIGTERM', () => {
  it('DESIGN.md §6: not ready at once, serving through the drain delay, then 503 SHUTTING_DOWN for new requests while those in flight finish, the steps in order, exit 0', async () => {
    const token = await t.tokenOf('window_staff.210303');
    const input = await intakeInput();
    expect((await request(t.app).get('/readyz')).body).toEqual({ status: 'ready' });

    const countOf210303 = async () => Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM application WHERE number LIKE '210303-%'"))[0].n);
    const before = await countOf210303();
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: RECEIVE, variables: { input } }) }).then(
        async (res) => ({ status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown } }),
      ),
    );
    // And one whose client is slow: its body arrives after new requests are refused.
    const slow = slowRequest(JSON.stringify({ query: RECEIVE, variables: { input } }), token);
    await sleep(50);
    const events: string[] = [];
    t.lifecycle.onShutdown('subscriptions', (reason) => {
      events.push(`shutdown step (${t.lifecycle.phase}): ${reason}`);
    });
    t.lifecycle.onStopped('pools', () => {
      events.push(`stopped step, ${t.lifecycle.requestsInFlight} in flight`);
    });
    const exit = t.lifecycle.shutdown(server, { drainDelayMs: 3000, graceMs: 10_000, logger });

    // Draining: a load balancer sees not-ready; requests still arriving are served.
    expect(t.lifecycle.phase).toBe('draining');
    const readyz = await request(t.app).get('/readyz');
    expect([readyz.status, readyz.body]).toEqual([503, { status: 'draining' }]);
    const during = await request(t.app).post('/graphql').set('authorization', `Bearer ${token}`).send({ query: '{ viewer { username } }' });
    expect([during.status, during.body.data]).toEqual([200, { viewer: { username: 'window_staff.210303' } }]);
    expect(during.headers.connection).toBe('close');

    // Refusing: nothing new runs, and the answer says so in the client's language.
    await sleep(3200);
    expect(t.lifecycle.phase).toBe('refusing');
    const refused = await request(t.app).post('/graphql').set('authorization', `Bearer ${token}`).set('accept-language', 'en').send({ query: RECEIVE, variables: { input } });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.errors[0]).toEqual({ message: 'This instance is shutting down; the request was not run: send it again', extensions: { code: 'SHUTTING_DOWN' } });
    const inChinese = await request(t.app).get('/graphql?query={viewer{username}}');
    expect(inChinese.body.errors[0].message).toBe('该服务实例正在停止，请求未执行，请重试');
    // The listener is closed: a load balancer's new connection is refused, before anything is sent.
    const connecting = new Promise((resolve, reject) => {
      const socket = net.connect((server.address() as net.AddressInfo | null)?.port ?? Number(new URL(base).port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', reject);
    });
    await expect(connecting).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    // The slow request was admitted before: it runs to the end.
    expect(t.lifecycle.requestsInFlight).toBeGreaterThanOrEqual(1);
    expect(t.lifecycle.phase).toBe('refusing');
    slow.finish();
    // The connection closes once the instance has stopped (it was kept alive).
    const slowAnswer = await slow.response;
    expect(slowAnswer).toMatch(/^HTTP\/1.1 200 /);
    expect(slowAnswer).toContain('"receiveApplication":{"number":"210303-');
    expect(await exit).toBe(0);
    const answers = await Promise.all(inFlight);
    expect(answers.filter((answer) => answer.status !== 200 || answer.body.errors)).toEqual([]);
    expect(events).toEqual(['shutdown step (refusing): server shutting down', 'stopped step, 0 in flight']);
    // The 21 in flight were received; the refused one never ran.
    expect((await countOf210303()) - before).toBe(21);
    expect(t.lifecycle.phase).toBe('stopped');
  });

  it('DESIGN.md §6: a request that outlives the grace has its connection closed, and the exit code says so (1)', async () => {
    // A client that sends headers and never its body: the request stays in flight.
    const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await sleep(50);
    expect(t.lifecycle.requestsInFlight).toBe(1);
    expect(await t.lifecycle.shutdown(server, { drainDelayMs: 0, graceMs: 300, logger })).toBe(1);
    await closed;
  });
});
