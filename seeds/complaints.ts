import { EntityManager } from 'typeorm';
import { Department, DepartmentKind, Tenant, User } from '../src/modules/tenancy/entities';
import { Window } from '../src/modules/windows/entities';
import {
  Complaint,
  ComplaintAction,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintCounter,
  ComplaintEvent,
  ComplaintHandler,
  ComplaintOutcome,
  ComplaintStatus,
  Sanction,
  SanctionBasisKind,
  SanctionKind,
} from '../src/modules/complaints/entities';
import { hashQueryCode } from '../src/modules/complaints/service';

/** 锦州: 凌海市 and 北镇市, whose rules these are; no test reads their complaints. */
const COMPLAINT_TENANTS = ['210781', '210782'];

interface ComplaintSeed {
  channel: ComplaintChannel;
  category: ComplaintCategory;
  content: string;
  complainant?: { name: string; contact: string };
  subject: { window?: string; staff?: string; department?: string };
  /** Received on this March 2026 day (no holidays in March): 10 working days to reply. */
  receivedOn: number;
  status: ComplaintStatus;
  outcome?: ComplaintOutcome;
  findings?: string;
  reply?: string;
  /** Unsatisfied at the first return visit, reopened, resolved again. */
  reopened?: boolean;
  satisfied?: boolean;
  sanctions?: { kind: SanctionKind; person: string; note: string }[];
}

/** Demo query codes, so the README's progress lookup works on the demo data. */
const queryCodeOf = (code: string, i: number) => `DEMO${code.slice(-2)}${String(i + 1).padStart(4, '0')}`;

const SEEDS: ComplaintSeed[] = [
  {
    channel: ComplaintChannel.ONLINE,
    category: ComplaintCategory.ATTITUDE,
    content: '在A03窗口咨询时，工作人员不耐烦，未一次性告知所需材料',
    subject: { window: 'A03' },
    receivedOn: 2,
    status: ComplaintStatus.RECEIVED,
  },
  {
    channel: ComplaintChannel.PHONE,
    category: ComplaintCategory.EFFICIENCY,
    content: '材料齐全却被要求改日再来，往返三次仍未受理',
    complainant: { name: '周建国', contact: '13904161234' },
    subject: { staff: 'staff04' },
    receivedOn: 23,
    status: ComplaintStatus.ASSIGNED,
  },
  {
    channel: ComplaintChannel.MAILBOX,
    category: ComplaintCategory.FEES,
    content: '窗口让我当场交工本费，没有开具缴费通知书',
    complainant: { name: '吴桂芳', contact: '凌海市大凌河街道12号' },
    subject: { window: 'A05' },
    receivedOn: 24,
    status: ComplaintStatus.INVESTIGATING,
  },
  {
    channel: ComplaintChannel.HOTLINE_12345,
    category: ComplaintCategory.ATTITUDE,
    content: '12345转办：窗口人员说话生硬，推诿不办',
    complainant: { name: '郑丽', contact: '13604162222' },
    subject: { staff: 'staff06' },
    receivedOn: 9,
    status: ComplaintStatus.RESOLVED,
    outcome: ComplaintOutcome.UPHELD,
    findings: '调取窗口录音录像，工作人员确有语气生硬、推诿情形',
    reply: '经核查，您反映的情况属实，已对该工作人员批评教育，感谢监督。',
    sanctions: [{ kind: SanctionKind.CRITICISM_EDUCATION, person: 'staff06', note: '锦州 第二十八条：过错情节轻微' }],
  },
  {
    channel: ComplaintChannel.ON_SITE,
    category: ComplaintCategory.ATTITUDE,
    content: '现场投诉：同一事项第二次被以不同理由退件',
    complainant: { name: '冯海', contact: '13504163333' },
    subject: { staff: 'staff07' },
    receivedOn: 3,
    status: ComplaintStatus.CLOSED,
    outcome: ComplaintOutcome.UPHELD,
    findings: '两次退件理由不一致，未执行一次性告知制（锦州 第九条）',
    reply: '经核查属实，已对相关人员通报批评并给予效能告诫，您的事项已当场受理。',
    satisfied: true,
    sanctions: [
      { kind: SanctionKind.PUBLIC_CRITICISM, person: 'staff07', note: '锦州 第二十七条：经查确属个人过错' },
      { kind: SanctionKind.EFFICIENCY_WARNING, person: 'staff07', note: '锦州 第十六条：当年不得参与评先评优' },
    ],
  },
  {
    channel: ComplaintChannel.ONLINE,
    category: ComplaintCategory.VIOLATION,
    content: '办理过程中工作人员暗示需要“意思意思”才能加快办理',
    complainant: { name: '匿名不愿透露', contact: '13404164444' },
    subject: { staff: 'staff08' },
    receivedOn: 4,
    status: ComplaintStatus.CLOSED,
    outcome: ComplaintOutcome.UPHELD,
    findings: '监察组约谈核实，存在索要好处的言语（锦州 第二十八条(十)）',
    reply: '经监察部门查处，情况属实，已依纪依规处理。',
    satisfied: true,
    sanctions: [{ kind: SanctionKind.ADMONITION, person: 'staff08', note: '监察组决定：诫勉教育' }],
  },
  {
    channel: ComplaintChannel.PHONE,
    category: ComplaintCategory.OTHER,
    content: '派驻部门窗口午休时间无人值守',
    complainant: { name: '孙强', contact: '13304165555' },
    subject: { department: '{t}公安局' },
    receivedOn: 5,
    status: ComplaintStatus.CLOSED,
    outcome: ComplaintOutcome.NOT_UPHELD,
    findings: '复核值班表与签到记录，当日午休有B岗值守，投诉不属实',
    reply: '经两次核查，午休期间有工作人员值守，感谢您的关注。',
    reopened: true,
    satisfied: false,
  },
];

