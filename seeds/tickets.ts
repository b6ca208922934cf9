import { EntityManager } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { Matter, MatterStatus } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { NationalCalendarDay } from '../src/modules/calendar/entities';
import { WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { ApplicantKind, Application, ApplicationCounter, ApplicationEvent, ApplicationStatus, Decision, IdDocumentType } from '../src/modules/applications/entities';
import { CollaborationKind, CollaborationTicket, ResultDelivery, TicketSide, TicketStatus, TicketStep, TicketStepKind } from '../src/modules/collaboration/entities';

/** Pairs of centres that send each other cases (全区通办). */
const PAIRS: [string, string][] = [
  ['150302', '150304'],
  ['150304', '150302'],
  ['210302', '210303'],
  ['210303', '210302'],
];

/** How far each demo ticket got; `late` pushes it back so a step is overdue. */
const JOURNEYS: { status: TicketStatus; returned?: boolean; late?: boolean }[] = [
  { status: TicketStatus.DRAFT },
  { status: TicketStatus.DRAFT, late: true },
  { status: TicketStatus.PUSHED },
  { status: TicketStatus.RETURNED },
  { status: TicketStatus.PUSHED, returned: true },
  { status: TicketStatus.FORWARDED },
  { status: TicketStatus.FORWARDED, late: true },
  { status: TicketStatus.DECIDED },
  { status: TicketStatus.COMPLETED, returned: true },
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
  const matters = await manager.find(Matter, { where: { tenantId: tenant.id, status: MatterStatus.PUBLISHED, crossRegion: true } });
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
      const source = await insertCase(manager, receiving, matter, receivedAt, {}, [['RECEIVE', null, ApplicationStatus.SUBMITTED, receivedAt, receiving.clerk.id]]);
      const sharedWithPartner = journey.status !== TicketStatus.DRAFT;
      const ticketRow = {
        tenantId: receivingTenant.id, partnerTenantId: handlingTenant.id, sharedWithPartner, applicationId: source.id, handlingApplicationId: null as number | null,
        matterCode: code, handlingMatterId: handlingMatter.id, kind: CollaborationKind.REGION, status: journey.status,
        round: journey.returned || journey.status === TicketStatus.RETURNED ? 2 : 1, paperMaterials: i % 2 === 0,
        resultDelivery: i % 3 === 0 ? ResultDelivery.RECEIVING_CENTRE : ResultDelivery.APPLICANT, createdById: receiving.clerk.id,
      };
      const { identifiers } = await manager.insert(CollaborationTicket, ticketRow as CollaborationTicket);
      const ticketId = Number(identifiers[0].id);
      const steps: Partial<TicketStep>[] = [];
      const step = (round: number, kind: TicketStepKind, owner: TicketSide, dueAt: Date | null, doneAt: Date | null, actorId: number | null, extra: Partial<TicketStep> = {}) =>
        steps.push({ tenantId: receivingTenant.id, partnerTenantId: handlingTenant.id, sharedWithPartner, ticketId, round, kind, owner, dueAt, doneAt, actorId, note: '', ...extra });
      const at = (hours: number) => new Date(Math.min(receivedAt.getTime() + hours * HOUR, now.getTime() - 60_000));

      let round = 1;
      let pushedAt = at(2);
      const pushDue = receiving.calendar.deadline(receivedAt, 1);
      if (journey.status === TicketStatus.DRAFT) {
        step(1, TicketStepKind.PUSH, TicketSide.RECEIVING, pushDue, null, null);
      } else {
        step(1, TicketStepKind.PUSH, TicketSide.RECEIVING, pushDue, pushedAt, receiving.clerk.id);
        if (journey.returned || journey.status === TicketStatus.RETURNED) {
          const returnedAt = at(5);
          step(1, TicketStepKind.RECHECK, TicketSide.HANDLING, handling.calendar.deadline(pushedAt, 1), returnedAt, handling.clerk.id, { note: 'RETURNED: 申请材料不全', missingMaterials: ['申请人身份证件复印件'] });
          round = 2;
          if (journey.status === TicketStatus.RETURNED) {
            step(2, TicketStepKind.PUSH, TicketSide.RECEIVING, receiving.calendar.deadline(returnedAt, 1), null, null);
          } else {
            pushedAt = at(24);
            step(2, TicketStepKind.PUSH, TicketSide.RECEIVING, receiving.calendar.deadline(returnedAt, 1), pushedAt, receiving.clerk.id, { note: '已补正' });
          }
        }
        if (ticketRow.paperMaterials) step(1, TicketStepKind.MAIL_MATERIALS, TicketSide.RECEIVING, receiving.calendar.deadline(pushedAt, 2), at(26), receiving.clerk.id, { carrier: 'EMS', trackingNumber: `11${ticketId}0000001` });
      }
      if (journey.status === TicketStatus.PUSHED) step(round, TicketStepKind.RECHECK, TicketSide.HANDLING, handling.calendar.deadline(pushedAt, 1), null, null);
      if ([TicketStatus.FORWARDED, TicketStatus.DECIDED, TicketStatus.COMPLETED].includes(journey.status)) {
        const forwardedAt = at(journey.returned ? 27 : 4);
        step(round, TicketStepKind.RECHECK, TicketSide.HANDLING, handling.calendar.deadline(pushedAt, 1), forwardedAt, handling.clerk.id, { note: 'FORWARDED' });
        const dueAt = handling.calendar.deadline(forwardedAt, handlingMatter.promisedLimitDays);
        const decided = journey.status !== TicketStatus.FORWARDED;
        const decidedAt = at(journey.returned ? 30 : 7);
        const handlingCase = await insertCase(
          manager, handling, handlingMatter, forwardedAt,
          { status: decided ? ApplicationStatus.APPROVED : ApplicationStatus.ACCEPTED, acceptedAt: forwardedAt, dueAt, ...(decided ? { decision: Decision.APPROVED, decidedAt, decisionWorkingDays: handling.calendar.workingDaysBetween(forwardedAt, decidedAt) } : {}) },
          [
            ['RECEIVE', null, ApplicationStatus.SUBMITTED, forwardedAt, handling.clerk.id],
            ['ACCEPT', ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED, forwardedAt, handling.clerk.id],
            ...(decided ? ([['APPROVE', ApplicationStatus.ACCEPTED, ApplicationStatus.APPROVED, decidedAt, handling.approver.id]] as [string, ApplicationStatus, ApplicationStatus, Date, number][]) : []),
          ],
        );
        await manager.update(CollaborationTicket, { id: ticketId }, { handlingApplicationId: handlingCase.id });
        step(round, TicketStepKind.DECIDE, TicketSide.HANDLING, dueAt, decided ? decidedAt : null, decided ? handling.approver.id : null, { note: decided ? Decision.APPROVED : '' });
        if (decided) {
          const mailed = journey.status === TicketStatus.COMPLETED;
          step(round, TicketStepKind.MAIL_RESULT, TicketSide.HANDLING, handling.calendar.deadline(decidedAt, 1), mailed ? at(32) : null, mailed ? handling.clerk.id : null, mailed ? { carrier: 'EMS', trackingNumber: `11${ticketId}0000002`, note: ticketRow.resultDelivery } : {});
        }
      }
      await manager.insert(TicketStep, steps as TicketStep[]);
    }
  }
}
