/**
 * `npm run cluster-test`: several API instances agree (README, "Deployment: replicas,
 * several instances, drain"). Starts a loopback cluster (cluster.ts), runs the cases in
 * order through the proxy, prints what each measured, stops everything, exits 1 on the
 * first failed case.
 *
 * Adding a case: push `{ name, run }` onto CASES before the replica-down case (which
 * leaves the replica stopped and must stay last). A case gets the running cluster,
 * three instances up behind the proxy, and returns the line it prints.
 */
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { Cluster, GqlResult, Instance, log, sleep } from './cluster';
import { encodeGlobalId } from '../../src/graphql/global-id';
import { APPLICANT } from '../fixtures/applicant';

interface Case {
  name: string;
  run(cluster: Cluster): Promise<string>;
}

const RECEIVE = 'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id number status } }';
const LIST = '{ applications(first: 20) { edges { node { number status } } } }';
const CLERK = 'window_staff.210303';
/** The intake input for the clerk's centre: a matter of it and its comprehensive window (read from the primary). */
async function intakeInput(cluster: Cluster): Promise<Record<string, unknown>> {
  const [matter] = await cluster.primary.sql<{ id: number }>(
    "SELECT m.id FROM govapi.matter m JOIN govapi.tenant t ON t.id = m.tenant_id WHERE m.code = 'GG00400001' AND t.code = '210303'",
  );
  const [window] = await cluster.primary.sql<{ id: number }>(
    "SELECT w.id FROM govapi.service_window w JOIN govapi.tenant t ON t.id = w.tenant_id WHERE w.kind = 'COMPREHENSIVE' AND t.code = '210303' ORDER BY w.id LIMIT 1",
  );
  assert.ok(matter && window, 'the demo data has matter GG00400001 and a comprehensive window in 210303');
  return { matterId: encodeGlobalId('Matter', matter.id), windowId: encodeGlobalId('Window', window.id), ...APPLICANT };
}

function good(result: GqlResult): boolean {
  return result.status === 200 && !result.errors;
}

function spread(results: GqlResult[], instances: number): number[] {
  const counts = Array.from({ length: instances }, () => 0);
  for (const result of results) if (result.upstream !== undefined) counts[result.upstream] += 1;
  return counts;
}

const delta = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]])) as Record<string, number>;


const ALERTS = 'subscription($code: String!) { supervisionAlertRaised(tenantCode: $code) { kind subject reason tenant { code } } }';

