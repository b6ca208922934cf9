import { In } from 'typeorm';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import { CaseSample, SampledCase } from '../src/modules/supervision/entities';
import { drawSample } from '../src/modules/supervision/sampling';
import { DEMO_SAMPLE_SEED } from '../seeds/supervision';

/**
 * 办件抽查 (锦州 第十一条 "通过受理投诉、电子监察、视频监控、办件抽查等形式 … 实施监督监察") in
 * 海城市 (210381); 铁东区 (210302) is another centre of 鞍山市 (210300).
 */
const CODE = '210381';
const OTHER = '210302';
const ART = '锦州 第十一条';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const gid = (type: string, row: { id: number }) => encodeGlobalId(type, row.id);
const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions;
const as = (role: string, code = CODE) => t.tokenOf(`${role}.${code}`);
/** A local (Beijing) date `days` from today. */
const localDate = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const FROM = localDate(-70);
const TO = localDate(0);

const DRAW = `mutation($input: DrawCaseSampleInput!) { drawCaseSample(input: $input) {
  id seed size population fromDate toDate department { name } drawnBy { username } tenant { code }
  cases { id version position verdict problems application { id number status department { id } } } } }`;
const FINDING = `mutation($input: RecordSamplingFindingInput!) { recordSamplingFinding(input: $input) { id version verdict problems note inspectedBy { username } inspectedAt sanctions { id } } }`;
const SAMPLES = `query($code: String) { caseSamples(first: 20, tenantCode: $code) { totalCount edges { node { id seed cases { verdict problems } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;

async function draw(input: Record<string, unknown>, who = 'supervisor'): Promise<any> {
  const res = await t.gql(DRAW, { input: { tenantCode: CODE, from: FROM, to: TO, size: 5, ...input } }, await as(who));
  expect(res.errors).toBeUndefined();
  return res.data!.drawCaseSample;
}

describe(`${ART}: 办件抽查, random and reproducible`, () => {
  test(`${ART}: the seeded draw is the same on every platform (a fixed vector)`, () => {
    expect(drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, '000102030405060708090a0b0c0d0e0f')).toEqual([4, 7, 3, 1]);
    expect(drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, 'ffffffffffffffffffffffffffffffff')).toEqual([5, 6, 8, 4]);
    expect(drawSample([1, 2, 3], 10, 'ffffffffffffffffffffffffffffffff').sort()).toEqual([1, 2, 3]);
  });

  test(`${ART}: a sample draws distinct finished cases of the own centre; the same seed draws the same cases again`, async () => {
    const first = await draw({});
    expect(first).toMatchObject({ size: 5, fromDate: FROM, toDate: TO, department: null, drawnBy: { username: `supervisor.${CODE}` }, tenant: { code: CODE } });
    expect(first.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(first.cases).toHaveLength(5);
    expect(first.population).toBeGreaterThanOrEqual(5);
    const numbers = first.cases.map((c: any) => c.application.number);
    expect(new Set(numbers).size).toBe(5);
    for (const c of first.cases) {
      expect(c.application.number.startsWith(`${CODE}-`)).toBe(true);
      expect(['APPROVED', 'DENIED', 'RESULT_READY', 'DELIVERED']).toContain(c.application.status);
      expect(c.verdict).toBe('PENDING');
    }
    expect(first.cases.map((c: any) => c.position)).toEqual([1, 2, 3, 4, 5]);

    // The same seed over the same cases: the same sample, in the same order.
    const again = await draw({ seed: first.seed }, 'centre_admin');
    expect(again.cases.map((c: any) => c.application.number)).toEqual(numbers);
    expect(again.population).toBe(first.population);

    // It is exactly the seeded pick over the finished cases in id order (what the database holds).
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const finished = await repo(Application).find({
      select: { id: true, decidedAt: true },
      where: { tenantId: tenant.id, status: In([ApplicationStatus.APPROVED, ApplicationStatus.DENIED, ApplicationStatus.RESULT_READY, ApplicationStatus.DELIVERED]) },
      order: { id: 'ASC' },
    });
    const fromInstant = new Date(`${FROM}T00:00:00+08:00`);
    const toInstant = new Date(new Date(`${TO}T00:00:00+08:00`).getTime() + 86_400_000);
    const population = finished.filter((a) => a.decidedAt! >= fromInstant && a.decidedAt! < toInstant).map((a) => a.id);
    expect(population).toHaveLength(first.population);
    const expected = drawSample(population, 5, first.seed);
    expect(first.cases.map((c: any) => Number(Buffer.from(c.application.id, 'base64').toString().split(':')[1]))).toEqual(expected);

    // Another seed, another sample (with this population, not the same five in the same order).
    const other = await draw({ seed: 'ffffffffffffffffffffffffffffffff' });
    expect(other.cases.map((c: any) => c.application.number)).not.toEqual(numbers);
  });

  test(`${ART}: a sample of one department draws only that department's cases; asking for more than there are draws them all`, async () => {
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const departments = await repo(Department).find({ where: { tenantId: tenant.id } });
    const realEstate = departments.find((d) => d.name.endsWith('不动产登记中心'))!;
    const sample = await draw({ departmentId: gid('Department', realEstate), size: 200 });
    expect(sample.department.name).toBe(realEstate.name);
    expect(sample.cases).toHaveLength(sample.population);
    for (const c of sample.cases) expect(c.application.department.id).toBe(gid('Department', realEstate));
  });

  test(`${ART}: the demo sample is there, with findings`, async () => {
    const res = await t.gql(SAMPLES, { code: CODE }, await as('centre_admin'));
    const demo = res.data!.caseSamples.edges.map((e: any) => e.node).find((s: any) => s.seed === DEMO_SAMPLE_SEED);
    expect(demo.cases.map((c: any) => c.verdict)).toEqual(['COMPLIANT', 'NON_COMPLIANT', 'COMPLIANT', 'PENDING', 'PENDING']);
    expect(demo.cases[1].problems).toEqual(['INCOMPLETE_MATERIALS', 'IRREGULAR_PROCEDURE']);
  });
});

