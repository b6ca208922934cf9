import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { decodeGlobalId, encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant } from '../src/modules/tenancy/entities';
import { SupervisionNotice } from '../src/modules/supervision/entities';

/**
 * 督办 and the statistics of work items (鞍山 衔接 四.3 督任务、督进度、督成效) in 鞍山市
 * (210300) in October 2026 (国庆 1–7, 10 October a make-up working day), the items taken
 * along their routes (二.4 紧急任务) through the API; 海城市 (210381) is a county of it,
 * 锦州市 (210700) another city.
 */
const CODE = '210300';
const COUNTY = '210381';
const NOW = '2026-10-20T10:00:00+08:00';
const OCTOBER = { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };

const OFFICE = 'bureau_office.210300'; // 局办公室: urgent tasks for several centre departments, organised by 党政群工作部
const SECTION = 'bureau_coordination.210300'; // 局业务协调科: urgent tasks for one department, organised by it
const CLERK = 'window_staff.210300'; // 窗口服务部
const COORDINATION = 'centre_coordination.210300'; // 业务协调部

let t: TestApp;
/** The items by letter, as last read. */
const items: Record<string, any> = {};

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const ITEM = 'id version title dueAt assignees { id department { name } }';

async function department(name: string, code = CODE): Promise<string> {
  const tenant = await repo(Tenant).findOneByOrFail({ code });
  return encodeGlobalId('Department', (await repo(Department).findOneByOrFail({ tenantId: tenant.id, name })).id);
}

