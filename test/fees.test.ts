import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import iconv from 'iconv-lite';
import { codeOf, startTestApp, TestApp } from './harness';
import { decodeGlobalId, encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import { FeeItem, MaterialRequirement, Matter } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { AuditEntry } from '../src/modules/audit/entities';
import { BankStatement, BankTransaction, PaymentNotice, Receipt } from '../src/modules/fees/entities';
import { fenToYuan, yuanToFen } from '../src/modules/fees/money';
import { decodeStatement } from '../src/modules/fees/statement-file';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const CODE = '210381';
const FIXTURES = path.join(__dirname, '../../test/fixtures/fees');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const NOTICE = 'id number reference totalFen version status offStandard offStandardReason issuedOn items { name unitFen quantity amountFen offStandard }';
const DAY = 'id day status version counts { kind count open }';

/** 不动产转移登记（住房）: fee standard 80.00 元, decided by 海城市不动产登记中心 (approver.210381's department). */
const FEE_MATTER = 'QR00300002';

/** A case of 海城市 received and accepted at the comprehensive window, through the API. */
async function acceptedCase(): Promise<Application> {
  const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ code: CODE });
  const matter = await t.dataSource.getRepository(Matter).findOneByOrFail({ tenantId: tenant.id, code: FEE_MATTER });
  const window = await t.dataSource.getRepository(Window).findOneByOrFail({ tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
  const materials = await t.dataSource.getRepository(MaterialRequirement).find({ where: { matterId: matter.id } });
  const received = await ok(
    'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id version } }',
    { input: { matterId: encodeGlobalId('Matter', matter.id), windowId: encodeGlobalId('Window', window.id), ...APPLICANT } },
    `window_staff.${CODE}`,
  );
  const kase = received.receiveApplication;
  await ok('mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { id } }', { input: { id: kase.id, version: kase.version, providedMaterialIds: materials.map((m) => encodeGlobalId('MaterialRequirement', m.id)) } }, `window_staff.${CODE}`);
  return t.dataSource.getRepository(Application).findOneByOrFail({ id: decodeGlobalId(kase.id).id });
}

const APPLICANT = {
  applicantKind: 'NATURAL_PERSON', applicantName: '王小明', applicantIdType: 'RESIDENT_ID',
  applicantIdNumber: '210302199001011238', applicantPhone: '13904121234', applicantAddress: '海城市海州路1号',
};

async function acceptedCases(n: number): Promise<Application[]> {
  const cases: Application[] = [];
  for (let i = 0; i < n; i += 1) cases.push(await acceptedCase());
  return cases;
}

async function ok<T = any>(query: string, variables: Record<string, unknown>, username: string): Promise<T> {
  const res = await t.gql(query, variables, await t.tokenOf(username));
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

const issue = async (application: Application, extra: Record<string, unknown> = {}) =>
  (await ok(`mutation($input: IssueNoticeInput!) { issuePaymentNotice(input: $input) { ${NOTICE} } }`, { input: { applicationId: encodeGlobalId('Application', application.id), ...extra } }, `window_staff.${CODE}`)).issuePaymentNotice;

const importCsv = async (csv: string, username = `finance.${CODE}`) =>
  t.gql('mutation($input: ImportBankStatementInput!) { importBankStatement(input: $input) { alreadyImported statement { id lineCount newTransactionCount knownTransactionCount } } }', { input: { csv, fileName: 'day.csv' } }, await t.tokenOf(username));

const financeDay = async (day: string) => (await ok(`query($day: String!) { financeDay(tenantCode: "${CODE}", day: $day) { ${DAY} } }`, { day }, `finance.${CODE}`)).financeDay;
const reconcile = async (day: string, version: number | null) =>
  t.gql(`mutation($input: FinanceDayInput!) { reconcile(input: $input) { ${DAY} } }`, { input: { tenantCode: CODE, day, version } }, await t.tokenOf(`finance.${CODE}`));
const close = async (day: string, version: number | null) =>
  t.gql(`mutation($input: FinanceDayInput!) { closeFinanceDay(input: $input) { ${DAY} } }`, { input: { tenantCode: CODE, day, version } }, await t.tokenOf(`finance.${CODE}`));
const issueReceipt = async (noticeId: string, username = `finance.${CODE}`) =>
  t.gql('mutation($input: IssueReceiptInput!) { issueReceipt(input: $input) { id number status version amountFen issuedOn } }', { input: { noticeId } }, await t.tokenOf(username));

describe('money: yuan → fen by string arithmetic', () => {
  it('converts the edge values exactly, never through floating point', () => {
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen('0.1')! + yuanToFen('0.2')!).toBe(30);
    expect(yuanToFen('0.30')).toBe(30);
    expect(0.1 + 0.2).not.toBe(0.3); // what the string arithmetic avoids
    expect(yuanToFen('9999999.99')).toBe(999_999_999);
    expect(yuanToFen('1,234.50')).toBe(123_450);
    expect(yuanToFen('0.29')).toBe(29); // parseFloat('0.29') * 100 is 28.999999999999996
    expect(yuanToFen('-5.5')).toBe(-550);
    for (const bad of ['', '1.234', '1e3', '12,34.00', '1,2345.00', ' ', '10000000.00', 'NaN', '１２.００']) expect(yuanToFen(bad)).toBeNull();
    expect(fenToYuan(123_450)).toBe('1234.50');
    expect(fenToYuan(1)).toBe('0.01');
  });

  it('decodes a GBK export as a bank sends it, and UTF-8 as it is', () => {
    const text = decodeStatement(fixture('gbk-bank-export.csv'));
    expect(text).toContain('锦州银行股份有限公司');
    expect(text).toContain('欧阳娜娜');
    expect(decodeStatement(Buffer.from('\uFEFF户名,金额', 'utf8'))).toBe('户名,金额');
    expect(decodeStatement(iconv.encode('付款人名称', 'gbk'))).toBe('付款人名称');
  });
});

describe('fees and reconciliation (收费对账), one day from notice to close', () => {
  const today = '2026-12-01';
  const notices: Record<string, any> = {};

  beforeAll(async () => {
    t.clock.set('2026-12-01T02:00:00Z');
    const cases = await acceptedCases(6);
    for (const [i, kind] of ['MATCHED', 'UNPAID', 'PAID_NO_RECEIPT', 'RECEIPT_NO_PAYMENT', 'AMOUNT_MISMATCH', 'DUPLICATE_PAYMENT'].entries()) notices[kind] = await issue(cases[i]);
  });
  afterAll(() => t.clock.set(null));

  it('锦州 第二十条: a window issues numbered notices from the fee standard, gap-free per day', async () => {
    const numbers = Object.values(notices).map((n) => n.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((i) => `${CODE}-JF-20261201-0000${i}`));
    const matched = notices.MATCHED;
    expect(matched.status).toBe('ISSUED');
    expect(matched.offStandard).toBe(false);
    expect(matched.issuedOn).toBe(today);
    expect(matched.totalFen).toBe(matched.items.reduce((sum: number, item: any) => sum + item.amountFen, 0));
    expect(Number.isInteger(matched.totalFen)).toBe(true);
  });

  it('锦州 第二十八条(九): an amount off the fee standard needs a reason and is flagged OFF_STANDARD', async () => {
    const kase = await acceptedCase();
    const fee = await t.dataSource.getRepository(FeeItem).findOneByOrFail({ matterId: kase.matterId });
    const items = [{ feeItemId: encodeGlobalId('FeeItem', fee.id), amountFen: fee.amountFen + 1000, quantity: 1 }];
    const refused = await t.gql('mutation($input: IssueNoticeInput!) { issuePaymentNotice(input: $input) { id } }', { input: { applicationId: encodeGlobalId('Application', kase.id), items } }, await t.tokenOf(`window_staff.${CODE}`));
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.field).toBe('input.offStandardReason');
    notices.OFF_STANDARD = await issue(kase, { items, offStandardReason: '加急工本费（演示）' });
    expect(notices.OFF_STANDARD.offStandard).toBe(true);
    expect(notices.OFF_STANDARD.items[0]).toMatchObject({ unitFen: fee.amountFen + 1000, offStandard: true });
    const bad = await t.gql('mutation($input: IssueNoticeInput!) { issuePaymentNotice(input: $input) { id } }', { input: { applicationId: encodeGlobalId('Application', kase.id), items: [{ quantity: 0, amountFen: -1 }] } }, await t.tokenOf(`window_staff.${CODE}`));
    expect(bad.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'input.items[0].quantity' }), expect.objectContaining({ field: 'input.items[0].amountFen' })]));
  });

  it('a notice is cancelled or superseded, never edited; a case not yet accepted gets none', async () => {
    const spare = await acceptedCase();
    const first = await issue(spare);
    const superseded = await ok('mutation($input: SupersedeNoticeInput!) { supersedePaymentNotice(input: $input) { id number supersedes { id status cancelReason supersededBy { id } } } }', { input: { id: first.id, version: first.version, reason: '数量有误' } }, `window_staff.${CODE}`);
    const successor = superseded.supersedePaymentNotice;
    expect(successor.supersedes).toEqual({ id: first.id, status: 'SUPERSEDED', cancelReason: '数量有误', supersededBy: { id: successor.id } });
    const stale = await t.gql('mutation($input: CancelNoticeInput!) { cancelPaymentNotice(input: $input) { id } }', { input: { id: first.id, version: first.version, reason: 'x' } }, await t.tokenOf(`window_staff.${CODE}`));
    expect(codeOf(stale)).toBe('CONFLICT');
    const cancelled = await ok('mutation($input: CancelNoticeInput!) { cancelPaymentNotice(input: $input) { status cancelReason } }', { input: { id: successor.id, version: 1, reason: '申请人撤回' } }, `window_staff.${CODE}`);
    expect(cancelled.cancelPaymentNotice).toEqual({ status: 'CANCELLED', cancelReason: '申请人撤回' });
    const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ code: CODE });
    const submitted = await t.dataSource.getRepository(Application).findOneByOrFail({ tenantId: tenant.id, status: ApplicationStatus.SUBMITTED });
    const refused = await t.gql('mutation($input: IssueNoticeInput!) { issuePaymentNotice(input: $input) { id } }', { input: { applicationId: encodeGlobalId('Application', submitted.id) } }, await t.tokenOf(`window_staff.${CODE}`));
    expect(codeOf(refused)).toBe('CONFLICT');
  });

  it('FINANCE imports the day’s statement once: the same file twice changes nothing; a known transaction id is one transaction', async () => {
    for (const kind of ['MATCHED', 'RECEIPT_NO_PAYMENT', 'AMOUNT_MISMATCH', 'DUPLICATE_PAYMENT', 'OFF_STANDARD']) expect(codeOf(await issueReceipt(notices[kind].id))).toBeUndefined();
    let csv = fixture('one-of-every-class.csv').toString('utf8').replace(/\{DAY\}/g, today).replace(/\{TAG\}/g, '1201');
    for (const [kind, notice] of Object.entries(notices)) {
      csv = csv.replace(new RegExp(`\\{${kind}_YUAN\\}`, 'g'), fenToYuan(notice.totalFen).replace(/\B(?=(\d{3})+\.)/g, ',')).replace(new RegExp(`\\{${kind}\\}`, 'g'), notice.reference);
    }
    const bytes = iconv.encode(csv, 'gbk');
    const upload = (username: string) =>
      t.tokenOf(username).then((token) =>
        request(t.app)
          .post('/graphql')
          .set('authorization', `Bearer ${token}`)
          .set('apollo-require-preflight', 'true')
          .set('accept-language', 'en')
          .field('operations', JSON.stringify({ query: 'mutation($file: Upload!) { uploadBankStatement(file: $file) { alreadyImported statement { id fileName lineCount newTransactionCount knownTransactionCount } } }', variables: { file: null } }))
          .field('map', JSON.stringify({ 0: ['variables.file'] }))
          .attach('0', bytes, 'ccb-20261201.csv'),
      );
    const clerk = await upload(`window_staff.${CODE}`);
    expect(clerk.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const first = await upload(`finance.${CODE}`);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.uploadBankStatement).toMatchObject({ alreadyImported: false, statement: { fileName: 'ccb-20261201.csv', lineCount: 7, newTransactionCount: 7, knownTransactionCount: 0 } });
    const again = await upload(`finance.${CODE}`);
    expect(again.body.data.uploadBankStatement).toMatchObject({ alreadyImported: true, statement: { id: first.body.data.uploadBankStatement.statement.id } });
    // Another file carrying one of the same bank transactions (and one new one).
    const header = csv.split('\n').slice(0, 4).join('\n');
    const overlap = `${header}\n${csv.split('\n')[4]}\n${today},16:00:00,T12010099,0.01,欧阳娜娜,6217000099998888,零钱\n`;
    const second = await importCsv(overlap);
    expect(second.errors).toBeUndefined();
    expect(second.data?.importBankStatement.statement).toMatchObject({ lineCount: 2, newTransactionCount: 1, knownTransactionCount: 1 });
    const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ code: CODE });
    expect(await t.dataSource.getRepository(BankTransaction).countBy({ tenantId: tenant.id, valueDate: today })).toBe(8);
    const uploaded = await t.dataSource.getRepository(AuditEntry).find({ where: { operation: 'uploadBankStatement' }, order: { seq: 'ASC' } });
    expect(uploaded.map((e) => e.outcome)).toEqual(['FORBIDDEN', 'OK', 'OK']);
    // The audit log records the inline file as its hash and size, never the payer names in it.
    const entry = await t.dataSource.getRepository(AuditEntry).findOneOrFail({ where: { operation: 'importBankStatement' }, order: { seq: 'DESC' } });
    expect(entry.details).not.toContain('欧阳娜娜');
    expect(entry.details).toContain('sha256');
  });

  it('a file with bad lines is refused whole, every bad line named', async () => {
    const before = await t.dataSource.getRepository(BankStatement).count();
    const res = await importCsv(fixture('bad-lines.csv').toString('utf8'));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const lines = (res.errors?.[0].extensions?.fields as { message: string }[]).map((f) => Number(/^Line (\d+)/.exec(f.message)?.[1]));
    expect(lines).toEqual([5, 7, 8]);
    expect(await t.dataSource.getRepository(BankStatement).count()).toBe(before);
    expect(await t.dataSource.getRepository(BankTransaction).countBy({ bankTransactionId: 'BAD0001' })).toBe(0);
  });

  it('reconcile(tenantCode, day) classifies every notice and payment, the same every time, in a bounded number of statements', async () => {
    const first = await reconcile(today, null);
    expect(first.errors).toBeUndefined();
    const counts = Object.fromEntries(first.data?.reconcile.counts.map((c: any) => [c.kind, c.count]));
    expect(counts).toEqual({ MATCHED: 2, UNPAID: 1, PAID_NO_RECEIPT: 1, RECEIPT_NO_PAYMENT: 1, AMOUNT_MISMATCH: 1, DUPLICATE_PAYMENT: 1, UNKNOWN_PAYMENT: 2, OFF_STANDARD: 1 });
    const again = await reconcile(today, first.data?.reconcile.version);
    expect(again.data?.reconcile.counts).toEqual(first.data?.reconcile.counts);
    // As many statements for this day as for a day with nothing in it: the work is done in SQL.
    const empty = await reconcile('2026-11-30', null);
    const emptyAgain = await reconcile('2026-11-30', empty.data?.reconcile.version);
    expect(emptyAgain.data?.reconcile.counts).toEqual([]);
    expect(again.sqlStatements).toBe(emptyAgain.sqlStatements);
    const items = await ok(
      `query($day: String!) { financeDay(tenantCode: "${CODE}", day: $day) { items(first: 20, filter: { open: true }) { totalCount edges { node { id kind version expectedFen paidFen notice { number } transaction { bankTransactionId payerAccount } } } } totalsByAccount { account receivedFen payments } totalsByDepartment { department { name } receivedFen receiptedFen } } }`,
      { day: today },
      `finance.${CODE}`,
    );
    const open = items.financeDay.items.edges.map((e: any) => e.node);
    expect(open.find((i: any) => i.kind === 'AMOUNT_MISMATCH')).toMatchObject({ paidFen: 100, expectedFen: notices.AMOUNT_MISMATCH.totalFen });
    expect(open.find((i: any) => i.kind === 'UNKNOWN_PAYMENT' && i.transaction.bankTransactionId === 'T12010006').transaction.payerAccount).toBe('****3456');
    const received = items.financeDay.totalsByAccount.reduce((sum: number, a: any) => sum + a.receivedFen, 0);
    expect(received).toBe(notices.MATCHED.totalFen + notices.PAID_NO_RECEIPT.totalFen + 100 + 2 * notices.DUPLICATE_PAYMENT.totalFen + 123_450 + notices.OFF_STANDARD.totalFen + 1);
  });

  it('two FINANCE users reconciling the same day at once: one wins, the other gets CONFLICT', async () => {
    const { version } = await financeDay(today);
    const results = await Promise.all([reconcile(today, version), reconcile(today, version)]);
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined].sort());
  });

  it('a day with open exceptions is not closed; FINANCE resolves each with an action and a note', async () => {
    let day = await financeDay(today);
    expect(codeOf(await close(today, day.version))).toBe('CONFLICT');
    const open = await ok(`query($day: String!) { financeDay(tenantCode: "${CODE}", day: $day) { items(first: 20, filter: { open: true }) { edges { node { id kind version transaction { id } } } } } }`, { day: today }, `finance.${CODE}`);
    const actions: Record<string, string> = { UNPAID: 'CARRY_FORWARD', PAID_NO_RECEIPT: 'CARRY_FORWARD', RECEIPT_NO_PAYMENT: 'CARRY_FORWARD', AMOUNT_MISMATCH: 'REFUND', DUPLICATE_PAYMENT: 'REFUND', UNKNOWN_PAYMENT: 'REFUND', OFF_STANDARD: 'CONFIRM' };
    const resolve = async (item: any, action: string, extra: Record<string, unknown> = {}) =>
      t.gql('mutation($input: ResolveExceptionInput!) { resolveReconciliationException(input: $input) { open resolution resolutionNote } }', { input: { id: item.id, version: item.version, action, note: '已处理', ...extra } }, await t.tokenOf(`finance.${CODE}`));
    const unknown = open.financeDay.items.edges.map((e: any) => e.node).filter((i: any) => i.kind === 'UNKNOWN_PAYMENT');
    expect(codeOf(await resolve(unknown[0], 'CONFIRM'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await resolve(unknown[0], 'MATCH_TO_NOTICE'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql('mutation($input: ResolveExceptionInput!) { resolveReconciliationException(input: $input) { open } }', { input: { id: unknown[0].id, version: unknown[0].version, action: 'REFUND', note: 'x' } }, await t.tokenOf(`auditor.${CODE}`)))).toBe('READ_ONLY_ROLE');
    for (const { node } of open.financeDay.items.edges) {
      const res = await resolve(node, actions[node.kind]);
      expect(res.errors).toBeUndefined();
      expect(res.data?.resolveReconciliationException).toEqual({ open: false, resolution: actions[node.kind], resolutionNote: '已处理' });
    }
    day = await financeDay(today);
    const closed = await close(today, day.version);
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeFinanceDay.status).toBe('CLOSED');
  });

  it('a closed day is locked: no notice, transaction, receipt or resolution of it changes', async () => {
    const day = await financeDay(today);
    expect(codeOf(await reconcile(today, day.version))).toBe('CONFLICT');
    expect(codeOf(await close(today, day.version))).toBe('CONFLICT');
    const cancel = await t.gql('mutation($input: CancelNoticeInput!) { cancelPaymentNotice(input: $input) { id } }', { input: { id: notices.UNPAID.id, version: notices.UNPAID.version, reason: '迟了' } }, await t.tokenOf(`window_staff.${CODE}`));
    expect(codeOf(cancel)).toBe('CONFLICT');
    expect(codeOf(await issueReceipt(notices.PAID_NO_RECEIPT.id))).toBe('CONFLICT'); // today is the closed day
    const receipt = await t.dataSource.getRepository(Receipt).findOneByOrFail({ noticeId: decodeGlobalId(notices.MATCHED.id).id });
    const voided = await t.gql('mutation($input: VoidReceiptInput!) { voidReceipt(input: $input) { id } }', { input: { id: encodeGlobalId('Receipt', receipt.id), version: receipt.version, reason: '错开' } }, await t.tokenOf(`finance.${CODE}`));
    expect(codeOf(voided)).toBe('CONFLICT');
    const late = `交易日期,交易时间,交易流水号,贷方发生额,对方户名,对方账号,附言,本方账号\n${today},17:00:00,LATE0001,80.00,王小明,6217000012345678,${notices.UNPAID.reference},2105016210381000199\n`;
    const refused = await importCsv(late);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain('Line 2');
    const issuedAfter = await t.gql('mutation($input: IssueNoticeInput!) { issuePaymentNotice(input: $input) { id } }', { input: { applicationId: encodeGlobalId('Application', (await acceptedCase()).id) } }, await t.tokenOf(`window_staff.${CODE}`));
    expect(codeOf(issuedAfter)).toBe('CONFLICT');
  });

  it('a later correction is an adjusting entry dated the day it is made, referring to the closed day', async () => {
    t.clock.set('2026-12-02T02:00:00Z');
    const receipt = await issueReceipt(notices.PAID_NO_RECEIPT.id);
    expect(receipt.errors).toBeUndefined();
    expect(receipt.data?.issueReceipt.issuedOn).toBe('2026-12-02');
    const refund = await ok(
      'mutation($input: RecordAdjustingEntryInput!) { recordAdjustingEntry(input: $input) { day refersToDay kind amountFen note } }',
      { input: { refersToDay: today, kind: 'REFUND', amountFen: -notices.DUPLICATE_PAYMENT.totalFen, note: '重复缴费退款', noticeId: notices.DUPLICATE_PAYMENT.id } },
      `finance.${CODE}`,
    );
    expect(refund.recordAdjustingEntry).toEqual({ day: '2026-12-02', refersToDay: today, kind: 'REFUND', amountFen: -notices.DUPLICATE_PAYMENT.totalFen, note: '重复缴费退款' });
    const entries = await ok(`{ adjustingEntries(refersToDay: "${today}", first: 10) { edges { node { kind day receipt { number } } } } }`, {}, `finance.${CODE}`);
    expect(entries.adjustingEntries.edges.map((e: any) => e.node.kind).sort()).toEqual(['LATE_RECEIPT', 'REFUND']);
    const open = await t.gql('mutation($input: RecordAdjustingEntryInput!) { recordAdjustingEntry(input: $input) { day } }', { input: { refersToDay: '2026-12-02', kind: 'CORRECTION', amountFen: 100, note: 'x' } }, await t.tokenOf(`finance.${CODE}`));
    expect(codeOf(open)).toBe('CONFLICT');
  });

  it('lists read their relations in batches: as many statements for 20 notices as for 10', async () => {
    const query = (first: number) => `{ paymentNotices(first: ${first}) { edges { node { number items { name } application { number } department { name } issuedBy { username } supersedes { number } receipts { number } payments { payerName notice { number } } } } } }`;
    const token = await t.tokenOf(`finance.${CODE}`);
    await t.gql('{ viewer { username } }', {}, token); // the account, cached from here on
    // The newest ten already hold every relation (a superseded notice, payments, receipts).
    const few = await t.gql(query(10), {}, token);
    const many = await t.gql(query(20), {}, token);
    expect(many.errors).toBeUndefined();
    expect((many.data?.paymentNotices.edges as unknown[]).length).toBeGreaterThan(15);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });

  it('who sees what: FINANCE and the charging department in clear, auditors masked, window staff their own notices, another centre nothing', async () => {
    const query = '{ paymentNotices(first: 50) { totalCount edges { node { id number } } } bankTransactions(first: 50, filter: { day: "2026-12-01" }) { totalCount edges { node { id payerName payerAccount notice { number } } } } }';
    const finance = await ok(query, {}, `finance.${CODE}`);
    expect(finance.bankTransactions.edges.find((e: any) => e.node.payerAccount === '****3456').node.payerName).toBe('海城市某某商贸有限公司');
    const auditor = await t.gql(query, {}, await t.tokenOf(`auditor.${CODE}`));
    expect(auditor.data?.bankTransactions.totalCount).toBe(finance.bankTransactions.totalCount);
    expect(auditor.data?.bankTransactions.edges.find((e: any) => e.node.payerAccount === '****3456').node.payerName).toBe(`海${'*'.repeat(10)}`);
    expect(auditor.extensions?.redacted).toContain('BankTransaction.payerName');
    const clerk = await ok(query, {}, `window_staff.${CODE}`);
    const clerkId = (await t.dataSource.getRepository(User).findOneByOrFail({ username: `window_staff.${CODE}` })).id;
    const issuedByClerk = await t.dataSource.getRepository(PaymentNotice).countBy({ issuedById: clerkId });
    expect(clerk.paymentNotices.totalCount).toBe(issuedByClerk);
    expect(clerk.bankTransactions.totalCount).toBe(0);
    const other = await ok(query, {}, 'window_staff.210302');
    expect(other.paymentNotices.totalCount).toBe(0);
    // The charging department (不动产登记中心) sees the payments of its own notices, payer names in clear.
    const approver = await ok(query, {}, `approver.${CODE}`);
    for (const { node } of approver.bankTransactions.edges) expect(node.payerName).not.toMatch(/\*/);
    // Another centre: the same ids are unknown ids, and its FINANCE cannot reconcile here.
    const id = notices.MATCHED.id;
    const foreign = await ok('query($id: ID!) { node(id: $id) { id } }', { id }, 'finance.210302');
    expect(foreign.node).toBeNull();
    expect((await ok(query, {}, 'finance.210302')).paymentNotices.totalCount).toBe(0);
    const foreignReceipt = await t.gql('mutation($input: IssueReceiptInput!) { issueReceipt(input: $input) { id } }', { input: { noticeId: id } }, await t.tokenOf('finance.210302'));
    expect(codeOf(foreignReceipt)).toBe('NOT_FOUND');
    const notFound = await t.gql('mutation($input: FinanceDayInput!) { reconcile(input: $input) { id } }', { input: { tenantCode: CODE, day: today } }, await t.tokenOf('finance.210302'));
    expect(codeOf(notFound)).toBe('NOT_FOUND');
    const cityReadsOnly = await t.gql('mutation($input: FinanceDayInput!) { reconcile(input: $input) { id } }', { input: { tenantCode: CODE, day: today } }, await t.tokenOf('finance.210300'));
    expect(codeOf(cityReadsOnly)).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`mutation { reconcile(input: { tenantCode: "${CODE}", day: "${today}" }) { id } }`, {}, await t.tokenOf(`auditor.${CODE}`)))).toBe('READ_ONLY_ROLE');
    // The public guide keeps showing the fee standard, with no token.
    const guide = await t.gql(`{ publicMatter(tenantCode: "${CODE}", code: "${FEE_MATTER}") { feeItems { name amountFen } } }`);
    expect(guide.data?.publicMatter.feeItems).toEqual([expect.objectContaining({ amountFen: 8000 })]);
  });
});

