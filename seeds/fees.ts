import { EntityManager } from 'typeorm';
import iconv from 'iconv-lite';
import { Db } from '../src/db/db';
import { TenantScope } from '../src/db/scope';
import { nextDailySequence } from '../src/db/daily-counter';
import { Department, DepartmentKind, Tenant, User } from '../src/modules/tenancy/entities';
import { Application } from '../src/modules/applications/entities';
import { NOT_CHARGEABLE } from '../src/modules/fees/notices';
import { FeeItem } from '../src/modules/matters/entities';
import { WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { FinanceDay, FinanceDayStatus, NoticeStatus, PayeeAccount, PaymentNotice, PaymentNoticeItem, Receipt, ReceiptBook, ReceiptStatus, ReconciliationItem, ResolutionAction } from '../src/modules/fees/entities';
import { decodeStatement, parseStatement } from '../src/modules/fees/statement-file';
import { statementHash, storeStatement } from '../src/modules/fees/statements';
import { takeReceiptNumber } from '../src/modules/fees/receipts';
import { classifyDay } from '../src/modules/fees/reconciliation';
import { fenToYuan } from '../src/modules/fees/money';

/** The centre whose fees are demonstrated (the README's script runs there too). */
export const FEES_DEMO_TENANT = '210381';
const BANK = '中国建设银行海城支行';
const DAY_MS = 86_400_000;

/** What happens to a demo notice: paid (amounts in fen, one per payment), receipted, off the standard. */
interface Plan {
  /** One entry per payment: an amount in fen, or 'due' for the notice's total. */
  paid: (number | 'due')[];
  receipted: boolean;
  offStandardFen?: number;
}

/** Day 1 (closed): all matched. Day 2 (reconciled, open): one notice of every exception class, and a payment naming no notice. */
const DAY1: Plan[] = [
  { paid: ['due'], receipted: true },
  { paid: ['due'], receipted: true },
  { paid: ['due'], receipted: true },
];
const DAY2: Plan[] = [
  { paid: ['due'], receipted: true }, // MATCHED
  { paid: [], receipted: false }, // UNPAID
  { paid: ['due'], receipted: false }, // PAID_NO_RECEIPT
  { paid: [], receipted: true }, // RECEIPT_NO_PAYMENT
  { paid: [100], receipted: false }, // AMOUNT_MISMATCH
  { paid: ['due', 'due'], receipted: true }, // DUPLICATE_PAYMENT
  { paid: ['due'], receipted: true, offStandardFen: 5000 }, // OFF_STANDARD (and matched)
];

/** A bank's export: header rows, then the columns, amounts in yuan with thousands separators, a footer. */
function bankFile(account: string, day: string, lines: { id: string; time: string; fen: number; payer: string; payerAccount: string; reference: string }[]): string {
  const yuan = (fen: number) => fenToYuan(fen).replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
  return [
    `${BANK}账户交易明细`,
    `账号：${account},户名：海城市财政局非税收入专户`,
    `查询日期：${day} 至 ${day}`,
    '交易日期,交易时间,交易流水号,贷方发生额,对方户名,对方账号,附言',
    ...lines.map((l) => `${day},${l.time},${l.id},"${yuan(l.fen)}",${l.payer},${l.payerAccount},${l.reference}`),
    `合计,,,${lines.length} 笔,,,`,
  ].join('\r\n');
}

/**
 * Demo fees of one centre: payee accounts, receipt books, notices of two days, the two
 * days' bank files (day 2's GBK-encoded, as a bank sends it) run through the real
 * parser, receipts, and the reconciliation: day 1 closed, day 2 with one exception of
 * every class. Written once: a centre that has notices gets none.
 */
export async function seedFees(manager: EntityManager, tenants: Map<string, Tenant>, now: Date): Promise<void> {
  const tenant = tenants.get(FEES_DEMO_TENANT);
  if (!tenant || (await manager.count(PaymentNotice, { where: { tenantId: tenant.id } })) > 0) return;
  const db = new Db(manager.connection, new TenantScope(tenant.id, [tenant.id]), manager);
  const calendar = new WorkingCalendar(tenant.timeZone, []);
  const [day1, day2] = [2, 1].map((n) => calendar.localDate(new Date(now.getTime() - n * DAY_MS)));
  const finance = await manager.findOneByOrFail(User, { username: `finance.${tenant.code}` });
  const clerk = await manager.findOneByOrFail(User, { username: `window_staff.${tenant.code}` });

  const departments = await manager.find(Department, { where: { tenantId: tenant.id, kind: DepartmentKind.FUNCTIONAL } });
  const accounts = new Map<number, PayeeAccount>();
  for (const [i, department] of departments.entries()) {
    const account = await manager.save(
      manager.create(PayeeAccount, { tenantId: tenant.id, departmentId: department.id, accountNumber: `2105016${tenant.code}${String(i + 1).padStart(4, '0')}`, accountName: department.name, bankName: BANK }),
    );
    accounts.set(department.id, account);
  }

  const fees = await manager.find(FeeItem, { where: { tenantId: tenant.id } });
  const feesOf = new Map<number, FeeItem[]>();
  for (const fee of fees) feesOf.set(fee.matterId, [...(feesOf.get(fee.matterId) ?? []), fee]);
  const cases = (await manager.find(Application, { where: { tenantId: tenant.id }, order: { id: 'ASC' } })).filter(
    (c) => !NOT_CHARGEABLE.has(c.status) && feesOf.has(c.matterId) && accounts.has(c.departmentId),
  );
  if (cases.length < DAY1.length + DAY2.length) return;

  const books = new Map<number, ReceiptBook>();
  for (const departmentId of new Set(cases.map((c) => c.departmentId))) {
    const book = await manager.save(
      manager.create(ReceiptBook, { tenantId: tenant.id, departmentId, series: `${tenant.code}${String(books.size + 1).padStart(2, '0')}`, firstSerial: 1, lastSerial: 500, nextSerial: 1, registeredById: finance.id }),
    );
    books.set(departmentId, book);
  }

  const payments = new Map<string, { id: string; time: string; fen: number; payer: string; payerAccount: string; reference: string }[]>([[day1, []], [day2, []]]);
  let caseIndex = 0;
  let paymentIndex = 0;
  for (const [day, plans] of [[day1, DAY1], [day2, DAY2]] as const) {
    for (const plan of plans) {
      const application = cases[caseIndex++];
      const standard = feesOf.get(application.matterId)!;
      const lines = standard.map((fee, i) => {
        const unitFen = i === 0 && plan.offStandardFen !== undefined ? plan.offStandardFen : fee.amountFen;
        return { feeItemId: fee.id, name: fee.name, basis: fee.basis, unitFen, quantity: 1, amountFen: unitFen, offStandard: unitFen !== fee.amountFen };
      });
      const seq = String(await nextDailySequence(db, 'payment_notice_counter', tenant.id, day.replace(/-/g, ''))).padStart(5, '0');
      const account = accounts.get(application.departmentId)!;
      const issuedAt = new Date(`${day}T09:${String(10 + caseIndex).padStart(2, '0')}:00+08:00`);
      const notice = await manager.save(
        manager.create(PaymentNotice, {
          tenantId: tenant.id, number: `${tenant.code}-JF-${day.replace(/-/g, '')}-${seq}`, reference: `${tenant.code}${day.replace(/-/g, '')}${seq}`,
          applicationId: application.id, matterId: application.matterId, departmentId: application.departmentId,
          payeeAccountNumber: account.accountNumber, payeeAccountName: account.accountName,
          totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0), status: NoticeStatus.ISSUED,
          offStandard: lines.some((l) => l.offStandard), offStandardReason: lines.some((l) => l.offStandard) ? '按物价部门临时批复收取（演示）' : null,
          cancelReason: null, supersedesId: null, supersededById: null, issuedById: clerk.id, issuedAt, issuedOn: day,
        }),
      );
      await manager.insert(PaymentNoticeItem, lines.map((l) => ({ ...l, tenantId: tenant.id, noticeId: notice.id })));
      const amounts = plan.paid.map((a) => (a === 'due' ? notice.totalFen : a));
      for (const fen of amounts) {
        paymentIndex += 1;
        payments.get(day)!.push({ id: `CCB${day.replace(/-/g, '')}${String(paymentIndex).padStart(6, '0')}`, time: `10:${String(paymentIndex).padStart(2, '0')}:00`, fen, payer: application.applicantName, payerAccount: `6217000${String(37_000_000 + paymentIndex * 7919)}`, reference: notice.reference });
      }
      if (plan.receipted) {
        const { book, serial, number } = await takeReceiptNumber(db, tenant.id, application.departmentId);
        await manager.save(
          manager.create(Receipt, { tenantId: tenant.id, bookId: book.id, serial, number, noticeId: notice.id, departmentId: notice.departmentId, amountFen: notice.totalFen, status: ReceiptStatus.ISSUED, voidReason: null, issuedById: finance.id, issuedAt: new Date(issuedAt.getTime() + 3_600_000), issuedOn: day }),
        );
      }
    }
  }
  payments.get(day2)!.push({ id: `CCB${day2.replace(/-/g, '')}999001`, time: '15:30:00', fen: 123_450, payer: '海城市某某商贸有限公司', payerAccount: '0401020309000123456', reference: '货款' });

  const collection = [...accounts.values()][0].accountNumber;
  const files: [string, Buffer][] = [
    [day1, Buffer.from(bankFile(collection, day1, payments.get(day1)!), 'utf8')],
    [day2, iconv.encode(bankFile(collection, day2, payments.get(day2)!), 'gbk')],
  ];
  for (const [day, bytes] of files) {
    const { lines, bad } = parseStatement(decodeStatement(bytes));
    if (bad.length > 0) throw new Error(`seed: demo bank file of ${day} is malformed: ${JSON.stringify(bad)}`);
    await storeStatement(db, tenant.id, finance.id, new Date(`${day}T17:30:00+08:00`), statementHash(bytes), `${BANK}-${day}.csv`, lines);
  }

  for (const day of [day1, day2]) {
    await classifyDay(db, tenant.id, day);
    await manager.save(manager.create(FinanceDay, { tenantId: tenant.id, day, status: FinanceDayStatus.RECONCILED, reconciledAt: new Date(`${day}T17:40:00+08:00`), closedAt: null, closedById: null }));
  }
  // Day 2's off-standard notice was confirmed by FINANCE; the other exceptions wait.
  await manager.update(ReconciliationItem, { tenantId: tenant.id, day: day2, kind: 'OFF_STANDARD' }, { open: false, resolution: ResolutionAction.CONFIRM, resolutionNote: '临时批复已核（演示）', resolvedById: finance.id, resolvedAt: now });
  await manager.update(FinanceDay, { tenantId: tenant.id, day: day1 }, { status: FinanceDayStatus.CLOSED, closedAt: new Date(`${day1}T17:50:00+08:00`), closedById: finance.id });
}
