import { In, ObjectLiteral } from 'typeorm';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Role } from '../src/auth/roles';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { EmptyPostCause, EmptyPostEvent, StaffAbsence, Window, WindowPost } from '../src/modules/windows/entities';
import { Application, ApplicationEvent, ApplicationStatus } from '../src/modules/applications/entities';
import { Evaluation, EvaluationLevel, Rectification, RectificationStatus } from '../src/modules/evaluations/entities';
import { Complaint, ComplaintOutcome, Sanction, SanctionBasisKind, SanctionKind } from '../src/modules/complaints/entities';
import { SupervisionNotice, SupervisionNoticeCause, SupervisionNoticeStatus } from '../src/modules/supervision/entities';

/**
 * 考核 of staff and windows in 义县 (210727), a county of 锦州市 (210700), over March 2025,
 * where the demo data has no events: every figure below comes from the fixtures here.
 * 黑山县 (210726) and 北镇市 (210782) are sibling centres; 太和区 (210711) grades a quota.
 */
const CODE = '210727';
const SIBLING = '210726';
const CITY = '210700';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends ObjectLiteral>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const gid = (type: string, id: number) => encodeGlobalId(type, id);
const token = (username: string) => t.tokenOf(username);
const at = (local: string) => new Date(`${local}+08:00`);

/** Demo rules modelled on 锦州 第二十三条 (base 100; 95 / 80 / 60; 20 % excellent). */
const RULES = {
  baseScore: 100,
  excellentFrom: 95,
  competentFrom: 80,
  basicallyCompetentFrom: 60,
  excellenceQuotaPercent: 20,
  note: '义县中心考核细则',
  items: [
    { subjectKind: 'STAFF', source: 'SATISFACTION_RATE', mode: 'RATE', points: 10, label: '好差评满意率' },
    { subjectKind: 'STAFF', source: 'BAD_RATING', mode: 'PER_EVENT', points: -2, cap: 6, label: '差评（核实属实）' },
    { subjectKind: 'STAFF', source: 'ON_TIME_RATE', mode: 'RATE', points: 10, label: '按时办结率' },
    { subjectKind: 'STAFF', source: 'OVERDUE_CASE', mode: 'PER_EVENT', points: -1, cap: 5, label: '超期办件' },
    { subjectKind: 'STAFF', source: 'UPHELD_COMPLAINT', mode: 'PER_EVENT', points: -3, label: '投诉属实' },
    { subjectKind: 'STAFF', source: 'SANCTION', sanctionKind: 'PUBLIC_CRITICISM', mode: 'PER_EVENT', points: -5, label: '通报批评' },
    { subjectKind: 'STAFF', source: 'SANCTION', sanctionKind: 'EFFICIENCY_WARNING', mode: 'PER_EVENT', points: -10, label: '效能告诫' },
    { subjectKind: 'STAFF', source: 'EMPTY_POST', mode: 'PER_EVENT', points: -1, label: '离岗空岗' },
    { subjectKind: 'STAFF', source: 'UNPLANNED_ABSENCE', mode: 'PER_EVENT', points: -2, label: '考勤：未请假缺勤' },
    { subjectKind: 'STAFF', source: 'LATE_NOTICE', mode: 'PER_EVENT', points: -1, label: '督办逾期未反馈' },
    { subjectKind: 'STAFF', source: 'COMMENDATION', mode: 'PER_EVENT', points: 2, cap: 4, label: '表扬' },
    { subjectKind: 'WINDOW', source: 'STAFF_AVERAGE', mode: 'RATE', points: 100, label: '窗口人员平均得失分' },
    { subjectKind: 'WINDOW', source: 'EMPTY_POST', mode: 'PER_EVENT', points: -1, label: '窗口空岗' },
    { subjectKind: 'WINDOW', source: 'LATE_NOTICE', mode: 'PER_EVENT', points: -1, label: '督办逾期未反馈' },
  ],
};

const SET_RULES = 'mutation($input: AppraisalRulesInput!) { setAppraisalRules(input: $input) { id version baseScore excellentFrom excellenceQuotaPercent excellenceQuotaSeats items { position subjectKind source sanctionKind mode points cap label } } }';
const LINE = 'kind source label count metCount points reason createdBy { username } events { kind id }';
const RESULT = `id version subjectKind score proposedGrade grade rank excellenceBarred chiefRepresentativeAnnual correctedScore staff { username } window { number } breakdown { ${LINE} }`;
const PERIOD = 'id version kind start end status rules { version }';
const OPEN = `mutation($input: OpenAppraisalPeriodInput!) { openAppraisalPeriod(input: $input) { ${PERIOD} } }`;
const RECOMPUTE = `mutation($input: AppraisalPeriodVersionInput!) { recomputeAppraisal(input: $input) { ${PERIOD} } }`;
const PUBLISH = `mutation($input: AppraisalPeriodVersionInput!) { publishAppraisal(input: $input) { ${PERIOD} } }`;
const ADJUST = `mutation($input: AdjustAppraisalResultInput!) { adjustAppraisalResult(input: $input) { ${RESULT} } }`;
const RESULTS = `query($id: ID!, $kind: AppraisalSubjectKind) { node(id: $id) { ... on AppraisalPeriod { ${PERIOD} results(first: 40, subjectKind: $kind) { edges { node { ${RESULT} } } } } } }`;

