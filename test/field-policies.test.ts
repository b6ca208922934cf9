import { startTestApp, TestApp } from './harness';
import { User } from '../src/modules/tenancy/entities';
import { encodeGlobalId } from '../src/graphql/global-id';

let t: TestApp;
let clerk: User;
let clerkId: string;
beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'window_staff.210381' });
  clerkId = encodeGlobalId('User', clerk.id);
});
afterAll(() => t.close());

const READ = 'query($id: ID!) { node(id: $id) { ... on User { username phone idNumber } } }';

describe('staff personal data (User.phone, User.idNumber)', () => {
  it('the person sees it in clear, with nothing redacted', async () => {
    const res = await t.gql(READ, { id: clerkId }, await t.tokenOf('window_staff.210381'));
    expect(res.data?.node).toEqual({ username: clerk.username, phone: clerk.phone, idNumber: clerk.idNumber });
    expect(res.extensions?.redacted).toBeUndefined();
  });

  it('a centre admin of the tenant sees it in clear', async () => {
    const res = await t.gql(READ, { id: clerkId }, await t.tokenOf('centre_admin.210381'));
    expect(res.data?.node).toEqual({ username: clerk.username, phone: clerk.phone, idNumber: clerk.idNumber });
  });

  it('an auditor sees it masked, and the response names the redacted fields', async () => {
    const res = await t.gql(READ, { id: clerkId }, await t.tokenOf('auditor.210381'));
    expect(res.data?.node.phone).toBe(`${clerk.phone!.slice(0, 3)}****${clerk.phone!.slice(-4)}`);
    expect(res.data?.node.idNumber).toBe(`${clerk.idNumber!.slice(0, 2)}**************${clerk.idNumber!.slice(-2)}`);
    expect(res.extensions?.redacted).toEqual(['User.idNumber', 'User.phone']);
  });

  it('a colleague gets null, and the response names the redacted fields', async () => {
    const res = await t.gql(READ, { id: clerkId }, await t.tokenOf('approver.210381'));
    expect(res.data?.node).toEqual({ username: clerk.username, phone: null, idNumber: null });
    expect(res.extensions?.redacted).toEqual(['User.idNumber', 'User.phone']);
  });

  it("the city's centre admin reads the county account but not its personal data", async () => {
    const res = await t.gql(READ, { id: clerkId }, await t.tokenOf('centre_admin.210300'));
    expect(res.data?.node).toEqual({ username: clerk.username, phone: null, idNumber: null });
  });

  it('lists the redacted fields once for a whole list', async () => {
    const res = await t.gql('{ users(first: 50) { edges { node { phone } } } }', {}, await t.tokenOf('approver.210381'));
    expect(res.extensions?.redacted).toEqual(['User.phone']);
  });

  it('states who may see each guarded field in the schema description', async () => {
    const res = await t.gql('{ __type(name: "User") { fields { name description } } }', {}, await t.tokenOf('approver.210381'));
    const phone = res.data?.__type.fields.find((f: { name: string }) => f.name === 'phone');
    expect(phone.description).toMatch(/Visible to: the person; centre admins of the row's tenant \(clear\); auditors \(masked\)/);
  });
});

describe('viewerFieldAccess', () => {
  const ACCESS = 'query($type: String!, $id: ID) { viewerFieldAccess(type: $type, id: $id) { field access } }';
  const access = async (username: string, id?: string) =>
    (await t.gql(ACCESS, { type: 'User', id }, await t.tokenOf(username))).data?.viewerFieldAccess;

  it('tells each viewer how it sees a given user', async () => {
    expect(await access('window_staff.210381', clerkId)).toEqual([
      { field: 'phone', access: 'CLEAR' },
      { field: 'idNumber', access: 'CLEAR' },
    ]);
    expect(await access('auditor.210381', clerkId)).toEqual([
      { field: 'phone', access: 'MASKED' },
      { field: 'idNumber', access: 'MASKED' },
    ]);
    expect(await access('approver.210381', clerkId)).toEqual([
      { field: 'phone', access: 'HIDDEN' },
      { field: 'idNumber', access: 'HIDDEN' },
    ]);
  });

  it('without an id, answers for a colleague of the own tenant', async () => {
    expect(await access('centre_admin.210381')).toEqual([
      { field: 'phone', access: 'CLEAR' },
      { field: 'idNumber', access: 'CLEAR' },
    ]);
    expect(await access('window_staff.210381')).toEqual([
      { field: 'phone', access: 'HIDDEN' },
      { field: 'idNumber', access: 'HIDDEN' },
    ]);
  });

  it('refuses a type that does not exist', async () => {
    const res = await t.gql(ACCESS, { type: 'Nope' }, await t.tokenOf('approver.210381'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
  });
});
