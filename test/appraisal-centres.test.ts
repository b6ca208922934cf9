import ExcelJS from 'exceljs';
import request from 'supertest';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { codeOf, startTestApp, TestApp } from './harness';
import { Application } from '../src/modules/applications/entities';
import { Evaluation, EvaluationLevel } from '../src/modules/evaluations/entities';
import { Complaint, ComplaintOutcome } from '../src/modules/complaints/entities';
import { SupervisionNotice } from '../src/modules/supervision/entities';
import { CollaborationTicket, TicketSide, TicketStep } from '../src/modules/collaboration/entities';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant } from '../src/modules/tenancy/entities';
import { Window } from '../src/modules/windows/entities';

const CITY = '210700'; // 锦州市
const COUNTY = '210781'; // 凌海市: the county with events
const SIBLING = '210782'; // 北镇市
const OTHER_CITY = '210300'; // 鞍山市
const START = '2024-03-01'; // before every seeded event: the figures are the fixtures' alone

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
});
afterAll(() => t.close());

const token = (username: string) => t.tokenOf(username);
const at = (day: number, hour = 10) => new Date(`2024-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** A copy of a seeded row with some columns changed: fixtures of any shape in one line. */
async function clone<T extends ObjectLiteral>(entity: EntityTarget<T>, changes: Partial<T>): Promise<T> {
  const repo = t.dataSource.getRepository(entity);
  const [seeded] = await repo.find({ order: { id: 'ASC' } as never, take: 1 });
  if (!seeded) throw new Error(`no seeded ${String(entity)}`);
  const { id: _id, ...rest } = seeded as T & { id: number };
  const result = await repo.insert({ ...rest, ...changes } as never);
  return repo.findOneByOrFail({ id: result.identifiers[0].id } as never);
}

const CENTRE_RULES = {
  baseScore: 100,
  excellentFrom: 95,
  competentFrom: 80,
  basicallyCompetentFrom: 60,
  excellenceQuotaPercent: 20,
  items: [
    { subjectKind: 'CENTRE', source: 'ON_TIME_RATE', mode: 'RATE', points: 10, label: '按时办结率' },
    { subjectKind: 'CENTRE', source: 'SATISFACTION_RATE', mode: 'RATE', points: 10, label: '满意率' },
    { subjectKind: 'CENTRE', source: 'UPHELD_COMPLAINT', mode: 'PER_EVENT', points: -3, label: '投诉属实' },
    { subjectKind: 'CENTRE', source: 'LATE_TICKET_STEP', mode: 'PER_EVENT', points: -2, cap: 10, label: '协作不到位' },
    { subjectKind: 'CENTRE', source: 'LATE_NOTICE', mode: 'PER_EVENT', points: -1, label: '督办逾期' },
    { subjectKind: 'WINDOW', source: 'LATE_TICKET_STEP', mode: 'PER_EVENT', points: -1, label: '部门协作不到位' },
  ],
};

const SET_RULES = 'mutation($input: AppraisalRulesInput!) { setAppraisalRules(input: $input) { id version } }';
const OPEN = 'mutation($input: OpenAppraisalPeriodInput!) { openAppraisalPeriod(input: $input) { id version status } }';
const PUBLISH = 'mutation($input: AppraisalPeriodVersionInput!) { publishAppraisal(input: $input) { id version status } }';
const CENTRE_RESULTS = `query($id: ID!) { node(id: $id) { ... on AppraisalPeriod { results(first: 50, subjectKind: CENTRE) { edges { node {
  score proposedGrade grade rank centre { code } breakdown { label source count metCount points events { kind id } } } } } } } }`;
const CENTRE_APPRAISALS = 'query($code: String!) { centreAppraisals(tenantCode: $code) { kind start end result { score grade rank centre { code } } } }';
const CENTRE_BREAKDOWN = 'query($code: String!) { centreAppraisals(tenantCode: $code) { result { breakdown { source count points events { kind id } } } } }';

let countyId: number;
let cityPeriod: { id: string; version: number };
let stepId: number;
let departmentId: number;

beforeAll(async () => {
  const tenants = t.dataSource.getRepository(Tenant);
  countyId = (await tenants.findOneByOrFail({ code: COUNTY })).id;
  // 3 cases due on 10 March: two ended on time, one late (按时办结率 2/3).
  // The department of one of the county's windows: its late steps cost that window points.
  departmentId = (await t.dataSource.getRepository(Window).findOne({ where: { tenantId: countyId }, order: { id: 'ASC' } }))!.departmentId;
  const cases: Application[] = [];
  for (const [i, decided] of [at(8), at(10, 9), at(12)].entries()) {
    cases.push(await clone(Application, { tenantId: countyId, number: `APC-${i}`, departmentId, dueAt: at(10, 17), decidedAt: decided, reportedAt: null } as Partial<Application>));
  }
  // 4 ratings in March, 3 satisfied or better (满意率 3/4).
  for (const [i, level] of [EvaluationLevel.VERY_SATISFIED, EvaluationLevel.SATISFIED, EvaluationLevel.BASICALLY_SATISFIED, EvaluationLevel.DISSATISFIED].entries()) {
    await clone(Evaluation, { tenantId: countyId, applicationId: cases[i % 3].id, channel: `APC${i}`, level, ratedAt: at(11 + i) } as never);
  }
  // One upheld complaint resolved in March.
  await clone(Complaint, { tenantId: countyId, number: 'APC-C1', outcome: ComplaintOutcome.UPHELD, resolvedAt: at(15) } as never);
  // One notice to the department, due 8 March, never answered.
  await clone(SupervisionNotice, { tenantId: countyId, departmentId, causeId: 900001, causeRound: 1, replyDueAt: at(8, 17), repliedAt: null } as never);
  // One ticket received in the county whose PUSH step (owner RECEIVING) was done a day late.
  const ticket = await clone(CollaborationTicket, { tenantId: countyId, applicationId: cases[0].id } as Partial<CollaborationTicket>);
  const step = await clone(TicketStep, {
    tenantId: countyId,
    partnerTenantId: ticket.partnerTenantId,
    ticketId: ticket.id,
    owner: TicketSide.RECEIVING,
    dueAt: at(6, 17),
    doneAt: at(7, 11),
    cancelledAt: null,
  } as Partial<TicketStep>);
  stepId = step.id;
});

describe('锦州 第三条(十): a city appraises its counties and districts from their aggregate figures', () => {
  it('锦州 第三条(十): a county admin cannot appraise centres (CENTRE items refused) nor open the city’s period', async () => {
    const county = await token(`centre_admin.${COUNTY}`);
    const rules = await t.gql(SET_RULES, { input: CENTRE_RULES }, county);
    expect(codeOf(rules)).toBe('FORBIDDEN');
    expect(rules.errors?.[0].extensions?.field).toBe('input.items.0.subjectKind');
    const open = await t.gql(OPEN, { input: { tenantCode: CITY, kind: 'MONTH', start: START } }, county);
    expect(codeOf(open)).toBe('FORBIDDEN');
  });

  it('锦州 第三条(十), 乌海 第九条: hand-checked centre figures; late ticket steps lose points; nothing written in the county', async () => {
    const city = await token(`centre_admin.${CITY}`);
    expect((await t.gql(SET_RULES, { input: CENTRE_RULES }, city)).errors).toBeUndefined();
    const open = await t.gql<{ openAppraisalPeriod: { id: string; version: number } }>(OPEN, { input: { tenantCode: CITY, kind: 'MONTH', start: START } }, city);
    expect(open.errors).toBeUndefined();
    cityPeriod = open.data!.openAppraisalPeriod;
    const res = await t.gql<{ node: { results: { edges: { node: Record<string, unknown> & { centre: { code: string }; breakdown: Record<string, unknown>[] } }[] } } }>(CENTRE_RESULTS, { id: cityPeriod.id }, city);
    expect(res.errors).toBeUndefined();
    const results = res.data!.node.results.edges.map((edge) => edge.node);
    const subordinates = await t.dataSource.getRepository(Tenant).count({ where: { parentId: (await t.dataSource.getRepository(Tenant).findOneByOrFail({ code: CITY })).id } });
    expect(results).toHaveLength(subordinates);
    const county = results.find((r) => r.centre.code === COUNTY)!;
    // 100 − 10×(1/3) − 10×(1/4) − 3 − 2 − 1 = 88.17 (each rate line rounded to hundredths).
    expect(county.breakdown.map((l) => [l.source, l.count, l.metCount, l.points])).toEqual([
      ['ON_TIME_RATE', 3, 2, -3.33],
      ['SATISFACTION_RATE', 4, 3, -2.5],
      ['UPHELD_COMPLAINT', 1, null, -3],
      ['LATE_TICKET_STEP', 1, null, -2],
      ['LATE_NOTICE', 1, null, -1],
    ]);
    expect(county.breakdown[3].events).toEqual([{ kind: 'TICKET_STEP', id: encodeGlobalId('TicketStep', stepId) }]);
    expect(county.score).toBe(88.17);
    expect(county.proposedGrade).toBe('COMPETENT');
    expect(county.grade).toBeNull();
    expect(county.rank).toBe(subordinates);
    for (const other of results.filter((r) => r.centre.code !== COUNTY)) expect(other.score).toBe(100);
    // 20% of 7 centres: one EXCELLENT place, to the lowest id on equal scores.
    expect(results.filter((r) => r.proposedGrade === 'EXCELLENT')).toHaveLength(1);
    // Written about the county, in the city's period: nothing in the county's tenant.
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM appraisal_result WHERE tenant_id = ${countyId}`);
    expect(Number(n)).toBe(0);
  });

  it('锦州 第三条(十): the county reads its own result only once published; a sibling county and another city read nothing', async () => {
    const county = await token(`centre_admin.${COUNTY}`);
    const draft = await t.gql<{ centreAppraisals: unknown[] }>(CENTRE_APPRAISALS, { code: COUNTY }, county);
    expect(draft.data!.centreAppraisals).toEqual([]);
    // Nor can the county reach the city's period.
    expect((await t.gql<{ node: unknown }>(CENTRE_RESULTS, { id: cityPeriod.id }, county)).data!.node).toBeNull();

    const city = await token(`centre_admin.${CITY}`);
    const published = await t.gql<{ publishAppraisal: { version: number } }>(PUBLISH, { input: { periodId: cityPeriod.id, version: cityPeriod.version } }, city);
    expect(published.errors).toBeUndefined();
    cityPeriod.version = published.data!.publishAppraisal.version;

    const own = await t.gql<{ centreAppraisals: { kind: string; start: string; result: Record<string, unknown> }[] }>(CENTRE_APPRAISALS, { code: COUNTY }, county);
    expect(own.errors).toBeUndefined();
    expect(own.data!.centreAppraisals).toEqual([{ kind: 'MONTH', start: START, end: '2024-03-31', result: { score: 88.17, grade: 'COMPETENT', rank: 7, centre: { code: COUNTY } } }]);
    // …with the breakdown the city reads: the lines are the city's rows, shown to the appraised centre's admins.
    const cityView = await t.gql<{ node: { results: { edges: { node: { centre: { code: string }; breakdown: { source: string; count: number; points: number; events: unknown[] }[] } }[] } } }>(CENTRE_RESULTS, { id: cityPeriod.id }, city);
    const cityLines = cityView.data!.node.results.edges.find((e) => e.node.centre.code === COUNTY)!.node.breakdown.map(({ source, count, points, events }) => ({ source, count, points, events }));
    expect(cityLines.length).toBeGreaterThan(0);
    const ownLines = await t.gql<{ centreAppraisals: { result: { breakdown: unknown[] } }[] }>(CENTRE_BREAKDOWN, { code: COUNTY }, county);
    expect(ownLines.errors).toBeUndefined();
    expect(ownLines.data!.centreAppraisals[0].result.breakdown).toEqual(cityLines);

    const sibling = await token(`centre_admin.${SIBLING}`);
    expect((await t.gql<{ centreAppraisals: unknown[] }>(CENTRE_APPRAISALS, { code: COUNTY }, sibling)).data!.centreAppraisals).toEqual([]);
    // The sibling's own result: score and grade readable by its admins, none of the other county's.
    const siblingOwn = await t.gql<{ centreAppraisals: { result: { score: number; centre: { code: string } } }[] }>(CENTRE_APPRAISALS, { code: SIBLING }, sibling);
    expect(siblingOwn.data!.centreAppraisals.map((a) => [a.result.centre.code, a.result.score])).toEqual([[SIBLING, 100]]);
    const otherCity = await token(`centre_admin.${OTHER_CITY}`);
    expect((await t.gql<{ centreAppraisals: unknown[] }>(CENTRE_APPRAISALS, { code: COUNTY }, otherCity)).data!.centreAppraisals).toEqual([]);
    expect((await t.gql<{ node: unknown }>(CENTRE_RESULTS, { id: cityPeriod.id }, otherCity)).data!.node).toBeNull();
  });
});