const at = (day: number, hour: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** The end of the nth weekday after a March 2026 day (March has no holidays or 调休). */
function dueAfter(day: number, workingDays: number): Date {
  let date = new Date(Date.UTC(2026, 2, day));
  for (let left = workingDays; left > 0; ) {
    date = new Date(date.getTime() + 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left -= 1;
  }
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1) - 8 * 3_600_000 - 1);
}

/**
 * Demo complaints in every status and channel in 凌海市 and 北镇市 (March 2026, fixed dates):
 * an anonymous one filed online and late (still unassigned), one violation handled by
 * supervision, upheld ones with their sanctions (批评教育, 通报批评 then 效能告诫, 诫勉教育),
 * one reopened after an unsatisfied return visit; a revoked sanction in 北镇市. The demo
 * query code of complaint n is DEMO<last two digits of the code><000n>. Idempotent: a
 * centre that has complaints gets none.
 */
export async function seedComplaints(manager: EntityManager, tenants: Map<string, Tenant>): Promise<void> {
  for (const code of COMPLAINT_TENANTS) {
    const tenant = tenants.get(code);
    if (!tenant || (await manager.count(Complaint, { where: { tenantId: tenant.id } })) > 0) continue;
    const user = (name: string) => manager.findOneByOrFail(User, { username: `${name}.${code}` });
    const department = async (kind: DepartmentKind) => manager.findOneOrFail(Department, { where: { tenantId: tenant.id, kind }, order: { id: 'ASC' } });
    const [admin, supervisor, bureau, supervision] = await Promise.all([user('centre_admin'), user('supervisor'), department(DepartmentKind.APPROVAL_BUREAU), department(DepartmentKind.SUPERVISION)]);
    const sequences = new Map<string, number>();

    for (const [i, seed] of SEEDS.entries()) {
      const violation = seed.category === ComplaintCategory.VIOLATION;
      const handler = violation ? supervisor : admin;
      const received = at(seed.receivedOn, 9);
      const day = `202603${String(seed.receivedOn).padStart(2, '0')}`;
      const sequence = (sequences.get(day) ?? 0) + 1;
      sequences.set(day, sequence);
      const window = seed.subject.window ? await manager.findOneByOrFail(Window, { tenantId: tenant.id, number: seed.subject.window }) : null;
      const staff = seed.subject.staff ? await user(seed.subject.staff) : null;
      const subjectDepartment = seed.subject.department
        ? await manager.findOneByOrFail(Department, { tenantId: tenant.id, name: seed.subject.department.replace('{t}', tenant.name) })
        : null;
      const steps = [ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED, ComplaintStatus.INVESTIGATING, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED].indexOf(seed.status);
      const resolvedAt = at(seed.receivedOn + 4, 16);
      const events: { action: ComplaintAction; from: ComplaintStatus | null; to: ComplaintStatus; at: Date; actorId: number | null }[] = [
        { action: ComplaintAction.RECEIVE, from: null, to: ComplaintStatus.RECEIVED, at: received, actorId: seed.channel === ComplaintChannel.ONLINE ? null : handler.id },
      ];
      if (steps >= 1) events.push({ action: ComplaintAction.ASSIGN, from: ComplaintStatus.RECEIVED, to: ComplaintStatus.ASSIGNED, at: at(seed.receivedOn, 11), actorId: handler.id });
      if (steps >= 2) events.push({ action: ComplaintAction.START_INVESTIGATION, from: ComplaintStatus.ASSIGNED, to: ComplaintStatus.INVESTIGATING, at: at(seed.receivedOn + 1, 9), actorId: handler.id });
      if (steps >= 3 && seed.reopened) {
        events.push({ action: ComplaintAction.RESOLVE, from: ComplaintStatus.INVESTIGATING, to: ComplaintStatus.RESOLVED, at: at(seed.receivedOn + 2, 16), actorId: handler.id });
        events.push({ action: ComplaintAction.REOPEN, from: ComplaintStatus.RESOLVED, to: ComplaintStatus.INVESTIGATING, at: at(seed.receivedOn + 3, 10), actorId: handler.id });
      }
      if (steps >= 3) events.push({ action: ComplaintAction.RESOLVE, from: ComplaintStatus.INVESTIGATING, to: ComplaintStatus.RESOLVED, at: resolvedAt, actorId: handler.id });
      if (steps >= 4) events.push({ action: ComplaintAction.RETURN_VISIT, from: ComplaintStatus.RESOLVED, to: ComplaintStatus.CLOSED, at: at(seed.receivedOn + 5, 10), actorId: handler.id });
      const closedAt = steps >= 4 ? at(seed.receivedOn + 5, 10) : null;

      const complaint = await manager.save(
        manager.create(Complaint, {
          tenantId: tenant.id,
          number: `${code}-TS-${day}-${String(sequence).padStart(6, '0')}`,
          queryCodeHash: hashQueryCode(queryCodeOf(code, i)),
          channel: seed.channel,
          category: seed.category,
          handler: violation ? ComplaintHandler.SUPERVISION : ComplaintHandler.CENTRE,
          handlingDepartmentId: violation ? supervision.id : bureau.id,
          status: seed.status,
          anonymous: !seed.complainant,
          complainantName: seed.complainant?.name ?? null,
          complainantContact: seed.complainant?.contact ?? null,
          content: seed.content,
          windowId: window?.id ?? null,
          staffId: staff?.id ?? null,
          departmentId: subjectDepartment?.id ?? null,
          applicationId: null,
          receivedById: seed.channel === ComplaintChannel.ONLINE ? null : handler.id,
          receivedAt: received,
          dueAt: seed.reopened ? dueAfter(seed.receivedOn + 3, 10) : dueAfter(seed.receivedOn, 10),
          assigneeId: steps >= 1 ? handler.id : null,
          outcome: seed.outcome ?? null,
          findings: seed.findings ?? null,
          reply: seed.reply ?? null,
          resolvedAt: steps >= 3 ? resolvedAt : null,
          returnVisitSatisfied: closedAt ? (seed.satisfied ?? true) : null,
          returnVisitNote: closedAt ? (seed.satisfied === false ? '对结果仍有异议' : '对处理结果满意') : null,
          returnVisitAt: closedAt,
          returnVisitById: closedAt ? handler.id : null,
          reopened: seed.reopened === true,
          closedAt,
          version: events.length,
        }),
      );
      await manager.insert(
        ComplaintEvent,
        events.map((e) => ({ tenantId: tenant.id, complaintId: complaint.id, action: e.action, fromStatus: e.from, toStatus: e.to, actorId: e.actorId, at: e.at })),
      );
      for (const [k, s] of (seed.sanctions ?? []).entries()) {
        const person = await user(s.person);
        await manager.insert(Sanction, {
          tenantId: tenant.id,
          personId: person.id,
          kind: s.kind,
          basisKind: SanctionBasisKind.COMPLAINT,
          complaintId: complaint.id,
          applicationId: null,
          basisText: null,
          violation,
          decidedById: handler.id,
          decidedOn: `2026-03-${String(seed.receivedOn + 6 + k).padStart(2, '0')}`,
          note: s.note,
          revokesId: null,
          recordedAt: at(seed.receivedOn + 6 + k, 15),
        });
      }
    }
    await manager.insert(ComplaintCounter, [...sequences].map(([day, lastSequence]) => ({ tenantId: tenant.id, day, lastSequence })));

    // A sanction on a rule, then revoked on review: the register keeps both entries.
    const person = await user('staff09');
    const written = await manager.save(
      manager.create(Sanction, {
        tenantId: tenant.id, personId: person.id, kind: SanctionKind.WRITTEN_SELF_REVIEW, basisKind: SanctionBasisKind.RULE, complaintId: null, applicationId: null,
        basisText: '锦州 第二十八条(四)', violation: false, decidedById: admin.id, decidedOn: '2026-03-20', note: '未说明不予受理理由', revokesId: null, recordedAt: at(20, 15),
      }),
    );
    await manager.insert(Sanction, {
      tenantId: tenant.id, personId: person.id, kind: SanctionKind.WRITTEN_SELF_REVIEW, basisKind: SanctionBasisKind.RULE, complaintId: null, applicationId: null,
      basisText: '锦州 第二十八条(四)', violation: false, decidedById: admin.id, decidedOn: '2026-03-27', note: '复核：已说明理由，撤销', revokesId: written.id, recordedAt: at(27, 15),
    });
  }
}
