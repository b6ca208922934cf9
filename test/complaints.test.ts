import request from 'supertest';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, DepartmentKind, Tenant, User } from '../src/modules/tenancy/entities';
import { Window, WindowPost } from '../src/modules/windows/entities';
import { Complaint, ComplaintEvent, Sanction } from '../src/modules/complaints/entities';
import { FILING_THROTTLE } from '../src/modules/complaints/service';
import { COMPLAINT_PROGRESS_THROTTLE } from '../src/modules/complaints/progress';

/**
 * 投诉 and 处理 in 锦州 古塔区 (210702), where the rules come from; 凌河区 (210703) is
 * another centre of the same city, 锦州市 (210700) their city.
 */
const CODE = '210702';
const OTHER = '210703';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(null));

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const userOf = (username: string) => repo(User).findOneByOrFail({ username });
const gid = (type: string, row: { id: number }) => encodeGlobalId(type, row.id);
const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions;
const token = (username: string) => t.tokenOf(username);

async function departmentOf(code: string, kind: DepartmentKind): Promise<Department> {
  const tenant = await repo(Tenant).findOneByOrFail({ code });
  return repo(Department).findOneOrFail({ where: { tenantId: tenant.id, kind }, order: { id: 'ASC' } });
}

/** A request without a token from one client address (a trusted proxy's X-Forwarded-For). */
async function anonymous(query: string, variables: Record<string, unknown>, ip = '198.51.100.1'): Promise<GraphQLResponse<any>> {
  const res = await request(t.app).post('/graphql').set('content-type', 'application/json').set('accept-language', 'en').set('x-forwarded-for', ip).send({ query, variables });
  return { status: res.status, ...res.body, sqlStatements: 0 };
}

const FILE = 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { number queryCode dueAt } }';
const PROGRESS = 'query($n: String!, $c: String!) { complaintProgress(number: $n, queryCode: $c) { number status dueAt reply } }';
const COMPLAINT = `id number version channel category handler status anonymous complainantName complainantContact content findings reply outcome reopened dueAt light
  handlingDepartment { kind } assignee { username } staff { username } window { number } department { name } timeline { action fromStatus toStatus actor { username } }`;
const RECORD = `mutation($input: RecordComplaintInput!) { recordComplaint(input: $input) { queryCode complaint { ${COMPLAINT} } } }`;
const READ = `query($n: String!) { complaint(number: $n) { ${COMPLAINT} } }`;

let ipCounter = 10;
/** Each filing from its own client address, so the throttle test alone exhausts one. */
async function file(input: Record<string, unknown>): Promise<{ number: string; queryCode: string; dueAt: string }> {
  ipCounter += 1;
  const res = await anonymous(FILE, { input: { tenantCode: CODE, category: 'ATTITUDE', content: '窗口工作人员态度生硬，多次推诿', subject: { windowNumber: 'A05' }, ...input } }, `198.51.100.${ipCounter}`);
  expect(res.errors).toBeUndefined();
  return res.data.fileComplaint;
}

async function record(username: string, input: Record<string, unknown>): Promise<{ queryCode: string; complaint: any }> {
  const res = await t.gql(RECORD, { input: { channel: 'PHONE', category: 'ATTITUDE', content: '电话投诉：办事推诿', complainantName: '赵晓明', complainantContact: '13912345678', ...input } }, await token(username));
  expect(res.errors).toBeUndefined();
  return res.data!.recordComplaint;
}

async function read(username: string, number: string): Promise<GraphQLResponse<any>> {
  return t.gql(READ, { n: number }, await token(username));
}

