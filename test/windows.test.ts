import { In } from 'typeorm';
import { codeOf, GraphQLResponse, SEED_PASSWORD, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant, TenantLevel, User } from '../src/modules/tenancy/entities';
import { Matter } from '../src/modules/matters/entities';
import {
  LunchDutyRota,
  StaffAbsence,
  Window,
  WindowCover,
  WindowKind,
  WindowMatter,
  WindowPost,
  WindowStatus,
  WindowStatusChange,
} from '../src/modules/windows/entities';
import { isValidPhone, isValidResidentId } from '../src/validation/china-ids';
import { buildContext } from '../src/context';
import { createLogger } from '../src/logger';
import { windowsServingMatter } from '../src/modules/windows/service';
import { seedDemoData } from '../seeds/seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const tenantOf = (code: string) => t.dataSource.getRepository(Tenant).findOneByOrFail({ code });
const userOf = (username: string) => t.dataSource.getRepository(User).findOneByOrFail({ username });
async function windowOf(code: string, number: string): Promise<Window> {
  const tenant = await tenantOf(code);
  return t.dataSource.getRepository(Window).findOneByOrFail({ tenantId: tenant.id, number });
}
const windowId = async (code: string, number: string) => encodeGlobalId('Window', (await windowOf(code, number)).id);
const userId = async (username: string) => encodeGlobalId('User', (await userOf(username)).id);
const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

const SCHEDULE = `mutation($input: ScheduleAbsenceInput!) {
  scheduleAbsence(input: $input) { id kind startsAt endsAt cancelled user { username } covers { window { number } user { username } startsAt endsAt } }
}`;
const COVERAGE = `query($at: DateTimeISO, $code: String) {
  windowCoverage(at: $at, tenantCode: $code) { at open closedBecause onPost { post window { number } user { username } } emptyWindows { number } }
}`;
const CANCEL = 'mutation($input: CancelAbsenceInput!) { cancelAbsence(input: $input) { id cancelled } }';

interface Coverage {
  open: boolean;
  closedBecause: string | null;
  onPost: { post: string; window: { number: string }; user: { username: string } }[];
  emptyWindows: { number: string }[];
}

async function coverage(at: string, username = 'centre_admin.210381', code?: string) {
  const res = await t.gql<{ windowCoverage: Coverage }>(COVERAGE, { at, code }, await t.tokenOf(username));
  expect(res.errors).toBeUndefined();
  return res.data!.windowCoverage;
}

/** Who is on post at a window, as `post:username`, or EMPTY. */
function onPostAt(c: Coverage, number: string): string {
  const entry = c.onPost.find((e) => e.window.number === number);
  if (entry) return `${entry.post}:${entry.user.username}`;
  return c.emptyWindows.some((w) => w.number === number) ? 'EMPTY' : 'NOT LISTED';
}

async function absence(username: string, startsAt: string, endsAt: string, replacements: { windowId: string; userId: string }[] = []) {
  return t.gql(
    SCHEDULE,
    { input: { userId: await userId(username), kind: 'LEAVE', startsAt, endsAt, reason: '事假', replacements } },
    await t.tokenOf('centre_admin.210381'),
  );
}