describe(`${ART}: findings, and findings as a sanction basis`, () => {
  test(`${ART}: an inspector records COMPLIANT or the problems found, once`, async () => {
    const sample = await draw({ size: 3 });
    const [a, b] = sample.cases;
    const supervisor = await as('supervisor');
    const wrong = await t.gql(FINDING, { input: { id: a.id, version: a.version, verdict: 'COMPLIANT', problems: ['OVERDUE'] } }, supervisor);
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(errorOf(wrong)?.field).toBe('input.problems');
    expect(codeOf(await t.gql(FINDING, { input: { id: a.id, version: a.version, verdict: 'NON_COMPLIANT', problems: [] } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(FINDING, { input: { id: a.id, version: a.version, verdict: 'PENDING' } }, supervisor))).toBe('BAD_USER_INPUT');

    const ok = await t.gql(FINDING, { input: { id: a.id, version: a.version, verdict: 'NON_COMPLIANT', problems: ['OVERDUE', 'OVERCHARGING', 'OVERDUE'], note: '超时两日；多收工本费' } }, supervisor);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordSamplingFinding).toMatchObject({ verdict: 'NON_COMPLIANT', problems: ['OVERDUE', 'OVERCHARGING'], note: '超时两日；多收工本费', inspectedBy: { username: `supervisor.${CODE}` } });
    expect(codeOf(await t.gql(FINDING, { input: { id: a.id, version: ok.data!.recordSamplingFinding.version, verdict: 'COMPLIANT' } }, supervisor))).toBe('CONFLICT');
    expect(codeOf(await t.gql(FINDING, { input: { id: a.id, version: a.version, verdict: 'COMPLIANT' } }, supervisor))).toBe('CONFLICT');
    const compliant = await t.gql(FINDING, { input: { id: b.id, version: b.version, verdict: 'COMPLIANT' } }, await as('centre_admin'));
    expect(compliant.data!.recordSamplingFinding).toMatchObject({ verdict: 'COMPLIANT', problems: [] });
    expect(codeOf(await t.gql(FINDING, { input: { id: sample.cases[2].id, version: 1, verdict: 'COMPLIANT' } }, await as('window_staff')))).toBe('FORBIDDEN');
  });

  test(`${ART}: a finding with problems is a basis of a sanction in the register (锦州 第十六条); a compliant one is not`, async () => {
    const sample = await draw({ size: 2 });
    const [bad, good] = sample.cases;
    const supervisor = await as('supervisor');
    await t.gql(FINDING, { input: { id: bad.id, version: bad.version, verdict: 'NON_COMPLIANT', problems: ['INCOMPLETE_MATERIALS'] } }, supervisor);
    await t.gql(FINDING, { input: { id: good.id, version: good.version, verdict: 'COMPLIANT' } }, supervisor);
    const clerk = await repo(User).findOneByOrFail({ username: `window_staff.${CODE}` });
    const RECORD = 'mutation($input: RecordSanctionInput!) { recordSanction(input: $input) { id basisKind basisText sampledCase { id verdict } } }';
    const input = { personId: gid('User', clerk), kind: 'CRITICISM_EDUCATION', basisKind: 'SAMPLING_FINDING' };
    const admin = await as('centre_admin');
    const refused = await t.gql(RECORD, { input: { ...input, sampledCaseId: good.id } }, admin);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(errorOf(refused)?.field).toBe('input.sampledCaseId');
    const recorded = await t.gql(RECORD, { input: { ...input, sampledCaseId: bad.id } }, admin);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordSanction).toMatchObject({ basisKind: 'SAMPLING_FINDING', basisText: '办件抽查：材料不全', sampledCase: { id: bad.id, verdict: 'NON_COMPLIANT' } });
    const finding = await t.gql(`query($id: ID!) { node(id: $id) { ... on SampledCase { sanctions { id } } } }`, { id: bad.id }, admin);
    expect(finding.data!.node.sanctions).toEqual([{ id: recorded.data!.recordSanction.id }]);
    // Another centre cannot rest a sanction on it.
    const foreignClerk = await repo(User).findOneByOrFail({ username: `window_staff.${OTHER}` });
    const foreign = await t.gql(RECORD, { input: { ...input, personId: gid('User', foreignClerk), sampledCaseId: bad.id } }, await as('centre_admin', OTHER));
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(errorOf(foreign)?.field).toBe('input.sampledCaseId');
  });
});

