import { In } from 'typeorm';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, DepartmentKind, Tenant, User } from '../src/modules/tenancy/entities';
import { AgencyService, Application } from '../src/modules/applications/entities';

/**
 * 数据统计上报 (鞍山 衔接 三.3) in 鞍山市 (210300), whose routing points the demo names:
 * the centre's 业务协调部 compiles, the bureau's 业务协调科 receives. 海城市 (210381) is a
 * county of it.
 */
const CODE = '210300';
const COUNTY = '210381';
const DAY = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const localDate = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
/** The period: the 70 days up to yesterday (Asia/Shanghai), which hold every demo case received before today. */
const START = localDate(Date.now() - 70 * DAY);
const END = localDate(Date.now() - DAY);

const REPORT = `id status startDate endDate casesReceived agencyServices note version submittedAt
  windows { received accepted decided decidedOnTime window { number department { name } } }
  agencyServiceRows { kind projectName cases }
  compilingDepartment { name } recipientDepartment { name } compiledBy { username } submittedBy { username } tenant { code }`;
const COMPILE = `mutation($input: CompileStatisticsReportInput!) { compileStatisticsReport(input: $input) { ${REPORT} } }`;
const SUBMIT = `mutation($input: StatisticsReportVersionInput!) { submitStatisticsReport(input: $input) { ${REPORT} } }`;
const LIST = `query($filter: StatisticsReportFilter) { statisticsReports(filter: $filter) { totalCount edges { node { ${REPORT} } } } }`;

async function as(username: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(query, variables, await t.tokenOf(username));
}

const compile = (username: string, input: Record<string, unknown>) => as(username, COMPILE, { input: { startDate: START, endDate: END, ...input } });
const listed = async (username: string) => (await as(username, LIST, {})).data!.statisticsReports;

/** 办件量 per window counted here, apart from the API: the cases received in the period. */
async function expectedByWindow(): Promise<Map<number, number>> {
  const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
  const from = new Date(`${START}T00:00:00+08:00`);
  const to = new Date(Date.parse(`${END}T00:00:00+08:00`) + DAY);
  const counts = new Map<number, number>();
  for (const application of await repo(Application).findBy({ tenantId: tenant.id })) {
    if (application.receivedAt >= from && application.receivedAt < to) counts.set(application.receivingWindowId, (counts.get(application.receivingWindowId) ?? 0) + 1);
  }
  return counts;
}

