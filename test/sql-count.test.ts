import { startTestApp, TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/**
 * Lists resolve their relations through per-request DataLoaders: the number of SQL
 * statements of one request does not grow with the page size.
 */
describe('SQL statements per request', () => {
  const LIST = `query($first: Int) {
    users(first: $first) { totalCount edges { node { username tenant { code parent { code } } department { name tenant { code } } } } }
  }`;

  it('listing users with tenant, parent and department is bounded whatever the page size', async () => {
    const token = await t.tokenOf('platform_admin');
    const small = await t.gql(LIST, { first: 30 }, token);
    const large = await t.gql(LIST, { first: 100 }, token);
    expect(large.errors).toBeUndefined();
    expect(large.data?.users.edges).toHaveLength(100);
    expect(small.sqlStatements).toBeGreaterThan(0);
    // auth (2) + page + count + one batch per relation level (tenant, department, parent, department.tenant)
    expect(small.sqlStatements).toBeLessThanOrEqual(8);
    expect(large.sqlStatements).toBeLessThanOrEqual(8);
  });

  it('tenants with children and departments are bounded too', async () => {
    const token = await t.tokenOf('centre_admin.210300');
    const res = await t.gql('{ tenants(first: 100) { edges { node { code children { code departments { name } } departments { kind } } } } }', {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.sqlStatements).toBeLessThanOrEqual(8);
  });
});
