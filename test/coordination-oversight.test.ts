import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { AssigneeStatus, CoordinationSide, WorkItem, WorkItemAssignee, WorkItemKind, WorkItemStatus } from '../src/modules/coordination/entities';
import { SupervisionNotice } from '../src/modules/supervision/entities';

/**
 * 督办 and the statistics of work items (鞍山 衔接 四.3 督任务、督进度、督成效) in 鞍山市
 * (210300) in October 2026; 海城市 (210381) is a county of it, 锦州市 (210700) another city.
 * The items are written as their routes leave them (the routes are tested in
 * coordination.test.ts); what is tested here reads them through the API.
 */
const CODE = '210300';
const COUNTY = '210381';
const NOW = '2026-10-20T10:00:00+08:00';
const OCTOBER = { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };

let t: TestApp;
const items: Record<string, WorkItem> = {};
const parts: Record<string, WorkItemAssignee> = {};

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const at = (day: number, hour = 17) => new Date(`2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);

async function departmentOf(code: string, name: string): Promise<Department> {
  const tenant = await repo(Tenant).findOneByOrFail({ code });
  return repo(Department).findOneByOrFail({ tenantId: tenant.id, name });
}

/** A work item as its route left it, with the parts of its departments. */
async function item(
  key: string,
  code: string,
  fields: { dueDay: number; status: WorkItemStatus; finishedDay?: number; organiser: string },
  assignees: { key: string; department: string; status: AssigneeStatus; day?: number }[],
): Promise<void> {
  const tenant = await repo(Tenant).findOneByOrFail({ code });
  const clerk = await repo(User).findOneByOrFail({ username: `centre_admin.${code}` });
  const organiser = await departmentOf(code, fields.organiser);
  items[key] = await repo(WorkItem).save(
    repo(WorkItem).create({
      tenantId: tenant.id,
      kind: WorkItemKind.URGENT_TASK,
      title: `紧急任务${key}`,
      content: '按局领导要求落实',
      originSide: CoordinationSide.BUREAU,
      status: fields.status,
      registeredById: clerk.id,
      registeringDepartmentId: clerk.departmentId,
      organiserDepartmentId: organiser.id,
      registeredAt: at(1, 9),
      dueWorkingDays: 5,
      dueAt: at(fields.dueDay),
      finishedAt: fields.finishedDay ? at(fields.finishedDay, 12) : null,
      finalResult: fields.finishedDay ? '已落实' : null,
    }),
  );
  for (const part of assignees) {
    const department = await departmentOf(code, part.department);
    parts[part.key] = await repo(WorkItemAssignee).save(
      repo(WorkItemAssignee).create({
        tenantId: tenant.id,
        workItemId: items[key].id,
        departmentId: department.id,
        personId: null,
        status: part.status,
        assignedAt: at(2, 9),
        doneAt: part.status === AssigneeStatus.DONE ? at(part.day!, 12) : null,
        returnedAt: part.status === AssigneeStatus.RETURNED ? at(part.day!, 12) : null,
        returnReason: part.status === AssigneeStatus.RETURNED ? '不属于本部门职责' : null,
      }),
    );
  }
}

beforeAll(async () => {
  t = await startTestApp();
  const { DONE, ASSIGNED, RETURNED } = AssigneeStatus;
  // A: open past its due date; 窗口服务部 has not done its part, 业务协调部 did on time.
  await item('A', CODE, { dueDay: 15, status: WorkItemStatus.IN_PROGRESS, organiser: '党政群工作部' }, [
    { key: 'A-window', department: '窗口服务部', status: ASSIGNED },
    { key: 'A-coordination', department: '业务协调部', status: DONE, day: 14 },
  ]);
  // B: finished on time.
  await item('B', CODE, { dueDay: 12, status: WorkItemStatus.FINISHED, finishedDay: 12, organiser: '党政群工作部' }, [{ key: 'B-coordination', department: '业务协调部', status: DONE, day: 9 }]);
  // C: finished, its part done after the due date.
  await item('C', CODE, { dueDay: 13, status: WorkItemStatus.FINISHED, finishedDay: 16, organiser: '党政群工作部' }, [{ key: 'C-technical', department: '技术服务部', status: DONE, day: 16 }]);
  // D: returned by its only department (推诿扯皮), nobody carries it out, past due.
  await item('D', CODE, { dueDay: 16, status: WorkItemStatus.IN_PROGRESS, organiser: '业务协调部' }, [{ key: 'D-office', department: '党政群工作部', status: RETURNED, day: 14 }]);
  // E: due next week.
  await item('E', CODE, { dueDay: 28, status: WorkItemStatus.IN_PROGRESS, organiser: '党政群工作部' }, [{ key: 'E-window', department: '窗口服务部', status: ASSIGNED }]);
  // F: the county's own item, open past due.
  await item('F', COUNTY, { dueDay: 15, status: WorkItemStatus.IN_PROGRESS, organiser: '业务协调部' }, [{ key: 'F-window', department: '窗口服务部', status: ASSIGNED }]);
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
    expect(issued).toContainEqual(expect.objectContaining({ causeKind: 'WORK_ITEM_STALLED', department: { name: '业务协调部' }, workItem: { title: '紧急任务D' } }));
    expect(issued.find((n: any) => n.causeKind === 'WORK_ITEM_OVERDUE').reason).toContain('紧急任务A');

    const second = await as('centre_admin.210300', CHECK, { code: CODE });
    expect(second.errors).toBeUndefined();
    expect(workNotices(second)).toEqual([]);
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    expect(await repo(SupervisionNotice).countBy({ tenantId: tenant.id, causeKind: 'WORK_ITEM_OVERDUE' as never, causeId: parts['A-window'].id })).toBe(1);
    expect(await repo(SupervisionNotice).countBy({ tenantId: tenant.id, causeKind: 'WORK_ITEM_STALLED' as never, causeId: items.D.id })).toBe(1);
  });

  test('鞍山 衔接 四.3: the county’s overdue item is the county’s notice: its admin reads it, not the city’s notices; the city’s admin does not read it before escalation', async () => {
    const county = await repo(Tenant).findOneByOrFail({ code: COUNTY });
    const notice = await repo(SupervisionNotice).findOneByOrFail({ tenantId: county.id, causeKind: 'WORK_ITEM_OVERDUE' as never, causeId: parts['F-window'].id });
    const LIST = 'query { supervisionNotices(first: 100, filter: { causeKind: WORK_ITEM_OVERDUE }) { edges { node { id workItem { title } } } } }';
    const countyList = (await as('centre_admin.210381', LIST)).data!.supervisionNotices.edges.map((e: any) => e.node);
    expect(countyList).toEqual([{ id: encodeGlobalId('SupervisionNotice', notice.id), workItem: { title: '紧急任务F' } }]);
    const cityList = (await as('centre_admin.210300', LIST)).data!.supervisionNotices.edges.map((e: any) => e.node.workItem.title);
    expect(cityList).toEqual(['紧急任务A']);
  });
});

describe('coordinationStats (鞍山 衔接 四.3 督进度、督成效)', () => {
  const STATS = 'query($code: String!, $from: DateTimeISO!, $to: DateTimeISO!) { coordinationStats(tenantCode: $code, from: $from, to: $to) { department { name } items onTime late returned } }';

  test('鞍山 衔接 四.3: by department, the parts of the items due in the period: on time, late (done late or open past due) and returned; what is not due yet is neither', async () => {
    const res = await as('window_staff.210300', STATS, { code: CODE, ...OCTOBER });
    expect(res.errors).toBeUndefined();
    const rows = Object.fromEntries(res.data!.coordinationStats.map((row: any) => [row.department.name, { items: row.items, onTime: row.onTime, late: row.late, returned: row.returned }]));
    expect(rows).toEqual({
      窗口服务部: { items: 2, onTime: 0, late: 1, returned: 0 },
      业务协调部: { items: 2, onTime: 2, late: 0, returned: 0 },
      技术服务部: { items: 1, onTime: 0, late: 1, returned: 0 },
      党政群工作部: { items: 1, onTime: 0, late: 0, returned: 1 },
    });
  });

  test('鞍山 衔接 四.3: another centre sees nothing: the county’s figures hold only its own item; another city’s code is NOT_FOUND', async () => {
    const county = await as('centre_admin.210381', STATS, { code: COUNTY, ...OCTOBER });
    expect(county.data!.coordinationStats).toEqual([{ department: { name: '窗口服务部' }, items: 1, onTime: 0, late: 1, returned: 0 }]);
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
    const byName = new Map(figures.data!.appraisalDepartmentFigures.map((row: any) => [row.department.name, row]));
    const part = (key: string) => ({ kind: 'WORK_ITEM_ASSIGNEE', id: encodeGlobalId('WorkItemAssignee', parts[key].id) });
    expect(byName.get('窗口服务部')).toMatchObject({ lateWorkItems: 1, returnedWorkItems: 0 });
    expect((byName.get('窗口服务部') as any).events).toContainEqual(part('A-window'));
    expect(byName.get('技术服务部')).toMatchObject({ lateWorkItems: 1, returnedWorkItems: 0, events: [part('C-technical')] });
    expect(byName.get('党政群工作部')).toMatchObject({ lateWorkItems: 0, returnedWorkItems: 1, events: [part('D-office')] });
    // On time, or not due yet (E, due on the 28th of a period judged up to the 20th): nothing against it.
    expect(byName.has('业务协调部')).toBe(false);

    const windows = await as('centre_admin.210300', WINDOWS, { id: periodId });
    const service = windows.data!.node.results.edges.map((e: any) => e.node).filter((r: any) => r.department?.name === '窗口服务部');
    expect(service.length).toBeGreaterThan(0);
    for (const result of service) {
      expect(result.breakdown).toEqual([
        { source: 'LATE_WORK_ITEM', count: 1, points: -1 },
        { source: 'RETURNED_WORK_ITEM', count: 0, points: 0 },
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