describe('demo windows', () => {
  it('seeding twice adds no window rows (checked before any test changes them)', async () => {
    const tables = ['service_window', 'window_post', 'window_status_change', 'lunch_duty_rota', 'user', 'window_matter'];
    const snapshot = () => Promise.all(tables.map((table) => t.dataSource.query(`SELECT * FROM ${t.dataSource.driver.escape(table)} ORDER BY id`)));
    const mattersBefore = new Set((await t.dataSource.getRepository(Matter).find()).map((m) => m.id));
    const before = await snapshot();
    await seedDemoData(t.dataSource, { password: SEED_PASSWORD });
    const after = await snapshot();
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    // Links may only be added for matters the matters seed added on its second run.
    const [linksBefore, linksAfter] = [before.at(-1), after.at(-1)];
    expect(linksAfter.slice(0, linksBefore.length)).toEqual(linksBefore);
    expect(linksAfter.slice(linksBefore.length).filter((link: any) => mattersBefore.has(Number(link.matter_id)))).toEqual([]);
  });

  it('every city, county and district centre has 14 windows of all seven kinds, with A and B posts staffed by its own staff', async () => {
    const centres = (await t.dataSource.getRepository(Tenant).find()).filter((x) => x.level !== TenantLevel.PROVINCE);
    expect(centres).toHaveLength(20);
    for (const centre of centres) {
      const windows = await t.dataSource.getRepository(Window).findBy({ tenantId: centre.id });
      const numbers = windows.map((w) => w.number).sort();
      expect(numbers.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`));
      expect(new Set(windows.map((w) => w.kind)).size).toBe(7);
      expect(windows.filter((w) => w.kind === WindowKind.DEPARTMENT)).toHaveLength(8);
      const posts = await t.dataSource.getRepository(WindowPost).findBy({ tenantId: centre.id });
      expect(posts).toHaveLength(28);
      const staff = await t.dataSource.getRepository(User).findBy({ id: In(posts.map((p) => p.userId)) });
      expect(staff).toHaveLength(14);
      for (const person of staff) {
        expect(person.tenantId).toBe(centre.id);
        expect(person.username).toMatch(new RegExp(`^staff\\d{2}\\.${centre.code}$`));
        expect(person.roles).toEqual(['WINDOW_STAFF']);
        expect(isValidPhone(person.phone!)).toBe(true);
        expect(isValidResidentId(person.idNumber!)).toBe(true);
      }
      for (const window of windows.filter((w) => w.kind === WindowKind.DEPARTMENT)) {
        const a = posts.find((p) => p.windowId === window.id && p.post === 'A')!;
        expect(window.chiefRepresentativeId).toBe(a.userId);
        expect(staff.find((s) => s.id === a.userId)!.departmentId).toBe(window.departmentId);
      }
    }
  });

  it('staff n holds post A of window n and post B of window n + 1, wrapping', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const res = await t.gql('{ windows(first: 14, filter: { tenantCode: "210381" }) { edges { node { number posts { post user { username } } } } } }', {}, token);
    const posts = Object.fromEntries(
      res.data?.windows.edges.map((e: any) => [e.node.number, e.node.posts.map((p: any) => `${p.post}:${p.user.username}`).join(' ')]),
    );
    expect(posts.A01).toBe('A:staff01.210381 B:staff14.210381');
    expect(posts.A05).toBe('A:staff05.210381 B:staff04.210381');
    expect(posts.A14).toBe('A:staff14.210381 B:staff13.210381');
  });

  it('windows serve the matters of their department', async () => {
    const haicheng = await tenantOf('210381');
    const links = await t.dataSource.getRepository(WindowMatter).findBy({ tenantId: haicheng.id });
    const windows = new Map((await t.dataSource.getRepository(Window).findBy({ tenantId: haicheng.id })).map((w) => [w.id, w]));
    const matters = await t.dataSource.getRepository(Matter).findBy({ tenantId: haicheng.id });
    expect(matters.length).toBeGreaterThan(0);
    for (const matter of matters) {
      const served = links.filter((l) => l.matterId === matter.id).map((l) => l.windowId).sort();
      const ofDepartment = [...windows.values()].filter((w) => w.departmentId === matter.departmentId).map((w) => w.id).sort();
      expect(served).toEqual(ofDepartment);
    }
    const token = await t.tokenOf('centre_admin.210381');
    const res = await t.gql('{ windows(first: 100, filter: { tenantCode: "210381" }) { edges { node { matters { code } } } } }', {}, token);
    const listed = res.data?.windows.edges.reduce((n: number, e: any) => n + e.node.matters.length, 0);
    expect(listed).toBe(links.length);
  });
});

describe('coverage (AB岗, 替岗, 空岗)', () => {
  const S = '2026-03-02T01:00:00.000Z';
  const E = '2026-03-02T09:00:00.000Z';

  it('with A absent shows B standing in', async () => {
    expect(onPostAt(await coverage('2026-03-02T03:00:00Z'), 'A05')).toBe('A:staff05.210381');
    const res = await absence('staff05.210381', S, E);
    expect(res.errors).toBeUndefined();
    expect(res.data?.scheduleAbsence).toMatchObject({ startsAt: S, endsAt: E, cancelled: false, user: { username: 'staff05.210381' }, covers: [] });
    const row = await t.dataSource.getRepository(StaffAbsence).findOneByOrFail({ userId: (await userOf('staff05.210381')).id });
    expect(row.startsAt.toISOString()).toBe(S);
    const during = await coverage('2026-03-02T03:00:00Z');
    expect(onPostAt(during, 'A05')).toBe('B:staff04.210381');
    expect(onPostAt(during, 'A06')).toBe('A:staff06.210381');
    expect(during.emptyWindows).toEqual([]);
    // The absence ends at 17:00 local, when the hall closes; A is back the next morning.
    expect(await coverage(E)).toEqual({ at: E, open: false, closedBecause: 'OUTSIDE_HOURS', onPost: [], emptyWindows: [] });
    expect(onPostAt(await coverage('2026-03-03T01:00:00Z'), 'A05')).toBe('A:staff05.210381');
  });

  it('an absence that empties a window is refused, naming the window', async () => {
    const res = await absence('staff04.210381', '2026-03-02T05:00:00Z', '2026-03-02T12:00:00Z');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('input.replacements');
    // Both are away from 13:00 local, but 13:00–13:30 is 午休 (default hall hours 09:00–12:00,
    // 13:30–17:00): the window is empty while the hall is open from 13:30 (05:30Z).
    expect(res.errors?.[0].message).toMatch(/^window A05 would have nobody on post at 2026-03-02T05:30:00.000Z/);
    expect(res.errors?.[0].message).not.toMatch(/A04/);
    const rows = await t.dataSource.getRepository(StaffAbsence).findBy({ userId: (await userOf('staff04.210381')).id });
    expect(rows).toEqual([]);
  });

  it('is accepted with a replacement, who is then on post when A and B are both away', async () => {
    const res = await absence('staff04.210381', '2026-03-02T05:00:00Z', '2026-03-02T12:00:00Z', [
      { windowId: await windowId('210381', 'A05'), userId: await userId('staff10.210381') },
    ]);
    expect(res.errors).toBeUndefined();
    expect(res.data?.scheduleAbsence.covers).toEqual([
      { window: { number: 'A05' }, user: { username: 'staff10.210381' }, startsAt: '2026-03-02T05:00:00.000Z', endsAt: '2026-03-02T12:00:00.000Z' },
    ]);
    const covers = await t.dataSource.getRepository(WindowCover).findBy({ windowId: (await windowOf('210381', 'A05')).id });
    expect(covers.map((c) => c.userId)).toEqual([(await userOf('staff10.210381')).id]);

    const both = await coverage('2026-03-02T06:00:00Z');
    expect(onPostAt(both, 'A05')).toBe('COVER:staff10.210381');
    expect(onPostAt(both, 'A04')).toBe('B:staff03.210381');
    expect(onPostAt(await coverage('2026-03-02T03:59:59Z'), 'A05')).toBe('B:staff04.210381');
    expect(onPostAt(await coverage('2026-03-03T02:00:00Z'), 'A05')).toBe('A:staff05.210381');
  });

  it('the replacement cannot go away while covering, and a replacement must be present', async () => {
    const away = await absence('staff10.210381', '2026-03-02T06:00:00Z', '2026-03-02T07:00:00Z');
    expect(codeOf(away)).toBe('BAD_USER_INPUT');
    expect(away.errors?.[0].message).toMatch(/^window A05 would have nobody on post at 2026-03-02T06:00:00.000Z/);
    const absentReplacement = await absence('staff03.210381', '2026-03-02T04:00:00Z', '2026-03-02T06:00:00Z', [
      { windowId: await windowId('210381', 'A03'), userId: await userId('staff05.210381') },
    ]);
    expect(codeOf(absentReplacement)).toBe('BAD_USER_INPUT');
    expect(fieldOf(absentReplacement)).toBe('input.replacements');
    expect(absentReplacement.errors?.[0].message).toMatch(/window A03.*staff05\.210381.*absent/);
  });

  it('cancelling an absence brings the person back and lets the cover lapse', async () => {
    const staff04 = await userOf('staff04.210381');
    const row = await t.dataSource.getRepository(StaffAbsence).findOneByOrFail({ userId: staff04.id });
    const token = await t.tokenOf('centre_admin.210381');
    const res = await t.gql(CANCEL, { input: { id: encodeGlobalId('StaffAbsence', row.id) } }, token);
    expect(res.data?.cancelAbsence.cancelled).toBe(true);
    expect((await t.dataSource.getRepository(StaffAbsence).findOneByOrFail({ id: row.id })).cancelled).toBe(true);
    expect(codeOf(await t.gql(CANCEL, { input: { id: encodeGlobalId('StaffAbsence', row.id) } }, token))).toBe('CONFLICT');
    expect(onPostAt(await coverage('2026-03-02T06:00:00Z'), 'A05')).toBe('B:staff04.210381');
    // staff10 no longer covers A05, so may now be away
    expect((await absence('staff10.210381', '2026-03-02T06:00:00Z', '2026-03-02T07:00:00Z')).errors).toBeUndefined();
  });

  it('closed windows need no cover; once reopened, the window shows as empty', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const a07 = await windowOf('210381', 'A07');
    const close = await t.gql(
      'mutation($input: WindowStatusInput!) { closeWindow(input: $input) { status version statusHistory { status reason actor { username } } } }',
      { input: { id: encodeGlobalId('Window', a07.id), version: a07.version, reason: '设备检修' } },
      token,
    );
    expect(close.errors).toBeUndefined();
    expect(close.data?.closeWindow.status).toBe('CLOSED');
    expect(close.data?.closeWindow.statusHistory.at(-1)).toEqual({ status: 'CLOSED', reason: '设备检修', actor: { username: 'centre_admin.210381' } });
    // A07: A staff07, B staff06. Both away on April 1st would empty it, were it open.
    expect((await absence('staff07.210381', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z')).errors).toBeUndefined();
    expect((await absence('staff06.210381', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z')).errors).toBeUndefined();
    expect(onPostAt(await coverage('2026-04-01T03:00:00Z'), 'A07')).toBe('NOT LISTED');
    const open = await t.gql(
      'mutation($input: WindowStatusInput!) { openWindow(input: $input) { status version } }',
      { input: { id: encodeGlobalId('Window', a07.id), version: close.data?.closeWindow.version, reason: '检修完毕' } },
      token,
    );
    expect(open.data?.openWindow).toEqual({ status: 'OPEN', version: a07.version + 2 });
    expect(onPostAt(await coverage('2026-04-01T03:00:00Z'), 'A07')).toBe('EMPTY');
    const history = await t.dataSource.getRepository(WindowStatusChange).findBy({ windowId: a07.id });
    expect(history.map((h) => h.status)).toEqual(['OPEN', 'CLOSED', 'OPEN']);
  });

  it('of two simultaneous absences that together would empty a window, exactly one is accepted', async () => {
    // A13: A staff13, B staff12. Each absence alone leaves the other post on duty.
    const [a, b] = await Promise.all([
      absence('staff13.210381', '2026-08-03T00:00:00Z', '2026-08-04T00:00:00Z'),
      absence('staff12.210381', '2026-08-03T00:00:00Z', '2026-08-04T00:00:00Z'),
    ]);
    expect([a, b].map((res) => codeOf(res) ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    expect([a, b].find((res) => res.errors)?.errors?.[0].message).toMatch(/^window A13 would have nobody on post/);
    const rows = await t.dataSource.getRepository(StaffAbsence).findBy({
      userId: In([(await userOf('staff13.210381')).id, (await userOf('staff12.210381')).id]),
    });
    expect(rows).toHaveLength(1);
    expect(onPostAt(await coverage('2026-08-03T03:00:00Z'), 'A13')).not.toBe('EMPTY');
  });

  it('refuses a reason-less closing, an absence that ends before it starts, and a second absence of the same person', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const a08 = await windowOf('210381', 'A08');
    const noReason = await t.gql('mutation($input: WindowStatusInput!) { closeWindow(input: $input) { status } }', { input: { id: encodeGlobalId('Window', a08.id), version: a08.version, reason: '  ' } }, token);
    expect([codeOf(noReason), fieldOf(noReason)]).toEqual(['BAD_USER_INPUT', 'input.reason']);
    const backwards = await absence('staff08.210381', '2026-05-02T00:00:00Z', '2026-05-01T00:00:00Z');
    expect([codeOf(backwards), fieldOf(backwards)]).toEqual(['BAD_USER_INPUT', 'input.endsAt']);
    const again = await absence('staff05.210381', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z');
    expect([codeOf(again), fieldOf(again)]).toEqual(['BAD_USER_INPUT', 'input.startsAt']);
  });
});

describe('creating and changing windows', () => {
  const CREATE = 'mutation($input: CreateWindowInput!) { createWindow(input: $input) { id number status version kind department { name } statusHistory { status actor { username } } posts { post } } }';
  const UPDATE = 'mutation($input: UpdateWindowInput!) { updateWindow(input: $input) { name version } }';
  const ASSIGN = 'mutation($input: AssignWindowPostsInput!) { assignWindowPosts(input: $input) { version posts { post user { username } } } }';

  async function serviceDepartment(code: string): Promise<string> {
    const tenant = await tenantOf(code);
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    return encodeGlobalId('Department', department.id);
  }

  it('creates a window that opens at once; without posts it is an empty window', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const input = { number: 'b01', name: '新设咨询窗口', hall: '二楼', kind: 'CONSULTATION', departmentId: await serviceDepartment('210381') };
    const res = await t.gql(CREATE, { input }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.createWindow).toMatchObject({
      number: 'B01',
      status: 'OPEN',
      version: 1,
      department: { name: '窗口服务部' },
      statusHistory: [{ status: 'OPEN', actor: { username: 'centre_admin.210381' } }],
      posts: [],
    });
    expect((await windowOf('210381', 'B01')).name).toBe('新设咨询窗口');
    expect(await coverage('2026-03-02T03:00:00Z').then((c) => c.emptyWindows.map((w) => w.number))).toEqual(['B01']);
    const twice = await t.gql(CREATE, { input: { ...input, number: 'B01' } }, token);
    expect([codeOf(twice), fieldOf(twice)]).toEqual(['BAD_USER_INPUT', 'input.number']);
  });

  it('staffs the posts of a window: A and B are two active people of the centre', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const b01 = await windowOf('210381', 'B01');
    const id = encodeGlobalId('Window', b01.id);
    const same = await t.gql(ASSIGN, { input: { windowId: id, version: b01.version, aUserId: await userId('staff13.210381'), bUserId: await userId('staff13.210381') } }, token);
    expect([codeOf(same), fieldOf(same)]).toEqual(['BAD_USER_INPUT', 'input.bUserId']);
    const foreign = await t.gql(ASSIGN, { input: { windowId: id, version: b01.version, aUserId: await userId('staff13.210321'), bUserId: await userId('staff12.210381') } }, token);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    const res = await t.gql(ASSIGN, { input: { windowId: id, version: b01.version, aUserId: await userId('window_staff.210381'), bUserId: await userId('staff13.210381') } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.assignWindowPosts).toEqual({
      version: b01.version + 1,
      posts: [{ post: 'A', user: { username: 'window_staff.210381' } }, { post: 'B', user: { username: 'staff13.210381' } }],
    });
    expect(onPostAt(await coverage('2026-03-02T03:00:00Z'), 'B01')).toBe('A:window_staff.210381');
    const stale = await t.gql(ASSIGN, { input: { windowId: id, version: b01.version, aUserId: await userId('staff12.210381'), bUserId: await userId('staff13.210381') } }, token);
    expect(codeOf(stale)).toBe('CONFLICT');
    const posts = await t.dataSource.getRepository(WindowPost).findBy({ windowId: b01.id });
    expect(posts.map((p) => p.userId).sort()).toEqual([(await userOf('window_staff.210381')).id, (await userOf('staff13.210381')).id].sort());
  });

  it('a stale version gives CONFLICT and changes nothing', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const a12 = await windowOf('210381', 'A12');
    const id = encodeGlobalId('Window', a12.id);
    const first = await t.gql(UPDATE, { input: { id, version: a12.version, name: '统一出件窗口（一）' } }, token);
    expect(first.data?.updateWindow).toEqual({ name: '统一出件窗口（一）', version: a12.version + 1 });
    const stale = await t.gql(UPDATE, { input: { id, version: a12.version, name: '统一出件窗口（二）' } }, token);
    expect(codeOf(stale)).toBe('CONFLICT');
    const closeStale = await t.gql('mutation($input: WindowStatusInput!) { closeWindow(input: $input) { status } }', { input: { id, version: a12.version, reason: '撤并' } }, token);
    expect(codeOf(closeStale)).toBe('CONFLICT');
    const row = await windowOf('210381', 'A12');
    expect([row.name, row.status, row.version]).toEqual(['统一出件窗口（一）', WindowStatus.OPEN, a12.version + 1]);
  });

  it('a window serves matters of its own centre only, and its chief representative is of its department', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const a03 = await windowOf('210381', 'A03');
    const id = encodeGlobalId('Window', a03.id);
    const city = await tenantOf('210300');
    const cityMatter = await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: city.id });
    const invisible = await t.gql(UPDATE, { input: { id, version: a03.version, matterIds: [encodeGlobalId('Matter', cityMatter.id)] } }, token);
    expect(codeOf(invisible)).toBe('NOT_FOUND');
    const countyMatter = await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: (await tenantOf('210381')).id });
    const cityToken = await t.tokenOf('centre_admin.210300');
    const cityA03 = await windowOf('210300', 'A03');
    const foreign = await t.gql(UPDATE, { input: { id: encodeGlobalId('Window', cityA03.id), version: cityA03.version, matterIds: [encodeGlobalId('Matter', countyMatter.id)] } }, cityToken);
    expect([codeOf(foreign), fieldOf(foreign)]).toEqual(['BAD_USER_INPUT', 'input.matterIds']);
    const wrongChief = await t.gql(UPDATE, { input: { id, version: a03.version, chiefRepresentativeId: await userId('staff01.210381') } }, token);
    expect([codeOf(wrongChief), fieldOf(wrongChief)]).toEqual(['BAD_USER_INPUT', 'input.chiefRepresentativeId']);
    const set = await t.gql(
      'mutation($input: UpdateWindowInput!) { updateWindow(input: $input) { matters { id } } }',
      { input: { id, version: a03.version, matterIds: [encodeGlobalId('Matter', countyMatter.id)] } },
      token,
    );
    expect(set.data?.updateWindow.matters).toEqual([{ id: encodeGlobalId('Matter', countyMatter.id) }]);
    const links = await t.dataSource.getRepository(WindowMatter).findBy({ windowId: a03.id });
    expect(links.map((l) => l.matterId)).toEqual([countyMatter.id]);
  });
});

describe('who may read and write windows', () => {
  const CLOSE = 'mutation($input: WindowStatusInput!) { closeWindow(input: $input) { status } }';

  it('a county admin cannot touch the city’s windows: NOT_FOUND, as for a window that does not exist', async () => {
    const token = await t.tokenOf('centre_admin.210321');
    const cityA01 = await windowOf('210300', 'A01');
    const res = await t.gql(CLOSE, { input: { id: encodeGlobalId('Window', cityA01.id), version: cityA01.version, reason: '越权' } }, token);
    const missing = await t.gql(CLOSE, { input: { id: encodeGlobalId('Window', 987654), version: 1, reason: '越权' } }, token);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toBe(missing.errors?.[0].message);
    const coverage = await t.gql(COVERAGE, { code: '210300' }, token);
    expect(codeOf(coverage)).toBe('NOT_FOUND');
    expect((await windowOf('210300', 'A01')).status).toBe(WindowStatus.OPEN);
  });

  it('the city admin reads a county’s windows and coverage but cannot write there (FORBIDDEN)', async () => {
    const token = await t.tokenOf('centre_admin.210300');
    const haicheng = await tenantOf('210381');
    const count = await t.dataSource.getRepository(Window).countBy({ tenantId: haicheng.id });
    const list = await t.gql('{ windows(first: 100, filter: { tenantCode: "210381" }) { totalCount } }', {}, token);
    expect(list.data?.windows.totalCount).toBe(count);
    const a02 = await windowOf('210381', 'A02');
    const read = await t.gql('query($id: ID!) { node(id: $id) { ... on Window { number } } }', { id: encodeGlobalId('Window', a02.id) }, token);
    expect(read.data?.node).toEqual({ number: 'A02' });
    expect(onPostAt(await coverage('2026-03-02T03:00:00Z', 'centre_admin.210300', '210381'), 'A05')).toBe('B:staff04.210381');

    const close = await t.gql(CLOSE, { input: { id: encodeGlobalId('Window', a02.id), version: a02.version, reason: '越权' } }, token);
    expect(codeOf(close)).toBe('FORBIDDEN');
    const away = await t.gql(
      SCHEDULE,
      { input: { userId: await userId('staff02.210381'), kind: 'TRAINING', startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-06-02T00:00:00Z' } },
      token,
    );
    expect(codeOf(away)).toBe('FORBIDDEN');
    const create = await t.gql(
      'mutation($input: CreateWindowInput!) { createWindow(input: $input) { id } }',
      { input: { number: 'Z99', name: '越权窗口', hall: '一楼', kind: 'CONVENIENCE', departmentId: encodeGlobalId('Department', a02.departmentId) } },
      token,
    );
    expect(codeOf(create)).toBe('FORBIDDEN');
    expect((await windowOf('210381', 'A02')).status).toBe(WindowStatus.OPEN);
    // (The demo history has one absence of staff02, in January; none was added.)
    expect(await t.dataSource.getRepository(StaffAbsence).countBy({ userId: (await userOf('staff02.210381')).id })).toBe(1);
    expect(await t.dataSource.getRepository(Window).countBy({ number: 'Z99' })).toBe(0);
  });

  it.each(['window_staff.210381', 'staff01.210381'])('a window clerk (%s) cannot call the admin mutations (FORBIDDEN)', async (username) => {
    const token = await t.tokenOf(username);
    const a02 = await windowOf('210381', 'A02');
    const id = encodeGlobalId('Window', a02.id);
    const calls: [string, Record<string, unknown>][] = [
      [CLOSE, { input: { id, version: a02.version, reason: '无权' } }],
      ['mutation($input: UpdateWindowInput!) { updateWindow(input: $input) { id } }', { input: { id, version: a02.version, name: '无权' } }],
      [
        'mutation($input: CreateWindowInput!) { createWindow(input: $input) { id } }',
        { input: { number: 'Z98', name: '无权', hall: '一楼', kind: 'CONVENIENCE', departmentId: encodeGlobalId('Department', a02.departmentId) } },
      ],
      [
        'mutation($input: AssignWindowPostsInput!) { assignWindowPosts(input: $input) { id } }',
        { input: { windowId: id, version: a02.version, aUserId: await userId('staff03.210381'), bUserId: await userId('staff04.210381') } },
      ],
      [SCHEDULE, { input: { userId: await userId('staff03.210381'), kind: 'LEAVE', startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-06-02T00:00:00Z' } }],
      [
        'mutation($input: SetLunchDutyRotaInput!) { setLunchDutyRota(input: $input) { id } }',
        { input: { windowId: id, groupOneIds: [await userId('staff02.210381')], groupTwoIds: [await userId('staff03.210381')] } },
      ],
    ];
    for (const [query, variables] of calls) expect([query, codeOf(await t.gql(query, variables, token))]).toEqual([query, 'FORBIDDEN']);
    expect(await windowOf('210381', 'A02')).toEqual(a02);
  });

  it('an auditor reads but every window mutation is READ_ONLY_ROLE', async () => {
    const token = await t.tokenOf('auditor.210300');
    const a02 = await windowOf('210381', 'A02');
    const res = await t.gql(CLOSE, { input: { id: encodeGlobalId('Window', a02.id), version: a02.version, reason: '审计' } }, token);
    expect(codeOf(res)).toBe('READ_ONLY_ROLE');
  });

  it('node() gives null for a window, absence, rota or status change of another tenant', async () => {
    const token = await t.tokenOf('window_staff.210381');
    const taian = await tenantOf('210321');
    const ownWindow = await windowOf('210381', 'A01');
    const theirWindow = await windowOf('210321', 'A01');
    const theirRota = await t.dataSource.getRepository(LunchDutyRota).findOneByOrFail({ windowId: theirWindow.id });
    const theirChange = await t.dataSource.getRepository(WindowStatusChange).findOneByOrFail({ windowId: theirWindow.id });
    const theirAbsence = await t.dataSource.getRepository(StaffAbsence).save(
      Object.assign(new StaffAbsence(), {
        tenantId: taian.id,
        userId: (await userOf('staff01.210321')).id,
        kind: 'LEAVE',
        startsAt: new Date('2026-07-01T00:00:00Z'),
        endsAt: new Date('2026-07-02T00:00:00Z'),
        reason: '',
        createdById: null,
        cancelled: false,
      }),
    );
    const ids = [
      encodeGlobalId('Window', theirWindow.id),
      encodeGlobalId('LunchDutyRota', theirRota.id),
      encodeGlobalId('WindowStatusChange', theirChange.id),
      encodeGlobalId('StaffAbsence', theirAbsence.id),
      encodeGlobalId('Window', ownWindow.id),
    ];
    const res = await t.gql('query($ids: [ID!]!, $one: ID!) { nodes(ids: $ids) { id } one: node(id: $one) { id } window(id: $one) { number } }', { ids, one: ids[0] }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ nodes: [null, null, null, null, { id: ids[4] }], one: null, window: null });
    const own = await t.gql('query($id: ID!) { node(id: $id) { ... on Window { number lunchDutyRota { id } statusHistory { id } } } }', { id: ids[4] }, token);
    const ownRota = await t.dataSource.getRepository(LunchDutyRota).findOneByOrFail({ windowId: ownWindow.id });
    expect(own.data?.node.lunchDutyRota).toEqual({ id: encodeGlobalId('LunchDutyRota', ownRota.id) });
    const nodes = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [own.data?.node.lunchDutyRota.id, own.data?.node.statusHistory[0].id] }, token);
    expect(nodes.data?.nodes).toEqual([{ id: own.data?.node.lunchDutyRota.id }, { id: own.data?.node.statusHistory[0].id }]);
  });
});

describe('lunch-time duty rota (延时服务, 鞍山 规范 三(三)3 "值班人员分为两组，轮流午休及就餐")', () => {
  const SET = 'mutation($input: SetLunchDutyRotaInput!) { setLunchDutyRota(input: $input) { id version groupOne { username } groupTwo { username } } }';
  const SHIFT = 'startsAt endsAt onDuty { username } away { username } replacement { username } replacementPost uncovered';
  const DUTY = `query($date: LocalDate!, $code: String) { lunchDuty(date: $date, tenantCode: $code) {
    date workingDay lunchStartsAt lunchEndsAt uncoveredWindows { number }
    windows { window { number } rota { id } firstHalf { ${SHIFT} } secondHalf { ${SHIFT} } }
  } }`;

  async function duty(date: string, code?: string) {
    const res = await t.gql(DUTY, { date, code }, await t.tokenOf('centre_admin.210381'));
    expect(res.errors).toBeUndefined();
    return res.data?.lunchDuty;
  }

  /** One half at one window as "on:a,b away:c stand-in:B:d" / "UNCOVERED". */
  function half(day: any, number: string, which: 'firstHalf' | 'secondHalf'): string {
    const shift = day.windows.find((w: any) => w.window.number === number)[which];
    const names = (list: { username: string }[]) => list.map((u) => u.username).join(',');
    const parts = [`on:${names(shift.onDuty)}`, `away:${names(shift.away)}`];
    if (shift.replacement) parts.push(`stand-in:${shift.replacementPost}:${shift.replacement.username}`);
    if (shift.uncovered) parts.push('UNCOVERED');
    return parts.join(' ');
  }

  it('a rota needs two groups of window staff, nobody in both, nobody on another window’s rota', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const id = await windowId('210381', 'A02');
    const one = [await userId('staff02.210381')];
    const emptyTwo = await t.gql(SET, { input: { windowId: id, groupOneIds: one, groupTwoIds: [] } }, token);
    expect([codeOf(emptyTwo), fieldOf(emptyTwo)]).toEqual(['BAD_USER_INPUT', 'input.groupTwoIds']);
    const emptyOne = await t.gql(SET, { input: { windowId: id, groupOneIds: [], groupTwoIds: one } }, token);
    expect([codeOf(emptyOne), fieldOf(emptyOne)]).toEqual(['BAD_USER_INPUT', 'input.groupOneIds']);
    const both = await t.gql(SET, { input: { windowId: id, groupOneIds: one, groupTwoIds: one } }, token);
    expect([codeOf(both), fieldOf(both)]).toEqual(['BAD_USER_INPUT', 'input.groupTwoIds']);
    // staff01 is in group one of A01's demo rota: at A02 too they could not take their own lunch turn.
    const busy = await t.gql(SET, { input: { windowId: id, groupOneIds: one, groupTwoIds: [await userId('staff01.210381')] } }, token);
    expect([codeOf(busy), fieldOf(busy)]).toEqual(['BAD_USER_INPUT', 'input.groupOneIds']);
    expect(busy.errors?.[0].message).toMatch(/staff01\.210381 is already on the lunch rota of window A01/);
    const notStaff = await t.gql(SET, { input: { windowId: id, groupOneIds: one, groupTwoIds: [await userId('approver.210381')] } }, token);
    expect([codeOf(notStaff), fieldOf(notStaff)]).toEqual(['BAD_USER_INPUT', 'input.groupTwoIds']);
    expect(await t.dataSource.getRepository(LunchDutyRota).countBy({ windowId: (await windowOf('210381', 'A02')).id })).toBe(0);
  });

  it('each working day’s lunch break is split: group one on post in the first half while group two eats, then the other way', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const id = await windowId('210381', 'A02');
    const input = { windowId: id, groupOneIds: [await userId('staff02.210381')], groupTwoIds: [await userId('staff03.210381'), await userId('staff04.210381')] };
    const res = await t.gql(SET, { input }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.setLunchDutyRota).toMatchObject({ version: 1, groupOne: [{ username: 'staff02.210381' }] });
    // Thursday 5 March 2026; lunch 12:00–13:30 local (default hours), halves of 45 minutes.
    const thursday = await duty('2026-03-05');
    expect(thursday).toMatchObject({ workingDay: true, lunchStartsAt: '2026-03-05T04:00:00.000Z', lunchEndsAt: '2026-03-05T05:30:00.000Z' });
    const a02 = thursday.windows.find((w: any) => w.window.number === 'A02');
    expect([a02.firstHalf.startsAt, a02.firstHalf.endsAt, a02.secondHalf.startsAt]).toEqual([
      '2026-03-05T04:00:00.000Z',
      '2026-03-05T04:45:00.000Z',
      '2026-03-05T04:45:00.000Z',
    ]);
    expect(half(thursday, 'A02', 'firstHalf')).toBe('on:staff02.210381 away:');
    expect(half(thursday, 'A02', 'secondHalf')).toBe('on:staff03.210381,staff04.210381 away:');
    expect(half(thursday, 'A01', 'firstHalf')).toBe('on:staff01.210381 away:');
    expect(half(thursday, 'A01', 'secondHalf')).toBe('on:staff14.210381 away:');
    // Windows without a rota have nobody at lunch: reported, not hidden.
    expect(half(thursday, 'A05', 'firstHalf')).toBe('on: away: UNCOVERED');
    expect(thursday.uncoveredWindows.map((w: any) => w.number)).not.toContain('A02');
    expect(thursday.uncoveredWindows.map((w: any) => w.number)).toContain('A05');
    // Saturday: no lunch duty; Saturday 28 February 2026 is a make-up working day (调休): lunch duty.
    expect(await duty('2026-03-07')).toMatchObject({ workingDay: false, lunchStartsAt: null, windows: [], uncoveredWindows: [] });
    expect(half(await duty('2026-02-28'), 'A02', 'firstHalf')).toBe('on:staff02.210381 away:');
    const bad = await t.gql(DUTY, { date: '2026-02-30' }, token);
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'date']);
  });

  it('a person on leave is never on the rota: the B post stands in, else a scheduled replacement, else the window is reported uncovered', async () => {
    // A02: A staff02 (group one), B staff01 (group one of A01, so busy in the first half).
    expect((await absence('staff02.210381', '2026-03-10T00:00:00Z', '2026-03-10T10:00:00Z')).errors).toBeUndefined();
    const alone = await duty('2026-03-10');
    expect(half(alone, 'A02', 'firstHalf')).toBe('on: away:staff02.210381 UNCOVERED');
    expect(half(alone, 'A02', 'secondHalf')).toBe('on:staff03.210381,staff04.210381 away:');
    expect(alone.uncoveredWindows.map((w: any) => w.number)).toContain('A02');

    // With a replacement scheduled for the absence (替岗), the replacement stands in.
    const covered = await absence('staff02.210381', '2026-03-11T00:00:00Z', '2026-03-11T10:00:00Z', [
      { windowId: await windowId('210381', 'A02'), userId: await userId('staff09.210381') },
    ]);
    expect(covered.errors).toBeUndefined();
    expect(half(await duty('2026-03-11'), 'A02', 'firstHalf')).toBe('on: away:staff02.210381 stand-in:COVER:staff09.210381');

    // staff03 (group two) away on the 12th: B (staff01) has eaten in the first half and stands in.
    expect((await absence('staff03.210381', '2026-03-12T00:00:00Z', '2026-03-12T10:00:00Z')).errors).toBeUndefined();
    const twelfth = await duty('2026-03-12');
    expect(half(twelfth, 'A02', 'secondHalf')).toBe('on:staff04.210381 away:staff03.210381');
    expect((await absence('staff04.210381', '2026-03-12T04:30:00Z', '2026-03-12T05:00:00Z')).errors).toBeUndefined();
    expect(half(await duty('2026-03-12'), 'A02', 'secondHalf')).toBe('on: away:staff03.210381,staff04.210381 stand-in:B:staff01.210381');
  });

  it('replacing a rota takes its version', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const id = await windowId('210381', 'A02');
    const input = { windowId: id, groupOneIds: [await userId('staff03.210381')], groupTwoIds: [await userId('staff02.210381')] };
    expect(codeOf(await t.gql(SET, { input }, token))).toBe('CONFLICT');
    const replaced = await t.gql(SET, { input: { ...input, version: 1 } }, token);
    expect(replaced.data?.setLunchDutyRota).toMatchObject({ version: 2, groupOne: [{ username: 'staff03.210381' }] });
    expect(codeOf(await t.gql(SET, { input: { ...input, version: 1 } }, token))).toBe('CONFLICT');
    const row = await t.dataSource.getRepository(LunchDutyRota).findOneByOrFail({ windowId: (await windowOf('210381', 'A02')).id });
    expect([row.version, row.groupOneIds.map(Number)]).toEqual([2, [(await userOf('staff03.210381')).id]]);
  });

  it('a hall open through noon has no lunch break to staff (海勃湾区)', async () => {
    const res = await t.gql(DUTY, { date: '2026-03-05', code: '150302' }, await t.tokenOf('centre_admin.150302'));
    expect(res.data?.lunchDuty).toMatchObject({ workingDay: true, lunchStartsAt: null, windows: [] });
  });
});

describe('windows serving a matter (for the public service guide)', () => {
  it('reads one tenant for anonymous callers and returns OPEN windows only', async () => {
    const haicheng = await tenantOf('210381');
    const a09 = await windowOf('210381', 'A09');
    const link = await t.dataSource.getRepository(WindowMatter).findOneByOrFail({ windowId: a09.id });
    const logger = createLogger('silent');
    const context = async (authorization?: string) =>
      buildContext({ config: t.config, tokens: t.tokens, dataSource: t.dataSource, logger }, { requestId: 'test', clientIp: '127.0.0.1', authorization });
    const anonymous = await context();
    expect((await windowsServingMatter(anonymous, link.matterId, { publicTenantId: haicheng.id })).map((w) => w.number)).toEqual(['A09']);
    expect(await windowsServingMatter(anonymous, link.matterId)).toEqual([]);
    expect(await windowsServingMatter(await context(), link.matterId, { publicTenantId: (await tenantOf('210321')).id })).toEqual([]);

    await t.dataSource.getRepository(Window).update({ id: a09.id }, { status: WindowStatus.CLOSED });
    const admin = await context(`Bearer ${await t.tokenOf('centre_admin.210381')}`);
    expect((await windowsServingMatter(admin, link.matterId)).map((w) => w.number)).toEqual(['A09']);
    expect(await windowsServingMatter(await context(), link.matterId, { publicTenantId: haicheng.id })).toEqual([]);
    await t.dataSource.getRepository(Window).update({ id: a09.id }, { status: WindowStatus.OPEN });
  });
});

describe('SQL statements per request', () => {
  const LIST = `query($first: Int) { windows(first: $first) { totalCount edges { node {
    number kind status department { name } matters { code name } chiefRepresentative { displayName } posts { post user { displayName } }
  } } } }`;

  it('listing windows with matters, department, chief representative and posts does not grow with the page size', async () => {
    const token = await t.tokenOf('auditor.210300');
    await t.gql('{ viewer { username } }', {}, token); // the account, cached from here on
    const small = await t.gql(LIST, { first: 30 }, token);
    const large = await t.gql(LIST, { first: 100 }, token);
    expect(large.errors).toBeUndefined();
    const anshan = (await t.dataSource.getRepository(Tenant).find()).filter((x) => x.code.startsWith('2103'));
    expect(large.data?.windows.totalCount).toBe(await t.dataSource.getRepository(Window).countBy({ tenantId: In(anshan.map((x) => x.id)) }));
    expect(large.data?.windows.edges).toHaveLength(100);
    expect(large.data?.windows.edges.every((e: any) => e.node.posts.length === 2 || e.node.number === 'B01')).toBe(true);
    expect(large.data?.windows.edges.some((e: any) => e.node.matters.length > 0)).toBe(true);
    // page + count + matter links + matters + departments + posts
    // + users (chief representatives, then post holders)
    expect(small.sqlStatements).toBeLessThanOrEqual(11);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });

  it('the coverage query is bounded too, however many absences and covers there are', async () => {
    const ask = async (at: string, code: string) => t.gql(COVERAGE, { at, code }, await t.tokenOf('centre_admin.210300'));
    // Once first, so that both read the calendars from the per-process cache alike.
    await ask('2026-03-02T03:00:00Z', '210321');
    await ask('2026-03-02T06:30:00Z', '210381');
    const quiet = await ask('2026-03-02T03:00:00Z', '210321');
    const busy = await ask('2026-03-02T06:30:00Z', '210381');
    expect(busy.errors).toBeUndefined();
    expect(busy.data?.windowCoverage.onPost.map((e: any) => e.post)).toEqual(expect.arrayContaining(['A', 'B']));
    // the account + tenant + hall hours + windows + posts + covers + absences + sign-offs + users
    // (the tenant tree and the calendars come from the per-process cache)
    expect(quiet.sqlStatements).toBeLessThanOrEqual(9);
    expect(busy.sqlStatements).toBe(quiet.sqlStatements);
  });
});
