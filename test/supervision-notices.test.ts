import { DataSource, In, MoreThan } from 'typeorm';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import { SupervisionNotice, SupervisionNoticeEvent } from '../src/modules/supervision/entities';
import { startSupervisionJob } from '../src/modules/supervision/job';
import { CAUSE_SOURCES, onSupervisionReport, SupervisionReport } from '../src/modules/supervision/service';

/**
 * 督办单 (锦州 第十一条 "电子监察 … 发现问题及时预警纠错") in 海城市 (210381), a county of
 * 鞍山市 (210300); 铁东区 (210302) is a sibling centre of the same city.
 */
const CODE = '210381';
const CITY = '210300';
const SIBLING = '210302';
const ART = '锦州 第十一条';

let t: TestApp;
/** What the check and the notices by hand told their listeners (where live alerts are published). */
const reports: SupervisionReport[] = [];
beforeAll(async () => {
  t = await startTestApp();
  onSupervisionReport((_ctx, report) => {
    reports.push(report);
  });
});
afterAll(() => t.close());
afterEach(() => t.clock.set(null));

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const gid = (type: string, row: { id: number }) => encodeGlobalId(type, row.id);
const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions;
const token = (username: string) => t.tokenOf(username);
const as = (role: string, code = CODE) => token(`${role}.${code}`);

async function departmentNamed(code: string, suffix: string): Promise<Department> {
  const tenant = await repo(Tenant).findOneByOrFail({ code });
  const departments = await repo(Department).find({ where: { tenantId: tenant.id }, order: { id: 'ASC' } });
  return departments.find((d) => d.name.endsWith(suffix))!;
}

const NOTICE_FIELDS = 'id version status causeKind reason replyDueAt escalatedAt sendBacks sendBackReason replyCause replyCorrection overdue department { name } person { username } issuedBy { username } timeline { action toStatus note actor { username } }';

const CHECK = `mutation($code: String) { runSupervisionCheck(tenantCode: $code) {
  runId issuedCount escalatedCount issued { id causeKind application { number } } escalated { id } lightChanges { light application { number } } } }`;
const ISSUE = `mutation($input: IssueSupervisionNoticeInput!) { issueSupervisionNotice(input: $input) { ${NOTICE_FIELDS} } }`;
const REPLY = `mutation($input: ReplyToSupervisionNoticeInput!) { replyToSupervisionNotice(input: $input) { ${NOTICE_FIELDS} } }`;
const SEND_BACK = `mutation($input: SendBackSupervisionNoticeInput!) { sendBackSupervisionNotice(input: $input) { ${NOTICE_FIELDS} } }`;
const ACCEPT = `mutation($input: SupervisionNoticeVersionInput!) { acceptSupervisionNotice(input: $input) { ${NOTICE_FIELDS} } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on SupervisionNotice { id status escalatedAt } } }`;
const LIST = `query($filter: SupervisionNoticeFilter) { supervisionNotices(first: 100, filter: $filter) { totalCount edges { node { id causeKind status escalatedAt tenant { code } } } } }`;

async function issue(input: Record<string, unknown>, who = 'supervisor'): Promise<any> {
  const res = await t.gql(ISSUE, { input }, await as(who));
  expect(res.errors).toBeUndefined();
  return res.data!.issueSupervisionNotice;
}

async function realEstateNotice(reason = '视频监控发现：窗口人员离岗未放置提示牌'): Promise<any> {
  const department = await departmentNamed(CODE, '不动产登记中心');
  const approver = await repo(User).findOneByOrFail({ username: `approver.${CODE}` });
  return issue({ departmentId: gid('Department', department), personId: gid('User', approver), reason });
}