describe('数据统计上报 (鞍山 衔接 三.3)', () => {
  let report: any;

  test('鞍山 衔接 三.3: the centre’s 业务协调部 compiles the period’s 办件量 per window and the 帮办代办 from the cases', async () => {
    const res = await compile('centre_coordination.210300', { note: '本月数据' });
    expect(res.errors).toBeUndefined();
    report = res.data!.compileStatisticsReport;
    const expected = await expectedByWindow();
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(report).toMatchObject({
      status: 'DRAFT',
      startDate: START,
      endDate: END,
      casesReceived: total,
      note: '本月数据',
      version: 1,
      submittedAt: null,
      compilingDepartment: { name: '业务协调部' },
      recipientDepartment: { name: '鞍山市行政审批局业务协调科' },
      compiledBy: { username: 'centre_coordination.210300' },
      tenant: { code: CODE },
    });
    expect(report.windows.reduce((sum: number, row: any) => sum + row.received, 0)).toBe(total);
    for (const row of report.windows) {
      expect(row.window).not.toBeNull();
      expect(row.decidedOnTime).toBeLessThanOrEqual(row.decided);
    }
    // 帮办代办: the demo records of 鞍山市, by programme and key project.
    const helped = await repo(AgencyService).findBy({ tenantId: (await repo(Tenant).findOneByOrFail({ code: CODE })).id });
    expect(report.agencyServices).toBe(helped.length);
    expect(report.agencyServiceRows).toContainEqual({ kind: 'KEY_PROJECT', projectName: '鞍山高新区智能装备产业园项目', cases: 2 });
  });

  test('鞍山 衔接 三.3: a draft is compiled again only with its version (stale: CONFLICT); it picks up new 帮办代办', async () => {
    expect(codeOf(await compile('centre_coordination.210300', {}))).toBe('CONFLICT');
    expect(codeOf(await compile('centre_coordination.210300', { version: 5 }))).toBe('CONFLICT');
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const helped = new Set((await repo(AgencyService).findBy({ tenantId: tenant.id })).map((row) => row.applicationId));
    const application = (await repo(Application).find({ where: { tenantId: tenant.id }, order: { id: 'ASC' } })).find((a) => !helped.has(a.id))!;
    const recorded = await as('centre_coordination.210300', 'mutation($input: RecordAgencyServiceInput!) { recordAgencyService(input: $input) { id } }', {
      input: {
        applicationId: encodeGlobalId('Application', application.id),
        helperId: encodeGlobalId('User', (await repo(User).findOneByOrFail({ username: 'staff10.210300' })).id),
        kind: 'MULTI_DRAWING_REVIEW',
        projectName: '鞍山市第三中学新校区',
        helpedAt: new Date(`${END}T10:00:00+08:00`).toISOString(),
      },
    });
    expect(recorded.errors).toBeUndefined();
    const again = await compile('centre_coordination.210300', { version: report.version, note: '补充多图联审' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.compileStatisticsReport).toMatchObject({ id: report.id, version: 2, note: '补充多图联审', agencyServices: report.agencyServices + 1 });
    expect(again.data!.compileStatisticsReport.agencyServiceRows).toContainEqual({ kind: 'MULTI_DRAWING_REVIEW', projectName: '鞍山市第三中学新校区', cases: 1 });
    report = again.data!.compileStatisticsReport;
  });

  test('鞍山 衔接 三.3: the bureau’s 业务协调科 does not see a draft, nor compile or submit; other departments neither; an auditor is read-only', async () => {
    expect((await listed('bureau_coordination.210300')).totalCount).toBe(0);
    expect(codeOf(await compile('bureau_coordination.210300', { startDate: START, endDate: START }))).toBe('FORBIDDEN');
    expect(codeOf(await as('bureau_coordination.210300', SUBMIT, { input: { id: report.id, version: report.version } }))).toBe('FORBIDDEN');
    // A centre admin of another department (the demo's sits in the bureau) is not the compiler.
    expect(codeOf(await compile('centre_admin.210300', { startDate: START, endDate: START }))).toBe('FORBIDDEN');
    expect(codeOf(await compile('window_staff.210300', { startDate: START, endDate: START }))).toBe('FORBIDDEN');
    expect(codeOf(await as('auditor.210300', SUBMIT, { input: { id: report.id, version: report.version } }))).toBe('READ_ONLY_ROLE');
    for (const username of ['window_staff.210300', 'centre_admin.210300']) expect((await listed(username)).totalCount).toBe(0);
    expect((await listed('centre_leader.210300')).totalCount).toBe(1);
  });

  test('鞍山 衔接 三.3: every invalid date at once; a period not over yet or longer than a year is refused', async () => {
    const bad = await compile('centre_coordination.210300', { startDate: '2026-02-30', endDate: 'tomorrow', note: '长'.repeat(1001) });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual(['input.startDate', 'input.endDate', 'input.note']);
    const today = localDate(Date.now());
    const running = await compile('centre_coordination.210300', { startDate: START, endDate: today });
    expect(codeOf(running)).toBe('BAD_USER_INPUT');
    expect(running.errors![0].extensions!.field).toBe('input.endDate');
    const long = await compile('centre_coordination.210300', { startDate: '2024-01-01', endDate: '2025-01-31' });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    expect(long.errors![0].extensions!.field).toBe('input.startDate');
  });

  test('鞍山 衔接 三.3: submitted to the bureau’s 业务协调科 (stale version: CONFLICT), then locked: no recompile, no second submission', async () => {
    expect(codeOf(await as('centre_coordination.210300', SUBMIT, { input: { id: report.id, version: 1 } }))).toBe('CONFLICT');
    const res = await as('centre_coordination.210300', SUBMIT, { input: { id: report.id, version: report.version } });
    expect(res.errors).toBeUndefined();
    const submitted = res.data!.submitStatisticsReport;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: report.version + 1, submittedBy: { username: 'centre_coordination.210300' }, recipientDepartment: { name: '鞍山市行政审批局业务协调科' } });
    expect(submitted.submittedAt).not.toBeNull();

    const recompile = await compile('centre_coordination.210300', { version: submitted.version, note: '改' });
    expect(codeOf(recompile)).toBe('CONFLICT');
    expect(codeOf(await compile('centre_coordination.210300', {}))).toBe('CONFLICT');
    expect(codeOf(await as('centre_coordination.210300', SUBMIT, { input: { id: submitted.id, version: submitted.version } }))).toBe('CONFLICT');

    // The bureau's 业务协调科, the bureau leader and the auditor read what was submitted, unchanged.
    for (const username of ['bureau_coordination.210300', 'bureau_leader.210300', 'auditor.210300']) {
      const list = await listed(username);
      expect(list.totalCount).toBe(1);
      expect(list.edges[0].node).toMatchObject({ id: submitted.id, status: 'SUBMITTED', note: '补充多图联审', casesReceived: submitted.casesReceived });
    }
  });

  test('鞍山 衔接 三.3: another centre’s report is NOT_FOUND; a centre without its desks named compiles nothing', async () => {
    const county = await repo(Tenant).findOneByOrFail({ code: COUNTY });
    expect(codeOf(await compile('centre_admin.210381', {}))).toBe('CONFLICT');
    // The county names its desks: its 窗口服务部 compiles, its bureau section receives.
    const departments = await repo(Department).findBy({ tenantId: county.id, kind: In([DepartmentKind.CENTRE, DepartmentKind.APPROVAL_BUREAU]) });
    const desk = (name: string) => encodeGlobalId('Department', departments.find((d) => d.name === name)!.id);
    const SET = 'mutation($input: SetCoordinationPointInput!) { setCoordinationPoint(input: $input) { id } }';
    for (const [point, name] of [['CENTRE_COORDINATION', '窗口服务部'], ['BUREAU_COORDINATION', '海城市行政审批局业务协调科']]) {
      const res = await as('centre_admin.210381', SET, { input: { point, departmentId: desk(name) } });
      expect(res.errors).toBeUndefined();
    }
    expect(codeOf(await as('window_staff.210381', SUBMIT, { input: { id: report.id, version: report.version + 1 } }))).toBe('NOT_FOUND');
    expect((await listed('window_staff.210381')).totalCount).toBe(0);
    const node = await as('centre_admin.210381', 'query($id: ID!) { node(id: $id) { id } }', { id: report.id });
    expect(node.data!.node).toBeNull();
    // The city's auditor reads the county's report too, as everything in scope.
    const own = await compile('window_staff.210381', {});
    expect(own.errors).toBeUndefined();
    expect(own.data!.compileStatisticsReport.tenant.code).toBe(COUNTY);
    expect((await as('auditor.210300', LIST, { filter: { tenantCode: COUNTY } })).data!.statisticsReports.totalCount).toBe(1);
  });
});
