import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Role } from '../src/auth/roles';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';

/**
 * 工作衔接 in 鞍山市 (210300), whose 工作衔接机制的若干规定 these are; 海城市 (210381) is a
 * county under it, 锦州 古塔区 (210702) a centre of another city.
 */
const CODE = '210300';
const COUNTY = '210381';
const STRANGER = '210702';

const OFFICE = 'bureau_office.210300'; // 局办公室
const BUREAU_LEADER = 'bureau_leader.210300';
const CENTRE_LEADER = 'centre_leader.210300';
const GENERAL_OFFICE = 'general_office.210300'; // 中心党政群工作部
const BUREAU_COORDINATION = 'bureau_coordination.210300'; // 局业务协调科
const CENTRE_COORDINATION = 'centre_coordination.210300'; // 中心业务协调部
const CLERK = 'window_staff.210300'; // 窗口服务部
const STATIONED = 'approver.210300'; // 不动产登记中心, a stationed window (派驻窗口)
const AUDITOR = 'auditor.210300';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(null));

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const token = (username: string) => t.tokenOf(username);
const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions;

async function department(name: string, code = CODE): Promise<string> {
  const tenant = await repo(Tenant).findOneByOrFail({ code });
  return encodeGlobalId('Department', (await repo(Department).findOneByOrFail({ tenantId: tenant.id, name })).id);
}
const WINDOWS = () => department('窗口服务部');
const CENTRE_COORD_DEPT = () => department('业务协调部');
const BUREAU_COORD_DEPT = () => department('鞍山市行政审批局业务协调科');

const ITEM = `id version kind status title dueAt dueWorkingDays late finalResult originSide sourceReference meetingName meetingDate requestMode
  consultationMinutes consultationOutcome organiserDepartment { name } bureauContactDepartment { name } centreContactDepartment { name }
  assignees { id status returnReason department { name } reports { action note } }
  participants { department { name } }
  timeline { action actorRole fromStatus toStatus note actor { username } }`;