describe('乌海 第九条, 鞍山 四.3: departments that fail to cooperate', () => {
  it('乌海 第九条, 鞍山 四.3: the department’s late ticket step and unanswered notice are listed, and its windows lose points', async () => {
    const county = await token(`centre_admin.${COUNTY}`);
    expect(
      (await t.gql(SET_RULES, { input: { ...CENTRE_RULES, items: [{ subjectKind: 'WINDOW', source: 'LATE_TICKET_STEP', mode: 'PER_EVENT', points: -1, label: '部门协作不到位' }] } }, county)).errors,
    ).toBeUndefined();
    const open = await t.gql<{ openAppraisalPeriod: { id: string } }>(OPEN, { input: { tenantCode: COUNTY, kind: 'MONTH', start: START } }, county);
    expect(open.errors).toBeUndefined();
    const res = await t.gql<{ appraisalDepartmentFigures: { department: { id: string } | null; lateTicketSteps: number; lateNotices: number; events: { kind: string }[] }[] }>(
      'query($id: ID!) { appraisalDepartmentFigures(periodId: $id) { department { id } lateTicketSteps lateNotices events { kind } } }',
      { id: open.data!.openAppraisalPeriod.id },
      county,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.appraisalDepartmentFigures).toEqual([{ department: { id: encodeGlobalId('Department', departmentId) }, lateTicketSteps: 1, lateNotices: 1, events: [{ kind: 'TICKET_STEP' }, { kind: 'SUPERVISION_NOTICE' }] }]);
    // The department's windows lose the points (WINDOW item LATE_TICKET_STEP); the others do not.
    const windows = await t.gql<{ node: { results: { edges: { node: { department: { id: string } | null; breakdown: { source: string; count: number; points: number }[] } }[] } } }>(
      'query($id: ID!) { node(id: $id) { ... on AppraisalPeriod { results(first: 100, subjectKind: WINDOW) { edges { node { department { id } breakdown { source count points } } } } } } }',
      { id: open.data!.openAppraisalPeriod.id },
      county,
    );
    const lines = windows.data!.node.results.edges.map((edge) => [edge.node.department?.id === encodeGlobalId('Department', departmentId), edge.node.breakdown[0]]);
    expect(lines.filter(([own]) => own).length).toBeGreaterThan(0);
    for (const [own, line] of lines) expect(line).toEqual(own ? { source: 'LATE_TICKET_STEP', count: 1, points: -1 } : { source: 'LATE_TICKET_STEP', count: 0, points: 0 });
  });
});

