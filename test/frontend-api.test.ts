import request from 'supertest';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { Window } from '../src/modules/windows/entities';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import { CollaborationTicket, TicketStatus } from '../src/modules/collaboration/entities';
import { LOGIN_PER_CLIENT } from '../src/modules/session/service';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ CORS_ORIGINS: 'https://gov.example.cn, http://localhost:*' });
});
afterAll(() => t.close());

const repo = <T extends object>(entity: new () => T) => t.dataSource.getRepository(entity);
const tenantId = async (code: string) => (await repo(Tenant).findOneByOrFail({ code })).id;

describe('HTTP for a browser app on another origin', () => {
  it('answers a preflight from an allowed origin before the CSRF guard, and not for another origin', async () => {
    const preflight = await request(t.app)
      .options('/graphql')
      .set('origin', 'http://localhost:5173')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type, authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
    expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
    const listed = await request(t.app).post('/graphql').set('origin', 'https://gov.example.cn').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(listed.headers['access-control-allow-origin']).toBe('https://gov.example.cn');
    const stranger = await request(t.app).options('/graphql').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    // The CSRF guard stays on for simple requests.
    const simple = await request(t.app).post('/graphql').set('origin', 'http://localhost:5173').set('content-type', 'text/plain').send('{ __typename }');
    expect(simple.status).toBe(400);
  });

  it.each(['gzip', 'br'])('compresses responses over 1 KB with %s', async (encoding) => {
    const token = await t.tokenOf('centre_admin.210300');
    const res = await request(t.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .set('accept-encoding', encoding)
      .send({ query: '{ users(first: 100) { edges { node { id username displayName roles } } } }' });
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.body.data.users.edges.length).toBe(100);
    const small = await request(t.app).post('/graphql').set('content-type', 'application/json').set('accept-encoding', encoding).send({ query: '{ __typename }' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('status codes (GraphQL over HTTP)', () => {
  it('a syntax error and a document over the token limit are 400 GRAPHQL_PARSE_FAILED', async () => {
    const syntax = await t.gql('{ viewer { username }');
    expect([syntax.status, codeOf(syntax)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const long = await t.gql(`{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`);
    expect([long.status, codeOf(long)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
  });

  it('no token for a closed field is 401, the auditor writing is 403, throttling is 429 with Retry-After', async () => {
    const anonymous = await t.gql('{ viewer { username } }');
    expect([anonymous.status, codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const auditor = await t.gql('mutation { logout a: setUserActive(input: { id: "x", active: true, version: 1 }) { id } }', {}, await t.tokenOf('auditor.210300'));
    expect([auditor.status, codeOf(auditor)]).toEqual([403, 'READ_ONLY_ROLE']);
    const login = () =>
      request(t.app)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: 'mutation { login(input: { username: "staff12.210302", password: "wrong-password-1" }) { token } }' });
    for (let i = 0; i < LOGIN_PER_CLIENT.maxAttempts; i += 1) expect((await login()).status).toBe(401);
    const refused = await login();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('a response that carries data is 200 even with a field error', async () => {
    const res = await t.gql('{ viewer { username } ticket(id: "garbage") { id } }', {}, await t.tokenOf('window_staff.210381'));
    expect(res.status).toBe(200);
    expect(res.data?.viewer.username).toBe('window_staff.210381');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('the depth limit counts fields, not fragment spreads: a component-per-fragment query of real depth 6 passes', async () => {
    const query = `
      query Screen { ...Root }
      fragment Root on Query { viewer { ...Me } }
      fragment Me on User { username tenant { ...Centre } }
      fragment Centre on Tenant { code ...Children }
      fragment Children on Tenant { children { ...Child } }
      fragment Child on Tenant { code parent { ...Parent } }
      fragment Parent on Tenant { code ...ParentName }
      fragment ParentName on Tenant { name }`;
    const res = await t.gql(query, {}, await t.tokenOf('centre_admin.210300'));
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer.tenant.children.length).toBeGreaterThan(0);
  });
});

describe('refreshToken', () => {
  const REFRESH = 'mutation { refreshToken { token expiresAt viewer { username } } }';

  it('gives a fresh token that works, and is refused after logout', async () => {
    const login = await t.gql('mutation { login(input: { username: "approver.210302", password: "demo-2026" }) { token } }');
    const first = login.data?.login.token;
    const refreshed = await t.gql(REFRESH, {}, first);
    expect(refreshed.data?.refreshToken.viewer.username).toBe('approver.210302');
    const second = refreshed.data?.refreshToken.token;
    expect((await t.gql('{ viewer { username } }', {}, second)).data?.viewer.username).toBe('approver.210302');
    await t.gql('mutation { logout }', {}, second);
    for (const token of [first, second]) expect(codeOf(await t.gql(REFRESH, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('is refused after deactivation', async () => {
    const token = await t.tokenOf('finance.210302');
    const user = await repo(User).findOneByOrFail({ username: 'finance.210302' });
    const off = await t.gql(
      'mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { active } }',
      { input: { id: encodeGlobalId('User', user.id), active: false, version: user.version } },
      await t.tokenOf('centre_admin.210302'),
    );
    expect(off.errors).toBeUndefined();
    expect(codeOf(await t.gql(REFRESH, {}, token))).toBe('UNAUTHENTICATED');
  });
});

/**
 * viewerCan is derived from the life-cycle table; here each action is tried through its
 * mutation with a stale version, which changes nothing: an action the viewer can take
 * gets past the table and stops at the version (CONFLICT on `version`); any other is
 * refused by the table (FORBIDDEN, or CONFLICT naming the state) or the read-only guard.
 */
function judge(res: GraphQLResponse): 'ALLOWED' | 'REFUSED' {
  const error = res.errors?.[0];
  if (!error) throw new Error(`a stale version was accepted: ${JSON.stringify(res.data)}`);
  const code = error.extensions?.code;
  if (code === 'CONFLICT' && error.extensions?.field === 'version') return 'ALLOWED';
  if (code === 'FORBIDDEN' || code === 'CONFLICT' || code === 'READ_ONLY_ROLE') return 'REFUSED';
  throw new Error(`unexpected answer: ${JSON.stringify(error)}`);
}

describe('viewerCan on a case matches what the mutations then accept, for every state and role', () => {
  const CASE_ACTIONS: Record<string, [mutation: string, input: string, extra: Record<string, unknown>]> = {
    ACCEPT: ['acceptApplication', 'AcceptApplicationInput', { providedMaterialIds: [] }],
    REQUEST_SUPPLEMENT: ['requestSupplement', 'RequestSupplementInput', { providedMaterialIds: [] }],
    SUPPLEMENT: ['supplementApplication', 'SupplementApplicationInput', { providedMaterialIds: [] }],
    CLOSE_LAPSED_SUPPLEMENT: ['closeLapsedSupplement', 'ApplicationVersionInput', {}],
    REFUSE: ['refuseApplication', 'RefuseApplicationInput', { reason: '不在受理范围' }],
    START_REVIEW: ['startReview', 'ApplicationVersionInput', {}],
    JOINT_OPINION: ['recordJointOpinion', 'JointOpinionInput', { agrees: true }],
    REOPEN_JOINT_OPINION: ['reopenJointOpinion', 'ReopenJointOpinionInput', { departmentId: encodeGlobalId('Department', 1), reason: '请复核' }],
    REPORT: ['recordReport', 'ReportInput', { reportedTo: '省住建厅' }],
    REPORT_REPLY: ['recordReportReply', 'ReportReplyInput', { reply: '同意' }],
    APPROVE: ['approveApplication', 'NoteInput', {}],
    DENY: ['denyApplication', 'ReasonInput', { reason: '不符合条件' }],
    SUSPEND: ['suspendApplication', 'SuspendApplicationInput', { kind: 'SITE_SURVEY', reason: '现场勘验' }],
    RESUME: ['resumeApplication', 'ApplicationVersionInput', {}],
    EXTEND: ['extendApplication', 'ExtendApplicationInput', { days: 1, notifiedBy: 'PHONE', reason: '需要补充调查' }],
    RESULT_READY: ['markResultReady', 'ApplicationVersionInput', {}],
    DELIVER: ['deliverApplication', 'DeliverApplicationInput', { method: 'PICKUP' }],
    REQUEST_WITHDRAWAL: ['requestWithdrawal', 'ReasonInput', { reason: '申请人撤回' }],
    DECIDE_WITHDRAWAL: ['decideWithdrawal', 'DecideWithdrawalInput', { approve: false }],
  };
  const ROLES = ['window_staff', 'staff05', 'approver', 'centre_admin', 'finance', 'supervisor', 'auditor'];

  it('the table of mutations covers every action viewerCan can name', async () => {
    const res = await t.gql('{ __type(name: "ApplicationAction") { enumValues { name } } }');
    const steps = res.data?.__type.enumValues.map((v: { name: string }) => v.name).filter((n: string) => n !== 'RECEIVE' && n !== 'DEADLINE_MOVED');
    expect(Object.keys(CASE_ACTIONS).sort()).toEqual(steps.sort());
  });

  it('in every state, for every role', async () => {
    const seen = new Set<string>();
    for (const status of Object.values(ApplicationStatus)) {
      // A demo centre holding a case in that state (上报件 only where a matter is reported up),
      // of the demo approver's department where there is one, so that the approver's steps show.
      let kase: Application | null = null;
      let code = '';
      for (code of ['210381', '210300', '210302', '210700']) {
        const approver = await repo(User).findOneByOrFail({ username: `approver.${code}` });
        kase =
          (await repo(Application).findOneBy({ tenantId: approver.tenantId, status, departmentId: approver.departmentId })) ??
          (await repo(Application).findOneBy({ tenantId: approver.tenantId, status }));
        if (kase) break;
      }
      expect([status, kase !== null]).toEqual([status, true]);
      const id = encodeGlobalId('Application', kase!.id);
      for (const viewer of ROLES.map((role) => `${role}.${code}`)) {
        const token = await t.tokenOf(viewer);
        const can = (await t.gql('query($id: ID!) { node(id: $id) { ... on Application { viewerCan } } }', { id }, token)).data?.node.viewerCan as string[];
        for (const [action, [mutation, input, extra]] of Object.entries(CASE_ACTIONS)) {
          const res = await t.gql(`mutation($i: ${input}!) { ${mutation}(input: $i) { id } }`, { i: { id, version: kase!.version + 1000, ...extra } }, token);
          expect([status, viewer, action, judge(res)]).toEqual([status, viewer, action, can.includes(action) ? 'ALLOWED' : 'REFUSED']);
          if (can.includes(action)) seen.add(action);
        }
      }
    }
    // Not vacuous: the everyday steps are offered to someone.
    expect([...seen]).toEqual(expect.arrayContaining(['START_REVIEW', 'APPROVE', 'DENY', 'RESULT_READY', 'DELIVER', 'REQUEST_WITHDRAWAL', 'DECIDE_WITHDRAWAL', 'SUSPEND', 'RESUME']));
  });
});

describe('viewerCan on a ticket matches what the mutations then accept', () => {
  /** A department of the viewer's own centre (同级相关部门). */
  const ownDepartment = async (viewer: string) => encodeGlobalId('Department', (await repo(Department).findOneByOrFail({ tenantId: await tenantId(viewer.split('.')[1]) })).id);
  const TICKET_ACTIONS: Record<string, [mutation: string, input: string, extra: (viewer: string) => Promise<Record<string, unknown>>]> = {
    RECORD_ASSISTED_CHECK: ['recordAssistedCheck', 'AssistedCheckInput', async (viewer) => ({ departmentId: await ownDepartment(viewer), note: '已与同级部门核实' })],
    PUSH: ['pushTicket', 'TicketNoteInput', async () => ({ note: '' })],
    RETURN: ['returnTicket', 'ReturnTicketInput', async () => ({ reason: '材料不全', missingMaterials: ['身份证复印件'] })],
    FORWARD: ['forwardTicket', 'ForwardTicketInput', async () => ({ windowId: encodeGlobalId('Window', (await repo(Window).findOneByOrFail({ tenantId: await tenantId('150304') })).id) })],
    UPLOAD_RESULT: ['uploadTicketResult', 'TicketVersionInput', async () => ({})],
    MAIL_RESULT: ['mailTicketResult', 'MailInput', async () => ({ carrier: 'EMS', trackingNumber: '1150000000001' })],
    MAIL_MATERIALS: ['mailTicketMaterials', 'MailInput', async () => ({ carrier: 'EMS', trackingNumber: '1150000000002' })],
    RECEIVE_MATERIALS: ['receiveTicketMaterials', 'TicketVersionInput', async () => ({})],
    HAND_OVER_MATERIALS: ['handOverTicketMaterials', 'TicketVersionInput', async () => ({})],
    HAND_OVER_RESULT: ['handOverTicketResult', 'TicketNoteInput', async () => ({ note: '' })],
    CANCEL: ['cancelTicket', 'CancelTicketInput', async () => ({ reason: '申请人放弃办理' })],
  };

  it('for every ticket between 海勃湾区 and 乌达区, from both sides and their city', async () => {
    const receiving = await tenantId('150302');
    const tickets = await repo(CollaborationTicket).findBy({ tenantId: receiving });
    expect(new Set(tickets.map((k) => k.status))).toEqual(new Set(Object.values(TicketStatus)));
    const seen = new Set<string>();
    for (const ticket of tickets) {
      const id = encodeGlobalId('CollaborationTicket', ticket.id);
      for (const viewer of ['window_staff.150302', 'window_staff.150304', 'centre_admin.150302', 'window_staff.150300']) {
        const token = await t.tokenOf(viewer);
        const read = await t.gql('query($id: ID!) { ticket(id: $id) { viewerCan matterName } }', { id }, token);
        if (read.data?.ticket === null) continue; // a draft, for the handling side
        expect(read.data?.ticket.matterName).toBeTruthy();
        const can = read.data?.ticket.viewerCan as string[];
        for (const [action, [mutation, input, extra]] of Object.entries(TICKET_ACTIONS)) {
          const res = await t.gql(`mutation($i: ${input}!) { ${mutation}(input: $i) { id } }`, { i: { id, version: ticket.version + 1000, ...(await extra(viewer)) } }, token);
          expect([ticket.status, viewer, action, judge(res)]).toEqual([ticket.status, viewer, action, can.includes(action) ? 'ALLOWED' : 'REFUSED']);
          if (can.includes(action)) seen.add(action);
        }
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['RECORD_ASSISTED_CHECK', 'PUSH', 'RETURN', 'FORWARD', 'UPLOAD_RESULT', 'MAIL_RESULT', 'HAND_OVER_RESULT', 'CANCEL']));
  });
});

describe('what a screen needs to show', () => {
  it('a case shows the materials handed in, across 补正 and 补件, and the one-time notice', async () => {
    const tenant = await tenantId('210381');
    const clerk = await t.tokenOf('window_staff.210381');
    const matter = (await t.gql('{ matters(filter: { search: "QR00300002" }) { edges { node { id materials { id name required } } } } }', {}, clerk)).data?.matters.edges[0].node;
    const window = await repo(Window).findOneByOrFail({ tenantId: tenant, number: 'A01' });
    const received = await t.gql(
      'mutation($i: ReceiveApplicationInput!) { receiveApplication(input: $i) { id version } }',
      { i: { matterId: matter.id, windowId: encodeGlobalId('Window', window.id), applicantKind: 'NATURAL_PERSON', applicantName: '李明', applicantIdType: 'RESIDENT_ID',
        applicantIdNumber: '210302199001011238', applicantPhone: '13904121234', applicantAddress: '海城市海州路1号' } },
      clerk,
    );
    expect(received.errors).toBeUndefined();
    const [first, ...rest] = matter.materials.map((m: { id: string }) => m.id);
    const asked = await t.gql(
      'mutation($i: RequestSupplementInput!) { requestSupplement(input: $i) { version providedMaterials { id } oneTimeNotice { material problem } } }',
      { i: { id: received.data?.receiveApplication.id, version: received.data?.receiveApplication.version, providedMaterialIds: [first] } },
      clerk,
    );
    expect(asked.data?.requestSupplement.providedMaterials).toEqual([{ id: first }]);
    expect(asked.data?.requestSupplement.oneTimeNotice.length).toBe(rest.length);
    const supplemented = await t.gql(
      'mutation($i: SupplementApplicationInput!) { supplementApplication(input: $i) { providedMaterials { id } } }',
      { i: { id: received.data?.receiveApplication.id, version: asked.data?.requestSupplement.version, providedMaterialIds: rest } },
      clerk,
    );
    expect(supplemented.data?.supplementApplication.providedMaterials.map((m: { id: string }) => m.id).sort()).toEqual([first, ...rest].sort());
  });

  it('scheduled absences can be listed (to cancel them later), within the viewer’s scope only', async () => {
    const admin = await t.tokenOf('centre_admin.210381');
    const staff = await repo(User).findOneByOrFail({ username: 'staff06.210381' });
    const scheduled = await t.gql(
      'mutation($i: ScheduleAbsenceInput!) { scheduleAbsence(input: $i) { id } }',
      { i: { userId: encodeGlobalId('User', staff.id), kind: 'LEAVE', startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T12:00:00+08:00', reason: '事假' } },
      admin,
    );
    expect(scheduled.errors).toBeUndefined();
    const LIST = 'query($f: StaffAbsenceFilter) { staffAbsences(first: 100, filter: $f) { edges { node { id reason user { username } } } } }';
    const mine = await t.gql(LIST, { f: { userId: encodeGlobalId('User', staff.id), from: '2026-12-01T00:00:00+08:00' } }, admin);
    expect(mine.data?.staffAbsences.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(scheduled.data?.scheduleAbsence.id);
    const other = await t.gql(LIST, {}, await t.tokenOf('centre_admin.210321'));
    expect(other.data?.staffAbsences.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(scheduled.data?.scheduleAbsence.id);
  });
});

describe('calendar days are LocalDate (graphql-scalars)', () => {
  it('a day is yyyy-mm-dd in and out, and an impossible day is BAD_USER_INPUT', async () => {
    const admin = await t.tokenOf('centre_admin.210321');
    const SET = 'mutation($i: CalendarOverrideInput!) { setCalendarOverride(input: $i) { date working } }';
    const ok = await t.gql(SET, { i: { date: '2026-12-30', working: false, reason: '搬迁闭厅' } }, admin);
    expect(ok.data?.setCalendarOverride).toEqual({ date: '2026-12-30', working: false });
    for (const date of ['2026-02-30', '2026-13-01', '30/12/2026']) {
      const res = await t.gql(SET, { i: { date, working: false, reason: '搬迁闭厅' } }, admin);
      expect([date, codeOf(res), res.data?.setCalendarOverride]).toEqual([date, 'BAD_USER_INPUT', undefined]);
    }
    const type = await t.gql('{ __type(name: "CalendarOverrideInput") { inputFields { name type { ofType { name } } } } }');
    expect(type.data?.__type.inputFields.find((f: { name: string }) => f.name === 'date').type.ofType.name).toBe('LocalDate');
  });
});