describe(`${ART}: automatic notices from the check`, () => {
  test(`${ART}: a case turning red creates exactly one notice, even with two concurrent checks`, async () => {
    const admin = await as('centre_admin');
    const start = new Date();
    t.clock.set(start);
    // The cases already red at the start get their notices first.
    const baseline = await t.gql(CHECK, { code: CODE }, admin);
    expect(baseline.errors).toBeUndefined();

    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const open = await repo(Application).find({
      where: { tenantId: tenant.id, status: In([ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW]), dueAt: MoreThan(start) },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
    expect(open.length).toBeGreaterThan(0);
    const target = open[0];
    const noticesOf = () => repo(SupervisionNotice).find({ where: { tenantId: tenant.id, causeKind: 'CASE_OVERDUE' as never, causeId: target.id } });
    expect(await noticesOf()).toHaveLength(0);

    // The deadline passes: two checks at once (two instances) race for it.
    t.clock.set(new Date(target.dueAt!.getTime() + 60_000));
    const [a, b] = await Promise.all([t.gql(CHECK, { code: CODE }, admin), t.gql(CHECK, { code: CODE }, await as('supervisor'))]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(await noticesOf()).toHaveLength(1);
    const issuedForTarget = [...a.data!.runSupervisionCheck.issued, ...b.data!.runSupervisionCheck.issued].filter((n: any) => n.application?.number === target.number);
    expect(issuedForTarget).toHaveLength(1);
    expect(issuedForTarget[0].causeKind).toBe('CASE_OVERDUE');
    // Its RED light change is reported once too, and a notice is never reported twice.
    const redChanges = [...a.data!.runSupervisionCheck.lightChanges, ...b.data!.runSupervisionCheck.lightChanges].filter((c: any) => c.application?.number === target.number);
    expect(redChanges).toEqual([{ light: 'RED', application: { number: target.number } }]);
    const reportedIds = reports.flatMap((r) => r.issued.map((n) => n.id));
    expect(new Set(reportedIds).size).toBe(reportedIds.length);
    expect(reportedIds).toContain((await noticesOf())[0].id);

    // A third run finds nothing new for it.
    const again = await t.gql(CHECK, { code: CODE }, admin);
    expect(again.data!.runSupervisionCheck.issued.filter((n: any) => n.application?.number === target.number)).toHaveLength(0);

    // The notice names the implementing department, a 1-working-day deadline, and its timeline.
    const notice = (await noticesOf())[0];
    expect(notice.departmentId).toBe(target.departmentId);
    expect(notice.issuedById).toBeNull();
    expect(notice.reason).toContain(target.number);
    const events = await repo(SupervisionNoticeEvent).find({ where: { noticeId: notice.id } });
    expect(events.map((e) => e.action)).toEqual(['ISSUE']);
  });

  test(`${ART}: the check's SQL is bounded: many more causes, not more statements`, async () => {
    // 海勃湾区 (乌海): its own cases only, untouched by the other tests.
    const code = '150302';
    const supervisor = await as('supervisor', code);
    const now = Date.now();
    t.clock.set(new Date(now));
    const few = await t.gql(CHECK, { code }, supervisor);
    t.clock.set(new Date(now + 400 * 86_400_000)); // every open case and complaint of the centre is now overdue
    const many = await t.gql(CHECK, { code }, supervisor);
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    const [fewIssued, manyIssued] = [few.data!.runSupervisionCheck.issuedCount, many.data!.runSupervisionCheck.issuedCount];
    // Both runs find causes of their own (how many depends on the demo cases' dates, so on today).
    expect(fewIssued).toBeGreaterThan(0);
    expect(manyIssued).toBeGreaterThan(0);
    expect(many.data!.runSupervisionCheck.escalatedCount).toBe(fewIssued); // the first run's notices, unanswered for 400 days
    // More rows written (every first notice escalated as well), yet at most one more read per
    // kind of cause that had none before: no statement per case.
    const written = (r: any) => r.issuedCount + r.escalatedCount + r.lightChanges.length;
    expect(written(many.data!.runSupervisionCheck)).toBeGreaterThan(written(few.data!.runSupervisionCheck));
    expect(many.sqlStatements).toBeLessThanOrEqual(few.sqlStatements + CAUSE_SOURCES.length);
  });

  test(`${ART}: the periodic job runs the check in the background and stops cleanly`, async () => {
    const tenant = await repo(Tenant).findOneByOrFail({ code: SIBLING });
    const before = await repo(SupervisionNotice).count({ where: { tenantId: tenant.id, causeKind: 'CASE_OVERDUE' as never } });
    const red = await repo(Application).count({ where: { tenantId: tenant.id, status: In([ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW]), dueAt: MoreThan(new Date(0)) } });
    expect(red).toBeGreaterThan(0);
    t.clock.set(new Date(Date.now() + 400 * 86_400_000)); // every open case is long overdue
    const job = startSupervisionJob({ config: t.config, tokens: t.tokens, dataSource: t.dataSource, logger: createLogger('silent'), clock: t.clock.now }, 20);
    const deadline = Date.now() + 10_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await repo(SupervisionNotice).count({ where: { tenantId: tenant.id, causeKind: 'CASE_OVERDUE' as never } });
    }
    await job.stop();
    expect(after).toBeGreaterThan(before);
  });

  test(`${ART}: a failing run of the job is logged, never thrown, and the job keeps its schedule`, async () => {
    const errors: string[] = [];
    const logger: any = { child: () => logger, info: () => undefined, error: (_obj: unknown, message: string) => errors.push(message) };
    const broken = new DataSource({ type: 'better-sqlite3', database: ':memory:' }); // never initialised: every query fails
    const job = startSupervisionJob({ config: t.config, tokens: t.tokens, dataSource: broken, logger, clock: t.clock.now }, 10);
    const deadline = Date.now() + 5_000;
    while (errors.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await job.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toBe('supervision check failed');
  });

  test(`${ART}: the check is for centre admins and supervisors, over their own centre or a readable subordinate`, async () => {
    expect(codeOf(await t.gql(CHECK, { code: CODE }, await as('window_staff')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CHECK, { code: CODE }, await as('auditor')))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await t.gql(CHECK, { code: CODE }))).toBe('UNAUTHENTICATED');
    // A sibling's centre looks like one that does not exist.
    const sibling = await t.gql(CHECK, { code: CODE }, await as('centre_admin', SIBLING));
    expect(codeOf(sibling)).toBe('BAD_USER_INPUT');
    expect(errorOf(sibling)?.field).toBe('tenantCode');
    expect(codeOf(await t.gql(CHECK, { code: '999999' }, await as('centre_admin', SIBLING)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CHECK, { code: "2103' OR 1=1 --" }, await as('centre_admin')))).toBe('BAD_USER_INPUT');
  });
});

describe(`${ART}: notices by hand, reply, send back, accept`, () => {
  test(`${ART}: a supervisor issues a notice after watching the hall video; due at the end of the next working day`, async () => {
    t.clock.set('2026-11-27T10:00:00+08:00'); // a Friday
    const notice = await realEstateNotice();
    expect(notice).toMatchObject({
      status: 'AWAITING_REPLY',
      causeKind: 'MANUAL',
      sendBacks: 0,
      overdue: false,
      department: { name: expect.stringContaining('不动产登记中心') },
      person: { username: `approver.${CODE}` },
      issuedBy: { username: `supervisor.${CODE}` },
      timeline: [{ action: 'ISSUE', toStatus: 'AWAITING_REPLY', note: '', actor: { username: `supervisor.${CODE}` } }],
    });
    // Friday + 1 working day = Monday 30 November, end of day in Beijing time.
    expect(notice.replyDueAt).toBe('2026-11-30T15:59:59.999Z');
    // Listeners (live alerts) hear of it once it has committed.
    const told = reports.filter((r) => r.runId === null && r.issued.some((n) => gid('SupervisionNotice', n) === notice.id));
    expect(told).toHaveLength(1);
  });

  test(`${ART}: the department replies, the issuer sends it back with a reason and a new deadline, then accepts`, async () => {
    t.clock.set('2026-11-27T10:00:00+08:00');
    const notice = await realEstateNotice('视频监控发现：窗口人员玩手机');
    const approver = await as('approver');

    // Another department's staff do not even see it; the issuer may not answer for the department.
    expect(codeOf(await t.gql(REPLY, { input: { id: notice.id, version: notice.version, cause: '无', correction: '无' } }, await as('window_staff')))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REPLY, { input: { id: notice.id, version: notice.version, cause: '无', correction: '无' } }, await as('supervisor')))).toBe('FORBIDDEN');
    // Nothing to accept before a reply.
    expect(codeOf(await t.gql(ACCEPT, { input: { id: notice.id, version: notice.version } }, await as('supervisor')))).toBe('CONFLICT');

    t.clock.set('2026-11-27T14:00:00+08:00');
    const replied = (await t.gql(REPLY, { input: { id: notice.id, version: notice.version, cause: '人员临时离岗', correction: '已批评教育' } }, approver)).data!.replyToSupervisionNotice;
    expect(replied).toMatchObject({ status: 'REPLIED', replyCause: '人员临时离岗', replyCorrection: '已批评教育' });
    // A stale version loses.
    expect(codeOf(await t.gql(REPLY, { input: { id: notice.id, version: notice.version, cause: 'x', correction: 'y' } }, approver))).toBe('CONFLICT');
    // Only the issuer decides on a notice issued by hand.
    expect(codeOf(await t.gql(ACCEPT, { input: { id: notice.id, version: replied.version } }, await as('centre_admin')))).toBe('FORBIDDEN');

    t.clock.set('2026-11-30T09:00:00+08:00'); // Monday
    const sentBack = await t.gql(SEND_BACK, { input: { id: notice.id, version: replied.version, reason: '整改措施未落实到人', replyWorkingDays: 2 } }, await as('supervisor'));
    expect(sentBack.errors).toBeUndefined();
    expect(sentBack.data!.sendBackSupervisionNotice).toMatchObject({ status: 'AWAITING_REPLY', sendBacks: 1, sendBackReason: '整改措施未落实到人', replyDueAt: '2026-12-02T15:59:59.999Z' });

    const again = (await t.gql(REPLY, { input: { id: notice.id, version: sentBack.data!.sendBackSupervisionNotice.version, cause: '人员临时离岗', correction: '已明确由B岗补位并每日检查' } }, approver)).data!.replyToSupervisionNotice;
    const accepted = await t.gql(ACCEPT, { input: { id: notice.id, version: again.version } }, await as('supervisor'));
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptSupervisionNotice.status).toBe('ACCEPTED');
    expect(accepted.data!.acceptSupervisionNotice.timeline.map((e: any) => [e.action, e.toStatus])).toEqual([
      ['ISSUE', 'AWAITING_REPLY'],
      ['REPLY', 'REPLIED'],
      ['SEND_BACK', 'AWAITING_REPLY'],
      ['REPLY', 'REPLIED'],
      ['ACCEPT', 'ACCEPTED'],
    ]);
    expect(accepted.data!.acceptSupervisionNotice.timeline[2].note).toBe('整改措施未落实到人');
    // Accepted is final.
    expect(codeOf(await t.gql(SEND_BACK, { input: { id: notice.id, version: accepted.data!.acceptSupervisionNotice.version, reason: '再看看' } }, await as('supervisor')))).toBe('CONFLICT');
  });

  test(`${ART}: the reply deadline is a tenant setting`, async () => {
    const admin = await as('centre_admin');
    const SET = 'mutation($input: SupervisionSettingsInput!) { setSupervisionSettings(input: $input) { replyWorkingDays version } }';
    expect(codeOf(await t.gql(SET, { input: { replyWorkingDays: 3 } }, await as('supervisor')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SET, { input: { replyWorkingDays: 0 } }, admin))).toBe('BAD_USER_INPUT');
    const set = await t.gql(SET, { input: { replyWorkingDays: 3 } }, admin);
    expect(set.data!.setSupervisionSettings).toEqual({ replyWorkingDays: 3, version: 1 });
    t.clock.set('2026-11-27T10:00:00+08:00');
    const notice = await realEstateNotice('三个工作日');
    expect(notice.replyDueAt).toBe('2026-12-02T15:59:59.999Z');
    // Back to the default for the other tests.
    await t.gql(SET, { input: { replyWorkingDays: 1, version: 1 } }, admin);
  });
});

