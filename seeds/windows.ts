import { EntityManager, In, ObjectLiteral } from 'typeorm';
import { Department, DepartmentKind, Tenant, TenantLevel, User } from '../src/modules/tenancy/entities';
import { Role } from '../src/auth/roles';
import { Matter } from '../src/modules/matters/entities';
import {
  EmptyPostCause,
  EmptyPostEvent,
  HallHours,
  LunchDutyRota,
  PostSignOff,
  StaffAbsence,
  AbsenceKind,
  Window,
  WindowKind,
  WindowMatter,
  WindowPost,
  WindowPostRole,
  WindowStatus,
  WindowStatusChange,
} from '../src/modules/windows/entities';

export interface WindowSeedContext {
  tenants: Map<string, Tenant>;
  /** Keyed `${tenantId}:${department name}`. */
  departments: Map<string, Department>;
  /** bcrypt hash of SEED_PASSWORD, shared by every demo account. */
  passwordHash: string;
}

/** The non-department windows of every centre, after one DEPARTMENT window per stationed department. */
const OTHER_WINDOWS: { kind: WindowKind; name: string }[] = [
  { kind: WindowKind.AGENCY, name: '帮办代办窗口' },
  { kind: WindowKind.CONVENIENCE, name: '便民服务窗口' },
  { kind: WindowKind.ISSUANCE, name: '统一出件窗口' },
  { kind: WindowKind.CONSULTATION, name: '咨询服务窗口' },
  { kind: WindowKind.PAYMENT, name: '银行收费窗口' },
];

/** Display names of window staff, taken in turn. */
const STAFF_NAMES = [
  '高明', '林晓燕', '郭建华', '何丽娟', '罗文', '梁雪', '宋志强', '谢婷婷', '韩冰', '唐亮',
  '冯晓东', '于佳', '董浩', '萧静', '程刚', '曹颖', '袁野', '邓红', '许凯', '傅琳',
  '沈阳光', '曾敏', '彭磊', '吕娜', '苏航', '卢倩', '蒋涛', '蔡芸',
];

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A well-formed (fictional) resident ID (GB 11643 check character) for staff member n of a centre. */
function staffIdNumber(regionCode: string, n: number): string {
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + ((n * 7) % 28)).padStart(2, '0');
  const body = `${regionCode}${1975 + (n % 25)}${month}${day}${String(500 + n).slice(-3)}`;
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

async function insertMissing<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await manager.insert(entity, rows.slice(i, i + 100) as T[]);
}

interface WindowPlan {
  number: string;
  name: string;
  hall: string;
  kind: WindowKind;
  department: Department;
  /** Staff member n holds post A here; n - 1 (wrapping) holds post B. */
  staff: string;
}

/** The 14 windows of a centre: A01 综合受理, A02–A09 one per stationed department, A10–A14 the rest. */
function windowPlans(tenant: Tenant, departments: Department[]): WindowPlan[] {
  const ofTenant = departments.filter((d) => d.tenantId === tenant.id).sort((a, b) => a.id - b.id);
  const service = ofTenant.find((d) => d.kind === DepartmentKind.CENTRE && d.name === '窗口服务部');
  if (!service) throw new Error(`seed: no 窗口服务部 in ${tenant.code}`);
  const specs = [
    { kind: WindowKind.COMPREHENSIVE, name: '综合受理窗口', department: service },
    ...ofTenant
      .filter((d) => d.kind === DepartmentKind.FUNCTIONAL)
      .map((d) => ({ kind: WindowKind.DEPARTMENT, name: `${d.name}窗口`, department: d })),
    ...OTHER_WINDOWS.map((w) => ({ ...w, department: service })),
  ];
  return specs.map((spec, i) => {
    const nn = String(i + 1).padStart(2, '0');
    return { ...spec, number: `A${nn}`, hall: i < 7 ? '一楼A区' : '一楼B区', staff: `staff${nn}.${tenant.code}` };
  });
}

/**
 * Demo windows of every city, county and district centre: 14 windows (one per kind, and
 * one DEPARTMENT window per stationed department), 14 staff accounts holding their A and
 * B posts, the matters of each window's department, and a lunch rota for the 综合受理
 * window. The 综合受理 window runs in 综合受理 mode (it takes every matter), and the
 * centre's demo clerk `window_staff.<code>` is its chief representative, so the clerk
 * may accept there. Idempotent: rows are matched by their natural keys (username, window number,
 * window and post, window and matter, window) and only missing ones are inserted.
 */
