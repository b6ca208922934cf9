import request from 'supertest';
import { In } from 'typeorm';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { decodeGlobalId, encodeGlobalId } from '../src/graphql/global-id';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { Window } from '../src/modules/windows/entities';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import { PROGRESS_THROTTLE } from '../src/modules/applications/progress';
import { Evaluation, Rectification } from '../src/modules/evaluations/entities';

/**
 * 好差评 and 整改 in 海城市 (210381), a county of 鞍山市 (210300) with demo cases; 鞍山
 * 铁东区 (210302) is another centre of the same city. The demo ratings are elsewhere.
 */
const CODE = '210381';
const OTHER = '210302';
const CITY = '210300';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(null));

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const gid = (type: string, row: { id: number }) => encodeGlobalId(type, row.id);
const token = (username: string) => t.tokenOf(username);
const iso = (value: string) => new Date(value).toISOString();

/** A request without a token from one client address (a trusted proxy's X-Forwarded-For). */
async function anonymous(query: string, variables: Record<string, unknown>, ip: string): Promise<GraphQLResponse<any>> {
  const res = await request(t.app).post('/graphql').set('content-type', 'application/json').set('accept-language', 'en').set('x-forwarded-for', ip).send({ query, variables });
  return { status: res.status, ...res.body, sqlStatements: 0 };
}

let ipCounter = 10;
const freshIp = () => `203.0.113.${(ipCounter += 1)}`;

const EVALUATE = 'mutation($input: EvaluateCaseInput!) { evaluateCase(input: $input) { applicationNumber level ratedAt returnVisitDueAt } }';
const RECTIFICATION = 'id version status stage late verifyDueAt rectifyDueAt dueAt plan actionTaken returnVisitSatisfied responsibleStaff { username } responsibleDepartment { name } timeline { action fromStatus toStatus actor { username } }';
const EVALUATION = `id channel level rating bad reasons comment raterName raterContact ratedAt servedAt matter { code } window { number } staff { username } department { name } application { number } rectification { ${RECTIFICATION} }`;
const RECORD = `mutation($input: RecordEvaluationInput!) { recordEvaluation(input: $input) { ${EVALUATION} } }`;

/** Finished demo cases of 海城市, each handed out once. */
let finished: Application[] = [];
async function finishedCase(): Promise<Application> {
  if (finished.length === 0) {
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    finished = await repo(Application).find({ where: { tenantId: tenant.id, status: In([ApplicationStatus.DELIVERED, ApplicationStatus.APPROVED, ApplicationStatus.DENIED, ApplicationStatus.RESULT_READY]) }, order: { id: 'ASC' } });
  }
  const next = finished.shift();
  if (!next) throw new Error('no finished demo case left');
  return next;
}

const publicRating = (application: Application, extra: Record<string, unknown> = {}, ip = freshIp()) =>
  anonymous(EVALUATE, { input: { applicationNumber: application.number, phoneLast4: application.applicantPhone.slice(-4), channel: 'ONLINE', level: 'SATISFIED', ...extra } }, ip);

async function record(username: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(RECORD, { input: { channel: 'HOTLINE_12345', level: 'SATISFIED', ...input } }, await token(username));
}

async function step(username: string, mutation: string, inputType: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${RECTIFICATION} } }`, { input }, await token(username));
}

async function evaluationOf(application: Application, username = `centre_admin.${CODE}`): Promise<any> {
  const row = await repo(Evaluation).findOneByOrFail({ applicationId: application.id });
  const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on Evaluation { ${EVALUATION} } } }`, { id: gid('Evaluation', row) }, await token(username));
  expect(res.errors).toBeUndefined();
  return res.data!.node;
}

