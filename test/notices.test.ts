import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { acceptCase } from './fixtures/accepted-case';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant } from '../src/modules/tenancy/entities';
import { Matter } from '../src/modules/matters/entities';
import { Window } from '../src/modules/windows/entities';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;
const tenantOf = (code: string) => t.dataSource.getRepository(Tenant).findOneByOrFail({ code });

const NOTICE = 'id kind status title appliesFrom appliesUntil newAddress opensAt closesAt lunchStartsAt lunchEndsAt matterIds windowIds version';
const CREATE = `mutation($input: CreatePublicNoticeInput!) { createNotice(input: $input) { ${NOTICE} } }`;
const EDIT = `mutation($input: EditPublicNoticeDraftInput!) { editNoticeDraft(input: $input) { ${NOTICE} } }`;
const PUBLISH = `mutation($input: PublicNoticeVersionInput!) { publishNotice(input: $input) { ${NOTICE} } }`;
const WITHDRAW = `mutation($input: WithdrawPublicNoticeInput!) { withdrawNotice(input: $input) { ${NOTICE} } }`;
const PUBLIC = 'query($code: String!) { publicNotices(tenantCode: $code) { kind title text appliesFrom appliesUntil inForce newAddress newHours matterCodes windowNumbers } }';
const HOURS = '{ hallHours { opensAt closesAt lunchStartsAt lunchEndsAt isDefault effectiveFrom scheduled { effectiveFrom lunchEndsAt } } }';
const ADDRESS = 'query($code: String!) { tenant(code: $code) { address } }';
const COVERAGE = 'query($at: DateTimeISO) { windowCoverage(at: $at) { open closedBecause } }';

interface Notice {
  id: string;
  status: string;
  version: number;
  [field: string]: unknown;
}

const admin = (code: string) => t.tokenOf(`centre_admin.${code}`);

async function create(code: string, input: Record<string, unknown>): Promise<Notice> {
  const res = await t.gql(CREATE, { input }, await admin(code));
  expect(res.errors).toBeUndefined();
  return res.data?.createNotice;
}

async function publicTitles(code: string): Promise<string[]> {
  const res = await t.gql(PUBLIC, { code });
  expect(res.errors).toBeUndefined();
  return res.data?.publicNotices.map((n: { title: string }) => n.title);
}

afterEach(() => t.clock.set(null));

