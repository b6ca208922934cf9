import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { admission } from '../src/http';

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
    app.use('/work', admission(1, 1), (req, res) => {
      const name = String(req.query.name);
      started.push(name);
      gates.set(name, () => res.json({ name }));
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
});
