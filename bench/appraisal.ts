/**
 * The appraisal case of `npm run bench` (issue 16): a centre with APPRAISAL_STAFF people
 * holding window posts (A and B of APPRAISAL_STAFF / 2 windows, added for the bench), the
 * bulk cases' receiving staff spread over them, then `openAppraisalPeriod` of the current
 * year timed over HTTP with the statements it ran, and `recomputeAppraisal` timed again.
 */
import { performance } from 'node:perf_hooks';
import { DataSource, In } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { Window, WindowPost, WindowPostRole } from '../src/modules/windows/entities';
import { Application } from '../src/modules/applications/entities';
import { Role } from '../src/auth/roles';
import { fmt, median, ms, print, printTable } from './harness';

export const APPRAISAL_STAFF = 200;
const RECOMPUTE_RUNS = 5;

export interface AppraisalBenchDeps {
  dataSource: DataSource;
  tenant: Tenant;
  gql(query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Runs `work` and returns the SQL statements the server ran meanwhile. */
  capture(work: () => Promise<unknown>): Promise<string[]>;
}

/** APPRAISAL_STAFF window staff on the A and B posts of new windows, copies of a seeded window and account. */
async function staffTheWindows(dataSource: DataSource, tenant: Tenant): Promise<number[]> {
  const windows = dataSource.getRepository(Window);
  const users = dataSource.getRepository(User);
  const window = await windows.findOneByOrFail({ tenantId: tenant.id });
  const staff = await users.findOneOrFail({ where: { tenantId: tenant.id, username: `window_staff.${tenant.code}` } });
  const { id: _w, ...windowRest } = window;
  const { id: _u, ...staffRest } = staff;
  const count = APPRAISAL_STAFF / 2;
  await windows.insert(Array.from({ length: count }, (_, i) => ({ ...windowRest, number: `B${String(i + 1).padStart(3, '0')}`, name: `考核压测窗口 ${i + 1}`, chiefRepresentativeId: null })));
  const windowIds = (await windows.find({ select: { id: true }, where: { tenantId: tenant.id, name: In(Array.from({ length: count }, (_, i) => `考核压测窗口 ${i + 1}`)) }, order: { id: 'ASC' } })).map((w) => w.id);
  const usernames = Array.from({ length: APPRAISAL_STAFF }, (_, i) => `bench_staff.${String(i + 1).padStart(3, '0')}`);
  await users.insert(usernames.map((username) => ({ ...staffRest, username, displayName: username, roles: [Role.WINDOW_STAFF], passwordHash: 'bench: never signs in', idNumber: null, phone: null })));
  const userIds = (await users.find({ select: { id: true }, where: { username: In(usernames) }, order: { id: 'ASC' } })).map((u) => u.id);
  await dataSource.getRepository(WindowPost).insert(
    userIds.map((userId, i) => ({ tenantId: tenant.id, windowId: windowIds[Math.floor(i / 2)], post: i % 2 === 0 ? WindowPostRole.A : WindowPostRole.B, userId })),
  );
  return userIds;
}

/** The bulk cases' receiving staff, spread evenly over the appraised people (ids taken in one bulk INSERT are consecutive). */
async function spreadCases(dataSource: DataSource, tenant: Tenant, userIds: number[]): Promise<void> {
  const n = userIds.length;
  if (userIds[n - 1] - userIds[0] !== n - 1) throw new Error('bench: the staff ids are not consecutive');
  // `%`, not MOD(): SQLite has the operator whatever its build; MySQL has both.
  await dataSource.createQueryBuilder().update(Application).set({ receivedById: () => `${userIds[0]} + (id % ${n})` }).where('tenantId = :tenantId', { tenantId: tenant.id }).execute();
}

const RULES = {
  baseScore: 100,
  excellentFrom: 95,
  competentFrom: 80,
  basicallyCompetentFrom: 60,
  excellenceQuotaPercent: 20,
  items: [
    { subjectKind: 'STAFF', source: 'SATISFACTION_RATE', mode: 'RATE', points: 10, label: '满意率' },
    { subjectKind: 'STAFF', source: 'ON_TIME_RATE', mode: 'RATE', points: 20, label: '按时办结率' },
    { subjectKind: 'STAFF', source: 'OVERDUE_CASE', mode: 'PER_EVENT', points: -0.5, cap: 20, label: '超期办件' },
    { subjectKind: 'STAFF', source: 'UPHELD_COMPLAINT', mode: 'PER_EVENT', points: -5, label: '投诉属实' },
    { subjectKind: 'STAFF', source: 'UNPLANNED_ABSENCE', mode: 'PER_EVENT', points: -2, label: '考勤' },
    { subjectKind: 'STAFF', source: 'LATE_NOTICE', mode: 'PER_EVENT', points: -1, label: '督办逾期' },
    { subjectKind: 'WINDOW', source: 'STAFF_AVERAGE', mode: 'RATE', points: 100, label: '窗口人员平均' },
    { subjectKind: 'WINDOW', source: 'EMPTY_POST', mode: 'PER_EVENT', points: -1, label: '空岗' },
    // 鞍山市 has counties and districts: the centre level runs too (锦州 第三条(十)).
    { subjectKind: 'CENTRE', source: 'ON_TIME_RATE', mode: 'RATE', points: 10, label: '按时办结率' },
    { subjectKind: 'CENTRE', source: 'LATE_TICKET_STEP', mode: 'PER_EVENT', points: -2, label: '协作不到位' },
  ],
};

const OPEN = `mutation($input: OpenAppraisalPeriodInput!) { openAppraisalPeriod(input: $input) { id version results(first: 1) { totalCount } } }`;
const RECOMPUTE = 'mutation($input: AppraisalPeriodVersionInput!) { recomputeAppraisal(input: $input) { id version } }';

/** Shortens a statement for the listing: its verb and table(s). */
const brief = (sql: string) => sql.replace(/\s+/g, ' ').replace(/^SELECT .*? FROM /, 'SELECT … FROM ').slice(0, 150);

export async function benchAppraisal({ dataSource, tenant, gql, capture }: AppraisalBenchDeps): Promise<void> {
  let started = performance.now();
  const userIds = await staffTheWindows(dataSource, tenant);
  await spreadCases(dataSource, tenant, userIds);
  print(`appraisal: ${APPRAISAL_STAFF} window staff on ${APPRAISAL_STAFF / 2} added windows, the cases' receivers spread over them in ${(performance.now() - started).toFixed(0)} ms`);
  await gql('mutation($input: AppraisalRulesInput!) { setAppraisalRules(input: $input) { version } }', { input: RULES });
  const start = `${new Date().getFullYear()}-01-01`;
  let period: { id: string; version: number; results: { totalCount: number } } | undefined;
  started = performance.now();
  const statements = await capture(async () => {
    period = (await gql(OPEN, { input: { tenantCode: tenant.code, kind: 'YEAR', start } })).openAppraisalPeriod as typeof period;
  });
  const openMs = performance.now() - started;
  const samples: number[] = [];
  let version = period!.version;
  for (let i = 0; i < RECOMPUTE_RUNS; i += 1) {
    const t0 = performance.now();
    version = ((await gql(RECOMPUTE, { input: { periodId: period!.id, version } })).recomputeAppraisal as { version: number }).version;
    samples.push(performance.now() - t0);
  }
  printTable(
    ['appraisal (YEAR from ' + start + ')', 'ms', 'results'],
    [
      ['openAppraisalPeriod (once, timed with statement capture on)', ms(openMs), fmt(period!.results.totalCount)],
      [`recomputeAppraisal (median of ${RECOMPUTE_RUNS})`, ms(median(samples.sort((a, b) => a - b))), fmt(period!.results.totalCount)],
    ],
    [false, true, true],
  );
  print(`statements openAppraisalPeriod ran: ${statements.length}`);
  for (const sql of statements) print(`  ${brief(sql)}`);
  print();
}