describe('公告: relocation and hours, from their date (搬迁方案)', () => {
  it('铜仁 三(四) "具体时间另行通知", 三明 三(三) 朝九晚五: a relocation notice changes the address and the hall hours on its date and not before', async () => {
    const token = await admin('210381');
    t.clock.set('2026-11-24T10:00:00+08:00');
    const notice = await create('210381', {
      kind: 'RELOCATION',
      title: '关于海城市政务服务中心搬迁新址办公的公告',
      text: '中心于 2026 年 12 月 14 日起在新址办公，请群众到新政务服务中心办事。',
      appliesFrom: '2026-12-14',
      newAddress: '海城市新区公共服务中心大楼一楼、三楼',
      newHours: { opensAt: '09:00', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:00' },
      publish: true,
    });
    expect(notice).toMatchObject({ kind: 'RELOCATION', status: 'PUBLISHED', appliesFrom: '2026-12-14', appliesUntil: null, newAddress: '海城市新区公共服务中心大楼一楼、三楼' });

    // Before the date: nothing changed yet, the change is announced.
    expect((await t.gql(ADDRESS, { code: '210381' }, token)).data?.tenant.address).toBeNull();
    expect((await t.gql(HOURS, {}, token)).data?.hallHours).toEqual({
      opensAt: '09:00', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:30', isDefault: true, effectiveFrom: null,
      scheduled: [{ effectiveFrom: '2026-12-14', lunchEndsAt: '13:00' }],
    });
    expect((await t.gql(COVERAGE, { at: '2026-12-11T13:15:00+08:00' }, token)).data?.windowCoverage).toEqual({ open: false, closedBecause: 'LUNCH_BREAK' });
    const upcoming = (await t.gql(PUBLIC, { code: '210381' })).data?.publicNotices;
    expect(upcoming).toEqual([
      expect.objectContaining({ kind: 'RELOCATION', inForce: false, newAddress: '海城市新区公共服务中心大楼一楼、三楼', newHours: '09:00–12:00, 13:00–17:00', matterCodes: [], windowNumbers: [] }),
    ]);

    // On the date: the address and the hours in force are the new ones.
    t.clock.set('2026-12-14T08:00:00+08:00');
    expect((await t.gql(ADDRESS, { code: '210381' }, token)).data?.tenant.address).toBe('海城市新区公共服务中心大楼一楼、三楼');
    expect((await t.gql(HOURS, {}, token)).data?.hallHours).toEqual({
      opensAt: '09:00', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:00', isDefault: false, effectiveFrom: '2026-12-14', scheduled: [],
    });
    expect((await t.gql(COVERAGE, { at: '2026-12-14T13:15:00+08:00' }, token)).data?.windowCoverage.closedBecause).not.toBe('LUNCH_BREAK');
    // A day before the date keeps the old lunch break, even read after it.
    expect((await t.gql(COVERAGE, { at: '2026-12-11T13:15:00+08:00' }, token)).data?.windowCoverage.closedBecause).toBe('LUNCH_BREAK');
    const guide = await t.gql('{ publicMatters(tenantCode: "210381", first: 1) { edges { node { centreAddress notices { kind inForce } } } } }');
    expect(guide.data?.publicMatters.edges[0].node).toEqual({ centreAddress: '海城市新区公共服务中心大楼一楼、三楼', notices: [{ kind: 'RELOCATION', inForce: true }] });

    // One change per day: a second notice for the date is refused, and leaves nothing behind (one transaction).
    t.clock.set('2026-11-25T10:00:00+08:00');
    const twice = await t.gql(CREATE, { input: { kind: 'HOURS_CHANGE', title: '同日调整', text: '同日', appliesFrom: '2026-12-14', newHours: { opensAt: '08:30', closesAt: '17:30' }, publish: true } }, token);
    expect([codeOf(twice), fieldOf(twice)]).toEqual(['CONFLICT', 'input.appliesFrom']);
    const titles = (await t.gql('{ centreNotices(first: 50) { edges { node { title } } } }', {}, token)).data?.centreNotices.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(titles).not.toContain('同日调整');
  });

  it('搬迁方案 三明 三(三): an hours change applies from its date; setHallHours still edits the hours in force today; withdrawn before its date, the change is undone', async () => {
    const token = await admin('210321');
    t.clock.set('2026-11-24T10:00:00+08:00');
    const notice = await create('210321', {
      kind: 'HOURS_CHANGE', title: '关于调整冬季办公时间的公告', text: '自 12 月 1 日起下午 1:00 开始办公。', appliesFrom: '2026-12-01',
      newHours: { opensAt: '09:00', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:00' }, publish: true,
    });
    const set = await t.gql('mutation($input: SetHallHoursInput!) { setHallHours(input: $input) { opensAt effectiveFrom scheduled { effectiveFrom } } }', { input: { opensAt: '08:30', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:30' } }, token);
    expect(set.data?.setHallHours).toEqual({ opensAt: '08:30', effectiveFrom: null, scheduled: [{ effectiveFrom: '2026-12-01' }] });
    const withdrawn = await t.gql(WITHDRAW, { input: { id: notice.id, version: notice.version, reason: '暂缓调整' } }, token);
    expect(withdrawn.data?.withdrawNotice.status).toBe('WITHDRAWN');
    expect((await t.gql(HOURS, {}, token)).data?.hallHours.scheduled).toEqual([]);
    expect(await publicTitles('210321')).not.toContain('关于调整冬季办公时间的公告');
  });
});

describe('公告: a service pause is a closure and its notice in one step', () => {
  const CASE = 'query($n: String!) { application(number: $n) { dueAt timeline { action note } } }';
  const YEAR = '{ calendar(year: 2026) { days { date working name source } } }';

  it('搬迁方案 铜仁 三(四) 搬迁闭厅: publishing a pause closes its working days and moves a running deadline; withdrawing it reopens the days nobody set since', async () => {
    const running = await acceptCase(t, '210304', '2026-11-24T10:00:00+08:00');
    expect(running.dueAt).toBe('2026-12-01T15:59:59.999Z');
    const token = await admin('210304');
    t.clock.set('2026-11-24T11:00:00+08:00');
    const pause = await create('210304', {
      kind: 'SERVICE_PAUSE', title: '搬迁期间暂停办公', text: '11 月 26 日至 29 日搬迁，暂停对外办公。', appliesFrom: '2026-11-26', appliesUntil: '2026-11-29', publish: true,
    });
    expect(pause.status).toBe('PUBLISHED');
    const moved = (await t.gql(CASE, { n: running.number }, token)).data?.application;
    // 26, 27 November closed (28, 29 are a weekend): 25, 30 November, 1, 2, 3 December.
    expect(moved.dueAt).toBe('2026-12-03T15:59:59.999Z');
    expect(moved.timeline.filter((e: { action: string }) => e.action === 'DEADLINE_MOVED')).toEqual([
      { action: 'DEADLINE_MOVED', note: '2026-11-26–2026-11-29 闭厅: 搬迁期间暂停办公: 2026-12-01 → 2026-12-03' },
    ]);
    const days = (await t.gql(YEAR, {}, token)).data?.calendar.days;
    expect(days.filter((d: { source: string }) => d.source === 'TENANT')).toEqual([
      { date: '2026-11-26', working: false, name: '搬迁期间暂停办公', source: 'TENANT' },
      { date: '2026-11-27', working: false, name: '搬迁期间暂停办公', source: 'TENANT' },
    ]);
    expect(await publicTitles('210304')).toContain('搬迁期间暂停办公');

    // The admin sets 27 November directly: that day is theirs now, and stays closed.
    const direct = await t.gql('mutation($input: CalendarOverrideInput!) { setCalendarOverride(input: $input) { date } }', { input: { date: '2026-11-27', working: false, reason: '设备调试' } }, token);
    expect(direct.errors).toBeUndefined();
    const withdrawn = await t.gql(WITHDRAW, { input: { id: pause.id, version: pause.version, reason: '搬迁推迟' } }, token);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.withdrawNotice.status).toBe('WITHDRAWN');
    expect((await t.gql(YEAR, {}, token)).data?.calendar.days.filter((d: { source: string }) => d.source === 'TENANT')).toEqual([
      { date: '2026-11-27', working: false, name: '设备调试', source: 'TENANT' },
    ]);
    expect((await t.gql(CASE, { n: running.number }, token)).data?.application.dueAt).toBe('2026-12-02T15:59:59.999Z');
    expect(await publicTitles('210304')).not.toContain('搬迁期间暂停办公');
  });
});

describe('公告: a pause over an extra working day', () => {
  const YEAR = '{ calendar(year: 2026) { days { date working name source } } }';
  const SET = 'mutation($input: CalendarOverrideInput!) { setCalendarOverride(input: $input) { date } }';

  it('搬迁方案 铜仁 三(四): a pause closes the centre’s extra working Saturday too; withdrawn, the Saturday is a working day again, with its reason', async () => {
    const token = await admin('210323');
    t.clock.set('2026-11-24T10:00:00+08:00');
    expect((await t.gql(SET, { input: { date: '2026-12-05', working: true, reason: '集中办理不动产登记' } }, token)).errors).toBeUndefined();
    const pause = await create('210323', { kind: 'SERVICE_PAUSE', title: '设备更换暂停办公', text: '12 月 4 日至 6 日暂停办公。', appliesFrom: '2026-12-04', appliesUntil: '2026-12-06', publish: true });
    const own = async () => (await t.gql(YEAR, {}, token)).data?.calendar.days.filter((d: { source: string }) => d.source === 'TENANT');
    expect(await own()).toEqual([
      { date: '2026-12-04', working: false, name: '设备更换暂停办公', source: 'TENANT' },
      { date: '2026-12-05', working: false, name: '设备更换暂停办公', source: 'TENANT' },
    ]);
    const withdrawn = await t.gql(WITHDRAW, { input: { id: pause.id, version: pause.version, reason: '设备推迟到货' } }, token);
    expect(withdrawn.errors).toBeUndefined();
    expect(await own()).toEqual([{ date: '2026-12-05', working: true, name: '集中办理不动产登记', source: 'TENANT' }]);
  });
});

describe('公告: overlapping pauses', () => {
  it('搬迁方案 铜仁 三(四): withdrawing one of two overlapping pauses keeps the shared day closed for the other; withdrawing that one reopens it', async () => {
    const token = await admin('210311');
    t.clock.set('2026-11-24T11:00:00+08:00');
    const closedDays = async () =>
      (await t.gql('{ calendar(year: 2026) { days { date working source } } }', {}, token)).data?.calendar.days.filter((d: { source: string }) => d.source === 'TENANT').map((d: { date: string }) => d.date);
    const first = await create('210311', { kind: 'SERVICE_PAUSE', title: '停电检修', text: '停电检修，暂停办公。', appliesFrom: '2026-12-08', appliesUntil: '2026-12-09', publish: true });
    const second = await create('210311', { kind: 'SERVICE_PAUSE', title: '网络割接', text: '网络割接，暂停办公。', appliesFrom: '2026-12-09', appliesUntil: '2026-12-10', publish: true });
    expect(await closedDays()).toEqual(['2026-12-08', '2026-12-09', '2026-12-10']);
    await t.gql(WITHDRAW, { input: { id: first.id, version: first.version, reason: '检修取消' } }, token);
    expect(await closedDays()).toEqual(['2026-12-09', '2026-12-10']);
    await t.gql(WITHDRAW, { input: { id: second.id, version: second.version, reason: '割接取消' } }, token);
    expect(await closedDays()).toEqual([]);
  });
});

describe('公告 in public (政务公开)', () => {
  it('the demo: 鞍山市 has announced its winter hours and its relocation (搬迁方案), both ahead, and keeps its address until then', async () => {
    const notices = (await t.gql(PUBLIC, { code: '210300' })).data?.publicNotices;
    expect(notices.map((n: { kind: string; inForce: boolean }) => [n.kind, n.inForce])).toEqual([['HOURS_CHANGE', false], ['RELOCATION', false]]);
    expect(notices[1].newHours).toBe('09:00–12:00, 13:30–17:00');
    const token = await admin('210300');
    expect((await t.gql(ADDRESS, { code: '210300' }, token)).data?.tenant.address).toBe('鞍山市铁东区胜利南路 38 号（市政务服务中心）');
    expect((await t.gql(HOURS, {}, token)).data?.hallHours.scheduled.map((h: { lunchEndsAt: string }) => h.lunchEndsAt)).toEqual(['13:00', '13:30']);
  });

  it('搬迁方案 三明 三(四) 及时发布: publicNotices needs no token and shows published notices only, never drafts; a draft is edited, a published notice is not', async () => {
    const token = await admin('210381');
    const draft = await create('210381', { kind: 'OTHER', title: '草稿公告', text: '尚未发布', appliesFrom: '2027-01-04' });
    expect(draft.status).toBe('DRAFT');
    expect(await publicTitles('210381')).not.toContain('草稿公告');
    const staffList = await t.gql('{ centreNotices(first: 50, filter: { status: DRAFT }) { edges { node { title status } } } }', {}, token);
    expect(staffList.data?.centreNotices.edges.map((e: { node: { title: string } }) => e.node.title)).toContain('草稿公告');

    const edited = await t.gql(EDIT, { input: { id: draft.id, version: draft.version, kind: 'OTHER', title: '春节假期办公安排', text: '春节期间窗口值班安排。', appliesFrom: '2027-01-04', appliesUntil: '2027-02-20' } }, token);
    expect(edited.data?.editNoticeDraft).toMatchObject({ title: '春节假期办公安排', status: 'DRAFT', version: 2 });
    const published = await t.gql(PUBLISH, { input: { id: draft.id, version: 2 } }, token);
    expect(published.data?.publishNotice).toMatchObject({ status: 'PUBLISHED', version: 3 });
    expect(await publicTitles('210381')).toContain('春节假期办公安排');
    const again = await t.gql(EDIT, { input: { id: draft.id, version: 3, kind: 'OTHER', title: '改', text: '改', appliesFrom: '2027-01-04' } }, token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await publicTitles('999999')).toEqual([]);
  });

  it('平乐 四.四 引导群众到新政务服务中心办事: the guide of a named matter and of a named window shows the notice; other matters show only centre-wide ones', async () => {
    const guides = await t.gql('{ publicMatters(tenantCode: "210381", first: 50) { edges { node { code windows { number } } } } }');
    const withWindow = guides.data?.publicMatters.edges.map((e: { node: { code: string; windows: { number: string }[] } }) => e.node).filter((g: { windows: unknown[] }) => g.windows.length > 0);
    const named = withWindow[0];
    const tenant = await tenantOf('210381');
    const matter = await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: tenant.id, code: named.code });
    const window = await t.dataSource.getRepository(Window).findOneByOrFail({ tenantId: tenant.id, number: named.windows[0].number });
    const CENTRE_WIDE = ['关于海城市政务服务中心搬迁新址办公的公告', '春节假期办公安排'];
    await create('210381', { kind: 'OTHER', title: '事项材料调整', text: '该事项自下月起增加一项材料。', appliesFrom: '2027-01-04', matterIds: [encodeGlobalId('Matter', matter.id)], publish: true });
    await create('210381', { kind: 'WINDOW_CHANGE', title: '窗口迁至三楼', text: '该窗口迁至三楼 B 区。', appliesFrom: '2027-01-04', windowIds: [encodeGlobalId('Window', window.id)], publish: true });

    const GUIDE = 'query($code: String!) { publicMatter(tenantCode: "210381", code: $code) { notices { title matterCodes windowNumbers } windows { number notices { title } } } }';
    const guide = (await t.gql(GUIDE, { code: named.code })).data?.publicMatter;
    const titles = guide.notices.map((n: { title: string }) => n.title);
    expect(titles).toEqual(expect.arrayContaining(['事项材料调整', '窗口迁至三楼']));
    expect(guide.notices.find((n: { title: string }) => n.title === '事项材料调整').matterCodes).toEqual([named.code]);
    expect(guide.windows.find((w: { number: string }) => w.number === window.number).notices).toEqual([{ title: '窗口迁至三楼' }]);
    const other = withWindow.find((g: { code: string; windows: { number: string }[] }) => g.code !== named.code && !g.windows.some((w) => w.number === window.number));
    const otherTitles = (await t.gql(GUIDE, { code: other.code })).data?.publicMatter.notices.map((n: { title: string }) => n.title);
    expect(otherTitles).not.toContain('事项材料调整');
    expect(otherTitles).not.toContain('窗口迁至三楼');
    expect(otherTitles).toEqual(expect.arrayContaining(CENTRE_WIDE));
  });
});

describe('公告: who may publish (DESIGN: read-only roles, tenant scope)', () => {
  const input = { kind: 'OTHER', title: '试发公告', text: '内容', appliesFrom: '2027-01-04', publish: true };

  it('a window clerk is refused, an auditor is read-only, another centre’s admin gets NOT_FOUND and never sees the notice in its public list', async () => {
    expect(codeOf(await t.gql(CREATE, { input }, await t.tokenOf('window_staff.210381')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE, { input }, await t.tokenOf('auditor.210381')))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await t.gql(CREATE, { input }))).toBe('UNAUTHENTICATED');
    const draft = await create('210381', { ...input, title: '海城内部草稿', publish: false });
    const stranger = await admin('210302');
    expect(codeOf(await t.gql(PUBLISH, { input: { id: draft.id, version: draft.version } }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(WITHDRAW, { input: { id: draft.id, version: draft.version, reason: 'x' } }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(EDIT, { input: { ...input, publish: undefined, id: draft.id, version: draft.version } }, stranger))).toBe('NOT_FOUND');
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: draft.id }, stranger);
    expect(node.data?.node).toBeNull();
    const list = await t.gql('{ centreNotices(first: 50) { edges { node { title } } } }', {}, stranger);
    expect(list.data?.centreNotices.edges.map((e: { node: { title: string } }) => e.node.title)).not.toContain('海城内部草稿');
    await t.gql(PUBLISH, { input: { id: draft.id, version: draft.version } }, await admin('210381'));
    expect(await publicTitles('210381')).toContain('海城内部草稿');
    const LOG = 'query($filter: AuditLogFilter) { auditLog(filter: $filter, first: 10) { edges { node { operation outcome actorUsername targetIds } } } }';
    const audited = await t.gql(LOG, { filter: { targetId: draft.id } }, await t.tokenOf('auditor.210381'));
    expect(audited.data?.auditLog.edges.map((e: { node: Record<string, unknown> }) => [e.node.operation, e.node.outcome, e.node.actorUsername])).toEqual(
      expect.arrayContaining([['createNotice', 'OK', 'centre_admin.210381'], ['publishNotice', 'OK', 'centre_admin.210381']]),
    );
    expect(await publicTitles('210302')).not.toContain('海城内部草稿');
    // The city reads its county's notices (scope), but cannot publish there.
    expect(codeOf(await t.gql(WITHDRAW, { input: { id: draft.id, version: draft.version + 1, reason: 'x' } }, await admin('210300')))).toBe('NOT_FOUND');
  });

  it('hostile input: too long text, impossible or past dates, until before from, a pause without end, an address on the wrong kind, another centre’s matter: BAD_USER_INPUT naming the field', async () => {
    const token = await admin('210381');
    t.clock.set('2026-11-24T10:00:00+08:00');
    const refused = async (input: Record<string, unknown>, field: string) => {
      const res = await t.gql(CREATE, { input: { kind: 'OTHER', title: '公告', text: '内容', appliesFrom: '2026-12-01', ...input } }, token);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    };
    await refused({ text: '长'.repeat(2001) }, 'input.text');
    await refused({ title: ' ' }, 'input.title');
    await refused({ appliesFrom: '2026-11-23' }, 'input.appliesFrom');
    await refused({ appliesUntil: '2026-11-30' }, 'input.appliesUntil');
    await refused({ kind: 'SERVICE_PAUSE' }, 'input.appliesUntil');
    await refused({ kind: 'SERVICE_PAUSE', appliesUntil: '2027-03-01' }, 'input.appliesUntil');
    await refused({ kind: 'RELOCATION' }, 'input.newAddress');
    await refused({ newAddress: '某地' }, 'input.newAddress');
    await refused({ kind: 'HOURS_CHANGE' }, 'input.newHours');
    await refused({ kind: 'HOURS_CHANGE', newHours: { opensAt: '17:00', closesAt: '09:00' } }, 'input.newHours.closesAt');
    await refused({ kind: 'HOURS_CHANGE', newHours: { opensAt: '9点', closesAt: '17:00' } }, 'input.newHours.opensAt');
    const elsewhere = await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: (await tenantOf('210302')).id });
    await refused({ matterIds: [encodeGlobalId('Matter', elsewhere.id)] }, 'input.matterIds');
    const impossible = await t.gql(CREATE, { input: { kind: 'OTHER', title: '公告', text: '内容', appliesFrom: '2026-02-30' } }, token);
    expect([codeOf(impossible), impossible.data?.createNotice]).toEqual(['BAD_USER_INPUT', undefined]);
  });
});

