import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { In } from 'typeorm';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { Matter, MatterStatus } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { ContactLedgerEntry, ProblemLedgerEntry, ProblemStatus } from '../src/modules/collaboration/entities';

let t: TestApp;
/** A month with no seeded problems (they are in January and February 2026). */
const MARCH = '2026-03-10T10:00:00+08:00';
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(MARCH);
});
afterAll(() => t.close());

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const tenantOf = (code: string) => repo(Tenant).findOneByOrFail({ code });
const userOf = (username: string) => repo(User).findOneByOrFail({ username });
const gid = (type: string, row: { id: number }) => encodeGlobalId(type, row.id);
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions;

async function crossRegionMatters(code: string, crossRegion = true): Promise<Matter[]> {
  return repo(Matter).find({ where: { tenantId: (await tenantOf(code)).id, crossRegion, status: MatterStatus.PUBLISHED }, order: { code: 'ASC' } });
}

async function entryOf(tenantCode: string, matter: Matter): Promise<ContactLedgerEntry | null> {
  return repo(ContactLedgerEntry).findOneBy({ tenantId: (await tenantOf(tenantCode)).id, matterId: matter.id });
}

const CONTACT = 'id version tenant { code } matter { id code } responsible { id username phone } deputy { id username phone }';
const SET = `mutation($input: SetContactLedgerEntryInput!) { setContactLedgerEntry(input: $input) { ${CONTACT} } }`;

async function set(username: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(SET, { input }, await t.tokenOf(username));
}

