import { EntityManager, In } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { Matter } from '../src/modules/matters/entities';
import { ContactLedgerEntry, ProblemCategory, ProblemLedgerEntry, ProblemStatus } from '../src/modules/collaboration/entities';

/** Centres with demo problems (问题台账): two districts of 乌海市, where the mechanism comes from. */
const PROBLEM_TENANTS = ['150302', '150304'];

interface ProblemSeed {
  category: ProblemCategory;
  description: string;
  status: ProblemStatus;
  /** Raised at, in Asia/Shanghai. */
  raisedAt: string;
  rectification?: string;
}

/**
 * Demo problems in every status, in January and February 2026 (fixed dates, so the data
 * is the same on every machine and other months stay empty).
 */
const PROBLEMS: ProblemSeed[] = [
  {
    category: ProblemCategory.MATERIALS,
    description: '两地对“申请人身份证件”复印件的要求不一致：受理地要求复印件，办理地要求原件扫描件，需统一材料要件',
    status: ProblemStatus.CLOSED,
    raisedAt: '2026-01-08T10:20:00+08:00',
    rectification: '已在“全区通办”工作群通报，两地统一按原件扫描件留存，材料清单已更新',
  },
  {
    category: ProblemCategory.DELAY,
    description: '办理地复核超过1个工作日未反馈，申请人多次来电询问办理进度',
    status: ProblemStatus.CLOSED,
    raisedAt: '2026-01-15T15:05:00+08:00',
    rectification: '已与办理地窗口约定每日下班前集中复核推送件，并纳入考勤考核',
  },
  {
    category: ProblemCategory.SYSTEM,
    description: '一体化平台推送转办时附件上传失败，需重复推送',
    status: ProblemStatus.RECTIFIED,
    raisedAt: '2026-02-03T09:40:00+08:00',
    rectification: '技术服务部已调整附件大小限制，待复核后销号',
  },
  {
    category: ProblemCategory.COORDINATION,
    description: '联系人台账中的事项负责人已调岗，业务办理遇阻时无法及时取得联系',
    status: ProblemStatus.ASSIGNED,
    raisedAt: '2026-02-10T11:30:00+08:00',
  },
  {
    category: ProblemCategory.PROCESS,
    description: '纸质材料寄送与办理结果邮寄分两次进行，流程不合理，建议合并寄送',
    status: ProblemStatus.RAISED,
    raisedAt: '2026-02-24T16:10:00+08:00',
  },
];

const STEPS: ProblemStatus[] = [ProblemStatus.RAISED, ProblemStatus.ASSIGNED, ProblemStatus.RECTIFIED, ProblemStatus.CLOSED];

/**
 * 联系人台账 for every cross-region matter (全区通办) of every centre that has some: the
 * responsible person is the staff member (staffNN.<code>) of the matter's department if
 * there is one, else the centre's window clerk (window_staff.<code>); the deputy is the
 * window clerk, or the 综合受理 window's staff01.<code> when the clerk is responsible.
 * 问题台账: a handful of problems in every status in 海勃湾区 and 乌达区.
 * Idempotent: a contact is matched by (tenant, matter); a centre that already has
 * problems gets none.
 */
export async function seedLedgers(manager: EntityManager, tenants: Map<string, Tenant>): Promise<void> {
  const crossRegion = await manager.find(Matter, {
    select: { id: true, tenantId: true, departmentId: true, code: true },
    where: { crossRegion: true },
    order: { tenantId: 'ASC', code: 'ASC' },
  });
  const tenantIds = [...new Set(crossRegion.map((m) => m.tenantId))];
  if (tenantIds.length > 0) {
    const staff = await manager.find(User, { select: { id: true, tenantId: true, departmentId: true, username: true, active: true }, where: { tenantId: In(tenantIds), active: true } });
    const byName = new Map(staff.map((u) => [u.username, u]));
    const codeOf = new Map([...tenants.values()].map((t) => [t.id, t.code]));
    const existing = new Set((await manager.find(ContactLedgerEntry, { select: { tenantId: true, matterId: true } })).map((e) => `${e.tenantId}:${e.matterId}`));
    const rows: Partial<ContactLedgerEntry>[] = [];
    for (const matter of crossRegion) {
      const code = codeOf.get(matter.tenantId);
      if (!code || existing.has(`${matter.tenantId}:${matter.id}`)) continue;
      const clerk = byName.get(`window_staff.${code}`);
      const departmentStaff = staff
        .filter((u) => u.tenantId === matter.tenantId && u.departmentId === matter.departmentId && /^staff\d\d\./.test(u.username))
        .sort((a, b) => a.username.localeCompare(b.username))[0];
      const responsible = departmentStaff ?? clerk;
      const deputy = responsible === clerk ? byName.get(`staff01.${code}`) : clerk;
      if (!responsible) continue;
      rows.push({ tenantId: matter.tenantId, matterId: matter.id, responsibleId: responsible.id, deputyId: deputy && deputy.id !== responsible.id ? deputy.id : null });
    }
    for (let i = 0; i < rows.length; i += 200) await manager.insert(ContactLedgerEntry, rows.slice(i, i + 200) as ContactLedgerEntry[]);
  }

  for (const code of PROBLEM_TENANTS) {
    const tenant = tenants.get(code);
    if (!tenant || (await manager.count(ProblemLedgerEntry, { where: { tenantId: tenant.id } })) > 0) continue;
    const matters = crossRegion.filter((m) => m.tenantId === tenant.id);
    const clerk = await manager.findOneBy(User, { username: `window_staff.${code}` });
    if (matters.length === 0 || !clerk) continue;
    const contacts = new Map((await manager.find(ContactLedgerEntry, { where: { tenantId: tenant.id } })).map((e) => [e.matterId, e]));
    const rows = PROBLEMS.map((seed, i) => {
      const matter = matters[(i * 3) % matters.length];
      const step = STEPS.indexOf(seed.status);
      const raisedAt = new Date(seed.raisedAt);
      return {
        tenantId: tenant.id,
        ticketId: null,
        matterId: matter.id,
        category: seed.category,
        description: seed.description,
        status: seed.status,
        raisedById: clerk.id,
        assigneeId: step >= 1 ? (contacts.get(matter.id)?.responsibleId ?? clerk.id) : null,
        rectification: step >= 2 ? (seed.rectification ?? null) : null,
        closedAt: step >= 3 ? new Date(raisedAt.getTime() + 3 * 86_400_000) : null,
        // one version per step taken
        version: step + 1,
        createdAt: raisedAt,
      };
    });
    await manager.insert(ProblemLedgerEntry, rows);
  }
}
