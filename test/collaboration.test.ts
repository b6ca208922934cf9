import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant } from '../src/modules/tenancy/entities';
import { MaterialRequirement, Matter } from '../src/modules/matters/entities';
import { Department } from '../src/modules/tenancy/entities';
import { decodeGlobalId } from '../src/graphql/global-id';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { CollaborationTicket, TicketStep } from '../src/modules/collaboration/entities';
import { Application } from '../src/modules/applications/entities';

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
const TICKET = `id version status round kind matterCode cancelReason receivingTenant { code } handlingTenant { code }
  steps { id round kind owner dueAt doneAt cancelledAt note missingMaterials late department { name } } overdueSteps { round kind }`;
const CASE_FIELDS = 'id number version status acceptedAt dueAt decidedAt deliveredAt supplementDueAt deliveryMethod';
/** 不动产登记中心 of a centre: the department of its own level the assisted check is done with. */
const estateOf = async (code: string) =>
  encodeGlobalId('Department', (await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: await tenantId(code), name: `${(await t.dataSource.getRepository(Tenant).findOneByOrFail({ code })).name}不动产登记中心` })).id);

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

/** Both cases of a ticket as a centre reads them. */
async function casesOf(ticketId: string, username: string): Promise<{ receivingCase: any; handlingCase: any }> {
  const res = await t.gql(`query($id: ID!) { ticket(id: $id) { receivingCase { ${CASE_FIELDS} } handlingCase { ${CASE_FIELDS} } } }`, { id: ticketId }, await t.tokenOf(username));
  expect(res.errors).toBeUndefined();
  return res.data?.ticket;
}

/** 补件 at the receiving window: the applicant hands in every material of the matter. */
async function supplement(code: string, kase: { id: string; version: number }): Promise<any> {
  const matter = await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: await tenantId(code), code: CROSS_REGION });
  const materials = await t.dataSource.getRepository(MaterialRequirement).findBy({ matterId: matter.id });
  const res = await t.gql(
    'mutation($input: SupplementApplicationInput!) { supplementApplication(input: $input) { id version status } }',
    { input: { id: kase.id, version: kase.version, providedMaterialIds: materials.map((m) => encodeGlobalId('MaterialRequirement', m.id)) } },
    await t.tokenOf(`window_staff.${code}`),
  );
  expect(res.errors).toBeUndefined();
  return res.data?.supplementApplication;
}

