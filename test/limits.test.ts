import request from 'supertest';
import { codeOf, startTestApp, TestApp } from './harness';
import { MAX_PAGE_SIZE } from '../src/graphql/connection';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.tokenOf('centre_admin.210300');
});
afterAll(() => t.close());

const stillUp = async () => {
  const res = await t.gql('{ viewer { username } }', {}, token);
  expect(res.data?.viewer.username).toBe('centre_admin.210300');
};

describe('hostile and malformed input', () => {
  it(`refuses a page larger than ${MAX_PAGE_SIZE} naming "first"`, async () => {
    for (const first of [MAX_PAGE_SIZE + 1, 1e9, 0, -5]) {
      const res = await t.gql('query($first: Int) { users(first: $first) { totalCount } }', { first }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    await stillUp();
  });

  it('refuses a malformed global id and a foreign cursor with BAD_USER_INPUT', async () => {
    for (const id of ['!!!', 'bm9wZQ', Buffer.from('User:abc').toString('base64url'), 'x'.repeat(5000)]) {
      const res = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
    const cursor = await t.gql('{ users(after: "garbage") { totalCount } }', {}, token);
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await stillUp();
  });

  it('refuses a query that is too deep before running it', async () => {
    let nested = 'code';
    for (let i = 0; i < 14; i += 1) nested = `parent { ${nested} }`;
    const res = await t.gql(`{ tenant(code: "210381") { ${nested} } }`, {}, token);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/depth/i);
    expect(res.sqlStatements).toBeLessThanOrEqual(3); // authentication only, no resolver ran
    await stillUp();
  });

  it('refuses a query that is too costly before running it', async () => {
    const wide = Array.from({ length: 14 }, (_, i) => `f${i}: tenants(first: 100) { edges { node { children { children { departments { tenant { code name departments { name } } } } } } } }`).join(' ');
    const res = await t.gql(`{ ${wide} }`, {}, token);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/cost/i);
    await stillUp();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `v${i}: viewer { username }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, token);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    await stillUp();
  });

  it('refuses batched requests and oversized bodies', async () => {
    const batch = await request(t.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    const huge = await request(t.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', variables: { pad: 'x'.repeat(200_000) } });
    expect(huge.status).toBe(413);
    await stillUp();
  });

  it('treats search text as data, not SQL', async () => {
    const res = await t.gql(
      'query($s: String) { users(first: 5, filter: { search: $s }) { totalCount } }',
      { s: "' OR 1=1 --" },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.users.totalCount).toBe(0);
    const wildcard = await t.gql('query($s: String) { users(filter: { search: $s }) { totalCount } }', { s: '%' }, token);
    expect(wildcard.data?.users.totalCount).toBe(0);
  });

  it('hides internal errors: no SQL and no stack outside development', async () => {
    await t.dataSource.query('DROP TABLE department');
    const res = await t.gql('{ viewer { department { name } } }', {}, token);
    expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(res.errors?.[0].message).toBe('Internal server error');
    expect(JSON.stringify(res.errors)).not.toMatch(/SELECT|stack|no such table|doesn't exist|sqlite|mysql/i);
  });
});

describe('health endpoints', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await request(t.app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(t.app).get('/readyz')).status).toBe(200);
  });
});
