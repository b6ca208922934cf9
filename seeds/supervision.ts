import { EntityManager, In } from 'typeorm';
import { Department, Tenant, User } from '../src/modules/tenancy/entities';
import { NationalCalendarDay } from '../src/modules/calendar/entities';
import { WorkingCalendar } from '../src/modules/calendar/working-calendar';
import { Application, ApplicationStatus } from '../src/modules/applications/entities';
import {
  CaseSample,
  SupervisionNoticeAction,
  SupervisionNoticeCause,
  SupervisionNoticeStatus,
  SampledCase,
  SamplingProblem,
  SamplingVerdict,
  SupervisionNotice,
  SupervisionNoticeEvent,
} from '../src/modules/supervision/entities';
import { drawSample } from '../src/modules/supervision/sampling';

/** 海城市 (鞍山): notices by hand in every state, and one sample with findings. */
const SUPERVISION_TENANT = '210381';
const DAY = 86_400_000;
/** A fixed seed, so the demo sample is the same on every database. */
export const DEMO_SAMPLE_SEED = '5eed0000000000000000000000210381';

interface NoticeSeed {
  department: string;
  reason: string;
  issuedDaysAgo: number;
  status: SupervisionNoticeStatus;
  reply?: { cause: string; correction: string };
  sentBack?: string;
  escalated?: boolean;
}

const NOTICES: NoticeSeed[] = [
  {
    department: '{t}不动产登记中心',
    reason: '视频监控发现：B02窗口工作时间连续40分钟无人在岗，未放置暂停服务提示牌。',
    issuedDaysAgo: 20,
    status: SupervisionNoticeStatus.ACCEPTED,
    reply: { cause: '窗口人员临时外出取件，B岗未及时补位。', correction: '已重申AB岗制度，外出须由B岗接替并放置提示牌。' },
  },
  {
    department: '{t}市场监督管理局',
    reason: '视频监控发现：窗口人员在岗期间使用手机处理私事，服务对象排队等候。',
    issuedDaysAgo: 6,
    status: SupervisionNoticeStatus.REPLIED,
    reply: { cause: '个别人员纪律意识不强。', correction: '已批评教育并在科室内通报。' },
    sentBack: '整改措施未落实到人，请写明责任人及后续检查安排。',
  },
  {
    department: '{t}人力资源和社会保障局',
    reason: '办件抽查发现：社保关系转移办件缺少申请人签字的申请表。',
    issuedDaysAgo: 10,
    status: SupervisionNoticeStatus.AWAITING_REPLY,
    escalated: true,
  },
  {
    department: '{t}公安局',
    reason: '视频监控发现：A05窗口未按规定佩戴工作牌。',
    issuedDaysAgo: 0,
    status: SupervisionNoticeStatus.AWAITING_REPLY,
  },
];

