import { codeOf, startTestApp, TestApp } from './harness';
import { Matter, MatterStatus } from '../src/modules/matters/entities';
import { Tenant } from '../src/modules/tenancy/entities';
import { encodeGlobalId } from '../src/graphql/global-id';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const NINE = 'name type basis code legalLimitDays acceptanceConditions intermediaryServices serviceObjects materials { name required form copies }';
const tenantId = async (code: string) => (await t.dataSource.getRepository(Tenant).findOneByOrFail({ code })).id;
const matterOf = async (code: string, tenantCode: string) =>
  t.dataSource.getRepository(Matter).findOneByOrFail({ code, tenantId: await tenantId(tenantCode) });
const gid = (m: { id: number }) => encodeGlobalId('Matter', m.id);
const MATTER = `query($id: ID!) { node(id: $id) { ... on Matter { id version status adopted promisedLimitDays ${NINE} } } }`;

async function departmentOf(username: string, name: string): Promise<string> {
  const res = await t.gql('{ viewer { tenant { departments { id name } } } }', {}, await t.tokenOf(username));
  return res.data?.viewer.tenant.departments.find((d: { name: string }) => d.name.includes(name)).id;
}

function newMatterInput(departmentId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: '测试事项', type: 'ADMINISTRATIVE_LICENSE', basis: '《测试条例》', code: 'XK09990001', legalLimitDays: 20,
    acceptanceConditions: '材料齐全', serviceObjects: ['NATURAL_PERSON'], category: 'PROMISED', duties: '负责受理', procedure: '申请\n受理',
    departmentId, promisedLimitDays: 10, consultationPhone: '0412-2222222', complaintPhone: '12345', address: '一楼',
    materials: [{ name: '申请书', required: true, form: 'ORIGINAL' }], feeItems: [{ name: '工本费', basis: '某文件', amountFen: 1000 }],
    ...overrides,
  };
}
const CREATE = 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id code version status feeItems { amountFen } } }';