async function mutate(username: string, mutation: string, inputType: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${ITEM} } }`, { input }, await token(username));
}

async function register(username: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return mutate(username, 'registerWorkItem', 'RegisterWorkItemInput', { title: '关于做好年度政务服务工作的通知', content: '按通知要求组织落实', dueWorkingDays: 5, ...input });
}

/** Registers and expects success. */
async function registered(username: string, input: Record<string, unknown>): Promise<any> {
  const res = await register(username, input);
  expect(res.errors).toBeUndefined();
  return res.data!.registerWorkItem;
}

/** A step that must succeed; returns the item after it. */
async function ok(res: Promise<GraphQLResponse<any>>): Promise<any> {
  const done = await res;
  expect(done.errors).toBeUndefined();
  return Object.values(done.data!)[0];
}

const instruct = (username: string, item: any, note = '同意，请中心抓好落实') => mutate(username, 'instructWorkItem', 'WorkItemNoteInput', { id: item.id, version: item.version, note });
const read = (username: string, item: any, assignees?: { departmentId: string }[]) =>
  mutate(username, 'readWorkItem', 'ReadWorkItemInput', { id: item.id, version: item.version, note: '请相关部门认真落实', assignees });
const assign = (username: string, item: any, assignees: { departmentId: string }[]) => mutate(username, 'assignWorkItem', 'AssignWorkItemInput', { id: item.id, version: item.version, assignees });
const progress = (username: string, item: any, assigneeOf: string, done = false) =>
  mutate(username, 'reportWorkItemProgress', 'ReportWorkItemProgressInput', { assigneeId: partOf(item, assigneeOf).id, version: item.version, progress: done ? '已落实完毕' : '正在落实', done });
const finish = (username: string, item: any) => mutate(username, 'finishWorkItem', 'FinishWorkItemInput', { id: item.id, version: item.version, finalResult: '已按要求落实' });

function partOf(item: any, departmentName: string): any {
  const part = item.assignees.find((a: any) => a.department.name === departmentName);
  if (!part) throw new Error(`no assignee ${departmentName}`);
  return part;
}

async function myList(username: string, list: string): Promise<string[]> {
  const res = await t.gql(`query($list: WorkItemList!) { myWorkItems(list: $list, first: 100) { edges { node { id } } } }`, { list }, await token(username));
  expect(res.errors).toBeUndefined();
  return res.data!.myWorkItems.edges.map((e: any) => e.node.id);
}

describe('鞍山 衔接 一: the leaders', () => {
  test('一: a LEADER is appointed by the platform admin, never by the centre admin it oversees', async () => {
    const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { username roles } }';
    const input = { departmentId: await department('鞍山市行政审批局'), username: 'deputy.210300', displayName: '分管副局长', roles: ['LEADER'], password: 'Leader-pass-2026' };
    expect(codeOf(await t.gql(CREATE, { input }, await token(`centre_admin.${CODE}`)))).toBe('FORBIDDEN');
    const made = await t.gql(CREATE, { input }, await token('platform_admin'));
    expect(made.data!.createUser).toEqual({ username: 'deputy.210300', roles: ['LEADER'] });
  });
});

describe('鞍山 衔接 三、交叉事项 and the routing points of 二', () => {
  test('三.1–18: 鞍山’s matrix is seeded from the document; 三.5 names a lead on each side', async () => {
    const res = await t.gql(
      `{ responsibilityMatrix(tenantCode: "${CODE}", area: APPROVAL_COORDINATION) { side responsibility duties department { name } }
         all: responsibilityMatrix(tenantCode: "${CODE}") { area }
         coordinationPoints(tenantCode: "${CODE}") { point department { name } } }`,
      {},
      await token(CLERK),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.responsibilityMatrix).toEqual([
      { side: 'BUREAU', responsibility: 'LEAD', duties: '局审批业务科提出的会商由其牵头组织', department: { name: '鞍山市行政审批局业务协调科' } },
      { side: 'CENTRE', responsibility: 'LEAD', duties: '派驻窗口提出的会商由其牵头组织', department: { name: '业务协调部' } },
    ]);
    expect(new Set(res.data!.all.map((row: any) => row.area)).size).toBe(18);
    expect(res.data!.coordinationPoints.map((p: any) => [p.point, p.department.name])).toEqual([
      ['BUREAU_COORDINATION', '鞍山市行政审批局业务协调科'],
      ['BUREAU_OFFICE', '鞍山市行政审批局办公室'],
      ['CENTRE_COORDINATION', '业务协调部'],
      ['CENTRE_GENERAL_OFFICE', '党政群工作部'],
    ]);
  });

  test('三: a centre admin sets its own matrix and routing points; the side follows the department; others are refused', async () => {
    const admin = await token(`centre_admin.${COUNTY}`);
    const bureau = await department('海城市行政审批局业务协调科', COUNTY);
    const centre = await department('业务协调部', COUNTY);
    const SET = 'mutation($input: SetResponsibilityMatrixInput!) { setResponsibilityMatrix(input: $input) { area side responsibility department { name } } }';
    const rows = [
      { area: 'STATISTICS', departmentId: bureau, responsibility: 'LEAD' },
      { area: 'STATISTICS', departmentId: centre, responsibility: 'ASSIST', duties: '汇总后报局业务协调科' },
    ];
    const set = await t.gql(SET, { input: { rows } }, admin);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setResponsibilityMatrix).toEqual([
      { area: 'STATISTICS', side: 'BUREAU', responsibility: 'LEAD', department: { name: '海城市行政审批局业务协调科' } },
      { area: 'STATISTICS', side: 'CENTRE', responsibility: 'ASSIST', department: { name: '业务协调部' } },
    ]);

    const stationed = await department('海城市公安局', COUNTY);
    const bad = await t.gql(SET, { input: { rows: [...rows, { area: 'STATISTICS', departmentId: centre, responsibility: 'LEAD' }, { area: 'PRESS', departmentId: stationed, responsibility: 'LEAD' }] } }, admin);
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rows.2.departmentId' });
    expect((errorOf(bad)!.fields as { field: string }[]).map((f) => f.field)).toEqual(['input.rows.2.departmentId', 'input.rows.3.departmentId']);
    expect(codeOf(await t.gql(SET, { input: { rows } }, await token(`window_staff.${COUNTY}`)))).toBe('FORBIDDEN');
    // Another centre's department reads as one that does not exist.
    for (const departmentId of [await WINDOWS(), encodeGlobalId('Department', 999_999)]) {
      expect(errorOf(await t.gql(SET, { input: { rows: [{ area: 'PRESS', departmentId, responsibility: 'LEAD' }] } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rows.0.departmentId' });
    }
    expect(codeOf(await t.gql(SET, { input: { rows } }, await token(`auditor.${COUNTY}`)))).toBe('READ_ONLY_ROLE');

    const POINT = 'mutation($input: SetCoordinationPointInput!) { setCoordinationPoint(input: $input) { point department { name } } }';
    expect(errorOf(await t.gql(POINT, { input: { point: 'CENTRE_COORDINATION', departmentId: bureau } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departmentId' });
    const point = await t.gql(POINT, { input: { point: 'CENTRE_COORDINATION', departmentId: centre } }, admin);
    expect(point.data!.setCoordinationPoint).toEqual({ point: 'CENTRE_COORDINATION', department: { name: '业务协调部' } });

    // The county reads neither its city's matrix nor its points; the city's unchanged.
    const city = await t.gql(`{ responsibilityMatrix(tenantCode: "${CODE}") { area } coordinationPoints(tenantCode: "${CODE}") { point } }`, {}, admin);
    expect(city.data).toEqual({ responsibilityMatrix: null, coordinationPoints: null });
  });
});

describe('鞍山 衔接 二、衔接方式: the routes, step by step, the wrong role refused at each step', () => {
  test('二.1 上级文件: 局办公室 registers → 局主要领导批示 → 中心主要领导阅示 → centre departments carry it out', async () => {
    const document = { kind: 'SUPERIOR_DOCUMENT', title: '关于深化“一网通办”改革的通知', sourceReference: '辽政办发〔2026〕12号', area: 'PLATFORM_BUILDING' };
    expect(codeOf(await register(CLERK, document))).toBe('FORBIDDEN');
    expect(codeOf(await register(BUREAU_LEADER, document))).toBe('FORBIDDEN');
    expect(errorOf(await register(OFFICE, { ...document, sourceReference: undefined }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceReference' });
    let item = await registered(OFFICE, document);
    expect(item).toMatchObject({ status: 'AWAITING_INSTRUCTION', originSide: 'BUREAU', sourceReference: '辽政办发〔2026〕12号', late: false, organiserDepartment: { name: '党政群工作部' } });
    expect(await myList(BUREAU_LEADER, 'TO_INSTRUCT')).toContain(item.id);
    expect(await myList(CENTRE_LEADER, 'TO_INSTRUCT')).not.toContain(item.id);

    // 批示: a bureau leader only, with the version read.
    for (const who of [CLERK, OFFICE, CENTRE_LEADER]) expect(codeOf(await instruct(who, item))).toBe('FORBIDDEN');
    expect(errorOf(await instruct(BUREAU_LEADER, { ...item, version: item.version - 1 }))).toMatchObject({ code: 'CONFLICT', field: 'version' });
    item = await ok(instruct(BUREAU_LEADER, item));
    expect(item.status).toBe('AWAITING_READING');
    expect(codeOf(await instruct(BUREAU_LEADER, item))).toBe('CONFLICT');
    expect(await myList(CENTRE_LEADER, 'TO_READ')).toContain(item.id);

    // 阅示: a centre leader only; assigning the centre departments at once.
    const departments = [{ departmentId: await WINDOWS() }, { departmentId: await CENTRE_COORD_DEPT() }];
    for (const who of [BUREAU_LEADER, GENERAL_OFFICE, CLERK]) expect(codeOf(await read(who, item, departments))).toBe('FORBIDDEN');
    expect(errorOf(await read(CENTRE_LEADER, item, [{ departmentId: await BUREAU_COORD_DEPT() }]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assignees.0.departmentId' });
    item = await ok(read(CENTRE_LEADER, item, departments));
    expect(item.status).toBe('IN_PROGRESS');
    expect(await myList(CLERK, 'TO_CARRY_OUT')).toContain(item.id);

    // 落实: each department its own part; the organiser finishes once all are done.
    expect(codeOf(await progress(BUREAU_COORDINATION, item, '窗口服务部'))).toBe('FORBIDDEN');
    item = await ok(progress(CLERK, item, '窗口服务部'));
    item = await ok(progress(CENTRE_COORDINATION, item, '业务协调部', true));
    expect(errorOf(await finish(GENERAL_OFFICE, item))).toMatchObject({ code: 'CONFLICT' });
    item = await ok(progress(CLERK, item, '窗口服务部', true));
    expect(codeOf(await progress(CLERK, item, '窗口服务部'))).toBe('CONFLICT');
    expect(codeOf(await finish(CENTRE_COORDINATION, item))).toBe('FORBIDDEN');
    expect(codeOf(await finish(CENTRE_LEADER, item))).toBe('FORBIDDEN');
    item = await ok(finish(GENERAL_OFFICE, item));
    expect(item).toMatchObject({ status: 'FINISHED', finalResult: '已按要求落实', late: false });
    expect(item.timeline.map((s: any) => [s.action, s.actorRole, s.actor.username])).toEqual([
      ['REGISTER', null, OFFICE],
      ['INSTRUCT', 'LEADER', BUREAU_LEADER],
      ['READ', 'LEADER', CENTRE_LEADER],
      ['REPORT_PROGRESS', null, CLERK],
      ['COMPLETE', null, CENTRE_COORDINATION],
      ['COMPLETE', null, CLERK],
      ['FINISH', null, GENERAL_OFFICE],
    ]);
    expect(item.timeline[1].note).toBe('同意，请中心抓好落实');
    expect(partOf(item, '窗口服务部').reports).toEqual([
      { action: 'REPORT_PROGRESS', note: '正在落实' },
      { action: 'COMPLETE', note: '已落实完毕' },
    ]);
    expect(await myList(CLERK, 'TO_CARRY_OUT')).not.toContain(item.id);
  });

  test('二.2 会议决定: the meeting and its date, then bureau sections and centre departments carry it out directly', async () => {
    const meeting = {
      kind: 'MEETING_DECISION',
      title: '推进大厅功能分区调整',
      meetingName: '局长办公会议',
      meetingDate: '2026-11-20',
      assignees: [{ departmentId: await BUREAU_COORD_DEPT() }, { departmentId: await WINDOWS() }],
    };
    expect(codeOf(await register(CLERK, meeting))).toBe('FORBIDDEN');
    const bad = await register(BUREAU_COORDINATION, { ...meeting, meetingName: undefined, assignees: [] });
    expect((errorOf(bad)!.fields as { field: string }[]).map((f) => f.field)).toEqual(['input.meetingName', 'input.assignees']);
    t.clock.set('2026-11-24T02:00:00Z');
    expect(errorOf(await register(BUREAU_COORDINATION, { ...meeting, meetingDate: '2026-11-25' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.meetingDate' });
    expect(errorOf(await register(BUREAU_COORDINATION, { ...meeting, assignees: [{ departmentId: await department('鞍山市公安局') }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.assignees.0.departmentId',
    });
    let item = await registered(BUREAU_COORDINATION, meeting);
    expect(item).toMatchObject({ status: 'IN_PROGRESS', meetingName: '局长办公会议', meetingDate: '2026-11-20', organiserDepartment: { name: '鞍山市行政审批局业务协调科' } });
    expect(item.assignees.map((a: any) => [a.department.name, a.status])).toEqual([
      ['鞍山市行政审批局业务协调科', 'ASSIGNED'],
      ['窗口服务部', 'ASSIGNED'],
    ]);
    // 5 working days from Tuesday 24 November 2026: the end of Tuesday 1 December (Asia/Shanghai).
    expect(item.dueAt).toBe('2026-12-01T15:59:59.999Z');
    item = await ok(progress(BUREAU_COORDINATION, item, '鞍山市行政审批局业务协调科', true));
    item = await ok(progress(CLERK, item, '窗口服务部', true));
    expect(codeOf(await finish(OFFICE, item))).toBe('FORBIDDEN');
    expect((await ok(finish(BUREAU_COORDINATION, item))).status).toBe('FINISHED');
  });

  test('二.3 局的通知: 局办公室 drafts → a bureau leader approves → 党政群工作部 reports to a centre leader → 阅示 → 党政群工作部 organises', async () => {
    const notice = { kind: 'BUREAU_NOTICE', title: '关于调整大厅午间值班安排的通知' };
    expect(codeOf(await register(GENERAL_OFFICE, notice))).toBe('FORBIDDEN');
    let item = await registered(OFFICE, notice);
    expect(codeOf(await instruct(CENTRE_LEADER, item))).toBe('FORBIDDEN');
    item = await ok(instruct(BUREAU_LEADER, item, '同意印发'));
    expect(item.status).toBe('AWAITING_REPORT');

    const report = (who: string) => mutate(who, 'reportWorkItemToLeader', 'WorkItemNoteInput', { id: item.id, version: item.version, note: '请中心领导阅示' });
    expect(codeOf(await read(CENTRE_LEADER, item))).toBe('CONFLICT');
    for (const who of [CLERK, OFFICE, CENTRE_LEADER]) expect(codeOf(await report(who))).toBe('FORBIDDEN');
    expect(await myList(GENERAL_OFFICE, 'TO_ORGANISE')).toContain(item.id);
    item = await ok(report(GENERAL_OFFICE));
    expect(item.status).toBe('AWAITING_READING');
    item = await ok(read(CENTRE_LEADER, item));
    expect(item.status).toBe('AWAITING_ASSIGNMENT');

    const windows = [{ departmentId: await WINDOWS() }];
    for (const who of [CLERK, CENTRE_LEADER, OFFICE]) expect(codeOf(await assign(who, item, windows))).toBe('FORBIDDEN');
    item = await ok(assign(GENERAL_OFFICE, item, windows));
    expect(item.status).toBe('IN_PROGRESS');
    expect(item.timeline.map((s: any) => s.action)).toEqual(['REGISTER', 'INSTRUCT', 'REPORT_TO_LEADER', 'READ', 'ASSIGN']);
  });

  test('二.4 紧急任务 for several centre departments: 局办公室 ↔ 党政群工作部', async () => {
    const urgent = { kind: 'URGENT_TASK', title: '迎接省检查组现场检查', dueWorkingDays: 1, assignees: [{ departmentId: await WINDOWS() }, { departmentId: await CENTRE_COORD_DEPT() }] };
    const several = await register(BUREAU_COORDINATION, urgent);
    expect(errorOf(several)).toMatchObject({ code: 'FORBIDDEN' });
    expect(several.errors![0].message).toContain('二.4');
    expect(codeOf(await register(CLERK, urgent))).toBe('FORBIDDEN');
    const item = await registered(OFFICE, urgent);
    expect(item).toMatchObject({
      status: 'IN_PROGRESS',
      bureauContactDepartment: { name: '鞍山市行政审批局办公室' },
      centreContactDepartment: { name: '党政群工作部' },
      organiserDepartment: { name: '党政群工作部' },
    });
    expect(item.assignees.map((a: any) => a.department.name)).toEqual(['窗口服务部', '业务协调部']);
  });

  test('二.4 紧急任务 for one centre department: the bureau section ↔ that department directly', async () => {
    const urgent = { kind: 'URGENT_TASK', title: '统计本周帮办代办数据', dueWorkingDays: 1, assignees: [{ departmentId: await CENTRE_COORD_DEPT() }] };
    expect(errorOf(await register(BUREAU_COORDINATION, { ...urgent, assignees: [{ departmentId: await BUREAU_COORD_DEPT() }] }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    let item = await registered(BUREAU_COORDINATION, urgent);
    expect(item).toMatchObject({
      bureauContactDepartment: { name: '鞍山市行政审批局业务协调科' },
      centreContactDepartment: { name: '业务协调部' },
      organiserDepartment: { name: '业务协调部' },
    });
    item = await ok(progress(CENTRE_COORDINATION, item, '业务协调部', true));
    expect(codeOf(await finish(GENERAL_OFFICE, item))).toBe('FORBIDDEN');
    expect((await ok(finish(CENTRE_COORDINATION, item))).status).toBe('FINISHED');
  });

  test('二.5 中心请求: a department to 局办公室 orally; an assignee returns it with the reason (recorded), another carries it out', async () => {
    const request = { kind: 'CENTRE_REQUEST', title: '协调解决派驻窗口网络调整', requestMode: 'ORAL', content: '业务协调部曹宁电话告知局办公室：派驻窗口网络需调整' };
    expect(codeOf(await register(OFFICE, request))).toBe('FORBIDDEN');
    expect(errorOf(await register(CENTRE_COORDINATION, { ...request, requestMode: 'WRITTEN' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceReference' });
    let item = await registered(CENTRE_COORDINATION, request);
    expect(item).toMatchObject({ status: 'AWAITING_ASSIGNMENT', originSide: 'CENTRE', requestMode: 'ORAL', organiserDepartment: { name: '鞍山市行政审批局办公室' } });
    expect(codeOf(await assign(GENERAL_OFFICE, item, [{ departmentId: await BUREAU_COORD_DEPT() }]))).toBe('FORBIDDEN');
    expect(errorOf(await assign(OFFICE, item, [{ departmentId: await WINDOWS() }]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assignees.0.departmentId' });
    item = await ok(assign(OFFICE, item, [{ departmentId: await BUREAU_COORD_DEPT() }]));

    const giveBack = (who: string) => mutate(who, 'returnWorkItem', 'ReturnWorkItemInput', { assigneeId: partOf(item, '鞍山市行政审批局业务协调科').id, version: item.version, reason: '网络调整属网络平台科职责' });
    expect(codeOf(await giveBack(OFFICE))).toBe('FORBIDDEN');
    item = await ok(giveBack(BUREAU_COORDINATION));
    expect(partOf(item, '鞍山市行政审批局业务协调科')).toMatchObject({ status: 'RETURNED', returnReason: '网络调整属网络平台科职责' });
    expect(codeOf(await finish(OFFICE, item))).toBe('CONFLICT');
    item = await ok(assign(OFFICE, item, [{ departmentId: await department('鞍山市行政审批局办公室') }]));
    item = await ok(progress(OFFICE, item, '鞍山市行政审批局办公室', true));
    item = await ok(finish(OFFICE, item));
    expect(item.timeline.map((s: any) => s.action)).toEqual(['REGISTER', 'ASSIGN', 'RETURN', 'ASSIGN', 'COMPLETE', 'FINISH']);
  });

  test('二.5 中心请求: 中心领导与局领导直接协调, in writing (文来文往)', async () => {
    let item = await registered(CENTRE_LEADER, { kind: 'CENTRE_REQUEST', title: '请局协调解决大厅停车位', requestMode: 'WRITTEN', sourceReference: '鞍政服函〔2026〕3号' });
    expect(item).toMatchObject({ status: 'AWAITING_INSTRUCTION', sourceReference: '鞍政服函〔2026〕3号' });
    expect(item.timeline[0].actorRole).toBe('LEADER');
    expect(codeOf(await instruct(OFFICE, item))).toBe('FORBIDDEN');
    item = await ok(instruct(BUREAU_LEADER, item, '请局办公室协调'));
    expect(item.status).toBe('AWAITING_ASSIGNMENT');
  });
});

describe('鞍山 衔接 三.5 涉审协调 and 四.2: 谁提出，谁组织', () => {
  test('三.5 a stationed window proposes: 中心业务协调部 organises the consultation; the bureau section may not', async () => {
    let item = await registered(STATIONED, { kind: 'CONSULTATION', title: '不动产登记收费有关事项会商', content: '登记费收取标准与局审批业务科口径不一致' });
    expect(item).toMatchObject({ status: 'AWAITING_CONSULTATION', originSide: 'CENTRE', organiserDepartment: { name: '业务协调部' } });
    const hold = async (who: string, extra: Record<string, unknown> = {}) =>
      mutate(who, 'holdConsultation', 'HoldConsultationInput', {
        id: item.id,
        version: item.version,
        participantDepartmentIds: [await department('鞍山市不动产登记中心'), await BUREAU_COORD_DEPT()],
        minutes: '与会各方对收费口径进行了会商',
        outcome: '按鞍山市物价部门核定标准收取',
        ...extra,
      });
    for (const who of [BUREAU_COORDINATION, STATIONED, CLERK]) expect(codeOf(await hold(who))).toBe('FORBIDDEN');
    item = await ok(hold(CENTRE_COORDINATION));
    expect(item).toMatchObject({ status: 'FINISHED', consultationMinutes: '与会各方对收费口径进行了会商', finalResult: '按鞍山市物价部门核定标准收取' });
    expect(item.participants.map((p: any) => p.department.name)).toEqual(['鞍山市不动产登记中心', '鞍山市行政审批局业务协调科']);
  });

  test('三.5 a bureau approval section proposes: 局业务协调科 organises, and the outcome is carried out', async () => {
    const section = await repo(Department).findOneByOrFail({ name: '鞍山市行政审批局审批业务一科' });
    const template = await repo(User).findOneOrFail({ where: { username: CLERK }, select: { id: true, passwordHash: true } });
    await repo(User).save(repo(User).create({ tenantId: section.tenantId, departmentId: section.id, username: 'section1.210300', displayName: '审批一科', roles: [Role.APPROVER], passwordHash: template.passwordHash, active: true }));
    let item = await registered('section1.210300', { kind: 'CONSULTATION', title: '联合验收事项会商', content: '联合验收中派驻窗口材料流转问题' });
    expect(item).toMatchObject({ originSide: 'BUREAU', organiserDepartment: { name: '鞍山市行政审批局业务协调科' }, bureauContactDepartment: { name: '鞍山市行政审批局业务协调科' } });
    const input = { id: item.id, version: item.version, participantDepartmentIds: [await CENTRE_COORD_DEPT()], minutes: '会商纪要', outcome: '由中心业务协调部组织派驻窗口落实', assignees: [{ departmentId: await CENTRE_COORD_DEPT() }] };
    expect(codeOf(await mutate(CENTRE_COORDINATION, 'holdConsultation', 'HoldConsultationInput', input))).toBe('FORBIDDEN');
    item = await ok(mutate(BUREAU_COORDINATION, 'holdConsultation', 'HoldConsultationInput', input));
    expect(item).toMatchObject({ status: 'IN_PROGRESS', consultationOutcome: '由中心业务协调部组织派驻窗口落实', finalResult: null });
    expect(item.assignees.map((a: any) => a.department.name)).toEqual(['业务协调部']);
  });
});

describe('鞍山 衔接 四.3 督进度 and the attacker’s side', () => {
  test('四.3 an item past its due time is late and on the overdue lists of who carries it out', async () => {
    t.clock.set('2026-11-24T02:00:00Z');
    const item = await registered(OFFICE, { kind: 'URGENT_TASK', title: '清理大厅过期宣传材料', dueWorkingDays: 1, assignees: [{ departmentId: await WINDOWS() }, { departmentId: await CENTRE_COORD_DEPT() }] });
    expect(await myList(CLERK, 'OVERDUE')).not.toContain(item.id);
    t.clock.set('2026-11-26T02:00:00Z');
    expect(await myList(CLERK, 'OVERDUE')).toContain(item.id);
    expect(await myList(GENERAL_OFFICE, 'OVERDUE')).toContain(item.id);
    expect(await myList(BUREAU_COORDINATION, 'OVERDUE')).not.toContain(item.id);
    const list = await t.gql(
      `query($d: ID!) { workItems(first: 100, filter: { list: OVERDUE, departmentId: $d }) { edges { node { id late } } } }`,
      { d: await CENTRE_COORD_DEPT() },
      await token(BUREAU_LEADER),
    );
    expect(list.data!.workItems.edges.map((e: any) => e.node)).toContainEqual({ id: item.id, late: true });
  });

  test('another tenant’s work items are NOT_FOUND, and its lists show none of them', async () => {
    const item = await registered(OFFICE, { kind: 'BUREAU_NOTICE', title: '关于规范窗口服务用语的通知' });
    for (const stranger of [`centre_admin.${STRANGER}`, `centre_admin.${COUNTY}`]) {
      const who = await token(stranger);
      const step = await t.gql('mutation($input: WorkItemNoteInput!) { instructWorkItem(input: $input) { id } }', { input: { id: item.id, version: item.version, note: '同意' } }, who);
      expect(codeOf(step)).toBe('NOT_FOUND');
      const seen = await t.gql('query($id: ID!) { node(id: $id) { id } workItems(first: 100) { totalCount } }', { id: item.id }, who);
      expect(seen.data).toEqual({ node: null, workItems: { totalCount: 0 } });
    }
    const assigneeId = (await registered(OFFICE, { kind: 'URGENT_TASK', title: '核对窗口设备清单', assignees: [{ departmentId: await WINDOWS() }] })).assignees[0].id;
    const foreign = await t.gql(
      'mutation($input: ReturnWorkItemInput!) { returnWorkItem(input: $input) { id } }',
      { input: { assigneeId, version: 1, reason: '不归我管' } },
      await token(`window_staff.${STRANGER}`),
    );
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    const stranger = await t.gql(
      'mutation($input: RegisterWorkItemInput!) { registerWorkItem(input: $input) { id } }',
      { input: { kind: 'URGENT_TASK', title: '跨中心分办', content: '试图分给别的中心', dueWorkingDays: 1, assignees: [{ departmentId: await WINDOWS() }] } },
      await token(`centre_admin.${STRANGER}`),
    );
    expect(codeOf(stranger)).toBe('NOT_FOUND');
  });

  test('an AUDITOR reads work items and takes no step', async () => {
    const item = await registered(OFFICE, { kind: 'SUPERIOR_DOCUMENT', title: '关于开展营商环境评估的函', sourceReference: '辽营商函〔2026〕8号' });
    const auditor = await token(AUDITOR);
    const seen = await t.gql('query($id: ID!) { node(id: $id) { ... on WorkItem { title status } } }', { id: item.id }, auditor);
    expect(seen.data!.node).toEqual({ title: '关于开展营商环境评估的函', status: 'AWAITING_INSTRUCTION' });
    expect(codeOf(await instruct(AUDITOR, item))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await register(AUDITOR, { kind: 'CONSULTATION', title: '审计会商' }))).toBe('READ_ONLY_ROLE');
  });
});