/** Demo 督办单 and 办件抽查 (锦州 第十一条). Written once: a centre with notices gets none. */
export async function seedSupervision(manager: EntityManager, tenants: Map<string, Tenant>, now: Date): Promise<void> {
  const tenant = tenants.get(SUPERVISION_TENANT);
  if (!tenant || (await manager.count(SupervisionNotice, { where: { tenantId: tenant.id } })) > 0) return;
  const calendar = new WorkingCalendar(tenant.timeZone, await manager.find(NationalCalendarDay));
  const departments = new Map((await manager.find(Department, { where: { tenantId: tenant.id } })).map((d) => [d.name, d]));
  const supervisor = await manager.findOneByOrFail(User, { username: `supervisor.${tenant.code}` });
  const admin = await manager.findOneByOrFail(User, { username: `centre_admin.${tenant.code}` });
  const staffOf = async (departmentId: number) => manager.findOneBy(User, { tenantId: tenant.id, departmentId });

  for (const seed of NOTICES) {
    const department = departments.get(seed.department.replace('{t}', tenant.name));
    if (!department) continue;
    const replier = await staffOf(department.id);
    const issuedAt = new Date(now.getTime() - seed.issuedDaysAgo * DAY - 3600_000);
    const replyDueAt = calendar.deadline(issuedAt, 1);
    const repliedAt = seed.reply ? new Date(issuedAt.getTime() + 4 * 3600_000) : null;
    const notice = await manager.save(
      manager.create(SupervisionNotice, {
        tenantId: tenant.id,
        causeKind: SupervisionNoticeCause.MANUAL,
        causeId: null,
        causeRound: 1,
        status: seed.status,
        departmentId: department.id,
        personId: null,
        reason: seed.reason,
        issuedById: supervisor.id,
        issuedAt,
        replyDueAt: seed.sentBack && repliedAt ? calendar.deadline(new Date(repliedAt.getTime() + 3600_000), 1) : replyDueAt,
        replyCause: seed.reply?.cause ?? null,
        replyCorrection: seed.reply?.correction ?? null,
        repliedById: seed.reply ? (replier?.id ?? admin.id) : null,
        repliedAt: seed.sentBack && repliedAt ? new Date(repliedAt.getTime() + 2 * 3600_000) : repliedAt,
        sendBacks: seed.sentBack ? 1 : 0,
        sendBackReason: seed.sentBack ?? null,
        escalatedAt: seed.escalated ? new Date(replyDueAt.getTime() + 60_000) : null,
        acceptedAt: seed.status === SupervisionNoticeStatus.ACCEPTED && repliedAt ? new Date(repliedAt.getTime() + 3600_000) : null,
        checkRun: null,
        escalationRun: null,
      }),
    );
    const events: Partial<SupervisionNoticeEvent>[] = [{ action: SupervisionNoticeAction.ISSUE, toStatus: SupervisionNoticeStatus.AWAITING_REPLY, actorId: supervisor.id, at: issuedAt }];
    if (seed.escalated) events.push({ action: SupervisionNoticeAction.ESCALATE, toStatus: SupervisionNoticeStatus.AWAITING_REPLY, actorId: null, at: notice.escalatedAt! });
    if (repliedAt) events.push({ action: SupervisionNoticeAction.REPLY, toStatus: SupervisionNoticeStatus.REPLIED, actorId: notice.repliedById, at: repliedAt });
    if (seed.sentBack && repliedAt) {
      events.push({ action: SupervisionNoticeAction.SEND_BACK, toStatus: SupervisionNoticeStatus.AWAITING_REPLY, actorId: supervisor.id, at: new Date(repliedAt.getTime() + 3600_000), note: seed.sentBack });
      events.push({ action: SupervisionNoticeAction.REPLY, toStatus: SupervisionNoticeStatus.REPLIED, actorId: notice.repliedById, at: notice.repliedAt! });
    }
    if (notice.acceptedAt) events.push({ action: SupervisionNoticeAction.ACCEPT, toStatus: SupervisionNoticeStatus.ACCEPTED, actorId: supervisor.id, at: notice.acceptedAt });
    await manager.insert(SupervisionNoticeEvent, events.map((event) => ({ note: '', ...event, tenantId: tenant.id, noticeId: notice.id })));
  }

  // 办件抽查: five finished cases of the last 60 days, drawn with a fixed seed; three inspected.
  const from = calendar.localDate(new Date(now.getTime() - 60 * DAY));
  const to = calendar.localDate(now);
  const finished = await manager
    .createQueryBuilder(Application, 'a')
    .select('a.id', 'id')
    .where('a.tenantId = :tenantId AND a.status IN (:...decided) AND a.decidedAt >= :from AND a.decidedAt < :to', {
      tenantId: tenant.id,
      decided: [ApplicationStatus.APPROVED, ApplicationStatus.DENIED, ApplicationStatus.RESULT_READY, ApplicationStatus.DELIVERED],
      from: calendar.instantAt(from, 0),
      to: calendar.instantAt(WorkingCalendar.nextDate(to), 0),
    })
    .orderBy('a.id')
    .getRawMany<{ id: number }>();
  const population = finished.map((row) => Number(row.id));
  if (population.length === 0) return;
  const picked = drawSample(population, 5, DEMO_SAMPLE_SEED);
  const sample = await manager.save(
    manager.create(CaseSample, { tenantId: tenant.id, fromDate: from, toDate: to, departmentId: null, size: 5, population: population.length, seed: DEMO_SAMPLE_SEED, drawnById: supervisor.id, drawnAt: now }),
  );
  const findings: { verdict: SamplingVerdict; problems: SamplingProblem[]; note: string }[] = [
    { verdict: SamplingVerdict.COMPLIANT, problems: [], note: '材料齐全，程序合规，按时办结。' },
    { verdict: SamplingVerdict.NON_COMPLIANT, problems: [SamplingProblem.INCOMPLETE_MATERIALS, SamplingProblem.IRREGULAR_PROCEDURE], note: '缺少申请人签字的申请表；受理前未核验原件。' },
    { verdict: SamplingVerdict.COMPLIANT, problems: [], note: '' },
  ];
  const cases = await manager.find(Application, { where: { id: In(picked) } });
  const inspectedAt = new Date(now.getTime() - 3600_000);
  await manager.insert(
    SampledCase,
    picked.map((applicationId, i) => ({
      tenantId: tenant.id,
      sampleId: sample.id,
      position: i + 1,
      applicationId: cases.find((c) => c.id === applicationId)!.id,
      verdict: findings[i]?.verdict ?? SamplingVerdict.PENDING,
      problems: findings[i]?.problems ?? [],
      note: findings[i]?.note ?? '',
      inspectedById: findings[i] ? supervisor.id : null,
      inspectedAt: findings[i] ? inspectedAt : null,
      version: 1,
    })),
  );
}
