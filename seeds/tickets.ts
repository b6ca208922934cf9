import { EntityManager } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { CrossRegionMatter, DEFAULT_SUPPLEMENT_DAYS, Matter, MatterStatus } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { NationalCalendarDay } from '../src/modules/calendar/entities';
import { WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { ApplicantKind, Application, ApplicationCounter, ApplicationEvent, ApplicationStatus, Decision, DeliveryMethod, IdDocumentType } from '../src/modules/applications/entities';
import { CollaborationKind, CollaborationTicket, ResultDelivery, TicketSide, TicketStatus, TicketStep, TicketStepKind } from '../src/modules/collaboration/entities';

/** Pairs of centres that send each other cases (全区通办). */
const PAIRS: [string, string][] = [
  ['150302', '150304'],
  ['150304', '150302'],
  ['210302', '210303'],
  ['210303', '210302'],
];

/**
 * How far each demo ticket got; `late` pushes it back so a step is overdue. Its two cases
 * are where the ticket puts them: accepted at the push, delivered when it completes,
 * withdrawn when it was cancelled, so a finished ticket leaves no case open.
 */
const JOURNEYS: { status: TicketStatus; returned?: boolean; late?: boolean }[] = [
  { status: TicketStatus.DRAFT },
  { status: TicketStatus.DRAFT, late: true },
  { status: TicketStatus.PUSHED },
  { status: TicketStatus.RETURNED },
  { status: TicketStatus.PUSHED, returned: true },
  { status: TicketStatus.FORWARDED },
  { status: TicketStatus.FORWARDED, late: true },
  { status: TicketStatus.DECIDED },
  { status: TicketStatus.RESULT_SENT },
  { status: TicketStatus.COMPLETED, returned: true },
  { status: TicketStatus.CANCELLED },
];

const HOUR = 3_600_000;

interface Side {
  tenant: Tenant;
  calendar: WorkingCalendar;
  clerk: User;
  approver: User;
  window: Window;
  matters: Map<string, Matter>;
}

async function sideOf(manager: EntityManager, tenant: Tenant, national: NationalCalendarDay[]): Promise<Side | null> {
  const clerk = await manager.findOneBy(User, { username: `window_staff.${tenant.code}` });
  const approver = await manager.findOneBy(User, { username: `approver.${tenant.code}` });
  const window = await manager.findOneBy(Window, { tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
  if (!clerk || !approver || !window) return null;
  // 全区通办清单: the province's list says which matters travel.
  const listed = await manager.find(CrossRegionMatter, { where: { provinceCode: tenant.path.split('/').filter(Boolean)[0] } });
  const matters = (await manager.find(Matter, { where: { tenantId: tenant.id, status: MatterStatus.PUBLISHED } })).filter((m) => listed.some((l) => l.code === m.code));
  return { tenant, calendar: new WorkingCalendar(tenant.timeZone, national), clerk, approver, window, matters: new Map(matters.map((m) => [m.code, m])) };
}

/** The local date `n` working days before `date`. */
function workingDaysBefore(calendar: WorkingCalendar, date: string, n: number): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = WorkingCalendar.nextDate(day, -1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** The next case number of a tenant and day, continuing the counter the intake uses. */
async function nextNumber(manager: EntityManager, side: Side, at: Date): Promise<string> {
  const day = side.calendar.localDate(at).replace(/-/g, '');
  const counter = await manager.findOneBy(ApplicationCounter, { tenantId: side.tenant.id, day });
  const sequence = (counter?.lastSequence ?? 0) + 1;
  await manager.save(ApplicationCounter, { tenantId: side.tenant.id, day, lastSequence: sequence });
  return `${side.tenant.code}-${day}-${String(sequence).padStart(6, '0')}`;
}

async function insertCase(manager: EntityManager, side: Side, matter: Matter, at: Date, fields: Partial<Application>, events: [string, ApplicationStatus | null, ApplicationStatus, Date, number][]): Promise<Application> {
  const row = {
    tenantId: side.tenant.id, number: await nextNumber(manager, side, at), matterId: matter.id, departmentId: matter.departmentId,
    receivingWindowId: side.window.id, receivedById: side.clerk.id, applicantKind: ApplicantKind.NATURAL_PERSON, applicantName: '其木格',
    applicantIdType: IdDocumentType.RESIDENT_ID, applicantIdNumber: '150302198805061234', applicantPhone: '13947305566',
    applicantAddress: '乌海市海勃湾区滨河路6号', creditCode: null, status: ApplicationStatus.SUBMITTED, receivedAt: at, extensionDays: 0, ...fields,
  };
  const { identifiers } = await manager.insert(Application, row as Application);
  const application = { ...row, id: Number(identifiers[0].id) } as Application;
  await manager.insert(
    ApplicationEvent,
    events.map(([action, fromStatus, toStatus, eventAt, actorId]) => ({ tenantId: side.tenant.id, applicationId: application.id, action, fromStatus, toStatus, actorId, at: eventAt, note: '' })) as ApplicationEvent[],
  );
  return application;
}

/**
 * Demo collaboration tickets between 海勃湾区 and 乌达区 and between 铁东区 and 铁西区, both
 * ways, in every state, with returned-and-resubmitted and overdue ones. Written once: a
 * pair that already has tickets gets none.
 */
export async function seedTickets(manager: EntityManager, tenants: Map<string, Tenant>, now: Date): Promise<void> {
  const national = await manager.find(NationalCalendarDay);
  for (const [from, to] of PAIRS) {
    const receivingTenant = tenants.get(from);
    const handlingTenant = tenants.get(to);
    if (!receivingTenant || !handlingTenant) continue;
    if (await manager.exists(CollaborationTicket, { where: { tenantId: receivingTenant.id, partnerTenantId: handlingTenant.id } })) continue;
    const receiving = await sideOf(manager, receivingTenant, national);
    const handling = await sideOf(manager, handlingTenant, national);
    if (!receiving || !handling) continue;
    const codes = [...receiving.matters.keys()].filter((code) => handling.matters.has(code)).sort();
    for (const [i, journey] of JOURNEYS.entries()) {
      if (codes.length === 0) break;
      const code = codes[i % codes.length];
      const matter = receiving.matters.get(code)!;
      const handlingMatter = handling.matters.get(code)!;
      // A ticket starts on the previous working day, so its steps are on time; a late one
      // four working days back, so its open step is overdue.
      const startDay = workingDaysBefore(receiving.calendar, receiving.calendar.localDate(now), journey.late ? 4 : 1);
      const start = new Date(Date.parse(`${startDay}T09:30:00+08:00`));
      const receivedAt = start < now ? start : new Date(now.getTime() - HOUR);
      const status = journey.status;
      const returned = journey.returned || status === TicketStatus.RETURNED;
      const pushed = status !== TicketStatus.DRAFT && status !== TicketStatus.CANCELLED;
      const forwarded = [TicketStatus.FORWARDED, TicketStatus.DECIDED, TicketStatus.RESULT_SENT, TicketStatus.COMPLETED].includes(status);
      const decided = forwarded && status !== TicketStatus.FORWARDED;
      const mailedResult = status === TicketStatus.RESULT_SENT || status === TicketStatus.COMPLETED;
      const at = (hours: number) => new Date(Math.min(receivedAt.getTime() + hours * HOUR, now.getTime() - 60_000));
      const pushedAt = at(returned ? 24 : 2);
      const returnedAt = at(5);
      const forwardedAt = at(returned ? 27 : 4);
      const decidedAt = at(returned ? 30 : 7);
      const mailedAt = at(returned ? 32 : 9);
      const handedOverAt = at(returned ? 33 : 10);
      const handlingDue = handling.calendar.deadline(forwardedAt, handlingMatter.promisedLimitDays);
      type Event = [string, ApplicationStatus | null, ApplicationStatus, Date, number];
      const S = ApplicationStatus;
      // The certificate goes to the receiving centre for a ticket waiting for the hand-over, and for every third one.
      const resultDelivery = status === TicketStatus.RESULT_SENT || i % 3 === 0 ? ResultDelivery.RECEIVING_CENTRE : ResultDelivery.APPLICANT;
      const resultTracking = `11${receivingTenant.code}${String(i).padStart(5, '0')}`;

      // The receiving case: accepted at the push (受理及推送转办), due with the department once forwarded.
      const receivingEvents: Event[] = [['RECEIVE', null, S.SUBMITTED, receivedAt, receiving.clerk.id]];
      let receivingFields: Partial<Application> = {};
      if (status === TicketStatus.CANCELLED) {
        receivingEvents.push(['REQUEST_WITHDRAWAL', S.SUBMITTED, S.SUBMITTED, at(1), receiving.clerk.id], ['DECIDE_WITHDRAWAL', S.SUBMITTED, S.WITHDRAWN, at(2), receiving.clerk.id]);
        receivingFields = { status: S.WITHDRAWN, withdrawalReason: '申请人撤回申请' };
      } else if (status === TicketStatus.RETURNED) {
        receivingEvents.push(['ACCEPT', S.SUBMITTED, S.ACCEPTED, at(2), receiving.clerk.id], ['REQUEST_SUPPLEMENT', S.ACCEPTED, S.AWAITING_SUPPLEMENT, returnedAt, handling.clerk.id]);
        receivingFields = {
          status: S.AWAITING_SUPPLEMENT, acceptedAt: at(2), dueAt: receiving.calendar.deadline(at(2), matter.promisedLimitDays),
          oneTimeNotice: [{ material: '申请人身份证件复印件', problem: 'MISSING', note: '申请材料不全' }],
          supplementDueAt: receiving.calendar.deadline(returnedAt, matter.supplementDays ?? DEFAULT_SUPPLEMENT_DAYS),
        };
      } else if (pushed) {
        if (returned) {
          receivingEvents.push(
            ['ACCEPT', S.SUBMITTED, S.ACCEPTED, at(2), receiving.clerk.id],
            ['REQUEST_SUPPLEMENT', S.ACCEPTED, S.AWAITING_SUPPLEMENT, returnedAt, handling.clerk.id],
            ['SUPPLEMENT', S.AWAITING_SUPPLEMENT, S.SUBMITTED, at(20), receiving.clerk.id],
          );
        }
        receivingEvents.push(['ACCEPT', S.SUBMITTED, S.ACCEPTED, pushedAt, receiving.clerk.id]);
        receivingFields = {
          status: S.ACCEPTED, acceptedAt: pushedAt, dueAt: receiving.calendar.deadline(pushedAt, matter.promisedLimitDays),
          oneTimeNotice: returned ? [{ material: '申请人身份证件复印件', problem: 'MISSING', note: '申请材料不全' }] : null,
        };
        if (forwarded) {
          receivingEvents.push(['DEADLINE_MOVED', S.ACCEPTED, S.ACCEPTED, forwardedAt, handling.clerk.id]);
          receivingFields.dueAt = handlingDue;
        }
        if (status === TicketStatus.COMPLETED) {
          receivingEvents.push(['DELIVER', S.ACCEPTED, S.DELIVERED, handedOverAt, receiving.clerk.id]);
          const delivery = resultDelivery === ResultDelivery.APPLICANT ? { deliveryMethod: DeliveryMethod.MAIL, carrier: 'EMS', trackingNumber: resultTracking } : { deliveryMethod: DeliveryMethod.PICKUP };
          receivingFields = {
            ...receivingFields, status: S.DELIVERED, decision: Decision.APPROVED, decidedAt,
            decisionWorkingDays: receiving.calendar.workingDaysBetween(pushedAt, decidedAt), deliveredAt: handedOverAt, ...delivery,
          };
        }
      }
      const source = await insertCase(manager, receiving, matter, receivedAt, receivingFields, receivingEvents);
      const sharedWithPartner = pushed;
      const ticketRow = {
        tenantId: receivingTenant.id, partnerTenantId: handlingTenant.id, sharedWithPartner, applicationId: source.id, handlingApplicationId: null as number | null,
        matterCode: code, handlingMatterId: handlingMatter.id, kind: CollaborationKind.REGION, status,
        round: returned ? 2 : 1, paperMaterials: i % 2 === 0, resultDelivery, createdById: receiving.clerk.id,
        cancelReason: status === TicketStatus.CANCELLED ? '退件: 申请人撤回申请' : null,
      };
      const { identifiers } = await manager.insert(CollaborationTicket, ticketRow as CollaborationTicket);
      const ticketId = Number(identifiers[0].id);
      const steps: Partial<TicketStep>[] = [];
      const step = (round: number, kind: TicketStepKind, owner: TicketSide, dueAt: Date | null, doneAt: Date | null, actorId: number | null, extra: Partial<TicketStep> = {}) =>
        steps.push({ tenantId: receivingTenant.id, partnerTenantId: handlingTenant.id, sharedWithPartner, ticketId, round, kind, owner, dueAt, doneAt, actorId, note: '', ...extra });

      const round = returned ? 2 : 1;
      const pushDue = receiving.calendar.deadline(receivedAt, 1);
      if (!pushed) {
        step(1, TicketStepKind.PUSH, TicketSide.RECEIVING, pushDue, null, null, status === TicketStatus.CANCELLED ? { cancelledAt: at(2) } : {});
      } else if (returned) {
        step(1, TicketStepKind.PUSH, TicketSide.RECEIVING, pushDue, at(2), receiving.clerk.id);
        step(1, TicketStepKind.RECHECK, TicketSide.HANDLING, handling.calendar.deadline(at(2), 1), returnedAt, handling.clerk.id, { note: 'RETURNED: 申请材料不全', missingMaterials: ['申请人身份证件复印件'] });
        if (status === TicketStatus.RETURNED) {
          // Waiting for the applicant's supplement: the next push is not due yet.
          step(2, TicketStepKind.PUSH, TicketSide.RECEIVING, null, null, null);
        } else {
          const supplementedAt = at(20);
          step(2, TicketStepKind.PUSH, TicketSide.RECEIVING, receiving.calendar.deadline(supplementedAt, 1), pushedAt, receiving.clerk.id, { note: '已补正' });
        }
      } else {
        step(1, TicketStepKind.PUSH, TicketSide.RECEIVING, pushDue, pushedAt, receiving.clerk.id);
      }
      if (status === TicketStatus.PUSHED) step(round, TicketStepKind.RECHECK, TicketSide.HANDLING, handling.calendar.deadline(pushedAt, 1), null, null);
      if (forwarded) {
        step(round, TicketStepKind.RECHECK, TicketSide.HANDLING, handling.calendar.deadline(pushedAt, 1), forwardedAt, handling.clerk.id, { note: 'FORWARDED' });
        const handlingEvents: Event[] = [
          ['RECEIVE', null, S.SUBMITTED, forwardedAt, handling.clerk.id],
          ['ACCEPT', S.SUBMITTED, S.ACCEPTED, forwardedAt, handling.clerk.id],
        ];
        if (decided) handlingEvents.push(['APPROVE', S.ACCEPTED, S.APPROVED, decidedAt, handling.approver.id]);
        if (mailedResult) handlingEvents.push(['DELIVER', S.APPROVED, S.DELIVERED, mailedAt, handling.clerk.id]);
        const handlingCase = await insertCase(
          manager, handling, handlingMatter, forwardedAt,
          {
            status: mailedResult ? S.DELIVERED : decided ? S.APPROVED : S.ACCEPTED, acceptedAt: forwardedAt, dueAt: handlingDue,
            ...(decided ? { decision: Decision.APPROVED, decidedAt, decisionWorkingDays: handling.calendar.workingDaysBetween(forwardedAt, decidedAt) } : {}),
            ...(mailedResult ? { deliveryMethod: DeliveryMethod.MAIL, carrier: 'EMS', trackingNumber: resultTracking, deliveredAt: mailedAt } : {}),
          },
          handlingEvents,
        );
        await manager.update(CollaborationTicket, { id: ticketId }, { handlingApplicationId: handlingCase.id });
        step(round, TicketStepKind.DECIDE, TicketSide.HANDLING, handlingDue, decided ? decidedAt : null, decided ? handling.approver.id : null, { note: decided ? Decision.APPROVED : '' });
        // 第七条: the paper materials travel once the case is at the department.
        if (ticketRow.paperMaterials) {
          const materialsMailed = status !== TicketStatus.FORWARDED;
          step(round, TicketStepKind.MAIL_MATERIALS, TicketSide.RECEIVING, receiving.calendar.deadline(forwardedAt, 2), materialsMailed ? at(returned ? 28 : 5) : null, materialsMailed ? receiving.clerk.id : null, materialsMailed ? { carrier: 'EMS', trackingNumber: `11${ticketId}0000001` } : {});
        }
        if (decided) {
          step(round, TicketStepKind.MAIL_RESULT, TicketSide.HANDLING, handling.calendar.deadline(decidedAt, 1), mailedResult ? mailedAt : null, mailedResult ? handling.clerk.id : null, mailedResult ? { carrier: 'EMS', trackingNumber: resultTracking, note: resultDelivery } : {});
        }
        if (mailedResult && resultDelivery === ResultDelivery.RECEIVING_CENTRE) {
          const handedOver = status === TicketStatus.COMPLETED;
          step(round, TicketStepKind.HAND_OVER_RESULT, TicketSide.RECEIVING, null, handedOver ? handedOverAt : null, handedOver ? receiving.clerk.id : null);
        }
      }
      await manager.insert(TicketStep, steps as TicketStep[]);
    }
  }
}