describe('public rating (网上/短信/扫码评价)', () => {
  it('锦州 第二十六条: a finished case is rated without a token by its number and the phone’s last four digits; a wrong pair answers null, like a number that does not exist', async () => {
    t.clock.set('2026-11-02T10:00:00+08:00');
    const kase = await finishedCase();
    const ok = await publicRating(kase, { level: 'VERY_SATISFIED', comment: '一次办好' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.evaluateCase).toEqual({ applicationNumber: kase.number, level: 'VERY_SATISFIED', ratedAt: expect.any(String), returnVisitDueAt: null });
    // Tied to the case's receiving window and staff and its implementing department.
    const stored = await repo(Evaluation).findOneByOrFail({ applicationId: kase.id });
    expect(stored).toMatchObject({ channel: 'ONLINE', windowId: kase.receivingWindowId, staffId: kase.receivedById, departmentId: kase.departmentId, matterId: kase.matterId, recordedById: null });

    const other = await finishedCase();
    const wrongDigit = String((Number(other.applicantPhone.slice(-1)) + 1) % 10);
    const wrong = await publicRating(other, { phoneLast4: other.applicantPhone.slice(-4, -1) + wrongDigit });
    const unknown = await publicRating(other, { applicationNumber: `${CODE}-20260101-999999` });
    expect(wrong.errors).toBeUndefined();
    expect(wrong.data).toEqual({ evaluateCase: null });
    expect(unknown.data).toEqual({ evaluateCase: null });
    expect(await repo(Evaluation).countBy({ applicationId: other.id })).toBe(0);

    // Another centre's case with its own digits is found the same way (the number names the centre).
    const tenant = await repo(Tenant).findOneByOrFail({ code: OTHER });
    const elsewhere = await repo(Application).findOneByOrFail({ tenantId: tenant.id, status: ApplicationStatus.DELIVERED });
    expect((await publicRating(elsewhere)).data.evaluateCase.applicationNumber).toBe(elsewhere.number);
  });

  it('锦州 第二十六条: wrong pairs count against the client like the progress lookup, and share its budget', async () => {
    const kase = await finishedCase();
    const ip = freshIp();
    for (let i = 0; i < PROGRESS_THROTTLE.maxAttempts; i += 1) {
      const res = await publicRating(kase, { phoneLast4: '0000' === kase.applicantPhone.slice(-4) ? '0001' : '0000' }, ip);
      expect(res.data).toEqual({ evaluateCase: null });
    }
    const refused = await publicRating(kase, {}, ip);
    expect(codeOf(refused)).toBe('TOO_MANY_ATTEMPTS');
    // The progress lookup of the same client is refused too: one budget for the one credential.
    const progress = await anonymous('query($n: String!, $p: String!) { applicationProgress(number: $n, phoneLast4: $p) { status } }', { n: kase.number, p: kase.applicantPhone.slice(-4) }, ip);
    expect(codeOf(progress)).toBe('TOO_MANY_ATTEMPTS');
    expect(await repo(Evaluation).countBy({ applicationId: kase.id })).toBe(0);
  });

  it('锦州 第二十六条: only a finished case is rated (CONFLICT for one under review)', async () => {
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const running = await repo(Application).findOneByOrFail({ tenantId: tenant.id, status: ApplicationStatus.UNDER_REVIEW });
    const res = await publicRating(running);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.extensions?.status).toBe('UNDER_REVIEW');
  });
});

describe('one rating per case and channel', () => {
  it('锦州 第二十六条: a second rating of a case through the same channel is CONFLICT; another channel is a rating of its own', async () => {
    t.clock.set('2026-11-03T10:00:00+08:00');
    const kase = await finishedCase();
    expect((await publicRating(kase)).errors).toBeUndefined();
    const again = await publicRating(kase, { level: 'VERY_DISSATISFIED', reasons: ['ATTITUDE'] });
    expect(codeOf(again)).toBe('CONFLICT');
    expect((await publicRating(kase, { channel: 'QR_CODE' })).errors).toBeUndefined();
    // The rating pad, under the session of the clerk who staffs the receiving window (its chief representative).
    const pad = await record(`window_staff.${CODE}`, { channel: 'WINDOW_DEVICE', applicationNumber: kase.number, level: 'VERY_SATISFIED' });
    expect(pad.errors).toBeUndefined();
    expect(pad.data!.recordEvaluation).toMatchObject({ channel: 'WINDOW_DEVICE', rating: 5, bad: false, staff: { username: `window_staff.${CODE}` }, window: { number: 'A01' } });
    expect(codeOf(await record(`window_staff.${CODE}`, { channel: 'WINDOW_DEVICE', applicationNumber: kase.number }))).toBe('CONFLICT');
    // No 差评 slipped in with the refused one.
    expect(await repo(Evaluation).countBy({ applicationId: kase.id })).toBe(3);
    expect(await repo(Rectification).count({ where: { evaluationId: In((await repo(Evaluation).findBy({ applicationId: kase.id })).map((e) => e.id)) } })).toBe(0);
  });

  it('锦州 第二十六条: the pad rates only cases and services at a window its staff member staffs now', async () => {
    const kase = await finishedCase();
    // staff03 holds posts at A03 and A04, not at the 综合受理 window A01 that received the case.
    const notHere = await record(`staff03.${CODE}`, { channel: 'WINDOW_DEVICE', applicationNumber: kase.number });
    expect(codeOf(notHere)).toBe('FORBIDDEN');
    const consultation = await record(`staff03.${CODE}`, { channel: 'WINDOW_DEVICE', windowNumber: 'A03', level: 'VERY_SATISFIED' });
    expect(consultation.errors).toBeUndefined();
    expect(consultation.data!.recordEvaluation).toMatchObject({ window: { number: 'A03' }, staff: { username: `staff03.${CODE}` }, application: null });
    expect(codeOf(await record(`staff03.${CODE}`, { channel: 'WINDOW_DEVICE', windowNumber: 'A01' }))).toBe('FORBIDDEN');
  });
});

