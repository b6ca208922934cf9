import { EntityManager } from 'typeorm';
import { Department, DepartmentKind, Tenant, User } from '../src/modules/tenancy/entities';
import { Role } from '../src/auth/roles';
import { CoordinationPoint, CoordinationPointKind, CoordinationSide, Responsibility, ResponsibilityAssignment, WorkArea } from '../src/modules/coordination/entities';

/** 鞍山市: whose 工作衔接机制的若干规定 these are. */
const ANSHAN = '210300';

const { APPROVAL_BUREAU, CENTRE } = DepartmentKind;

/** The departments the document names that every centre's seed lacks. */
const DEPARTMENTS: { name: string; kind: DepartmentKind }[] = [
  { name: '鞍山市行政审批局办公室', kind: APPROVAL_BUREAU },
  { name: '鞍山市行政审批局政策法规科', kind: APPROVAL_BUREAU },
  { name: '鞍山市行政审批局网络平台科', kind: APPROVAL_BUREAU },
  { name: '鞍山市行政审批局审批业务一科', kind: APPROVAL_BUREAU },
  { name: '鞍山市政务服务中心', kind: CENTRE },
  { name: '党政群工作部', kind: CENTRE },
  { name: '后勤保障部', kind: CENTRE },
];

/** Demo accounts: the two leaders and a clerk at each routing point. */
const ACCOUNTS: { username: string; displayName: string; department: string; role: Role }[] = [
  { username: 'bureau_leader.210300', displayName: '高志远', department: '鞍山市行政审批局', role: Role.LEADER },
  { username: 'centre_leader.210300', displayName: '林晓东', department: '鞍山市政务服务中心', role: Role.LEADER },
  { username: 'bureau_office.210300', displayName: '郑雪', department: '鞍山市行政审批局办公室', role: Role.CENTRE_ADMIN },
  { username: 'bureau_coordination.210300', displayName: '韩冰', department: '鞍山市行政审批局业务协调科', role: Role.CENTRE_ADMIN },
  { username: 'general_office.210300', displayName: '冯佳', department: '党政群工作部', role: Role.CENTRE_ADMIN },
  { username: 'centre_coordination.210300', displayName: '曹宁', department: '业务协调部', role: Role.CENTRE_ADMIN },
];

const POINTS: [CoordinationPointKind, string][] = [
  [CoordinationPointKind.BUREAU_OFFICE, '鞍山市行政审批局办公室'],
  [CoordinationPointKind.BUREAU_COORDINATION, '鞍山市行政审批局业务协调科'],
  [CoordinationPointKind.CENTRE_GENERAL_OFFICE, '党政群工作部'],
  [CoordinationPointKind.CENTRE_COORDINATION, '业务协调部'],
];

const OFFICE = '鞍山市行政审批局办公室';
const COORDINATION_SECTION = '鞍山市行政审批局业务协调科';
const POLICY = '鞍山市行政审批局政策法规科';
const NETWORK = '鞍山市行政审批局网络平台科';
const { LEAD, ASSIST } = Responsibility;

