import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant } from '../src/modules/tenancy/entities';
import { Matter } from '../src/modules/matters/entities';
import { decodeGlobalId } from '../src/graphql/global-id';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { TicketStep } from '../src/modules/collaboration/entities';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(null));

/** 不动产登记资料查询: on the cross-region list of 海勃湾区, 乌达区, 铁东区 and 铁西区; decided by approver.<code>. */
const CROSS_REGION = 'GG00300005';
const tenantId = async (code: string) => (await t.dataSource.getRepository(Tenant).findOneByOrFail({ code })).id;
const windowIdOf = async (code: string) =>
  encodeGlobalId('Window', (await t.dataSource.getRepository(Window).findOneByOrFail({ tenantId: await tenantId(code), kind: WindowKind.COMPREHENSIVE })).id);
const applicant = {
  applicantKind: 'NATURAL_PERSON', applicantName: '巴特尔', applicantIdType: 'RESIDENT_ID',
  applicantIdNumber: '210302199001011238', applicantPhone: '13947301234', applicantAddress: '乌海市海勃湾区新华大街8号',
};
const TICKET = 'id version status round kind matterCode receivingTenant { code } handlingTenant { code } steps { round kind owner dueAt doneAt note missingMaterials late } overdueSteps { round kind }';

async function receiveAt(code: string, matterCode = CROSS_REGION): Promise<string> {
  const matter = await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: await tenantId(code), code: matterCode });
  const res = await t.gql(
    'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id } }',
    { input: { matterId: encodeGlobalId('Matter', matter.id), windowId: await windowIdOf(code), ...applicant } },
    await t.tokenOf(`window_staff.${code}`),
  );
  expect(res.errors).toBeUndefined();
  return res.data?.receiveApplication.id;
}

async function open(from: string, to: string, extra: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  return t.gql(
    `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET} } }`,
    { input: { applicationId: await receiveAt(from), handlingTenantCode: to, paperMaterials: true, resultDelivery: 'APPLICANT', ...extra } },
    await t.tokenOf(`window_staff.${from}`),
  );
}

async function act(mutation: string, type: string, username: string, ticket: { id: string; version: number }, fields: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  return t.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${TICKET} } }`, { input: { id: ticket.id, version: ticket.version, ...fields } }, await t.tokenOf(username));
}

async function ok(mutation: string, type: string, username: string, ticket: { id: string; version: number }, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await act(mutation, type, username, ticket, fields);
  expect(res.errors).toBeUndefined();
  return res.data?.[mutation];
}

/** Decides the handling case through the applications API, as the handling department does. */
async function decide(handlingCode: string, ticketId: string): Promise<void> {
  const approver = await t.tokenOf(`approver.${handlingCode}`);
  const read = await t.gql('query($id: ID!) { ticket(id: $id) { handlingCase { id version status } } }', { id: ticketId }, approver);
  let kase = read.data?.ticket.handlingCase;
  expect(kase.status).toBe('ACCEPTED');
  for (const [mutation, type] of [['startReview', 'ApplicationVersionInput'], ['approveApplication', 'NoteInput']]) {
    const res = await t.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { id version status } }`, { input: { id: kase.id, version: kase.version } }, approver);
    expect(res.errors).toBeUndefined();
    kase = res.data?.[mutation];
  }
}

async function fullPath(from: string, to: string): Promise<any> {
  const created = await open(from, to);
  expect(created.errors).toBeUndefined();
  let ticket = created.data?.createTicket;
  expect(ticket).toMatchObject({ status: 'DRAFT', round: 1, kind: 'REGION', receivingTenant: { code: from }, handlingTenant: { code: to } });
  ticket = await ok('recordAssistedCheck', 'TicketNoteInput', `window_staff.${from}`, ticket, { note: '与办理地不动产登记中心电话核实' });
  ticket = await ok('pushTicket', 'TicketNoteInput', `window_staff.${from}`, ticket);
  expect(ticket.status).toBe('PUSHED');
  ticket = await ok('mailTicketMaterials', 'MailInput', `window_staff.${from}`, ticket, { carrier: 'EMS', trackingNumber: '1100000000001' });
  ticket = await ok('forwardTicket', 'ForwardTicketInput', `window_staff.${to}`, ticket, { windowId: await windowIdOf(to) });
  expect(ticket.status).toBe('FORWARDED');
  ticket = await ok('receiveTicketMaterials', 'TicketVersionInput', `window_staff.${to}`, ticket);
  ticket = await ok('handOverTicketMaterials', 'TicketVersionInput', `window_staff.${to}`, ticket);
  const early = await act('uploadTicketResult', 'TicketVersionInput', `window_staff.${to}`, ticket);
  expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'FORWARDED' });
  await decide(to, ticket.id);
  ticket = await ok('uploadTicketResult', 'TicketVersionInput', `window_staff.${to}`, ticket);
  ticket = await ok('mailTicketResult', 'MailInput', `window_staff.${to}`, ticket, { carrier: 'EMS', trackingNumber: '1100000000002' });
  expect(ticket.status).toBe('COMPLETED');
  expect(ticket.steps.map((s: any) => [s.kind, s.owner, s.doneAt !== null])).toEqual([
    ['PUSH', 'RECEIVING', true],
    ['ASSISTED_CHECK', 'RECEIVING', true],
    ['RECHECK', 'HANDLING', true],
    ['MAIL_MATERIALS', 'RECEIVING', true],
    ['DECIDE', 'HANDLING', true],
    ['HAND_OVER_MATERIALS', 'HANDLING', true],
    ['MAIL_RESULT', 'HANDLING', true],
  ]);
  expect(ticket.overdueSteps).toEqual([]);
  return ticket;
}