describe('锦州 第二十四条: the report and the export of a published period', () => {
  const REPORT = `query($id: ID!) { appraisalReport(periodId: $id) { published byGrade { subjectKind grade count } byDepartment { department { name } grades { grade count } } chiefRepresentatives { rank } } }`;

  it('锦州 第二十四条: counts per grade and level', async () => {
    const city = await token(`centre_admin.${CITY}`);
    const res = await t.gql<{ appraisalReport: { published: boolean; byGrade: { subjectKind: string; grade: string; count: number }[] } }>(REPORT, { id: cityPeriod.id }, city);
    expect(res.errors).toBeUndefined();
    expect(res.data!.appraisalReport.published).toBe(true);
    expect(res.data!.appraisalReport.byGrade.filter((g) => g.subjectKind === 'CENTRE')).toEqual([
      { subjectKind: 'CENTRE', grade: 'EXCELLENT', count: 1 },
      { subjectKind: 'CENTRE', grade: 'COMPETENT', count: 6 },
    ]);
    // Every staff result is counted under its department once.
    const report = res.data!.appraisalReport as unknown as { byGrade: { subjectKind: string; count: number }[]; byDepartment: { grades: { count: number }[] }[] };
    const staff = report.byGrade.filter((g) => g.subjectKind === 'STAFF').reduce((sum, g) => sum + g.count, 0);
    expect(staff).toBeGreaterThan(0);
    expect(report.byDepartment.flatMap((d) => d.grades).reduce((sum, g) => sum + g.count, 0)).toBe(staff);
    // Plain staff read no report.
    expect(codeOf(await t.gql(REPORT, { id: cityPeriod.id }, await token(`window_staff.${CITY}`)))).toBe('FORBIDDEN');
  });

  const download = (periodId: string, bearer?: string) => {
    const req = request(t.app)
      .get('/appraisal.xlsx')
      .query({ periodId })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return bearer ? req.set('authorization', `Bearer ${bearer}`) : req;
  };

  it('锦州 第二十四条: the published period exported as a workbook, one sheet per level, read back', async () => {
    // A correction after publication: the locked score stays, the corrected one stands beside it.
    const city = await token(`centre_admin.${CITY}`);
    const ids = await t.gql<{ node: { results: { edges: { node: { id: string; version: number; centre: { code: string } } }[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on AppraisalPeriod { results(first: 50, subjectKind: CENTRE) { edges { node { id version centre { code } } } } } } }`,
      { id: cityPeriod.id },
      city,
    );
    const countyResult = ids.data!.node.results.edges.find((e) => e.node.centre.code === COUNTY)!.node;
    const correction = await t.gql(
      'mutation($input: AdjustAppraisalResultInput!) { adjustAppraisalResult(input: $input) { score correctedScore } }',
      { input: { resultId: countyResult.id, version: countyResult.version, points: 1.5, reason: '复核：一件超期办件系系统计时错误' } },
      city,
    );
    expect(correction.data).toEqual({ adjustAppraisalResult: { score: 88.17, correctedScore: 89.67 } });
    const res = await download(cityPeriod.id, city);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['工作人员', '窗口', '县(市)区中心']);
    const centres = workbook.getWorksheet('县(市)区中心')!;
    expect(centres.getRow(1).values).toEqual([undefined, '名次', '中心', '行政区划代码', '部门', '得分', '更正后得分', '等次', '效能告诫', '首席代表年度']);
    expect(centres.rowCount).toBe(8);
    const last = centres.getRow(8);
    expect([1, 2, 3, 5, 6, 7].map((cell) => last.getCell(cell).value)).toEqual([7, '凌海市', COUNTY, 88.17, 89.67, '称职']);
    expect(centres.getRow(2).getCell(6).value).toBe(''); // no correction
    // An auditor of the city exports too.
    expect((await download(cityPeriod.id, await token(`auditor.${CITY}`))).status).toBe(200);
  });

  it('a draft, no token, another tenant, a county admin or plain staff: refused', async () => {
    const county = await token(`centre_admin.${COUNTY}`);
    const countyPeriod = await t.gql<{ appraisalPeriods: { edges: { node: { id: string } }[] } }>(`{ appraisalPeriods(first: 1, filter: { tenantCode: "${COUNTY}" }) { edges { node { id } } } }`, {}, county);
    const draftId = countyPeriod.data!.appraisalPeriods.edges[0].node.id;
    const draft = await download(draftId, county);
    expect(draft.status).toBe(409);
    expect(JSON.parse(draft.text ?? (draft.body as Buffer).toString()).errors[0].extensions.code).toBe('CONFLICT');
    expect((await download(cityPeriod.id)).status).toBe(401);
    expect((await download(cityPeriod.id, await token(`centre_admin.${OTHER_CITY}`))).status).toBe(404);
    expect((await download(cityPeriod.id, county)).status).toBe(404);
    expect((await download(cityPeriod.id, await token(`window_staff.${CITY}`))).status).toBe(403);
  });

  it('an auditor never writes: no rules, no period, no publish', async () => {
    const auditor = await token(`auditor.${CITY}`);
    expect(codeOf(await t.gql(SET_RULES, { input: CENTRE_RULES }, auditor))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await t.gql(OPEN, { input: { tenantCode: CITY, kind: 'MONTH', start: '2024-04-01' } }, auditor))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await t.gql(PUBLISH, { input: { periodId: cityPeriod.id, version: cityPeriod.version } }, auditor))).toBe('READ_ONLY_ROLE');
    // Its reads are untouched: the report still counts one published period.
    expect((await t.gql(`query($id: ID!) { appraisalReport(periodId: $id) { published } }`, { id: cityPeriod.id }, auditor)).data).toEqual({ appraisalReport: { published: true } });
  });
});
