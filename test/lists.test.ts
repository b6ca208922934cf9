import { In } from 'typeorm';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant } from '../src/modules/tenancy/entities';
import { Matter, MatterStatus } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import { CollaborationTicket, TicketStep } from '../src/modules/collaboration/entities';

/**
 * Lists (issue 11, DESIGN.md §4): orderBy tie-broken by id, keyset cursors that carry
 * their list and order, backward paging, and the filters the screens need.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const tenantOf = (code: string) => repo(Tenant).findOneByOrFail({ code });
const gid = (type: string, row: { id: number }) => encodeGlobalId(type, row.id);

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

/** A list query with every paging argument, `orderBy` and `filter` as variables. */
function listQuery(field: string, orderType: string, filterType: string | null, extraArgs = ''): string {
  const filterVar = filterType ? `, $filter: ${filterType}` : '';
  const filterArg = filterType ? ', filter: $filter' : '';
  return `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [${orderType}!]${filterVar}) {
    list: ${field}(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy${filterArg}${extraArgs}) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }
    }
  }`;
}
const CASES = listQuery('applications', 'ApplicationOrder', 'ApplicationFilter');
const MATTERS = listQuery('matters', 'MatterOrder', 'MatterFilter');

async function list(query: string, variables: Record<string, unknown>, token: string): Promise<Page> {
  const res = await t.gql(query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data?.list as Page;
}

const idsOf = (page: Page) => page.edges.map((edge) => edge.node.id);

/**
 * Walks a whole list forwards with `first: size`, then backwards from its end with
 * `last: size`, checking pageInfo on the way; returns the ids in list order both ways.
 */
async function walkBothWays(query: string, variables: Record<string, unknown>, token: string, size: number): Promise<{ forwards: string[]; backwards: string[]; pages: number }> {
  const forwards: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await list(query, { ...variables, first: size, after }, token);
    pages += 1;
    forwards.push(...idsOf(page));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor;
  }
  const backwards: string[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await list(query, { ...variables, last: size, before }, token);
    backwards.unshift(...idsOf(page));
    expect(page.pageInfo.hasNextPage).toBe(before !== null);
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
    if (!page.pageInfo.hasPreviousPage) break;
    expect(page.edges).toHaveLength(size);
    before = page.pageInfo.startCursor;
  }
  return { forwards, backwards, pages };
}

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

// ---- fixtures ------------------------------------------------------------------------

async function windowOf(tenantCode: string): Promise<string> {
  const window = await repo(Window).findOneByOrFail({ tenantId: (await tenantOf(tenantCode)).id, kind: WindowKind.COMPREHENSIVE });
  return encodeGlobalId('Window', window.id);
}

/** 接件 through the API at the comprehensive window of 鞍山市. */
async function receive(matter: Matter, applicant: { name: string; idNumber: string }): Promise<Application> {
  const res = await t.gql(
    'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { number } }',
    {
      input: {
        matterId: gid('Matter', matter), windowId: await windowOf('210300'), applicantKind: 'NATURAL_PERSON', applicantName: applicant.name,
        applicantIdType: 'RESIDENT_ID', applicantIdNumber: applicant.idNumber, applicantPhone: '13904121234', applicantAddress: '鞍山市铁东区胜利路1号',
      },
    },
    await t.tokenOf('window_staff.210300'),
  );
  expect(res.errors).toBeUndefined();
  return repo(Application).findOneByOrFail({ number: res.data?.receiveApplication.number });
}

const publishedMatter = async (code: string) => repo(Matter).findOneByOrFail({ tenantId: (await tenantOf('210300')).id, code });

// Valid resident ID numbers (check digit included) that no seeded case uses.
const ID_A = '11010519491231002X';
const ID_B = '110105194912310038';

// ---- ordering and paging ---------------------------------------------------------------

