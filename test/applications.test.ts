import request from 'supertest';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { MaterialRequirement, Matter } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { Application } from '../src/modules/applications/entities';
import { STEPS } from '../src/modules/applications/lifecycle';
import { PROGRESS_THROTTLE } from '../src/modules/applications/progress';
import { APPLICANT as applicant } from './fixtures/applicant';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const tenantOf = (code: string) => repo(Tenant).findOneByOrFail({ code });

async function matterOf(code: string, tenantCode = '210300'): Promise<Matter> {
  return repo(Matter).findOneByOrFail({ code, tenantId: (await tenantOf(tenantCode)).id });
}

async function windowOf(tenantCode = '210300'): Promise<string> {
  const window = await repo(Window).findOneByOrFail({ tenantId: (await tenantOf(tenantCode)).id, kind: WindowKind.COMPREHENSIVE });
  return encodeGlobalId('Window', window.id);
}

async function materialIds(matter: Matter): Promise<{ id: string; name: string; required: boolean }[]> {
  const rows = await repo(MaterialRequirement).find({ where: { matterId: matter.id }, order: { position: 'ASC' } });
  return rows.map((m) => ({ id: encodeGlobalId('MaterialRequirement', m.id), name: m.name, required: m.required }));
}

/** An approver in a named department of 鞍山市, created through the API. */
async function approverIn(departmentName: string, username: string): Promise<string> {
  const tenant = await tenantOf('210300');
  const department = await repo(Department).findOneByOrFail({ tenantId: tenant.id, name: departmentName });
  const res = await t.gql(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { departmentId: encodeGlobalId('Department', department.id), username, displayName: '审批员', roles: ['APPROVER'], password: 'approver-2026' } },
    await t.tokenOf('centre_admin.210300'),
  );
  expect(res.errors).toBeUndefined();
  return t.tokenOf(username, 'approver-2026');
}

const CASE = 'id number status version dueAt light remainingWorkingDays';
async function receive(matter: Matter, tenantCode = '210300', extra: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(
    `mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { ${CASE} } }`,
    { input: { matterId: encodeGlobalId('Matter', matter.id), windowId: await windowOf(tenantCode), ...applicant, ...extra } },
    await t.tokenOf(`window_staff.${tenantCode}`),
  );
  expect(res.errors).toBeUndefined();
  return res.data?.receiveApplication;
}

/** Runs a transition mutation with `{ id, version, ...fields }` and returns the case or the response. */
async function step(mutation: string, token: string, kase: { id: string; version: number }, fields: Record<string, unknown> = {}, inputType?: string): Promise<GraphQLResponse> {
  const type = inputType ?? `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  return t.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${CASE} } }`, { input: { id: kase.id, version: kase.version, ...fields } }, token);
}

async function ok(mutation: string, token: string, kase: { id: string; version: number }, fields: Record<string, unknown> = {}, inputType?: string): Promise<any> {
  const res = await step(mutation, token, kase, fields, inputType);
  expect(res.errors).toBeUndefined();
  return res.data?.[mutation];
}

async function acceptAll(kase: any, matter: Matter, token: string): Promise<any> {
  return ok('acceptApplication', token, kase, { providedMaterialIds: (await materialIds(matter)).map((m) => m.id) });
}

describe('life cycle of each category', () => {
  it('PROMISED: intake, acceptance, review, approval, result, mailed delivery, with the timeline in order', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const approver = await t.tokenOf('approver.210300'); // 不动产登记中心
    const matter = await matterOf('QR00300002');
    let kase = await receive(matter);
    expect(kase.number).toMatch(/^210300-\d{8}-\d{6}$/);
    expect(kase).toMatchObject({ status: 'SUBMITTED', dueAt: null, light: null });
    kase = await acceptAll(kase, matter, clerk);
    expect(kase.status).toBe('ACCEPTED');
    expect(kase.light).toBe('GREEN');
    expect(kase.remainingWorkingDays).toBeGreaterThanOrEqual(4);
    kase = await ok('startReview', approver, kase, {}, 'ApplicationVersionInput');
    kase = await ok('approveApplication', approver, kase, { note: '材料齐全' }, 'NoteInput');
    expect(kase.status).toBe('APPROVED');
    kase = await ok('markResultReady', clerk, kase, {}, 'ApplicationVersionInput');
    const mailNoTracking = await step('deliverApplication', clerk, kase, { method: 'MAIL', carrier: 'EMS' });
    expect(mailNoTracking.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.trackingNumber' });
    kase = await ok('deliverApplication', clerk, kase, { method: 'MAIL', carrier: 'EMS', trackingNumber: '1234567890123' });
    expect(kase.status).toBe('DELIVERED');
    const timeline = await t.gql('query($n: String!) { application(number: $n) { timeline { action fromStatus toStatus actor { username } at } } }', { n: kase.number }, clerk);
    expect(timeline.data?.application.timeline.map((e: any) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['RECEIVE', null, 'SUBMITTED'],
      ['ACCEPT', 'SUBMITTED', 'ACCEPTED'],
      ['START_REVIEW', 'ACCEPTED', 'UNDER_REVIEW'],
      ['APPROVE', 'UNDER_REVIEW', 'APPROVED'],
      ['RESULT_READY', 'APPROVED', 'RESULT_READY'],
      ['DELIVER', 'RESULT_READY', 'DELIVERED'],
    ]);
    expect(timeline.data?.application.timeline[3].actor.username).toBe('approver.210300');
  });

  it('IMMEDIATE: due the same working day', async () => {
    t.clock.set('2026-11-24T09:30:00+08:00');
    try {
      const clerk = await t.tokenOf('window_staff.210300');
      const matter = await matterOf('GG00300005'); // 不动产登记资料查询, 即办件
      const kase = await acceptAll(await receive(matter), matter, clerk);
      expect(kase.dueAt).toBe('2026-11-24T15:59:59.999Z');
      expect(kase.light).toBe('YELLOW');
      expect(kase.remainingWorkingDays).toBe(0);
      const approver = await t.tokenOf('approver.210300');
      const decided = await ok('approveApplication', approver, await ok('startReview', approver, kase, {}, 'ApplicationVersionInput'), {}, 'NoteInput');
      expect(decided.light).toBe('GREEN');
    } finally {
      t.clock.set(null);
    }
  });

  it('JOINT: no decision before every joint department has given its opinion', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const lead = await approverIn('鞍山市市场监督管理局', 'approver.market.210300');
    const health = await approverIn('鞍山市卫生健康委员会', 'approver.health.210300');
    const matter = await matterOf('XK00200006'); // 药品零售企业许可, 联办件
    let kase = await acceptAll(await receive(matter), matter, clerk);
    kase = await ok('startReview', lead, kase, {}, 'ApplicationVersionInput');
    const early = await step('approveApplication', lead, kase, {}, 'NoteInput');
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'UNDER_REVIEW' });
    const stranger = await step('recordJointOpinion', await t.tokenOf('approver.210300'), kase, { agrees: true }, 'JointOpinionInput');
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    kase = await ok('recordJointOpinion', lead, kase, { agrees: true, note: '同意' }, 'JointOpinionInput');
    const twice = await step('recordJointOpinion', lead, kase, { agrees: true }, 'JointOpinionInput');
    expect(codeOf(twice)).toBe('CONFLICT');
    kase = await ok('recordJointOpinion', health, kase, { agrees: true, note: '卫生条件合格' }, 'JointOpinionInput');
    kase = await ok('approveApplication', lead, kase, {}, 'NoteInput');
    expect(kase.status).toBe('APPROVED');
    const opinions = await t.gql('query($n: String!) { application(number: $n) { jointOpinions { agrees department { name } } } }', { n: kase.number }, lead);
    expect(opinions.data?.application.jointOpinions.map((o: any) => o.department.name).sort()).toEqual(['鞍山市卫生健康委员会', '鞍山市市场监督管理局']);
  });

  it('REPORTED: decided after the higher authority replies; a denial needs a reason', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const hr = await approverIn('鞍山市人力资源和社会保障局', 'approver.hr.210300');
    const matter = await matterOf('XK00400005'); // 外国人来华工作许可, 上报件
    let kase = await ok('startReview', hr, await acceptAll(await receive(matter), matter, clerk), {}, 'ApplicationVersionInput');
    expect(codeOf(await step('denyApplication', hr, kase, { reason: '不符合条件' }, 'ReasonInput'))).toBe('CONFLICT');
    expect(codeOf(await step('recordReportReply', hr, kase, { reply: '同意' }, 'ReportReplyInput'))).toBe('CONFLICT');
    kase = await ok('recordReport', hr, kase, { reportedTo: '辽宁省科学技术厅' }, 'ReportInput');
    kase = await ok('recordReportReply', hr, kase, { reply: '不予批准' }, 'ReportReplyInput');
    const noReason = await step('denyApplication', hr, kase, { reason: '  ' }, 'ReasonInput');
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    kase = await ok('denyApplication', hr, kase, { reason: '省级主管部门不予批准' }, 'ReasonInput');
    expect(kase.status).toBe('DENIED');
    kase = await ok('markResultReady', clerk, kase, {}, 'ApplicationVersionInput');
    kase = await ok('deliverApplication', clerk, kase, { method: 'PICKUP' });
    expect(kase.status).toBe('DELIVERED');
  });

  it('withdrawal (退件) is requested at the window and takes effect only with a centre admin', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const matter = await matterOf('QR00300002');
    let kase = await acceptAll(await receive(matter), matter, clerk);
    kase = await ok('requestWithdrawal', clerk, kase, { reason: '申请人撤回' }, 'ReasonInput');
    expect(kase.status).toBe('ACCEPTED');
    expect(codeOf(await step('decideWithdrawal', clerk, kase, { approve: true }))).toBe('FORBIDDEN');
    kase = await ok('decideWithdrawal', await t.tokenOf('centre_admin.210300'), kase, { approve: true });
    expect(kase.status).toBe('WITHDRAWN');
  });
});