interface LiveSubscriber {
  events: Record<string, any>[];
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/** A graphql-ws subscriber straight to one instance (not through the proxy), with what it received and how it was closed. */
async function subscribeOn(instance: Instance, token: string, code: string): Promise<LiveSubscriber> {
  let onClosed: (closed: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let acknowledged: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  const client = createClient({
    url: `${instance.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => acknowledged(), closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
    onNonLazyError: () => undefined,
  });
  const events: Record<string, any>[] = [];
  client.subscribe({ query: ALERTS, variables: { code } }, { next: (result) => result.data && events.push(result.data.supervisionAlertRaised as Record<string, any>), error: () => undefined, complete: () => undefined });
  await ready;
  // The subscription is registered once the server has read it: give it a moment after the ack.
  await sleep(300);
  return { events, closed, dispose: () => client.dispose() as Promise<void> };
}

async function until(what: string, ms: number, check: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const CASES: Case[] = [
  {
    name: 'reads reach the replica, writes (and the mutation request\'s own reads) the primary',
    async run(cluster) {
      const token = await cluster.tokenOf(CLERK);
      const input = await intakeInput(cluster);
      // Warm each instance's token and tenant caches, then stop the proxy's /readyz polls
      // (they query both servers) so that the counters below count only these requests.
      for (let i = 0; i < 3; i += 1) assert.ok(good(await cluster.gql(LIST, {}, token)));
      cluster.proxy.pauseHealthChecks(true);
      await sleep(300);
      try {
        const reads = 30;
        const counts = async () => ({
          primary: await cluster.primary.counters(),
          replica: await cluster.replica.counters(),
          primaryApi: await cluster.primary.apiStatements(),
          replicaApi: await cluster.replica.apiStatements(),
        });
        const c0 = await counts();
        const listed = await Promise.all(Array.from({ length: reads }, () => cluster.gql(LIST, {}, token)));
        const c1 = await counts();
        assert.deepEqual(listed.filter((r) => !good(r)), []);
        const writes = 10;
        const received = await Promise.all(Array.from({ length: writes }, () => cluster.gql(RECEIVE, { input }, token)));
        const c2 = await counts();
        assert.deepEqual(received.filter((r) => !good(r)), []);
        const phase = (after: typeof c0, before: typeof c0) => ({
          primary: delta(after.primary, before.primary),
          replica: delta(after.replica, before.replica),
          primaryApi: delta(after.primaryApi, before.primaryApi),
          replicaApi: delta(after.replicaApi, before.replicaApi),
        });
        const readPhase = phase(c1, c0);
        const writePhase = phase(c2, c1);
        // Counted per account (the API's), so that neither replication applying the rows on
        // the replica nor these counting queries themselves count; Com_* printed beside.
        // Each list request is at least one SELECT on the replica; the primary saw at most a
        // token re-check per instance (the account cache lasts 5 s).
        assert.ok(readPhase.replicaApi.select >= reads, `replica SELECTs during ${reads} list queries: ${readPhase.replicaApi.select}`);
        assert.ok(readPhase.primaryApi.select <= 3, `primary SELECTs during the list queries: ${readPhase.primaryApi.select}`);
        assert.equal(readPhase.primaryApi.write + readPhase.replicaApi.write, 0);
        // The intakes: written on the primary, every read of theirs too; nothing on the replica.
        assert.ok(writePhase.primaryApi.write >= writes, `primary writes during ${writes} intakes: ${writePhase.primaryApi.write}`);
        assert.ok(writePhase.primaryApi.select >= writes, `primary SELECTs during the intakes: ${writePhase.primaryApi.select}`);
        assert.deepEqual([writePhase.replicaApi.select, writePhase.replicaApi.write], [0, 0], 'the API ran nothing on the replica during the intakes');
        // … and the rows reached the replica by replication (row events, not statements).
        const numbers = received.map((r) => r.data?.receiveApplication.number as string);
        const placeholders = numbers.map(() => '?').join(',');
        const started = Date.now();
        for (;;) {
          const [row] = await cluster.replica.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM govapi.application WHERE number IN (${placeholders})`, numbers);
          if (Number(row.n) === writes) break;
          assert.ok(Date.now() - started < 10_000, 'the intakes reach the replica within 10 s');
          await sleep(20);
        }
        const ready = (await (await fetch(`${cluster.instances[0].url}/readyz`)).json()) as { replicas?: { status: string }[] };
        assert.deepEqual(ready.replicas?.map((r: { status: string }) => r.status), ['up']);
        return (
          `${reads} list queries: API on replica +${readPhase.replicaApi.select} SELECT (Com_select +${readPhase.replica.select}), ` +
          `on primary +${readPhase.primaryApi.select} SELECT (Com_select +${readPhase.primary.select}); ` +
          `${writes} intakes: API on primary +${writePhase.primaryApi.write} writes +${writePhase.primaryApi.select} SELECT ` +
          `(Com_insert +${writePhase.primary.insert}, Com_update +${writePhase.primary.update}), on replica +${writePhase.replicaApi.select} SELECT +${writePhase.replicaApi.write} writes ` +
          `(replication applied: Com_insert +${writePhase.replica.insert}, Com_update +${writePhase.replica.update}); ` +
          `rows on the replica ${Date.now() - started} ms after the last answer; /readyz ${JSON.stringify(ready)}`
        );
      } finally {
        cluster.proxy.pauseHealthChecks(false);
      }
    },
  },
  {
    name: '60 concurrent intakes spread over the instances get 60 consecutive case numbers',
    async run(cluster) {
      const token = await cluster.tokenOf(CLERK);
      const input = await intakeInput(cluster);
      const results = await Promise.all(Array.from({ length: 60 }, () => cluster.gql(RECEIVE, { input }, token)));
      assert.deepEqual(results.filter((r) => !good(r)).map((r) => r.errors ?? r.status), []);
      const numbers = results.map((r) => r.data?.receiveApplication.number as string);
      assert.equal(new Set(numbers.map((n) => n.slice(0, 15))).size, 1, 'one centre, one day');
      const sequences = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
      assert.deepEqual(sequences, Array.from({ length: 60 }, (_, i) => sequences[0] + i));
      const perInstance = spread(results, 3);
      assert.ok(perInstance.every((n) => n > 0), `every instance took some: ${perInstance}`);
      return `numbers ${numbers.sort()[0]} … ${numbers.sort()[59]}, per instance ${perInstance.join('/')}`;
    },
  },
  {
    name: 'the login throttle counts attempts across instances exactly (5 per client, the rest refused)',
    async run(cluster) {
      const attempts = 9;
      const results = await Promise.all(
        Array.from({ length: attempts }, () =>
          cluster.gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'approver.210381', password: 'not-the-password' } }),
        ),
      );
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? `HTTP ${r.status}`);
      const refused = codes.filter((code) => code === 'TOO_MANY_ATTEMPTS').length;
      const checked = codes.filter((code) => code === 'UNAUTHENTICATED').length;
      const perInstance = spread(results, 3);
      assert.deepEqual({ checked, refused }, { checked: 5, refused: attempts - 5 }, `codes: ${codes}`);
      assert.ok(perInstance.filter((n) => n > 0).length >= 2, `attempts reached several instances: ${perInstance}`);
      const [row] = await cluster.primary.sql<{ failures: number }>("SELECT failures FROM govapi.throttle WHERE throttle_key LIKE 'login:approver.210381|%'");
      return `${attempts} wrong passwords at once over instances ${perInstance.join('/')}: ${checked} checked, ${refused} TOO_MANY_ATTEMPTS; counter row ${row?.failures}`;
    },
  },
  {
    name: 'SIGTERM to one instance under load loses no request (it drains)',
    async run(cluster) {
      const token = await cluster.tokenOf(CLERK);
      const input = await intakeInput(cluster);
      const victim = cluster.instances[1];
      const results: (GqlResult & { at: number; kind: string })[] = [];
      let stopAt = Infinity;
      let running = true;
      const sentBefore = [...cluster.proxy.stats.sent];
      const worker = async (n: number) => {
        for (let i = 0; running; i += 1) {
          const kind = (n + i) % 3 === 0 ? 'intake' : 'list';
          const result = kind === 'intake' ? await cluster.gql(RECEIVE, { input }, token) : await cluster.gql(LIST, {}, token);
          results.push({ ...result, at: Date.now(), kind });
        }
      };
      const workers = Array.from({ length: 8 }, (_, n) => worker(n));
      await sleep(1000);
      // And a burst straight at the victim (as clients already connected to it), still
      // running when it stops admitting requests: every one of them must finish.
      const burst = Promise.all(Array.from({ length: 60 }, () => cluster.gql(RECEIVE, { input }, token, victim.url)));
      await sleep(50);
      stopAt = Date.now();
      const exitCode = await victim.terminate();
      const stoppedAfter = Date.now() - stopAt;
      await sleep(500);
      running = false;
      await Promise.all(workers);
      const direct = await burst;
      const bad = results.filter((r) => !good(r));
      const fromVictimAfter = results.filter((r) => r.upstream === victim.index && r.at > stopAt).length;
      const [refusing] = victim.logged('refusing new requests');
      const [stopped] = victim.logged('stopped');
      assert.deepEqual(bad.map((r) => `${r.kind} → ${r.status} ${JSON.stringify(r.errors)}`), [], 'every request got a good answer');
      assert.deepEqual(direct.filter((r) => !good(r)).map((r) => `${r.status} ${JSON.stringify(r.errors)}`), [], 'the burst in flight finished');
      assert.ok(Number(refusing?.inFlight) > 0, `requests were in flight when the instance began refusing: ${String(refusing?.inFlight)}`);
      assert.equal(exitCode, 0, 'the instance exits 0 after draining');
      assert.ok(stopped, 'the instance logged its stop');
      assert.equal(cluster.proxy.stats.failed, 0);
      const sent = cluster.proxy.stats.sent.map((n, i) => n - sentBefore[i]);
      const line =
        `${results.length} requests (${results.filter((r) => r.kind === 'intake').length} intakes), all good; ` +
        `${victim.name} exited ${exitCode} ${stoppedAfter} ms after SIGTERM, answered ${fromVictimAfter} requests after it, ` +
        `had ${String(refusing?.inFlight ?? '?')} requests in flight when it began refusing (all ${direct.length} of the direct burst answered 200); ` +
        `through the proxy per instance ${sent.join('/')}; ` +
        `connections refused before sending (sent elsewhere): ${cluster.proxy.stats.refusedConnections}`;
      // The cases after this one expect three instances.
      await victim.start();
      return line;
    },
  },
  {
    name: 'the periodic supervision check, running in all three instances, issues each notice once',
    async run(cluster) {
      // Each instance runs the check every SUPERVISION_JOB_INTERVAL (5 s here) from its start,
      // the three nearly together: wait for two rounds after the last (re)start. Whichever
      // run comes first issues; the others find the unique keys taken.
      await sleep(Math.max(0, cluster.lastStartAt + 11_000 - Date.now()));
      const kinds = await cluster.primary.sql<{ kind: string; notices: number; causes: number }>(
        "SELECT cause_kind AS kind, COUNT(*) AS notices, COUNT(DISTINCT tenant_id, cause_id, cause_round) AS causes FROM govapi.supervision_notice WHERE cause_kind <> 'MANUAL' GROUP BY cause_kind",
      );
      const notices = kinds.reduce((sum, k) => sum + Number(k.notices), 0);
      const [marks] = await cluster.primary.sql<{ n: number }>('SELECT COUNT(*) AS n FROM govapi.case_light_mark');
      const runs = cluster.instances.flatMap((instance) => instance.logged('supervision check').filter((line) => line.msg === 'supervision check').map((line) => ({ instance: instance.name, issued: Number(line.issued), lightChanges: Number(line.lightChanges) })));
      const failed = cluster.instances.flatMap((instance) => instance.logged('supervision check failed'));
      assert.ok(notices > 0, 'the demo data has red cases and late complaints, so the check issued notices');
      assert.deepEqual(kinds.filter((k) => Number(k.notices) !== Number(k.causes)), [], 'one notice per cause');
      // Every notice and light mark was reported by exactly one run: what the instances'
      // runs say they issued adds up to the rows, so no two runs both issued the same one.
      assert.equal(runs.reduce((sum, r) => sum + r.issued, 0), notices, 'notices reported by the runs = notices in the database');
      assert.equal(runs.reduce((sum, r) => sum + r.lightChanges, 0), Number(marks.n), 'light changes reported = light marks');
      assert.deepEqual(failed, [], 'no run failed');
      const by = [...new Set(runs.map((r) => r.instance))].sort();
      return `${notices} notices (${kinds.map((k) => `${k.kind} ${k.notices}`).join(', ')}) and ${marks.n} light marks, each reported by exactly one of ${runs.length} productive runs (from ${by.join(', ')}); no run failed`;
    },
  },
  {
    name: 'a subscriber on instance 1 receives the alert of a notice issued through instance 3 (Redis); a draining instance closes its subscribers with 1001',
    async run(cluster) {
      const [api1, api2, api3] = cluster.instances;
      const supervisor = await cluster.tokenOf('supervisor.210381');
      const [department] = await cluster.primary.sql<{ id: number }>(
        "SELECT d.id FROM govapi.department d JOIN govapi.tenant t ON t.id = d.tenant_id WHERE t.code = '210381' AND d.name = '窗口服务部'",
      );
      const [onFirst, onSecond] = [await subscribeOn(api1, supervisor, '210381'), await subscribeOn(api2, supervisor, '210381')];
      const elsewhere = await subscribeOn(api1, await cluster.tokenOf('supervisor.210700'), '210700');
      const reason = `集群测试：视频监控所见 ${Date.now()}`;
      const issued = await cluster.gql(
        'mutation($input: IssueSupervisionNoticeInput!) { issueSupervisionNotice(input: $input) { id } }',
        { input: { departmentId: encodeGlobalId('Department', department.id), reason } },
        supervisor,
        api3.url,
      );
      assert.ok(good(issued), JSON.stringify(issued.errors));
      const started = Date.now();
      const mine = (s: LiveSubscriber) => s.events.filter((e) => e.reason === reason);
      await until('the alert on instances 1 and 2', 5_000, () => mine(onFirst).length > 0 && mine(onSecond).length > 0);
      const latency = Date.now() - started;
      assert.deepEqual(mine(onFirst), [{ kind: 'SUPERVISION_NOTICE', subject: issued.data!.issueSupervisionNotice.id, reason, tenant: { code: '210381' } }]);
      assert.equal(mine(onSecond).length, 1);
      await sleep(300);
      assert.deepEqual(elsewhere.events, [], 'another city hears nothing');

      const exitCode = await api2.terminate();
      const closed = await Promise.race([onSecond.closed, sleep(5_000).then(() => null)]);
      assert.equal(exitCode, 0);
      assert.ok(closed, 'the draining instance closed its subscriber');
      assert.equal(closed.code, 1001);
      await Promise.all([onFirst.dispose(), elsewhere.dispose()]);
      // The cases after this one expect three instances.
      await api2.start();
      return `alert of a notice issued through ${api3.name} reached subscribers on ${api1.name} and ${api2.name} in ${latency} ms, once each; none in 210700; ${api2.name} on SIGTERM closed its subscriber with ${closed.code} "${closed.reason}" and exited ${exitCode}`;
    },
  },
  // New cases go above: this one leaves the replica stopped.
  {
    name: 'a replica that stops leaves reads to the primary (logged, not fatal)',
    async run(cluster) {
      const token = await cluster.tokenOf(CLERK);
      await cluster.replica.stop();
      const p0 = await cluster.primary.counters();
      const results = await Promise.all(Array.from({ length: 15 }, () => cluster.gql(LIST, {}, token)));
      const p1 = await cluster.primary.counters();
      assert.deepEqual(results.filter((r) => !good(r)).map((r) => r.errors ?? r.status), []);
      assert.ok(p1.select - p0.select >= 15, `the primary answered the reads: +${p1.select - p0.select} SELECT`);
      const res = await fetch(`${cluster.instances[0].url}/readyz`);
      const ready = (await res.json()) as { replicas?: unknown };
      assert.equal(res.status, 200, 'still ready: the primary serves the reads');
      assert.deepEqual(ready.replicas, [{ replica: 1, status: 'down' }]);
      const warned = cluster.instances.filter((instance) => instance.logged('no read replica answers').length > 0).length;
      assert.ok(warned >= 1, 'the fallback is logged');
      return `15 list queries all good with the replica stopped (primary +${p1.select - p0.select} SELECT); /readyz ${res.status} ${JSON.stringify(ready)}; ${warned} instance(s) logged the fallback`;
    },
  },
];

async function main(): Promise<void> {
  const started = Date.now();
  const cluster = await Cluster.create();
  let failed = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the cluster`);
    void cluster.stop().finally(() => process.exit(1));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    await cluster.start();
    for (const [index, testCase] of CASES.entries()) {
      const caseStarted = Date.now();
      log(`case ${index + 1}/${CASES.length}: ${testCase.name}`);
      const measured = await testCase.run(cluster);
      log(`  ok (${Date.now() - caseStarted} ms): ${measured}`);
    }
  } catch (error) {
    failed = true;
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    log(`logs:\n${cluster.tails()}`);
  } finally {
    await cluster.stop();
    if (failed) log(`files kept in ${cluster.dir}`);
    else cluster.removeFiles();
  }
  log(`${failed ? 'FAILED' : 'passed'}: ${CASES.length} cases in ${Math.round((Date.now() - started) / 1000)} s; every process stopped`);
  process.exit(failed ? 1 : 0);
}

void main();