export async function seedWindows(manager: EntityManager, seed: WindowSeedContext): Promise<void> {
  const centres = [...seed.tenants.values()]
    .filter((t) => t.level === TenantLevel.CITY || t.level === TenantLevel.COUNTY || t.level === TenantLevel.DISTRICT)
    .sort((a, b) => a.code.localeCompare(b.code));
  if (centres.length === 0) return;
  const centreIds = centres.map((t) => t.id);
  const plans = new Map(centres.map((t) => [t.id, windowPlans(t, [...seed.departments.values()])]));
  const allPlans = [...plans.values()].flat();

  // 1. staff accounts
  const usernames = allPlans.map((p) => p.staff);
  const existingUsers = new Set((await manager.find(User, { select: { username: true }, where: { username: In(usernames) } })).map((u) => u.username));
  await insertMissing(
    manager,
    User,
    centres.flatMap((tenant, t) =>
      plans
        .get(tenant.id)!
        .map((plan, i) => ({ plan, i }))
        .filter(({ plan }) => !existingUsers.has(plan.staff))
        .map(({ plan, i }) => ({
          tenantId: tenant.id,
          departmentId: plan.department.id,
          username: plan.staff,
          displayName: STAFF_NAMES[(t * 5 + i) % STAFF_NAMES.length],
          roles: [Role.WINDOW_STAFF],
          passwordHash: seed.passwordHash,
          phone: `137${tenant.code.slice(2)}${String(i + 1).padStart(4, '0')}`,
          idNumber: staffIdNumber(tenant.code, i + 1),
          active: true,
          tokenVersion: 0,
        })),
    ),
  );
  const staff = new Map((await manager.find(User, { where: { username: In(usernames) } })).map((u) => [u.username, u.id]));
  const staffId = (username: string) => staff.get(username)!;

  // 2. windows; the chief representative of a DEPARTMENT window is its A post, of the 综合受理 window the demo clerk
  const clerks = new Map(
    (await manager.find(User, { where: { username: In(centres.map((t) => `window_staff.${t.code}`)) } })).map((u) => [u.tenantId, u.id]),
  );
  const windowKey = (tenantId: number, number: string) => `${tenantId}:${number}`;
  const existingWindows = new Set((await manager.find(Window, { where: { tenantId: In(centreIds) } })).map((w) => windowKey(w.tenantId, w.number)));
  await insertMissing(
    manager,
    Window,
    centres.flatMap((tenant) =>
      plans
        .get(tenant.id)!
        .filter((plan) => !existingWindows.has(windowKey(tenant.id, plan.number)))
        .map((plan) => ({
          tenantId: tenant.id,
          number: plan.number,
          name: plan.name,
          hall: plan.hall,
          kind: plan.kind,
          departmentId: plan.department.id,
          chiefRepresentativeId: plan.kind === WindowKind.DEPARTMENT ? staffId(plan.staff) : plan.kind === WindowKind.COMPREHENSIVE ? (clerks.get(tenant.id) ?? null) : null,
          comprehensiveIntake: plan.kind === WindowKind.COMPREHENSIVE,
          status: WindowStatus.OPEN,
        })),
    ),
  );
  const windows = new Map((await manager.find(Window, { where: { tenantId: In(centreIds) } })).map((w) => [windowKey(w.tenantId, w.number), w]));
  const windowOf = (tenant: Tenant, plan: WindowPlan) => windows.get(windowKey(tenant.id, plan.number))!;

  // 3. 准入: every window's history starts with its opening
  const opened = new Set((await manager.find(WindowStatusChange, { select: { windowId: true }, where: { tenantId: In(centreIds) } })).map((c) => c.windowId));
  const at = new Date(Date.UTC(2026, 0, 4, 0, 0, 0));
  await insertMissing(
    manager,
    WindowStatusChange,
    [...windows.values()]
      .filter((w) => !opened.has(w.id))
      .map((w) => ({ tenantId: w.tenantId, windowId: w.id, status: WindowStatus.OPEN, reason: '窗口设立: window created', actorId: null, at })),
  );

  // 4. AB岗: staff n holds A of window n and B of window n + 1 (wrapping)
  const postKey = (windowId: number, post: WindowPostRole) => `${windowId}:${post}`;
  const existingPosts = new Set((await manager.find(WindowPost, { where: { tenantId: In(centreIds) } })).map((p) => postKey(p.windowId, p.post)));
  const posts = centres.flatMap((tenant) => {
    const list = plans.get(tenant.id)!;
    return list.flatMap((plan, i) => {
      const window = windowOf(tenant, plan);
      const previous = list[(i + list.length - 1) % list.length];
      return [
        { tenantId: tenant.id, windowId: window.id, post: WindowPostRole.A, userId: staffId(plan.staff) },
        { tenantId: tenant.id, windowId: window.id, post: WindowPostRole.B, userId: staffId(previous.staff) },
      ];
    });
  });
  await insertMissing(manager, WindowPost, posts.filter((p) => !existingPosts.has(postKey(p.windowId, p.post))));

  // 5. each window serves the matters of its department (there may be none yet)
  const matters = await manager.find(Matter, { select: { id: true, tenantId: true, departmentId: true }, where: { tenantId: In(centreIds) } });
  const linkKey = (windowId: number, matterId: number) => `${windowId}:${matterId}`;
  const existingLinks = new Set((await manager.find(WindowMatter, { where: { tenantId: In(centreIds) } })).map((l) => linkKey(l.windowId, l.matterId)));
  const links = [...windows.values()].flatMap((w) =>
    matters
      .filter((m) => m.tenantId === w.tenantId && m.departmentId === w.departmentId)
      .map((m) => ({ tenantId: w.tenantId, windowId: w.id, matterId: m.id })),
  );
  await insertMissing(manager, WindowMatter, links.filter((l) => !existingLinks.has(linkKey(l.windowId, l.matterId))));

  // 6. 延时服务: the 综合受理 window's A and B posts take turns at lunch (A in the first half)
  const rotaWindows = new Set((await manager.find(LunchDutyRota, { select: { windowId: true }, where: { tenantId: In(centreIds) } })).map((r) => r.windowId));
  await insertMissing(
    manager,
    LunchDutyRota,
    centres.flatMap((tenant) => {
      const list = plans.get(tenant.id)!;
      const window = windowOf(tenant, list[0]);
      if (rotaWindows.has(window.id)) return [];
      return [{ tenantId: tenant.id, windowId: window.id, groupOneIds: [staffId(list[0].staff)], groupTwoIds: [staffId(list[list.length - 1].staff)] }];
    }),
  );
}