describe('orderBy, tie-broken by id, across three pages both ways', () => {
  it('cases received at the same instant: newest first by default, equal times ordered by id, three pages forwards and back', async () => {
    const instant = new Date('2026-11-20T02:00:00.000Z');
    t.clock.set(instant);
    const matter = await publishedMatter('QR00300002');
    const created: Application[] = [];
    try {
      for (let i = 0; i < 7; i += 1) created.push(await receive(matter, { name: '同时接件', idNumber: ID_A }));
    } finally {
      t.clock.set(null);
    }
    const filter = { receivedBetween: { from: instant.toISOString(), to: new Date(instant.getTime() + 1).toISOString() } };
    const token = await t.tokenOf('window_staff.210300');
    // Default RECEIVED_AT DESC: all seven are equal, so the id decides (DESC, the direction of the last key).
    const expected = [...created].sort(byId).reverse().map((c) => gid('Application', c));
    const walked = await walkBothWays(CASES, { filter }, token, 3);
    expect(walked.pages).toBe(3);
    expect(walked.forwards).toEqual(expected);
    expect(walked.backwards).toEqual(expected);
    // NUMBER ASC: case numbers follow intake, so ascending ids.
    const byNumber = await walkBothWays(CASES, { filter, orderBy: [{ field: 'NUMBER', direction: 'ASC' }] }, token, 3);
    expect(byNumber.forwards).toEqual([...expected].reverse());
    expect(byNumber.backwards).toEqual([...expected].reverse());
  });

  it('all cases of a centre by due time (no deadline below every date) and by status then newest, three pages both ways', async () => {
    const tenant = await tenantOf('210381');
    const rows = await repo(Application).find({ where: { tenantId: tenant.id } });
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.some((r) => r.dueAt === null)).toBe(true);
    const token = await t.tokenOf('window_staff.210381');
    const size = Math.ceil(rows.length / 3);
    const due = (r: Application) => (r.dueAt === null ? -Infinity : r.dueAt.getTime());
    for (const direction of ['ASC', 'DESC'] as const) {
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = [...rows].sort((a, b) => sign * (compare(due(a), due(b)) || a.id - b.id)).map((r) => gid('Application', r));
      const walked = await walkBothWays(CASES, { orderBy: [{ field: 'DUE_AT', direction }] }, token, size);
      expect(walked.pages).toBe(3);
      expect(walked.forwards).toEqual(expected);
      expect(walked.backwards).toEqual(expected);
    }
    const expected = [...rows]
      .sort((a, b) => compare(a.status, b.status) || b.receivedAt.getTime() - a.receivedAt.getTime() || b.id - a.id)
      .map((r) => gid('Application', r));
    const walked = await walkBothWays(CASES, { orderBy: [{ field: 'STATUS' }, { field: 'RECEIVED_AT', direction: 'DESC' }] }, token, size);
    expect(walked.pages).toBe(3);
    expect(walked.forwards).toEqual(expected);
    expect(walked.backwards).toEqual(expected);
  });

  it('a city user’s cases over all its centres (each centre read on its own index, the pages merged), three pages both ways', async () => {
    const city = await tenantOf('210300');
    const subtree = await repo(Tenant).createQueryBuilder('t').where('t.path LIKE :p', { p: `${city.path}%` }).getMany();
    const rows = await repo(Application).findBy({ tenantId: In(subtree.map((tenant) => tenant.id)) });
    expect(new Set(rows.map((r) => r.tenantId)).size).toBeGreaterThan(2);
    const token = await t.tokenOf('centre_admin.210300');
    const size = Math.ceil(rows.length / 3);
    const newest = [...rows].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id - a.id).map((r) => gid('Application', r));
    const walked = await walkBothWays(CASES, {}, token, size);
    expect(walked.pages).toBe(3);
    expect(walked.forwards).toEqual(newest);
    expect(walked.backwards).toEqual(newest);
    const due = (r: Application) => (r.dueAt === null ? -Infinity : r.dueAt.getTime());
    const byDue = [...rows].sort((a, b) => compare(due(a), due(b)) || a.id - b.id).map((r) => gid('Application', r));
    const walkedByDue = await walkBothWays(CASES, { orderBy: [{ field: 'DUE_AT' }] }, token, size);
    expect(walkedByDue.forwards).toEqual(byDue);
    expect(walkedByDue.backwards).toEqual(byDue);
  });

  it('matters with equal names are ordered by id, and all matters by code, three pages both ways', async () => {
    const source = await publishedMatter('QR00300002');
    const twins: Matter[] = [];
    for (const code of ['ZZLIST05', 'ZZLIST01', 'ZZLIST03', 'ZZLIST02', 'ZZLIST04']) {
      twins.push(await repo(Matter).save(repo(Matter).create({ ...source, id: undefined, code, name: '列表测试同名事项', status: MatterStatus.DRAFT, version: 1 })));
    }
    const token = await t.tokenOf('centre_admin.210300');
    const filter = { search: '列表测试同名事项' };
    const nameDesc = await walkBothWays(MATTERS, { filter, orderBy: [{ field: 'NAME', direction: 'DESC' }] }, token, 2);
    expect(nameDesc.pages).toBe(3);
    expect(nameDesc.forwards).toEqual([...twins].sort(byId).reverse().map((m) => gid('Matter', m)));
    expect(nameDesc.backwards).toEqual(nameDesc.forwards);
    const nameAsc = await walkBothWays(MATTERS, { filter, orderBy: [{ field: 'NAME' }] }, token, 2);
    expect(nameAsc.forwards).toEqual([...twins].sort(byId).map((m) => gid('Matter', m)));
    // The default order is by code (a county: its own matters only).
    const all = await repo(Matter).findBy({ tenantId: (await tenantOf('210381')).id });
    const byCode = [...all].sort((a, b) => compare(a.code, b.code) || a.id - b.id).map((m) => gid('Matter', m));
    const walked = await walkBothWays(MATTERS, {}, await t.tokenOf('window_staff.210381'), Math.ceil(all.length / 3));
    expect(walked.pages).toBe(3);
    expect(walked.forwards).toEqual(byCode);
    expect(walked.backwards).toEqual(byCode);
  });

  it('tickets default to newest first; windows to their number; users to their username', async () => {
    const token = await t.tokenOf('centre_admin.150300');
    const tickets = await t.gql('{ outgoingTickets(first: 100) { edges { node { createdAt } } } }', {}, token);
    const times = tickets.data?.outgoingTickets.edges.map((e: any) => Date.parse(e.node.createdAt)) as number[];
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const windows = await list(listQuery('windows', 'WindowOrder', 'WindowFilter'), { first: 100, orderBy: [{ field: 'NUMBER', direction: 'DESC' }], filter: { tenantCode: '210300' } }, await t.tokenOf('centre_admin.210300'));
    const rows = await repo(Window).findBy({ tenantId: (await tenantOf('210300')).id });
    expect(idsOf(windows)).toEqual([...rows].sort((a, b) => compare(b.number, a.number) || b.id - a.id).map((w) => gid('Window', w)));
    const users = await t.gql('{ users(first: 100, orderBy: [{ field: USERNAME, direction: DESC }]) { edges { node { username } } } }', {}, await t.tokenOf('centre_admin.210381'));
    expect(users.errors).toBeUndefined();
    const usernames = users.data?.users.edges.map((e: any) => e.node.username) as string[];
    expect(usernames.length).toBeGreaterThan(10);
    expect(usernames).toEqual([...usernames].sort().reverse());
  });

  it('tickets by the due time of their earliest open step, tickets with none below every date, both ways', async () => {
    const tenant = await tenantOf('150302');
    const tickets = await repo(CollaborationTicket).findBy({ tenantId: tenant.id });
    const steps = await repo(TicketStep).findBy({ ticketId: In(tickets.map((ticket) => ticket.id)) });
    const dueOf = new Map(tickets.map((ticket) => {
      const open = steps.filter((step) => step.ticketId === ticket.id && step.doneAt === null && step.cancelledAt === null && step.dueAt !== null).map((step) => step.dueAt!.getTime());
      return [ticket.id, open.length > 0 ? Math.min(...open) : -Infinity];
    }));
    expect(new Set(dueOf.values()).size).toBeGreaterThan(2);
    const OUTGOING = listQuery('outgoingTickets', 'CollaborationTicketOrder', 'TicketFilter');
    const token = await t.tokenOf('window_staff.150302');
    for (const direction of ['ASC', 'DESC'] as const) {
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = [...tickets].sort((a, b) => sign * (compare(dueOf.get(a.id)!, dueOf.get(b.id)!) || a.id - b.id)).map((ticket) => gid('CollaborationTicket', ticket));
      const walked = await walkBothWays(OUTGOING, { orderBy: [{ field: 'DUE_AT', direction }] }, token, Math.max(1, Math.ceil(tickets.length / 3)));
      expect(walked.forwards).toEqual(expected);
      expect(walked.backwards).toEqual(expected);
    }
  });

  it('a second page costs the same statements as the first (keyset, no OFFSET, no extra query)', async () => {
    const token = await t.tokenOf('window_staff.210381');
    const variables = { first: 10, orderBy: [{ field: 'DUE_AT', direction: 'DESC' }] };
    const first = await t.gql(CASES, variables, token);
    const second = await t.gql(CASES, { ...variables, after: first.data?.list.pageInfo.endCursor }, token);
    const back = await t.gql(CASES, { orderBy: variables.orderBy, last: 10, before: second.data?.list.pageInfo.startCursor }, token);
    expect(second.errors).toBeUndefined();
    expect(idsOf(back.data?.list)).toEqual(idsOf(first.data?.list));
    expect(second.sqlStatements).toBe(first.sqlStatements);
    expect(back.sqlStatements).toBe(first.sqlStatements);
  });
});