describe(`${ART}: escalation to the city`, () => {
  test(`${ART}: unanswered past the deadline, a notice escalates; then the city's admins and supervisors read it`, async () => {
    t.clock.set('2026-11-27T10:00:00+08:00');
    const notice = await realEstateNotice('视频监控发现：午间无人值守（延时服务）');
    const cityAdmin = await as('centre_admin', CITY);
    const citySupervisor = await as('supervisor', CITY);
    const cityAuditor = await as('auditor', CITY);
    const cityClerk = await as('window_staff', CITY);
    const sibling = await as('centre_admin', SIBLING);

    // Before escalation: the centre's own correction; the city's auditor reads everything in scope.
    expect((await t.gql(NODE, { id: notice.id }, cityAdmin)).data!.node).toBeNull();
    expect((await t.gql(NODE, { id: notice.id }, citySupervisor)).data!.node).toBeNull();
    expect((await t.gql(NODE, { id: notice.id }, cityAuditor)).data!.node).toMatchObject({ id: notice.id });

    // Still on time: nothing happens.
    t.clock.set('2026-11-30T23:00:00+08:00');
    const early = await t.gql(CHECK, { code: CODE }, await as('centre_admin'));
    expect(early.data!.runSupervisionCheck.escalated.map((n: any) => n.id)).not.toContain(notice.id);

    // Past Monday's end: escalated, once, even by two checks at once.
    t.clock.set('2026-12-01T00:00:01+08:00');
    const [a, b] = await Promise.all([t.gql(CHECK, { code: CODE }, await as('centre_admin')), t.gql(CHECK, { code: CITY }, cityAdmin)]);
    const escalated = [...a.data!.runSupervisionCheck.escalated, ...b.data!.runSupervisionCheck.escalated].filter((n: any) => n.id === notice.id);
    expect(escalated).toHaveLength(1);

    for (const viewer of [cityAdmin, citySupervisor, cityAuditor]) {
      expect((await t.gql(NODE, { id: notice.id }, viewer)).data!.node).toMatchObject({ id: notice.id, escalatedAt: '2026-11-30T16:00:01.000Z' });
    }
    const list = await t.gql(LIST, { filter: { tenantCode: CODE, escalated: true } }, cityAdmin);
    expect(list.data!.supervisionNotices.edges.map((e: any) => e.node.id)).toContain(notice.id);
    // Other city staff, and a sibling centre, still do not.
    expect((await t.gql(NODE, { id: notice.id }, cityClerk)).data!.node).toBeNull();
    expect((await t.gql(NODE, { id: notice.id }, sibling)).data!.node).toBeNull();
    // The city reads; it does not answer or decide.
    const row = await repo(SupervisionNotice).findOneByOrFail({ reason: '视频监控发现：午间无人值守（延时服务）' });
    expect(codeOf(await t.gql(ACCEPT, { input: { id: notice.id, version: row.version } }, citySupervisor))).toBe('FORBIDDEN');

    // The department still answers late (the escalation bumped the version).
    const timeline = await repo(SupervisionNoticeEvent).find({ where: { noticeId: row.id }, order: { id: 'ASC' } });
    expect(timeline.map((e) => e.action)).toEqual(['ISSUE', 'ESCALATE']);
    const late = await t.gql(REPLY, { input: { id: notice.id, version: row.version, cause: '值守人员请假未报备', correction: '已调整午间值班表' } }, await as('approver'));
    expect(late.errors).toBeUndefined();
    expect(late.data!.replyToSupervisionNotice).toMatchObject({ status: 'REPLIED', overdue: false });
  });
});