/** Local (Asia/Shanghai) wall-clock time of a demo day as an instant. */
const local = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * 大厅办公时间 of two demo centres (the rest keep the default 09:00–12:00, 13:30–17:00):
 * 锦州市 sets 三明's "朝九晚五" as its plan spells it out (上午9:00—12:00, 下午1:30—5:00),
 * and 海勃湾区 stays open through noon. Then a short history of 海城市 with two empty
 * posts (空岗): 林晓燕 (staff02, B post of A03) on leave 6–8 January 2026, and 郭建华
 * (staff03, its A post) leaving the post twice (离岗), so A03 had nobody on post. The
 * rows agree with each other, as the services would have written them.
 */
export async function seedHallHistory(manager: EntityManager, tenants: Map<string, Tenant>): Promise<void> {
  const hours = [
    { code: '210700', opensAt: '09:00', closesAt: '17:00', lunchStartsAt: '12:00', lunchEndsAt: '13:30' },
    { code: '150302', opensAt: '09:00', closesAt: '17:00', lunchStartsAt: null, lunchEndsAt: null },
  ].filter((h) => tenants.has(h.code));
  const withHours = new Set((await manager.find(HallHours)).map((h) => h.tenantId));
  await insertMissing(
    manager,
    HallHours,
    hours.map(({ code, ...h }) => ({ tenantId: tenants.get(code)!.id, ...h })).filter((h) => !withHours.has(h.tenantId)),
  );

  const haicheng = tenants.get('210381');
  if (!haicheng || (await manager.count(EmptyPostEvent, { where: { tenantId: haicheng.id } })) > 0) return;
  const user = (username: string) => manager.findOneByOrFail(User, { username });
  const [onLeave, leaving] = [await user('staff02.210381'), await user('staff03.210381')];
  const a03 = await manager.findOneByOrFail(Window, { tenantId: haicheng.id, number: 'A03' });
  await manager.insert(StaffAbsence, {
    tenantId: haicheng.id,
    userId: onLeave.id,
    kind: AbsenceKind.LEAVE,
    startsAt: local('2026-01-06', '00:00'),
    endsAt: local('2026-01-09', '00:00'),
    reason: '年休假',
    createdById: null,
    cancelled: false,
  });
  for (const [date, left, back, reason] of [
    ['2026-01-06', '10:05', '10:20', '到档案室调取材料'],
    ['2026-01-07', '15:40', '16:10', '身体不适'],
  ]) {
    const stretch = { startsAt: local(date, left), endsAt: local(date, back) };
    await manager.insert(PostSignOff, { tenantId: haicheng.id, userId: leaving.id, leftAt: stretch.startsAt, returnedAt: stretch.endsAt, endsBy: local(date, '17:00'), reason });
    await manager.insert(EmptyPostEvent, { tenantId: haicheng.id, windowId: a03.id, ...stretch, cause: EmptyPostCause.LEFT_POST, userId: leaving.id });
  }
}
