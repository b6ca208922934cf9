import { codeOf, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';

let t: TestApp;
let ids: { taian: string; taianUser: string; taianDepartment: string; haicheng: string; jinzhou: string };

beforeAll(async () => {
  t = await startTestApp();
  const tenant = (code: string) => t.dataSource.getRepository(Tenant).findOneByOrFail({ code });
  const taian = await tenant('210321');
  const taianUser = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'approver.210321' });
  const taianDepartment = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: taian.id });
  ids = {
    taian: encodeGlobalId('Tenant', taian.id),
    taianUser: encodeGlobalId('User', taianUser.id),
    taianDepartment: encodeGlobalId('Department', taianDepartment.id),
    haicheng: encodeGlobalId('Tenant', (await tenant('210381')).id),
    jinzhou: encodeGlobalId('Tenant', (await tenant('210700')).id),
  };
});
afterAll(() => t.close());

const codesOf = (res: { data?: any }) =>
  (res.data?.tenants.edges as { node: { code: string } }[]).map((edge) => edge.node.code).sort();

describe('a county window clerk (海城市) and its sibling county (台安县)', () => {
  let token: string;
  beforeAll(async () => {
    token = await t.tokenOf('window_staff.210381');
  });

  it('lists only its own tenant', async () => {
    const res = await t.gql('{ tenants(first: 100) { totalCount edges { node { code } } } }', {}, token);
    expect(codesOf(res)).toEqual(['210381']);
    expect(res.data?.tenants.totalCount).toBe(1);
  });

  it('gets null for the sibling by code, exactly as for a code that does not exist', async () => {
    const sibling = await t.gql('{ tenant(code: "210321") { code } }', {}, token);
    const missing = await t.gql('{ tenant(code: "219999") { code } }', {}, token);
    expect(sibling).toEqual({ ...missing, sqlStatements: sibling.sqlStatements });
    expect(sibling.data?.tenant).toBeNull();
  });

  it('gets null through node and nodes for the sibling tenant, its users and departments', async () => {
    const missing = encodeGlobalId('User', 987654);
    const res = await t.gql(
      'query($ids: [ID!]!, $one: ID!, $gone: ID!) { nodes(ids: $ids) { id } one: node(id: $one) { id } gone: node(id: $gone) { id } }',
      { ids: [ids.taian, ids.taianUser, ids.taianDepartment, ids.haicheng, missing], one: ids.taianUser, gone: missing },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.nodes).toEqual([null, null, null, { id: ids.haicheng }, null]);
    expect(res.data?.one).toBeNull();
    expect(res.data?.gone).toBeNull();
  });

  it('sees no parent and no siblings through nested fields', async () => {
    const res = await t.gql('{ viewer { tenant { parent { code children { code } } children { code } } } }', {}, token);
    expect(res.data?.viewer.tenant).toEqual({ parent: null, children: [] });
  });

  it('finds no users of the sibling through the users list or a filter on its code', async () => {
    const res = await t.gql('{ users(first: 100, filter: { tenantCode: "210321" }) { totalCount } all: users(first: 100) { edges { node { tenant { code } } } } }', {}, token);
    expect(res.data?.users.totalCount).toBe(0);
    const tenants = new Set(res.data?.all.edges.map((e: any) => e.node.tenant.code));
    expect([...tenants]).toEqual(['210381']);
  });
});

describe('a city centre admin (鞍山市)', () => {
  let token: string;
  beforeAll(async () => {
    token = await t.tokenOf('centre_admin.210300');
  });

  it('reads its districts and counties, and nothing of 锦州 or 乌海', async () => {
    const res = await t.gql('{ tenants(first: 100) { edges { node { code } } } }', {}, token);
    expect(codesOf(res)).toEqual(['210300', '210302', '210303', '210304', '210311', '210321', '210323', '210381']);
    const children = await t.gql('{ tenant(code: "210300") { parent { code } children { code } } }', {}, token);
    expect(children.data?.tenant.parent).toBeNull();
    expect(children.data?.tenant.children).toHaveLength(7);
    const jinzhou = await t.gql('query($id: ID!) { node(id: $id) { id } tenant(code: "210700") { code } }', { id: ids.jinzhou }, token);
    expect(jinzhou.data).toEqual({ node: null, tenant: null });
  });

  it('reads a county account but cannot create or change accounts there', async () => {
    const read = await t.gql('query($id: ID!) { node(id: $id) { ... on User { username version } } }', { id: ids.taianUser }, token);
    expect(read.data?.node.username).toBe('approver.210321');
    const create = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { departmentId: ids.taianDepartment, username: 'intruder.210321', displayName: '外人', roles: ['WINDOW_STAFF'], password: 'password-12345' } },
      token,
    );
    expect(codeOf(create)).toBe('FORBIDDEN');
    const deactivate = await t.gql(
      'mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { active } }',
      { input: { id: ids.taianUser, active: false, version: read.data?.node.version } },
      token,
    );
    expect(codeOf(deactivate)).toBe('FORBIDDEN');
    const still = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'approver.210321' });
    expect(still.active).toBe(true);
  });

  it('creates an account in its own tenant (control)', async () => {
    const own = await t.gql('{ viewer { department { id } } }', {}, token);
    const res = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { username tenant { code } roles } }',
      { input: { departmentId: own.data?.viewer.department.id, username: 'newclerk.210300', displayName: '新人', roles: ['WINDOW_STAFF'], password: 'password-12345' } },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createUser).toEqual({ username: 'newclerk.210300', tenant: { code: '210300' }, roles: ['WINDOW_STAFF'] });
  });
});

describe('nobody in 鞍山 sees 锦州 or 乌海', () => {
  it.each(['centre_admin.210300', 'auditor.210300', 'window_staff.210302', 'approver.210381'])('%s', async (username) => {
    const token = await t.tokenOf(username);
    const res = await t.gql(
      '{ tenants(first: 100) { edges { node { code } } } jz: tenant(code: "210700") { code } wh: tenant(code: "150300") { code } users(first: 100, filter: { tenantCode: "150302" }) { totalCount } }',
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(codesOf(res).every((code) => code.startsWith('2103'))).toBe(true);
    expect(res.data?.jz).toBeNull();
    expect(res.data?.wh).toBeNull();
    expect(res.data?.users.totalCount).toBe(0);
  });
});

describe('the platform admin', () => {
  it('manages accounts everywhere: reads every tenant', async () => {
    const token = await t.tokenOf('platform_admin');
    const res = await t.gql('{ tenants(first: 100) { totalCount } }', {}, token);
    expect(res.data?.tenants.totalCount).toBe(22);
  });
});