describe('差评 → 整改', () => {
  it('锦州 第十一条 (预警纠错) and 第二十六条: a 差评 opens a rectification, verification due in 1 working day and rectification in 15, on the calendar across 国庆节', async () => {
    const admin = `centre_admin.${CODE}`;
    await token(admin);
    const kase = await finishedCase();
    // Wednesday 30 September 2026; 1-7 October is 国庆节, Saturday 10 October a make-up working day.
    t.clock.set('2026-09-30T10:00:00+08:00');
    const rated = await publicRating(kase, { level: 'VERY_DISSATISFIED', reasons: ['REPEATED_VISITS', 'MATERIAL_REQUIREMENTS'], comment: '跑了三趟' });
    expect(rated.errors).toBeUndefined();
    // The next working day after 30 September is 8 October: the return visit is due by its end.
    expect(iso(rated.data.evaluateCase.returnVisitDueAt)).toBe('2026-10-08T15:59:59.999Z');

    const opened = (await evaluationOf(kase)).rectification;
    expect(opened).toMatchObject({ status: 'AWAITING_VERIFICATION', stage: 'VERIFICATION', late: false, rectifyDueAt: null, responsibleStaff: { username: `window_staff.${CODE}` } });
    expect(iso(opened.verifyDueAt)).toBe('2026-10-08T15:59:59.999Z');
    expect(opened.timeline).toEqual([{ action: 'OPEN', fromStatus: null, toStatus: 'AWAITING_VERIFICATION', actor: null }]);

    // 9 October: the return visit is late, and 电子监察 says so.
    t.clock.set('2026-10-09T09:00:00+08:00');
    const alerts = await t.gql(`{ supervisionAlerts(tenantCode: "${CODE}") { tenant { code } lateRectifications { id stage late } } }`, {}, await token(admin));
    expect(alerts.errors).toBeUndefined();
    const group = alerts.data!.supervisionAlerts.find((g: any) => g.tenant.code === CODE);
    expect(group.lateRectifications).toContainEqual({ id: opened.id, stage: 'VERIFICATION', late: true });
    // 预警纠错: the supervision check issues one notice for it, to the staff member rated and the department, and only once.
    const check = `mutation { runSupervisionCheck(tenantCode: "${CODE}") { issued { causeKind reason person { username } } } }`;
    const forThis = (res: any) => res.data!.runSupervisionCheck.issued.filter((n: any) => n.causeKind === 'RECTIFICATION_OVERDUE' && n.reason.includes(`#${decodeGlobalId(opened.id).id} `));
    const first = await t.gql(check, {}, await token(admin));
    expect(first.errors).toBeUndefined();
    expect(forThis(first)).toEqual([{ causeKind: 'RECTIFICATION_OVERDUE', reason: expect.stringContaining('回访核实已超期'), person: { username: `window_staff.${CODE}` } }]);
    expect(forThis(await t.gql(check, {}, await token(admin)))).toEqual([]);

    // Verified valid on 8 October at 10:00 (the clock set back): 15 working days, counting Saturday 10 October, end on 28 October.
    t.clock.set('2026-10-08T10:00:00+08:00');
    const missingPlan = await step(admin, 'verifyRectification', 'VerifyRectificationInput', { id: opened.id, version: opened.version, valid: true, note: '电话回访属实' });
    expect(codeOf(missingPlan)).toBe('BAD_USER_INPUT');
    expect(missingPlan.errors?.[0]?.extensions?.field).toBe('input.plan');
    const verified = await step(admin, 'verifyRectification', 'VerifyRectificationInput', { id: opened.id, version: opened.version, valid: true, note: '电话回访属实', plan: '统一材料清单并公示' });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyRectification).toMatchObject({ status: 'VERIFIED_VALID', stage: 'RECTIFICATION', plan: '统一材料清单并公示' });
    expect(iso(verified.data!.verifyRectification.rectifyDueAt)).toBe('2026-10-28T15:59:59.999Z');
    expect(iso(verified.data!.verifyRectification.dueAt)).toBe('2026-10-28T15:59:59.999Z');
    // A stale version loses.
    const stale = await step(admin, 'completeRectification', 'CompleteRectificationInput', { id: opened.id, version: opened.version, actionTaken: '已整改' });
    expect(codeOf(stale)).toBe('CONFLICT');

    t.clock.set('2026-10-20T10:00:00+08:00');
    const done = await step(admin, 'completeRectification', 'CompleteRectificationInput', { id: opened.id, version: verified.data!.verifyRectification.version, actionTaken: '材料清单已统一并在窗口公示' });
    expect(done.data!.completeRectification).toMatchObject({ status: 'RECTIFIED', stage: null, late: false, dueAt: null });
    const closed = await step(admin, 'recordRectificationReturnVisit', 'RectificationReturnVisitInput', { id: opened.id, version: done.data!.completeRectification.version, satisfied: true, note: '满意' });
    expect(closed.data!.recordRectificationReturnVisit).toMatchObject({ status: 'CLOSED', returnVisitSatisfied: true });
    expect(closed.data!.recordRectificationReturnVisit.timeline.map((e: any) => [e.action, e.toStatus, e.actor?.username ?? null])).toEqual([
      ['OPEN', 'AWAITING_VERIFICATION', null],
      ['VERIFY', 'VERIFIED_VALID', admin],
      ['RECTIFY', 'RECTIFIED', admin],
      ['RETURN_VISIT', 'CLOSED', admin],
    ]);
    // Closed: no further step.
    expect(codeOf(await step(admin, 'recordRectificationReturnVisit', 'RectificationReturnVisitInput', { id: opened.id, version: closed.data!.recordRectificationReturnVisit.version, satisfied: true }))).toBe('CONFLICT');
  });

  it('锦州 第二十六条: a 差评 found not valid ends there; the limits are the centre’s settings', async () => {
    const admin = `centre_admin.${CODE}`;
    t.clock.set('2026-11-04T10:00:00+08:00');
    const settings = await t.gql('mutation($input: EvaluationSettingsInput!) { setEvaluationSettings(input: $input) { verifyWorkingDays rectifyWorkingDays version } }', { input: { verifyWorkingDays: 2, rectifyWorkingDays: 10 } }, await token(admin));
    expect(settings.data!.setEvaluationSettings).toEqual({ verifyWorkingDays: 2, rectifyWorkingDays: 10, version: 1 });
    const kase = await finishedCase();
    const rated = await record(admin, { applicationNumber: kase.number, level: 'DISSATISFIED', reasons: ['FEES'] });
    expect(rated.errors).toBeUndefined();
    const opened = rated.data!.recordEvaluation.rectification;
    // Wednesday 4 November + 2 working days = Friday 6 November.
    expect(iso(opened.verifyDueAt)).toBe('2026-11-06T15:59:59.999Z');
    const notValid = await step(admin, 'verifyRectification', 'VerifyRectificationInput', { id: opened.id, version: opened.version, valid: false, note: '该事项依法不收费，办事人误解' });
    expect(notValid.data!.verifyRectification).toMatchObject({ status: 'NOT_VALID', stage: null, dueAt: null, rectifyDueAt: null });
    // Back to the defaults for the other tests; without the version it is CONFLICT.
    expect(codeOf(await t.gql('mutation($input: EvaluationSettingsInput!) { setEvaluationSettings(input: $input) { version } }', { input: { verifyWorkingDays: 1, rectifyWorkingDays: 15 } }, await token(admin)))).toBe('CONFLICT');
    const reset = await t.gql('mutation($input: EvaluationSettingsInput!) { setEvaluationSettings(input: $input) { version } }', { input: { verifyWorkingDays: 1, rectifyWorkingDays: 15, version: 1 } }, await token(admin));
    expect(reset.errors).toBeUndefined();
  });
});

