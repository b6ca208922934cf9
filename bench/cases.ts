/**
 * Bulk cases for the benches (\`applications.bench.ts\`, \`capacity.bench.ts\`): a tenant's
 * applications over the working days of the last year, written with multi-row INSERTs.
 */
import { DataSource, In } from 'typeorm';
import { Tenant } from '../src/modules/tenancy/entities';
import { Matter, MatterCategory, MatterStatus, ServiceObject } from '../src/modules/matters/entities';
import { Window, WindowKind, WindowMatter, WindowPost, WindowPostRole } from '../src/modules/windows/entities';
import { CalendarOverride, NationalCalendarDay } from '../src/modules/calendar/entities';
import { LocalDate, WorkingCalendar } from '../src/modules/calendar/working-calendar';
import {
  ApplicantKind,
  Application,
  ApplicationCounter,
  ApplicationStatus,
  Decision,
  DeliveryMethod,
  IdDocumentType,
  NotAcceptedReason,
} from '../src/modules/applications/entities';

export const DAYS_BACK = 365;
/** SQLite binds at most 32766 parameters per statement (SQLITE_MAX_VARIABLE_NUMBER). */
const SQLITE_MAX_VARIABLES = 32766;
const SQLITE_ROWS_PER_STATEMENT = 2000;
const MYSQL_ROWS_PER_STATEMENT = 1000;
const ROWS_PER_TRANSACTION = 10_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const S = ApplicationStatus;


/** The deterministic generator of seeds/applications.ts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function memo<V>(fn: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '强', '丽', '涛', '明'];
const STREETS = ['人民路', '胜利路', '建国路', '千山路', '园林大道', '南胜利路', '湖南街', '二一九路'];
const COMPANIES = ['商贸', '科技', '建材', '食品', '物流', '医药', '餐饮', '机械'];
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function residentId(region: string, n: number): string {
  const body = `${region}${1950 + (n % 55)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return body + '10X98765432'[RESIDENT_ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0) % 11];
}

function creditCode(region: string, n: number): string {
  const body = `91${region}${String(n).padStart(9, '0').slice(-9)}`;
  const sum = CREDIT_CODE_WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CODE_CHARS.indexOf(body[i]), 0);
  return body + CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

interface Intake {
  windowId: number;
  userId: number;
}

export interface Generated {
  rows: Partial<Application>[];
  /** Last case-number sequence per local day (yyyymmdd), existing demo cases included. */
  counters: Map<string, number>;
  days: number;
}

/**
 * Applications of one tenant over the working days of the last DAYS_BACK days, in order of
 * receipt, numbered per day after the demo cases. Outcomes are drawn with realistic odds:
 * 3% not accepted, 1% withdrawn, 0.6% stuck (open long past the deadline), decisions
 * mostly within the promised limit (one in ten late), 4% denied, the rest approved;
 * results issued and delivered within days. What is still open follows from `now`.
 */