describe('联系人台账: the contact ledger', () => {
  it('a centre admin creates an entry, replaces it with its version; a stale or missing version is CONFLICT', async () => {
    const matter = (await crossRegionMatters('150302'))[0];
    await repo(ContactLedgerEntry).delete({ tenantId: matter.tenantId, matterId: matter.id });
    const [a, b] = [await userOf('staff02.150302'), await userOf('staff03.150302')];

    const created = await set('centre_admin.150302', { matterId: gid('Matter', matter), responsibleId: gid('User', a), deputyId: gid('User', b) });
    expect(created.errors).toBeUndefined();
    const row = (await entryOf('150302', matter))!;
    expect(row).toMatchObject({ responsibleId: a.id, deputyId: b.id, version: 1 });
    expect(created.data?.setContactLedgerEntry).toMatchObject({
      id: gid('ContactLedgerEntry', row), version: 1, tenant: { code: '150302' }, matter: { id: gid('Matter', matter), code: matter.code },
      responsible: { username: a.username, phone: a.phone }, deputy: { username: b.username, phone: b.phone },
    });

    const again = await set('centre_admin.150302', { matterId: gid('Matter', matter), responsibleId: gid('User', b) });
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', field: 'version' });

    const replaced = await set('centre_admin.150302', { matterId: gid('Matter', matter), responsibleId: gid('User', b), deputyId: gid('User', a), version: 1 });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data?.setContactLedgerEntry).toMatchObject({ version: 2, responsible: { username: b.username }, deputy: { username: a.username } });
    expect(await entryOf('150302', matter)).toMatchObject({ id: row.id, responsibleId: b.id, deputyId: a.id, version: 2 });

    const stale = await set('centre_admin.150302', { matterId: gid('Matter', matter), responsibleId: gid('User', a), version: 1 });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(await entryOf('150302', matter)).toMatchObject({ responsibleId: b.id, deputyId: a.id, version: 2 });

    // Without a deputy, the deputy is cleared.
    const alone = await set('centre_admin.150302', { matterId: gid('Matter', matter), responsibleId: gid('User', a), version: 2 });
    expect(alone.data?.setContactLedgerEntry).toMatchObject({ version: 3, responsible: { username: a.username }, deputy: null });
    expect(await entryOf('150302', matter)).toMatchObject({ responsibleId: a.id, deputyId: null, version: 3 });
  });

  it('refuses a matter off the cross-region list, a deputy who is the responsible person, and staff of another centre', async () => {
    const local = (await crossRegionMatters('150302', false))[0];
    const matter = (await crossRegionMatters('150302'))[1];
    const before = await entryOf('150302', matter);
    const [a, foreign] = [await userOf('staff04.150302'), await userOf('staff04.150304')];

    const offList = await set('centre_admin.150302', { matterId: gid('Matter', local), responsibleId: gid('User', a) });
    expect(errorOf(offList)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.matterId' });
    expect(await entryOf('150302', local)).toBeNull();

    const same = await set('centre_admin.150302', { matterId: gid('Matter', matter), responsibleId: gid('User', a), deputyId: gid('User', a), version: before!.version });
    expect(errorOf(same)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deputyId' });

    const outsider = await set('centre_admin.150302', { matterId: gid('Matter', matter), responsibleId: gid('User', foreign), version: before!.version });
    expect(errorOf(outsider)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsibleId' });

    const otherCentre = await set('centre_admin.150302', { matterId: gid('Matter', (await crossRegionMatters('150304'))[0]), responsibleId: gid('User', a) });
    expect(codeOf(otherCentre)).toBe('NOT_FOUND');
    expect(await entryOf('150302', matter)).toEqual(before);
  });

  it('only the centre admin of the matter’s centre sets contacts', async () => {
    const matter = (await crossRegionMatters('150302'))[2];
    const before = await entryOf('150302', matter);
    const input = { matterId: gid('Matter', matter), responsibleId: gid('User', await userOf('staff05.150302')), version: before!.version };
    expect(codeOf(await set('window_staff.150302', input))).toBe('FORBIDDEN');
    expect(codeOf(await set('centre_admin.150300', input))).toBe('FORBIDDEN'); // the city reads it, but does not write there
    expect(codeOf(await set('auditor.150302', input))).toBe('READ_ONLY_ROLE');
    expect(await entryOf('150302', matter)).toEqual(before);
  });

  it('lists the readable centres’ entries, each relation batched', async () => {
    const LIST = `query($code: String, $first: Int) { contactLedger(tenantCode: $code, first: $first) { totalCount edges { node { ${CONTACT} } } } }`;
    const admin = await t.tokenOf('centre_admin.150302');
    const own = await t.gql(LIST, { code: '150302', first: 100 }, admin);
    expect(own.errors).toBeUndefined();
    const rows = await repo(ContactLedgerEntry).find({ where: { tenantId: (await tenantOf('150302')).id }, order: { id: 'ASC' } });
    expect(rows.length).toBeGreaterThan(2);
    const codes = new Map((await repo(Matter).findBy({ id: In(rows.map((r) => r.matterId)) })).map((m) => [m.id, m.code]));
    expect(own.data?.contactLedger.totalCount).toBe(rows.length);
    // By matter code (the ledger's default order).
    expect(own.data?.contactLedger.edges.map((e: any) => e.node.matter.code)).toEqual(rows.map((r) => codes.get(r.matterId)).sort());
    expect(own.data?.contactLedger.edges.map((e: any) => e.node.id).sort()).toEqual(rows.map((r) => gid('ContactLedgerEntry', r)).sort());
    // Another centre's entries are not there; the city reads its districts'.
    expect((await t.gql(LIST, { code: '150304' }, admin)).data?.contactLedger.totalCount).toBe(0);
    const city = await t.gql(LIST, { code: '150304' }, await t.tokenOf('centre_admin.150300'));
    expect(city.data?.contactLedger.totalCount).toBe(await repo(ContactLedgerEntry).countBy({ tenantId: (await tenantOf('150304')).id }));
    // N+1: a longer page costs no more statements.
    const short = await t.gql(LIST, { code: '150302', first: 2 }, admin);
    const long = await t.gql(LIST, { code: '150302', first: rows.length }, admin);
    expect(long.sqlStatements).toBe(short.sqlStatements);
  });

  it('shows phones to the person and the centre admins of their centre in clear, to auditors masked, to others null', async () => {
    const entries = await repo(ContactLedgerEntry).find({ where: { tenantId: (await tenantOf('150302')).id } });
    const entry = entries.find((e) => e.deputyId !== null)!;
    const responsible = await repo(User).findOneByOrFail({ id: entry.responsibleId });
    const deputy = await repo(User).findOneByOrFail({ id: entry.deputyId! });
    expect(responsible.phone).toBeTruthy();
    expect(deputy.phone).toBeTruthy();
    const READ = 'query($id: ID!) { node(id: $id) { ... on ContactLedgerEntry { responsible { phone } deputy { phone } } } }';
    const read = async (username: string) => (await t.gql(READ, { id: gid('ContactLedgerEntry', entry) }, await t.tokenOf(username))).data?.node;

    expect(await read(responsible.username)).toEqual({ responsible: { phone: responsible.phone }, deputy: { phone: null } });
    expect(await read(deputy.username)).toEqual({ responsible: { phone: null }, deputy: { phone: deputy.phone } });
    expect(await read('centre_admin.150302')).toEqual({ responsible: { phone: responsible.phone }, deputy: { phone: deputy.phone } });
    expect(await read('auditor.150302')).toEqual({ responsible: { phone: masked(responsible.phone!) }, deputy: { phone: masked(deputy.phone!) } });
    expect(await read('approver.150302')).toEqual({ responsible: { phone: null }, deputy: { phone: null } });
    expect(await read('centre_admin.150300')).toEqual({ responsible: { phone: null }, deputy: { phone: null } });
    expect(await read('centre_admin.150304')).toBeNull(); // another centre's entry is not found at all
  });
});

// ---- a ticket between 海勃湾区 (受理地) and 乌达区 (办理地) -------------------------------------------------

let ticketPromise: Promise<{ id: string; matterCode: string }> | undefined;

/** A cross-region matter both districts publish: 社会保障卡申领 if both have it. */
async function sharedCode(): Promise<string> {
  const other = new Set((await crossRegionMatters('150304')).map((m) => m.code));
  const both = (await crossRegionMatters('150302')).map((m) => m.code).filter((code) => other.has(code));
  return both.includes('GG00400001') ? 'GG00400001' : both[0];
}

function ticket(): Promise<{ id: string; matterCode: string }> {
  ticketPromise ??= (async () => {
    const code = await sharedCode();
    const receiving = await tenantOf('150302');
    const matter = await repo(Matter).findOneByOrFail({ tenantId: receiving.id, code });
    const window = await repo(Window).findOneByOrFail({ tenantId: receiving.id, kind: WindowKind.COMPREHENSIVE });
    const clerk = await t.tokenOf('window_staff.150302');
    const received = await t.gql(
      'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id } }',
      {
        input: {
          matterId: gid('Matter', matter), windowId: gid('Window', window), applicantKind: 'NATURAL_PERSON', applicantName: '巴特尔',
          applicantIdType: 'RESIDENT_ID', applicantIdNumber: '210302199001011238', applicantPhone: '13947301234', applicantAddress: '乌海市海勃湾区新华大街8号',
        },
      },
      clerk,
    );
    expect(received.errors).toBeUndefined();
    const created = await t.gql(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id version matterCode } }',
      { input: { applicationId: received.data?.receiveApplication.id, handlingTenantCode: '150304', paperMaterials: false, resultDelivery: 'APPLICANT' } },
      clerk,
    );
    expect(created.errors).toBeUndefined();
    // Pushed, so that the handling centre sees it (a draft is the receiving centre's alone).
    const { id, version, matterCode } = created.data!.createTicket;
    const pushed = await t.gql('mutation($input: TicketNoteInput!) { pushTicket(input: $input) { id } }', { input: { id, version, note: '' } }, clerk);
    expect(pushed.errors).toBeUndefined();
    return { id, matterCode };
  })();
  return ticketPromise;
}

