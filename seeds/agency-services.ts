import { EntityManager } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { AgencyService, AgencyServiceKind, Application } from '../src/modules/applications/entities';

/** 帮办代办 of 鞍山市 (衔接 三.6 项目服务): the first demo cases helped with, for key projects. */
const HELPED: { kind: AgencyServiceKind; projectName: string; note: string }[] = [
  { kind: AgencyServiceKind.KEY_PROJECT, projectName: '鞍山高新区智能装备产业园项目', note: '全程帮办：材料预审、陪同窗口递交' },
  { kind: AgencyServiceKind.KEY_PROJECT, projectName: '鞍山高新区智能装备产业园项目', note: '代办：代为领取并寄送结果' },
  { kind: AgencyServiceKind.MULTI_EVALUATION, projectName: '鞍山经济开发区新材料产业基地', note: '多评合一：环评、能评合并评审的材料组织' },
  { kind: AgencyServiceKind.HIGH_LEVEL_TALENT, projectName: '高层次人才创新创业项目（新能源电池研发）', note: '接待并协调人社、市场监管窗口' },
];

/** Written once: a tenant with records gets none. */
export async function seedAgencyServices(manager: EntityManager, tenants: Map<string, Tenant>): Promise<void> {
  const tenant = tenants.get('210300');
  if (!tenant || (await manager.count(AgencyService, { where: { tenantId: tenant.id } })) > 0) return;
  // The 帮办代办窗口 (A10, of the centre's 窗口服务部): 帮办代办 is the centre's service.
  const helper = await manager.findOneBy(User, { username: 'staff10.210300' });
  const cases = await manager.find(Application, { where: { tenantId: tenant.id }, order: { id: 'ASC' }, take: HELPED.length });
  if (!helper) return;
  await manager.insert(
    AgencyService,
    cases.map((application, i) => ({
      tenantId: tenant.id,
      applicationId: application.id,
      ...HELPED[i],
      helperId: helper.id,
      helpedAt: application.receivedAt,
      recordedById: helper.id,
      recordedAt: application.receivedAt,
      version: 1,
    })),
  );
}