describe('who sees the rater', () => {
  it('锦州 第二十六条 with 第二十七条’s rule for complaints: the staff member rated sees the rating, never who gave it; centre admins in clear, auditors masked', async () => {
    t.clock.set('2026-11-05T10:00:00+08:00');
    const kase = await finishedCase();
    expect((await publicRating(kase, { level: 'DISSATISFIED', reasons: ['ATTITUDE'], comment: '态度生硬' })).errors).toBeUndefined();
    const rated = `window_staff.${CODE}`;
    const list = await t.gql(`{ evaluations(first: 20) { totalCount edges { node { ${EVALUATION} } } } }`, {}, await token(rated));
    expect(list.errors).toBeUndefined();
    const mine = list.data!.evaluations.edges.map((e: any) => e.node);
    expect(mine.length).toBeGreaterThan(0);
    for (const node of mine) {
      expect(node.staff.username).toBe(rated);
      expect(node.raterName).toBeNull();
      expect(node.raterContact).toBeNull();
      expect(node.application).toBeNull();
      // Nor which case: its matter and decision time would name it.
      expect(node.matter).toBeNull();
      expect(node.servedAt).toBeNull();
    }
    expect(list.extensions?.redacted).toEqual(expect.arrayContaining(['Evaluation.raterName', 'Evaluation.raterContact', 'Evaluation.application', 'Evaluation.matter', 'Evaluation.servedAt']));
    const row = mine.find((n: any) => n.comment === '态度生硬');
    expect(row.rectification.status).toBe('AWAITING_VERIFICATION');
    // Nor may the rated staff member handle it.
    expect(codeOf(await step(rated, 'verifyRectification', 'VerifyRectificationInput', { id: row.rectification.id, version: row.rectification.version, valid: false, note: '不属实' }))).toBe('FORBIDDEN');

    const admin = await evaluationOf(kase);
    expect(admin).toMatchObject({ raterName: kase.applicantName, raterContact: kase.applicantPhone, application: { number: kase.number }, matter: { code: expect.any(String) } });
    expect(iso(admin.servedAt)).toBe((kase.decidedAt ?? kase.receivedAt).toISOString());
    const auditor = await evaluationOf(kase, `auditor.${CODE}`);
    expect(auditor.raterName).not.toBe(kase.applicantName);
    expect(auditor.raterName).toContain('*');
    expect(auditor.raterContact).not.toBe(kase.applicantPhone);
    // A centre admin who is rated (a 咨询 they served, by 12345) is refused the rater too, and may not handle it.
    const centreAdmin = await repo(User).findOneByOrFail({ username: `centre_admin.${CODE}` });
    const aboutAdmin = await record(`supervisor.${CODE}`, { windowNumber: 'A02', staffId: gid('User', centreAdmin), servedAt: '2026-11-05T09:00:00+08:00', level: 'DISSATISFIED', reasons: ['ATTITUDE'], raterName: '来电群众', raterContact: '13800002222' });
    expect(aboutAdmin.errors).toBeUndefined();
    const asRated = await t.gql(`query($id: ID!) { node(id: $id) { ... on Evaluation { raterName raterContact rectification { id version } } } }`, { id: aboutAdmin.data!.recordEvaluation.id }, await token(`centre_admin.${CODE}`));
    expect(asRated.data!.node).toMatchObject({ raterName: null, raterContact: null });
    expect(asRated.extensions?.redacted).toEqual(expect.arrayContaining(['Evaluation.raterName', 'Evaluation.raterContact']));
    const own = asRated.data!.node.rectification;
    expect(codeOf(await step(`centre_admin.${CODE}`, 'verifyRectification', 'VerifyRectificationInput', { id: own.id, version: own.version, valid: false, note: '不属实' }))).toBe('FORBIDDEN');
    expect((await evaluationOf(kase)).raterName).toBe(kase.applicantName);

    // Another clerk who was not rated sees none of these ratings.
    const others = await t.gql('{ evaluations(first: 100) { edges { node { staff { username } } } } }', {}, await token(`staff05.${CODE}`));
    expect(others.data!.evaluations.edges.every((e: any) => e.node.staff.username === `staff05.${CODE}`)).toBe(true);
  });
});

