import { EntityManager, In } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { NationalCalendarDay } from '../src/modules/calendar/entities';
import { WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { Application } from '../src/modules/applications/entities';
import { FINISHED_STATUSES } from '../src/modules/applications/lifecycle';
import {
  BAD_LEVELS,
  Evaluation,
  EvaluationChannel,
  EvaluationLevel,
  EvaluationReason,
  Rectification,
  RectificationAction,
  RectificationEvent,
  RectificationStatus,
} from '../src/modules/evaluations/entities';
import { DEFAULT_RECTIFY_WORKING_DAYS, DEFAULT_VERIFY_WORKING_DAYS } from '../src/modules/evaluations/service';

/** 锦州市 (whose rules these are) and 乌海 海勃湾区; no test reads their ratings. */
const EVALUATION_TENANTS = ['210700', '150302'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const { VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, VERY_DISSATISFIED } = EvaluationLevel;
const { WINDOW_DEVICE, ONLINE, SMS, QR_CODE, HOTLINE_12345 } = EvaluationChannel;
const S = RectificationStatus;

/** Mostly good, in turn over the channels; the 差评 come from BAD below. */
const GOOD: { level: EvaluationLevel; channel: EvaluationChannel; comment?: string }[] = [
  { level: VERY_SATISFIED, channel: WINDOW_DEVICE },
  { level: VERY_SATISFIED, channel: QR_CODE, comment: '一次办好，不用跑第二趟' },
  { level: SATISFIED, channel: ONLINE },
  { level: VERY_SATISFIED, channel: SMS },
  { level: SATISFIED, channel: WINDOW_DEVICE },
  { level: BASICALLY_SATISFIED, channel: ONLINE, comment: '排队时间稍长' },
  { level: VERY_SATISFIED, channel: WINDOW_DEVICE },
  { level: SATISFIED, channel: QR_CODE },
];

/** One 差评 in every rectification state, on the oldest finished cases (so every step lies in the past). */
const BAD: { level: EvaluationLevel; channel: EvaluationChannel; reasons: EvaluationReason[]; comment: string; status: RectificationStatus; satisfied?: boolean }[] = [
  { level: VERY_DISSATISFIED, channel: HOTLINE_12345, reasons: [EvaluationReason.REPEATED_VISITS, EvaluationReason.MATERIAL_REQUIREMENTS], comment: '材料清单前后不一致，跑了三趟', status: S.CLOSED, satisfied: true },
  { level: DISSATISFIED, channel: ONLINE, reasons: [EvaluationReason.ATTITUDE], comment: '窗口人员说话不耐烦', status: S.RECTIFIED },
  { level: DISSATISFIED, channel: SMS, reasons: [EvaluationReason.EFFICIENCY], comment: '等了很久才受理', status: S.VERIFIED_VALID },
  { level: VERY_DISSATISFIED, channel: QR_CODE, reasons: [EvaluationReason.FEES], comment: '以为要收费', status: S.NOT_VALID },
];

/**
 * Demo 好差评 over the demo cases of two centres: mostly good over every channel, two
 * 咨询 on the rating pad, a 差评 in every rectification state (a closed one, a rectified
 * one, one under rectification, one not valid) and a fresh one awaiting its return visit
 * (overdue unless rated today). Deadlines on each centre's working calendar. Idempotent:
 * a centre that has ratings gets none.
 */
export async function seedEvaluations(manager: EntityManager, tenants: Map<string, Tenant>, now: Date): Promise<void> {
  const national = await manager.find(NationalCalendarDay);
  for (const code of EVALUATION_TENANTS) {
    const tenant = tenants.get(code);
    if (!tenant || (await manager.count(Evaluation, { where: { tenantId: tenant.id } })) > 0) continue;
    const calendar = new WorkingCalendar(tenant.timeZone, national);
    const admin = await manager.findOneBy(User, { username: `centre_admin.${code}` });
    const clerk = await manager.findOneBy(User, { username: `window_staff.${code}` });
    const window = await manager.findOneBy(Window, { tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
    const cases = await manager.find(Application, { where: { tenantId: tenant.id, status: In(FINISHED_STATUSES) }, order: { receivedAt: 'ASC', id: 'ASC' } });
    if (!admin || !clerk || !window || cases.length < BAD.length + 2) continue;

    const servedAt = (a: Application) => a.decidedAt ?? a.receivedAt;
    const rated = (a: Application) => new Date(Math.min(servedAt(a).getTime() + 2 * HOUR, now.getTime() - 60_000));
    const ofCase = (a: Application, channel: EvaluationChannel) => ({
      tenantId: tenant.id, applicationId: a.id, matterId: a.matterId, windowId: a.receivingWindowId, staffId: a.receivedById, departmentId: a.departmentId,
      servedAt: servedAt(a), ratedAt: rated(a), raterName: a.applicantName, raterContact: a.applicantPhone,
      recordedById: channel === WINDOW_DEVICE ? clerk.id : channel === HOTLINE_12345 ? admin.id : null,
    });

    const rows: Partial<Evaluation>[] = [];
    const bad = cases.slice(0, BAD.length);
    const fresh = cases[cases.length - 1];
    const good = cases.slice(BAD.length, cases.length - 1);
    BAD.forEach((spec, i) => rows.push({ ...ofCase(bad[i], spec.channel), channel: spec.channel, level: spec.level, reasons: spec.reasons, comment: spec.comment }));
    rows.push({ ...ofCase(fresh, ONLINE), channel: ONLINE, level: DISSATISFIED, reasons: [EvaluationReason.OTHER], comment: '证照邮寄地址填错了，没人联系我' });
    good.forEach((a, i) => rows.push({ ...ofCase(a, GOOD[i % GOOD.length].channel), channel: GOOD[i % GOOD.length].channel, level: GOOD[i % GOOD.length].level, reasons: [], comment: GOOD[i % GOOD.length].comment ?? null }));
    // 咨询 on the rating pad: the clerk's own service, no case.
    for (const [days, level] of [[3, VERY_SATISFIED], [10, SATISFIED]] as const) {
      const at = new Date(now.getTime() - days * DAY);
      rows.push({
        tenantId: tenant.id, channel: WINDOW_DEVICE, level, reasons: [], comment: null, applicationId: null, matterId: null,
        windowId: window.id, staffId: clerk.id, departmentId: window.departmentId, servedAt: at, ratedAt: at, recordedById: clerk.id, raterName: null, raterContact: null,
      });
    }
    await manager.insert(Evaluation, rows as never);
    const saved = await manager.find(Evaluation, { where: { tenantId: tenant.id } });
    const byCase = new Map(saved.filter((e) => e.applicationId !== null).map((e) => [e.applicationId!, e]));

    const events: Partial<RectificationEvent>[] = [];
    const open = async (evaluation: Evaluation, spec: { status: RectificationStatus; satisfied?: boolean } | null) => {
      const openedAt = evaluation.ratedAt;
      const verifyDueAt = calendar.deadline(openedAt, DEFAULT_VERIFY_WORKING_DAYS);
      const row: Partial<Rectification> = {
        tenantId: tenant.id, evaluationId: evaluation.id, responsibleDepartmentId: evaluation.departmentId, responsibleStaffId: evaluation.staffId, windowId: evaluation.windowId,
        status: S.AWAITING_VERIFICATION, verifyDueAt, dueAt: verifyDueAt, openedAt,
      };
      const steps: [RectificationAction, RectificationStatus | null, RectificationStatus, Date][] = [[RectificationAction.OPEN, null, S.AWAITING_VERIFICATION, openedAt]];
      if (spec) {
        const verifiedAt = new Date(openedAt.getTime() + 3 * HOUR);
        const valid = spec.status !== S.NOT_VALID;
        Object.assign(row, { status: valid ? S.VERIFIED_VALID : S.NOT_VALID, verifiedAt, verifiedById: admin.id, verificationNote: valid ? '电话回访，情况属实' : '电话回访：该事项依法不收费，办事人误解', dueAt: null });
        steps.push([RectificationAction.VERIFY, S.AWAITING_VERIFICATION, row.status!, verifiedAt]);
        if (!valid) Object.assign(row, { closedAt: verifiedAt });
        else {
          const rectifyDueAt = calendar.deadline(verifiedAt, DEFAULT_RECTIFY_WORKING_DAYS);
          Object.assign(row, { plan: '组织窗口人员学习一次性告知制度，统一材料清单', rectifyDueAt, dueAt: rectifyDueAt });
        }
        if (spec.status === S.RECTIFIED || spec.status === S.CLOSED) {
          const rectifiedAt = new Date(verifiedAt.getTime() + 5 * DAY);
          Object.assign(row, { status: S.RECTIFIED, rectifiedAt, rectifiedById: admin.id, actionTaken: '已统一材料清单并在窗口公示，相关人员批评教育', dueAt: null });
          steps.push([RectificationAction.RECTIFY, S.VERIFIED_VALID, S.RECTIFIED, rectifiedAt]);
          if (spec.status === S.CLOSED) {
            const returnVisitAt = new Date(rectifiedAt.getTime() + DAY);
            Object.assign(row, { status: S.CLOSED, returnVisitSatisfied: spec.satisfied ?? true, returnVisitNote: '回访：办事人对整改结果满意', returnVisitAt, returnVisitById: admin.id, closedAt: returnVisitAt });
            steps.push([RectificationAction.RETURN_VISIT, S.RECTIFIED, S.CLOSED, returnVisitAt]);
          }
        }
      }
      const rectification = await manager.save(manager.create(Rectification, row));
      for (const [action, fromStatus, toStatus, at] of steps) {
        events.push({ tenantId: tenant.id, rectificationId: rectification.id, action, fromStatus, toStatus, actorId: action === RectificationAction.OPEN ? (evaluation.recordedById ?? null) : admin.id, at });
      }
    };
    for (const [i, spec] of BAD.entries()) await open(byCase.get(bad[i].id)!, spec);
    await open(byCase.get(fresh.id)!, null);
    await manager.insert(RectificationEvent, events as never);
    if (saved.filter((e) => BAD_LEVELS.includes(e.level)).length !== BAD.length + 1) throw new Error('seed: unexpected 差评 count');
  }
}