async function step(username: string, mutation: string, inputType: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${COMPLAINT} } }`, { input }, await token(username));
}

/** Assigns, starts and resolves a complaint: the handler assigns `assignee`, who investigates. */
async function handle(handler: string, assignee: string, complaint: { id: string; version: number }, outcome = 'UPHELD'): Promise<any> {
  const assigned = await step(handler, 'assignComplaint', 'AssignComplaintInput', { id: complaint.id, version: complaint.version, assigneeId: gid('User', await userOf(assignee)) });
  expect(assigned.errors).toBeUndefined();
  const started = await step(assignee, 'startComplaintInvestigation', 'ComplaintVersionInput', { id: complaint.id, version: assigned.data!.assignComplaint.version });
  expect(started.errors).toBeUndefined();
  const resolved = await step(assignee, 'resolveComplaint', 'ResolveComplaintInput', {
    id: complaint.id,
    version: started.data!.startComplaintInvestigation.version,
    outcome,
    findings: '经调取录像核实，情况属实',
    reply: '经核查，您反映的问题属实，已对相关人员批评教育，感谢您的监督。',
  });
  expect(resolved.errors).toBeUndefined();
  return resolved.data!.resolveComplaint;
}

describe('intake (锦州 第二十七条: 投诉信箱和投诉电话)', () => {
  it('锦州 第二十七条: anyone files a complaint online without a token, anonymously; numbers are gap-free per centre and day', async () => {
    const first = await file({});
    const second = await file({ category: 'EFFICIENCY' });
    expect(first.number).toMatch(/^210702-TS-\d{8}-\d{6}$/);
    expect(first.queryCode).toMatch(/^[A-Z2-9]{10}$/);
    const sequence = (n: string) => Number(n.slice(-6));
    expect(second.number.slice(0, -6)).toBe(first.number.slice(0, -6));
    expect(sequence(second.number)).toBe(sequence(first.number) + 1);

    const res = await read(`centre_admin.${CODE}`, first.number);
    expect(res.data?.complaint).toMatchObject({
      channel: 'ONLINE', category: 'ATTITUDE', handler: 'CENTRE', status: 'RECEIVED', anonymous: true, complainantName: null, complainantContact: null,
      content: '窗口工作人员态度生硬，多次推诿', window: { number: 'A05' }, handlingDepartment: { kind: 'APPROVAL_BUREAU' }, light: 'GREEN',
      timeline: [{ action: 'RECEIVE', fromStatus: null, toStatus: 'RECEIVED', actor: null }],
    });
    // Only the code's hash is kept.
    const row = await repo(Complaint).findOneByOrFail({ number: first.number });
    expect(JSON.stringify(row)).not.toContain(first.queryCode);
  });

  it('staff record the other channels, not ONLINE; the subject must be named and lie in the centre', async () => {
    const recorded = await record(`centre_admin.${CODE}`, { channel: 'MAILBOX', subject: { staffId: gid('User', await userOf(`staff05.${CODE}`)) } });
    expect(recorded.queryCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(recorded.complaint).toMatchObject({ channel: 'MAILBOX', anonymous: false, complainantName: '赵晓明', staff: { username: `staff05.${CODE}` } });

    const admin = await token(`centre_admin.${CODE}`);
    const online = await t.gql(RECORD, { input: { channel: 'ONLINE', category: 'OTHER', content: 'x', subject: { windowNumber: 'A01' } } }, admin);
    expect(errorOf(online)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
    const none = await t.gql(RECORD, { input: { channel: 'PHONE', category: 'OTHER', content: 'x', subject: {} } }, admin);
    expect(errorOf(none)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject' });
    const foreignStaff = await t.gql(RECORD, { input: { channel: 'PHONE', category: 'OTHER', content: 'x', subject: { staffId: gid('User', await userOf(`staff05.${OTHER}`)) } } }, admin);
    expect(errorOf(foreignStaff)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject.staffId' });
    const foreignWindow = await anonymous(FILE, { input: { tenantCode: CODE, category: 'OTHER', content: 'x', subject: { windowNumber: 'Z99' } } }, '198.51.100.250');
    expect(errorOf(foreignWindow)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject.windowNumber' });
    const window = await repo(Window).findOneByOrFail({ tenantId: (await repo(Tenant).findOneByOrFail({ code: OTHER })).id, number: 'A05' });
    void window;
    const otherCase = await anonymous(FILE, { input: { tenantCode: CODE, category: 'OTHER', content: 'x', subject: { applicationNumber: `${OTHER}-20260101-000001` } } }, '198.51.100.250');
    expect(errorOf(otherCase)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject.applicationNumber' });
  });

  it('the progress page: number and query code show status, deadline and reply only; a wrong code answers like an unknown number', async () => {
    const filed = await file({ complainantName: '钱多多', complainantContact: '13800001111' });
    const right = await anonymous(PROGRESS, { n: filed.number, c: filed.queryCode }, '198.51.100.200');
    expect(right.data?.complaintProgress).toEqual({ number: filed.number, status: 'RECEIVED', dueAt: filed.dueAt, reply: null });
    const wrong = await anonymous(PROGRESS, { n: filed.number, c: 'AAAAAAAAAA' }, '198.51.100.200');
    const unknown = await anonymous(PROGRESS, { n: `${CODE}-TS-20200101-000001`, c: filed.queryCode }, '198.51.100.200');
    expect(wrong.data).toEqual({ complaintProgress: null });
    expect(unknown.data).toEqual(wrong.data);
    expect(JSON.stringify(right)).not.toContain('钱多多');
    const fields = await t.gql('{ __type(name: "ComplaintProgress") { fields { name } } }');
    expect(fields.data?.__type.fields.map((f: any) => f.name).sort()).toEqual(['dueAt', 'number', 'reply', 'status']);
  });

  it('filing and progress lookups are throttled per client', async () => {
    const filing = (ip: string) => anonymous(FILE, { input: { tenantCode: CODE, category: 'OTHER', content: '多次投诉', subject: { windowNumber: 'A02' } } }, ip);
    for (let i = 0; i < FILING_THROTTLE.maxAttempts; i += 1) expect((await filing('203.0.113.50')).errors).toBeUndefined();
    expect(codeOf(await filing('203.0.113.50'))).toBe('TOO_MANY_ATTEMPTS');
    expect((await filing('203.0.113.51')).errors).toBeUndefined();

    const guess = (ip: string) => anonymous(PROGRESS, { n: `${CODE}-TS-20200101-000001`, c: 'BBBBBBBBBB' }, ip);
    for (let i = 0; i < COMPLAINT_PROGRESS_THROTTLE.maxAttempts; i += 1) expect((await guess('203.0.113.60')).data).toEqual({ complaintProgress: null });
    expect(codeOf(await guess('203.0.113.60'))).toBe('TOO_MANY_ATTEMPTS');
    expect((await guess('203.0.113.61')).data).toEqual({ complaintProgress: null });
  });
});

describe('routing (锦州 第二十七条)', () => {
  it('锦州 第二十七条: a violation complaint goes to supervision (监察), others to the centre (审批办)', async () => {
    const violation = await file({ category: 'VIOLATION', content: '窗口人员索要好处费' });
    const fees = await file({ category: 'FEES', content: '窗口自行收取费用' });
    const v = (await read(`supervisor.${CODE}`, violation.number)).data?.complaint;
    const f = (await read(`centre_admin.${CODE}`, fees.number)).data?.complaint;
    expect(v).toMatchObject({ handler: 'SUPERVISION', handlingDepartment: { kind: 'SUPERVISION' } });
    expect(f).toMatchObject({ handler: 'CENTRE', handlingDepartment: { kind: 'APPROVAL_BUREAU' } });

    // The centre does not handle a violation; supervision assigns its own staff.
    const byCentre = await step(`centre_admin.${CODE}`, 'assignComplaint', 'AssignComplaintInput', { id: v.id, version: v.version, assigneeId: gid('User', await userOf(`supervisor.${CODE}`)) });
    expect(errorOf(byCentre)).toMatchObject({ code: 'FORBIDDEN' });
    const toAdmin = await step(`supervisor.${CODE}`, 'assignComplaint', 'AssignComplaintInput', { id: v.id, version: v.version, assigneeId: gid('User', await userOf(`centre_admin.${CODE}`)) });
    expect(errorOf(toAdmin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeId' });
    const assigned = await step(`supervisor.${CODE}`, 'assignComplaint', 'AssignComplaintInput', { id: v.id, version: v.version, assigneeId: gid('User', await userOf(`supervisor.${CODE}`)) });
    expect(assigned.data?.assignComplaint).toMatchObject({ status: 'ASSIGNED', assignee: { username: `supervisor.${CODE}` } });
  });
});

describe('the complained-about never see who complained (锦州 第二十七条)', () => {
  let secondAdmin: string;
  beforeAll(async () => {
    secondAdmin = `centre_admin2.${CODE}`;
    const bureau = await departmentOf(CODE, DepartmentKind.APPROVAL_BUREAU);
    const res = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { departmentId: gid('Department', bureau), username: secondAdmin, displayName: '周正', roles: ['CENTRE_ADMIN'], password: 'second-admin-2026' } },
      await token(`centre_admin.${CODE}`),
    );
    expect(res.errors).toBeUndefined();
    await t.tokenOf(secondAdmin, 'second-admin-2026');
  });

  it('a complained-about centre admin sees no complainant data, cannot assign it nor be assigned; another admin can', async () => {
    const subject = await userOf(`centre_admin.${CODE}`);
    const { complaint } = await record(secondAdmin, { subject: { staffId: gid('User', subject) } });
    const own = await read(`centre_admin.${CODE}`, complaint.number);
    expect(own.data?.complaint).toMatchObject({ complainantName: null, complainantContact: null, content: null });
    expect(own.extensions?.redacted).toEqual(expect.arrayContaining(['Complaint.complainantName', 'Complaint.complainantContact', 'Complaint.content']));
    expect((await read(secondAdmin, complaint.number)).data?.complaint).toMatchObject({ complainantName: '赵晓明', complainantContact: '13912345678', content: '电话投诉：办事推诿' });

    const selfAssigned = await step(`centre_admin.${CODE}`, 'assignComplaint', 'AssignComplaintInput', { id: complaint.id, version: complaint.version, assigneeId: gid('User', await userOf(secondAdmin)) });
    expect(errorOf(selfAssigned)).toMatchObject({ code: 'FORBIDDEN' });
    const toSubject = await step(secondAdmin, 'assignComplaint', 'AssignComplaintInput', { id: complaint.id, version: complaint.version, assigneeId: gid('User', subject) });
    expect(errorOf(toSubject)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeId' });
    const assigned = await step(secondAdmin, 'assignComplaint', 'AssignComplaintInput', { id: complaint.id, version: complaint.version, assigneeId: gid('User', await userOf(secondAdmin)) });
    expect(assigned.data?.assignComplaint).toMatchObject({ status: 'ASSIGNED', assignee: { username: secondAdmin } });
  });

  it('a complaint about a department hides the complainant from everyone in it, whatever their role (the supervisor of a complained-about 监察)', async () => {
    const supervision = await departmentOf(CODE, DepartmentKind.SUPERVISION);
    const { complaint } = await record(`centre_admin.${CODE}`, { category: 'VIOLATION', subject: { departmentId: gid('Department', supervision) } });
    expect(complaint.handler).toBe('SUPERVISION');
    expect((await read(`supervisor.${CODE}`, complaint.number)).data?.complaint).toMatchObject({ complainantName: null, complainantContact: null, content: null });
    expect((await read(`centre_admin.${CODE}`, complaint.number)).data?.complaint).toMatchObject({ complainantName: '赵晓明' });
    // Supervision cannot handle a complaint about itself.
    const assign = await step(`supervisor.${CODE}`, 'assignComplaint', 'AssignComplaintInput', { id: complaint.id, version: complaint.version, assigneeId: gid('User', await userOf(`supervisor.${CODE}`)) });
    expect(errorOf(assign)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('window staff complained about (a window’s post holder) read no complaints at all; auditors read names masked and the text', async () => {
    const filed = await file({ complainantName: '孙小美', complainantContact: '13700002222' });
    expect((await read(`staff05.${CODE}`, filed.number)).data?.complaint).toBeNull();
    const audited = (await read(`auditor.${CODE}`, filed.number)).data?.complaint;
    expect(audited).toMatchObject({ complainantName: '孙**', complainantContact: '137****2222', content: '窗口工作人员态度生硬，多次推诿' });
  });
});

describe('life cycle, return visit and deadline', () => {
  it('RECEIVED → ASSIGNED → INVESTIGATING → RESOLVED → return visit reopens once → CLOSED, each step on the timeline, each with its version', async () => {
    const filed = await file({ complainantName: '李四', complainantContact: '13600003333' });
    const admin = `centre_admin.${CODE}`;
    let c = (await read(admin, filed.number)).data?.complaint;
    const resolved = await handle(admin, admin, c);
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcome: 'UPHELD', findings: '经调取录像核实，情况属实' });
    const progress = await anonymous(PROGRESS, { n: filed.number, c: filed.queryCode }, '198.51.100.201');
    expect(progress.data?.complaintProgress).toMatchObject({ status: 'RESOLVED', reply: expect.stringContaining('属实') });

    const stale = await step(admin, 'recordComplaintReturnVisit', 'ComplaintReturnVisitInput', { id: c.id, version: c.version, satisfied: false, reopen: true });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const reopened = await step(admin, 'recordComplaintReturnVisit', 'ComplaintReturnVisitInput', { id: c.id, version: resolved.version, satisfied: false, note: '对答复不满意', reopen: true });
    expect(reopened.data?.recordComplaintReturnVisit).toMatchObject({ status: 'INVESTIGATING', reopened: true, outcome: null });
    c = reopened.data!.recordComplaintReturnVisit;
    const again = await step(admin, 'resolveComplaint', 'ResolveComplaintInput', { id: c.id, version: c.version, outcome: 'UPHELD', findings: '再次核查属实', reply: '已责令书面检查' });
    c = again.data!.resolveComplaint;
    const twice = await step(admin, 'recordComplaintReturnVisit', 'ComplaintReturnVisitInput', { id: c.id, version: c.version, satisfied: false, reopen: true });
    expect(errorOf(twice)).toMatchObject({ code: 'CONFLICT' });
    const closed = await step(admin, 'recordComplaintReturnVisit', 'ComplaintReturnVisitInput', { id: c.id, version: c.version, satisfied: false, note: '仍不满意' });
    expect(closed.data?.recordComplaintReturnVisit).toMatchObject({ status: 'CLOSED' });
    expect(closed.data?.recordComplaintReturnVisit.timeline.map((e: any) => e.action)).toEqual([
      'RECEIVE', 'ASSIGN', 'START_INVESTIGATION', 'RESOLVE', 'REOPEN', 'RESOLVE', 'RETURN_VISIT',
    ]);
    const late = await step(admin, 'resolveComplaint', 'ResolveComplaintInput', { id: c.id, version: closed.data!.recordComplaintReturnVisit.version, outcome: 'UPHELD', findings: 'x', reply: 'x' });
    expect(errorOf(late)).toMatchObject({ code: 'CONFLICT' });
  });

  it('only the assignee investigates and resolves', async () => {
    const filed = await file({});
    const c = (await read(`centre_admin.${CODE}`, filed.number)).data?.complaint;
    const assigned = await step(`centre_admin.${CODE}`, 'assignComplaint', 'AssignComplaintInput', { id: c.id, version: c.version, assigneeId: gid('User', await userOf(`centre_admin.${CODE}`)) });
    const other = await step(`centre_admin2.${CODE}`, 'startComplaintInvestigation', 'ComplaintVersionInput', { id: c.id, version: assigned.data!.assignComplaint.version });
    expect(errorOf(other)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the 10-working-day reply limit runs on the centre’s calendar over 国庆节, with lights, and a late complaint is in supervisionAlerts', async () => {
    t.clock.set('2026-09-28T10:00:00+08:00'); // Monday before the National Day holiday
    const filed = await file({});
    // 9-29, 9-30, (10-01 … 10-07 off), 10-08, 10-09, 10-10 (调休 Saturday), 10-12 … 10-16: the tenth working day.
    expect(filed.dueAt).toBe('2026-10-16T15:59:59.999Z');
    const lightAt = async (at: string) => {
      t.clock.set(at);
      return (await read(`centre_admin.${CODE}`, filed.number)).data?.complaint.light;
    };
    expect(await lightAt('2026-10-14T10:00:00+08:00')).toBe('GREEN');
    expect(await lightAt('2026-10-15T10:00:00+08:00')).toBe('YELLOW');
    expect(await lightAt('2026-10-19T09:00:00+08:00')).toBe('RED');
    const alerts = await t.gql('{ supervisionAlerts(tenantCode: "210702") { tenant { code } lateComplaints { number } } }', {}, await token(`supervisor.${CODE}`));
    expect(alerts.data?.supervisionAlerts.find((g: any) => g.tenant.code === CODE).lateComplaints.map((c: any) => c.number)).toContain(filed.number);
  });

  it('the reply limit is a centre setting', async () => {
    const admin = await token(`centre_admin.${CODE}`);
    const set = await t.gql('mutation { setComplaintSettings(input: { replyWorkingDays: 5 }) { replyWorkingDays version tenant { code } } }', {}, admin);
    expect(set.data?.setComplaintSettings).toEqual({ replyWorkingDays: 5, version: 1, tenant: { code: CODE } });
    t.clock.set('2026-09-28T10:00:00+08:00');
    const filed = await file({});
    expect(filed.dueAt).toBe('2026-10-10T15:59:59.999Z'); // 9-29, 9-30, 10-08, 10-09, 10-10
    const again = await t.gql('mutation { setComplaintSettings(input: { replyWorkingDays: 10 }) { version } }', {}, admin);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await t.gql('mutation { setComplaintSettings(input: { replyWorkingDays: 10, version: 1 }) { replyWorkingDays } }', {}, admin)).errors).toBeUndefined();
  });
});

const SANCTION = 'id kind basisKind violation decidedOn note person { username } decidedBy { username } revokes { id } revokedBy { id }';
const RECORD_SANCTION = `mutation($input: RecordSanctionInput!) { recordSanction(input: $input) { ${SANCTION} } }`;
const STANDING = 'query($p: ID!, $y: Int!) { sanctionStanding(personId: $p, year: $y) { year barredFromExcellent sanctions { kind } } }';

async function sanction(username: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(RECORD_SANCTION, { input: { basisKind: 'RULE', basisText: '锦州 第二十八条(三)', ...input } }, await token(username));
}

describe('the sanction register (锦州 第十六条, 第十八条, 第二十八条)', () => {
  const JUNE = '2026-06-01T09:00:00+08:00';
  const admin = `centre_admin.${CODE}`;

  it('锦州 第十六条: an EFFICIENCY_WARNING bars EXCELLENT that year; a revocation is a new entry and lifts it', async () => {
    t.clock.set(JUNE);
    const person = await userOf(`staff07.${CODE}`);
    const warned = await sanction(admin, { personId: gid('User', person), kind: 'EFFICIENCY_WARNING' });
    expect(warned.data?.recordSanction).toMatchObject({ kind: 'EFFICIENCY_WARNING', decidedOn: '2026-06-01', decidedBy: { username: admin }, person: { username: person.username } });
    const standing = async () => (await t.gql(STANDING, { p: gid('User', person), y: 2026 }, await token(admin))).data?.sanctionStanding;
    expect(await standing()).toEqual({ year: 2026, barredFromExcellent: true, sanctions: [{ kind: 'EFFICIENCY_WARNING' }] });
    expect((await t.gql(STANDING, { p: gid('User', person), y: 2025 }, await token(admin))).data?.sanctionStanding.barredFromExcellent).toBe(false);

    const revoke = 'mutation($input: RevokeSanctionInput!) { revokeSanction(input: $input) { ' + SANCTION + ' } }';
    const revoked = await t.gql(revoke, { input: { sanctionId: warned.data!.recordSanction.id, reason: '复核后撤销' } }, await token(admin));
    expect(revoked.data?.revokeSanction).toMatchObject({ kind: 'EFFICIENCY_WARNING', note: '复核后撤销', revokes: { id: warned.data!.recordSanction.id } });
    expect(await standing()).toEqual({ year: 2026, barredFromExcellent: false, sanctions: [] });
    const twice = await t.gql(revoke, { input: { sanctionId: warned.data!.recordSanction.id, reason: '再次撤销' } }, await token(admin));
    expect(errorOf(twice)).toMatchObject({ code: 'CONFLICT' });
    expect(await repo(Sanction).countBy({ personId: person.id })).toBe(2);
  });

  it('锦州 第十八条: removal from post needs an earlier 通报批评 or 效能告诫, and cannot leave a window empty (AB岗)', async () => {
    t.clock.set(JUNE);
    const person = await userOf(`staff05.${CODE}`); // A post of A05, B post of A06
    const removal = { personId: gid('User', person), kind: 'REMOVAL_FROM_POST', basisText: '锦州 第十八条(四)' };
    expect(errorOf(await sanction(admin, removal))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect((await sanction(admin, { personId: gid('User', person), kind: 'PUBLIC_CRITICISM' })).errors).toBeUndefined();

    // staff04 (B post of A05) is away all week: without staff05, A05 would have nobody on post.
    const absence = await t.gql(
      'mutation($input: ScheduleAbsenceInput!) { scheduleAbsence(input: $input) { id } }',
      { input: { userId: gid('User', await userOf(`staff04.${CODE}`)), kind: 'LEAVE', startsAt: '2026-06-01T08:00:00+08:00', endsAt: '2026-06-06T00:00:00+08:00' } },
      await token(admin),
    );
    expect(absence.errors).toBeUndefined();
    expect(errorOf(await sanction(admin, removal))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replacements' });
    expect(await repo(WindowPost).countBy({ userId: person.id })).toBe(2);

    const a05 = await repo(Window).findOneByOrFail({ tenantId: person.tenantId, number: 'A05' });
    const replacement = await userOf(`staff10.${CODE}`);
    const removed = await sanction(admin, { ...removal, replacements: [{ windowId: gid('Window', a05), userId: gid('User', replacement) }] });
    expect(removed.errors).toBeUndefined();
    expect(await repo(WindowPost).countBy({ userId: person.id })).toBe(0);
    expect(await repo(WindowPost).findOneByOrFail({ windowId: a05.id, post: 'A' as never })).toMatchObject({ userId: replacement.id });
  });

  it('锦州 第二十八条: serious conduct (情节严重) is removed from post without an earlier warning', async () => {
    t.clock.set(JUNE);
    const person = await userOf(`staff12.${CODE}`);
    const removal = { personId: gid('User', person), kind: 'REMOVAL_FROM_POST', basisText: '锦州 第二十八条(十一)' };
    expect(errorOf(await sanction(admin, removal))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    const removed = await sanction(admin, { ...removal, severe: true });
    expect(removed.errors).toBeUndefined();
    expect(await repo(WindowPost).countBy({ userId: person.id })).toBe(0);
  });

  it('锦州 第二十七条: supervision decides on violations and referral to the judiciary, and a violation needs no prior warning for removal', async () => {
    t.clock.set(JUNE);
    const person = await userOf(`staff08.${CODE}`);
    const referral = { personId: gid('User', person), kind: 'REFERRED_TO_JUDICIARY', basisText: '锦州 第二十八条(十)' };
    expect(errorOf(await sanction(admin, referral))).toMatchObject({ code: 'FORBIDDEN' });

    const { complaint } = await record(`supervisor.${CODE}`, { category: 'VIOLATION', content: '索要好处费', subject: { staffId: gid('User', person) } });
    const notYet = await sanction(`supervisor.${CODE}`, { personId: gid('User', person), kind: 'REMOVAL_FROM_POST', basisKind: 'COMPLAINT', complaintId: complaint.id });
    expect(errorOf(notYet)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.complaintId' });
    await handle(`supervisor.${CODE}`, `supervisor.${CODE}`, complaint);
    const basis = { personId: gid('User', person), kind: 'REMOVAL_FROM_POST', basisKind: 'COMPLAINT', complaintId: complaint.id };
    expect(errorOf(await sanction(admin, basis))).toMatchObject({ code: 'FORBIDDEN' });
    const removed = await sanction(`supervisor.${CODE}`, basis);
    expect(removed.data?.recordSanction).toMatchObject({ kind: 'REMOVAL_FROM_POST', basisKind: 'COMPLAINT', violation: true });
    expect((await sanction(`supervisor.${CODE}`, referral)).errors).toBeUndefined();
    const nested = await t.gql(`query($n: String!) { complaint(number: $n) { sanctions { kind person { username } } } }`, { n: complaint.number }, await token(`supervisor.${CODE}`));
    expect(nested.data?.complaint.sanctions).toEqual([{ kind: 'REMOVAL_FROM_POST', person: { username: person.username } }]);
  });

  it('a person’s sanctions are visible to centre admins, supervision, auditors and the person; null to other staff', async () => {
    t.clock.set(JUNE);
    const person = await userOf(`staff09.${CODE}`);
    const recorded = await sanction(admin, { personId: gid('User', person), kind: 'CRITICISM_EDUCATION' });
    const id = recorded.data!.recordSanction.id;
    const node = `query($id: ID!) { node(id: $id) { ... on Sanction { kind } } }`;
    for (const reader of [admin, `supervisor.${CODE}`, `auditor.${CODE}`, `auditor.210700`, person.username]) {
      expect((await t.gql(node, { id }, await token(reader))).data?.node).toEqual({ kind: 'CRITICISM_EDUCATION' });
    }
    const colleague = await token(`staff10.${CODE}`);
    expect((await t.gql(node, { id }, colleague)).data?.node).toBeNull();
    expect((await t.gql(STANDING, { p: gid('User', person), y: 2026 }, colleague)).data?.sanctionStanding).toBeNull();
    expect((await t.gql('{ sanctions { totalCount } }', {}, colleague)).data?.sanctions.totalCount).toBe(0);
    const own = await t.gql('{ sanctions { edges { node { kind person { username } } } } }', {}, await token(person.username));
    expect(own.data?.sanctions.edges).toEqual([{ node: { kind: 'CRITICISM_EDUCATION', person: { username: person.username } } }]);
  });
});

describe('the auditor reads, never writes; other centres see nothing', () => {
  it('the auditor reads complaints and the register but every write is refused', async () => {
    const auditor = await token(`auditor.${CODE}`);
    expect((await t.gql('{ complaints(filter: { tenantCode: "210702" }) { totalCount } }', {}, auditor)).data?.complaints.totalCount).toBeGreaterThan(0);
    const writes = [
      [RECORD, { input: { channel: 'PHONE', category: 'OTHER', content: 'x', subject: { windowNumber: 'A01' } } }],
      [FILE, { input: { tenantCode: CODE, category: 'OTHER', content: 'x', subject: { windowNumber: 'A01' } } }],
      [RECORD_SANCTION, { input: { personId: gid('User', await userOf(`staff11.${CODE}`)), kind: 'CRITICISM_EDUCATION', basisKind: 'RULE', basisText: 'x' } }],
    ] as const;
    for (const [query, variables] of writes) expect(codeOf(await t.gql(query, variables, auditor))).toBe('READ_ONLY_ROLE');
  });

  it('another centre sees nothing by list, number, id, node or nested; its ids are unknown ids', async () => {
    const { complaint } = await record(`centre_admin.${CODE}`, { subject: { windowNumber: 'A03' } });
    const row = await repo(Complaint).findOneByOrFail({ number: complaint.number });
    const event = await repo(ComplaintEvent).findOneByOrFail({ complaintId: row.id });
    const someSanction = await repo(Sanction).findOneByOrFail({ tenantId: row.tenantId, kind: 'CRITICISM_EDUCATION' as never });
    for (const outsider of [`centre_admin.${OTHER}`, `supervisor.${OTHER}`, `auditor.${OTHER}`]) {
      const tk = await token(outsider);
      expect((await t.gql('{ complaints(filter: { tenantCode: "210702" }) { totalCount } }', {}, tk)).data?.complaints.totalCount).toBe(0);
      const all = await t.gql('{ complaints(first: 100) { edges { node { number } } } }', {}, tk);
      expect(all.data?.complaints.edges.map((e: any) => e.node.number)).not.toContain(complaint.number);
      expect((await t.gql(READ, { n: complaint.number }, tk)).data?.complaint).toBeNull();
      for (const id of [complaint.id, gid('ComplaintEvent', event), gid('Sanction', someSanction)]) {
        expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, tk)).data?.node).toBeNull();
      }
      expect((await t.gql('{ supervisionAlerts(tenantCode: "210702") { lateComplaints { number } } }', {}, tk)).data?.supervisionAlerts).toEqual([]);
      expect((await t.gql('{ sanctions(first: 100) { edges { node { person { username } } } } }', {}, tk)).data?.sanctions.edges.map((e: any) => e.node.person.username).filter((u: string) => u.endsWith(CODE))).toEqual([]);
    }
    const foreign = await step(`centre_admin.${OTHER}`, 'assignComplaint', 'AssignComplaintInput', { id: complaint.id, version: complaint.version, assigneeId: gid('User', await userOf(`centre_admin.${OTHER}`)) });
    expect(errorOf(foreign)).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await step(`centre_admin.${OTHER}`, 'assignComplaint', 'AssignComplaintInput', { id: encodeGlobalId('Complaint', 999999), version: 1, assigneeId: gid('User', await userOf(`centre_admin.${OTHER}`)) });
    expect(errorOf(unknown)).toEqual(errorOf(foreign));
  });

  it('a page of complaints with their subjects, lights, timelines and sanctions costs about as many statements for 20 rows as for 2 (no N+1)', async () => {
    for (let i = 0; i < 4; i += 1) await record(`centre_admin.${CODE}`, { subject: { windowNumber: `A0${i + 1}`, staffId: gid('User', await userOf(`staff1${i}.${CODE}`)) } });
    const admin = await token(`centre_admin.${CODE}`);
    const page = (n: number) =>
      t.gql(`{ complaints(first: ${n}, filter: { tenantCode: "210702" }) { edges { node { number complainantName content light window { number } staff { username }
        handlingDepartment { name } assignee { username } timeline { action actor { username } } sanctions { kind person { username } } } } } }`, {}, admin);
    const two = await page(2);
    const twenty = await page(20);
    expect(two.errors).toBeUndefined();
    expect(twenty.data?.complaints.edges.length).toBe(20);
    // One more batch at most: the 20 rows reach complaints with sanctions, whose people load in a batch of their own.
    expect(twenty.sqlStatements).toBeLessThanOrEqual(two.sqlStatements + 1);
  });

  it('the city reads its districts’ complaints, but complainant data only reaches the handling centre', async () => {
    const { complaint } = await record(`centre_admin.${CODE}`, { subject: { windowNumber: 'A04' } });
    const city = await read('centre_admin.210700', complaint.number);
    expect(city.data?.complaint).toMatchObject({ number: complaint.number, complainantName: null, content: null });
  });

  it('a complaint filed without a token is audited (in the platform chain), its complainant masked', async () => {
    const filed = await file({ complainantName: '上官婉儿', complainantContact: '13300004444', content: '网上投诉审计' });
    const log = await t.gql('{ auditLog(filter: { operation: "fileComplaint" }, first: 100) { edges { node { outcome details actorUsername } } } }', {}, await token('platform_admin'));
    const entry = log.data?.auditLog.edges.map((e: any) => e.node).find((n: any) => n.details.includes('133****4444'));
    expect(entry).toMatchObject({ outcome: 'OK', actorUsername: null });
    expect(entry.details).toContain('上***');
    expect(entry.details).not.toContain('上官婉儿');
    expect(entry.details).not.toContain('网上投诉审计');
    expect(entry.details).not.toContain(filed.queryCode);
  });

  it('recording a complaint is audited with the complainant’s data masked', async () => {
    const { complaint } = await record(`centre_admin.${CODE}`, { complainantName: '欧阳娜娜', complainantContact: '13511112222', subject: { windowNumber: 'A06' } });
    const log = await t.gql('{ auditLog(filter: { operation: "recordComplaint" }, first: 100) { edges { node { kind outcome details targetIds } } } }', {}, await token(`auditor.${CODE}`));
    const entry = log.data?.auditLog.edges.map((e: any) => e.node).find((n: any) => n.kind === 'MUTATION' && n.targetIds.includes(complaint.id));
    expect(entry).toBeDefined();
    expect(entry.outcome).toBe('OK');
    expect(entry.details).toContain('欧***');
    expect(entry.details).toContain('135****2222');
    expect(entry.details).not.toContain('欧阳娜娜');
  });
});