async function step(username: string, mutation: string, inputType: string, input: Record<string, unknown>): Promise<any> {
  const res = await t.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${ITEM} } }`, { input }, await t.tokenOf(username));
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0];
}

/** 二.4 紧急任务, registered at `when` with one working day to do it. */
async function urgent(key: string, username: string, when: string, departments: string[], dueWorkingDays = 1): Promise<void> {
  t.clock.set(when);
  const assignees = await Promise.all(departments.map(async (name) => ({ departmentId: await department(name) })));
  items[key] = await step(username, 'registerWorkItem', 'RegisterWorkItemInput', { kind: 'URGENT_TASK', title: `紧急任务${key}`, content: '按局领导要求落实', dueWorkingDays, assignees });
}

const partOf = (key: string, name: string) => items[key].assignees.find((a: any) => a.department.name === name);

async function done(key: string, username: string, name: string, when: string): Promise<void> {
  t.clock.set(when);
  items[key] = await step(username, 'reportWorkItemProgress', 'ReportWorkItemProgressInput', { assigneeId: partOf(key, name).id, version: items[key].version, progress: '已落实', done: true });
}

async function giveBack(key: string, username: string, name: string, when: string): Promise<void> {
  t.clock.set(when);
  items[key] = await step(username, 'returnWorkItem', 'ReturnWorkItemInput', { assigneeId: partOf(key, name).id, version: items[key].version, reason: '不属于本部门职责' });
}

async function finish(key: string, username: string, when: string): Promise<void> {
  t.clock.set(when);
  items[key] = await step(username, 'finishWorkItem', 'FinishWorkItemInput', { id: items[key].id, version: items[key].version, finalResult: '已按要求落实' });
}

beforeAll(async () => {
  t = await startTestApp();
  // A (due 13 October): 业务协调部 does its part on time, 窗口服务部 has not done its part.
  await urgent('A', OFFICE, '2026-10-12T09:00:00+08:00', ['窗口服务部', '业务协调部']);
  await done('A', COORDINATION, '业务协调部', '2026-10-12T15:00:00+08:00');
  // B (due 13 October): done and finished on time.
  await urgent('B', SECTION, '2026-10-12T09:30:00+08:00', ['业务协调部']);
  await done('B', COORDINATION, '业务协调部', '2026-10-13T10:00:00+08:00');
  await finish('B', COORDINATION, '2026-10-13T11:00:00+08:00');
  // C (due 13 October): done two days late, then finished.
  await urgent('C', SECTION, '2026-10-12T10:00:00+08:00', ['窗口服务部']);
  await done('C', CLERK, '窗口服务部', '2026-10-15T10:00:00+08:00');
  await finish('C', CLERK, '2026-10-15T11:00:00+08:00');
  // D (due 15 October): both departments return it (推诿扯皮); nobody carries it out.
  await urgent('D', OFFICE, '2026-10-14T09:00:00+08:00', ['窗口服务部', '业务协调部']);
  await giveBack('D', CLERK, '窗口服务部', '2026-10-14T10:00:00+08:00');
  await giveBack('D', COORDINATION, '业务协调部', '2026-10-14T11:00:00+08:00');
  // E (due 26 October): not due yet on the 20th.
  await urgent('E', SECTION, '2026-10-19T09:00:00+08:00', ['窗口服务部'], 5);
  t.clock.set(null);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(NOW));
afterEach(() => t.clock.set(null));

async function as(username: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  return t.gql(query, variables, await t.tokenOf(username));
}

const CHECK = 'mutation($code: String) { runSupervisionCheck(tenantCode: $code) { issued { id causeKind reason department { name } workItem { title } } } }';
const workNotices = (res: GraphQLResponse<any>) => res.data!.runSupervisionCheck.issued.filter((n: any) => n.causeKind.startsWith('WORK_ITEM_'));

describe('督办 of work items (鞍山 衔接 四.3 督任务、督进度)', () => {
  test('鞍山 衔接 四.3: an item past due issues one notice to the department whose part is open, and one to the organiser of an item nobody carries out; a second run issues nothing', async () => {
    const first = await as('centre_admin.210300', CHECK, { code: CODE });
    expect(first.errors).toBeUndefined();
    const issued = workNotices(first);
    expect(issued).toHaveLength(2);
    expect(issued).toContainEqual(expect.objectContaining({ causeKind: 'WORK_ITEM_OVERDUE', department: { name: '窗口服务部' }, workItem: { title: '紧急任务A' } }));
    // 二.4: several departments, so 党政群工作部 organises D.
    expect(issued).toContainEqual(expect.objectContaining({ causeKind: 'WORK_ITEM_STALLED', department: { name: '党政群工作部' }, workItem: { title: '紧急任务D' } }));
    expect(issued.find((n: any) => n.causeKind === 'WORK_ITEM_OVERDUE').reason).toContain('紧急任务A');

    const second = await as('centre_admin.210300', CHECK, { code: CODE });
    expect(second.errors).toBeUndefined();
    expect(workNotices(second)).toEqual([]);
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    expect(await repo(SupervisionNotice).countBy({ tenantId: tenant.id, causeKind: 'WORK_ITEM_OVERDUE' as never, causeId: Number(decodeGlobalId(partOf('A', '窗口服务部').id).id) })).toBe(1);
    expect(await repo(SupervisionNotice).countBy({ tenantId: tenant.id, causeKind: 'WORK_ITEM_STALLED' as never, causeId: Number(decodeGlobalId(items.D.id).id) })).toBe(1);
  });

  test('鞍山 衔接 四.3: the notice reaches the department that owes it; another centre reads none of them', async () => {
    const LIST = 'query { supervisionNotices(first: 100, filter: { causeKind: WORK_ITEM_OVERDUE }) { edges { node { workItem { title } department { name } } } } }';
    expect((await as(CLERK, LIST)).data!.supervisionNotices.edges.map((e: any) => e.node)).toEqual([{ workItem: { title: '紧急任务A' }, department: { name: '窗口服务部' } }]);
    for (const stranger of ['centre_admin.210381', 'centre_admin.210700']) {
      expect((await as(stranger, LIST)).data!.supervisionNotices.edges).toEqual([]);
    }
  });
});

describe('coordinationStats (鞍山 衔接 四.3 督进度、督成效)', () => {
  const STATS = 'query($code: String!, $from: DateTimeISO!, $to: DateTimeISO!) { coordinationStats(tenantCode: $code, from: $from, to: $to) { department { name } items onTime late returned } }';

  test('鞍山 衔接 四.3: by department, the parts of the items due in the period: on time, late (done late or open past due) and returned; what is not due yet is neither', async () => {
    const res = await as('window_staff.210300', STATS, { code: CODE, ...OCTOBER });
    expect(res.errors).toBeUndefined();
    const rows = Object.fromEntries(res.data!.coordinationStats.map((row: any) => [row.department.name, { items: row.items, onTime: row.onTime, late: row.late, returned: row.returned }]));
    // 窗口服务部: A open past due, C done late, D returned, E not due; 业务协调部: A and B on time, D returned.
    expect(rows).toEqual({
      窗口服务部: { items: 4, onTime: 0, late: 2, returned: 1 },
      业务协调部: { items: 3, onTime: 2, late: 0, returned: 1 },
    });
  });

  test('鞍山 衔接 四.3: another centre sees nothing: the county’s figures hold none of the city’s items; the city’s code is NOT_FOUND to the county and to another city', async () => {
    const county = await as('centre_admin.210381', STATS, { code: COUNTY, ...OCTOBER });
    expect(county.data!.coordinationStats).toEqual([]);
    expect(codeOf(await as('centre_admin.210381', STATS, { code: CODE, ...OCTOBER }))).toBe('NOT_FOUND');
    expect(codeOf(await as('centre_admin.210700', STATS, { code: CODE, ...OCTOBER }))).toBe('NOT_FOUND');
    expect(codeOf(await as('centre_admin.210300', STATS, { code: CODE, from: OCTOBER.to, to: OCTOBER.from }))).toBe('BAD_USER_INPUT');
  });
});

describe('the appraisal counts late and returned work items (鞍山 衔接 四.3 推诿扯皮)', () => {
  const SET_RULES = 'mutation($input: AppraisalRulesInput!) { setAppraisalRules(input: $input) { id } }';
  const OPEN = 'mutation($input: OpenAppraisalPeriodInput!) { openAppraisalPeriod(input: $input) { id } }';
  const FIGURES = 'query($id: ID!) { appraisalDepartmentFigures(periodId: $id) { department { name } lateWorkItems returnedWorkItems events { kind id } } }';
  const WINDOWS = 'query($id: ID!) { node(id: $id) { ... on AppraisalPeriod { results(first: 100, subjectKind: WINDOW) { edges { node { department { name } breakdown { source count points } } } } } } }';

  test('鞍山 衔接 四.3: the department figures of October show each department’s late and returned parts, and its windows lose the points', async () => {
    const rules = await as('centre_admin.210300', SET_RULES, {
      input: {
        baseScore: 100,
        excellentFrom: 95,
        competentFrom: 80,
        basicallyCompetentFrom: 60,
        excellenceQuotaPercent: 20,
        items: [
          { subjectKind: 'WINDOW', source: 'LATE_WORK_ITEM', mode: 'PER_EVENT', points: -1, label: '衔接事项超期' },
          { subjectKind: 'WINDOW', source: 'RETURNED_WORK_ITEM', mode: 'PER_EVENT', points: -2, label: '衔接事项退回' },
        ],
      },
    });
    expect(rules.errors).toBeUndefined();
    const open = await as('centre_admin.210300', OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2026-10-01' } });
    expect(open.errors).toBeUndefined();
    const periodId = open.data!.openAppraisalPeriod.id;

    const figures = await as('centre_admin.210300', FIGURES, { id: periodId });
    expect(figures.errors).toBeUndefined();
    type FiguresRow = { department: { name: string }; lateWorkItems: number; returnedWorkItems: number; events: { kind: string; id: string }[] };
    const byName = new Map((figures.data!.appraisalDepartmentFigures as FiguresRow[]).map((row) => [row.department.name, row]));
    const part = (key: string, name: string) => ({ kind: 'WORK_ITEM_ASSIGNEE', id: partOf(key, name).id });
    // Judged up to the 20th: E (due the 26th) is not counted yet; A and B on time for 业务协调部.
    expect(byName.get('窗口服务部')).toMatchObject({ lateWorkItems: 2, returnedWorkItems: 1 });
    for (const event of [part('A', '窗口服务部'), part('C', '窗口服务部'), part('D', '窗口服务部')]) expect(byName.get('窗口服务部')?.events).toContainEqual(event);
    expect(byName.get('业务协调部')).toMatchObject({ lateWorkItems: 0, returnedWorkItems: 1 });
    expect(byName.get('业务协调部')?.events).toContainEqual(part('D', '业务协调部'));

    const windows = await as('centre_admin.210300', WINDOWS, { id: periodId });
    const service = windows.data!.node.results.edges.map((e: any) => e.node).filter((r: any) => r.department?.name === '窗口服务部');
    expect(service.length).toBeGreaterThan(0);
    for (const result of service) {
      expect(result.breakdown).toEqual([
        { source: 'LATE_WORK_ITEM', count: 2, points: -2 },
        { source: 'RETURNED_WORK_ITEM', count: 1, points: -2 },
      ]);
    }
  });

  test('鞍山 衔接 四.3: another centre’s period is NOT_FOUND', async () => {
    const period = await as('centre_admin.210300', 'query { appraisalPeriods(first: 1, filter: { tenantCode: "210300" }) { edges { node { id } } } }');
    const id = period.data!.appraisalPeriods.edges[0].node.id;
    expect(codeOf(await as('centre_admin.210381', FIGURES, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await as('centre_admin.210700', FIGURES, { id }))).toBe('NOT_FOUND');
  });
});