describe('evaluationStats', () => {
  it('锦州 第二十六条: the figures per window, staff member, matter and centre match a hand count', async () => {
    const admin = `centre_admin.${CODE}`;
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const staff02 = await repo(User).findOneByOrFail({ username: `staff02.${CODE}` });
    const [a, b, c, d] = [await finishedCase(), await finishedCase(), await finishedCase(), await finishedCase()];
    // Tuesday 4 August 2026 (no holidays in August): four ratings of cases received at A01, two 咨询 at A02.
    t.clock.set('2026-08-04T10:00:00+08:00');
    const ok = (res: GraphQLResponse<any>) => {
      expect(res.errors).toBeUndefined();
      return res.data!.recordEvaluation;
    };
    ok(await record(admin, { applicationNumber: a.number, level: 'VERY_SATISFIED' }));
    ok(await record(admin, { applicationNumber: b.number, level: 'SATISFIED' }));
    const bad1 = ok(await record(admin, { applicationNumber: c.number, level: 'DISSATISFIED', reasons: ['EFFICIENCY'] })).rectification;
    const bad2 = ok(await record(admin, { applicationNumber: d.number, level: 'VERY_DISSATISFIED', reasons: ['ATTITUDE', 'OTHER'] })).rectification;
    ok(await record(admin, { windowNumber: 'A02', staffId: gid('User', staff02), servedAt: '2026-08-04T09:00:00+08:00', level: 'BASICALLY_SATISFIED', raterName: '来电群众', raterContact: '13800001111' }));
    ok(await record(`staff02.${CODE}`, { channel: 'WINDOW_DEVICE', windowNumber: 'A02', level: 'VERY_SATISFIED' }));
    // bad1 rectified on time (due 25 August), bad2 late (1 September).
    const verify = async (r: any) => (await step(admin, 'verifyRectification', 'VerifyRectificationInput', { id: r.id, version: r.version, valid: true, note: '属实', plan: '整改' })).data!.verifyRectification;
    const v1 = await verify(bad1);
    const v2 = await verify(bad2);
    expect(iso(v1.rectifyDueAt)).toBe('2026-08-25T15:59:59.999Z');
    t.clock.set('2026-08-05T10:00:00+08:00');
    expect((await step(admin, 'completeRectification', 'CompleteRectificationInput', { id: v1.id, version: v1.version, actionTaken: '已整改' })).errors).toBeUndefined();
    t.clock.set('2026-09-01T10:00:00+08:00');
    const lateDone = await step(admin, 'completeRectification', 'CompleteRectificationInput', { id: v2.id, version: v2.version, actionTaken: '已整改' });
    expect(lateDone.data!.completeRectification.late).toBe(true);

    interface StatsRow {
      total: number;
      window: { number: string } | null;
      staff: { username: string } | null;
      matter: { code: string } | null;
    }
    const stats = async (code: string, groupBy: string, username = admin) => {
      const res = await t.gql<{ evaluationStats: StatsRow[] }>(
        `query($code: String!, $g: EvaluationGrouping!) { evaluationStats(tenantCode: $code, from: "2026-08-04T00:00:00+08:00", to: "2026-08-05T00:00:00+08:00", groupBy: $g) {
          total verySatisfied satisfied basicallySatisfied dissatisfied veryDissatisfied satisfactionRate badCount rectified rectifiedOnTime
          tenant { code } window { number } staff { username } matter { code } } }`,
        { code, g: groupBy },
        await token(username),
      );
      expect(res.errors).toBeUndefined();
      return { rows: res.data!.evaluationStats, sql: res.sqlStatements };
    };
    const A01 = { total: 4, verySatisfied: 1, satisfied: 1, basicallySatisfied: 0, dissatisfied: 1, veryDissatisfied: 1, satisfactionRate: 0.5, badCount: 2, rectified: 2, rectifiedOnTime: 1 };
    const A02 = { total: 2, verySatisfied: 1, satisfied: 0, basicallySatisfied: 1, dissatisfied: 0, veryDissatisfied: 0, satisfactionRate: 1, badCount: 0, rectified: 0, rectifiedOnTime: 0 };
    const byWindow = await stats(CODE, 'WINDOW');
    expect(byWindow.rows).toHaveLength(2);
    expect(byWindow.rows.find((r) => r.window?.number === 'A01')).toMatchObject(A01);
    expect(byWindow.rows.find((r) => r.window?.number === 'A02')).toMatchObject(A02);
    const byStaff = (await stats(CODE, 'STAFF')).rows;
    expect(byStaff.find((r) => r.staff?.username === `window_staff.${CODE}`)).toMatchObject(A01);
    expect(byStaff.find((r) => r.staff?.username === `staff02.${CODE}`)).toMatchObject(A02);
    const byMatter = (await stats(CODE, 'MATTER')).rows;
    expect(byMatter.reduce((sum, r) => sum + r.total, 0)).toBe(6);
    expect(byMatter.find((r) => r.matter === null)).toMatchObject({ total: 2, verySatisfied: 1, basicallySatisfied: 1 });
    // The city, over its counties and districts: 海城市 alone rated that day.
    const byTenant = await stats(CITY, 'TENANT', `centre_admin.${CITY}`);
    expect(byTenant.rows).toEqual([
      { total: 6, verySatisfied: 2, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, veryDissatisfied: 1, satisfactionRate: 0.6667, badCount: 2, rectified: 2, rectifiedOnTime: 1, tenant: { code: tenant.code }, window: null, staff: null, matter: null },
    ]);
    // Computed in SQL: the figures take one statement beside the tenant lookups and the group names.
    expect(byWindow.sql).toBeLessThanOrEqual(6);
  });
});