const CONTACTS = `query($id: ID!) { ticketContacts(ticketId: $id) { receiving { ${CONTACT} } handling { ${CONTACT} } } }`;

describe('联系人台账 of both sides of a ticket', () => {
  async function expected(tenantCode: string, matterCode: string) {
    const tenant = await tenantOf(tenantCode);
    const matter = await repo(Matter).findOneByOrFail({ tenantId: tenant.id, code: matterCode });
    const entry = (await entryOf(tenantCode, matter))!;
    const responsible = await repo(User).findOneByOrFail({ id: entry.responsibleId });
    const deputy = entry.deputyId === null ? null : await repo(User).findOneByOrFail({ id: entry.deputyId });
    return { entry, matter, responsible, deputy };
  }

  it('each party reads both entries; phones follow the User.phone policy across the two centres', async () => {
    const { id, matterCode } = await ticket();
    const receiving = await expected('150302', matterCode);
    const handling = await expected('150304', matterCode);
    /** What User.phone shows `viewer`: the person and the centre admins of their centre in clear, auditors masked, others null. */
    const phoneFor = (viewer: string) => (user: User) => {
      const [role, code] = viewer.split('.');
      if (viewer === user.username || (role === 'centre_admin' && user.username.endsWith(`.${code}`))) return user.phone;
      return role === 'auditor' ? masked(user.phone!) : null;
    };
    const shape = (side: typeof receiving, code: string, phones: (user: User) => string | null) => ({
      id: gid('ContactLedgerEntry', side.entry), version: side.entry.version, tenant: { code }, matter: { id: gid('Matter', side.matter), code: matterCode },
      responsible: { id: gid('User', side.responsible), username: side.responsible.username, phone: phones(side.responsible) },
      deputy: side.deputy && { id: gid('User', side.deputy), username: side.deputy.username, phone: phones(side.deputy) },
    });
    const viewers = ['centre_admin.150302', 'window_staff.150302', 'centre_admin.150304', 'window_staff.150304', 'auditor.150302', 'centre_admin.150300',
      receiving.responsible.username, handling.responsible.username];
    for (const viewer of viewers) {
      const res = await t.gql(CONTACTS, { id }, await t.tokenOf(viewer));
      expect([viewer, res.errors]).toEqual([viewer, undefined]);
      expect([viewer, res.data?.ticketContacts]).toEqual([viewer, { receiving: shape(receiving, '150302', phoneFor(viewer)), handling: shape(handling, '150304', phoneFor(viewer)) }]);
    }
    // The other side's people are really there, phones and all: the handling admin sees them in clear.
    expect(phoneFor('centre_admin.150304')(handling.responsible)).toBe(handling.responsible.phone);
    expect(handling.responsible.phone).toBeTruthy();
  });

  it('a side without an entry for the matter is null', async () => {
    const { id, matterCode } = await ticket();
    const handling = await expected('150304', matterCode);
    await repo(ContactLedgerEntry).delete({ id: handling.entry.id });
    try {
      const res = await t.gql(CONTACTS, { id }, await t.tokenOf('window_staff.150302'));
      expect(res.errors).toBeUndefined();
      expect(res.data?.ticketContacts.handling).toBeNull();
      expect(res.data?.ticketContacts.receiving).not.toBeNull();
    } finally {
      await repo(ContactLedgerEntry).insert({ ...handling.entry });
    }
  });

  it('a third centre gets NOT_FOUND, exactly as for an id that does not exist', async () => {
    const { id } = await ticket();
    const third = await t.gql(CONTACTS, { id }, await t.tokenOf('centre_admin.150303'));
    const missing = await t.gql(CONTACTS, { id: encodeGlobalId('CollaborationTicket', 99_999_999) }, await t.tokenOf('centre_admin.150303'));
    expect(codeOf(third)).toBe('NOT_FOUND');
    expect(third.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(third.data?.ticketContacts ?? null).toBeNull();
    expect(codeOf(await t.gql(CONTACTS, { id }, await t.tokenOf('centre_admin.210302')))).toBe('NOT_FOUND');
  });
});

// ---- 问题台账 ------------------------------------------------------------------------------------------

const PROBLEM = 'id version status category description rectification closedAt createdAt tenant { code } ticket { id } matter { id } raisedBy { username } assignee { username }';

async function raise(username: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(`mutation($input: RaiseProblemInput!) { raiseProblem(input: $input) { ${PROBLEM} } }`, { input }, await t.tokenOf(username));
}

async function move(mutation: string, type: string, username: string, problem: { id: string; version: number }, fields: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  return t.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${PROBLEM} } }`, { input: { id: problem.id, version: problem.version, ...fields } }, await t.tokenOf(username));
}

const problemRow = (globalId: string) => repo(ProblemLedgerEntry).findOneByOrFail({ id: Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]) });

describe('问题台账: the problem ledger', () => {
  it('the seeded ledger has problems in every status in 海勃湾区 and 乌达区, reported in their months', async () => {
    for (const code of ['150302', '150304']) {
      const rows = await repo(ProblemLedgerEntry).findBy({ tenantId: (await tenantOf(code)).id, raisedById: (await userOf(`window_staff.${code}`)).id });
      const seeded = rows.filter((row) => row.createdAt < new Date('2026-03-01T00:00:00+08:00'));
      expect(new Set(seeded.map((row) => row.status))).toEqual(new Set(Object.values(ProblemStatus)));
      const february = seeded.filter((row) => row.createdAt >= new Date('2026-02-01T00:00:00+08:00'));
      const res = await t.gql('query($code: String!) { problemReport(tenantCode: $code, month: "2026-02") { rows { category raised closed } } }', { code }, await t.tokenOf(`centre_admin.${code}`));
      const total = res.data?.problemReport.rows.reduce((sum: number, row: any) => sum + row.raised, 0);
      expect(total).toBe(february.length);
    }
  });

  it('staff of either centre raise problems on the ticket; a third centre gets NOT_FOUND', async () => {
    const { id } = await ticket();
    const before = await repo(ProblemLedgerEntry).count();
    const fromHandling = await raise('window_staff.150304', { ticketId: id, category: 'MATERIALS', description: '  受理地推送的材料缺少申请人身份证件复印件  ' });
    expect(fromHandling.errors).toBeUndefined();
    expect(fromHandling.data?.raiseProblem).toMatchObject({
      version: 1, status: 'RAISED', category: 'MATERIALS', description: '受理地推送的材料缺少申请人身份证件复印件', tenant: { code: '150304' },
      ticket: { id }, matter: null, raisedBy: { username: 'window_staff.150304' }, assignee: null, rectification: null, closedAt: null,
      createdAt: new Date(MARCH).toISOString(),
    });
    const row = await problemRow(fromHandling.data?.raiseProblem.id);
    expect(row).toMatchObject({ tenantId: (await tenantOf('150304')).id, raisedById: (await userOf('window_staff.150304')).id, status: ProblemStatus.RAISED });
    expect(row.createdAt.toISOString()).toBe(new Date(MARCH).toISOString());

    const fromReceiving = await raise('approver.150302', { ticketId: id, category: 'COORDINATION', description: '办理地联系人电话无人接听' });
    expect(fromReceiving.data?.raiseProblem).toMatchObject({ status: 'RAISED', tenant: { code: '150302' } });

    const third = await raise('window_staff.150303', { ticketId: id, category: 'OTHER', description: '第三方' });
    expect(codeOf(third)).toBe('NOT_FOUND');
    const city = await raise('window_staff.150300', { ticketId: id, category: 'OTHER', description: '市级' });
    expect(codeOf(city)).toBe('FORBIDDEN'); // the city reads the ticket but is not a party of it
    expect(await repo(ProblemLedgerEntry).count()).toBe(before + 2);

    // Each problem belongs to its raiser's centre: the other party does not see it.
    const LIST = '{ problems(first: 100, filter: { status: RAISED }) { edges { node { id } } } }';
    const seenBy150302 = (await t.gql(LIST, {}, await t.tokenOf('centre_admin.150302'))).data?.problems.edges.map((e: any) => e.node.id);
    expect(seenBy150302).toContain(fromReceiving.data?.raiseProblem.id);
    expect(seenBy150302).not.toContain(fromHandling.data?.raiseProblem.id);
  });

  it('takes exactly one of ticketId and matterId, and a matter of the own centre', async () => {
    const { id } = await ticket();
    const own = (await crossRegionMatters('150302'))[0];
    const foreign = (await crossRegionMatters('150304'))[0];
    const before = await repo(ProblemLedgerEntry).count();
    expect(errorOf(await raise('window_staff.150302', { category: 'OTHER', description: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ticketId' });
    expect(errorOf(await raise('window_staff.150302', { ticketId: id, matterId: gid('Matter', own), category: 'OTHER', description: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await raise('window_staff.150302', { matterId: gid('Matter', own), category: 'OTHER', description: '   ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(codeOf(await raise('window_staff.150302', { matterId: gid('Matter', foreign), category: 'OTHER', description: 'x' }))).toBe('NOT_FOUND');
    expect(await repo(ProblemLedgerEntry).count()).toBe(before);
    const onMatter = await raise('finance.150302', { matterId: gid('Matter', own), category: 'PROCESS', description: '事项办理流程与乌达区不一致' });
    expect(onMatter.data?.raiseProblem).toMatchObject({ matter: { id: gid('Matter', own) }, ticket: null, tenant: { code: '150302' } });
  });

  it('is assigned, rectified and closed in that order by the centre admin of its centre', async () => {
    const { id } = await ticket();
    const raised = (await raise('window_staff.150304', { ticketId: id, category: 'DELAY', description: '受理地推送超过1个工作日' })).data?.raiseProblem;
    const assignee = await userOf('staff06.150304');
    const admin = 'centre_admin.150304';

    // out of order: CONFLICT naming the current status
    expect(errorOf(await move('closeProblem', 'ProblemVersionInput', admin, raised))).toMatchObject({ code: 'CONFLICT', status: 'RAISED' });
    expect(errorOf(await move('rectifyProblem', 'RectifyProblemInput', admin, raised, { rectification: '已整改' }))).toMatchObject({ code: 'CONFLICT', status: 'RAISED' });
    // who may act
    expect(codeOf(await move('assignProblem', 'AssignProblemInput', 'window_staff.150304', raised, { assigneeId: gid('User', assignee) }))).toBe('FORBIDDEN');
    expect(codeOf(await move('assignProblem', 'AssignProblemInput', 'centre_admin.150302', raised, { assigneeId: gid('User', assignee) }))).toBe('NOT_FOUND');
    expect(codeOf(await move('assignProblem', 'AssignProblemInput', 'centre_admin.150300', raised, { assigneeId: gid('User', assignee) }))).toBe('FORBIDDEN');
    expect(errorOf(await move('assignProblem', 'AssignProblemInput', admin, raised, { assigneeId: gid('User', await userOf('staff06.150302')) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeId' });
    expect(await problemRow(raised.id)).toMatchObject({ status: ProblemStatus.RAISED, version: 1, assigneeId: null });

    const assigned = (await move('assignProblem', 'AssignProblemInput', admin, raised, { assigneeId: gid('User', assignee) })).data?.assignProblem;
    expect(assigned).toMatchObject({ status: 'ASSIGNED', version: 2, assignee: { username: assignee.username } });
    expect(errorOf(await move('assignProblem', 'AssignProblemInput', admin, raised, { assigneeId: gid('User', assignee) }))).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(errorOf(await move('closeProblem', 'ProblemVersionInput', admin, assigned))).toMatchObject({ code: 'CONFLICT', status: 'ASSIGNED' });

    const rectified = (await move('rectifyProblem', 'RectifyProblemInput', admin, assigned, { rectification: '已与受理地约定每日集中推送' })).data?.rectifyProblem;
    expect(rectified).toMatchObject({ status: 'RECTIFIED', version: 3, rectification: '已与受理地约定每日集中推送' });
    t.clock.set('2026-03-12T16:00:00+08:00');
    const closed = (await move('closeProblem', 'ProblemVersionInput', admin, rectified)).data?.closeProblem;
    t.clock.set(MARCH);
    expect(closed).toMatchObject({ status: 'CLOSED', version: 4, closedAt: new Date('2026-03-12T16:00:00+08:00').toISOString() });
    expect(errorOf(await move('closeProblem', 'ProblemVersionInput', admin, closed))).toMatchObject({ code: 'CONFLICT', status: 'CLOSED' });
    expect(errorOf(await move('assignProblem', 'AssignProblemInput', admin, closed, { assigneeId: gid('User', assignee) }))).toMatchObject({ code: 'CONFLICT', status: 'CLOSED' });

    const row = await problemRow(raised.id);
    expect(row).toMatchObject({ status: ProblemStatus.CLOSED, version: 4, assigneeId: assignee.id, rectification: '已与受理地约定每日集中推送' });
    expect(row.closedAt?.toISOString()).toBe(new Date('2026-03-12T16:00:00+08:00').toISOString());
  });

  it('reports the problems raised in a month (Asia/Shanghai) per centre and category, as the database holds them', async () => {
    const own150302 = (await crossRegionMatters('150302'))[0];
    const own150304 = (await crossRegionMatters('150304'))[0];
    const raiseAt = async (at: string, username: string, matter: Matter, category: string) => {
      t.clock.set(at);
      const res = await raise(username, { matterId: gid('Matter', matter), category, description: `${category} ${at}` });
      expect(res.errors).toBeUndefined();
      return res.data?.raiseProblem;
    };
    // Shanghai month edges: 03-01 00:05 is still 02-28 in UTC; 04-01 00:10 is still 03-31 in UTC.
    await raiseAt('2026-03-01T00:05:00+08:00', 'window_staff.150302', own150302, 'SYSTEM');
    await raiseAt('2026-03-31T23:30:00+08:00', 'window_staff.150302', own150302, 'SYSTEM');
    const april = await raiseAt('2026-04-01T00:10:00+08:00', 'window_staff.150302', own150302, 'SYSTEM');
    await raiseAt('2026-02-28T23:50:00+08:00', 'window_staff.150304', own150304, 'SYSTEM');
    const toClose = await raiseAt('2026-03-20T09:00:00+08:00', 'window_staff.150304', own150304, 'PROCESS');
    t.clock.set(MARCH);
    const admin = 'centre_admin.150304';
    let p = (await move('assignProblem', 'AssignProblemInput', admin, toClose, { assigneeId: gid('User', await userOf('staff02.150304')) })).data?.assignProblem;
    p = (await move('rectifyProblem', 'RectifyProblemInput', admin, p, { rectification: '已整改' })).data?.rectifyProblem;
    expect((await move('closeProblem', 'ProblemVersionInput', admin, p)).data?.closeProblem.status).toBe('CLOSED');

    // What the database holds for March in Shanghai, grouped here rather than in SQL.
    const from = new Date('2026-03-01T00:00:00+08:00');
    const to = new Date('2026-04-01T00:00:00+08:00');
    const tenants = await repo(Tenant).find();
    const codeOfTenant = new Map(tenants.map((x) => [x.id, x.code]));
    const groups = new Map<string, { tenant: { code: string }; category: string; raised: number; closed: number }>();
    for (const row of await repo(ProblemLedgerEntry).find()) {
      if (row.createdAt < from || row.createdAt >= to) continue;
      const code = codeOfTenant.get(row.tenantId)!;
      if (!code.startsWith('1503')) continue;
      const key = `${code}:${row.category}`;
      const group = groups.get(key) ?? { tenant: { code }, category: row.category, raised: 0, closed: 0 };
      group.raised += 1;
      if (row.status === ProblemStatus.CLOSED) group.closed += 1;
      groups.set(key, group);
    }
    const expected = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g]) => g);
    // This file's problems only: the seeded ones are in January and February.
    expect(expected).toEqual([
      { tenant: { code: '150302' }, category: 'COORDINATION', raised: 1, closed: 0 },
      { tenant: { code: '150302' }, category: 'PROCESS', raised: 1, closed: 0 },
      { tenant: { code: '150302' }, category: 'SYSTEM', raised: 2, closed: 0 },
      { tenant: { code: '150304' }, category: 'DELAY', raised: 1, closed: 1 },
      { tenant: { code: '150304' }, category: 'MATERIALS', raised: 1, closed: 0 },
      { tenant: { code: '150304' }, category: 'PROCESS', raised: 1, closed: 1 },
    ]);
    expect((await problemRow(april.id)).createdAt.toISOString()).toBe('2026-03-31T16:10:00.000Z');

    const REPORT = 'query($code: String!, $month: String!) { problemReport(tenantCode: $code, month: $month) { month from to rows { tenant { code } category raised closed } } }';
    const city = await t.gql(REPORT, { code: '150300', month: '2026-03' }, await t.tokenOf('centre_admin.150300'));
    expect(city.errors).toBeUndefined();
    expect(city.data?.problemReport).toEqual({ month: '2026-03', from: from.toISOString(), to: to.toISOString(), rows: expected });

    const district = await t.gql(REPORT, { code: '150302', month: '2026-03' }, await t.tokenOf('auditor.150302'));
    expect(district.data?.problemReport.rows).toEqual(expected.filter((row) => row.tenant.code === '150302'));
    const april150302 = await t.gql(REPORT, { code: '150302', month: '2026-04' }, await t.tokenOf('centre_admin.150302'));
    expect(april150302.data?.problemReport.rows).toEqual([{ tenant: { code: '150302' }, category: 'SYSTEM', raised: 1, closed: 0 }]);

    // A district does not read its city or its sibling: null, as for an unknown code.
    expect((await t.gql(REPORT, { code: '150300', month: '2026-03' }, await t.tokenOf('centre_admin.150302'))).data?.problemReport).toBeNull();
    expect((await t.gql(REPORT, { code: '150304', month: '2026-03' }, await t.tokenOf('centre_admin.150302'))).data?.problemReport).toBeNull();
    expect(errorOf(await t.gql(REPORT, { code: '150302', month: '2026-13' }, await t.tokenOf('centre_admin.150302')))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});