describe(`${ART}: who reads and who writes`, () => {
  test(`${ART}: auditors read notices, never write`, async () => {
    const notice = await realEstateNotice('审计只读测试');
    const auditor = await as('auditor');
    const list = await t.gql(LIST, { filter: { tenantCode: CODE } }, auditor);
    expect(list.data!.supervisionNotices.edges.map((e: any) => e.node.id)).toContain(notice.id);
    const department = await departmentNamed(CODE, '不动产登记中心');
    for (const [query, input] of [
      [ISSUE, { departmentId: gid('Department', department), reason: 'x' }],
      [REPLY, { id: notice.id, version: notice.version, cause: 'x', correction: 'y' }],
      [SEND_BACK, { id: notice.id, version: notice.version, reason: 'x' }],
      [ACCEPT, { id: notice.id, version: notice.version }],
    ] as const) {
      expect(codeOf(await t.gql(query, { input }, auditor))).toBe('READ_ONLY_ROLE');
    }
  });

  test(`${ART}: staff read the notices addressed to their department only; the seeded notices are there`, async () => {
    const approverList = await t.gql(LIST, {}, await as('approver'));
    const clerkList = await t.gql(LIST, {}, await as('window_staff'));
    const adminList = await t.gql(LIST, { filter: { tenantCode: CODE } }, await as('centre_admin'));
    expect(approverList.data!.supervisionNotices.totalCount).toBeGreaterThan(0);
    expect(adminList.data!.supervisionNotices.totalCount).toBeGreaterThan(approverList.data!.supervisionNotices.totalCount);
    const clerkDepartment = await departmentNamed(CODE, '窗口服务部');
    const clerkRows = await repo(SupervisionNotice).count({ where: { departmentId: clerkDepartment.id } });
    expect(clerkList.data!.supervisionNotices.totalCount).toBe(clerkRows);
    // Demo data: answered and unanswered, one escalated.
    const statuses = new Set(adminList.data!.supervisionNotices.edges.map((e: any) => e.node.status));
    expect(statuses).toEqual(new Set(['AWAITING_REPLY', 'REPLIED', 'ACCEPTED']));
  });

  test(`${ART}: another centre's ids behave as ids that do not exist`, async () => {
    const notice = await realEstateNotice('跨中心测试');
    const sibling = await as('centre_admin', SIBLING);
    const siblingClerk = await as('approver', SIBLING);
    expect((await t.gql(NODE, { id: notice.id }, sibling)).data!.node).toBeNull();
    expect(codeOf(await t.gql(REPLY, { input: { id: notice.id, version: notice.version, cause: 'x', correction: 'y' } }, siblingClerk))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ACCEPT, { input: { id: notice.id, version: notice.version } }, await as('supervisor', SIBLING)))).toBe('NOT_FOUND');
    // A department of another centre is refused like a missing one.
    const department = await departmentNamed(CODE, '不动产登记中心');
    const foreign = await t.gql(ISSUE, { input: { departmentId: gid('Department', department), reason: 'x' } }, await as('supervisor', SIBLING));
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(errorOf(foreign)?.field).toBe('input.departmentId');
    const missing = await t.gql(ISSUE, { input: { departmentId: gid('Department', { id: 999999 }), reason: 'x' } }, await as('supervisor', SIBLING));
    expect(errorOf(missing)).toEqual(errorOf(foreign));
  });

  test(`${ART}: hostile input is refused, every field at once; text is kept as text`, async () => {
    const department = await departmentNamed(CODE, '不动产登记中心');
    const supervisor = await as('supervisor');
    const bad = await t.gql(ISSUE, { input: { departmentId: gid('Department', department), reason: ' ', replyWorkingDays: 0 } }, supervisor);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect((errorOf(bad)?.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['input.reason', 'input.replyWorkingDays']);
    expect(codeOf(await t.gql(ISSUE, { input: { departmentId: gid('Department', department), reason: 'x'.repeat(2001) } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ISSUE, { input: { departmentId: 'not-an-id', reason: 'x' } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ISSUE, { input: { departmentId: gid('User', { id: 1 }), reason: 'x' } }, supervisor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ISSUE, { input: { departmentId: gid('Department', department), reason: 'x' } }, await as('window_staff')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ISSUE, { input: { departmentId: gid('Department', department), reason: 'x' } }))).toBe('UNAUTHENTICATED');
    const injection = "'); DROP TABLE supervision_notice; --";
    const kept = await issue({ departmentId: gid('Department', department), reason: injection });
    expect(kept.reason).toBe(injection);
    const filtered = await t.gql(LIST, { filter: { tenantCode: "210381' OR '1'='1" } }, supervisor);
    expect(codeOf(filtered)).toBe('BAD_USER_INPUT');
  });

  test(`${ART}: messages are Chinese by default`, async () => {
    const res = await t.gql(REPLY, { input: { id: gid('SupervisionNotice', { id: 999999 }), version: 1, cause: 'x', correction: 'y' } }, await as('approver'), { acceptLanguage: null });
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain('督办单');
  });
});
