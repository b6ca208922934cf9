import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { admission, withoutRequestSlotOf } from '../src/http';

/**
 * Admission control in front of /graphql (issue 12: memory and tail latency bounded under
 * load), through real HTTP: a handler that finishes only when the test says so shows who
 * runs, who waits and who is turned away.
 */
describe('admission control', () => {
  let server: http.Server;
  let base: string;
  const started: string[] = [];
  const gates = new Map<string, () => void>();

  beforeAll(async () => {
    const app = express();
    const answerWhenTold: express.RequestHandler = (req, res) => {
      const name = String(req.query.name);
      started.push(name);
      gates.set(name, () => res.json({ name }));
    };
    app.use('/work', admission(1, 1), answerWhenTold);
    // One slot shared by two routes: /aside steps aside for work of its own (as a sign-in
    // for its password hash), then answers when the test says so; /plain only answers.
    const shared = admission(1, 2);
    app.use('/plain', shared, answerWhenTold);
    app.use('/aside', shared, (req, res) => {
      const name = String(req.query.name);
      started.push(name);
      void withoutRequestSlotOf(res)(() => new Promise<void>((resolve) => gates.set(`${name} aside`, resolve))).then(() => {
        started.push(`${name} back`);
        gates.set(name, () => res.json({ name }));
      });
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  };

  it('runs one at a time in arrival order, and answers 503 OVERLOADED with Retry-After when the queue is full', async () => {
    const first = fetch(`${base}/work?name=a`);
    await until(() => started.includes('a'));
    const second = fetch(`${base}/work?name=b`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual(['a']);

    const refused = await fetch(`${base}/work?name=c`, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ errors: [{ message: 'The server is busy; try again shortly', extensions: { code: 'OVERLOADED' } }] });
    expect(started).toEqual(['a']);

    gates.get('a')!();
    expect(await (await first).json()).toEqual({ name: 'a' });
    await until(() => started.includes('b'));
    gates.get('b')!();
    expect(await (await second).json()).toEqual({ name: 'b' });
  });

  it('forgets a waiting client that went away, so it never holds a turn', async () => {
    started.length = 0;
    const running = fetch(`${base}/work?name=d`);
    await until(() => started.includes('d'));
    const gone = new AbortController();
    const abandoned = fetch(`${base}/work?name=e`, { signal: gone.signal }).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.abort();
    expect(await abandoned).toBe('aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The queue (of one) is free again: the next request waits instead of being refused.
    const next = fetch(`${base}/work?name=f`);
    gates.get('d')!();
    await (await running).json();
    await until(() => started.includes('f'));
    expect(started).toEqual(['d', 'f']);
    gates.get('f')!();
    expect((await next).status).toBe(200);
  });

  it('a request waiting on work that holds no rows lends its slot, and takes one again ahead of those not yet started', async () => {
    started.length = 0;
    const a = fetch(`${base}/aside?name=a`);
    await until(() => gates.has('a aside'));
    // a is aside: b runs in its slot, c waits.
    const b = fetch(`${base}/plain?name=b`);
    await until(() => started.includes('b'));
    const c = fetch(`${base}/aside?name=c`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gates.get('a aside')!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual(['a', 'b']);
    // b's slot goes to a, which came back, before c, which came after it but has not started.
    gates.get('b')!();
    await until(() => started.includes('a back'));
    expect(started).toEqual(['a', 'b', 'a back']);
    gates.get('a')!();
    expect(await (await a).json()).toEqual({ name: 'a' });
    await until(() => started.includes('c'));
    expect((await b).status).toBe(200);
    gates.get('c aside')!();
    await until(() => gates.has('c'));
    gates.get('c')!();
    expect((await c).status).toBe(200);
  });

  it('a client gone while its request is aside leaves no slot taken', async () => {
    started.length = 0;
    gates.clear();
    const gone = new AbortController();
    const abandoned = fetch(`${base}/aside?name=g`, { signal: gone.signal }).catch(() => 'aborted');
    await until(() => gates.has('g aside'));
    gone.abort();
    expect(await abandoned).toBe('aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    gates.get('g aside')!();
    await until(() => started.includes('g back'));
    // Its slot went back: the next request runs at once.
    const next = fetch(`${base}/aside?name=h`);
    await until(() => started.includes('h'));
    gates.get('h aside')!();
    await until(() => gates.has('h'));
    gates.get('h')!();
    expect((await next).status).toBe(200);
  });
});