describe('authorization', () => {
  it('DESIGN §3: auditors read ratings, rectifications and figures, and every write is READ_ONLY_ROLE', async () => {
    const auditor = await token(`auditor.${CODE}`);
    const read = await t.gql('{ evaluations(first: 5) { totalCount } rectifications(first: 5) { totalCount edges { node { id version } } } }', {}, auditor);
    expect(read.errors).toBeUndefined();
    expect(read.data!.evaluations.totalCount).toBeGreaterThan(0);
    const stats = await t.gql(`{ evaluationStats(tenantCode: "${CODE}", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", groupBy: TENANT) { total } }`, {}, auditor);
    expect(stats.errors).toBeUndefined();
    const kase = await finishedCase();
    const r = read.data!.rectifications.edges[0].node;
    const writes: [string, string, Record<string, unknown>][] = [
      [RECORD, 'recordEvaluation', { input: { channel: 'HOTLINE_12345', applicationNumber: kase.number, level: 'SATISFIED', reasons: [] } }],
      [`mutation($input: VerifyRectificationInput!) { verifyRectification(input: $input) { id } }`, 'verifyRectification', { input: { id: r.id, version: r.version, valid: false, note: 'x' } }],
      [`mutation($input: CompleteRectificationInput!) { completeRectification(input: $input) { id } }`, 'completeRectification', { input: { id: r.id, version: r.version, actionTaken: 'x' } }],
      [`mutation($input: RectificationReturnVisitInput!) { recordRectificationReturnVisit(input: $input) { id } }`, 'recordRectificationReturnVisit', { input: { id: r.id, version: r.version, satisfied: true } }],
      ['mutation($input: EvaluationSettingsInput!) { setEvaluationSettings(input: $input) { version } }', 'setEvaluationSettings', { input: { verifyWorkingDays: 3, rectifyWorkingDays: 20 } }],
      [EVALUATE, 'evaluateCase', { input: { applicationNumber: kase.number, phoneLast4: kase.applicantPhone.slice(-4), channel: 'ONLINE', level: 'SATISFIED' } }],
    ];
    for (const [query, name, variables] of writes) {
      const res = await t.gql(query, variables, auditor);
      expect([name, codeOf(res)]).toEqual([name, 'READ_ONLY_ROLE']);
    }
    expect(await repo(Evaluation).countBy({ applicationId: kase.id })).toBe(0);
  });

  it('DESIGN §3.1: another centre’s ratings and rectifications behave like ids that do not exist', async () => {
    t.clock.set('2026-11-06T10:00:00+08:00');
    const kase = await finishedCase();
    const rated = await record(`centre_admin.${CODE}`, { applicationNumber: kase.number, level: 'VERY_DISSATISFIED', reasons: ['EFFICIENCY'] });
    const evaluation = rated.data!.recordEvaluation;
    const stranger = await token(`centre_admin.${OTHER}`);
    const nodes = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [evaluation.id, evaluation.rectification.id, `${evaluation.rectification.id}`] }, stranger);
    expect(nodes.data!.nodes).toEqual([null, null, null]);
    const verify = await step(`centre_admin.${OTHER}`, 'verifyRectification', 'VerifyRectificationInput', { id: evaluation.rectification.id, version: evaluation.rectification.version, valid: false, note: '不属实' });
    expect(codeOf(verify)).toBe('NOT_FOUND');
    const list = await t.gql('{ evaluations(first: 100) { edges { node { id } } } rectifications(first: 100) { edges { node { id } } } }', {}, stranger);
    expect(list.data!.evaluations.edges.map((e: any) => e.node.id)).not.toContain(evaluation.id);
    expect(list.data!.rectifications.edges.map((e: any) => e.node.id)).not.toContain(evaluation.rectification.id);
    const stats = await t.gql(`{ evaluationStats(tenantCode: "${CODE}", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", groupBy: WINDOW) { total } }`, {}, stranger);
    expect(codeOf(stats)).toBe('NOT_FOUND');
    // A case of another centre cannot be rated by number from here.
    expect(codeOf(await record(`centre_admin.${OTHER}`, { applicationNumber: kase.number, channel: 'HOTLINE_12345' }))).toBe('NOT_FOUND');
    const alerts = await t.gql(`{ supervisionAlerts(tenantCode: "${CODE}") { lateRectifications { id } } }`, {}, stranger);
    expect(alerts.data!.supervisionAlerts).toEqual([]);
  });
});