/** 三、交叉事项 1–18 as the document assigns them (19 未尽事宜 goes to consultation: no rows). */
const MATRIX: [WorkArea, string, Responsibility, string][] = [
  [WorkArea.COMPREHENSIVE_INTAKE, COORDINATION_SECTION, LEAD, '分类综合接件办理模式的制度规范、形式审查要点制定修改完善'],
  [WorkArea.COMPREHENSIVE_INTAKE, '窗口服务部', LEAD, '组织实施窗口接件及发证、咨询解答、礼仪培训、考核管理、与邮政窗口对接'],
  [WorkArea.PROCESS_STANDARDS, COORDINATION_SECTION, LEAD, '业务流程再造、环节优化、服务创新，对派驻窗口宏观指导和规范管理'],
  [WorkArea.PROCESS_STANDARDS, '业务协调部', ASSIST, '协助局业务协调科做好服务工作，对其它派驻窗口具体指导'],
  [WorkArea.STATISTICS, COORDINATION_SECTION, LEAD, '审批局业务事项综合汇总及审批业务科办件量统计'],
  [WorkArea.STATISTICS, '业务协调部', LEAD, '各派驻窗口办件量统计及帮办代办信息，汇总后报局业务协调科'],
  [WorkArea.MATTER_GUIDES, POLICY, LEAD, '统筹组织局各审批业务科编制办事指南并公开公示'],
  [WorkArea.MATTER_GUIDES, '业务协调部', ASSIST, '协助组织各派驻窗口编制集中办理事项办事指南并公开公示'],
  [WorkArea.APPROVAL_COORDINATION, COORDINATION_SECTION, LEAD, '局审批业务科提出的会商由其牵头组织'],
  [WorkArea.APPROVAL_COORDINATION, '业务协调部', LEAD, '派驻窗口提出的会商由其牵头组织'],
  [WorkArea.PROJECT_SERVICE, COORDINATION_SECTION, LEAD, '组织局各审批业务科开展审批服务；起草“多评合一”“多图联审”“联合验收”工作细则'],
  [WorkArea.PROJECT_SERVICE, '业务协调部', LEAD, '帮办代办：重点项目接待，重点建设项目专区具体实施'],
  [WorkArea.PLATFORM_BUILDING, NETWORK, LEAD, '政务服务平台、12345热线等信息化平台的规划建设、统筹协调和监督指导'],
  [WorkArea.PLATFORM_BUILDING, '技术服务部', LEAD, '信息化平台应用推广，与大数据共享交换平台、事项库等系统数据对接'],
  [WorkArea.PLATFORM_MANAGEMENT, NETWORK, LEAD, '信息化平台标准规范和管理办法'],
  [WorkArea.PLATFORM_MANAGEMENT, '技术服务部', LEAD, '管理制度落实，平台、机房、网络、设备运维，运维服务采购验收，正版化软件管理'],
  [WorkArea.NETWORK_SECURITY, NETWORK, LEAD, '协调解决网络安全重大问题，编制网络安全制度文件、工作计划'],
  [WorkArea.NETWORK_SECURITY, '技术服务部', LEAD, '平台及安全设备安全运维，大厅网络安全日常管理、应急处置、宣传培训演练'],
  [WorkArea.WINDOW_LIAISON, OFFICE, LEAD, '与派驻部门沟通协调事务性工作'],
  [WorkArea.WINDOW_LIAISON, COORDINATION_SECTION, LEAD, '与派驻窗口沟通协调业务性工作（视业务类型）'],
  [WorkArea.WINDOW_LIAISON, POLICY, ASSIST, '与派驻窗口沟通协调业务性工作（视业务类型）'],
  [WorkArea.WINDOW_LIAISON, NETWORK, ASSIST, '派驻部门人员信息、网络、信息化设备调整'],
  [WorkArea.WINDOW_LIAISON, '业务协调部', LEAD, '与局对接，组织派驻窗口落实相关工作'],
  [WorkArea.ADMISSION_AND_EXIT, COORDINATION_SECTION, LEAD, '组织协调派驻窗口集中办理事项'],
  [WorkArea.ADMISSION_AND_EXIT, POLICY, ASSIST, '组织各审批业务科承接划转事项'],
  [WorkArea.ADMISSION_AND_EXIT, NETWORK, ASSIST, '集中办理事项纳入全市政务服务平台统一管理'],
  [WorkArea.ADMISSION_AND_EXIT, '业务协调部', ASSIST, '协助落实派驻窗口集中办理事项相关事宜'],
  [WorkArea.OPERATIONS_SUPPORT, OFFICE, LEAD, '统筹大厅设备设施维护维修、装饰改造、公共秩序、停车、食堂管理等'],
  [WorkArea.OPERATIONS_SUPPORT, '后勤保障部', LEAD, '按工作程序组织实施'],
  [WorkArea.FINANCE, OFFICE, ASSIST, '配合中心履行财务手续，做好支付工作（中心对使用经费负责）'],
  [WorkArea.ASSETS, OFFICE, LEAD, '建立台账前暂负责固定资产统一管理'],
  [WorkArea.ASSETS, '党政群工作部', LEAD, '领取并统筹管理中心办公使用的固定资产'],
  [WorkArea.ASSETS, '窗口服务部', ASSIST, '咨询服务台、自助服务区及综合接件窗口的固定资产'],
  [WorkArea.ASSETS, '业务协调部', ASSIST, '各派驻部门窗口使用的固定资产'],
  [WorkArea.ASSETS, '后勤保障部', ASSIST, '大厅公共区域的固定资产，承办固定资产搬移、回收物品管理'],
  [WorkArea.RECEPTION, OFFICE, LEAD, '接待上级机关及相关单位参观学习考察：方案、日程、路线、摄影摄像、设备保障'],
  [WorkArea.RECEPTION, '窗口服务部', ASSIST, '讲解、演示'],
  [WorkArea.RECEPTION, '后勤保障部', ASSIST, '车辆引导停放、安全保障、环境卫生、食堂就餐'],
  [WorkArea.PRESS, POLICY, LEAD, '协调组织对接各类媒体采访及宣传报道'],
  [WorkArea.PRESS, '窗口服务部', ASSIST, '大厅讲解'],
  [WorkArea.PRESS, '后勤保障部', ASSIST, '秩序、安保'],
  [WorkArea.PRESS, '业务协调部', ASSIST, '涉及各派驻窗口相关事宜的协调落实'],
  [WorkArea.PUBLICITY, OFFICE, LEAD, '标语、宣传板、大屏幕的统一管理'],
  [WorkArea.PUBLICITY, POLICY, ASSIST, '宣传展示内容把关'],
  [WorkArea.PUBLICITY, NETWORK, ASSIST, '制作和播放LED大屏幕内容'],
  [WorkArea.PUBLICITY, '后勤保障部', LEAD, '具体执行'],
  [WorkArea.PETITIONS_AND_EMERGENCIES, OFFICE, LEAD, '信访及突发事件应急工作'],
  [WorkArea.PETITIONS_AND_EMERGENCIES, '后勤保障部', LEAD, '与局办公室通力配合'],
];