describe('receipts (财政票据)', () => {
  it('锦州 第八条: numbers come from the registered book, gap-free under concurrency and never twice; a voided receipt keeps its number', async () => {
    t.clock.set('2026-12-05T02:00:00Z');
    const cases = await acceptedCases(6);
    // Notices issued at once still get consecutive numbers (the day's counter row is locked to commit).
    const issued = await Promise.all(cases.map((kase) => issue(kase)));
    const sequences = issued.map((n) => Number(n.number.split('-').pop())).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0] + i));
    const departments = [...new Set(cases.map((c) => c.departmentId))];
    for (const departmentId of departments) {
      await ok('mutation($input: RegisterReceiptBookInput!) { registerReceiptBook(input: $input) { id } }', { input: { departmentId: encodeGlobalId('Department', departmentId), series: `T${departmentId}`, firstSerial: 101, lastSerial: 200 } }, `finance.${CODE}`);
    }
    const overlap = await t.gql('mutation($input: RegisterReceiptBookInput!) { registerReceiptBook(input: $input) { id } }', { input: { departmentId: encodeGlobalId('Department', departments[0]), series: `T${departments[0]}`, firstSerial: 150, lastSerial: 250 } }, await t.tokenOf(`finance.${CODE}`));
    expect(codeOf(overlap)).toBe('BAD_USER_INPUT');
    const results = await Promise.all(issued.map((notice) => issueReceipt(notice.id)));
    expect(results.map(codeOf).every((code) => code === undefined)).toBe(true);
    const twice = await issueReceipt(issued[0].id);
    expect(codeOf(twice)).toBe('CONFLICT');
    const numbers = results.map((r) => r.data?.issueReceipt.number as string);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Per book (series), the numbers taken are consecutive: no gap, none twice.
    for (const series of new Set(numbers.map((n) => n.split('-')[0]))) {
      const serials = numbers.filter((n) => n.startsWith(`${series}-`)).map((n) => Number(n.split('-')[1])).sort((a, b) => a - b);
      expect(serials).toEqual(serials.map((_, i) => serials[0] + i));
    }
    const first = results[0].data?.issueReceipt;
    const voided = await ok('mutation($input: VoidReceiptInput!) { voidReceipt(input: $input) { number status voidReason } }', { input: { id: first.id, version: first.version, reason: '金额填错' } }, `finance.${CODE}`);
    expect(voided.voidReceipt).toEqual({ number: first.number, status: 'VOIDED', voidReason: '金额填错' });
    const reissued = await issueReceipt(issued[0].id);
    expect(reissued.data?.issueReceipt.number).not.toBe(first.number);
    t.clock.set(null);
  });

  it('two FINANCE users closing the same day at once: one wins, the other gets CONFLICT', async () => {
    t.clock.set('2026-12-07T02:00:00Z');
    const day = '2026-12-06';
    const reconciled = await reconcile(day, null);
    expect(reconciled.errors).toBeUndefined();
    const results = await Promise.all([close(day, reconciled.data?.reconcile.version), close(day, reconciled.data?.reconcile.version)]);
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined].sort());
    expect((await financeDay(day)).status).toBe('CLOSED');
    t.clock.set(null);
  });
});

