import { GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant } from '../src/modules/tenancy/entities';
import { MaterialRequirement, Matter } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { Application, ApplicationStatsRollup, ApplicationStatus, Decision } from '../src/modules/applications/entities';
import { rebuildRollups, rebuildRollupsIfMissing } from '../src/modules/applications/rollups';
import { APPLICANT as applicant } from './fixtures/applicant';

/**
 * 数据统计 from rollups: after a random workload of intakes and transitions through HTTP
 * (some concurrent), the maintained rollups equal a recount from the cases, and the
 * statistics equal a recount of the cases made here, case by case.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);

/** A small seeded generator: the workload is random but the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  id: string;
  number: string;
  version: number;
  status: ApplicationStatus;
  matter: Matter;
  replied: boolean;
  withdrawalRequested: boolean;
}

const CASE = 'id number version status';
async function rollupRows(): Promise<ApplicationStatsRollup[]> {
  const rows = await repo(ApplicationStatsRollup).find({ order: { tenantId: 'ASC', period: 'ASC', departmentId: 'ASC', receivingWindowId: 'ASC', matterId: 'ASC' } });
  return rows;
}

describe('数据统计 rollups', () => {
  let clerk: string;
  let admin: string;
  let estate: string;
  let hr: string;
  let windowId: string;
  const matters: Matter[] = [];
  const materials = new Map<number, string[]>();

  beforeAll(async () => {
    const tenant = await repo(Tenant).findOneByOrFail({ code: '210300' });
    clerk = await t.tokenOf('window_staff.210300');
    admin = await t.tokenOf('centre_admin.210300');
    estate = await t.tokenOf('approver.210300');
    const department = await repo(Department).findOneByOrFail({ tenantId: tenant.id, name: '鞍山市人力资源和社会保障局' });
    const created = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { departmentId: encodeGlobalId('Department', department.id), username: 'approver.hr.rollups', displayName: '审批员', roles: ['APPROVER'], password: 'approver-2026' } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    hr = await t.tokenOf('approver.hr.rollups', 'approver-2026');
    windowId = encodeGlobalId('Window', (await repo(Window).findOneByOrFail({ tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE })).id);
    for (const code of ['QR00300002', 'XK00400005']) {
      const matter = await repo(Matter).findOneByOrFail({ code, tenantId: tenant.id });
      matters.push(matter);
      const rows = await repo(MaterialRequirement).find({ where: { matterId: matter.id } });
      materials.set(matter.id, rows.map((m) => encodeGlobalId('MaterialRequirement', m.id)));
    }
  });

  afterAll(() => t.clock.set(null));

  async function receive(matter: Matter): Promise<Case> {
    const res = await t.gql(`mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { ${CASE} } }`, { input: { matterId: encodeGlobalId('Matter', matter.id), windowId, ...applicant } }, clerk);
    expect(res.errors).toBeUndefined();
    return { ...res.data?.receiveApplication, matter, replied: false, withdrawalRequested: false };
  }

  /** One legal next step for the case's state, picked at random. */
  function nextStep(kase: Case, random: () => number): [mutation: string, inputType: string, token: string, fields: Record<string, unknown>] {
    const approver = kase.matter.code === 'XK00400005' ? hr : estate;
    const pick = <T>(options: T[]) => options[Math.floor(random() * options.length)];
    const all = materials.get(kase.matter.id)!;
    const withdrawable = ['SUBMITTED', 'AWAITING_SUPPLEMENT', 'ACCEPTED', 'UNDER_REVIEW', 'SUSPENDED', 'REPORTED_UP'].includes(kase.status);
    if (kase.withdrawalRequested) return ['decideWithdrawal', 'DecideWithdrawalInput', admin, { approve: random() < 0.5 }];
    if (withdrawable && random() < 0.05) return ['requestWithdrawal', 'ReasonInput', clerk, { reason: '申请人撤回' }];
    const reportedMatter = kase.matter.code === 'XK00400005';
    const decide = pick([['approveApplication', 'NoteInput', approver, {}], ['approveApplication', 'NoteInput', approver, {}], ['denyApplication', 'ReasonInput', approver, { reason: '不符合条件' }]] as const);
    switch (kase.status) {
      case 'SUBMITTED':
        return pick([
          ['acceptApplication', 'AcceptApplicationInput', clerk, { providedMaterialIds: all }],
          ['acceptApplication', 'AcceptApplicationInput', clerk, { providedMaterialIds: all }],
          ['requestSupplement', 'RequestSupplementInput', clerk, { providedMaterialIds: all.slice(0, 1) }],
          ['refuseApplication', 'RefuseApplicationInput', clerk, { reason: '不属于受理范围' }],
        ]);
      case 'AWAITING_SUPPLEMENT':
        return pick([
          ['supplementApplication', 'SupplementApplicationInput', clerk, { providedMaterialIds: all.slice(1) }],
          ['closeLapsedSupplement', 'ApplicationVersionInput', clerk, {}],
        ]);
      case 'ACCEPTED':
        return pick([
          ['startReview', 'ApplicationVersionInput', approver, {}],
          ['startReview', 'ApplicationVersionInput', approver, {}],
          ['suspendApplication', 'SuspendApplicationInput', approver, { kind: 'SITE_SURVEY', reason: '现场勘验' }],
          ['extendApplication', 'ExtendApplicationInput', approver, { days: 1, reason: '情况复杂', notifiedBy: 'PHONE' }],
        ]);
      case 'UNDER_REVIEW':
        if (reportedMatter) return pick([['recordReport', 'ReportInput', approver, { reportedTo: '辽宁省科学技术厅' }], ['suspendApplication', 'SuspendApplicationInput', approver, { kind: 'EXPERT_REVIEW', reason: '专家评审' }]]);
        return pick([[...decide], [...decide], ['suspendApplication', 'SuspendApplicationInput', approver, { kind: 'EXPERT_REVIEW', reason: '专家评审' }]]);
      case 'REPORTED_UP':
        return kase.replied ? [...decide] : ['recordReportReply', 'ReportReplyInput', approver, { reply: '同意' }];
      case 'SUSPENDED':
        return ['resumeApplication', 'ApplicationVersionInput', approver, {}];
      case 'APPROVED':
      case 'DENIED':
        return ['markResultReady', 'ApplicationVersionInput', clerk, {}];
      default:
        return ['deliverApplication', 'DeliverApplicationInput', clerk, { method: 'PICKUP' }];
    }
  }

  async function advance(kase: Case, random: () => number): Promise<void> {
    const [mutation, inputType, token, fields] = nextStep(kase, random);
    const res: GraphQLResponse = await t.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${CASE} } }`, { input: { id: kase.id, version: kase.version, ...fields } }, token);
    if (res.errors) {
      // Refused by a rule that depends on time (a supplement not lapsed yet, an overdue
      // extension, the legal limit): the case stays as it was.
      expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(res.errors[0].extensions?.code);
      return;
    }
    Object.assign(kase, res.data?.[mutation]);
    if (mutation === 'recordReportReply') kase.replied = true;
    if (mutation === 'requestWithdrawal') kase.withdrawalRequested = true;
    if (mutation === 'decideWithdrawal') kase.withdrawalRequested = false;
  }

  it('after a random workload through HTTP, the maintained rollups equal a recount from the cases, and the rebuild is idempotent', async () => {
    const random = generator(20261124);
    const cases: Case[] = [];
    let clock = Date.parse('2026-03-02T09:00:00+08:00');
    for (let round = 0; round < 120; round += 1) {
      clock += Math.floor(random() * 20) * 3_600_000;
      t.clock.set(new Date(clock));
      const open = cases.filter((c) => !['DELIVERED', 'NOT_ACCEPTED', 'WITHDRAWN'].includes(c.status));
      if (open.length === 0 || random() < 0.25) {
        // Several intakes at once: on MySQL they run concurrently on their own connections.
        cases.push(...(await Promise.all([0, 1, 2].map(() => receive(matters[Math.floor(random() * matters.length)])))));
      } else {
        const chosen = new Set([0, 1, 2].map(() => open[Math.floor(random() * open.length)]));
        await Promise.all([...chosen].map((kase) => advance(kase, random)));
      }
    }
    const statuses = new Set(cases.map((c) => c.status));
    expect(statuses.size).toBeGreaterThanOrEqual(6);

    const maintained = await rollupRows();
    expect(maintained.length).toBeGreaterThan(0);
    await rebuildRollups(t.dataSource);
    expect(await rollupRows()).toEqual(maintained);
    await rebuildRollups(t.dataSource);
    expect(await rollupRows()).toEqual(maintained);
    // A database migrated from before the rollups (cases, no rollups) gets them at start; one that has them is left alone.
    expect(await rebuildRollupsIfMissing(t.dataSource)).toBe(false);
    await repo(ApplicationStatsRollup).clear();
    expect(await rebuildRollupsIfMissing(t.dataSource)).toBe(true);
    expect(await rollupRows()).toEqual(maintained);
  });

  it('applicationStats equals a recount of the cases, over whole months (rollups only), whole days cut mid-day, and months with days on either side', async () => {
    const cases = await repo(Application).find({ where: { tenantId: (await repo(Tenant).findOneByOrFail({ code: '210300' })).id } });
    const FIELDS = 'groupName received accepted supplementRequested notAccepted reportedUp approved denied delivered decided decidedOnTime onTimeRate averageWorkingDays';
    const names = new Map(matters.map((m) => [m.id, m.name]));
    for (const [from, to] of [
      ['2026-03-01T00:00:00+08:00', '2026-05-01T00:00:00+08:00'],
      ['2026-03-03T13:30:00+08:00', '2026-03-20T11:15:00+08:00'],
      ['2026-02-20T00:00:00+08:00', '2026-04-17T12:00:00+08:00'],
    ]) {
      const received = cases.filter((c) => c.receivedAt >= new Date(from) && c.receivedAt < new Date(to) && names.has(c.matterId));
      const expected = [...names].sort((a, b) => a[0] - b[0]).map(([matterId, groupName]) => {
        const group = received.filter((c) => c.matterId === matterId);
        const count = (p: (c: Application) => boolean) => group.filter(p).length;
        const decided = count((c) => c.decidedAt !== null);
        const onTime = count((c) => c.decidedAt !== null && c.dueAt !== null && (c.reportedAt ?? c.decidedAt) <= c.dueAt);
        const days = group.filter((c) => c.decisionWorkingDays !== null).map((c) => c.decisionWorkingDays!);
        return {
          groupName,
          received: group.length,
          accepted: count((c) => c.acceptedAt !== null),
          supplementRequested: count((c) => c.oneTimeNotice !== null),
          notAccepted: count((c) => c.status === ApplicationStatus.NOT_ACCEPTED),
          reportedUp: count((c) => c.reportedAt !== null),
          approved: count((c) => c.decision === Decision.APPROVED),
          denied: count((c) => c.decision === Decision.DENIED),
          delivered: count((c) => c.deliveredAt !== null),
          decided,
          decidedOnTime: onTime,
          onTimeRate: decided === 0 ? null : Math.round((onTime / decided) * 10000) / 10000,
          averageWorkingDays: days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 100) / 100,
        };
      });
      const res = await t.gql(`query($from: DateTimeISO!, $to: DateTimeISO!) { applicationStats(tenantCode: "210300", from: $from, to: $to, groupBy: MATTER) { ${FIELDS} } }`, { from, to }, admin);
      expect(res.errors).toBeUndefined();
      const answered = res.data?.applicationStats.filter((row: { groupName: string }) => expected.some((e) => e.groupName === row.groupName));
      expect(answered).toEqual(expected.filter((e) => e.received > 0));
      expect(expected.reduce((n, e) => n + e.received, 0)).toBeGreaterThan(10);
    }
  });

  it('supervisionAlerts counts and lists exactly the open cases whose own light is RED or YELLOW (DESIGN.md §2 电子监察)', async () => {
    t.clock.set('2026-04-21T10:00:00+08:00');
    type Light = { number: string; status: string; light: string | null };
    type Page = { applications: { edges: { node: Light }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const lights: Light[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: GraphQLResponse<Page> = await t.gql<Page>('query($after: String) { applications(first: 100, after: $after) { edges { node { number status light } } pageInfo { hasNextPage endCursor } } }', { after }, admin);
      expect(page.errors).toBeUndefined();
      const list = page.data!.applications;
      lights.push(...list.edges.map((e) => e.node).filter((c) => c.number.startsWith('210300-')));
      [after, more] = [list.pageInfo.endCursor, list.pageInfo.hasNextPage];
    }
    const open = lights.filter((c) => c.status === 'ACCEPTED' || c.status === 'UNDER_REVIEW');
    const alerting = open.filter((c) => c.light === 'RED' || c.light === 'YELLOW');
    const res = await t.gql('{ supervisionAlerts(tenantCode: "210300", first: 100) { tenant { code } red yellow cases { number } } }', {}, admin);
    expect(res.errors).toBeUndefined();
    const own = res.data?.supervisionAlerts.find((g: { tenant: { code: string } }) => g.tenant.code === '210300');
    expect(own.red).toBeGreaterThan(0);
    expect({ red: own.red, yellow: own.yellow }).toEqual({ red: open.filter((c) => c.light === 'RED').length, yellow: open.filter((c) => c.light === 'YELLOW').length });
    expect(own.cases.map((c: { number: string }) => c.number).sort()).toEqual(alerting.map((c) => c.number).sort());
  });
});