// ---- cursors -----------------------------------------------------------------------------

describe('cursors carry their list and their order', () => {
  const badInput = (res: GraphQLResponse, field: string) => expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });

  it('a cursor from another list is BAD_USER_INPUT on after / before', async () => {
    const token = await t.tokenOf('centre_admin.150300');
    const matters = await list(MATTERS, { first: 1 }, token);
    badInput(await t.gql(CASES, { first: 5, after: matters.pageInfo.endCursor }, token), 'after');
    badInput(await t.gql(CASES, { last: 5, before: matters.pageInfo.endCursor }, token), 'before');
    // Two lists of the same type are two lists.
    const outgoing = await list(listQuery('outgoingTickets', 'CollaborationTicketOrder', 'TicketFilter'), { first: 1 }, token);
    expect(outgoing.edges).toHaveLength(1);
    badInput(await t.gql(listQuery('incomingTickets', 'CollaborationTicketOrder', 'TicketFilter'), { first: 5, after: outgoing.pageInfo.endCursor }, token), 'after');
    // One centre's public guide is not another's.
    const guide = 'query($code: String!, $after: String) { publicMatters(tenantCode: $code, first: 1, after: $after) { pageInfo { endCursor } edges { node { code } } } }';
    const haicheng = await t.gql(guide, { code: '210381' });
    expect(haicheng.data?.publicMatters.edges).toHaveLength(1);
    expect((await t.gql(guide, { code: '210381', after: haicheng.data?.publicMatters.pageInfo.endCursor })).errors).toBeUndefined();
    badInput(await t.gql(guide, { code: '210300', after: haicheng.data?.publicMatters.pageInfo.endCursor }), 'after');
  });

  it('a cursor from another order is BAD_USER_INPUT; a forged or garbled one too', async () => {
    const token = await t.tokenOf('window_staff.210381');
    const page = await list(CASES, { first: 2 }, token);
    badInput(await t.gql(CASES, { first: 2, after: page.pageInfo.endCursor, orderBy: [{ field: 'NUMBER' }] }, token), 'after');
    badInput(await t.gql(CASES, { first: 2, after: page.pageInfo.endCursor, orderBy: [{ field: 'RECEIVED_AT', direction: 'ASC' }] }, token), 'after');
    // The same order spelled out is the same order.
    const spelled = await t.gql(CASES, { first: 2, after: page.pageInfo.endCursor, orderBy: [{ field: 'RECEIVED_AT', direction: 'DESC' }] }, token);
    expect(spelled.errors).toBeUndefined();
    const forged = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64url');
    badInput(await t.gql(CASES, { first: 2, after: 'not-a-cursor' }, token), 'after');
    badInput(await t.gql(CASES, { first: 2, after: forged({ list: 'applications', order: 'RECEIVED_AT:DESC', values: [42], id: 1 }) }, token), 'after');
    badInput(await t.gql(CASES, { first: 2, after: forged({ list: 'applications', order: 'RECEIVED_AT:DESC', values: ['2026-11-01T00:00:00.000Z'], id: -1 }) }, token), 'after');
    badInput(await t.gql(CASES, { first: 2, last: 2 }, token), 'last');
    badInput(await t.gql(CASES, { last: 2, after: page.pageInfo.endCursor, before: page.pageInfo.startCursor }, token), 'before');
    badInput(await t.gql(CASES, { first: 2, before: page.pageInfo.startCursor }, token), 'before');
    badInput(await t.gql(CASES, { last: 101 }, token), 'last');
    badInput(await t.gql(CASES, { first: 2, orderBy: [{ field: 'NUMBER' }, { field: 'NUMBER', direction: 'DESC' }] }, token), 'orderBy');
  });
});