async function gqlOk(query: string, variables: Record<string, unknown>, username: string): Promise<any> {
  const res = await t.gql(query, variables, await token(username));
  expect(res.errors).toBeUndefined();
  return res.data;
}

const tenantOf = (code: string) => repo(Tenant).findOneByOrFail({ code });
const departmentOf = async (code: string, name: string) => repo(Department).findOneByOrFail({ tenantId: (await tenantOf(code)).id, name });

let userCounter = 0;
/** A new active account (a copy of a demo account's row, with its password). */
async function newUser(code: string, departmentName: string, roles: Role[], username = `apr${(userCounter += 1)}.${code}`): Promise<User> {
  const template = await repo(User).findOneOrFail({ where: { username: `window_staff.${code}` }, select: { id: true, passwordHash: true } });
  const department = await departmentOf(code, departmentName);
  return repo(User).save(repo(User).create({ tenantId: department.tenantId, departmentId: department.id, username, displayName: username, roles, passwordHash: template.passwordHash, active: true }));
}

/** Bulk accounts for the statement bound (one INSERT). */
async function addApprovers(code: string, count: number): Promise<void> {
  const department = await departmentOf(code, `${(await tenantOf(code)).name}不动产登记中心`);
  const rows = Array.from({ length: count }, (_, i) => ({ tenantId: department.tenantId, departmentId: department.id, username: `bulk${i}.${code}`, displayName: `审批${i}`, roles: [Role.APPROVER], passwordHash: 'x', active: true }));
  await repo(User).insert(rows);
}

/** A copy of any row of `entity`, with `changes`; ids, versions and creation times are fresh. */
async function cloneRow<T extends ObjectLiteral & { id: number }>(entity: { new (): T }, changes: Partial<T>): Promise<T> {
  const [template] = await repo(entity).find({ order: { id: 'ASC' } as never, take: 1 });
  if (!template) throw new Error(`no ${entity.name} to copy`);
  const { id: _id, version: _version, createdAt: _createdAt, ...rest } = template as ObjectLiteral;
  void _id;
  void _version;
  void _createdAt;
  const { identifiers } = await repo(entity).insert({ ...rest, ...changes } as never);
  return repo(entity).findOneByOrFail({ id: identifiers[0].id } as never);
}

let caseCounter = 0;
async function caseOf(tenantId: number, receivedById: number, dueAt: Date, endedAt: Date | null, decidedById?: number): Promise<Application> {
  caseCounter += 1;
  const kase = await cloneRow(Application, {
    tenantId,
    number: `${CODE}-20250301-${String(900000 + caseCounter)}`,
    receivedById,
    receivedAt: at('2025-03-01T09:00:00'),
    acceptedAt: at('2025-03-01T09:00:00'),
    dueAt,
    decidedAt: endedAt,
    reportedAt: null,
    status: endedAt ? ApplicationStatus.APPROVED : ApplicationStatus.UNDER_REVIEW,
  } as Partial<Application>);
  if (decidedById && endedAt) {
    await repo(ApplicationEvent).insert({ tenantId, applicationId: kase.id, action: 'APPROVE', fromStatus: ApplicationStatus.UNDER_REVIEW, toStatus: ApplicationStatus.APPROVED, actorId: decidedById, at: endedAt, note: '' });
  }
  return kase;
}

async function ratingOf(person: User, windowId: number, level: EvaluationLevel, ratedAt: Date, valid?: boolean): Promise<Evaluation> {
  const evaluation = await repo(Evaluation).save(
    repo(Evaluation).create({ tenantId: person.tenantId, channel: 'WINDOW_DEVICE' as never, level, reasons: valid === undefined ? [] : (['ATTITUDE'] as never), comment: null, applicationId: null, matterId: null, windowId, staffId: person.id, departmentId: person.departmentId, servedAt: ratedAt, ratedAt, recordedById: null, raterName: null, raterContact: null }),
  );
  if (valid !== undefined) {
    await cloneRow(Rectification, {
      tenantId: person.tenantId,
      evaluationId: evaluation.id,
      responsibleStaffId: person.id,
      responsibleDepartmentId: person.departmentId,
      windowId,
      status: valid ? RectificationStatus.VERIFIED_VALID : RectificationStatus.NOT_VALID,
      openedAt: ratedAt,
    } as Partial<Rectification>);
  }
  return evaluation;
}