describe('illegal transitions', () => {
  const tokens: Record<string, () => Promise<string>> = {
    ACCEPTOR: () => t.tokenOf('window_staff.210300'),
    WINDOW: () => t.tokenOf('window_staff.210300'),
    IMPLEMENTING_APPROVER: () => t.tokenOf('approver.210300'),
    JOINT_APPROVER: () => t.tokenOf('approver.210300'),
    CENTRE_ADMIN: () => t.tokenOf('centre_admin.210300'),
  };
  const MUTATION: Record<keyof typeof STEPS, [string, string, Record<string, unknown>]> = {
    ACCEPT: ['acceptApplication', 'AcceptApplicationInput', { providedMaterialIds: [] }],
    REQUEST_SUPPLEMENT: ['requestSupplement', 'RequestSupplementInput', { providedMaterialIds: [] }],
    SUPPLEMENT: ['supplementApplication', 'SupplementApplicationInput', { providedMaterialIds: [] }],
    CLOSE_LAPSED_SUPPLEMENT: ['closeLapsedSupplement', 'ApplicationVersionInput', {}],
    REFUSE: ['refuseApplication', 'RefuseApplicationInput', { reason: 'x' }],
    START_REVIEW: ['startReview', 'ApplicationVersionInput', {}],
    JOINT_OPINION: ['recordJointOpinion', 'JointOpinionInput', { agrees: true }],
    REOPEN_JOINT_OPINION: ['reopenJointOpinion', 'ReopenJointOpinionInput', { departmentId: encodeGlobalId('Department', 1), reason: 'x' }],
    REPORT: ['recordReport', 'ReportInput', { reportedTo: 'x' }],
    REPORT_REPLY: ['recordReportReply', 'ReportReplyInput', { reply: 'x' }],
    APPROVE: ['approveApplication', 'NoteInput', {}],
    DENY: ['denyApplication', 'ReasonInput', { reason: 'x' }],
    SUSPEND: ['suspendApplication', 'SuspendApplicationInput', { kind: 'SITE_SURVEY', reason: 'x' }],
    RESUME: ['resumeApplication', 'ApplicationVersionInput', {}],
    EXTEND: ['extendApplication', 'ExtendApplicationInput', { days: 1, reason: 'x', notifiedBy: 'PHONE' }],
    RESULT_READY: ['markResultReady', 'ApplicationVersionInput', {}],
    DELIVER: ['deliverApplication', 'DeliverApplicationInput', { method: 'PICKUP' }],
    REQUEST_WITHDRAWAL: ['requestWithdrawal', 'ReasonInput', { reason: 'x' }],
    DECIDE_WITHDRAWAL: ['decideWithdrawal', 'DecideWithdrawalInput', { approve: true }],
  };

  it('every action from a state it does not start from gives CONFLICT naming the current state', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const approver = await t.tokenOf('approver.210300');
    const matter = await matterOf('QR00300004'); // PROMISED, 不动产登记中心
    const submitted = await receive(matter);
    const accepted = await acceptAll(await receive(matter), matter, clerk);
    const delivered = await ok('deliverApplication', clerk, await ok('markResultReady', clerk, await ok('approveApplication', approver, await ok('startReview', approver, await acceptAll(await receive(matter), matter, clerk), {}, 'ApplicationVersionInput'), {}, 'NoteInput'), {}, 'ApplicationVersionInput'), { method: 'PICKUP' });
    const refused = await ok('refuseApplication', clerk, await receive(matter), { reason: '申请事项不属于本事项受理范围' });
    let checked = 0;
    for (const kase of [submitted, accepted, delivered, refused]) {
      for (const [action, spec] of Object.entries(STEPS) as [keyof typeof STEPS, (typeof STEPS)[keyof typeof STEPS]][]) {
        if ((spec.from as string[]).includes(kase.status) || action === 'JOINT_OPINION') continue;
        const [mutation, type, fields] = MUTATION[action];
        const res = await step(mutation, await tokens[spec.actor](), kase, fields, type);
        expect([action, kase.status, res.errors?.[0].extensions]).toEqual([action, kase.status, expect.objectContaining({ code: 'CONFLICT', status: kase.status })]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
    const unchanged = await repo(Application).findOneByOrFail({ number: delivered.number });
    expect(unchanged.version).toBe(delivered.version);
  });

  it('a stale version gives CONFLICT, and two clerks accepting at once: one wins', async () => {
    const matter = await matterOf('QR00300002');
    const kase = await receive(matter);
    const provided = (await materialIds(matter)).map((m) => m.id);
    const results = await Promise.all([
      step('acceptApplication', await t.tokenOf('window_staff.210300'), kase, { providedMaterialIds: provided }),
      step('acceptApplication', await t.tokenOf('staff01.210300'), kase, { providedMaterialIds: provided }),
    ]);
    const codes = results.map((r) => (r.errors ? codeOf(r) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const events = await t.gql('query($n: String!) { application(number: $n) { version timeline { action } } }', { n: kase.number }, await t.tokenOf('window_staff.210300'));
    expect(events.data?.application.timeline.map((e: any) => e.action)).toEqual(['RECEIVE', 'ACCEPT']);
  });
});

describe('intake rules', () => {
  it('补正, not a refusal: the one-time notice names every missing and invalid material at once, with a 5-working-day deadline; the supplement brings the case back to be accepted (鞍山 规范 三 一次性告知制, 四(二))', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const matter = await matterOf('XK00200001'); // 企业设立登记: four required materials
    const materials = await materialIds(matter);
    t.clock.set('2026-11-24T10:00:00+08:00');
    try {
      const kase = await receive(matter);
      const accept = await step('acceptApplication', clerk, kase, { providedMaterialIds: [materials[0].id] });
      expect(accept.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providedMaterialIds' });
      for (const m of materials.slice(1)) expect(accept.errors?.[0].message).toContain(m.name);
      const notice = await t.gql(
        'mutation($input: RequestSupplementInput!) { requestSupplement(input: $input) { id version status supplementDueAt supplementLapsed dueAt oneTimeNotice { material problem note } } }',
        { input: { id: kase.id, version: kase.version, providedMaterialIds: [materials[0].id, materials[1].id], invalidMaterials: [{ materialId: materials[1].id, note: '章程未签字' }] } },
        clerk,
      );
      expect(notice.errors).toBeUndefined();
      expect(notice.data?.requestSupplement).toMatchObject({
        status: 'AWAITING_SUPPLEMENT',
        // 25, 26, 27, 30 November, 1 December
        supplementDueAt: '2026-12-01T15:59:59.999Z',
        supplementLapsed: false,
        dueAt: null,
        oneTimeNotice: [
          { material: materials[2].name, problem: 'MISSING', note: '' },
          { material: materials[3].name, problem: 'MISSING', note: '' },
          { material: materials[1].name, problem: 'INVALID', note: '章程未签字' },
        ],
      });
      const awaiting = notice.data?.requestSupplement;
      // The applicant sees the same list and deadline on the public progress page.
      const progress = await t.gql('query($n: String!) { applicationProgress(number: $n, phoneLast4: "1234") { status supplementDueAt oneTimeNotice { material problem } } }', { n: kase.number });
      expect(progress.data?.applicationProgress).toEqual({
        status: 'AWAITING_SUPPLEMENT',
        supplementDueAt: '2026-12-01T15:59:59.999Z',
        oneTimeNotice: [
          { material: materials[2].name, problem: 'MISSING' },
          { material: materials[3].name, problem: 'MISSING' },
          { material: materials[1].name, problem: 'INVALID' },
        ],
      });
      expect(codeOf(await step('acceptApplication', clerk, awaiting, { providedMaterialIds: materials.map((m) => m.id) }))).toBe('CONFLICT');
      const none = await step('supplementApplication', clerk, awaiting, { providedMaterialIds: [] });
      expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providedMaterialIds' });
      t.clock.set('2026-11-27T10:00:00+08:00');
      const supplemented = await ok('supplementApplication', clerk, awaiting, { providedMaterialIds: [materials[1].id, materials[2].id, materials[3].id] });
      expect(supplemented.status).toBe('SUBMITTED');
      const accepted = await acceptAll(supplemented, matter, clerk);
      expect(accepted.status).toBe('ACCEPTED');
      const timeline = await t.gql('query($n: String!) { application(number: $n) { timeline { action toStatus note } } }', { n: kase.number }, clerk);
      expect(timeline.data?.application.timeline.map((e: any) => e.action)).toEqual(['RECEIVE', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT', 'ACCEPT']);
      expect(timeline.data?.application.timeline[2].note).toContain(materials[2].name);
    } finally {
      t.clock.set(null);
    }
  });

  it('a supplement not handed in by its deadline shows as lapsed in supervision and is closed as NOT_ACCEPTED (SUPPLEMENT_LAPSED); a per-matter deadline applies', async () => {
    const clerk = await t.tokenOf('window_staff.210381');
    const admin = await t.tokenOf('centre_admin.210381');
    const matter = await matterOf('QR00300004', '210381');
    const setDays = await t.gql('mutation($input: UpdateMatterInput!) { updateMatter(input: $input) { supplementDays } }', { input: { id: encodeGlobalId('Matter', matter.id), version: matter.version, supplementDays: 3 } }, admin);
    expect(setDays.errors).toBeUndefined();
    t.clock.set('2026-11-24T10:00:00+08:00');
    try {
      const kase = await receive(await matterOf('QR00300004', '210381'), '210381');
      const awaiting = await ok('requestSupplement', clerk, kase, { providedMaterialIds: [] });
      expect(awaiting.status).toBe('AWAITING_SUPPLEMENT');
      const early = await step('closeLapsedSupplement', clerk, awaiting, {}, 'ApplicationVersionInput');
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'AWAITING_SUPPLEMENT' });
      t.clock.set('2026-11-30T09:00:00+08:00'); // 3 working days ended on 27 November
      const alerts = await t.gql('{ supervisionAlerts(tenantCode: "210381") { tenant { code } lapsedSupplements { number supplementLapsed } } }', {}, admin);
      expect(alerts.data?.supervisionAlerts[0].lapsedSupplements).toContainEqual({ number: awaiting.number, supplementLapsed: true });
      const closed = await t.gql('mutation($input: ApplicationVersionInput!) { closeLapsedSupplement(input: $input) { status notAcceptedReason light } }', { input: { id: awaiting.id, version: awaiting.version } }, clerk);
      expect(closed.data?.closeLapsedSupplement).toEqual({ status: 'NOT_ACCEPTED', notAcceptedReason: 'SUPPLEMENT_LAPSED', light: null });
      const after = await t.gql('{ supervisionAlerts(tenantCode: "210381") { lapsedSupplements { number } } }', {}, admin);
      expect(JSON.stringify(after.data)).not.toContain(awaiting.number);
    } finally {
      t.clock.set(null);
    }
  });

  it('不予受理 is for a case outside the matter’s scope: it needs the reason and is final (锦州 第二十八条(四))', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const matter = await matterOf('QR00300002');
    const kase = await receive(matter);
    const noReason = await step('refuseApplication', clerk, kase, { reason: ' ' });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const refused = await t.gql('mutation($input: RefuseApplicationInput!) { refuseApplication(input: $input) { id version status notAcceptedReason timeline { note } } }', { input: { id: kase.id, version: kase.version, reason: '申请事项不属于本事项受理范围' } }, clerk);
    expect(refused.data?.refuseApplication).toMatchObject({ status: 'NOT_ACCEPTED', notAcceptedReason: 'OUT_OF_SCOPE' });
    expect(refused.data?.refuseApplication.timeline[1].note).toBe('申请事项不属于本事项受理范围');
    expect(codeOf(await step('acceptApplication', clerk, refused.data?.refuseApplication, { providedMaterialIds: [] }))).toBe('CONFLICT');
  });

  it.each([
    ['a resident ID with a wrong check digit', { applicantIdNumber: '210302199001011237' }, 'input.applicantIdNumber'],
    ['a malformed phone', { applicantPhone: '12345' }, 'input.applicantPhone'],
    ['a legal person without a credit code', { applicantKind: 'LEGAL_PERSON' }, 'input.creditCode'],
    ['a credit code with a wrong check character', { applicantKind: 'LEGAL_PERSON', creditCode: '91210300MA0QX12349' }, 'input.creditCode'],
    ['an empty name', { applicantName: ' ' }, 'input.applicantName'],
  ])('refuses %s naming the field', async (_label, fields, field) => {
    const matter = await matterOf('XK00200001');
    const res = await t.gql(
      'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id } }',
      { input: { matterId: encodeGlobalId('Matter', matter.id), windowId: await windowOf(), ...applicant, ...fields } },
      await t.tokenOf('window_staff.210300'),
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('accepts a legal person with a valid credit code and passports', async () => {
    const matter = await matterOf('XK00200001');
    const legal = await receive(matter, '210300', { applicantKind: 'LEGAL_PERSON', creditCode: '91210300MA0QX12348' });
    expect(legal.status).toBe('SUBMITTED');
    const passport = await receive(matter, '210300', { applicantIdType: 'PASSPORT', applicantIdNumber: 'E12345678' });
    expect(passport.status).toBe('SUBMITTED');
  });

  it('50 concurrent intakes get 50 distinct consecutive numbers', async () => {
    const matter = await matterOf('GG00400001', '210303');
    const token = await t.tokenOf('window_staff.210303');
    const windowId = await windowOf('210303');
    const input = { matterId: encodeGlobalId('Matter', matter.id), windowId, ...applicant };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.gql('mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { number } }', { input }, token)),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const sequences = results.map((r) => Number(r.data?.receiveApplication.number.slice(-6))).sort((a, b) => a - b);
    const first = sequences[0];
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => first + i));
    expect(new Set(results.map((r) => r.data?.receiveApplication.number.slice(0, 15))).size).toBe(1);
  });
});

describe('deadlines on the working-day calendar', () => {
  afterEach(() => t.clock.set(null));

  it('a 5-day promise accepted before National Day ends on 13 October, moved by a suspension and an extension', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const approver = await t.tokenOf('approver.210300');
    const matter = await matterOf('QR00300002'); // promised 5 working days
    t.clock.set('2026-09-30T10:00:00+08:00');
    let kase = await acceptAll(await receive(matter), matter, clerk);
    // 8, 9, 10 (make-up Saturday), 12, 13 October
    expect(kase.dueAt).toBe('2026-10-13T15:59:59.999Z');
    t.clock.set('2026-10-09T10:00:00+08:00');
    kase = await ok('suspendApplication', approver, kase, { kind: 'SITE_SURVEY', reason: '现场勘验' });
    expect(kase.status).toBe('SUSPENDED');
    t.clock.set('2026-10-12T10:00:00+08:00');
    kase = await ok('resumeApplication', approver, kase, {}, 'ApplicationVersionInput');
    // stopped on 10 and 12 October: two working days more
    expect(kase).toMatchObject({ status: 'ACCEPTED', dueAt: '2026-10-15T15:59:59.999Z', remainingWorkingDays: 3, light: 'GREEN' });
    kase = await ok('extendApplication', approver, kase, { days: 2, reason: '需补充核查', notifiedBy: 'PHONE' });
    expect(kase.dueAt).toBe('2026-10-19T15:59:59.999Z');
    t.clock.set('2026-10-16T10:00:00+08:00');
    expect((await t.gql('query($n: String!) { application(number: $n) { light remainingWorkingDays } }', { n: kase.number }, clerk)).data?.application).toEqual({ light: 'YELLOW', remainingWorkingDays: 1 });
    t.clock.set('2026-10-20T10:00:00+08:00');
    const late = await t.gql('query($n: String!) { application(number: $n) { light remainingWorkingDays } }', { n: kase.number }, clerk);
    expect(late.data?.application).toEqual({ light: 'RED', remainingWorkingDays: -1 });
    const red = await t.gql('{ applications(first: 100, filter: { light: RED }) { edges { node { number } } } }', {}, clerk);
    expect(red.data?.applications.edges.map((e: any) => e.node.number)).toContain(kase.number);
  });

  it('a deadline that crosses the year end skips 元旦 and counts the make-up Sunday', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const matter = await matterOf('QR00300004'); // 5 working days
    t.clock.set('2025-12-30T11:00:00+08:00');
    const kase = await acceptAll(await receive(matter), matter, clerk);
    // 31 Dec, 4 Jan (Sunday 调休), 5, 6, 7 Jan
    expect(kase.dueAt).toBe('2026-01-07T15:59:59.999Z');
    expect(kase.number).toContain('-20251230-');
  });
});

describe('who sees what', () => {
  const PII = 'query($n: String!) { application(number: $n) { applicantName applicantIdNumber applicantPhone applicantAddress } }';
  let number: string;
  beforeAll(async () => {
    const matter = await matterOf('QR00300002', '210381');
    number = (await receive(matter, '210381')).number;
  });

  it('the receiving clerk and the implementing department see the applicant in clear', async () => {
    for (const user of ['window_staff.210381', 'approver.210381']) {
      const res = await t.gql(PII, { n: number }, await t.tokenOf(user));
      expect(res.data?.application).toEqual({
        applicantName: '李明',
        applicantIdNumber: applicant.applicantIdNumber,
        applicantPhone: applicant.applicantPhone,
        applicantAddress: applicant.applicantAddress,
      });
    }
  });

  it('auditors see it masked (the county’s own auditor too, name included), another department null but the name, the city admin nothing personal', async () => {
    const masked = { applicantName: '李*', applicantIdNumber: '21**************38', applicantPhone: '139****1234', applicantAddress: '鞍山市铁东****' };
    const auditor = await t.gql(PII, { n: number }, await t.tokenOf('auditor.210381'));
    expect(auditor.data?.application).toEqual(masked);
    const cityAuditor = await t.gql(PII, { n: number }, await t.tokenOf('auditor.210300'));
    expect(cityAuditor.data?.application).toEqual(masked);
    const finance = await t.gql(PII, { n: number }, await t.tokenOf('finance.210381'));
    expect(finance.data?.application).toEqual({ applicantName: '李明', applicantIdNumber: null, applicantPhone: null, applicantAddress: null });
    expect(finance.extensions?.redacted).toEqual(['Application.applicantAddress', 'Application.applicantIdNumber', 'Application.applicantPhone']);
    const city = await t.gql(PII, { n: number }, await t.tokenOf('centre_admin.210300'));
    expect(city.data?.application).toEqual({ applicantName: null, applicantIdNumber: null, applicantPhone: null, applicantAddress: null });
  });

  it('another county cannot read the case by number, id or list', async () => {
    const row = await repo(Application).findOneByOrFail({ number });
    const token = await t.tokenOf('centre_admin.210321');
    const res = await t.gql(
      'query($n: String!, $id: ID!) { application(number: $n) { id } node(id: $id) { id } applications(first: 100, filter: { number: $n }) { totalCount } }',
      { n: number, id: encodeGlobalId('Application', row.id) },
      token,
    );
    expect(res.data).toEqual({ application: null, node: null, applications: { totalCount: 0 } });
    const write = await step('acceptApplication', await t.tokenOf('window_staff.210321'), { id: encodeGlobalId('Application', row.id), version: row.version }, { providedMaterialIds: [] });
    expect(codeOf(write)).toBe('NOT_FOUND');
  });
});

describe('public progress (办件进度查询)', () => {
  it('answers with the right number and phone digits, without personal data or staff', async () => {
    const matter = await matterOf('QR00300002', '210302');
    const kase = await receive(matter, '210302');
    const res = await t.gql('query($n: String!, $p: String!) { applicationProgress(number: $n, phoneLast4: $p) { number status matterName dueAt timeline { action status at } } }', { n: kase.number, p: '1234' });
    expect(res.data?.applicationProgress).toMatchObject({ number: kase.number, status: 'SUBMITTED', matterName: '不动产转移登记（住房）', timeline: [{ action: 'RECEIVE', status: 'SUBMITTED' }] });
    const text = JSON.stringify(res);
    for (const secret of ['李明', applicant.applicantIdNumber, applicant.applicantPhone, 'window_staff']) expect(text).not.toContain(secret);
    const fields = await t.gql('{ __type(name: "ApplicationProgress") { fields { name } } }');
    expect(fields.data?.__type.fields.map((f: any) => f.name).sort()).toEqual(['dueAt', 'matterName', 'number', 'oneTimeNotice', 'receivedAt', 'status', 'supplementDueAt', 'timeline']);
  });

  it('a wrong pair answers like an unknown number, and repeated misses are throttled', async () => {
    const matter = await matterOf('QR00300002', '210302');
    const kase = await receive(matter, '210302');
    const wrong = await t.gql('query($n: String!) { applicationProgress(number: $n, phoneLast4: "0000") { status } }', { n: kase.number });
    const unknown = await t.gql('{ applicationProgress(number: "210302-20260101-999999", phoneLast4: "1234") { status } }');
    expect(wrong.data).toEqual({ applicationProgress: null });
    expect(unknown.data).toEqual(wrong.data);
    for (let i = 2; i < PROGRESS_THROTTLE.maxAttempts; i += 1) await t.gql('{ applicationProgress(number: "210302-20260101-999999", phoneLast4: "1234") { status } }');
    const locked = await t.gql('query($n: String!) { applicationProgress(number: $n, phoneLast4: "1234") { status } }', { n: kase.number });
    expect(codeOf(locked)).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('throttling per client', () => {
  it('counts misses per client address (X-Forwarded-For from a trusted proxy), not for everyone', async () => {
    const ask = (ip: string) =>
      request(t.app)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', ip)
        .send({ query: '{ applicationProgress(number: "210302-20260101-999998", phoneLast4: "1234") { status } }' });
    for (let i = 0; i < PROGRESS_THROTTLE.maxAttempts; i += 1) expect((await ask('203.0.113.7')).body.data).toEqual({ applicationProgress: null });
    expect((await ask('203.0.113.7')).body.errors[0].extensions.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await ask('203.0.113.8')).body.data).toEqual({ applicationProgress: null });
  });
});

describe('statistics and supervision', () => {
  afterEach(() => t.clock.set(null));

  it('statistics match hand-counted cases (立山区, March 2026)', async () => {
    const code = '210304';
    const clerk = await t.tokenOf(`window_staff.${code}`);
    const approver = await t.tokenOf(`approver.${code}`);
    const estate = await matterOf('QR00300002', code); // 5 working days, 不动产登记中心
    t.clock.set('2026-03-02T09:00:00+08:00');
    const refused = await receive(estate, code);
    await ok('refuseApplication', clerk, refused, { reason: '不属于本事项受理范围' });
    const supplemented = await ok('supplementApplication', clerk, await ok('requestSupplement', clerk, await receive(estate, code), { providedMaterialIds: [] }), { providedMaterialIds: (await materialIds(estate)).map((m) => m.id) });
    const onTime = await acceptAll(supplemented, estate, clerk);
    const late = await acceptAll(await receive(estate, code), estate, clerk);
    const open = await acceptAll(await receive(estate, code), estate, clerk);
    t.clock.set('2026-03-04T15:00:00+08:00'); // 2 working days after acceptance
    const approved = await ok('approveApplication', approver, await ok('startReview', approver, onTime, {}, 'ApplicationVersionInput'), {}, 'NoteInput');
    await ok('deliverApplication', clerk, await ok('markResultReady', clerk, approved, {}, 'ApplicationVersionInput'), { method: 'PICKUP' });
    t.clock.set('2026-03-12T10:00:00+08:00'); // 8 working days: late (due 9 March)
    await ok('denyApplication', approver, await ok('startReview', approver, late, {}, 'ApplicationVersionInput'), { reason: '不符合条件' }, 'ReasonInput');
    void open;
    const res = await t.gql(
      '{ applicationStats(tenantCode: "210304", from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00", groupBy: DEPARTMENT) { groupName received accepted supplementRequested notAccepted reportedUp approved denied delivered decided decidedOnTime onTimeRate averageWorkingDays } }',
      {},
      await t.tokenOf(`centre_admin.${code}`),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.applicationStats).toEqual([
      { groupName: '立山区不动产登记中心', received: 4, accepted: 3, supplementRequested: 1, notAccepted: 1, reportedUp: 0, approved: 1, denied: 1, delivered: 1, decided: 2, decidedOnTime: 1, onTimeRate: 0.5, averageWorkingDays: 5 },
    ]);
  });

  it('the TENANT grouping is for a city over its subordinates, and alerts group by tenant', async () => {
    const city = await t.tokenOf('centre_admin.210300');
    const res = await t.gql('{ applicationStats(tenantCode: "210300", from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00", groupBy: TENANT) { groupName received } }', {}, city);
    expect(res.data?.applicationStats).toContainEqual({ groupName: '立山区', received: 4 });
    t.clock.set('2026-03-20T10:00:00+08:00');
    const alerts = await t.gql('{ supervisionAlerts(tenantCode: "210300") { tenant { code } red yellow cases { number light } } }', {}, city);
    const lishan = alerts.data?.supervisionAlerts.find((g: any) => g.tenant.code === '210304');
    expect(lishan).toMatchObject({ red: 1, yellow: 0 });
    expect(lishan.cases.map((c: any) => c.light)).toEqual(['RED']);
    const county = await t.gql('{ supervisionAlerts(tenantCode: "210300") { tenant { code } } }', {}, await t.tokenOf('centre_admin.210304'));
    expect(county.data?.supervisionAlerts).toEqual([]);
  });

  it('lists 100 applications with matter, department, window, staff and the last 5 events in bounded statements', async () => {
    const token = await t.tokenOf('auditor.210300');
    const LIST = 'query($first: Int) { applications(first: $first) { edges { node { number light remainingWorkingDays matter { name } department { name } receivingWindow { number } receivedBy { displayName } applicantName timeline(last: 5) { action at actor { displayName } } } } } }';
    const small = await t.gql(LIST, { first: 20 }, token);
    const large = await t.gql(LIST, { first: 100 }, token);
    expect(large.errors).toBeUndefined();
    expect(large.data?.applications.edges.length).toBe(100);
    expect(small.sqlStatements).toBeLessThanOrEqual(16);
    expect(large.sqlStatements).toBeLessThanOrEqual(16);
  });
});


const departmentNamed = async (name: string, tenantCode = '210300') => repo(Department).findOneByOrFail({ tenantId: (await tenantOf(tenantCode)).id, name });

describe('intake and acceptance (一事一地, 受理人)', () => {
  it('a clerk at a window that does not take the matter is sent to the windows that do; only COMPREHENSIVE windows take 综合受理 mode (锦州 第二条(一) 一事一地; 鞍山 规范 二(一) 一窗受理)', async () => {
    const code = '210302';
    const admin = await t.tokenOf(`centre_admin.${code}`);
    const clerk = await t.tokenOf(`window_staff.${code}`);
    const matter = await matterOf('QR00300002', code); // 不动产转移登记
    const convenience = await repo(Window).findOneByOrFail({ tenantId: (await tenantOf(code)).id, kind: WindowKind.CONVENIENCE });
    const comprehensive = await repo(Window).findOneByOrFail({ tenantId: (await tenantOf(code)).id, kind: WindowKind.COMPREHENSIVE });
    const estate = await repo(Window).findOneByOrFail({ tenantId: (await tenantOf(code)).id, departmentId: matter.departmentId });
    const receiveAt = (window: Window) =>
      t.gql('mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { status } }', { input: { matterId: encodeGlobalId('Matter', matter.id), windowId: encodeGlobalId('Window', window.id), ...applicant } }, clerk);
    const wrong = await receiveAt(convenience);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.windowId' });
    expect(wrong.errors?.[0].message).toContain(estate.number);
    expect(wrong.errors?.[0].message).toContain(comprehensive.number);
    expect((await receiveAt(estate)).data?.receiveApplication.status).toBe('SUBMITTED');
    expect((await receiveAt(comprehensive)).data?.receiveApplication.status).toBe('SUBMITTED');
    const UPDATE = 'mutation($input: UpdateWindowInput!) { updateWindow(input: $input) { version comprehensiveIntake } }';
    const notComprehensive = await t.gql(UPDATE, { input: { id: encodeGlobalId('Window', convenience.id), version: convenience.version, comprehensiveIntake: true } }, admin);
    expect(notComprehensive.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.comprehensiveIntake' });
    const off = await t.gql(UPDATE, { input: { id: encodeGlobalId('Window', comprehensive.id), version: comprehensive.version, comprehensiveIntake: false } }, admin);
    expect(off.data?.updateWindow.comprehensiveIntake).toBe(false);
    try {
      expect((await receiveAt(comprehensive)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.windowId' });
    } finally {
      await t.gql(UPDATE, { input: { id: encodeGlobalId('Window', comprehensive.id), version: off.data?.updateWindow.version, comprehensiveIntake: true } }, admin);
    }
  });

  it('only staff posted at the window accept: a clerk of another department’s window is FORBIDDEN, the B post may (鞍山 规范 三 AB岗工作制; 锦州 第五条 首席代表)', async () => {
    const matter = await matterOf('QR00300002');
    const provided = (await materialIds(matter)).map((m) => m.id);
    const kase = await receive(matter); // at A01 综合受理, chief representative window_staff.210300
    const other = await step('acceptApplication', await t.tokenOf('staff02.210300'), kase, { providedMaterialIds: provided }); // A post of A02, B post of A03
    expect(codeOf(other)).toBe('FORBIDDEN');
    const bPost = await ok('acceptApplication', await t.tokenOf('staff14.210300'), kase, { providedMaterialIds: provided }); // B post of A01
    expect(bPost.status).toBe('ACCEPTED');
  });

  it('a current replacement (替岗) accepts at the window it covers, and only while it covers it (鞍山 规范 三 AB岗工作制 "B岗责任人应立即替补上岗…享有A岗责任人的职责权利")', async () => {
    const admin = await t.tokenOf('centre_admin.210300');
    const user = async (username: string) => encodeGlobalId('User', (await repo(User).findOneByOrFail({ username })).id);
    const a01 = await repo(Window).findOneByOrFail({ tenantId: (await tenantOf('210300')).id, number: 'A01' });
    const SCHEDULE = 'mutation($input: ScheduleAbsenceInput!) { scheduleAbsence(input: $input) { id } }';
    const leave = (username: string, replacements: { windowId: string; userId: string }[]) =>
      t.gql(SCHEDULE, { input: { userId: username, kind: 'LEAVE', startsAt: '2026-12-07T08:00:00+08:00', endsAt: '2026-12-07T18:00:00+08:00', reason: '事假', replacements } }, admin);
    t.clock.set('2026-12-01T09:00:00+08:00');
    try {
      // Both posts of A01 (staff01 A, staff14 B) are away; staff08 (公积金 window) covers it.
      expect((await leave(await user('staff14.210300'), [])).errors).toBeUndefined();
      expect((await leave(await user('staff01.210300'), [{ windowId: encodeGlobalId('Window', a01.id), userId: await user('staff08.210300') }])).errors).toBeUndefined();
      const matter = await matterOf('QR00300002');
      const provided = { providedMaterialIds: (await materialIds(matter)).map((m) => m.id) };
      const before = await receive(matter);
      expect(codeOf(await step('acceptApplication', await t.tokenOf('staff08.210300'), before, provided))).toBe('FORBIDDEN');
      t.clock.set('2026-12-07T10:00:00+08:00');
      const during = await receive(matter);
      expect((await ok('acceptApplication', await t.tokenOf('staff08.210300'), during, provided)).status).toBe('ACCEPTED');
    } finally {
      t.clock.set(null);
    }
  });

  it('a 行政许可 matter marked acceptedBy APPROVER is accepted by its department’s approvers: window staff and other departments are FORBIDDEN (鞍山 规范 四(二) "需要由审批工作人员…审核，合格的进行受理操作")', async () => {
    const matter = await matterOf('XK00600001'); // 医师执业注册, 卫生健康委员会
    const guide = await t.gql('query($id: ID!) { node(id: $id) { ... on Matter { acceptedBy } } }', { id: encodeGlobalId('Matter', matter.id) }, await t.tokenOf('window_staff.210300'));
    expect(guide.data?.node).toEqual({ acceptedBy: 'APPROVER' });
    const doctor = await approverIn('鞍山市卫生健康委员会', 'approver.doctors.210300');
    const materials = await materialIds(matter);
    const kase = await receive(matter);
    expect(codeOf(await step('acceptApplication', await t.tokenOf('window_staff.210300'), kase, { providedMaterialIds: materials.map((m) => m.id) }))).toBe('FORBIDDEN');
    expect(codeOf(await step('acceptApplication', await t.tokenOf('approver.210300'), kase, { providedMaterialIds: materials.map((m) => m.id) }))).toBe('FORBIDDEN');
    const awaiting = await ok('requestSupplement', doctor, kase, { providedMaterialIds: [materials[0].id] });
    expect(awaiting.status).toBe('AWAITING_SUPPLEMENT');
    const back = await ok('supplementApplication', await t.tokenOf('window_staff.210300'), awaiting, { providedMaterialIds: materials.slice(1).map((m) => m.id) });
    expect((await acceptAll(back, matter, doctor)).status).toBe('ACCEPTED');
  });
});

describe('decisions (联办件, 上报件, 延期)', () => {
  afterEach(() => t.clock.set(null));

  it('联办件: one dissent blocks approval naming the department; the implementing department asks it to review again and the dissent stays on the timeline; a joint site survey is a suspension (锦州 第四条(三) 联合踏勘, 会审一致通过)', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const lead = await approverIn('鞍山市市场监督管理局', 'approver.market.b.210300');
    const health = await approverIn('鞍山市卫生健康委员会', 'approver.health.b.210300');
    const [market, healthDepartment] = await Promise.all([departmentNamed('鞍山市市场监督管理局'), departmentNamed('鞍山市卫生健康委员会')]);
    const matter = await matterOf('XK00200006'); // 药品零售企业许可, 联办件
    let kase = await ok('startReview', lead, await acceptAll(await receive(matter), matter, clerk), {}, 'ApplicationVersionInput');
    kase = await ok('suspendApplication', lead, kase, { kind: 'JOINT_SURVEY', reason: '联合踏勘经营场所' });
    expect(kase.status).toBe('SUSPENDED');
    kase = await ok('resumeApplication', lead, kase, {}, 'ApplicationVersionInput');
    kase = await ok('recordJointOpinion', lead, kase, { agrees: true, note: '同意' }, 'JointOpinionInput');
    kase = await ok('recordJointOpinion', health, kase, { agrees: false, note: '卫生条件不合格' }, 'JointOpinionInput');
    const blocked = await step('approveApplication', lead, kase, {}, 'NoteInput');
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', department: '鞍山市卫生健康委员会' });
    const reopen = (token: string, departmentId: number) => step('reopenJointOpinion', token, kase, { departmentId: encodeGlobalId('Department', departmentId), reason: '请复核整改后的卫生条件' });
    expect(codeOf(await reopen(health, healthDepartment.id))).toBe('FORBIDDEN');
    expect((await reopen(lead, market.id)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departmentId' });
    kase = (await reopen(lead, healthDepartment.id)).data?.reopenJointOpinion;
    kase = await ok('recordJointOpinion', health, kase, { agrees: true, note: '整改后合格' }, 'JointOpinionInput');
    kase = await ok('approveApplication', lead, kase, {}, 'NoteInput');
    expect(kase.status).toBe('APPROVED');
    const timeline = await t.gql('query($n: String!) { application(number: $n) { jointOpinions { agrees } timeline { action note } } }', { n: kase.number }, lead);
    expect(timeline.data?.application.jointOpinions).toEqual([{ agrees: true }, { agrees: true }]);
    const events = timeline.data?.application.timeline.filter((e: any) => e.action.includes('JOINT') || e.action === 'SUSPEND');
    expect(events).toEqual([
      { action: 'SUSPEND', note: 'JOINT_SURVEY: 联合踏勘经营场所' },
      { action: 'JOINT_OPINION', note: '同意: 同意' },
      { action: 'JOINT_OPINION', note: '不同意: 卫生条件不合格' },
      { action: 'REOPEN_JOINT_OPINION', note: '鞍山市卫生健康委员会: 请复核整改后的卫生条件' },
      { action: 'JOINT_OPINION', note: '同意: 整改后合格' },
    ]);
    // With a dissent the implementing department may deny instead.
    let second = await ok('startReview', lead, await acceptAll(await receive(matter), matter, clerk), {}, 'ApplicationVersionInput');
    second = await ok('recordJointOpinion', health, second, { agrees: false, note: '不同意' }, 'JointOpinionInput');
    expect((await ok('denyApplication', lead, second, { reason: '卫生健康部门会审不同意' }, 'ReasonInput')).status).toBe('DENIED');
    // 联合踏勘 belongs to joint matters only.
    const promised = await matterOf('QR00300002');
    const single = await ok('startReview', await t.tokenOf('approver.210300'), await acceptAll(await receive(promised), promised, clerk), {}, 'ApplicationVersionInput');
    const survey = await step('suspendApplication', await t.tokenOf('approver.210300'), single, { kind: 'JOINT_SURVEY', reason: 'x' });
    expect(survey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
  });

  it('上报件: the centre’s clock ends at its report; a month with the higher authority is not red, leaves the overdue lists and is counted apart (锦州 第四条(四))', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const hr = await approverIn('鞍山市人力资源和社会保障局', 'approver.hr.b.210300');
    const matter = await matterOf('XK00400005'); // 外国人来华工作许可, promised 10 working days
    t.clock.set('2026-03-02T10:00:00+08:00');
    let kase = await ok('startReview', hr, await acceptAll(await receive(matter), matter, clerk), {}, 'ApplicationVersionInput');
    expect(kase.dueAt).toBe('2026-03-16T15:59:59.999Z');
    let late = await ok('startReview', hr, await acceptAll(await receive(matter), matter, clerk), {}, 'ApplicationVersionInput');
    t.clock.set('2026-03-10T10:00:00+08:00');
    kase = await ok('recordReport', hr, kase, { reportedTo: '辽宁省科学技术厅' }, 'ReportInput');
    expect(kase).toMatchObject({ status: 'REPORTED_UP', light: 'GREEN', remainingWorkingDays: null });
    t.clock.set('2026-03-18T10:00:00+08:00');
    late = await ok('recordReport', hr, late, { reportedTo: '辽宁省科学技术厅' }, 'ReportInput');
    expect(late.light).toBe('RED');
    t.clock.set('2026-04-14T10:00:00+08:00'); // a month later, no reply yet
    const CASE_VIEW = 'query($n: String!) { application(number: $n) { status light daysWithHigherAuthority } }';
    // 11 March to 14 April: 24 working days (清明 4-6 April off)
    expect((await t.gql(CASE_VIEW, { n: kase.number }, clerk)).data?.application).toEqual({ status: 'REPORTED_UP', light: 'GREEN', daysWithHigherAuthority: 24 });
    const red = await t.gql('{ applications(first: 100, filter: { light: RED }) { edges { node { number } } } }', {}, clerk);
    const redNumbers = red.data?.applications.edges.map((e: any) => e.node.number);
    expect(redNumbers).not.toContain(kase.number);
    expect(redNumbers).toContain(late.number); // reported after its deadline: judged on the report date
    const alerts = await t.gql('{ supervisionAlerts(tenantCode: "210300", first: 100) { cases { number } } }', {}, await t.tokenOf('centre_admin.210300'));
    expect(JSON.stringify(alerts.data)).not.toContain(kase.number);
    expect(codeOf(await step('approveApplication', hr, kase, {}, 'NoteInput'))).toBe('CONFLICT');
    kase = await ok('recordReportReply', hr, kase, { reply: '同意' }, 'ReportReplyInput');
    kase = await ok('approveApplication', hr, kase, {}, 'NoteInput');
    expect(kase).toMatchObject({ status: 'APPROVED', light: 'GREEN' });
    expect((await t.gql(CASE_VIEW, { n: kase.number }, clerk)).data?.application.daysWithHigherAuthority).toBe(24);
    // Statistics judge it on the report date too: decided a month after its deadline, yet on time.
    const stats = await t.gql('{ applicationStats(tenantCode: "210300", from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00", groupBy: MATTER) { groupName reportedUp decided decidedOnTime averageWorkingDays } }', {}, await t.tokenOf('centre_admin.210300'));
    expect(stats.data?.applicationStats).toContainEqual({ groupName: '外国人来华工作许可', reportedUp: 2, decided: 1, decidedOnTime: 1, averageWorkingDays: 6 });
  });

  it('延期 only before the deadline, saying how the applicant was told, never past the legal limit from acceptance; an overdue case stays overdue (鞍山 规范 三 限时办结制 "提前告知当事人延时办理的理由")', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const approver = await t.tokenOf('approver.210300');
    const matter = await matterOf('QR00300002'); // promised 5, legal 30 working days
    t.clock.set('2026-03-02T10:00:00+08:00');
    let kase = await acceptAll(await receive(matter), matter, clerk);
    expect(kase.dueAt).toBe('2026-03-09T15:59:59.999Z');
    // the legal limit: 30 working days from 2 March end on 14 April (清明 4-6 April off)
    const tooFar = await step('extendApplication', approver, kase, { days: 26, reason: '需补充核查', notifiedBy: 'PHONE' });
    expect(tooFar.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.days' });
    expect(tooFar.errors?.[0].message).toContain('2026-04-14');
    kase = await ok('extendApplication', approver, kase, { days: 2, reason: '需补充核查', notifiedBy: 'SMS' });
    expect(kase.dueAt).toBe('2026-03-11T15:59:59.999Z');
    t.clock.set('2026-03-12T10:00:00+08:00');
    const overdue = await step('extendApplication', approver, kase, { days: 1, reason: '补办', notifiedBy: 'LETTER' });
    expect(overdue.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'ACCEPTED' });
    const view = await t.gql('query($n: String!) { application(number: $n) { light dueAt timeline { action note } } }', { n: kase.number }, clerk);
    expect(view.data?.application).toMatchObject({ light: 'RED', dueAt: '2026-03-11T15:59:59.999Z' });
    expect(view.data?.application.timeline.find((e: any) => e.action === 'EXTEND').note).toBe('+2 (SMS): 需补充核查');
  });
});