describe('三级九统: adoption', () => {
  it('an adopted matter carries exactly the nine elements of its source', async () => {
    const admin = await t.tokenOf('centre_admin.210381');
    const GUIDE = 'name type basis code legalLimitDays acceptanceConditions intermediaryServices serviceObjects materials { name required form copies }';
    const adoptable = await t.gql(`{ adoptableMatters(first: 100) { edges { node { sourceId adopted guide { ${GUIDE} } } } } matters(first: 100) { edges { node { code } } } }`, {}, admin);
    const mine = new Set(adoptable.data?.matters.edges.map((e: any) => e.node.code));
    const entries = adoptable.data?.adoptableMatters.edges.map((e: any) => e.node);
    expect(entries.every((e: any) => e.adopted === mine.has(e.guide.code))).toBe(true);
    const entry = entries.find((e: any) => !e.adopted);
    expect(entry.guide.materials.length).toBeGreaterThan(0);
    const source = { id: entry.sourceId, ...entry.guide };
    const department = await departmentOf('centre_admin.210381', '公安局');
    const adopt = await t.gql(
      `mutation($input: AdoptMatterInput!) { adoptMatter(input: $input) { id adopted status promisedLimitDays ${NINE} } }`,
      { input: { sourceId: source.id, departmentId: department, promisedLimitDays: 0 } },
      admin,
    );
    expect(adopt.errors).toBeUndefined();
    const { id: _id, ...elements } = source;
    expect(adopt.data?.adoptMatter).toMatchObject({ ...elements, adopted: true, status: 'DRAFT', promisedLimitDays: 0 });
    const again = await t.gql('mutation($input: AdoptMatterInput!) { adoptMatter(input: $input) { id } }', { input: { sourceId: source.id, departmentId: department } }, admin);
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('refuses to edit the nine elements of an adopted matter, but allows its local fields', async () => {
    const adopted = await matterOf('QR00300002', '210302');
    expect(adopted.sourceMatterId).not.toBeNull();
    const admin = await t.tokenOf('centre_admin.210302');
    const UPDATE = 'mutation($input: UpdateMatterInput!) { updateMatter(input: $input) { version address name } }';
    const refused = await t.gql(UPDATE, { input: { id: gid(adopted), version: adopted.version, name: '改名' } }, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const materials = await t.gql(UPDATE, { input: { id: gid(adopted), version: adopted.version, materials: [{ name: 'x', required: true, form: 'COPY' }] } }, admin);
    expect(materials.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.materials' });
    const local = await t.gql(UPDATE, { input: { id: gid(adopted), version: adopted.version, address: '铁东区政务服务中心二楼' } }, admin);
    expect(local.data?.updateMatter).toMatchObject({ version: adopted.version + 1, address: '铁东区政务服务中心二楼', name: adopted.name });
    const stillPromised = await t.gql(UPDATE, { input: { id: gid(adopted), version: adopted.version + 1, promisedLimitDays: adopted.legalLimitDays + 1 } }, admin);
    expect(stillPromised.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promisedLimitDays' });
  });

  it('when the source changes, its adopters see the new elements', async () => {
    const source = await matterOf('GG00400001', '210300');
    const adopters = await t.dataSource.getRepository(Matter).findBy({ sourceMatterId: source.id });
    expect(adopters.length).toBeGreaterThan(3);
    const res = await t.gql(
      'mutation($input: UpdateMatterInput!) { updateMatter(input: $input) { basis } }',
      { input: { id: gid(source), version: source.version, basis: '《社会保障卡管理办法》（修订）', materials: [{ name: '身份证', required: true, form: 'ORIGINAL' }, { name: '照片', required: false, form: 'ELECTRONIC' }] } },
      await t.tokenOf('centre_admin.210300'),
    );
    expect(res.errors).toBeUndefined();
    const adopter = adopters[0];
    const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ id: adopter.tenantId });
    const seen = await t.gql(MATTER, { id: gid(adopter) }, await t.tokenOf(`centre_admin.${tenant.code}`));
    expect(seen.data?.node.basis).toBe('《社会保障卡管理办法》（修订）');
    expect(seen.data?.node.materials.map((m: any) => m.name)).toEqual(['身份证', '照片']);
  });

  it('the consistency report finds 台安县\'s deviating matter and missing adoptions', async () => {
    const res = await t.gql(
      '{ matterConsistencyReport(tenantCode: "210300") { deviations { matter { code tenant { code } } sourceCode sourceTenantCode differingElements } missingAdoptions { sourceCode tenant { code } } } }',
      {},
      await t.tokenOf('centre_admin.210300'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.matterConsistencyReport.deviations).toEqual([
      { matter: { code: 'XK00200001', tenant: { code: '210321' } }, sourceCode: 'XK00200001', sourceTenantCode: '210300', differingElements: ['legalLimitDays', 'materials'] },
    ]);
    const missing = res.data?.matterConsistencyReport.missingAdoptions;
    expect(missing.length).toBeGreaterThan(7);
    expect(missing).toContainEqual({ sourceCode: 'XK00200001', tenant: { code: '210321' } });
    // Every missing pair really has no adoption in the database.
    for (const { sourceCode, tenant } of missing) {
      const source = await matterOf(sourceCode, '210300');
      const adopted = await t.dataSource.getRepository(Matter).findOneBy({ sourceMatterId: source.id, tenantId: await tenantId(tenant.code) });
      expect(adopted).toBeNull();
    }
  });
});

describe('writes and their rules', () => {
  it('creates, publishes and suspends a matter; stale versions and illegal steps give CONFLICT', async () => {
    const admin = await t.tokenOf('centre_admin.210303');
    const created = await t.gql(CREATE, { input: newMatterInput(await departmentOf('centre_admin.210303', '民政局')) }, admin);
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data!.createMatter;
    expect(created.data?.createMatter).toMatchObject({ status: 'DRAFT', feeItems: [{ amountFen: 1000 }] });
    const PUBLISH = 'mutation($input: MatterVersionInput!) { publishMatter(input: $input) { status version } }';
    const published = await t.gql(PUBLISH, { input: { id, version } }, admin);
    expect(published.data?.publishMatter).toEqual({ status: 'PUBLISHED', version: version + 1 });
    const stale = await t.gql(PUBLISH, { input: { id, version } }, admin);
    expect(codeOf(stale)).toBe('CONFLICT');
    const twice = await t.gql(PUBLISH, { input: { id, version: version + 1 } }, admin);
    expect(twice.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', status: 'PUBLISHED' } });
    const SUSPEND = 'mutation($input: SuspendMatterInput!) { suspendMatter(input: $input) { status suspendReason } }';
    expect(codeOf(await t.gql(SUSPEND, { input: { id, version: version + 1, reason: ' ' } }, admin))).toBe('BAD_USER_INPUT');
    const suspended = await t.gql(SUSPEND, { input: { id, version: version + 1, reason: '政策调整' } }, admin);
    expect(suspended.data?.suspendMatter).toEqual({ status: 'SUSPENDED', suspendReason: '政策调整' });
  });

  it.each([
    ['promised > legal', { promisedLimitDays: 30, legalLimitDays: 20 }, 'input.promisedLimitDays'],
    ['negative fee', { feeItems: [{ name: '费', basis: '依据', amountFen: -1 }] }, 'input.feeItems[0].amountFen'],
    ['no required material', { materials: [{ name: '照片', required: false, form: 'COPY' }] }, 'input.materials'],
    ['empty materials', { materials: [] }, 'input.materials'],
    ['bad code', { code: 'XK123' }, 'input.code'],
    ['code prefix of another type', { code: 'QR00000001' }, 'input.code'],
    ['JOINT with one department', { category: 'JOINT', jointDepartmentIds: [] }, 'input.jointDepartmentIds'],
    ['another tenant\'s department', { departmentId: 'foreign' }, 'input.departmentId'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, overrides, field) => {
    const own = await departmentOf('centre_admin.210304', '民政局');
    const foreign = await departmentOf('centre_admin.210303', '民政局');
    const input = newMatterInput(own, { code: 'XK09990002', ...overrides });
    if (input.departmentId === 'foreign') input.departmentId = foreign;
    const res = await t.gql(CREATE, { input }, await t.tokenOf('centre_admin.210304'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.dataSource.getRepository(Matter).countBy({ code: 'XK09990002' })).toBe(0);
  });

  it("a county admin cannot touch the city's matters; the city admin cannot write in a county", async () => {
    const cityMatter = await matterOf('XK00200003', '210300');
    const county = await t.tokenOf('centre_admin.210381');
    const update = await t.gql('mutation($input: UpdateMatterInput!) { updateMatter(input: $input) { id } }', { input: { id: gid(cityMatter), version: cityMatter.version, address: 'x' } }, county);
    expect(codeOf(update)).toBe('NOT_FOUND');
    const suspend = await t.gql('mutation($input: SuspendMatterInput!) { suspendMatter(input: $input) { id } }', { input: { id: gid(cityMatter), version: cityMatter.version, reason: 'x' } }, county);
    expect(codeOf(suspend)).toBe('NOT_FOUND');
    const countyMatter = await matterOf('XK00200003', '210381');
    const city = await t.gql('mutation($input: UpdateMatterInput!) { updateMatter(input: $input) { id } }', { input: { id: gid(countyMatter), version: countyMatter.version, address: 'x' } }, await t.tokenOf('centre_admin.210300'));
    expect(codeOf(city)).toBe('FORBIDDEN');
    const clerk = await t.gql(CREATE, { input: newMatterInput(await departmentOf('window_staff.210381', '民政局'), { code: 'XK09990003' }) }, await t.tokenOf('window_staff.210381'));
    expect(codeOf(clerk)).toBe('FORBIDDEN');
    expect((await t.dataSource.getRepository(Matter).findOneByOrFail({ id: cityMatter.id })).version).toBe(cityMatter.version);
  });
});

describe('queries', () => {
  it('searches by Chinese name or code', async () => {
    const res = await t.gql('{ byName: matters(first: 100, filter: { search: "不动产" }) { edges { node { name tenant { code } } } } byCode: matters(filter: { search: "QR0030000" }) { totalCount } }', {}, await t.tokenOf('approver.210381'));
    const names: string[] = res.data?.byName.edges.map((e: any) => e.node.name);
    const inDb = (await t.dataSource.getRepository(Matter).findBy({ tenantId: await tenantId('210381') })).filter((m) => m.name.includes('不动产'));
    expect(names.sort()).toEqual(inDb.map((m) => m.name).sort());
    expect(names.length).toBeGreaterThan(2);
    expect(res.data?.byCode.totalCount).toBe(inDb.filter((m) => m.code.startsWith('QR0030000')).length);
  });

  it('lists 100 matters with fee items, materials and department in a bounded number of statements', async () => {
    const token = await t.tokenOf('auditor.210300');
    const LIST = 'query($first: Int) { matters(first: $first) { edges { node { code department { name } feeItems { amountFen } materials { name } jointDepartments { name } tenant { code } windows { number } } } } }';
    const small = await t.gql(LIST, { first: 30 }, token);
    const large = await t.gql(LIST, { first: 100 }, token);
    expect(large.errors).toBeUndefined();
    expect(large.data?.matters.edges).toHaveLength(100);
    expect(small.sqlStatements).toBeLessThanOrEqual(10);
    expect(large.sqlStatements).toBeLessThanOrEqual(10);
  });
});

describe('public service guide, no token', () => {
  const GUIDE = '{ publicMatters(tenantCode: "210300", first: 100) { totalCount edges { node { code name category promisedLimitDays departmentName feeItems { name amountFen } materials { name required } consultationPhone windows { number name hall } } } } }';

  it('lists only PUBLISHED matters of the centre', async () => {
    const res = await t.gql(GUIDE);
    expect(res.errors).toBeUndefined();
    const codes: string[] = res.data?.publicMatters.edges.map((e: any) => e.node.code);
    const published = await t.dataSource.getRepository(Matter).findBy({ tenantId: await tenantId('210300'), status: MatterStatus.PUBLISHED });
    expect(codes.sort()).toEqual(published.map((m) => m.code).sort());
    expect(codes).not.toContain('QT00800003'); // draft
    expect(codes).not.toContain('XK00200007'); // suspended
    const estate = res.data?.publicMatters.edges.find((e: any) => e.node.code === 'QR00300002').node;
    expect(estate).toMatchObject({ departmentName: '鞍山市不动产登记中心', feeItems: [{ name: '不动产登记费（住房）', amountFen: 8000 }] });
    expect(estate.windows.length).toBeGreaterThan(0);
    expect(Object.keys(estate.windows[0]).sort()).toEqual(['hall', 'name', 'number']);
  });

  it('gives null for a draft, a suspended or an unknown matter, and for an unknown centre', async () => {
    const res = await t.gql('{ draft: publicMatter(tenantCode: "210300", code: "QT00800003") { code } suspended: publicMatter(tenantCode: "210300", code: "XK00200007") { code } unknown: publicMatter(tenantCode: "210300", code: "XK99999999") { code } centre: publicMatters(tenantCode: "999999") { totalCount } ok: publicMatter(tenantCode: "210381", code: "XK00200003") { name } }');
    expect(res.data).toEqual({ draft: null, suspended: null, unknown: null, centre: { totalCount: 0 }, ok: { name: '企业变更登记' } });
  });

  it('exposes no internal field: ids, status, versions and staff are not in the guide type', async () => {
    for (const field of ['id', 'status', 'version', 'department { id }', 'tenant { id }', 'suspendReason', 'windows { id }', 'windows { chiefRepresentative { id } }', 'windows { posts { post } }']) {
      const res = await t.gql(`{ publicMatter(tenantCode: "210300", code: "QR00300002") { ${field} } }`);
      expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const res = await t.gql('{ __type(name: "MatterGuide") { fields { name } } }');
    const fields: string[] = res.data?.__type.fields.map((f: { name: string }) => f.name);
    expect(fields.filter((f) => /id$|status|version|staff|user|phone$/i.test(f) && !/Phone$/.test(f))).toEqual([]);
  });

  it('internal queries still need a token', async () => {
    expect(codeOf(await t.gql('{ matters { totalCount } }'))).toBe('UNAUTHENTICATED');
  });
});