let complaintCounter = 0;
async function upheldComplaintAbout(person: User, resolvedAt: Date, outcome = ComplaintOutcome.UPHELD): Promise<Complaint> {
  complaintCounter += 1;
  return cloneRow(Complaint, { tenantId: person.tenantId, number: `${CODE}-TS-20250301-${String(900000 + complaintCounter)}`, staffId: person.id, windowId: null, departmentId: null, outcome, resolvedAt } as Partial<Complaint>);
}

async function sanctionOf(person: User, kind: SanctionKind, decidedOn: string): Promise<Sanction> {
  return repo(Sanction).save(
    repo(Sanction).create({ tenantId: person.tenantId, personId: person.id, kind, basisKind: SanctionBasisKind.RULE, basisText: '锦州 第十六条', complaintId: null, applicationId: null, sampledCaseId: null, violation: false, severe: false, decidedById: person.id, decidedOn, note: '', revokesId: null, recordedAt: new Date(`${decidedOn}T02:00:00Z`) }),
  );
}

async function lateNoticeTo(tenantId: number, departmentId: number, replyDueAt: Date, repliedAt: Date | null): Promise<SupervisionNotice> {
  return cloneRow(SupervisionNotice, {
    tenantId,
    causeKind: SupervisionNoticeCause.MANUAL,
    causeId: null,
    status: repliedAt ? SupervisionNoticeStatus.REPLIED : SupervisionNoticeStatus.AWAITING_REPLY,
    departmentId,
    personId: null,
    issuedAt: new Date(replyDueAt.getTime() - 3 * 86_400_000),
    replyDueAt,
    repliedAt,
    escalatedAt: null,
    checkRun: null,
  } as Partial<SupervisionNotice>);
}

/** The result of `username` among a period's results, as `viewer` reads it. */
async function resultOf(periodId: string, username: string, viewer = `centre_admin.${CODE}`, kind = 'STAFF'): Promise<any> {
  const data = await gqlOk(RESULTS, { id: periodId, kind }, viewer);
  return data.node.results.edges.map((e: any) => e.node).find((r: any) => (r.staff?.username ?? r.window?.number) === username);
}

const pointsByLabel = (result: any) => Object.fromEntries(result.breakdown.map((l: any) => [l.label, l.points]));

// ---- fixtures: 王 (p) at window Z01 of 义县, with 李 (q) on its B post ----------------

let p: User;
let q: User;
let head: User;
let window: Window;
let marchId: string;