async function caseStep(mutation: string, type: string, username: string, kase: { id: string; version: number }, fields: Record<string, unknown> = {}): Promise<GraphQLResponse<any>> {
  return t.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { id version status } }`, { input: { id: kase.id, version: kase.version, ...fields } }, await t.tokenOf(username));
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

async function fullPath(from: string, to: string, resultDelivery = 'APPLICANT'): Promise<any> {
  const created = await open(from, to, { resultDelivery });
  expect(created.errors).toBeUndefined();
  let ticket = created.data?.createTicket;
  expect(ticket).toMatchObject({ status: 'DRAFT', round: 1, kind: 'REGION', receivingTenant: { code: from }, handlingTenant: { code: to } });
  ticket = await ok('recordAssistedCheck', 'AssistedCheckInput', `window_staff.${from}`, ticket, { departmentId: await estateOf(from), note: '与本级不动产登记中心现场核实' });
  ticket = await ok('pushTicket', 'TicketNoteInput', `window_staff.${from}`, ticket);
  expect(ticket.status).toBe('PUSHED');
  expect((await casesOf(ticket.id, `window_staff.${from}`)).receivingCase).toMatchObject({ status: 'ACCEPTED', acceptedAt: expect.any(String) });
  ticket = await ok('recordAssistedCheck', 'AssistedCheckInput', `window_staff.${to}`, ticket, { departmentId: await estateOf(to), note: '与本级不动产登记中心系统核实' });
  ticket = await ok('forwardTicket', 'ForwardTicketInput', `window_staff.${to}`, ticket, { windowId: await windowIdOf(to) });
  expect(ticket.status).toBe('FORWARDED');
  ticket = await ok('mailTicketMaterials', 'MailInput', `window_staff.${from}`, ticket, { carrier: 'EMS', trackingNumber: '1100000000001' });
  ticket = await ok('receiveTicketMaterials', 'TicketVersionInput', `window_staff.${to}`, ticket);
  ticket = await ok('handOverTicketMaterials', 'TicketVersionInput', `window_staff.${to}`, ticket);
  const early = await act('uploadTicketResult', 'TicketVersionInput', `window_staff.${to}`, ticket);
  expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'FORWARDED' });
  await decide(to, ticket.id);
  ticket = await ok('uploadTicketResult', 'TicketVersionInput', `window_staff.${to}`, ticket);
  ticket = await ok('mailTicketResult', 'MailInput', `window_staff.${to}`, ticket, { carrier: 'EMS', trackingNumber: '1100000000002' });
  const handedOver = resultDelivery === 'RECEIVING_CENTRE';
  if (handedOver) {
    expect(ticket.status).toBe('RESULT_SENT');
    // Mailed to the receiving centre: the handling case is delivered, the receiving one waits for the hand-over.
    const mailed = await casesOf(ticket.id, `window_staff.${from}`);
    expect([mailed.receivingCase.status, mailed.handlingCase.status]).toEqual(['ACCEPTED', 'DELIVERED']);
    ticket = await ok('handOverTicketResult', 'TicketNoteInput', `window_staff.${from}`, ticket, { note: '申请人现场领取' });
  }
  expect(ticket.status).toBe('COMPLETED');
  expect(ticket.steps.map((s: any) => [s.kind, s.owner, s.doneAt !== null, s.department?.name ?? null])).toEqual([
    ['PUSH', 'RECEIVING', true, null],
    ['ASSISTED_CHECK', 'RECEIVING', true, expect.stringMatching(/不动产登记中心$/)],
    ['RECHECK', 'HANDLING', true, null],
    ['ASSISTED_CHECK', 'HANDLING', true, expect.stringMatching(/不动产登记中心$/)],
    ['DECIDE', 'HANDLING', true, null],
    ['MAIL_MATERIALS', 'RECEIVING', true, null],
    ['HAND_OVER_MATERIALS', 'HANDLING', true, null],
    ['MAIL_RESULT', 'HANDLING', true, null],
    ...(handedOver ? [['HAND_OVER_RESULT', 'RECEIVING', true, null]] : []),
  ]);
  // Each assisted check is due with the step it belongs to: the push, the re-check.
  expect(ticket.steps[1].dueAt).toBe(ticket.steps[0].dueAt);
  expect(ticket.steps[3].dueAt).toBe(ticket.steps[2].dueAt);
  expect(ticket.overdueSteps).toEqual([]);
  const { receivingCase, handlingCase } = await casesOf(ticket.id, `window_staff.${from}`);
  expect(receivingCase).toMatchObject({ status: 'DELIVERED', decidedAt: handlingCase.decidedAt, deliveryMethod: handedOver ? 'PICKUP' : 'MAIL' });
  expect(handlingCase).toMatchObject({ status: 'DELIVERED', deliveryMethod: 'MAIL' });
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

  it('乌海 第七条: the certificate mailed to the receiving centre, which hands it over; only then is its case closed', async () => {
    await fullPath('150302', '150304', 'RECEIVING_CENTRE');
  });

  it('乌海 第七条: the receiving case is closed with the decision of the handling case recorded on it', async () => {
    const ticket = await fullPath('150304', '150302');
    const res = await t.gql(`query($id: ID!) { ticket(id: $id) { receivingCase { timeline { action toStatus note } } } }`, { id: ticket.id }, await t.tokenOf('window_staff.150304'));
    expect(res.data?.ticket.receivingCase.timeline.map((e: any) => e.action)).toEqual(['RECEIVE', 'ACCEPT', 'DEADLINE_MOVED', 'DELIVER']);
    expect(res.data?.ticket.receivingCase.timeline[3].note).toMatch(/^全区通办: 150302-\d{8}-\d{6} APPROVED$/);
  });
});

describe('returns and rounds', () => {
  it('乌海 第六条: returned at re-check; both the push and the next push wait for the applicant’s supplement; the history keeps every round', async () => {
    let ticket = (await open('150302', '150304', { paperMaterials: false })).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    const noList = await act('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '材料不全', missingMaterials: [] });
    expect(noList.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.missingMaterials' });
    ticket = await ok('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '查询申请书未签字', missingMaterials: ['查询申请书（签字）', '申请人身份证件复印件'] });
    expect(ticket).toMatchObject({ status: 'RETURNED', round: 2 });
    const { receivingCase } = await casesOf(ticket.id, 'window_staff.150302');
    expect(receivingCase).toMatchObject({ status: 'AWAITING_SUPPLEMENT', supplementDueAt: expect.any(String) });
    const wrongSide = await act('pushTicket', 'TicketNoteInput', 'window_staff.150304', ticket);
    expect(codeOf(wrongSide)).toBe('FORBIDDEN');
    const notYet = await act('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    expect(notYet.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'AWAITING_SUPPLEMENT' });
    await supplement('150302', receivingCase);
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket, { note: '已补正' });
    expect(ticket.status).toBe('PUSHED');
    expect(ticket.steps.map((s: any) => [s.round, s.kind, s.note])).toEqual([
      [1, 'PUSH', ''],
      [1, 'RECHECK', 'RETURNED: 查询申请书未签字'],
      [2, 'PUSH', '已补正'],
      [2, 'RECHECK', ''],
    ]);
    expect(ticket.steps[1].missingMaterials).toEqual(['查询申请书（签字）', '申请人身份证件复印件']);
    expect((await casesOf(ticket.id, 'window_staff.150302')).receivingCase.status).toBe('ACCEPTED');
  });

  it('乌海 第六条: the department returns it after the forward; the same handling case takes the supplement at the next forward', async () => {
    let ticket = (await open('150302', '150304')).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    const first = await casesOf(ticket.id, 'window_staff.150304');
    ticket = await ok('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '不动产坐落与登记簿不符', missingMaterials: ['不动产权属证明'] });
    expect(ticket).toMatchObject({ status: 'RETURNED', round: 2 });
    const decide1 = ticket.steps.find((s: any) => s.kind === 'DECIDE');
    expect(decide1).toMatchObject({ owner: 'HANDLING', note: 'RETURNED: 不动产坐落与登记簿不符', missingMaterials: ['不动产权属证明'] });
    // The materials were due from the forward; the ticket is back at the receiving window: not now.
    expect(ticket.steps.find((s: any) => s.kind === 'MAIL_MATERIALS')).toMatchObject({ doneAt: null, cancelledAt: expect.any(String), late: false });
    const mailNow = await act('mailTicketMaterials', 'MailInput', 'window_staff.150302', ticket, { carrier: 'EMS', trackingNumber: '1100000000009' });
    expect(mailNow.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'RETURNED' });
    const returned = await casesOf(ticket.id, 'window_staff.150304');
    expect(returned.handlingCase).toMatchObject({ id: first.handlingCase.id, status: 'AWAITING_SUPPLEMENT' });
    expect((await casesOf(ticket.id, 'window_staff.150302')).receivingCase.status).toBe('AWAITING_SUPPLEMENT');
    await supplement('150302', (await casesOf(ticket.id, 'window_staff.150302')).receivingCase);
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    const again = await casesOf(ticket.id, 'window_staff.150304');
    expect(again.handlingCase).toMatchObject({ id: first.handlingCase.id, status: 'ACCEPTED' });
    expect(ticket.steps.filter((s: any) => s.kind === 'MAIL_MATERIALS').map((s: any) => [s.round, s.cancelledAt === null])).toEqual([[1, false], [2, true]]);
    await decide('150304', ticket.id);
    const late = await act('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '已决定', missingMaterials: ['x'] });
    expect(codeOf(late)).toBe('CONFLICT');
  });
});

describe('due times on each side’s calendar', () => {
  it('乌海 第五条–第七条: every due time is counted in working days over National Day; the next push is due from the supplement, not the return', async () => {
    t.clock.set('2026-09-30T10:00:00+08:00');
    let ticket = (await open('150302', '150304')).data?.createTicket;
    // push: 1 working day after intake (30 September) → 8 October
    expect(ticket.steps[0].dueAt).toBe('2026-10-08T15:59:59.999Z');
    t.clock.set('2026-10-08T11:00:00+08:00');
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    const due = (kind: string, round = 1) => ticket.steps.find((s: any) => s.kind === kind && s.round === round).dueAt;
    expect(due('RECHECK')).toBe('2026-10-09T15:59:59.999Z'); // 1 working day
    expect(ticket.steps.some((s: any) => s.kind === 'MAIL_MATERIALS')).toBe(false); // not before the forward
    t.clock.set('2026-10-09T16:00:00+08:00');
    ticket = await ok('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '补正', missingMaterials: ['查询申请书'] });
    expect(due('PUSH', 2)).toBeNull(); // waiting for the applicant: nothing due yet
    t.clock.set('2026-10-12T09:00:00+08:00');
    await supplement('150302', (await casesOf(ticket.id, 'window_staff.150302')).receivingCase);
    ticket = (await t.gql(`query($id: ID!) { ticket(id: $id) { ${TICKET} } }`, { id: ticket.id }, await t.tokenOf('window_staff.150302'))).data?.ticket;
    expect(due('PUSH', 2)).toBe('2026-10-13T15:59:59.999Z'); // 1 working day from the supplement
    t.clock.set('2026-10-12T10:00:00+08:00');
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    expect(due('RECHECK', 2)).toBe('2026-10-13T15:59:59.999Z');
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    // 即办件 on the handling side: decided the same working day
    expect(due('DECIDE', 2)).toBe('2026-10-12T15:59:59.999Z');
    // 第七条: the paper materials are due 2 working days after the forward
    expect(due('MAIL_MATERIALS', 2)).toBe('2026-10-14T15:59:59.999Z');
    expect(ticket.overdueSteps).toEqual([]);
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
    // Nor the two cases: by number, by id, or in a list.
    const { receivingCase, handlingCase } = await casesOf(ticket.id, 'window_staff.150302');
    const cases = await t.gql(
      'query($r: ID!, $h: ID!, $rn: String!, $hn: String!) { a: application(number: $rn) { id } b: application(number: $hn) { id } nodes(ids: [$r, $h]) { id } applications(first: 100) { edges { node { id } } } }',
      { r: receivingCase.id, h: handlingCase.id, rn: receivingCase.number, hn: handlingCase.number },
      third,
    );
    expect(cases.data).toMatchObject({ a: null, b: null, nodes: [null, null] });
    const listedIds = cases.data?.applications.edges.map((e: any) => e.node.id);
    expect(listedIds).not.toContain(receivingCase.id);
    expect(listedIds).not.toContain(handlingCase.id);
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
    expect(steps).toBe(2); // PUSH, RECHECK: written once (the materials wait for the forward)
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

describe('what cannot travel, and tickets that end early', () => {
  it('乌海 第五条 "当场退回并一次性告知": a case returned at intake never becomes a ticket; a refused one cannot be pushed', async () => {
    const caseId = await receiveAt('150302');
    const staff = await t.tokenOf('window_staff.150302');
    const read = await t.gql('query($id: ID!) { node(id: $id) { ... on Application { id version } } }', { id: caseId }, staff);
    const returned = await caseStep('requestSupplement', 'RequestSupplementInput', 'window_staff.150302', read.data?.node, { providedMaterialIds: [], note: '缺查询申请书' });
    expect(returned.errors).toBeUndefined();
    const refusedTicket = await t.gql(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
      { input: { applicationId: caseId, handlingTenantCode: '150304', paperMaterials: false, resultDelivery: 'APPLICANT' } },
      staff,
    );
    expect(refusedTicket.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'AWAITING_SUPPLEMENT' });

    let ticket = (await open('150302', '150304')).data?.createTicket;
    const { receivingCase } = await casesOf(ticket.id, 'window_staff.150302');
    expect(codeOf(await caseStep('refuseApplication', 'RefuseApplicationInput', 'window_staff.150302', receivingCase, { reason: '不属于本事项受理范围' }))).toBeUndefined();
    const push = await act('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    expect(push.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'NOT_ACCEPTED' });
    expect(push.errors?.[0].message).toMatch(/NOT_ACCEPTED|不予受理/);
    ticket = await ok('cancelTicket', 'CancelTicketInput', 'window_staff.150302', ticket, { reason: '办件不予受理' });
    expect(ticket).toMatchObject({ status: 'CANCELLED', cancelReason: '办件不予受理' });
  });

  it('乌海 第五条–第七条: withdrawal (退件) of the receiving case cancels the ticket and withdraws the handling case, on both timelines', async () => {
    let ticket = (await open('150302', '150304')).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    let { receivingCase } = await casesOf(ticket.id, 'window_staff.150302');
    const requested = await caseStep('requestWithdrawal', 'ReasonInput', 'window_staff.150302', receivingCase, { reason: '申请人撤回申请' });
    expect(requested.errors).toBeUndefined();
    expect((await casesOf(ticket.id, 'window_staff.150302')).receivingCase.status).toBe('ACCEPTED'); // not before the admin's approval
    receivingCase = requested.data?.requestWithdrawal;
    const approved = await caseStep('decideWithdrawal', 'DecideWithdrawalInput', 'centre_admin.150302', receivingCase, { approve: true });
    expect(approved.errors).toBeUndefined();
    const after = (await t.gql(`query($id: ID!) { ticket(id: $id) { ${TICKET} handlingCase { status timeline { action toStatus note } } receivingCase { status timeline { action toStatus } } } }`, { id: ticket.id }, await t.tokenOf('window_staff.150304'))).data?.ticket;
    expect(after).toMatchObject({ status: 'CANCELLED', cancelReason: '退件: 申请人撤回申请', receivingCase: { status: 'WITHDRAWN' }, handlingCase: { status: 'WITHDRAWN' } });
    expect(after.handlingCase.timeline.at(-1)).toEqual({ action: 'DECIDE_WITHDRAWAL', toStatus: 'WITHDRAWN', note: '全区通办 撤销: 退件: 申请人撤回申请' });
    expect(after.steps.filter((s: any) => s.doneAt === null).every((s: any) => s.cancelledAt !== null)).toBe(true);
    expect(after.steps.find((s: any) => s.kind === 'DECIDE').cancelledAt).not.toBeNull();
    const own = await t.gql(`query($id: ID!) { ticket(id: $id) { receivingCase { timeline { action toStatus } } } }`, { id: ticket.id }, await t.tokenOf('window_staff.150302'));
    expect(own.data?.ticket.receivingCase.timeline.at(-1)).toEqual({ action: 'DECIDE_WITHDRAWAL', toStatus: 'WITHDRAWN' });
  });

  it('乌海 第六条: an abandoned ticket (DRAFT or RETURNED) is cancelled by the receiving window; its late steps leave supervision alerts', async () => {
    t.clock.set('2026-11-02T10:00:00+08:00');
    let ticket = (await open('150302', '150304')).data?.createTicket;
    t.clock.set('2026-11-05T10:00:00+08:00'); // the push was due on 3 November
    const ALERTS = '{ supervisionAlerts(tenantCode: "150302") { overdueTicketSteps { id } } }';
    const lateStepsOf = async () => (await t.gql(ALERTS, {}, await t.tokenOf('centre_admin.150302'))).data?.supervisionAlerts.flatMap((g: any) => g.overdueTicketSteps.map((s: any) => s.id));
    const stepId = encodeGlobalId('TicketStep', (await t.dataSource.getRepository(TicketStep).findOneByOrFail({ ticketId: decodeGlobalId(ticket.id).id })).id);
    expect(await lateStepsOf()).toContain(stepId);
    expect(codeOf(await act('cancelTicket', 'CancelTicketInput', 'auditor.150302', ticket, { reason: 'x' }))).toBe('READ_ONLY_ROLE');
    expect(codeOf(await act('cancelTicket', 'CancelTicketInput', 'window_staff.150302', ticket, { reason: '  ' }))).toBe('BAD_USER_INPUT');
    ticket = await ok('cancelTicket', 'CancelTicketInput', 'window_staff.150302', ticket, { reason: '申请人放弃办理' });
    expect(ticket.steps[0]).toMatchObject({ kind: 'PUSH', doneAt: null, cancelledAt: expect.any(String), late: false });
    expect(ticket.overdueSteps).toEqual([]);
    expect(await lateStepsOf()).not.toContain(stepId);
    expect(codeOf(await act('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket))).toBe('CONFLICT');
    const audit = await t.gql('{ auditLog(filter: { operation: "cancelTicket", outcome: "OK" }, first: 5) { edges { node { operation targetIds } } } }', {}, await t.tokenOf('auditor.150302'));
    expect(audit.data?.auditLog.edges.map((e: any) => e.node.targetIds)).toContainEqual(expect.arrayContaining([ticket.id]));

    t.clock.set(null);
    let returned = (await open('150302', '150304')).data?.createTicket;
    returned = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', returned);
    expect(codeOf(await act('cancelTicket', 'CancelTicketInput', 'window_staff.150302', returned, { reason: 'x' }))).toBe('CONFLICT');
    returned = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', returned, { windowId: await windowIdOf('150304') });
    returned = await ok('returnTicket', 'ReturnTicketInput', 'window_staff.150304', returned, { reason: '补正', missingMaterials: ['查询申请书'] });
    expect(codeOf(await act('cancelTicket', 'CancelTicketInput', 'window_staff.150304', returned, { reason: 'x' }))).toBe('FORBIDDEN');
    returned = await ok('cancelTicket', 'CancelTicketInput', 'window_staff.150302', returned, { reason: '申请人不再补正' });
    // The department had the case: it is closed with the ticket, not left waiting for a supplement.
    expect((await casesOf(returned.id, 'window_staff.150304')).handlingCase.status).toBe('WITHDRAWN');
  });

  it('乌海 第六条: a returned ticket whose applicant never supplements lapses with the supplement deadline, both cases closed', async () => {
    t.clock.set('2026-11-02T10:00:00+08:00');
    let ticket = (await open('150302', '150304')).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    ticket = await ok('returnTicket', 'ReturnTicketInput', 'window_staff.150304', ticket, { reason: '补正', missingMaterials: ['不动产权属证明'] });
    const { receivingCase } = await casesOf(ticket.id, 'window_staff.150302');
    expect(codeOf(await caseStep('closeLapsedSupplement', 'ApplicationVersionInput', 'window_staff.150302', receivingCase))).toBe('CONFLICT');
    t.clock.set(new Date(Date.parse(receivingCase.supplementDueAt) + 60_000).toISOString());
    const lapsed = await caseStep('closeLapsedSupplement', 'ApplicationVersionInput', 'window_staff.150302', receivingCase);
    expect(lapsed.errors).toBeUndefined();
    const after = await t.gql(`query($id: ID!) { ticket(id: $id) { status cancelReason overdueSteps { kind } handlingCase { status } receivingCase { status } } }`, { id: ticket.id }, await t.tokenOf('window_staff.150302'));
    expect(after.data?.ticket).toEqual({ status: 'CANCELLED', cancelReason: '逾期未补正', overdueSteps: [], handlingCase: { status: 'NOT_ACCEPTED' }, receivingCase: { status: 'NOT_ACCEPTED' } });
  });
});

describe('statistics and supervision of a cross-region case', () => {
  it('乌海 第五条–第七条: applicationStats counts the case once on each side; a completed ticket leaves no open case or late step in either centre', async () => {
    t.clock.set('2026-12-01T09:30:00+08:00');
    const ticket = await fullPath('150302', '150304', 'RECEIVING_CENTRE');
    const admin = await t.tokenOf('centre_admin.150300');
    const stats = await t.gql(
      '{ applicationStats(tenantCode: "150300", from: "2026-12-01T00:00:00+08:00", to: "2026-12-02T00:00:00+08:00", groupBy: TENANT) { groupName received accepted approved decided delivered notAccepted } }',
      {},
      admin,
    );
    expect(stats.errors).toBeUndefined();
    const once = { received: 1, accepted: 1, approved: 1, decided: 1, delivered: 1, notAccepted: 0 };
    expect(stats.data?.applicationStats).toEqual(expect.arrayContaining([{ groupName: '海勃湾区', ...once }, { groupName: '乌达区', ...once }]));
    const { receivingCase, handlingCase } = await casesOf(ticket.id, 'centre_admin.150300');
    const alerts = await t.gql('{ supervisionAlerts(tenantCode: "150300") { tenant { code } cases { id } lapsedSupplements { id } provisionalDeadlines { id } overdueTicketSteps { id } } }', {}, admin);
    const listed = new Set(
      alerts.data?.supervisionAlerts.flatMap((g: any) => [...g.cases, ...g.lapsedSupplements, ...g.provisionalDeadlines, ...g.overdueTicketSteps].map((row: any) => row.id)),
    );
    expect(listed.size).toBeGreaterThan(0);
    for (const id of [receivingCase.id, handlingCase.id, ...ticket.steps.map((s: any) => s.id)]) expect(listed.has(id)).toBe(false);
  });
});

describe('the cross-region list (全区通办清单)', () => {
  it('乌海 第一条: the region’s list of matter codes, kept at province level by the platform admin; a centre’s matter travels when its code is on it', async () => {
    const SET = 'mutation($input: CrossRegionMatterInput!) { setCrossRegionMatter(input: $input) }';
    const entry = { provinceCode: '150000', code: CROSS_REGION, name: '不动产登记资料查询' };
    expect(codeOf(await t.gql(SET, { input: { ...entry, listed: false } }, await t.tokenOf('centre_admin.150300')))).toBe('FORBIDDEN');
    const bad = await t.gql(SET, { input: { ...entry, provinceCode: '150300', code: 'x', listed: true } }, await t.tokenOf('platform_admin'));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(bad.errors?.[0].extensions)).toContain('input.provinceCode');
    expect(JSON.stringify(bad.errors?.[0].extensions)).toContain('input.code');
    const list = async () => (await t.gql('{ crossRegionMatters(provinceCode: "150000") { code } }', {}, await t.tokenOf('window_staff.150302'))).data?.crossRegionMatters.map((e: any) => e.code);
    expect(await list()).toContain(CROSS_REGION);
    expect((await t.gql(SET, { input: { ...entry, listed: false } }, await t.tokenOf('platform_admin'))).data?.setCrossRegionMatter).toBe(false);
    expect(await list()).not.toContain(CROSS_REGION);
    // Every centre's matter with the code follows the list, in the province only.
    const flags = async () => Promise.all(['150302', '150304', '210302'].map(async (code) => (await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: await tenantId(code), code: CROSS_REGION })).crossRegion));
    expect(await flags()).toEqual([false, false, true]);
    const refused = await open('150302', '150304');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handlingTenantCode' });
    // Liaoning's list is its own.
    expect((await open('210302', '210303')).errors).toBeUndefined();
    expect((await t.gql(SET, { input: { ...entry, listed: true } }, await t.tokenOf('platform_admin'))).data?.setCrossRegionMatter).toBe(true);
    expect((await open('150302', '150304')).errors).toBeUndefined();
    expect(await flags()).toEqual([true, true, true]);
  });
});

describe('the demo tickets', () => {
  it('乌海 第七条: no finished ticket leaves a case open; a ticket past its push has its receiving case accepted', async () => {
    const all = await t.dataSource.getRepository(CollaborationTicket).find();
    const statusOf = async (id: number | null) => (id === null ? null : (await t.dataSource.getRepository(Application).findOneByOrFail({ id })).status);
    const seen = new Set<string>();
    for (const ticket of all) {
      const [receiving, handling] = [await statusOf(ticket.applicationId), await statusOf(ticket.handlingApplicationId)];
      seen.add(ticket.status);
      if (ticket.status === 'COMPLETED') expect([ticket.id, receiving, handling]).toEqual([ticket.id, 'DELIVERED', 'DELIVERED']);
      if (ticket.status === 'CANCELLED') expect([ticket.id, ['WITHDRAWN', 'NOT_ACCEPTED', 'SUBMITTED', 'AWAITING_SUPPLEMENT'].includes(receiving!), [null, 'WITHDRAWN', 'NOT_ACCEPTED'].includes(handling)]).toEqual([ticket.id, true, true]);
      if (['PUSHED', 'FORWARDED', 'DECIDED', 'RESULT_SENT'].includes(ticket.status)) expect([ticket.id, receiving]).toEqual([ticket.id, 'ACCEPTED']);
      if (ticket.status === 'RESULT_SENT') expect([ticket.id, handling]).toEqual([ticket.id, 'DELIVERED']);
    }
    expect([...seen].sort()).toEqual(['CANCELLED', 'COMPLETED', 'DECIDED', 'DRAFT', 'FORWARDED', 'PUSHED', 'RESULT_SENT', 'RETURNED']);
  });
});

describe('the two cases take the ticket’s steps only through it', () => {
  it('乌海 第六条: the receiving centre does not decide its case; the handling case is not withdrawn or returned on its own', async () => {
    let ticket = (await open('150302', '150304')).data?.createTicket;
    ticket = await ok('pushTicket', 'TicketNoteInput', 'window_staff.150302', ticket);
    ticket = await ok('forwardTicket', 'ForwardTicketInput', 'window_staff.150304', ticket, { windowId: await windowIdOf('150304') });
    const { receivingCase, handlingCase } = await casesOf(ticket.id, 'window_staff.150302');
    const canOf = async (id: string, username: string) => (await t.gql('query($id: ID!) { node(id: $id) { ... on Application { viewerCan } } }', { id }, await t.tokenOf(username))).data?.node.viewerCan;
    expect(await canOf(receivingCase.id, 'approver.150302')).toEqual([]);
    const review = await caseStep('startReview', 'ApplicationVersionInput', 'approver.150302', receivingCase);
    expect(review.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'ACCEPTED' });
    expect(await canOf(receivingCase.id, 'window_staff.150302')).toEqual(['REQUEST_WITHDRAWAL']);
    expect(await canOf(handlingCase.id, 'window_staff.150304')).not.toContain('REQUEST_WITHDRAWAL');
    expect(codeOf(await caseStep('requestWithdrawal', 'ReasonInput', 'window_staff.150304', handlingCase, { reason: '撤回' }))).toBe('CONFLICT');
    expect(await canOf(handlingCase.id, 'approver.150304')).toContain('START_REVIEW');
  });
});
