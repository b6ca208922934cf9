import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { EmptyPostEvent, PostSignOff, Window, WindowPost } from '../src/modules/windows/entities';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const tenantOf = (code: string) => t.dataSource.getRepository(Tenant).findOneByOrFail({ code });
const userOf = (username: string) => t.dataSource.getRepository(User).findOneByOrFail({ username });
async function windowOf(code: string, number: string): Promise<Window> {
  return t.dataSource.getRepository(Window).findOneByOrFail({ tenantId: (await tenantOf(code)).id, number });
}
const windowId = async (code: string, number: string) => encodeGlobalId('Window', (await windowOf(code, number)).id);
const userId = async (username: string) => encodeGlobalId('User', (await userOf(username)).id);
const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

const COVERAGE = `query($at: DateTimeISO, $code: String) {
  windowCoverage(at: $at, tenantCode: $code) { open closedBecause onPost { post window { number } user { username } } emptyWindows { number } }
}`;

interface Coverage {
  open: boolean;
  closedBecause: string | null;
  onPost: { post: string; window: { number: string }; user: { username: string } }[];
  emptyWindows: { number: string }[];
}

async function coverage(at: string, code?: string, username = 'centre_admin.210381'): Promise<Coverage> {
  const res = await t.gql<{ windowCoverage: Coverage }>(COVERAGE, { at, code }, await t.tokenOf(username));
  expect(res.errors).toBeUndefined();
  return res.data!.windowCoverage;
}

function onPostAt(c: Coverage, number: string): string {
  const entry = c.onPost.find((e) => e.window.number === number);
  if (entry) return `${entry.post}:${entry.user.username}`;
  return c.emptyWindows.some((w) => w.number === number) ? 'EMPTY' : 'NOT LISTED';
}

const SCHEDULE = 'mutation($input: ScheduleAbsenceInput!) { scheduleAbsence(input: $input) { id } }';
async function absence(username: string, startsAt: string, endsAt: string, code = '210381') {
  return t.gql(SCHEDULE, { input: { userId: await userId(username), kind: 'LEAVE', startsAt, endsAt, reason: '事假' } }, await t.tokenOf(`centre_admin.${code}`));
}