// ---- filters -----------------------------------------------------------------------------

describe('filters', () => {
  const count = async (query: string, variables: Record<string, unknown>, token: string) => (await list(query, { first: 1, ...variables }, token)).totalCount;

  it('statusIn: several statuses at once on cases and tickets (锦州 第十一条: 电子监察 follows the running cases)', async () => {
    const tenant = await tenantOf('210381');
    const statuses = [ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SUSPENDED];
    const expected = await repo(Application).countBy({ tenantId: tenant.id, status: In(statuses) });
    expect(expected).toBeGreaterThan(0);
    const token = await t.tokenOf('window_staff.210381');
    const page = await list(CASES, { first: 100, filter: { statusIn: statuses } }, token);
    expect(page.totalCount).toBe(expected);
    expect(page.edges).toHaveLength(expected);
    expect(await count(CASES, { filter: { statusIn: [] } }, token)).toBe(0);
    const tickets = await repo(CollaborationTicket).find({ where: { tenantId: (await tenantOf('150302')).id } });
    const ticketStatuses = [...new Set(tickets.map((ticket) => ticket.status))].slice(0, 2);
    const OUTGOING = listQuery('outgoingTickets', 'CollaborationTicketOrder', 'TicketFilter');
    expect(await count(OUTGOING, { filter: { statusIn: ticketStatuses } }, await t.tokenOf('window_staff.150302'))).toBe(tickets.filter((ticket) => ticketStatuses.includes(ticket.status)).length);
  });

  it('tenantCode: a city user picks one subordinate (锦州 第三条(十)); a county asking for a sibling or an unknown code gets an empty list, not FORBIDDEN', async () => {
    const city = await t.tokenOf('centre_admin.210300');
    const haicheng = await tenantOf('210381');
    expect(await count(CASES, { filter: { tenantCode: '210381' } }, city)).toBe(await repo(Application).countBy({ tenantId: haicheng.id }));
    expect(await count(MATTERS, { filter: { tenantCode: '210381' } }, city)).toBe(await repo(Matter).countBy({ tenantId: haicheng.id }));
    expect(await count(listQuery('windows', 'WindowOrder', 'WindowFilter'), { filter: { tenantCode: '210381' } }, city)).toBe(await repo(Window).countBy({ tenantId: haicheng.id }));
    const wuhai = await t.tokenOf('centre_admin.150300');
    const OUTGOING = listQuery('outgoingTickets', 'CollaborationTicketOrder', 'TicketFilter');
    const INCOMING = listQuery('incomingTickets', 'CollaborationTicketOrder', 'TicketFilter');
    const haibowan = await tenantOf('150302');
    expect(await count(OUTGOING, { filter: { tenantCode: '150302' } }, wuhai)).toBe(await repo(CollaborationTicket).countBy({ tenantId: haibowan.id }));
    // The city reads both sides, so it sees the drafts addressed to 海勃湾区 too.
    expect(await count(INCOMING, { filter: { tenantCode: '150302' } }, wuhai)).toBe(await repo(CollaborationTicket).countBy({ partnerTenantId: haibowan.id }));

    const county = await t.tokenOf('window_staff.210381');
    for (const code of ['210302', '210700', '999999']) {
      const res = await t.gql(CASES, { first: 5, filter: { tenantCode: code } }, county);
      expect(res.errors).toBeUndefined();
      expect(res.data?.list).toMatchObject({ totalCount: 0, edges: [] });
      expect(await count(MATTERS, { filter: { tenantCode: code } }, county)).toBe(0);
      expect(await count(OUTGOING, { filter: { tenantCode: code } }, county)).toBe(0);
    }
    expect(codeOf(await t.gql(CASES, { first: 5, filter: { tenantCode: '2103' } }, county))).toBe('BAD_USER_INPUT');
  });

  it('received and due date ranges, from inclusive, to exclusive; an empty range is BAD_USER_INPUT', async () => {
    const tenant = await tenantOf('210381');
    const rows = await repo(Application).findBy({ tenantId: tenant.id });
    const sorted = rows.map((r) => r.receivedAt.getTime()).sort((a, b) => a - b);
    const from = new Date(sorted[10]);
    const to = new Date(sorted[30]);
    const token = await t.tokenOf('window_staff.210381');
    const received = await list(CASES, { first: 100, filter: { receivedBetween: { from, to } } }, token);
    expect(received.totalCount).toBe(rows.filter((r) => r.receivedAt >= from && r.receivedAt < to).length);
    expect(received.totalCount).toBeGreaterThanOrEqual(20);
    const dues = rows.filter((r) => r.dueAt !== null).map((r) => r.dueAt!.getTime()).sort((a, b) => a - b);
    const dueFrom = new Date(dues[2]);
    const dueTo = new Date(dues[dues.length - 3]);
    const due = await list(CASES, { first: 100, filter: { dueBetween: { from: dueFrom, to: dueTo } }, orderBy: [{ field: 'DUE_AT' }] }, token);
    const expected = rows.filter((r) => r.dueAt !== null && r.dueAt >= dueFrom && r.dueAt < dueTo).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime() || a.id - b.id);
    expect(idsOf(due)).toEqual(expected.map((r) => gid('Application', r)));
    const empty = await t.gql(CASES, { first: 1, filter: { dueBetween: { from: dueTo, to: dueFrom } } }, token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.dueBetween' });
  });
});