beforeAll(async () => {
  const tenant = await tenantOf(CODE);
  p = await newUser(CODE, '窗口服务部', [Role.WINDOW_STAFF], `wang.${CODE}`);
  q = await newUser(CODE, '窗口服务部', [Role.WINDOW_STAFF], `li.${CODE}`);
  head = await newUser(CODE, '窗口服务部', [Role.WINDOW_STAFF], `head.${CODE}`);
  const police = await departmentOf(CODE, `${tenant.name}公安局`);
  window = await cloneRow(Window, { tenantId: tenant.id, number: 'Z01', name: '综合受理', departmentId: police.id, chiefRepresentativeId: p.id } as Partial<Window>);
  await repo(WindowPost).insert([
    { tenantId: tenant.id, windowId: window.id, post: 'A' as never, userId: p.id },
    { tenantId: tenant.id, windowId: window.id, post: 'B' as never, userId: q.id },
  ]);
  const other = await repo(User).findOneByOrFail({ username: `window_staff.${CODE}` });

  // 好差评: 3 satisfied or better of 4; the dissatisfied one found valid (核实属实) → −2.5 and −2.
  await ratingOf(p, window.id, EvaluationLevel.VERY_SATISFIED, at('2025-03-03T10:00:00'));
  await ratingOf(p, window.id, EvaluationLevel.SATISFIED, at('2025-03-04T10:00:00'));
  await ratingOf(p, window.id, EvaluationLevel.BASICALLY_SATISFIED, at('2025-03-05T10:00:00'));
  await ratingOf(p, window.id, EvaluationLevel.DISSATISFIED, at('2025-03-06T10:00:00'), true);
  // A 差评 found not valid, and one in April: neither counts against March.
  await ratingOf(q, window.id, EvaluationLevel.DISSATISFIED, at('2025-03-06T11:00:00'), false);
  await ratingOf(p, window.id, EvaluationLevel.VERY_DISSATISFIED, at('2025-04-02T10:00:00'), true);

  // Cases due in March received by 王: 3 ended on time, 1 late; one received by another and decided by 王, late.
  for (const day of ['10', '11', '12']) await caseOf(tenant.id, p.id, at(`2025-03-${day}T17:00:00`), at(`2025-03-${day}T09:00:00`));
  await caseOf(tenant.id, p.id, at('2025-03-13T17:00:00'), at('2025-03-15T09:00:00'));
  await caseOf(tenant.id, other.id, at('2025-03-14T17:00:00'), at('2025-03-18T09:00:00'), p.id);
  // Due in April: not March's.
  await caseOf(tenant.id, p.id, at('2025-04-01T17:00:00'), null);

  await upheldComplaintAbout(p, at('2025-03-20T10:00:00'));
  await upheldComplaintAbout(p, at('2025-03-21T10:00:00'), ComplaintOutcome.NOT_UPHELD);
  await sanctionOf(p, SanctionKind.PUBLIC_CRITICISM, '2025-03-10');

  // 空岗: one left by 王 (离岗), one during a scheduled absence (not 王's doing, but the window's).
  await repo(EmptyPostEvent).insert([
    { tenantId: tenant.id, windowId: window.id, startsAt: at('2025-03-17T10:00:00'), endsAt: at('2025-03-17T10:30:00'), cause: EmptyPostCause.LEFT_POST, userId: p.id },
    { tenantId: tenant.id, windowId: window.id, startsAt: at('2025-03-18T10:00:00'), endsAt: at('2025-03-18T11:00:00'), cause: EmptyPostCause.ABSENCE, userId: p.id },
  ]);
  // 考勤: an absence recorded after it began counts; one asked for in advance does not.
  await repo(StaffAbsence).insert([
    { tenantId: tenant.id, userId: p.id, kind: 'OTHER' as never, startsAt: at('2025-03-24T08:30:00'), endsAt: at('2025-03-24T17:00:00'), reason: '', createdById: null, recordedAt: at('2025-03-24T11:00:00'), cancelled: false },
    { tenantId: tenant.id, userId: p.id, kind: 'LEAVE' as never, startsAt: at('2025-03-25T08:30:00'), endsAt: at('2025-03-25T17:00:00'), reason: '', createdById: null, recordedAt: at('2025-03-20T11:00:00'), cancelled: false },
  ]);
  // 督办: the department's notice answered not at all; another answered in time.
  await lateNoticeTo(tenant.id, p.departmentId, at('2025-03-10T17:00:00'), null);
  await lateNoticeTo(tenant.id, p.departmentId, at('2025-03-11T17:00:00'), at('2025-03-11T09:00:00'));

  const admin = `centre_admin.${CODE}`;
  for (const day of ['05', '12', '19']) {
    await gqlOk('mutation($input: RecordCommendationInput!) { recordCommendation(input: $input) { id kind receivedOn person { username } } }', { input: { personId: gid('User', p.id), kind: 'PRAISE_LETTER', receivedOn: `2025-03-${day}`, note: '群众送来表扬信' } }, admin);
  }
  await gqlOk(SET_RULES, { input: RULES }, admin);
  const open = await gqlOk(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-03-01' } }, admin);
  marchId = open.openAppraisalPeriod.id;
});

describe('staff appraisal (考核): the draft', () => {
  it('锦州 第三条(七), 第十三条; 乌海 第九条 考勤: a hand-computed breakdown for one person, each line with its count, points and the events behind it', async () => {
    const result = await resultOf(marchId, p.username);
    expect(pointsByLabel(result)).toEqual({
      好差评满意率: -2.5, // 3 of 4 satisfied: −10 × 1/4
      '差评（核实属实）': -2,
      按时办结率: -4, // 3 of 5 on time: −10 × 2/5
      超期办件: -2,
      投诉属实: -3,
      通报批评: -5,
      效能告诫: 0,
      离岗空岗: -1,
      '考勤：未请假缺勤': -2,
      督办逾期未反馈: -1,
      表扬: 4, // 3 × 2, capped at 4
    });
    expect(result.score).toBe(81.5);
    expect(result.proposedGrade).toBe('COMPETENT');
    expect(result.grade).toBeNull();
    const line = (label: string) => result.breakdown.find((l: any) => l.label === label);
    expect(line('好差评满意率')).toMatchObject({ kind: 'COMPUTED', count: 4, metCount: 3, events: [] });
    expect(line('按时办结率')).toMatchObject({ count: 5, metCount: 3 });
    expect(line('超期办件').events.map((e: any) => e.kind)).toEqual(['APPLICATION', 'APPLICATION']);
    expect(line('差评（核实属实）').events).toHaveLength(1);
    expect(line('表扬')).toMatchObject({ count: 3, events: expect.arrayContaining([expect.objectContaining({ kind: 'COMMENDATION' })]) });
    // Written in one statement as JSON: nulls stay null.
    expect(line('表扬')).toMatchObject({ metCount: null, reason: null, createdBy: null });
    // A link opens the record behind it, within the viewer's rights.
    const linked = await gqlOk('query($id: ID!) { node(id: $id) { ... on Complaint { number outcome } } }', { id: line('投诉属实').events[0].id }, `centre_admin.${CODE}`);
    expect(linked.node.outcome).toBe('UPHELD');
  });

  it('锦州 第二十三条: a window’s result aggregates its staff and its own empty posts and notices; the chief representative is flagged only in an annual period (第十五条, 第二十四条)', async () => {
    const z01 = await resultOf(marchId, 'Z01', `centre_admin.${CODE}`, 'WINDOW');
    // 王 −18.5; 李 −11 (none of one rating satisfied: −10; the department's unanswered notice: −1): average −14.75.
    // Two empty posts at the window, whatever the cause; no notice to its department (公安局).
    expect(pointsByLabel(z01)).toEqual({ 窗口人员平均得失分: -14.75, 窗口空岗: -2, 督办逾期未反馈: 0 });
    expect(z01.score).toBe(83.25);
    expect(z01.breakdown.find((l: any) => l.label === '窗口空岗').events.map((e: any) => e.kind)).toEqual(['EMPTY_POST_EVENT', 'EMPTY_POST_EVENT']);
    expect((await resultOf(marchId, p.username)).chiefRepresentativeAnnual).toBe(false);

    const year = await gqlOk(OPEN, { input: { tenantCode: CODE, kind: 'YEAR', start: '2025-01-01' } }, `centre_admin.${CODE}`);
    expect((await resultOf(year.openAppraisalPeriod.id, p.username)).chiefRepresentativeAnnual).toBe(true);
    expect((await resultOf(year.openAppraisalPeriod.id, q.username)).chiefRepresentativeAnnual).toBe(false);
  });

  it('a period starts on the first day of its month, quarter or year, is opened once, and only by the centre’s own admin', async () => {
    const admin = `centre_admin.${CODE}`;
    const misaligned = await t.gql(OPEN, { input: { tenantCode: CODE, kind: 'QUARTER', start: '2025-02-01' } }, await token(admin));
    expect(codeOf(misaligned)).toBe('BAD_USER_INPUT');
    expect(misaligned.errors?.[0].extensions?.field).toBe('input.start');
    expect(codeOf(await t.gql(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-03-01' } }, await token(admin)))).toBe('CONFLICT');
    const quarter = await gqlOk(OPEN, { input: { tenantCode: CODE, kind: 'QUARTER', start: '2025-01-01' } }, admin);
    expect(quarter.openAppraisalPeriod).toMatchObject({ start: '2025-01-01', end: '2025-03-31', status: 'DRAFT' });
    // The city reads its counties but appraises their staff nowhere but in their own centre.
    const city = await t.gql(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-05-01' } }, await token(`centre_admin.${CITY}`));
    expect(codeOf(city)).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-05-01' } }, await token(`window_staff.${CODE}`)))).toBe('FORBIDDEN');
  });

  it('锦州 第十三条: whoever served in the period is appraised, even if released since; an inactive account that did not serve is not', async () => {
    const tenant = await tenantOf(CODE);
    const served = await newUser(CODE, '窗口服务部', [Role.WINDOW_STAFF], `zhao.${CODE}`);
    const idle = await newUser(CODE, '窗口服务部', [Role.APPROVER], `qian.${CODE}`);
    await caseOf(tenant.id, served.id, at('2025-08-12T17:00:00'), at('2025-08-11T09:00:00'));
    await repo(User).update({ id: In([served.id, idle.id]) }, { active: false });
    const august = (await gqlOk(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-08-01' } }, `centre_admin.${CODE}`)).openAppraisalPeriod;
    const result = await resultOf(august.id, served.username);
    expect(result.breakdown.find((l: any) => l.label === '按时办结率')).toMatchObject({ count: 1, metCount: 1 });
    expect(await resultOf(august.id, idle.username)).toBeUndefined();
  });
});

describe('grades, the quota and the bar', () => {
  it('锦州 第十五条 指标单列, 第十六条; 鞍山 四.3 (评先): EXCELLENT goes by score within the centre’s own quota; an EFFICIENCY_WARNING that year bars it and the next eligible person takes the place; ties go to fewer points lost, then the older account', async () => {
    const code = '210711';
    const admin = `centre_admin.${code}`;
    const tenant = await tenantOf(code);
    const people = [await newUser(code, '窗口服务部', [Role.APPROVER]), await newUser(code, '窗口服务部', [Role.APPROVER]), await newUser(code, '窗口服务部', [Role.APPROVER])];
    // The earliest new account is barred by a warning in January; the rules give the warning no points.
    await sanctionOf(people[0], SanctionKind.EFFICIENCY_WARNING, '2025-01-15');
    await gqlOk(SET_RULES, { input: { ...RULES, excellenceQuotaSeats: 2, items: [{ subjectKind: 'STAFF', source: 'COMMENDATION', mode: 'PER_EVENT', points: 1, label: '表扬' }] } }, admin);
    for (const person of [people[0], people[1], people[2], people[2]]) {
      await gqlOk('mutation($input: RecordCommendationInput!) { recordCommendation(input: $input) { id } }', { input: { personId: gid('User', person.id), kind: 'OTHER', receivedOn: '2025-06-02', note: '先进' } }, admin);
    }
    const open = await gqlOk(OPEN, { input: { tenantCode: code, kind: 'MONTH', start: '2025-06-01' } }, admin);
    const results = (await gqlOk(RESULTS, { id: open.openAppraisalPeriod.id, kind: 'STAFF' }, admin)).node.results.edges.map((e: any) => e.node);
    const of = (user: User) => results.find((r: any) => r.staff.username === user.username);
    // people[2] 102, people[0] and people[1] 101 (people[0] first by id), everyone else 100.
    expect([of(people[2]).rank, of(people[0]).rank, of(people[1]).rank]).toEqual([1, 2, 3]);
    expect(of(people[0])).toMatchObject({ excellenceBarred: true, proposedGrade: 'COMPETENT' });
    expect(of(people[2]).proposedGrade).toBe('EXCELLENT');
    expect(of(people[1]).proposedGrade).toBe('EXCELLENT');
    expect(results.filter((r: any) => r.proposedGrade === 'EXCELLENT')).toHaveLength(2);
    // Among the rest, tied at 100 and unbarred: none is EXCELLENT, the seats are taken.
    const rest = results.filter((r: any) => r.score === 100);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((r: any) => r.proposedGrade === 'COMPETENT')).toBe(true);
    expect(tenant.id).toBeGreaterThan(0);
  });

  it('锦州 第十五条: without seats of its own, the quota is a share of the people appraised, rounded down', async () => {
    const period = await gqlOk(RESULTS, { id: marchId, kind: 'STAFF' }, `centre_admin.${CODE}`);
    const results = period.node.results.edges.map((e: any) => e.node);
    const excellent = results.filter((r: any) => r.proposedGrade === 'EXCELLENT').length;
    expect(excellent).toBe(Math.floor(results.length * 0.2));
    expect(results.length).toBeGreaterThanOrEqual(5);
  });
});

describe('rules are versioned', () => {
  it('锦州 第二十三条: a period is scored with the rules in force when it was opened; a new version applies to periods opened later', async () => {
    const code = SIBLING;
    const admin = `centre_admin.${code}`;
    const person = await newUser(code, '窗口服务部', [Role.APPROVER]);
    await gqlOk('mutation($input: RecordCommendationInput!) { recordCommendation(input: $input) { id } }', { input: { personId: gid('User', person.id), kind: 'PRAISE_LETTER', receivedOn: '2025-03-03', note: '表扬信' } }, admin);
    const v1 = await gqlOk(SET_RULES, { input: { ...RULES, items: [{ subjectKind: 'STAFF', source: 'COMMENDATION', mode: 'PER_EVENT', points: 2, label: '表扬' }] } }, admin);
    expect(v1.setAppraisalRules.version).toBe(1);
    const march = (await gqlOk(OPEN, { input: { tenantCode: code, kind: 'MONTH', start: '2025-03-01' } }, admin)).openAppraisalPeriod;
    const v2 = await gqlOk(SET_RULES, { input: { ...RULES, items: [{ subjectKind: 'STAFF', source: 'COMMENDATION', mode: 'PER_EVENT', points: 5, label: '表扬' }] } }, admin);
    expect(v2.setAppraisalRules.version).toBe(2);
    // Recomputing the open period keeps its version.
    const recomputed = await gqlOk(RECOMPUTE, { input: { periodId: march.id, version: march.version } }, admin);
    expect(recomputed.recomputeAppraisal.rules.version).toBe(1);
    expect((await resultOf(march.id, person.username, admin)).score).toBe(102);
    // A period opened now takes version 2.
    const quarter = (await gqlOk(OPEN, { input: { tenantCode: code, kind: 'QUARTER', start: '2025-01-01' } }, admin)).openAppraisalPeriod;
    expect(quarter.rules.version).toBe(2);
    expect((await resultOf(quarter.id, person.username, admin)).score).toBe(105);
    // Both versions stay readable.
    const old = await gqlOk('query($code: String!) { appraisalRules(tenantCode: $code, version: 1) { version items { points } } }', { code }, admin);
    expect(old.appraisalRules).toEqual({ version: 1, items: [{ points: 2 }] });
  });

  it('bad rules are refused with every field at fault', async () => {
    const res = await t.gql(SET_RULES, { input: { ...RULES, excellentFrom: 70, items: [{ subjectKind: 'STAFF', source: 'ON_TIME_RATE', mode: 'PER_EVENT', points: 0.001, label: '' }, { subjectKind: 'WINDOW', source: 'COMMENDATION', mode: 'PER_EVENT', points: 1, label: 'x' }] } }, await token(`centre_admin.${CODE}`));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['input.excellentFrom', 'input.items.0.mode', 'input.items.0.points', 'input.items.0.label', 'input.items.1.source']));
  });
});

describe('review and publication', () => {
  it('锦州 第二十三条; 乌海 第九条 谈话, 年终评奖评优: an adjustment with a reason is a breakdown line and survives a recompute; publication locks the period: recompute and adjustment are refused, a correction is an adjusting entry beside the locked result', async () => {
    const admin = `centre_admin.${CODE}`;
    const period = (await gqlOk(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-02-01' } }, admin)).openAppraisalPeriod;
    let result = await resultOf(period.id, q.username);
    expect(result.score).toBe(100);
    const adjusted = await gqlOk(ADJUST, { input: { resultId: result.id, version: result.version, points: -1.5, reason: '工作日志缺记两次（乌海 第九条 考勤细则）' } }, admin);
    expect(adjusted.adjustAppraisalResult.score).toBe(98.5);
    expect(adjusted.adjustAppraisalResult.breakdown.at(-1)).toMatchObject({ kind: 'ADJUSTMENT', source: 'ADJUSTMENT', points: -1.5, reason: '工作日志缺记两次（乌海 第九条 考勤细则）', createdBy: { username: admin } });
    // A stale version is refused.
    expect(codeOf(await t.gql(ADJUST, { input: { resultId: result.id, version: result.version, points: 1, reason: 'x' } }, await token(admin)))).toBe('CONFLICT');

    const recomputed = (await gqlOk(RECOMPUTE, { input: { periodId: period.id, version: period.version } }, admin)).recomputeAppraisal;
    result = await resultOf(period.id, q.username);
    expect(result.score).toBe(98.5);

    const published = (await gqlOk(PUBLISH, { input: { periodId: period.id, version: recomputed.version } }, admin)).publishAppraisal;
    expect(published.status).toBe('PUBLISHED');
    result = await resultOf(period.id, q.username);
    expect(result.grade).toBe(result.proposedGrade);

    const refused = await t.gql(RECOMPUTE, { input: { periodId: period.id, version: published.version } }, await token(admin));
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].extensions?.status).toBe('PUBLISHED');
    expect(codeOf(await t.gql(PUBLISH, { input: { periodId: period.id, version: published.version } }, await token(admin)))).toBe('CONFLICT');

    const corrected = (await gqlOk(ADJUST, { input: { resultId: result.id, version: result.version, points: 1.5, reason: '复核：工作日志已补记' } }, admin)).adjustAppraisalResult;
    expect(corrected).toMatchObject({ score: 98.5, grade: result.grade, version: result.version, correctedScore: 100 });
    expect(corrected.breakdown.at(-1)).toMatchObject({ kind: 'CORRECTION', points: 1.5, reason: '复核：工作日志已补记' });
    // A rule change never touches a published result.
    await gqlOk(SET_RULES, { input: { ...RULES, baseScore: 90 } }, admin);
    expect((await resultOf(period.id, q.username)).score).toBe(98.5);
  });
});

describe('who sees what', () => {
  it('results and breakdowns reach the centre’s admins, the person, the head of the person’s department and auditors; other staff get null, and grades only their own once published', async () => {
    const admin = `centre_admin.${CODE}`;
    const period = (await gqlOk(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-01-01' } }, admin)).openAppraisalPeriod;
    await gqlOk('mutation($input: SetDepartmentHeadInput!) { setDepartmentHead(input: $input) { head { username } } }', { input: { departmentId: gid('Department', p.departmentId), headId: gid('User', head.id) } }, admin);
    const seen = async (viewer: string) => {
      const r = await resultOf(period.id, p.username, viewer);
      return { score: r.score, breakdown: r.breakdown === null ? null : r.breakdown.length > 0 };
    };
    for (const viewer of [admin, p.username, head.username, `auditor.${CODE}`]) expect(await seen(viewer)).toEqual({ score: expect.any(Number), breakdown: true });
    for (const viewer of [q.username, `approver.${CODE}`, `centre_admin.${CITY}`]) expect(await seen(viewer)).toEqual({ score: null, breakdown: null });
    // The redaction is reported.
    const res = await t.gql(RESULTS, { id: period.id, kind: 'STAFF' }, await token(q.username));
    expect(res.extensions?.redacted).toEqual(expect.arrayContaining(['AppraisalResult.score', 'AppraisalResult.breakdown']));

    await gqlOk(PUBLISH, { input: { periodId: period.id, version: period.version } }, admin);
    const own = await resultOf(period.id, q.username, q.username);
    expect(own.grade).toEqual(expect.any(String));
    expect((await resultOf(period.id, p.username, q.username)).grade).toBeNull();
  });

  it('the head of a department (部门负责人) is an active account of that department, set by the centre’s own admin', async () => {
    const admin = await token(`centre_admin.${CODE}`);
    const SET_HEAD = 'mutation($input: SetDepartmentHeadInput!) { setDepartmentHead(input: $input) { name head { username } } }';
    const outsider = await repo(User).findOneByOrFail({ username: `approver.${CODE}` });
    const wrong = await t.gql(SET_HEAD, { input: { departmentId: gid('Department', p.departmentId), headId: gid('User', outsider.id) } }, admin);
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.field).toBe('input.headId');
    const sibling = await departmentOf(SIBLING, '窗口服务部');
    expect(codeOf(await t.gql(SET_HEAD, { input: { departmentId: gid('Department', sibling.id), headId: null } }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(SET_HEAD, { input: { departmentId: gid('Department', p.departmentId), headId: null } }, await token(`centre_admin.${CITY}`)))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SET_HEAD, { input: { departmentId: gid('Department', p.departmentId), headId: null } }, await token(q.username)))).toBe('FORBIDDEN');
  });

  it('乌海 第九条 正向激励: a 非常满意 commendation names that person’s 非常满意 rating with a comment; hostile ids are refused', async () => {
    const admin = await token(`centre_admin.${CODE}`);
    const RECORD = 'mutation($input: RecordCommendationInput!) { recordCommendation(input: $input) { kind evaluation { level comment } } }';
    const plain = await ratingOf(p, window.id, EvaluationLevel.VERY_SATISFIED, at('2025-05-03T10:00:00'));
    const withComment = await ratingOf(p, window.id, EvaluationLevel.VERY_SATISFIED, at('2025-05-04T10:00:00'));
    await repo(Evaluation).update(withComment.id, { comment: '耐心细致，一次办好' });
    const input = (evaluationId: number | null, personId = p.id) => ({ input: { personId: gid('User', personId), kind: 'VERY_SATISFIED_COMMENT', evaluationId: evaluationId && gid('Evaluation', evaluationId), receivedOn: '2025-05-03', note: '非常满意并留言' } });
    expect(codeOf(await t.gql(RECORD, input(plain.id), admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RECORD, input(withComment.id, q.id), admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RECORD, input(null), admin))).toBe('BAD_USER_INPUT');
    const ok = await t.gql(RECORD, input(withComment.id), admin);
    expect(ok.data?.recordCommendation).toEqual({ kind: 'VERY_SATISFIED_COMMENT', evaluation: { level: 'VERY_SATISFIED', comment: '耐心细致，一次办好' } });
    const hostile = await t.gql(RECORD, { input: { ...input(null).input, kind: 'PRAISE_LETTER', personId: gid('Window', window.id) } }, admin);
    expect(hostile.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personId' });
    const elsewhere = await repo(User).findOneByOrFail({ username: `window_staff.${SIBLING}` });
    expect(codeOf(await t.gql(RECORD, { input: { ...input(null, elsewhere.id).input, kind: 'PRAISE_LETTER' } }, admin))).toBe('BAD_USER_INPUT');
  });

  it('another centre sees nothing: not the periods, not a result by id', async () => {
    const sibling = await token(`centre_admin.${SIBLING}`);
    const list = await t.gql(`query { appraisalPeriods(filter: { tenantCode: "${CODE}" }) { edges { node { id } } } }`, {}, sibling);
    expect(list.data?.appraisalPeriods.edges).toEqual([]);
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: marchId }, sibling)).data?.node).toBeNull();
    const result = await resultOf(marchId, p.username);
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: result.id }, sibling)).data?.node).toBeNull();
    const adjust = await t.gql(ADJUST, { input: { resultId: result.id, version: result.version, points: 1, reason: '越权' } }, sibling);
    expect(codeOf(adjust)).toBe('NOT_FOUND');
  });

  it('an auditor reads but never writes', async () => {
    const auditor = await token(`auditor.${CODE}`);
    const result = await resultOf(marchId, p.username);
    const attempts: GraphQLResponse[] = [
      await t.gql(OPEN, { input: { tenantCode: CODE, kind: 'MONTH', start: '2025-07-01' } }, auditor),
      await t.gql(ADJUST, { input: { resultId: result.id, version: result.version, points: 1, reason: 'x' } }, auditor),
      await t.gql(SET_RULES, { input: RULES }, auditor),
      await t.gql(RECOMPUTE, { input: { periodId: marchId, version: 1 } }, auditor),
    ];
    for (const res of attempts) expect(codeOf(res)).toBe('READ_ONLY_ROLE');
  });
});

describe('a bounded draft', () => {
  it('the draft is computed in the same number of statements for 20 and for 200 staff', async () => {
    const counts: number[] = [];
    for (const [code, staff] of [['210781', 20], ['210782', 200]] as const) {
      await addApprovers(code, staff);
      const admin = `centre_admin.${code}`;
      await gqlOk(SET_RULES, { input: RULES }, admin);
      // A first period warms the process-wide calendar cache, which would cost the first centre a statement more.
      await gqlOk(OPEN, { input: { tenantCode: code, kind: 'MONTH', start: '2024-02-01' } }, admin);
      const res = await t.gql(`mutation($input: OpenAppraisalPeriodInput!) { openAppraisalPeriod(input: $input) { id } }`, { input: { tenantCode: code, kind: 'YEAR', start: '2024-01-01' } }, await token(admin));
      expect(res.errors).toBeUndefined();
      counts.push(res.sqlStatements);
      const listed = await gqlOk(RESULTS, { id: res.data?.openAppraisalPeriod.id, kind: 'STAFF' }, admin);
      expect(listed.node.results.edges.length).toBeGreaterThanOrEqual(Math.min(staff, 40));
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
