import request from 'supertest';
import { GraphQLNamedType, GraphQLObjectType, getNamedType, isLeafType } from 'graphql';
import { codeOf, SEED_PASSWORD, startTestApp, TestApp } from './harness';
import { appSchema } from '../src/graphql/schema';
import { AuditEntry } from '../src/modules/audit/entities';

/**
 * 审计日志 (issue 13; DESIGN.md §2 Audit log): every mutation, every refused attempt,
 * every sign-in and every read of PII in clear, hash-chained per tenant and append-only.
 * The documents' sentences behind it: 鞍山 规范 四 服务流程 (后台分类审批) "业务办理各流程、
 * 环节一律实行网上办理、网上留痕、网上监管"; 锦州 第十一条 (监督监察: 电子监察 … 对行政服务过程
 * … 实施监督监察) and 第二十五条 (健全内控机制 … 接受 … 监察 … 监督).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ENTRY = 'id seq kind operation outcome actorUsername actorId roles targetIds details requestId clientAddress at tenantCode hash previousHash';
const LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after, orderBy: [{ field: AT, direction: ASC }]) { totalCount edges { node { ${ENTRY} } } } }`;

type Entry = Record<string, any>;

async function logOf(token: string, filter: Record<string, unknown> = {}, first = 100): Promise<Entry[]> {
  const res = await t.gql(LOG, { filter, first }, token);
  expect(res.errors).toBeUndefined();
  return res.data?.auditLog.edges.map((edge: { node: Entry }) => edge.node);
}

const table = (name: string) => t.dataSource.driver.escape(name);

async function departmentIdOf(token: string): Promise<string> {
  return (await t.gql('{ viewer { department { id } } }', {}, token)).data?.viewer.department.id;
}

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id username } }';

describe('every mutation is recorded (鞍山 规范 四 网上留痕)', () => {
  it('a successful mutation records actor, tenant, operation, targets (created ones too), OK, request id, client address; secrets left out, PII masked', async () => {
    const admin = await t.tokenOf('centre_admin.210381');
    const departmentId = await departmentIdOf(admin);
    const res = await request(t.app)
      .post('/graphql')
      .set('authorization', `Bearer ${admin}`)
      .set('x-request-id', 'audit-test-create-user')
      .set('x-forwarded-for', '198.51.100.7')
      .send({
        query: CREATE_USER,
        variables: { input: { departmentId, username: 'audit.clerk1', displayName: '审计测试', roles: ['WINDOW_STAFF'], password: 'Secret-pass-2026', phone: '13812345678', idNumber: '210381199001011233' } },
      });
    expect(res.body.errors).toBeUndefined();
    const created = res.body.data.createUser.id;
    const [entry] = await logOf(await t.tokenOf('auditor.210381'), { operation: 'createUser', targetId: created });
    expect(entry).toMatchObject({
      kind: 'TENANCY',
      outcome: 'OK',
      actorUsername: 'centre_admin.210381',
      roles: ['CENTRE_ADMIN'],
      tenantCode: '210381',
      requestId: 'audit-test-create-user',
      clientAddress: '198.51.100.7',
    });
    expect(entry.targetIds).toEqual(expect.arrayContaining([created, departmentId]));
    const details = JSON.parse(entry.details);
    expect(details.input).toMatchObject({ username: 'audit.clerk1', phone: '138****5678', idNumber: '21**************33' });
    expect(details.input.password).toBeUndefined();
    expect(entry.details).not.toContain('Secret-pass-2026');
  });

  it('a refused mutation is recorded with its code, and its change rolled back', async () => {
    const clerk = await t.tokenOf('window_staff.210381');
    const departmentId = await departmentIdOf(await t.tokenOf('centre_admin.210381'));
    const res = await t.gql(CREATE_USER, { input: { departmentId, username: 'audit.sneaky', displayName: '越权', roles: ['CENTRE_ADMIN'], password: 'Sneaky-pass-2026' } }, clerk);
    expect(codeOf(res)).toBe('FORBIDDEN');
    const entries = await logOf(await t.tokenOf('auditor.210381'), { operation: 'createUser', actorUsername: 'window_staff.210381' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'FORBIDDEN', kind: 'TENANCY' });
    expect(entries[0].targetIds).toEqual([departmentId]);
  });

  it('operation-level refusals that reach no resolver are recorded: an auditor’s mutation (READ_ONLY_ROLE), an anonymous one (UNAUTHENTICATED)', async () => {
    const auditor = await t.tokenOf('auditor.210381');
    const departmentId = await departmentIdOf(auditor);
    expect(codeOf(await t.gql(CREATE_USER, { input: { departmentId, username: 'audit.nope', displayName: '审计', roles: ['AUDITOR'], password: 'Nope-pass-2026' } }, auditor))).toBe('READ_ONLY_ROLE');
    const mine = await logOf(auditor, { actorUsername: 'auditor.210381', operation: 'createUser' });
    expect(mine.map((e) => e.outcome)).toEqual(['READ_ONLY_ROLE']);
    expect(codeOf(await t.gql('mutation { logout }'))).toBe('UNAUTHENTICATED');
    const platform = await logOf(await t.tokenOf('platform_admin'), { operation: 'logout', outcome: 'UNAUTHENTICATED' });
    expect(platform).toHaveLength(1);
    expect(platform[0]).toMatchObject({ tenantCode: null, actorUsername: null, kind: 'SIGN_OUT' });
    // A business mutation without a token: on the platform chain, which platform admins read whole.
    expect(codeOf(await t.gql('mutation($i: AcceptApplicationInput!) { acceptApplication(input: $i) { id } }', { i: { id: departmentId, version: 1, providedMaterialIds: [] } }))).toBe('UNAUTHENTICATED');
    const anonymous = await logOf(await t.tokenOf('platform_admin'), { operation: 'acceptApplication' });
    expect(anonymous.map((e) => [e.tenantCode, e.kind, e.outcome, e.targetIds])).toEqual([[null, 'MUTATION', 'UNAUTHENTICATED', [departmentId]]]);
  });

  it('a mutation never run because an earlier one in the same operation failed is recorded as NOT_EXECUTED', async () => {
    const clerk = await t.tokenOf('window_staff.210381');
    const departmentId = await departmentIdOf(await t.tokenOf('centre_admin.210381'));
    const target = (await t.gql('{ viewer { id } }', {}, await t.tokenOf('staff06.210381'))).data?.viewer.id;
    const res = await t.gql(
      'mutation($i: CreateUserInput!, $j: SetUserActiveInput!) { createUser(input: $i) { id } setUserActive(input: $j) { id } }',
      { i: { departmentId, username: 'audit.twice', displayName: '两次', roles: ['WINDOW_STAFF'], password: 'Twice-pass-2026' }, j: { id: target, active: false, version: 1 } },
      clerk,
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    const entries = await logOf(await t.tokenOf('auditor.210381'), { actorUsername: 'window_staff.210381', operation: 'setUserActive' });
    expect(entries.map((e) => e.outcome)).toEqual(['NOT_EXECUTED']);
    // Ids from the operation's variables: the field's arguments are not bound yet.
    expect(entries[0].targetIds).toEqual(expect.arrayContaining([target, departmentId]));
  });

  it('the schema walk: every mutation of the schema, called by an auditor, leaves an entry with its name', async () => {
    const { data } = await t.gql<{ login: { token: string } }>('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'auditor.210302', password: SEED_PASSWORD } });
    const auditor = data!.login.token;
    const mutationType = appSchema().getMutationType() as GraphQLObjectType;
    const fields = Object.values(mutationType.getFields()).sort((a, b) => (a.name === 'logout' ? 1 : b.name === 'logout' ? -1 : a.name.localeCompare(b.name)));
    expect(fields.length).toBeGreaterThan(40);
    for (const field of fields) {
      // Arguments as variables left unset: the document is valid, no resolver of a refused field runs.
      const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const named: GraphQLNamedType = getNamedType(field.type);
      const selection = isLeafType(named) ? '' : '{ __typename }';
      const res = await t.gql(`mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`, {}, auditor);
      // The auditor's own session (refreshToken, and logout last) is its to change; the rest is refused.
      const ownSession = field.name === 'logout' || field.name === 'refreshToken';
      expect([field.name, res.errors?.length]).toEqual([field.name, ownSession ? undefined : 1]);
    }
    const relogin = await t.gql<{ login: { token: string } }>('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'auditor.210302', password: SEED_PASSWORD } });
    const reader = relogin.data!.login.token;
    const entries: Entry[] = [];
    for (let after: string | undefined, more = true; more; ) {
      const page = await t.gql(`query($after: String) { auditLog(filter: { actorUsername: "auditor.210302" }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { operation outcome } } } }`, { after }, reader);
      entries.push(...(page.data?.auditLog.edges ?? []).map((e: { node: Entry }) => e.node));
      more = page.data?.auditLog.pageInfo.hasNextPage;
      after = page.data?.auditLog.pageInfo.endCursor;
    }
    const recorded = new Map(entries.map((e) => [e.operation, e.outcome]));
    for (const field of fields) expect([field.name, recorded.has(field.name)]).toEqual([field.name, true]);
    const sessionMutations = new Set(['login', 'logout', 'changePassword', 'refreshToken']);
    for (const field of fields.filter((f) => !sessionMutations.has(f.name))) expect([field.name, recorded.get(field.name)]).toEqual([field.name, 'READ_ONLY_ROLE']);
    expect(recorded.get('logout')).toBe('OK');
    expect(recorded.get('refreshToken')).toBe('OK');
  });
});

describe('sign-ins and sign-outs (鞍山 规范 四 网上留痕)', () => {
  const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
  const loginFrom = (client: string, username: string, password: string) =>
    request(t.app).post('/graphql').set('x-forwarded-for', client).send({ query: LOGIN, variables: { input: { username, password } } });

  it('records successful, failed and throttled sign-ins with the username as typed and the client address; unknown names go to the platform chain', async () => {
    expect((await loginFrom('192.0.2.10', 'staff01.210381', SEED_PASSWORD)).body.data.login.token).toBeTruthy();
    for (let i = 0; i < 6; i += 1) await loginFrom('192.0.2.11', 'Staff02.210381 ', `wrong-guess-${i}`);
    await loginFrom('192.0.2.12', 'nobody.at.all', 'wrong-guess-x');
    const auditor = await t.tokenOf('auditor.210381');
    const signIns = await logOf(auditor, { operation: 'login', tenantCode: '210381' });
    expect(signIns.find((e) => e.clientAddress === '192.0.2.10')).toMatchObject({ kind: 'SIGN_IN', outcome: 'OK', actorUsername: 'staff01.210381' });
    const guesses = signIns.filter((e) => e.clientAddress === '192.0.2.11');
    expect(guesses.map((e) => e.outcome)).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'TOO_MANY_ATTEMPTS']);
    expect(guesses.every((e) => e.actorUsername === 'Staff02.210381 ' && e.actorId === null)).toBe(true);
    const platform = await logOf(await t.tokenOf('platform_admin'), { actorUsername: 'nobody.at.all' });
    expect(platform).toHaveLength(1);
    expect(platform[0]).toMatchObject({ tenantCode: null, outcome: 'UNAUTHENTICATED', clientAddress: '192.0.2.12' });
  });

  it('a sign-out is recorded', async () => {
    const { body } = await loginFrom('192.0.2.20', 'staff03.210381', SEED_PASSWORD);
    await t.gql('mutation { logout }', {}, body.data.login.token);
    const entries = await logOf(await t.tokenOf('auditor.210381'), { actorUsername: 'staff03.210381', operation: 'logout' });
    expect(entries.map((e) => [e.kind, e.outcome])).toEqual([['SIGN_OUT', 'OK']]);
  });
});

describe('reads of PII in clear (锦州 第十一条 监督监察)', () => {
  const LIST = 'query($first: Int) { applications(first: $first) { edges { node { id applicantName } } } }';

  it('one entry per request lists the Type.field names and the rows read, in a bounded number of statements', async () => {
    const admin = await t.tokenOf('centre_admin.210300');
    await t.gql('{ viewer { username } }', {}, admin); // the account, cached from here on
    const res = await t.gql(LIST, { first: 100 }, admin);
    expect(res.errors).toBeUndefined();
    const clear = res.data?.applications.edges.filter((e: { node: Entry }) => e.node.applicantName !== null).map((e: { node: Entry }) => e.node.id);
    expect(clear.length).toBeGreaterThan(10);
    const entries = await logOf(await t.tokenOf('auditor.210300'), { actorUsername: 'centre_admin.210300', operation: 'applications' });
    expect(entries).toHaveLength(1);
    expect(entries[0].kind).toBe('PII_READ');
    expect(JSON.parse(entries[0].details)).toEqual({ fields: ['Application.applicantName'] });
    expect([...entries[0].targetIds].sort()).toEqual([...clear].sort());
    // page + loaders for the policy subjects + the audit batch (begin, head lock, head update, one INSERT, commit);
    // a statement per row would show as a difference between 20 rows and 100.
    const small = await t.gql(LIST, { first: 20 }, admin);
    expect(res.sqlStatements).toBe(small.sqlStatements);
    expect(res.sqlStatements).toBeLessThanOrEqual(11);
  });

  it('masked reads and reads of one’s own data are not recorded', async () => {
    const auditor = await t.tokenOf('auditor.210300');
    await t.gql(LIST, { first: 100 }, auditor);
    const staff = await t.tokenOf('staff04.210381');
    await t.gql('{ viewer { phone idNumber } }', {}, staff);
    expect(await logOf(auditor, { actorUsername: 'auditor.210300', operation: 'applications' })).toEqual([]);
    expect(await logOf(await t.tokenOf('auditor.210381'), { actorUsername: 'staff04.210381', operation: 'viewer' })).toEqual([]);
  });

  it('an auditor follows one case through the log (auditTrail)', async () => {
    const clerk = await t.tokenOf('centre_admin.210300');
    const { data } = await t.gql('{ applications(first: 1, filter: { tenantCode: "210300" }) { edges { node { id applicantName } } } }', {}, clerk);
    const caseId = data?.applications.edges[0].node.id;
    const trail = await t.gql(`query($id: ID!) { auditTrail(id: $id) { edges { node { kind operation actorUsername } } } }`, { id: caseId }, await t.tokenOf('auditor.210300'));
    expect(trail.data?.auditTrail.edges.map((e: { node: Entry }) => e.node)).toContainEqual({ kind: 'PII_READ', operation: 'applications', actorUsername: 'centre_admin.210300' });
  });
});

describe('who reads the log (锦州 第十一条, 第二十五条; DESIGN.md §3.1 scope)', () => {
  it('an auditor of a county cannot read the city’s entries; the city’s auditor reads the county’s', async () => {
    const county = await t.tokenOf('auditor.210381');
    expect(await logOf(county, { tenantCode: '210300' })).toEqual([]);
    expect((await logOf(county)).every((e) => e.tenantCode === '210381')).toBe(true);
    const city = await logOf(await t.tokenOf('auditor.210300'));
    const codes = new Set(city.map((e) => e.tenantCode));
    expect(codes).toContain('210381');
    expect([...codes].every((code) => code.startsWith('2103'))).toBe(true);
  });

  it('a centre admin reads only its own centre’s entries, not another tenant’s (not even a subordinate’s)', async () => {
    const cityAdmin = await t.tokenOf('centre_admin.210300');
    expect(await logOf(cityAdmin, { tenantCode: '210381' })).toEqual([]);
    const other = await t.tokenOf('centre_admin.150302');
    expect(await logOf(other, { tenantCode: '210381' })).toEqual([]);
    expect((await logOf(cityAdmin)).every((e) => e.tenantCode === '210300')).toBe(true);
  });

  it('platform admins read tenancy and sign-in entries everywhere, no tenant’s business entries; other roles are refused', async () => {
    const entries = await logOf(await t.tokenOf('platform_admin'));
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.filter((e) => e.tenantCode !== null).map((e) => e.kind))).toEqual(new Set(['TENANCY', 'SIGN_IN', 'SIGN_OUT']));
    expect(codeOf(await t.gql(LOG, {}, await t.tokenOf('window_staff.210381')))).toBe('FORBIDDEN');
  });

  it('CSV export through an authenticated download (RFC 4180 quoting)', async () => {
    const auditor = await t.tokenOf('auditor.210381');
    const res = await request(t.app).get('/audit.csv').query({ operation: 'createUser' }).set('authorization', `Bearer ${auditor}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('tenantCode,seq,at,kind,operation,outcome,actorUsername,actorRoles,targetIds,details,requestId,clientAddress,previousHash,hash');
    expect(lines.some((line) => line.includes('"{""input"":{'))).toBe(true);
    expect(lines.filter((line) => line.includes(',createUser,')).length).toBeGreaterThanOrEqual(2);
    expect((await request(t.app).get('/audit.csv')).status).toBe(401);
    expect((await request(t.app).get('/audit.csv').set('authorization', `Bearer ${await t.tokenOf('window_staff.210381')}`)).status).toBe(403);
  });
});

describe('tamper-evident and append-only (锦州 第二十五条 内控机制)', () => {
  const VERIFY = 'query($code: String) { verifyAuditChain(tenantCode: $code) { tenantCode intact checkedEntries problem firstBroken { seq } } }';

  it('no password or token is in any entry', async () => {
    const staff = await t.tokenOf('staff05.210381');
    const changed = await t.gql('mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }', { input: { currentPassword: SEED_PASSWORD, newPassword: 'Changed-pass-2026' } }, staff);
    expect(changed.errors).toBeUndefined();
    expect((await logOf(await t.tokenOf('auditor.210381'), { operation: 'changePassword', actorUsername: 'staff05.210381' })).map((e) => e.outcome)).toEqual(['OK']);
    const tokens = [staff, changed.data?.changePassword.token, await t.tokenOf('centre_admin.210381'), await t.tokenOf('auditor.210381'), await t.tokenOf('platform_admin')];
    const rows = await t.dataSource.getRepository(AuditEntry).find();
    expect(rows.length).toBeGreaterThan(20);
    const text = JSON.stringify(rows);
    for (const secret of [SEED_PASSWORD, 'Changed-pass-2026', 'Secret-pass-2026', 'Sneaky-pass-2026', 'Nope-pass-2026', 'wrong-guess-1', ...tokens]) expect(text).not.toContain(secret);
  });

  it('concurrent mutations in one tenant from parallel requests keep the chain gap-free', async () => {
    const admin = await t.tokenOf('centre_admin.210302');
    const departmentId = await departmentIdOf(admin);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.gql(CREATE_USER, { input: { departmentId, username: `audit.parallel${i}`, displayName: '并发', roles: ['WINDOW_STAFF'], password: 'Parallel-pass-2026' } }, admin)),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const report = await t.gql(VERIFY, { code: '210302' }, await t.tokenOf('auditor.210302'));
    expect(report.data?.verifyAuditChain).toMatchObject({ intact: true, problem: null });
    const seqs = (await t.dataSource.getRepository(AuditEntry).find({ where: { tenantCode: '210302' }, order: { seq: 'ASC' } })).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(report.data?.verifyAuditChain.checkedEntries).toBe(seqs.length);
  });

  it('UPDATE and DELETE of an entry are refused by the database itself (triggers)', async () => {
    await expect(t.dataSource.query(`UPDATE ${table('audit_entry')} SET outcome = 'OK'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM ${table('audit_entry')}`)).rejects.toThrow(/append-only/);
  });

  it('the chain verifies; a row edited directly in the database is detected, and so is a removed one', async () => {
    const auditor = await t.tokenOf('auditor.210381');
    const intact = await t.gql(VERIFY, { code: '210381' }, auditor);
    expect(intact.data?.verifyAuditChain).toMatchObject({ tenantCode: '210381', intact: true, problem: null, firstBroken: null });
    const checked = intact.data?.verifyAuditChain.checkedEntries;
    expect(checked).toBeGreaterThan(5);
    // Someone with the rights to drop the trigger edits an entry: the chain tells.
    const tenantId = (await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ tenantCode: '210381', seq: 3 })).tenantId;
    await t.dataSource.query(`DROP TRIGGER ${table('audit_entry_no_update')}`);
    await t.dataSource.query(`UPDATE ${table('audit_entry')} SET actor_username = 'someone.else' WHERE tenant_id = ? AND seq = 3`, [tenantId]);
    const edited = await t.gql(VERIFY, { code: '210381' }, auditor);
    expect(edited.data?.verifyAuditChain).toMatchObject({ intact: false, firstBroken: { seq: 3 }, checkedEntries: 2 });
    await t.dataSource.query(`DROP TRIGGER ${table('audit_entry_no_delete')}`);
    await t.dataSource.query(`DELETE FROM ${table('audit_entry')} WHERE tenant_id = ? AND seq = 3`, [tenantId]);
    const removed = await t.gql(VERIFY, { code: '210381' }, auditor);
    expect(removed.data?.verifyAuditChain).toMatchObject({ intact: false, firstBroken: { seq: 4 }, problem: 'entries missing before seq 4' });
  });

  it('verification is for auditors (own tenant and subordinates) and platform admins; others are refused', async () => {
    expect(codeOf(await t.gql(VERIFY, { code: '210300' }, await t.tokenOf('auditor.210381')))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(VERIFY, { code: '210381' }, await t.tokenOf('centre_admin.210381')))).toBe('FORBIDDEN');
    expect((await t.gql(VERIFY, {}, await t.tokenOf('platform_admin'))).data?.verifyAuditChain).toMatchObject({ tenantCode: null, intact: true });
  });
});

describe('an audit entry that cannot be written fails its mutation as a whole', () => {
  it('with the chain table gone, the mutation fails and changes nothing', async () => {
    const admin = await t.tokenOf('centre_admin.210381');
    const departmentId = await departmentIdOf(admin);
    await t.dataSource.query(`ALTER TABLE ${table('audit_chain_head')} RENAME TO ${table('audit_chain_head_gone')}`);
    try {
      const res = await t.gql(CREATE_USER, { input: { departmentId, username: 'audit.unlogged', displayName: '无痕', roles: ['WINDOW_STAFF'], password: 'Unlogged-pass-2026' } }, admin);
      expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.dataSource.query(`ALTER TABLE ${table('audit_chain_head_gone')} RENAME TO ${table('audit_chain_head')}`);
    }
    const users = await t.gql('{ users(filter: { search: "audit.unlogged" }) { totalCount } }', {}, admin);
    expect(users.data?.users.totalCount).toBe(0);
  });

  it('a mutation runs in a bounded number of statements with its entry (one INSERT for the audit)', async () => {
    const admin = await t.tokenOf('centre_admin.210381');
    const departmentId = await departmentIdOf(admin);
    const res = await t.gql(CREATE_USER, { input: { departmentId, username: 'audit.counted', displayName: '计数', roles: ['WINDOW_STAFF'], password: 'Counted-pass-2026' } }, admin);
    expect(res.errors).toBeUndefined();
    // The audit's share: head lock, head update, one INSERT, inside the mutation's own transaction.
    expect(res.sqlStatements).toBeLessThanOrEqual(11);
  });
});