export async function generateApplications(dataSource: DataSource, tenant: Tenant, total: number, now: Date): Promise<Generated> {
  const manager = dataSource.manager;
  const national = await manager.find(NationalCalendarDay);
  const overrides = await manager.find(CalendarOverride, { where: { tenantId: tenant.id } });
  const calendar = new WorkingCalendar(tenant.timeZone, [...national, ...overrides]);
  const matters = await manager.find(Matter, { where: { tenantId: tenant.id, status: MatterStatus.PUBLISHED }, order: { id: 'ASC' } });
  const windows = await manager.find(Window, { where: { tenantId: tenant.id }, order: { number: 'ASC' } });
  const links = await manager.find(WindowMatter, { where: { tenantId: tenant.id } });
  const posts = await manager.find(WindowPost, { where: { tenantId: tenant.id, post: WindowPostRole.A } });
  const existing = await manager.find(ApplicationCounter, { where: { tenantId: tenant.id } });
  if (matters.length === 0 || windows.length === 0) throw new Error(`no matters or windows in ${tenant.code}: did the demo seed change?`);

  const intakeAt = (window: Window): Intake => ({ windowId: window.id, userId: posts.find((p) => p.windowId === window.id)?.userId ?? posts[0].userId });
  const comprehensive = intakeAt(windows.find((w) => w.kind === WindowKind.COMPREHENSIVE) ?? windows[0]);
  const agency = intakeAt(windows.find((w) => w.kind === WindowKind.AGENCY) ?? windows[0]);
  const next = random(20261123 + tenant.id);
  // A few matters take most of the cases: Zipf-like weights over the catalogue in a fixed shuffled order.
  const order = matters.map((m) => ({ m, key: next() })).sort((x, y) => x.key - y.key).map((x) => x.m);
  const catalogue = order.map((matter, rank) => ({
    matter,
    weight: 1 / (rank + 1) ** 0.9,
    intakes: links.filter((l) => l.matterId === matter.id).map((l) => intakeAt(windows.find((w) => w.id === l.windowId)!)),
    legalPerson: !matter.serviceObjects.includes(ServiceObject.NATURAL_PERSON),
    limit: matter.category === MatterCategory.IMMEDIATE ? 0 : matter.promisedLimitDays,
  }));
  const totalWeight = catalogue.reduce((acc, c) => acc + c.weight, 0);
  const pickMatter = () => {
    let r = next() * totalWeight;
    for (const c of catalogue) {
      r -= c.weight;
      if (r < 0) return c;
    }
    return catalogue[catalogue.length - 1];
  };

  // Calendar work once per local day (and limit), never per case.
  const noon = (day: LocalDate) => new Date(startOfDay(day) + 12 * HOUR);
  const startOfDay = memo((day) => calendar.endOfDay(WorkingCalendar.nextDate(day, -1)).getTime() + 1);
  const deadline = memo((key) => {
    const [day, limit] = key.split('|');
    return calendar.deadline(noon(day), Number(limit));
  });
  const addWorkingDays = memo((key) => {
    const [day, n] = key.split('|');
    return calendar.addWorkingDays(noon(day), Number(n));
  });
  const workingDaysBetween = memo((key) => {
    const [a, b] = key.split('|');
    return calendar.workingDaysBetweenDates(a, b);
  });

  // Opening hours of every working day in range; today only up to now.
  const nowMs = now.getTime();
  const days: { day: LocalDate; opens: number; closes: number; weight: number }[] = [];
  for (let day = calendar.localDate(new Date(nowMs - DAYS_BACK * DAY)), i = 0; day <= calendar.localDate(now) && i <= DAYS_BACK; day = WorkingCalendar.nextDate(day), i += 1) {
    if (!calendar.isWorkingDay(day)) continue;
    const opens = startOfDay(day) + 9 * HOUR;
    const closes = Math.min(startOfDay(day) + 17 * HOUR, nowMs - 5 * MINUTE);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (closes - opens >= HOUR) days.push({ day, opens, closes, weight: (weekday === 1 ? 1.25 : 1) * (0.8 + 0.4 * next()) });
  }
  const dayWeight = days.reduce((acc, d) => acc + d.weight, 0);

  const counters = new Map(existing.map((c) => [c.day, c.lastSequence]));
  const rows: Partial<Application>[] = [];
  let cumulative = 0;
  for (const [dayIndex, { day, opens, closes, weight }] of days.entries()) {
    const before = Math.round((cumulative / dayWeight) * total);
    cumulative += weight;
    const count = Math.round((cumulative / dayWeight) * total) - before;
    const times = Array.from({ length: count }, () => opens + Math.floor(next() * (closes - opens))).sort((a, b) => a - b);
    const compact = day.replace(/-/g, '');
    const recent = dayIndex >= days.length - 2;
    for (const time of times) {
      const n = rows.length;
      const sequence = (counters.get(compact) ?? 0) + 1;
      counters.set(compact, sequence);
      const entry = pickMatter();
      const { matter, limit } = entry;
      const channel = next();
      const intake = channel < 0.6 && entry.intakes.length > 0 ? entry.intakes[n % entry.intakes.length] : channel < 0.92 ? comprehensive : agency;
      const receivedAt = new Date(time);
      const row: Partial<Application> = {
        tenantId: tenant.id,
        number: `${tenant.code}-${compact}-${String(sequence).padStart(6, '0')}`,
        matterId: matter.id,
        departmentId: matter.departmentId,
        receivingWindowId: intake.windowId,
        receivedById: intake.userId,
        applicantKind: entry.legalPerson ? ApplicantKind.LEGAL_PERSON : ApplicantKind.NATURAL_PERSON,
        applicantName: entry.legalPerson
          ? `${tenant.name}${SURNAMES[n % 16]}${GIVEN[(n >> 4) % 16]}${COMPANIES[(n >> 8) % 8]}有限公司`
          : SURNAMES[n % 16] + GIVEN[(n * 7) % 16] + (n % 3 === 0 ? '' : GIVEN[(n >> 4) % 16]),
        applicantIdType: IdDocumentType.RESIDENT_ID,
        applicantIdNumber: residentId(tenant.code, n),
        applicantPhone: `1${3 + (n % 7)}9${String(n).padStart(8, '0').slice(-8)}`,
        applicantAddress: `${tenant.name}${STREETS[n % STREETS.length]}${1 + (n % 300)}号`,
        creditCode: entry.legalPerson ? creditCode(tenant.code, n) : null,
        status: S.SUBMITTED,
        statusBeforeSuspension: null,
        receivedAt,
        acceptedAt: null,
        dueAt: null,
        dueAtProvisional: false,
        suspendedAt: null,
        suspendedDays: 0,
        supplementDueAt: null,
        notAcceptedReason: null,
        reportedAt: null,
        reportRepliedAt: null,
        extensionDays: 0,
        decision: null,
        decidedAt: null,
        decisionWorkingDays: null,
        denialReason: null,
        oneTimeNotice: null,
        reportedTo: null,
        reportReply: null,
        withdrawalReason: null,
        deliveryMethod: null,
        carrier: null,
        trackingNumber: null,
        deliveredAt: null,
        version: 1,
      };
      rows.push(row);

      const fate = next();
      if (fate < 0.03) {
        row.status = S.NOT_ACCEPTED;
        row.notAcceptedReason = NotAcceptedReason.OUT_OF_SCOPE;
        continue;
      }
      const acceptedAt = new Date(time + 15 * MINUTE);
      if (acceptedAt.getTime() > nowMs || (recent && next() < 0.12)) continue; // still SUBMITTED
      row.acceptedAt = acceptedAt;
      row.dueAt = deadline(`${day}|${limit}`);
      row.status = S.UNDER_REVIEW;
      if (fate < 0.04) {
        row.status = S.WITHDRAWN;
        row.withdrawalReason = '申请人主动撤回';
        continue;
      }
      if (fate < 0.046) {
        // Stuck: open long past its deadline (some suspended after it ran out).
        if (next() < 0.3) {
          Object.assign(row, { status: S.SUSPENDED, statusBeforeSuspension: S.UNDER_REVIEW, suspendedAt: new Date(Math.min(row.dueAt.getTime() + DAY, nowMs - HOUR)) });
        }
        continue;
      }
      const late = next() < (limit === 0 ? 0.02 : 0.1);
      const took = late ? limit + 1 + Math.floor(next() * 5) : Math.floor((limit + 1) * next());
      const decidedDay = addWorkingDays(`${day}|${took}`);
      const decidedAt = took === 0 ? time + 25 * MINUTE + Math.floor(next() * 2 * HOUR) : startOfDay(decidedDay) + 9 * HOUR + Math.floor(next() * 8 * HOUR);
      if (decidedAt > nowMs) {
        // Open: mostly under review, some suspended (site survey, expert review), the newest just accepted.
        if (next() < 0.06) {
          Object.assign(row, { status: S.SUSPENDED, statusBeforeSuspension: S.UNDER_REVIEW, suspendedAt: new Date(time + 30 * MINUTE + Math.floor(next() * (nowMs - time - 30 * MINUTE))) });
        } else if (nowMs - time < 3 * HOUR || next() < 0.1) {
          row.status = S.ACCEPTED;
        }
        continue;
      }
      const denied = next() < 0.04;
      Object.assign(row, {
        status: denied ? S.DENIED : S.APPROVED,
        decision: denied ? Decision.DENIED : Decision.APPROVED,
        decidedAt: new Date(decidedAt),
        decisionWorkingDays: workingDaysBetween(`${day}|${calendar.localDate(new Date(decidedAt))}`),
        denialReason: denied ? '申请材料不符合法定形式' : null,
      });
      // The decision document (许可证件 or 不予许可决定书) is issued and delivered either way.
      const readyAt = decidedAt + 10 * MINUTE + Math.floor(next() * 20 * HOUR);
      if (readyAt > nowMs) continue; // APPROVED / DENIED, result not issued yet
      const mail = next() < 0.4;
      const deliveredAt = readyAt + 10 * MINUTE + Math.floor(next() * (mail ? 3 : 5) * DAY);
      if (deliveredAt > nowMs) {
        row.status = S.RESULT_READY;
        continue;
      }
      Object.assign(row, {
        status: S.DELIVERED,
        deliveryMethod: mail ? DeliveryMethod.MAIL : DeliveryMethod.PICKUP,
        carrier: mail ? 'EMS' : null,
        trackingNumber: mail ? `11${String(Math.floor(next() * 1e11)).padStart(11, '0')}` : null,
        deliveredAt: new Date(deliveredAt),
      });
    }
  }
  return { rows, counters, days: days.length };
}