describe('中心地址: set today, moved by a notice (搬迁方案)', () => {
  const VIEW = 'query($code: String) { centreAddress(tenantCode: $code) { address effectiveFrom version scheduled { effectiveFrom address } } }';
  const SET = 'mutation($input: SetCentreAddressInput!) { setCentreAddress(input: $input) { address effectiveFrom version scheduled { effectiveFrom address } } }';

  it('搬迁方案 铜仁 三(四) "具体时间另行通知": the admin sets and corrects the address in force with its version; the move a relocation notice announces stays scheduled for its date', async () => {
    t.clock.set('2026-11-24T10:00:00+08:00');
    const token = await admin('210303');
    expect((await t.gql(VIEW, {}, token)).data?.centreAddress).toEqual({ address: null, effectiveFrom: null, version: null, scheduled: [] });
    const first = await t.gql(SET, { input: { address: '  铁西区兴盛路 5 号  ' } }, token);
    expect(first.data?.setCentreAddress).toEqual({ address: '铁西区兴盛路 5 号', effectiveFrom: null, version: 1, scheduled: [] });
    // Once set, a change names the version it read; a stale one is refused.
    const blind = await t.gql(SET, { input: { address: '铁西区兴盛路 7 号' } }, token);
    expect([codeOf(blind), fieldOf(blind)]).toEqual(['CONFLICT', 'input.version']);
    const corrected = await t.gql(SET, { input: { address: '铁西区兴盛路 7 号', version: 1 } }, token);
    expect(corrected.data?.setCentreAddress).toMatchObject({ address: '铁西区兴盛路 7 号', version: 2 });
    expect(codeOf(await t.gql(SET, { input: { address: '铁西区兴盛路 9 号', version: 1 } }, token))).toBe('CONFLICT');

    await create('210303', { kind: 'RELOCATION', title: '搬迁公告', text: '新址办公', appliesFrom: '2026-12-21', newAddress: '铁西区新华路 18 号', publish: true });
    expect((await t.gql(VIEW, {}, token)).data?.centreAddress).toEqual({
      address: '铁西区兴盛路 7 号', effectiveFrom: null, version: 2, scheduled: [{ effectiveFrom: '2026-12-21', address: '铁西区新华路 18 号' }],
    });
    t.clock.set('2026-12-21T08:00:00+08:00');
    expect((await t.gql(VIEW, {}, token)).data?.centreAddress).toMatchObject({ address: '铁西区新华路 18 号', effectiveFrom: '2026-12-21', scheduled: [] });
    // The city reads its district's address; the district's sibling does not.
    expect((await t.gql(VIEW, { code: '210303' }, await admin('210300'))).data?.centreAddress.address).toBe('铁西区新华路 18 号');
    expect(codeOf(await t.gql(VIEW, { code: '210303' }, await admin('210302')))).toBe('NOT_FOUND');
  });

  it('a window clerk and an auditor are refused; an empty or too long address is BAD_USER_INPUT naming the field', async () => {
    expect(codeOf(await t.gql(SET, { input: { address: '某地' } }, await t.tokenOf('window_staff.210303')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SET, { input: { address: '某地' } }, await t.tokenOf('auditor.210303')))).toBe('READ_ONLY_ROLE');
    for (const address of [' ', '址'.repeat(201)]) {
      const res = await t.gql(SET, { input: { address } }, await admin('210304'));
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'input.address']);
    }
  });
});
