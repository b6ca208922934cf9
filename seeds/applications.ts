import { EntityManager, In } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { DEFAULT_SUPPLEMENT_DAYS, Matter, MatterAcceptor, MatterCategory, MatterStatus } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { NationalCalendarDay } from '../src/modules/calendar/entities';
import { WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { Application, ApplicationCounter, ApplicationEvent, ApplicationStatus, Decision, JointOpinion, NotAcceptedReason } from '../src/modules/applications/entities';

/** Tenants with demo cases: a city, a county and districts of three cities. */
const CASE_TENANTS = ['210300', '210381', '210302', '210700', '150302', '150304'];
const CASES_PER_TENANT = 60;
const DAY = 86_400_000;

/** A small deterministic generator, so the demo data is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function residentId(region: string, n: number): string {
  const body = `${region}19${60 + (n % 40)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return body + '10X98765432'[WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0) % 11];
}

/** Where a demo case ends up: every state, some overdue, some suspended, some withdrawn, some awaiting a supplement, some reported up. */
const OUTCOMES: ApplicationStatus[] = [
  ApplicationStatus.DELIVERED, ApplicationStatus.DELIVERED, ApplicationStatus.DELIVERED, ApplicationStatus.DELIVERED,
  ApplicationStatus.RESULT_READY, ApplicationStatus.APPROVED, ApplicationStatus.DENIED,
  ApplicationStatus.UNDER_REVIEW, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.ACCEPTED, ApplicationStatus.ACCEPTED,
  ApplicationStatus.SUBMITTED, ApplicationStatus.NOT_ACCEPTED, ApplicationStatus.SUSPENDED, ApplicationStatus.WITHDRAWN,
  ApplicationStatus.AWAITING_SUPPLEMENT, ApplicationStatus.REPORTED_UP,
];

/** Open cases are recent, a quarter of them overdue; finished ones spread over 60 days. */
function daysAgo(outcome: ApplicationStatus, matter: Matter, next: () => number): number {
  if (outcome === ApplicationStatus.SUBMITTED) return Math.floor(next() * 2);
  // some past the 5-working-day supplement deadline (逾期未补正)
  if (outcome === ApplicationStatus.AWAITING_SUPPLEMENT) return Math.floor(next() * 12);
  const open = [ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SUSPENDED, ApplicationStatus.REPORTED_UP].includes(outcome);
  if (!open) return Math.floor(next() * 60);
  // about 1.4 calendar days per working day
  const limit = Math.ceil(matter.promisedLimitDays * 1.4);
  return next() < 0.25 ? limit + 2 + Math.floor(next() * 7) : Math.floor(next() * Math.max(1, limit - 1));
}

interface Draft {
  row: Partial<Application>;
  events: Partial<ApplicationEvent>[];
  opinions: Partial<JointOpinion>[];
}

/**
 * A few hundred demo cases spread over the 60 days before `now`, in several tenants.
 * Written once: a tenant that already has cases gets none.
 */
export async function seedApplications(manager: EntityManager, tenants: Map<string, Tenant>, now: Date): Promise<void> {
  const national = await manager.find(NationalCalendarDay);
  const next = random(20261123);
  for (const code of CASE_TENANTS) {
    const tenant = tenants.get(code);
    if (!tenant || (await manager.count(Application, { where: { tenantId: tenant.id } })) > 0) continue;
    const calendar = new WorkingCalendar(tenant.timeZone, national);
    const matters = await manager.find(Matter, { where: { tenantId: tenant.id, status: MatterStatus.PUBLISHED } });
    const window = await manager.findOneBy(Window, { tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
    const clerk = await manager.findOneBy(User, { username: `window_staff.${code}` });
    const approvers = await manager.find(User, { where: { tenantId: tenant.id, departmentId: In(matters.map((m) => m.departmentId)) } });
    if (!window || !clerk || matters.length === 0) continue;

    const drafts: Draft[] = [];
    const reported = matters.filter((m) => m.category === MatterCategory.REPORTED);
    for (let i = 0; i < CASES_PER_TENANT; i += 1) {
      const picked = matters[Math.floor(next() * matters.length)];
      // A case reported up (上报件) needs a REPORTED matter; a tenant without one has none.
      const outcome = OUTCOMES[i % OUTCOMES.length] === ApplicationStatus.REPORTED_UP && reported.length === 0 ? ApplicationStatus.UNDER_REVIEW : OUTCOMES[i % OUTCOMES.length];
      const matter = outcome === ApplicationStatus.REPORTED_UP ? reported[i % reported.length] : picked;
      const receivedLocalDay = calendar.workingDayOnOrAfter(calendar.localDate(new Date(now.getTime() - daysAgo(outcome, matter, next) * DAY)));
      const receivedAt = new Date(Date.parse(`${receivedLocalDay}T09:00:00+08:00`) + Math.floor(next() * 7 * 3600) * 1000);
      if (receivedAt > now) continue;
      const approver = approvers.find((u) => u.departmentId === matter.departmentId) ?? clerk;
      const draft: Draft = {
        row: {
          tenantId: tenant.id, matterId: matter.id, departmentId: matter.departmentId, receivingWindowId: window.id, receivedById: clerk.id,
          applicantKind: 'NATURAL_PERSON' as Application['applicantKind'], applicantName: SURNAMES[i % 10] + GIVEN[(i * 7) % 12],
          applicantIdType: 'RESIDENT_ID' as Application['applicantIdType'], applicantIdNumber: residentId(code, i),
          applicantPhone: `139${code.slice(2)}${String(1000 + i).slice(-4)}`, applicantAddress: `${tenant.name}人民路${i + 1}号`, creditCode: null,
          status: outcome, receivedAt, extensionDays: 0,
        },
        events: [{ action: 'RECEIVE', fromStatus: null, toStatus: ApplicationStatus.SUBMITTED, actorId: clerk.id, at: receivedAt, note: '' }],
        opinions: [],
      };
      const event = (action: ApplicationEvent['action'], from: ApplicationStatus, to: ApplicationStatus, at: Date, actorId: number, note = '') =>
        draft.events.push({ action, fromStatus: from, toStatus: to, actorId, at, note });
      if (outcome === ApplicationStatus.SUBMITTED) {
        drafts.push(draft);
        continue;
      }
      const acceptor = matter.acceptedBy === MatterAcceptor.APPROVER ? approver : clerk;
      if (outcome === ApplicationStatus.NOT_ACCEPTED) {
        Object.assign(draft.row, { notAcceptedReason: NotAcceptedReason.OUT_OF_SCOPE });
        event('REFUSE', ApplicationStatus.SUBMITTED, ApplicationStatus.NOT_ACCEPTED, new Date(receivedAt.getTime() + 600_000), acceptor.id, '申请事项不属于本事项受理范围');
        drafts.push(draft);
        continue;
      }
      if (outcome === ApplicationStatus.AWAITING_SUPPLEMENT) {
        const at = new Date(receivedAt.getTime() + 600_000);
        const supplementDueAt = calendar.deadline(at, matter.supplementDays ?? DEFAULT_SUPPLEMENT_DAYS);
        Object.assign(draft.row, { oneTimeNotice: [{ material: '申请人身份证件', problem: 'MISSING', note: '' }], supplementDueAt });
        event('REQUEST_SUPPLEMENT', ApplicationStatus.SUBMITTED, ApplicationStatus.AWAITING_SUPPLEMENT, at, acceptor.id);
        drafts.push(draft);
        continue;
      }
      const acceptedAt = new Date(receivedAt.getTime() + 900_000);
      const limit = matter.category === MatterCategory.IMMEDIATE ? 0 : matter.promisedLimitDays;
      const dueAt = calendar.deadline(acceptedAt, limit);
      Object.assign(draft.row, { acceptedAt, dueAt });
      event('ACCEPT', ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED, acceptedAt, acceptor.id);
      if (outcome === ApplicationStatus.ACCEPTED) {
        drafts.push(draft);
        continue;
      }
      if (outcome === ApplicationStatus.WITHDRAWN) {
        Object.assign(draft.row, { withdrawalReason: '申请人主动撤回' });
        event('REQUEST_WITHDRAWAL', ApplicationStatus.ACCEPTED, ApplicationStatus.ACCEPTED, new Date(acceptedAt.getTime() + 3600_000), clerk.id, '申请人主动撤回');
        event('DECIDE_WITHDRAWAL', ApplicationStatus.ACCEPTED, ApplicationStatus.WITHDRAWN, new Date(acceptedAt.getTime() + 7200_000), clerk.id, 'approved');
        drafts.push(draft);
        continue;
      }
      const reviewAt = new Date(acceptedAt.getTime() + 1800_000);
      event('START_REVIEW', ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW, reviewAt, approver.id);
      if (matter.category === MatterCategory.JOINT) {
        for (const departmentId of matter.jointDepartmentIds.map(Number)) {
          draft.opinions.push({ tenantId: tenant.id, departmentId, agrees: true, note: '同意', actorId: approver.id });
          event('JOINT_OPINION', ApplicationStatus.UNDER_REVIEW, ApplicationStatus.UNDER_REVIEW, reviewAt, approver.id, '同意');
        }
      }
      if (outcome === ApplicationStatus.UNDER_REVIEW) {
        drafts.push(draft);
        continue;
      }
      if (outcome === ApplicationStatus.REPORTED_UP) {
        // 同意申报 within the promised limit, or late for one in five; the higher authority may have replied.
        const reportedDay = calendar.addWorkingDays(acceptedAt, next() < 0.2 ? limit + 1 : Math.floor(next() * (limit + 1)));
        const reportedAt = new Date(Math.min(Date.parse(`${reportedDay}T14:00:00+08:00`), now.getTime() - 60_000));
        if (reportedAt < reviewAt) {
          drafts.push({ ...draft, row: { ...draft.row, status: ApplicationStatus.UNDER_REVIEW } });
          continue;
        }
        Object.assign(draft.row, { reportedAt, reportedTo: '辽宁省主管部门' });
        event('REPORT', ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REPORTED_UP, reportedAt, approver.id, '辽宁省主管部门');
        drafts.push(draft);
        continue;
      }
      if (outcome === ApplicationStatus.SUSPENDED) {
        Object.assign(draft.row, { statusBeforeSuspension: ApplicationStatus.UNDER_REVIEW, suspendedAt: new Date(reviewAt.getTime() + 3600_000) });
        event('SUSPEND', ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SUSPENDED, new Date(reviewAt.getTime() + 3600_000), approver.id, 'SITE_SURVEY: 现场勘验');
        drafts.push(draft);
        continue;
      }
      // Decided: mostly within the limit, one in five late.
      const late = next() < 0.2;
      const decidedDay = calendar.addWorkingDays(acceptedAt, late ? limit + 2 : Math.floor(next() * (limit + 1)));
      const decidedAt = new Date(Math.min(Date.parse(`${decidedDay}T15:00:00+08:00`), now.getTime() - 60_000));
      if (decidedAt < reviewAt) {
        drafts.push({ ...draft, row: { ...draft.row, status: ApplicationStatus.UNDER_REVIEW } });
        continue;
      }
      const decision = outcome === ApplicationStatus.DENIED ? Decision.DENIED : Decision.APPROVED;
      const decidedStatus = decision === Decision.DENIED ? ApplicationStatus.DENIED : ApplicationStatus.APPROVED;
      Object.assign(draft.row, { decision, decidedAt, decisionWorkingDays: calendar.workingDaysBetween(acceptedAt, decidedAt), denialReason: decision === Decision.DENIED ? '申请材料不符合法定形式' : null });
      event(decision === Decision.DENIED ? 'DENY' : 'APPROVE', ApplicationStatus.UNDER_REVIEW, decidedStatus, decidedAt, approver.id);
      if (outcome === ApplicationStatus.APPROVED || outcome === ApplicationStatus.DENIED) {
        drafts.push(draft);
        continue;
      }
      const readyAt = new Date(decidedAt.getTime() + 30_000);
      event('RESULT_READY', decidedStatus, ApplicationStatus.RESULT_READY, readyAt, clerk.id);
      if (outcome === ApplicationStatus.DELIVERED) {
        const mail = next() < 0.4;
        const deliveredAt = new Date(readyAt.getTime() + 30_000);
        Object.assign(draft.row, { deliveryMethod: mail ? 'MAIL' : 'PICKUP', carrier: mail ? 'EMS' : null, trackingNumber: mail ? `11${String(Math.floor(next() * 1e11)).padStart(11, '0')}` : null, deliveredAt });
        event('DELIVER', ApplicationStatus.RESULT_READY, ApplicationStatus.DELIVERED, deliveredAt, clerk.id, mail ? 'EMS' : '');
      }
      drafts.push(draft);
    }

    // Numbers in order of receipt, per local day; the counters continue from them.
    drafts.sort((a, b) => a.row.receivedAt!.getTime() - b.row.receivedAt!.getTime());
    const sequences = new Map<string, number>();
    for (const draft of drafts) {
      const day = calendar.localDate(draft.row.receivedAt!).replace(/-/g, '');
      const sequence = (sequences.get(day) ?? 0) + 1;
      sequences.set(day, sequence);
      draft.row.number = `${code}-${day}-${String(sequence).padStart(6, '0')}`;
    }
    await manager.insert(ApplicationCounter, [...sequences].map(([day, lastSequence]) => ({ tenantId: tenant.id, day, lastSequence })));
    for (const draft of drafts) {
      const { identifiers } = await manager.insert(Application, draft.row as Application);
      const applicationId = Number(identifiers[0].id);
      await manager.insert(ApplicationEvent, draft.events.map((e) => ({ ...e, tenantId: tenant.id, applicationId })) as ApplicationEvent[]);
      if (draft.opinions.length > 0) await manager.insert(JointOpinion, draft.opinions.map((o) => ({ ...o, applicationId })) as JointOpinion[]);
    }
  }
}
