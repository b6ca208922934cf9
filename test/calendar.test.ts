import { codeOf, startTestApp, TestApp } from './harness';
import { acceptCase } from './fixtures/accepted-case';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const YEAR = '{ calendar(year: 2026) { year tenant { code } workingDays days { date working name source } } }';
const SET = 'mutation($input: CalendarOverrideInput!) { setCalendarOverride(input: $input) { date working reason } }';

/** Accepts a 5-working-day case (不动产转移登记) in a tenant at 10:00 on 24 November 2026 and returns its deadline. */
async function dueOfCaseAcceptedOn24November(tenantCode: string): Promise<string> {
  return (await acceptCase(t, tenantCode, '2026-11-24T10:00:00+08:00')).dueAt;
}

describe('working-day calendar (工作日)', () => {
  it('shows the national holidays and make-up days of a year, and counts its working days', async () => {
    const res = await t.gql(YEAR, {}, await t.tokenOf('window_staff.210381'));
    expect(res.errors).toBeUndefined();
    const calendar = res.data?.calendar;
    expect(calendar).toMatchObject({ year: 2026, tenant: { code: '210381' }, workingDays: 248 });
    expect(calendar.days).toContainEqual({ date: '2026-02-17', working: false, name: '春节', source: 'NATIONAL' });
    expect(calendar.days).toContainEqual({ date: '2026-02-14', working: true, name: '调休上班', source: 'NATIONAL' });
    expect(calendar.days.filter((d: { working: boolean }) => d.working)).toHaveLength(6);
  });

  it("a centre's closure moves its own deadlines and nobody else's", async () => {
    expect(await dueOfCaseAcceptedOn24November('210303')).toBe('2026-12-01T15:59:59.999Z');
    const admin = await t.tokenOf('centre_admin.210302');
    const set = await t.gql(SET, { input: { date: '2026-11-25', working: false, reason: '大厅设备检修' } }, admin);
    expect(set.data?.setCalendarOverride).toEqual({ date: '2026-11-25', working: false, reason: '大厅设备检修' });
    // 26, 27, 30 November, 1 and 2 December
    expect(await dueOfCaseAcceptedOn24November('210302')).toBe('2026-12-02T15:59:59.999Z');
    expect(await dueOfCaseAcceptedOn24November('210303')).toBe('2026-12-01T15:59:59.999Z');
    const year = await t.gql(YEAR, {}, admin);
    expect(year.data?.calendar.days).toContainEqual({ date: '2026-11-25', working: false, name: '大厅设备检修', source: 'TENANT' });
    expect(year.data?.calendar.workingDays).toBe(247);
    const removed = await t.gql('mutation { removeCalendarOverride(input: { date: "2026-11-25" }) }', {}, admin);
    expect(removed.data?.removeCalendarOverride).toBe(true);
    expect((await t.gql(YEAR, {}, admin)).data?.calendar.workingDays).toBe(248);
  });

  it('a closure moves the deadline of every running case of the centre in the same change, each with a timeline event saying why; other centres keep theirs (issue 9; 鞍山 规范 三 限时办结制)', async () => {
    const moved = await acceptCase(t, '210304', '2026-11-24T10:00:00+08:00');
    const elsewhere = await acceptCase(t, '210303', '2026-11-24T10:00:00+08:00');
    expect(moved.dueAt).toBe('2026-12-01T15:59:59.999Z');
    const admin = await t.tokenOf('centre_admin.210304');
    for (const date of ['2026-11-26', '2026-11-27']) {
      const set = await t.gql(SET, { input: { date, working: false, reason: '大厅搬迁闭厅' } }, admin);
      expect(set.errors).toBeUndefined();
    }
    const CASE = 'query($n: String!) { application(number: $n) { dueAt timeline { action note } } }';
    const after = (await t.gql(CASE, { n: moved.number }, admin)).data?.application;
    // 25, 30 November, 1, 2, 3 December
    expect(after.dueAt).toBe('2026-12-03T15:59:59.999Z');
    expect(after.timeline.filter((e: { action: string }) => e.action === 'DEADLINE_MOVED')).toEqual([
      { action: 'DEADLINE_MOVED', note: '2026-11-26 闭厅: 大厅搬迁闭厅: 2026-12-01 → 2026-12-02' },
      { action: 'DEADLINE_MOVED', note: '2026-11-27 闭厅: 大厅搬迁闭厅: 2026-12-02 → 2026-12-03' },
    ]);
    const other = (await t.gql(CASE, { n: elsewhere.number }, await t.tokenOf('centre_admin.210303'))).data?.application;
    expect(other.dueAt).toBe('2026-12-01T15:59:59.999Z');
    expect(other.timeline.map((e: { action: string }) => e.action)).not.toContain('DEADLINE_MOVED');
    for (const date of ['2026-11-26', '2026-11-27']) await t.gql(`mutation { removeCalendarOverride(input: { date: "${date}" }) }`, {}, admin);
    expect((await t.gql(CASE, { n: moved.number }, admin)).data?.application.dueAt).toBe('2026-12-01T15:59:59.999Z');
  });

  it('a deadline in a year whose national schedule is not loaded is provisional (weekends only) and listed in supervision; loading the year recomputes it, and no dates are invented (issue 9)', async () => {
    const admin = await t.tokenOf('centre_admin.210303');
    const platform = await t.tokenOf('platform_admin');
    expect((await t.gql('{ nationalCalendarYears }', {}, admin)).data?.nationalCalendarYears).toEqual([2025, 2026]);
    expect((await t.gql('{ calendar(year: 2027) { nationalScheduleLoaded } }', {}, admin)).data?.calendar.nationalScheduleLoaded).toBe(false);
    // 29, 30, 31 December, 1 and 4 January: 2027 is not loaded, so 1 January counts as a Friday
    const kase = await acceptCase(t, '210303', '2026-12-28T10:00:00+08:00');
    expect(kase).toMatchObject({ dueAt: '2027-01-04T15:59:59.999Z', dueAtProvisional: true });
    const ALERTS = '{ supervisionAlerts(tenantCode: "210303", first: 100) { provisionalDeadlines { number dueAtProvisional } } }';
    expect((await t.gql(ALERTS, {}, admin)).data?.supervisionAlerts[0].provisionalDeadlines).toContainEqual({ number: kase.number, dueAtProvisional: true });
    const LOAD = 'mutation($input: NationalCalendarInput!) { setNationalCalendar(input: $input) }';
    const newYear = { date: '2027-01-01', name: '元旦' };
    expect(codeOf(await t.gql(LOAD, { input: { year: 2027, holidays: [newYear], makeUpWorkdays: [] } }, admin))).toBe('FORBIDDEN');
    const outside = await t.gql(LOAD, { input: { year: 2027, holidays: [{ date: '2026-12-31', name: '元旦' }], makeUpWorkdays: [] } }, platform);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.holidays[0].date' });
    const both = await t.gql(LOAD, { input: { year: 2027, holidays: [newYear], makeUpWorkdays: ['2027-01-01'] } }, platform);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.makeUpWorkdays' });
    expect((await t.gql('{ nationalCalendarYears }', {}, admin)).data?.nationalCalendarYears).toEqual([2025, 2026]);
    const loaded = await t.gql(LOAD, { input: { year: 2027, holidays: [newYear], makeUpWorkdays: [] } }, platform);
    expect(loaded.data?.setNationalCalendar).toBe(2027);
    const after = await t.gql('query($n: String!) { application(number: $n) { dueAt dueAtProvisional timeline { action note } } }', { n: kase.number }, admin);
    expect(after.data?.application).toMatchObject({ dueAt: '2027-01-05T15:59:59.999Z', dueAtProvisional: false });
    expect(after.data?.application.timeline.at(-1)).toEqual({ action: 'DEADLINE_MOVED', note: '2027年国家放假安排载入: 2027-01-04 → 2027-01-05' });
    expect(JSON.stringify((await t.gql(ALERTS, {}, admin)).data)).not.toContain(kase.number);
    expect((await t.gql('{ nationalCalendarYears }', {}, admin)).data?.nationalCalendarYears).toEqual([2025, 2026, 2027]);
    expect((await t.gql('{ calendar(year: 2027) { nationalScheduleLoaded days { date name } } }', {}, admin)).data?.calendar).toEqual({ nationalScheduleLoaded: true, days: [newYear] });
  });

  it('only a centre admin sets overrides, only a platform admin the national calendar', async () => {
    const clerk = await t.gql(SET, { input: { date: '2026-12-01', working: false, reason: 'x' } }, await t.tokenOf('window_staff.210302'));
    expect(codeOf(clerk)).toBe('FORBIDDEN');
    const NATIONAL = 'mutation($input: NationalCalendarDayInput!) { setNationalCalendarDay(input: $input) { date working name source } }';
    const admin = await t.gql(NATIONAL, { input: { date: '2027-01-01', working: false, name: '元旦' } }, await t.tokenOf('centre_admin.210300'));
    expect(codeOf(admin)).toBe('FORBIDDEN');
    const platform = await t.gql(NATIONAL, { input: { date: '2027-01-01', working: false, name: '元旦' } }, await t.tokenOf('platform_admin'));
    expect(platform.data?.setNationalCalendarDay).toEqual({ date: '2027-01-01', working: false, name: '元旦', source: 'NATIONAL' });
    const seen = await t.gql('{ calendar(year: 2027) { days { date name } } }', {}, await t.tokenOf('window_staff.210381'));
    expect(seen.data?.calendar.days).toEqual([{ date: '2027-01-01', name: '元旦' }]);
  });

  it('refuses malformed dates and years naming the field', async () => {
    const admin = await t.tokenOf('centre_admin.210311');
    for (const date of ['2026-02-30', '20261125', "2026-11-25' OR 1=1"]) {
      const res = await t.gql(SET, { input: { date, working: false, reason: 'x' } }, admin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    }
    const year = await t.gql('{ calendar(year: 99999) { year } }', {}, admin);
    expect(year.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it("another centre's calendar is out of reach of a county user", async () => {
    const res = await t.gql('{ calendar(year: 2026, tenantCode: "210302") { year } }', {}, await t.tokenOf('window_staff.210381'));
    expect(codeOf(res)).toBe('NOT_FOUND');
  });
});