// Hall hours: issue 9 (default 09:00–12:00, 13:30–17:00, working days from the calendar); 三明 搬迁方案 三(三) "朝九晚五".
describe('hall hours (大厅办公时间)', () => {
  const HOURS = 'query($code: String) { hallHours(tenantCode: $code) { tenant { code } opensAt closesAt lunchStartsAt lunchEndsAt timeZone isDefault version } }';
  const SET = 'mutation($input: SetHallHoursInput!) { setHallHours(input: $input) { opensAt closesAt lunchStartsAt lunchEndsAt isDefault version } }';

  it('coverage on a Sunday, a holiday, before and after hours and at 12:30 answers open: false with nobody on post and no empty windows', async () => {
    // Demo history: on Tuesday 6 January 2026 A03 had nobody on post from 10:05 to 10:20 (both posts away).
    expect(onPostAt(await coverage('2026-01-06T02:10:00Z'), 'A03')).toBe('EMPTY');
    const closed = (closedBecause: string) => ({ open: false, closedBecause, onPost: [], emptyWindows: [] });
    expect(await coverage('2026-01-06T04:30:00Z')).toEqual(closed('LUNCH_BREAK')); // 12:30 local
    expect(await coverage('2026-01-06T00:59:59Z')).toEqual(closed('OUTSIDE_HOURS')); // 08:59:59
    expect(await coverage('2026-01-06T09:00:00Z')).toEqual(closed('OUTSIDE_HOURS')); // 17:00
    expect(await coverage('2026-03-08T03:00:00Z')).toEqual(closed('NON_WORKING_DAY')); // Sunday 11:00
    expect(await coverage('2026-10-01T03:00:00Z')).toEqual(closed('NON_WORKING_DAY')); // 国庆节
    const open = await coverage('2026-01-06T05:30:00Z'); // 13:30
    expect([open.open, open.closedBecause, onPostAt(open, 'A01')]).toEqual([true, null, 'A:staff01.210381']);
    // Saturday 28 February 2026 is a make-up working day (调休): the hall is open.
    expect((await coverage('2026-02-28T02:00:00Z')).open).toBe(true);
  });

  it('every centre has the default hours until it sets its own; 锦州 has 三明’s "朝九晚五" as the plan spells it out', async () => {
    const own = await t.gql(HOURS, {}, await t.tokenOf('window_staff.210381'));
    expect(own.data?.hallHours).toEqual({
      tenant: { code: '210381' },
      opensAt: '09:00',
      closesAt: '17:00',
      lunchStartsAt: '12:00',
      lunchEndsAt: '13:30',
      timeZone: 'Asia/Shanghai',
      isDefault: true,
      version: null,
    });
    // 搬迁方案 4 三(三): 执行"朝九晚五"工作时间(上午9:00—12:00,下午1:30—5:00)
    const jinzhou = await t.gql(HOURS, {}, await t.tokenOf('centre_admin.210700'));
    expect(jinzhou.data?.hallHours).toMatchObject({ opensAt: '09:00', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:30', isDefault: false, version: 1 });
    // 海勃湾区 stays open through noon.
    expect((await coverage('2026-03-09T04:30:00Z', undefined, 'centre_admin.150302')).open).toBe(true);
    // A city reads its counties' hours; a county does not read the city's.
    expect((await t.gql(HOURS, { code: '210381' }, await t.tokenOf('centre_admin.210300'))).data?.hallHours.tenant).toEqual({ code: '210381' });
    expect(codeOf(await t.gql(HOURS, { code: '210300' }, await t.tokenOf('centre_admin.210381')))).toBe('NOT_FOUND');
  });

  it('a centre admin sets the hours; coverage follows them', async () => {
    const token = await t.tokenOf('centre_admin.210323');
    const hours = { opensAt: '08:30', closesAt: '17:30', lunchStartsAt: '12:00', lunchEndsAt: '13:00' };
    const set = await t.gql(SET, { input: hours }, token);
    expect(set.data?.setHallHours).toEqual({ ...hours, isDefault: false, version: 1 });
    expect((await coverage('2026-03-09T00:45:00Z', '210323', 'centre_admin.210323')).open).toBe(true); // 08:45
    expect((await coverage('2026-03-09T05:15:00Z', '210323', 'centre_admin.210323')).open).toBe(true); // 13:15
    expect((await coverage('2026-03-09T09:15:00Z', '210323', 'centre_admin.210323')).open).toBe(true); // 17:15
    expect((await coverage('2026-03-09T04:30:00Z', '210323', 'centre_admin.210323')).closedBecause).toBe('LUNCH_BREAK');
    // Once set, a change takes the version; the neighbours keep theirs.
    expect(codeOf(await t.gql(SET, { input: hours }, token))).toBe('CONFLICT');
    const through = await t.gql(SET, { input: { opensAt: '09:00', closesAt: '17:00', lunchStartsAt: null, lunchEndsAt: null, version: 1 } }, token);
    expect(through.data?.setHallHours).toMatchObject({ lunchStartsAt: null, version: 2 });
    expect((await coverage('2026-03-09T04:30:00Z', '210323', 'centre_admin.210323')).open).toBe(true);
    expect((await coverage('2026-03-09T04:30:00Z', '210321', 'centre_admin.210321')).closedBecause).toBe('LUNCH_BREAK');
  });

  it('refuses impossible hours, naming the field, and anyone but a centre admin', async () => {
    const token = await t.tokenOf('centre_admin.210321');
    const bad = async (input: Record<string, unknown>) => {
      const res = await t.gql(SET, { input: { opensAt: '09:00', closesAt: '17:00', ...input } }, token);
      return [codeOf(res), fieldOf(res)];
    };
    expect(await bad({ opensAt: '9:00' })).toEqual(['BAD_USER_INPUT', 'input.opensAt']);
    expect(await bad({ closesAt: '24:00' })).toEqual(['BAD_USER_INPUT', 'input.closesAt']);
    expect(await bad({ lunchStartsAt: '12:00' })).toEqual(['BAD_USER_INPUT', 'input.lunchEndsAt']);
    expect(await bad({ opensAt: '17:00', closesAt: '09:00' })).toEqual(['BAD_USER_INPUT', 'input.closesAt']);
    expect(await bad({ lunchStartsAt: '13:30', lunchEndsAt: '12:00' })).toEqual(['BAD_USER_INPUT', 'input.closesAt']);
    expect(await bad({ lunchStartsAt: '08:00', lunchEndsAt: '10:00' })).toEqual(['BAD_USER_INPUT', 'input.closesAt']);
    const input = { opensAt: '08:00', closesAt: '18:00' };
    expect(codeOf(await t.gql(SET, { input }, await t.tokenOf('window_staff.210321')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SET, { input }, await t.tokenOf('auditor.210321')))).toBe('READ_ONLY_ROLE');
    const own = await t.gql(HOURS, {}, token);
    expect(own.data?.hallHours.isDefault).toBe(true);
  });
});

// 鞍山 规范 三(三) AB岗工作制: "A岗工作人员因事离开工作岗位时，B岗责任人应立即替补上岗 … 避免出现窗口空岗情况".
describe('empty-post events (空岗) and leaving the post (离岗)', () => {
  const LEAVE = 'mutation($input: LeavePostInput!) { leavePost(input: $input) { id leftAt returnedAt endsBy reason user { username } } }';
  const RETURN = 'mutation { returnToPost { id leftAt returnedAt } }';
  const EVENTS = `query($filter: EmptyPostEventFilter, $first: Int) { emptyPostEvents(filter: $filter, first: $first, orderBy: [{ field: STARTS_AT, direction: ASC }]) {
    totalCount edges { node { id from to cause window { number } user { username } } }
  } }`;
  const at = (local: string) => t.clock.set(new Date(`${local}+08:00`));

  async function events(filter: Record<string, unknown>, username = 'centre_admin.210381') {
    const res = await t.gql(EVENTS, { filter, first: 100 }, await t.tokenOf(username));
    expect(res.errors).toBeUndefined();
    return res.data?.emptyPostEvents.edges.map((e: any) => `${e.node.window.number} ${e.node.from}–${e.node.to} ${e.node.cause} ${e.node.user?.username ?? '-'}`);
  }
  const ofDay = async (number: string, date: string) =>
    events({ windowId: await windowId('210381', number), from: `${date}T00:00:00+08:00`, to: `${date}T23:59:59+08:00` });

  afterAll(() => t.clock.set(null));

  it('the demo history lists two empty posts of A03, each with its sign-off', async () => {
    expect(await events({ windowId: await windowId('210381', 'A03') })).toEqual([
      'A03 2026-01-06T02:05:00.000Z–2026-01-06T02:20:00.000Z LEFT_POST staff03.210381',
      'A03 2026-01-07T07:40:00.000Z–2026-01-07T08:10:00.000Z LEFT_POST staff03.210381',
    ]);
    expect(await t.dataSource.getRepository(PostSignOff).countBy({ userId: (await userOf('staff03.210381')).id })).toBe(2);
  });

  it('A岗 leaving while B is on leave empties the window: one event from leaving to returning (鞍山 规范 三(三) AB岗工作制)', async () => {
    // Monday 16 March 2026. A05: A staff05, B staff04. staff05 is on leave all day.
    expect((await absence('staff05.210381', '2026-03-16T00:00:00+08:00', '2026-03-17T00:00:00+08:00')).errors).toBeUndefined();
    at('2026-03-16T10:00:00');
    const clerk = await t.tokenOf('staff04.210381');
    const left = await t.gql(LEAVE, { input: { reason: '因事离开' } }, clerk);
    expect(left.errors).toBeUndefined();
    expect(left.data?.leavePost).toMatchObject({ leftAt: '2026-03-16T02:00:00.000Z', returnedAt: null, endsBy: '2026-03-16T09:00:00.000Z', user: { username: 'staff04.210381' } });
    const during = await coverage('2026-03-16T02:05:00Z');
    expect([onPostAt(during, 'A05'), onPostAt(during, 'A04')]).toEqual(['EMPTY', 'B:staff03.210381']);
    // Until they come back, the window is expected to stay empty while the hall is open today.
    expect(await ofDay('A05', '2026-03-16')).toEqual([
      'A05 2026-03-16T02:00:00.000Z–2026-03-16T04:00:00.000Z LEFT_POST staff04.210381',
      'A05 2026-03-16T05:30:00.000Z–2026-03-16T09:00:00.000Z LEFT_POST staff04.210381',
    ]);
    expect(codeOf(await t.gql(LEAVE, { input: { reason: '再次离开' } }, clerk))).toBe('CONFLICT');

    at('2026-03-16T10:30:00');
    const back = await t.gql(RETURN, {}, clerk);
    expect(back.data?.returnToPost).toMatchObject({ leftAt: '2026-03-16T02:00:00.000Z', returnedAt: '2026-03-16T02:30:00.000Z' });
    expect(await ofDay('A05', '2026-03-16')).toEqual(['A05 2026-03-16T02:00:00.000Z–2026-03-16T02:30:00.000Z LEFT_POST staff04.210381']);
    expect(await ofDay('A04', '2026-03-16')).toEqual([]);
    expect(codeOf(await t.gql(RETURN, {}, clerk))).toBe('CONFLICT');
    expect(onPostAt(await coverage('2026-03-16T02:35:00Z'), 'A05')).toBe('B:staff04.210381');
  });

  it('a second absence is a second event; nothing is counted twice, and the lunch break is no empty post', async () => {
    const clerk = await t.tokenOf('staff04.210381');
    at('2026-03-16T12:30:00');
    expect(codeOf(await t.gql(LEAVE, { input: { reason: '午休' } }, clerk))).toBe('CONFLICT');
    at('2026-03-16T14:00:00');
    expect((await t.gql(LEAVE, { input: { reason: '接孩子' } }, clerk)).errors).toBeUndefined();
    at('2026-03-16T14:20:00');
    expect((await t.gql(RETURN, {}, clerk)).errors).toBeUndefined();
    // Leaving and returning again at once changes nothing that was recorded.
    expect((await t.gql(LEAVE, { input: { reason: '取文件' } }, clerk)).errors).toBeUndefined();
    expect((await t.gql(RETURN, {}, clerk)).errors).toBeUndefined();
    expect(await ofDay('A05', '2026-03-16')).toEqual([
      'A05 2026-03-16T02:00:00.000Z–2026-03-16T02:30:00.000Z LEFT_POST staff04.210381',
      'A05 2026-03-16T06:00:00.000Z–2026-03-16T06:20:00.000Z LEFT_POST staff04.210381',
    ]);
    const rows = await t.dataSource.getRepository(EmptyPostEvent).findBy({ windowId: (await windowOf('210381', 'A05')).id });
    expect(rows).toHaveLength(2);
  });

  it('a sign-off lapses when the hall closes; the event ends at closing time', async () => {
    const clerk = await t.tokenOf('staff04.210381');
    at('2026-03-16T16:50:00');
    expect((await t.gql(LEAVE, { input: { reason: '身体不适' } }, clerk)).errors).toBeUndefined();
    at('2026-03-17T09:30:00');
    expect(codeOf(await t.gql(RETURN, {}, clerk))).toBe('CONFLICT');
    expect((await ofDay('A05', '2026-03-16')).at(-1)).toBe('A05 2026-03-16T08:50:00.000Z–2026-03-16T09:00:00.000Z LEFT_POST staff04.210381');
    expect(await ofDay('A05', '2026-03-17')).toEqual([]);
    expect(onPostAt(await coverage('2026-03-17T01:30:00Z'), 'A05')).toBe('A:staff05.210381');
  });

  it('a window closed by the centre ends its empty post; only window staff leave a post', async () => {
    const clerk = await t.tokenOf('staff04.210381');
    at('2026-03-18T10:00:00');
    expect((await absence('staff05.210381', '2026-03-18T00:00:00+08:00', '2026-03-19T00:00:00+08:00')).errors).toBeUndefined();
    expect((await t.gql(LEAVE, { input: { reason: '因事离开' } }, clerk)).errors).toBeUndefined();
    at('2026-03-18T10:10:00');
    const a05 = await windowOf('210381', 'A05');
    const close = await t.gql(
      'mutation($input: WindowStatusInput!) { closeWindow(input: $input) { status } }',
      { input: { id: encodeGlobalId('Window', a05.id), version: a05.version, reason: '暂停服务' } },
      await t.tokenOf('centre_admin.210381'),
    );
    expect(close.errors).toBeUndefined();
    expect(await ofDay('A05', '2026-03-18')).toEqual(['A05 2026-03-18T02:00:00.000Z–2026-03-18T02:10:00.000Z LEFT_POST staff04.210381']);
    expect((await t.gql(RETURN, {}, clerk)).errors).toBeUndefined();
    expect(codeOf(await t.gql(LEAVE, { input: { reason: '无岗' } }, await t.tokenOf('centre_admin.210381')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LEAVE, { input: { reason: '审计' } }, await t.tokenOf('auditor.210300')))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await t.gql(LEAVE, { input: { reason: '  ' } }, clerk))).toBe('BAD_USER_INPUT');
  });

  it('A and B leaving at the same moment: the window’s empty post is recorded once, and ends when the first returns', async () => {
    // A06: A staff06, B staff05.
    at('2026-03-19T11:00:00');
    const [a, b] = [await t.tokenOf('staff06.210381'), await t.tokenOf('staff05.210381')];
    const left = await Promise.all([a, b].map((token) => t.gql(LEAVE, { input: { reason: '因事离开' } }, token)));
    expect(left.map((res) => res.errors)).toEqual([undefined, undefined]);
    expect(await ofDay('A06', '2026-03-19')).toEqual([
      expect.stringMatching(/^A06 2026-03-19T03:00:00.000Z–2026-03-19T04:00:00.000Z LEFT_POST staff0[56].210381$/),
      expect.stringMatching(/^A06 2026-03-19T05:30:00.000Z–2026-03-19T09:00:00.000Z LEFT_POST staff0[56].210381$/),
    ]);
    at('2026-03-19T11:15:00');
    const back = await Promise.all([a, b].map((token) => t.gql(RETURN, {}, token)));
    expect(back.map((res) => res.errors)).toEqual([undefined, undefined]);
    expect(await ofDay('A06', '2026-03-19')).toEqual([expect.stringMatching(/^A06 2026-03-19T03:00:00.000Z–2026-03-19T03:15:00.000Z LEFT_POST/)]);
  });

  it('a window reopened while both its posts are on leave is recorded empty for those hours (ABSENCE); cancelling a leave takes it back', async () => {
    // A11: A staff11, B staff10. Closed, both posts may go on leave; reopened, it has nobody.
    const admin = await t.tokenOf('centre_admin.210381');
    const STATUS = (name: string) => `mutation($input: WindowStatusInput!) { ${name}(input: $input) { version } }`;
    at('2026-04-20T10:00:00');
    const a11 = await windowOf('210381', 'A11');
    const closed = await t.gql(STATUS('closeWindow'), { input: { id: encodeGlobalId('Window', a11.id), version: a11.version, reason: '设备检修' } }, admin);
    expect(closed.errors).toBeUndefined();
    expect((await absence('staff11.210381', '2026-04-21T00:00:00+08:00', '2026-04-22T00:00:00+08:00')).errors).toBeUndefined();
    const bLeave = await absence('staff10.210381', '2026-04-21T00:00:00+08:00', '2026-04-22T00:00:00+08:00');
    expect(bLeave.errors).toBeUndefined();
    expect(await ofDay('A11', '2026-04-21')).toEqual([]);
    const reopened = await t.gql(STATUS('openWindow'), { input: { id: encodeGlobalId('Window', a11.id), version: closed.data?.closeWindow.version, reason: '检修完毕' } }, admin);
    expect(reopened.errors).toBeUndefined();
    expect(await ofDay('A11', '2026-04-21')).toEqual([
      'A11 2026-04-21T01:00:00.000Z–2026-04-21T04:00:00.000Z ABSENCE staff11.210381',
      'A11 2026-04-21T05:30:00.000Z–2026-04-21T09:00:00.000Z ABSENCE staff11.210381',
    ]);
    const cancel = await t.gql('mutation($input: CancelAbsenceInput!) { cancelAbsence(input: $input) { cancelled } }', { input: { id: bLeave.data?.scheduleAbsence.id } }, admin);
    expect(cancel.errors).toBeUndefined();
    expect(await ofDay('A11', '2026-04-21')).toEqual([]);
  });

  it('another county sees none of these events; the city reads them; node() of another tenant’s event is null', async () => {
    expect(await events({}, 'centre_admin.210321')).toEqual([]);
    const city = await events({ tenantCode: '210381' }, 'centre_admin.210300');
    expect(city.length).toBe(await t.dataSource.getRepository(EmptyPostEvent).countBy({ tenantId: (await tenantOf('210381')).id }));
    const row = await t.dataSource.getRepository(EmptyPostEvent).findOneByOrFail({ windowId: (await windowOf('210381', 'A03')).id });
    const id = encodeGlobalId('EmptyPostEvent', row.id);
    const query = 'query($id: ID!) { node(id: $id) { id ... on EmptyPostEvent { cause } } }';
    expect((await t.gql(query, { id }, await t.tokenOf('centre_admin.210321'))).data?.node).toBeNull();
    expect((await t.gql(query, { id }, await t.tokenOf('centre_admin.210381'))).data?.node).toEqual({ id, cause: 'LEFT_POST' });
  });
});

// 鞍山 规范 三(三) AB岗工作制 ("避免出现窗口空岗情况"), 锦州 第九条 同岗替代制: a post holder leaves only with a stand-in.
describe('deactivating someone who holds a post (AB岗)', () => {
  const DEACTIVATE = 'mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { active } }';
  async function deactivate(username: string, replacements: { windowId: string; userId: string }[] = [], by = 'centre_admin.210321') {
    const user = await userOf(username);
    return t.gql(DEACTIVATE, { input: { id: encodeGlobalId('User', user.id), active: false, version: user.version, replacements } }, await t.tokenOf(by));
  }

  beforeAll(() => t.clock.set(new Date('2026-04-13T10:00:00+08:00')));
  afterAll(() => t.clock.set(null));

  it('is refused like scheduleAbsence when a window would be left empty, naming it, and changes nothing', async () => {
    // 台安县 A05: A staff05, B staff04. staff05 is on leave on Wednesday 15 April.
    expect((await absence('staff05.210321', '2026-04-15T00:00:00+08:00', '2026-04-16T00:00:00+08:00', '210321')).errors).toBeUndefined();
    const res = await deactivate('staff04.210321');
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'input.replacements']);
    expect(res.errors?.[0].message).toMatch(/^window A05 would have nobody on post at 2026-04-15T01:00:00.000Z/);
    expect(res.errors?.[0].message).not.toMatch(/A04/);
    expect((await userOf('staff04.210321')).active).toBe(true);
  });

  it('is accepted with a replacement, who takes over the post', async () => {
    const a05 = await windowOf('210321', 'A05');
    const notStaff = await deactivate('staff04.210321', [{ windowId: encodeGlobalId('Window', a05.id), userId: await userId('approver.210321') }]);
    expect([codeOf(notStaff), fieldOf(notStaff)]).toEqual(['BAD_USER_INPUT', 'input.replacements']);
    const notHeld = await deactivate('staff04.210321', [{ windowId: await windowId('210321', 'A09'), userId: await userId('staff10.210321') }]);
    expect([codeOf(notHeld), fieldOf(notHeld)]).toEqual(['BAD_USER_INPUT', 'input.replacements']);
    const res = await deactivate('staff04.210321', [{ windowId: encodeGlobalId('Window', a05.id), userId: await userId('staff10.210321') }]);
    expect(res.errors).toBeUndefined();
    expect(res.data?.setUserActive.active).toBe(false);
    const posts = await t.dataSource.getRepository(WindowPost).findBy({ windowId: a05.id });
    expect(posts.map((p) => `${p.post}:${p.userId}`).sort()).toEqual([`A:${(await userOf('staff05.210321')).id}`, `B:${(await userOf('staff10.210321')).id}`]);
    const wednesday = await coverage('2026-04-15T02:00:00Z', '210321', 'centre_admin.210321');
    // A04 (A staff04, now inactive): its B post stands in; A05: the replacement.
    expect([onPostAt(wednesday, 'A04'), onPostAt(wednesday, 'A05')]).toEqual(['B:staff03.210321', 'B:staff10.210321']);
  });

  it('needs no replacement where the other post stays; a platform admin is refused the same way', async () => {
    // staff08: A of A08 (B staff07), B of A09 (A staff09).
    expect((await deactivate('staff08.210321')).errors).toBeUndefined();
    // staff03 is now the only one left at A04.
    const res = await deactivate('staff03.210321', [], 'platform_admin');
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'input.replacements']);
    expect(res.errors?.[0].message).toMatch(/^window A04 would have nobody on post at 2026-04-13T02:00:00.000Z/);
    expect((await userOf('staff03.210321')).active).toBe(true);
    expect((await deactivate('window_staff.210321', [], 'platform_admin')).errors).toBeUndefined();
  });

  it('taking WINDOW_STAFF away is refused the same way, and accepted with a replacement (鞍山 AB岗工作制)', async () => {
    // staff03 is the only one left at A04 (see above).
    const staff03 = await userOf('staff03.210321');
    const admin = await t.tokenOf('centre_admin.210321');
    const setRoles = (replacements: { windowId: string; userId: string }[]) =>
      t.gql(
        'mutation($input: SetUserRolesInput!) { setUserRoles(input: $input) { roles } }',
        { input: { id: encodeGlobalId('User', staff03.id), version: staff03.version, roles: ['FINANCE'], replacements } },
        admin,
      );
    const refused = await setRoles([]);
    expect([codeOf(refused), fieldOf(refused)]).toEqual(['BAD_USER_INPUT', 'input.replacements']);
    expect((await userOf('staff03.210321')).roles).toEqual(['WINDOW_STAFF']);
    const res = await setRoles([{ windowId: await windowId('210321', 'A04'), userId: await userId('staff11.210321') }]);
    expect(res.data?.setUserRoles.roles).toEqual(['FINANCE']);
  });
});