/**
 * 鞍山's 工作衔接 (衔接 二, 三): its missing departments, the two leaders and a clerk at each
 * routing point, the routing points and the responsibility matrix. Idempotent.
 */
export async function seedCoordination(manager: EntityManager, tenants: Map<string, Tenant>, passwordHash: string): Promise<void> {
  const tenant = tenants.get(ANSHAN);
  if (!tenant) return;
  const byName = new Map((await manager.find(Department, { where: { tenantId: tenant.id } })).map((d) => [d.name, d]));
  const missing = DEPARTMENTS.filter((d) => !byName.has(d.name)).map((d) => manager.create(Department, { tenantId: tenant.id, name: d.name, kind: d.kind }));
  for (const department of await manager.save(missing)) byName.set(department.name, department);
  const department = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`seed: no department ${name} in ${ANSHAN}`);
    return found;
  };

  const taken = new Set((await manager.find(User, { where: { tenantId: tenant.id }, select: { username: true } })).map((u) => u.username));
  const accounts = ACCOUNTS.filter((a) => !taken.has(a.username)).map((a, i) =>
    manager.create(User, {
      tenantId: tenant.id,
      departmentId: department(a.department).id,
      username: a.username,
      displayName: a.displayName,
      roles: [a.role],
      passwordHash,
      phone: `1380412${String(i).padStart(4, '0')}`,
      idNumber: null,
      active: true,
      tokenVersion: 0,
    }),
  );
  await manager.save(accounts);

  if ((await manager.count(CoordinationPoint, { where: { tenantId: tenant.id } })) === 0) {
    await manager.insert(
      CoordinationPoint,
      POINTS.map(([point, name]) => ({ tenantId: tenant.id, point, departmentId: department(name).id })),
    );
  }
  if ((await manager.count(ResponsibilityAssignment, { where: { tenantId: tenant.id } })) === 0) {
    await manager.insert(
      ResponsibilityAssignment,
      MATRIX.map(([area, name, responsibility, duties]) => ({
        tenantId: tenant.id,
        area,
        side: department(name).kind === APPROVAL_BUREAU ? CoordinationSide.BUREAU : CoordinationSide.CENTRE,
        departmentId: department(name).id,
        responsibility,
        duties,
      })),
    );
  }
}