export interface InsertStats {
  statements: number;
  transactions: number;
  rowsPerStatement: number;
}

/**
 * Raw multi-row INSERTs through the DataSource, values converted by the driver exactly as
 * TypeORM converts them on save (dates, simple-json), in transactions of ROWS_PER_TRANSACTION.
 */
export async function bulkInsert(dataSource: DataSource, rows: Partial<Application>[]): Promise<InsertStats> {
  const { driver } = dataSource;
  const metadata = dataSource.getMetadata(Application);
  const columns = metadata.columns.filter((c) => !c.isGenerated);
  const rowsPerStatement =
    dataSource.options.type === 'better-sqlite3' ? Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(SQLITE_MAX_VARIABLES / columns.length)) : MYSQL_ROWS_PER_STATEMENT;
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const stats: InsertStats = { statements: 0, transactions: 0, rowsPerStatement };
  for (let start = 0; start < rows.length; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(start + ROWS_PER_TRANSACTION, rows.length);
    await dataSource.transaction(async (manager) => {
      for (let from = start; from < end; from += rowsPerStatement) {
        const chunk = rows.slice(from, Math.min(from + rowsPerStatement, end));
        const parameters = chunk.flatMap((row) => columns.map((c) => driver.preparePersistentValue(c.getEntityValue(row) ?? null, c)));
        await manager.query(head + chunk.map(() => tuple).join(', '), parameters);
        stats.statements += 1;
      }
    });
    stats.transactions += 1;
  }
  return stats;
}

export async function writeCounters(dataSource: DataSource, tenantId: number, counters: Map<string, number>): Promise<void> {
  const entries = [...counters].map(([day, lastSequence]) => ({ tenantId, day, lastSequence }));
  await dataSource.transaction(async (manager) => {
    for (let i = 0; i < entries.length; i += 200) {
      const chunk = entries.slice(i, i + 200);
      await manager.delete(ApplicationCounter, { tenantId, day: In(chunk.map((e) => e.day)) });
      await manager.insert(ApplicationCounter, chunk);
    }
  });
}