describe(`${ART}: who reads, who writes, and what stays in the centre`, () => {
  test(`${ART}: another centre's sample and cases behave as ids that do not exist`, async () => {
    const sample = await draw({ size: 1 });
    const other = await as('supervisor', OTHER);
    expect((await t.gql(NODE, { id: sample.id }, other)).data!.node).toBeNull();
    expect((await t.gql(NODE, { id: sample.cases[0].id }, other)).data!.node).toBeNull();
    expect(codeOf(await t.gql(FINDING, { input: { id: sample.cases[0].id, version: 1, verdict: 'COMPLIANT' } }, other))).toBe('NOT_FOUND');
    const res = await t.gql(SAMPLES, { code: CODE }, other);
    expect(res.data!.caseSamples.totalCount).toBe(0);
    // Drawing in another centre is refused like an unknown centre.
    const foreign = await t.gql(DRAW, { input: { tenantCode: CODE, from: FROM, to: TO, size: 5 } }, other);
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(errorOf(foreign)?.field).toBe('input.tenantCode');
    const unknown = await t.gql(DRAW, { input: { tenantCode: '999999', from: FROM, to: TO, size: 5 } }, other);
    expect(errorOf(unknown)).toEqual(errorOf(foreign));
    // A department of another centre, too.
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const department = await repo(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    const foreignDepartment = await t.gql(DRAW, { input: { tenantCode: OTHER, from: FROM, to: TO, size: 5, departmentId: gid('Department', department) } }, other);
    expect(errorOf(foreignDepartment)?.field).toBe('input.departmentId');
    // Every sampled case of every sample stays in its centre.
    const rows = await repo(SampledCase).find();
    const cases = new Map((await repo(Application).findBy({ id: In(rows.map((r) => r.applicationId)) })).map((a) => [a.id, a.tenantId]));
    for (const row of rows) expect(cases.get(row.applicationId)).toBe(row.tenantId);
    expect(await repo(CaseSample).count()).toBeGreaterThan(1);
  });

  test(`${ART}: auditors read samples, never write; the city reads its centres' samples; other staff read none`, async () => {
    const sample = await draw({ size: 1 });
    const auditor = await as('auditor');
    expect((await t.gql(NODE, { id: sample.id }, auditor)).data!.node).toEqual({ id: sample.id });
    expect(codeOf(await t.gql(DRAW, { input: { tenantCode: CODE, from: FROM, to: TO, size: 5 } }, auditor))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await t.gql(FINDING, { input: { id: sample.cases[0].id, version: 1, verdict: 'COMPLIANT' } }, auditor))).toBe('READ_ONLY_ROLE');
    expect((await t.gql(NODE, { id: sample.id }, await as('supervisor', '210300'))).data!.node).toEqual({ id: sample.id });
    expect((await t.gql(SAMPLES, { code: CODE }, await as('window_staff'))).data!.caseSamples.totalCount).toBe(0);
    expect(codeOf(await t.gql(DRAW, { input: { tenantCode: CODE, from: FROM, to: TO, size: 5 } }, await as('window_staff')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DRAW, { input: { tenantCode: CODE, from: FROM, to: TO, size: 5 } }))).toBe('UNAUTHENTICATED');
  });

  test(`${ART}: hostile input is refused, every field at once`, async () => {
    const supervisor = await as('supervisor');
    const bad = await t.gql(DRAW, { input: { tenantCode: CODE, from: '2026-02-30', to: TO, size: 0, seed: "zz' OR 1=1" } }, supervisor);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect((errorOf(bad)?.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['input.seed', 'input.size', 'input.to']);
    expect(codeOf(await t.gql(DRAW, { input: { tenantCode: CODE, from: TO, to: FROM, size: 5 } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(DRAW, { input: { tenantCode: CODE, from: '2020-01-01', to: TO, size: 5 } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(DRAW, { input: { tenantCode: CODE, from: FROM, to: TO, size: 1_000_000 } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(FINDING, { input: { id: 'garbage', version: 1, verdict: 'COMPLIANT' } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(FINDING, { input: { id: gid('SampledCase', { id: 999999 }), version: 1, verdict: 'COMPLIANT', note: 'x'.repeat(2001) } }, supervisor))).toBe('BAD_USER_INPUT');
  });
});