describe('applicant search: only for viewers who see the field in clear (锦州 第二十一条(四), 第二十二条(一)5: 保密)', () => {
  let handled: Application; // matter of 不动产登记中心, the department of approver.210300
  let other: Application; // the same applicant, a matter of another department
  beforeAll(async () => {
    const property = await publishedMatter('QR00300002');
    const published = await repo(Matter).find({ where: { tenantId: property.tenantId, status: MatterStatus.PUBLISHED }, order: { code: 'ASC' } });
    const another = published.find((m) => m.departmentId !== property.departmentId)!;
    handled = await receive(property, { name: '查询测试人', idNumber: ID_B });
    other = await receive(another, { name: '查询测试人', idNumber: ID_B });
  });

  const search = (filter: Record<string, unknown>, username: string) =>
    t.gql(`query($filter: ApplicationFilter) { applications(first: 10, filter: $filter) { totalCount edges { node { id applicantName applicantIdNumber } } } }`, { filter }, username);

  it('the receiving window finds every case it took in, by ID number and by name', async () => {
    const token = await t.tokenOf('window_staff.210300');
    for (const filter of [{ applicantIdNumber: ID_B }, { applicantIdNumber: ID_B.toLowerCase() }, { applicantName: '查询测试人' }]) {
      const res = await search(filter, token);
      expect(res.errors).toBeUndefined();
      expect(res.data?.applications.edges.map((e: any) => e.node.id).sort()).toEqual([gid('Application', handled), gid('Application', other)].sort());
    }
  });

  it('the handling department finds its case, and only the cases where it sees the field in clear', async () => {
    const res = await search({ applicantIdNumber: ID_B }, await t.tokenOf('approver.210300'));
    expect(res.errors).toBeUndefined();
    expect(res.data?.applications.edges).toEqual([{ node: { id: gid('Application', handled), applicantName: '查询测试人', applicantIdNumber: ID_B } }]);
  });

  it('row for row the policy: a search finds exactly the cases where the field comes back in clear with that value', async () => {
    const ALL = '{ applications(first: 100, filter: { tenantCode: "210300" }) { totalCount edges { node { id applicantName applicantIdNumber } } } }';
    const checks: [string, 'applicantIdNumber' | 'applicantName', string][] = [
      ['window_staff.210300', 'applicantIdNumber', ID_B],
      ['approver.210300', 'applicantIdNumber', ID_B],
      ['window_staff.210300', 'applicantName', '查询测试人'],
      ['approver.210300', 'applicantName', '查询测试人'],
      ['supervisor.210300', 'applicantName', '查询测试人'],
      ['centre_admin.210300', 'applicantName', '查询测试人'],
    ];
    for (const [username, field, value] of checks) {
      const token = await t.tokenOf(username);
      const all = (await t.gql(ALL, {}, token)).data?.applications;
      expect(all.edges).toHaveLength(all.totalCount);
      const shown = all.edges.filter((e: any) => e.node[field] === value).map((e: any) => e.node.id).sort();
      const found = (await search({ [field]: value }, token)).data?.applications.edges.map((e: any) => e.node.id).sort();
      expect([username, field, found]).toEqual([username, field, shown]);
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it('an auditor (masked) gets FORBIDDEN naming the filter, whether or not the person has a case', async () => {
    const token = await t.tokenOf('auditor.210300');
    for (const [filter, field] of [[{ applicantIdNumber: ID_B }, 'filter.applicantIdNumber'], [{ applicantIdNumber: ID_A.replace('X', '1') }, 'filter.applicantIdNumber'], [{ applicantName: '查询测试人' }, 'filter.applicantName']] as const) {
      const res = await search(filter, token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field });
      expect(res.data).toBeNull();
    }
  });

  it('another department, which sees no applicant ID number in clear, gets FORBIDDEN; the name, clear to all staff of the centre, it may search', async () => {
    for (const username of ['supervisor.210300', 'finance.210300']) {
      const token = await t.tokenOf(username);
      const refused = await search({ applicantIdNumber: ID_B }, token);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.applicantIdNumber' });
      const byName = await search({ applicantName: '查询测试人' }, token);
      expect(byName.errors).toBeUndefined();
      expect(byName.data?.applications.totalCount).toBe(2);
    }
  });

  it('a city user searching by name finds only its own centre’s cases: county applicants’ names are not shown to it', async () => {
    const county = await repo(Application).findOneByOrFail({ tenantId: (await tenantOf('210381')).id });
    expect((await search({ applicantName: county.applicantName }, await t.tokenOf('window_staff.210381'))).data?.applications.totalCount).toBeGreaterThan(0);
    const city = await search({ applicantName: county.applicantName }, await t.tokenOf('centre_admin.210300'));
    expect(city.errors).toBeUndefined();
    const ownTenant = (await tenantOf('210300')).id;
    expect(city.data?.applications.totalCount).toBe(await repo(Application).countBy({ tenantId: ownTenant, applicantName: county.applicantName }));
  });
});

describe('injection strings in filters and cursors are only values', () => {
  const INJECTIONS = ["' OR 1=1 --", '" OR ""="', "x'); DROP TABLE application; --", '%', '_', '!%', '\\', '1 OR 1=1'];

  it('matches nothing, errs with nothing but a named BAD_USER_INPUT, and leaves the tables whole', async () => {
    const clerk = await t.tokenOf('window_staff.210300');
    const before = await repo(Application).count();
    for (const text of INJECTIONS) {
      for (const filter of [{ number: text }, { applicantName: text }, { applicantIdNumber: text }]) {
        const res = await t.gql(CASES, { first: 5, filter }, clerk);
        expect(res.errors).toBeUndefined();
        expect(res.data?.list.totalCount).toBe(0);
      }
      const matters = await t.gql(MATTERS, { first: 5, filter: { search: text } }, clerk);
      expect(matters.errors).toBeUndefined();
      expect(matters.data?.list.totalCount).toBe(0);
      expect(codeOf(await t.gql(CASES, { first: 5, filter: { tenantCode: text } }, clerk))).toBe('BAD_USER_INPUT');
    }
    // A cursor is decoded, checked and bound: a text value is compared as text.
    const forged = Buffer.from(JSON.stringify({ list: 'applications', order: 'NUMBER:ASC', values: ["' OR 1=1 --"], id: 1 })).toString('base64url');
    const fromForged = await t.gql(CASES, { first: 5, after: forged, orderBy: [{ field: 'NUMBER' }] }, clerk);
    const firstPage = await t.gql(CASES, { first: 5, orderBy: [{ field: 'NUMBER' }] }, clerk);
    expect(fromForged.errors).toBeUndefined();
    expect(idsOf(fromForged.data?.list)).toEqual(idsOf(firstPage.data?.list));
    expect(await repo(Application).count()).toBe(before);
  });
});