describe('payee accounts (锦州 第十九条: each unit collects through its account at the bank)', () => {
  it('FINANCE registers a department’s account and replaces it only with its version', async () => {
    const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ code: CODE });
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '海城市民政局' });
    const input = { departmentId: encodeGlobalId('Department', department.id), accountNumber: '2105 0162 1038 1999', accountName: '海城市民政局', bankName: '中国建设银行海城支行' };
    const mutation = 'mutation($input: SetPayeeAccountInput!) { setPayeeAccount(input: $input) { accountNumber version department { name } } }';
    expect(codeOf(await t.gql(mutation, { input }, await t.tokenOf(`window_staff.${CODE}`)))).toBe('FORBIDDEN');
    const bad = await t.gql(mutation, { input: { ...input, accountNumber: 'abc' } }, await t.tokenOf(`finance.${CODE}`));
    expect(bad.errors?.[0].extensions?.field).toBe('input.accountNumber');
    // The demo data registered one already: replacing it needs its version.
    expect(codeOf(await t.gql(mutation, { input }, await t.tokenOf(`finance.${CODE}`)))).toBe('CONFLICT');
    const replaced = await ok(mutation, { input: { ...input, version: 1 } }, `finance.${CODE}`);
    expect(replaced.setPayeeAccount).toEqual({ accountNumber: '2105016210381999', version: 2, department: { name: '海城市民政局' } });
  });
});

describe('demo data', () => {
  it('holds a closed day and a reconciled day with an exception of every class', async () => {
    const days = await ok('{ a: bankStatements(first: 10) { edges { node { fileName lineCount } } } }', {}, `finance.${CODE}`);
    expect(days.a.edges.length).toBeGreaterThanOrEqual(2);
    const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ code: CODE });
    const rows: { kind: string }[] = await t.dataSource.query('SELECT DISTINCT kind FROM reconciliation_item WHERE tenant_id = ?', [tenant.id]);
    expect(rows.map((r) => r.kind).sort()).toEqual(['AMOUNT_MISMATCH', 'DUPLICATE_PAYMENT', 'MATCHED', 'OFF_STANDARD', 'PAID_NO_RECEIPT', 'RECEIPT_NO_PAYMENT', 'UNKNOWN_PAYMENT', 'UNPAID']);
    const closed: { n: number }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM finance_day WHERE tenant_id = ? AND status = 'CLOSED'", [tenant.id]);
    expect(Number(closed[0].n)).toBeGreaterThanOrEqual(1);
  });
});
