import { startTestApp, TestApp } from './harness';
import { answerFieldsReadAhead } from '../src/graphql/read-ahead';
import { buildUnauditedSchema } from '../src/graphql/schema';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The nested case list of issue 12: up to 100 cases with matter, department, receiving window, staff and the last 5 events. */
const NESTED = `query($first: Int) { applications(first: $first) { edges { node {
  id number status receivedAt dueAt
  matter { name } department { name } receivingWindow { number } receivedBy { displayName }
  timeline(last: 5) { action at toStatus }
} } } }`;
const WITH_LIGHTS = NESTED.replace('dueAt', 'dueAt light remainingWorkingDays');

describe('statements per request on the read path (issue 12)', () => {
  it('the nested case list: the page with its to-one relations joined, then the events, whatever the page size', async () => {
    for (const who of ['centre_admin.210381', 'centre_admin.210300']) {
      const token = await t.tokenOf(who);
      // The first request after sign-in reads the token's account; the next ones have it
      // from the per-process cache, like the tenant tree and its scope (README, Performance).
      expect((await t.gql(NESTED, { first: 1 }, token)).sqlStatements).toBe(3);
      for (const first of [10, 100]) {
        const res = await t.gql(NESTED, { first }, token);
        expect(res.errors).toBeUndefined();
        // the page joined to its matter, department, window and staff; the last events
        expect([who, first, res.sqlStatements]).toEqual([who, first, 2]);
      }
    }
  });

  it('relations asked for through fragments are loaded with the page; relations left out by @skip or @include are not read', async () => {
    const token = await t.tokenOf('centre_admin.210300');
    await t.gql(NESTED, { first: 1 }, token);
    const plain = await t.gql(NESTED, { first: 50 }, token);
    const fragments = await t.gql(
      `query($first: Int) { applications(first: $first) { edges { node { ...Case ... on Application { receivingWindow { number } receivedBy { displayName } } } } } }
       fragment Case on Application { id number status receivedAt dueAt matter { name } ... { department { name } } timeline(last: 5) { action at toStatus } }`,
      { first: 50 },
      token,
    );
    expect(fragments.errors).toBeUndefined();
    // The same answer, field order aside, and the same statements.
    const sorted = (node: Record<string, unknown>) => Object.fromEntries(Object.entries(node).sort(([a], [b]) => a.localeCompare(b)));
    expect(fragments.data!.applications.edges.map((e: any) => sorted(e.node))).toEqual(plain.data!.applications.edges.map((e: any) => sorted(e.node)));
    expect(fragments.sqlStatements).toBe(plain.sqlStatements);
    const skipping = await t.gql(
      `query($first: Int, $withWindow: Boolean!) { applications(first: $first) { edges { node {
        id matter @skip(if: true) { name } department { name } receivingWindow @include(if: $withWindow) { number } } } } }`,
      { first: 50, withWindow: false },
      token,
    );
    expect(skipping.errors).toBeUndefined();
    expect(skipping.data!.applications.edges[0].node).toEqual({ id: expect.any(String), department: { name: expect.any(String) } });
    // The page, joined to the departments only.
    expect(skipping.sqlStatements).toBe(1);
  });

  it('a token revoked through this process is refused at once, although its account was cached', async () => {
    const token = await t.tokenOf('approver.210381');
    const first = await t.gql('{ viewer { username } }', {}, token);
    expect(first.data?.viewer.username).toBe('approver.210381');
    // Cached: the account is not read again.
    expect((await t.gql('{ viewer { username } }', {}, token)).sqlStatements).toBe(first.sqlStatements - 1);
    const out = await t.gql('mutation { logout }', {}, token);
    expect(out.errors).toBeUndefined();
    const after = await t.gql('{ viewer { username } }', {}, token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('no read but sign-in and password change selects the password hash', async () => {
    const logger = t.dataSource.logger;
    const seen: string[] = [];
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      seen.push(query);
      return logQuery(query, parameters, runner);
    };
    try {
      const token = await t.tokenOf('centre_admin.210300');
      const res = await t.gql('{ viewer { username } users(first: 100) { edges { node { username department { name } } } } applications(first: 20) { edges { node { receivedBy { displayName } } } } }', {}, token);
      expect(res.errors).toBeUndefined();
      expect(seen.length).toBeGreaterThan(3);
      expect(seen.filter((query) => /password_hash/.test(query))).toEqual([]);
      // Control: a sign-in does read it.
      await t.gql('mutation { login(input: { username: "approver.210303", password: "demo-2026" }) { token } }');
      expect(seen.some((query) => /password_hash/.test(query))).toBe(true);
    } finally {
      logger.logQuery = logQuery;
    }
  });

  it('the case list and its relations read only the columns the selection needs, and every column when a guarded or computed field is asked for', async () => {
    const logger = t.dataSource.logger;
    const seen: string[] = [];
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      seen.push(query);
      return logQuery(query, parameters, runner);
    };
    const from = (table: string) => seen.filter((query) => new RegExp(`^SELECT .* FROM [\`"]${table}[\`"] [\`"](a|row)[\`"]`).test(query) && !/COUNT\(/.test(query));
    try {
      const token = await t.tokenOf('centre_admin.210300');
      const narrow = await t.gql(NESTED, { first: 100 }, token);
      expect(narrow.errors).toBeUndefined();
      expect(narrow.data!.applications.edges).toHaveLength(100);
      expect(from('application')).toEqual([expect.stringMatching(/received_by_id/)]);
      // The relations are joined to the page, with only the columns shown of each.
      const [page] = from('application');
      expect(page).not.toMatch(/applicant_name|one_time_notice|version/);
      expect(page).toMatch(/related_matter.*name/);
      expect(page).not.toMatch(/basis|conditions|phone|id_number|password_hash/);
      expect(from('matter')).toEqual([]);
      // Of the events, only what the timeline shows (and the case each belongs to).
      const [events] = seen.filter((query) => /FROM [`"]application_event[`"]/.test(query));
      expect(events).toMatch(/action/);
      expect(events).not.toMatch(/note|from_status|actor_id/);
      // With a guarded field (its policy reads the row) and computed ones, every column is read …
      seen.length = 0;
      const wide = await t.gql(NESTED.replace('dueAt', 'dueAt applicantName light').replace('matter { name }', 'matter { name materials { name } }'), { first: 100 }, token);
      expect(wide.errors).toBeUndefined();
      expect(from('application')[0]).toMatch(/applicant_name.*one_time_notice.*version/);
      expect(from('matter')[0]).toMatch(/basis.*conditions/);
      // … and the fields both ask for are the same.
      const common = (res: typeof narrow) =>
        res.data!.applications.edges.map(({ node }: { node: Record<string, unknown> & { matter: object } }) => ({ ...node, applicantName: undefined, light: undefined, matter: { ...node.matter, materials: undefined } }));
      expect(common(wide)).toEqual(common(narrow));
    } finally {
      logger.logQuery = logQuery;
    }
  });

  it('a relation joined to the page keeps the tenant limit: a case pointing at another centre’s matter, department, window or staff shows null, as through the loaders (attacker’s side)', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const cases = await t.gql('{ applications(first: 1) { edges { node { id number } } } }', {}, token);
    const number: string = cases.data!.applications.edges[0].node.number;
    const q = (sql: string, parameters: unknown[] = []) => t.dataSource.query(sql, parameters);
    const [other] = await q('SELECT id FROM tenant WHERE code = ?', ['210700']);
    const pick = async (table: string, label: string) => (await q(`SELECT id, ${label} AS label FROM ${t.dataSource.driver.escape(table)} WHERE tenant_id = ? ORDER BY id LIMIT 1`, [other.id]))[0];
    const foreign = { matter: await pick('matter', 'name'), department: await pick('department', 'name'), window: await pick('service_window', 'number'), user: await pick('user', 'display_name') };
    const [before] = await q('SELECT matter_id, department_id, receiving_window_id, received_by_id FROM application WHERE number = ?', [number]);
    await q('UPDATE application SET matter_id = ?, department_id = ?, receiving_window_id = ?, received_by_id = ? WHERE number = ?', [foreign.matter.id, foreign.department.id, foreign.window.id, foreign.user.id, number]);
    try {
      const filter = { number };
      const joined = await t.gql(
        'query($filter: ApplicationFilter) { applications(filter: $filter) { edges { node { number matter { name } department { name } receivingWindow { number } receivedBy { displayName } } } } }',
        { filter },
        token,
      );
      // A computed field of each relation makes it load through its by-id loader instead.
      const loaded = await t.gql(
        'query($filter: ApplicationFilter) { applications(filter: $filter) { edges { node { number matter { name materials { name } } department { name tenant { code } } receivingWindow { number matters { name } } receivedBy { displayName department { name } } } } } }',
        { filter },
        token,
      );
      expect(joined.errors).toBeUndefined();
      expect(joined.sqlStatements).toBe(1);
      expect(joined.data!.applications.edges).toEqual([{ node: { number, matter: null, department: null, receivingWindow: null, receivedBy: null } }]);
      expect(loaded.data!.applications.edges).toEqual([{ node: { number, matter: null, department: null, receivingWindow: null, receivedBy: null } }]);
      for (const { label } of Object.values(foreign)) expect(JSON.stringify([joined.data, loaded.data])).not.toContain(label);
    } finally {
      await q('UPDATE application SET matter_id = ?, department_id = ?, receiving_window_id = ?, received_by_id = ? WHERE number = ?', [before.matter_id, before.department_id, before.receiving_window_id, before.received_by_id, number]);
    }
  });

  it('the timeline read ahead answers every selection that asks for the same last n, through aliases and variables, in the one statement', async () => {
    const token = await t.tokenOf('centre_admin.210300');
    const res = await t.gql(
      'query($n: Int) { applications(first: 100) { edges { node { id a: timeline(last: $n) { id action } b: timeline(last: 3) { id at } } } } }',
      { n: 3 },
      token,
    );
    expect(res.errors).toBeUndefined();
    // The page, then the events.
    expect(res.sqlStatements).toBe(2);
    const cases = res.data!.applications.edges.map((e: { node: { a: { id: string }[]; b: { id: string }[] } }) => e.node);
    expect(cases.some((c: { a: unknown[] }) => c.a.length === 3)).toBe(true);
    for (const c of cases) expect(c.a.map((event: { id: string }) => event.id)).toEqual(c.b.map((event: { id: string }) => event.id));
    // A last out of range is the field's error, on each row, as without reading ahead.
    const wrong = await t.gql('{ applications(first: 2) { edges { node { id timeline(last: 0) { id } } } } }', {}, token);
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].path).toEqual(['applications', 'edges', 0, 'node', 'timeline']);
  });

  it('a field with a policy cannot be answered from values read ahead: the schema refuses it at start-up', () => {
    expect(() => answerFieldsReadAhead(buildUnauditedSchema(), { Application: ['applicantName'] })).toThrow(/Application.applicantName has a policy/);
    expect(() => answerFieldsReadAhead(buildUnauditedSchema(), { Application: ['matter', 'timeline'] })).not.toThrow();
  });

  it('timeline(last: n) is the tail of the whole timeline, kept by the database', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const res = await t.gql('{ applications(first: 100) { edges { node { id all: timeline { id } last2: timeline(last: 2) { id } } } } }', {}, token);
    expect(res.errors).toBeUndefined();
    const cases = res.data?.applications.edges.map((e: { node: { all: { id: string }[]; last2: { id: string }[] } }) => e.node);
    expect(cases.some((c: { all: unknown[] }) => c.all.length > 2)).toBe(true);
    for (const c of cases) expect(c.last2).toEqual(c.all.slice(-2));
  });

  it('lights cost one statement (the cases’ centres), the calendar none once read, the account none once cached', async () => {
    const token = await t.tokenOf('centre_admin.210300');
    await t.gql(WITH_LIGHTS, { first: 100 }, token);
    const res = await t.gql(WITH_LIGHTS, { first: 100 }, token);
    expect(res.errors).toBeUndefined();
    expect(res.sqlStatements).toBe(3);
  });

  it('a calendar change through this process is seen by the next read at once (the cache is cleared)', async () => {
    t.clock.set('2026-03-02T10:00:00+08:00');
    try {
      const admin = await t.tokenOf('centre_admin.210381');
      const query = '{ applications(first: 100, filter: { statusIn: [ACCEPTED, UNDER_REVIEW] }) { edges { node { id dueAt remainingWorkingDays } } } }';
      type Row = { id: string; dueAt: string; remainingWorkingDays: number };
      const read = async () => new Map(((await t.gql(query, {}, admin)).data?.applications.edges as { node: Row }[]).map((e) => [e.node.id, e.node]));
      const before = await read();
      expect(before.size).toBeGreaterThan(0);
      // The demo cases were accepted after Tuesday 3 March, so closing that day leaves their
      // deadlines where they are, and each has one working day less left from Monday 2 March.
      // A stale calendar would still count the closed day.
      const set = await t.gql('mutation($i: CalendarOverrideInput!) { setCalendarOverride(input: $i) { date } }', { i: { date: '2026-03-03', working: false, reason: '搬迁闭厅' } }, admin);
      expect(set.errors).toBeUndefined();
      const after = await read();
      for (const [id, row] of before) {
        expect([id, after.get(id)!.remainingWorkingDays, after.get(id)!.dueAt]).toEqual([id, row.remainingWorkingDays - 1, row.dueAt]);
      }
    } finally {
      t.clock.set(null);
    }
  });
});