describe('hostile input', () => {
  it('锦州 第二十六条: reasons only with the two lowest levels, and required there; every field at fault at once', async () => {
    const kase = await finishedCase();
    const good = await publicRating(kase, { level: 'SATISFIED', reasons: ['ATTITUDE'] });
    expect(codeOf(good)).toBe('BAD_USER_INPUT');
    expect(good.errors?.[0]?.extensions?.field).toBe('input.reasons');
    const bad = await publicRating(kase, { level: 'DISSATISFIED', reasons: [], comment: '差'.repeat(501) });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const fields = [bad.errors![0].extensions!.field, ...((bad.errors![0].extensions!.fields as { field: string }[] | undefined) ?? []).map((f) => f.field)];
    expect(fields).toEqual(expect.arrayContaining(['input.reasons', 'input.comment']));
    const repeated = await publicRating(kase, { level: 'DISSATISFIED', reasons: ['FEES', 'FEES'] });
    expect(repeated.errors?.[0]?.extensions?.field).toBe('input.reasons');
    const unknownReason = await publicRating(kase, { level: 'DISSATISFIED', reasons: ['BRIBE'] });
    expect(unknownReason.status).toBe(400);
    expect(await repo(Evaluation).countBy({ applicationId: kase.id })).toBe(0);
  });

  it('锦州 第二十六条: malformed numbers and digits, a staff channel in public, control characters, no token, a clerk recording 12345', async () => {
    const kase = await finishedCase();
    const malformed = await publicRating(kase, { applicationNumber: "' OR 1=1 --", phoneLast4: '12a4' });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    const fields = [malformed.errors![0].extensions!.field, ...((malformed.errors![0].extensions!.fields as { field: string }[] | undefined) ?? []).map((f) => f.field)];
    expect(fields).toEqual(expect.arrayContaining(['input.applicationNumber', 'input.phoneLast4']));
    expect(codeOf(await publicRating(kase, { channel: 'WINDOW_DEVICE' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await publicRating(kase, { comment: 'ok\u202Egnp.exe' }))).toBe('BAD_USER_INPUT');
    // Staff-only entry without a token; a clerk recording a 12345 rating; the pad naming someone else.
    const noToken = await t.gql(RECORD, { input: { channel: 'HOTLINE_12345', applicationNumber: kase.number, level: 'SATISFIED' } });
    expect(codeOf(noToken)).toBe('UNAUTHENTICATED');
    expect(codeOf(await record(`window_staff.${CODE}`, { channel: 'HOTLINE_12345', applicationNumber: kase.number }))).toBe('FORBIDDEN');
    const staff02 = await repo(User).findOneByOrFail({ username: `staff02.${CODE}` });
    const padForOther = await record(`window_staff.${CODE}`, { channel: 'WINDOW_DEVICE', windowNumber: 'A01', staffId: gid('User', staff02) });
    expect(padForOther.errors?.[0]?.extensions?.field).toBe('input.staffId');
    // Both a case and a window, or neither.
    const window = await repo(Window).findOneByOrFail({ tenantId: kase.tenantId, number: 'A01' });
    expect(window).toBeDefined();
    expect(codeOf(await record(`centre_admin.${CODE}`, { applicationNumber: kase.number, windowNumber: 'A01' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record(`centre_admin.${CODE}`, {}))).toBe('BAD_USER_INPUT');
    // A 咨询 by 12345 in the future.
    const future = await record(`centre_admin.${CODE}`, { windowNumber: 'A01', staffId: gid('User', staff02), servedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.errors?.[0]?.extensions?.field).toBe('input.servedAt');
    expect(codeOf(await t.gql('{ evaluations(first: 101) { totalCount } }', {}, await token(`centre_admin.${CODE}`)))).toBe('BAD_USER_INPUT');
    expect(await repo(Evaluation).countBy({ applicationId: kase.id })).toBe(0);
  });
});

describe('lists', () => {
  it('DESIGN §7: a page of ratings with their window, staff, department, case, rater and rectification costs a bounded number of statements (no N+1)', async () => {
    const admin = await token('centre_admin.210700');
    const page = (first: number, bad: boolean | null) =>
      t.gql(`query($first: Int!, $bad: Boolean) { evaluations(first: $first, filter: { tenantCode: "210700", bad: $bad }) { edges { node { ${EVALUATION} } } } }`, { first, bad }, admin);
    // Three 差评 (each with its rectification and timeline) against thirty ratings of every kind.
    const small = await page(3, true);
    const large = await page(30, null);
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data!.evaluations.edges.length).toBe(30);
    expect(large.data!.evaluations.edges.filter((e: any) => e.node.rectification !== null).length).toBeGreaterThan(0);
    // Ten times the rows, the same batches (a statement either way for loaders that batch on another tick).
    expect(large.sqlStatements).toBeLessThanOrEqual(small.sqlStatements + 2);
  });
});