describe('the full path', () => {
  it('海勃湾区 → 乌达区', async () => {
    await fullPath('150302', '150304');
  });

  it('乌达区 → 海勃湾区, and between districts of 鞍山', async () => {
    await fullPath('150304', '150302');
    await fullPath('210303', '210302');
  });
});

describe('returns and rounds', () => {
  it('a returned ticket is supplemented and pushed again; the history keeps every round', async () => {
    let ticket = (await open('150302', '150304', { paperMaterials: false })).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    const noList = await act('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '材料不全', missingMaterials: [] });
    expect(noList.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.missingMaterials' });
    ticket = await ok('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '查询申请书未签字', missingMaterials: ['查询申请书（签字）', '申请人身份证件复印件'] });
    expect(ticket).toMatchObject({ status: 'RETURNED', round: 2 });
    const wrongSide = await act('pushTicket', 'TicketNoteInput', 'window_staff.150304', ticket);
    expect(codeOf(wrongSide)).toBe('FORBIDDEN');
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket, { note: '已补正' });
    expect(ticket.status).toBe('PUSHED');
    expect(ticket.steps.map((s: any) => [s.round, s.kind, s.note])).toEqual([
      [1, 'PUSH', ''],
      [1, 'RECHECK', 'RETURNED: 查询申请书未签字'],
      [2, 'PUSH', '已补正'],
      [2, 'RECHECK', ''],
    ]);
    expect(ticket.steps[1].missingMaterials).toEqual(['查询申请书（签字）', '申请人身份证件复印件']);
  });
});

describe('due times on each side’s calendar', () => {
  it('every due time is counted in working days over National Day', async () => {
    t.clock.set('2026-09-30T10:00:00+08:00');
    let ticket = (await open('150302', '150304')).data?.createTicket;
    // push: 1 working day after intake (30 September) → 8 October
    expect(ticket.steps[0].dueAt).toBe('2026-10-08T15:59:59.999Z');
    t.clock.set('2026-10-08T11:00:00+08:00');
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    const due = (kind: string, round = 1) => ticket.steps.find((s: any) => s.kind === kind && s.round === round).dueAt;
    expect(due('RECHECK')).toBe('2026-10-09T15:59:59.999Z'); // 1 working day
    expect(due('MAIL_MATERIALS')).toBe('2026-10-10T15:59:59.999Z'); // 2 working days: Saturday 10 October is 调休
    t.clock.set('2026-10-09T16:00:00+08:00');
    ticket = await ok('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '补正', missingMaterials: ['查询申请书'] });
    expect(due('PUSH', 2)).toBe('2026-10-10T15:59:59.999Z');
    t.clock.set('2026-10-12T09:00:00+08:00');
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    expect(due('RECHECK', 2)).toBe('2026-10-13T15:59:59.999Z');
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    // 即办件 on the handling side: decided the same working day
    expect(due('DECIDE', 2)).toBe('2026-10-12T15:59:59.999Z');
    // The materials were due by 10 October and are still not mailed; the push of round 2
    // was due on 10 October and done on the 12th: both flagged.
    expect(ticket.overdueSteps.map((s: any) => [s.round, s.kind])).toEqual([[1, 'MAIL_MATERIALS'], [2, 'PUSH']]);
  });
});

describe('who sees a ticket', () => {
  let ticket: any;
  beforeAll(async () => {
    ticket = (await open('150302', '150304')).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
  });

  it('a third centre gets nothing: not by list, id, node or through nested fields', async () => {
    const third = await t.tokenOf('centre_admin.150303');
    const step = await t.dataSource.getRepository(TicketStep).findOneByOrFail({ ticketId: decodeGlobalId(ticket.id).id });
    const res = await t.gql(
      'query($id: ID!, $step: ID!) { outgoingTickets(first: 100) { totalCount } incomingTickets(first: 100) { totalCount } ticket(id: $id) { id } node(id: $id) { id } nodes(ids: [$step]) { id } }',
      { id: ticket.id, step: encodeGlobalId('TicketStep', step.id) },
      third,
    );
    expect(res.data).toEqual({ outgoingTickets: { totalCount: 0 }, incomingTickets: { totalCount: 0 }, ticket: null, node: null, nodes: [null] });
    const write = await act('pushTicket', 'TicketNoteInput', 'window_staff.150303', ticket);
    expect(codeOf(write)).toBe('NOT_FOUND');
  });

  it('both sides see the ticket and its cases; the city reads it but may not act', async () => {
    for (const [username, list] of [['window_staff.150302', 'outgoingTickets'], ['window_staff.150304', 'incomingTickets']]) {
      const res = await t.gql(`query($id: ID!) { ${list}(first: 100) { edges { node { id } } } ticket(id: $id) { receivingCase { number } handlingCase { number status } } }`, { id: ticket.id }, await t.tokenOf(username));
      expect(res.data?.[list].edges.map((e: any) => e.node.id)).toContain(ticket.id);
      expect(res.data?.ticket.receivingCase.number).toMatch(/^150302-/);
      expect(res.data?.ticket.handlingCase).toMatchObject({ number: expect.stringMatching(/^150304-/), status: 'ACCEPTED' });
    }
    expect((await t.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: ticket.id }, await t.tokenOf('centre_admin.150300'))).data?.ticket.id).toBe(ticket.id);
    expect(codeOf(await act('returnTicket', 'ReturnTicketInput', 'window_staff.150300', ticket, { reason: 'x', missingMaterials: ['x'] }))).toBe('FORBIDDEN');
  });

  it('applicant data: clear to the receiving window and the handling department, masked to auditors, null otherwise', async () => {
    const PII = 'query($id: ID!) { ticket(id: $id) { receivingCase { applicantIdNumber applicantPhone } handlingCase { applicantIdNumber applicantPhone } } }';
    const view = async (username: string) => (await t.gql(PII, { id: ticket.id }, await t.tokenOf(username))).data?.ticket;
    const clear = { applicantIdNumber: applicant.applicantIdNumber, applicantPhone: applicant.applicantPhone };
    const hidden = { applicantIdNumber: null, applicantPhone: null };
    const masked = { applicantIdNumber: '21**************38', applicantPhone: '139****1234' };
    expect(await view('window_staff.150302')).toEqual({ receivingCase: clear, handlingCase: hidden });
    expect(await view('approver.150304')).toEqual({ receivingCase: hidden, handlingCase: clear });
    expect(await view('auditor.150300')).toEqual({ receivingCase: masked, handlingCase: masked });
    expect(await view('finance.150304')).toEqual({ receivingCase: hidden, handlingCase: hidden });
  });

  it('the other centre’s case: its matter, department and receiving window are null, as the schema says; the ticket’s sides never are (issue 11)', async () => {
    const RELATIONS = `query($id: ID!) { ticket(id: $id) {
      receivingTenant { code } handlingTenant { code }
      receivingCase { matter { code } department { name } receivingWindow { number } }
      handlingCase { matter { code } department { name } receivingWindow { number } } } }`;
    const view = async (username: string) => {
      const res = await t.gql(RELATIONS, { id: ticket.id }, await t.tokenOf(username));
      expect(res.errors).toBeUndefined();
      return res.data?.ticket;
    };
    const sides = { receivingTenant: { code: '150302' }, handlingTenant: { code: '150304' } };
    const hidden = { matter: null, department: null, receivingWindow: null };
    const receiving = await view('window_staff.150302');
    expect(receiving).toMatchObject({ ...sides, handlingCase: hidden });
    expect(receiving.receivingCase).toEqual({ matter: { code: CROSS_REGION }, department: expect.anything(), receivingWindow: expect.anything() });
    const handling = await view('window_staff.150304');
    expect(handling).toMatchObject({ ...sides, receivingCase: hidden });
    expect(handling.handlingCase).toEqual({ matter: { code: CROSS_REGION }, department: expect.anything(), receivingWindow: expect.anything() });
  });
});

describe('which matters may travel', () => {
  it('refuses a matter that is not on the cross-region list of both centres', async () => {
    const res = await t.gql(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
      { input: { applicationId: await receiveAt('210302', 'QR00300002'), handlingTenantCode: '210303', paperMaterials: false, resultDelivery: 'APPLICANT' } },
      await t.tokenOf('window_staff.210302'),
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handlingTenantCode' });
  });

  it('across provinces only with the cross-province list (跨省通办), kept by the platform admin', async () => {
    const refused = await open('210302', '150302');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handlingTenantCode' });
    const SET = 'mutation($input: CrossProvinceMatterInput!) { setCrossProvinceMatter(input: $input) }';
    expect(codeOf(await t.gql(SET, { input: { code: CROSS_REGION, name: '不动产登记资料查询', listed: true } }, await t.tokenOf('centre_admin.210300')))).toBe('FORBIDDEN');
    expect((await t.gql(SET, { input: { code: CROSS_REGION, name: '不动产登记资料查询', listed: true } }, await t.tokenOf('platform_admin'))).data?.setCrossProvinceMatter).toBe(true);
    const allowed = await open('210302', '150302');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.createTicket.kind).toBe('CROSS_PROVINCE');
    await t.gql(SET, { input: { code: CROSS_REGION, listed: false } }, await t.tokenOf('platform_admin'));
  });
});

describe('races and late steps', () => {
  it('two windows pushing at once: one wins, the other gets CONFLICT', async () => {
    const ticket = (await open('150302', '150304')).data?.createTicket;
    const results = await Promise.all([
      act('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket),
      act('pushTicket', 'TicketNoteInput', 'staff01.150302', ticket),
    ]);
    expect(results.map((r) => (r.errors ? codeOf(r) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    const steps = await t.dataSource.getRepository(TicketStep).countBy({ ticketId: decodeGlobalId(ticket.id).id });
    expect(steps).toBe(3); // PUSH, RECHECK, MAIL_MATERIALS: written once
  });

  it('late steps are flagged on the ticket, in the lists and in the owner’s supervision alerts', async () => {
    t.clock.set('2026-11-02T10:00:00+08:00');
    const ticket = (await open('150302', '150304')).data?.createTicket;
    t.clock.set('2026-11-05T10:00:00+08:00'); // push was due on 3 November
    const seen = await t.gql(`query($id: ID!) { ticket(id: $id) { overdueSteps { kind owner late } } }`, { id: ticket.id }, await t.tokenOf('window_staff.150302'));
    expect(seen.data?.ticket.overdueSteps).toEqual([{ kind: 'PUSH', owner: 'RECEIVING', late: true }]);
    const late = await t.gql('{ outgoingTickets(first: 100, filter: { overdue: true }) { edges { node { id } } } }', {}, await t.tokenOf('window_staff.150302'));
    expect(late.data?.outgoingTickets.edges.map((e: any) => e.node.id)).toContain(ticket.id);
    const alerts = await t.gql('{ supervisionAlerts(tenantCode: "150300") { tenant { code } overdueTicketSteps { kind owner } } }', {}, await t.tokenOf('centre_admin.150300'));
    const groups = alerts.data?.supervisionAlerts;
    expect(groups.find((g: any) => g.tenant.code === '150302').overdueTicketSteps).toContainEqual({ kind: 'PUSH', owner: 'RECEIVING' });
    expect((groups.find((g: any) => g.tenant.code === '150304')?.overdueTicketSteps ?? []).filter((s: any) => s.kind === 'PUSH')).toEqual([]);
  });
});

describe('lists', () => {
  it('tickets with their steps, sides, cases and actors run in a bounded number of statements', async () => {
    const token = await t.tokenOf('auditor.150300');
    const LIST = `query($first: Int) { outgoingTickets(first: $first) { edges { node { status receivingTenant { code } handlingTenant { code }
      receivingCase { number applicantName } handlingCase { number status } steps { kind dueAt actor { displayName } } overdueSteps { kind } } } } }`;
    const small = await t.gql(LIST, { first: 2 }, token);
    const large = await t.gql(LIST, { first: 18 }, token);
    expect(large.errors).toBeUndefined();
    expect(large.data?.outgoingTickets.edges.length).toBeGreaterThanOrEqual(18);
    expect(small.sqlStatements).toBeLessThanOrEqual(16);
    expect(large.sqlStatements).toBeLessThanOrEqual(16);
  });
});


describe('reading the partner’s case', () => {
  it('乌海 第五条–第七条: both sides and their city read every field of both cases, lights on each case’s own calendar', async () => {
    let ticket = (await open('150302', '150304')).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    const CASE = 'id number status light remainingWorkingDays supplementLapsed daysWithHigherAuthority viewerCan withdrawalPending dueAt acceptedAt timeline { action } jointOpinions { agrees } providedMaterials { name } oneTimeNotice { material }';
    for (const username of ['window_staff.150302', 'window_staff.150304', 'centre_admin.150300', 'auditor.150300']) {
      const res = await t.gql(`query($id: ID!) { ticket(id: $id) { receivingCase { ${CASE} } handlingCase { ${CASE} } } }`, { id: ticket.id }, await t.tokenOf(username));
      expect(res.errors).toBeUndefined();
      expect(res.data?.ticket.handlingCase).toMatchObject({ status: 'ACCEPTED', light: expect.any(String), remainingWorkingDays: expect.any(Number) });
      expect(res.data?.ticket.receivingCase).toMatchObject({ status: 'ACCEPTED', light: expect.any(String), remainingWorkingDays: expect.any(Number) });
    }
  });
});
