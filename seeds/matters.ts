import { EntityManager, In } from 'typeorm';
import { Department, Tenant, TenantLevel } from '../src/modules/tenancy/entities';
import { CrossRegionMatter, FeeItem, MaterialRequirement, Matter, MatterAcceptor, MatterStatus, ServiceObject } from '../src/modules/matters/entities';
import { CATALOGUE, CatalogueEntry, DEVIATING, DRAFT_CODES, JINZHOU_CODES, SUSPENDED_CODES, WUHAI_CODES } from './catalogue';

export interface MatterSeedContext {
  tenants: Map<string, Tenant>;
  /** Keyed `${tenantId}:${department name}`. */
  departments: Map<string, Department>;
}

/** Each city's own catalogue; its counties and districts adopt from it. */
const CITY_CATALOGUES: Record<string, string[]> = {
  '210300': CATALOGUE.map((e) => e.code),
  '210700': JINZHOU_CODES,
  '150300': WUHAI_CODES,
};

/** Which source matters a subordinate leaves unadopted: a few, different per tenant. */
function skipsAdoption(tenantIndex: number, entryIndex: number, total: number): boolean {
  return entryIndex === (tenantIndex * 3) % total || entryIndex === (tenantIndex * 5 + 1) % total;
}

function departmentId(seed: MatterSeedContext, tenant: Tenant, template: string): number {
  const department = seed.departments.get(`${tenant.id}:${template.replace('{t}', tenant.name)}`);
  if (!department) throw new Error(`seed: no department ${template} in ${tenant.code}`);
  return department.id;
}

function matterRow(seed: MatterSeedContext, tenant: Tenant, entry: CatalogueEntry, sourceMatterId: number | null, status: MatterStatus): Partial<Matter> {
  return {
    tenantId: tenant.id,
    name: entry.name,
    type: entry.type,
    basis: entry.basis,
    code: entry.code,
    legalLimitDays: entry.legal,
    acceptanceConditions: `申请人符合${entry.basis}规定的条件，申请材料齐全、符合法定形式`,
    intermediaryServices: '',
    serviceObjects: entry.objects ?? [ServiceObject.NATURAL_PERSON],
    category: entry.category,
    duties: `${entry.dept.replace('{t}', tenant.name)}负责${entry.name}的受理、审查和决定`,
    procedure: entry.promised === 0 ? '申请\n受理\n当场办结\n出件' : '申请\n受理\n审查\n决定\n统一出件',
    departmentId: departmentId(seed, tenant, entry.dept),
    jointDepartmentIds: (entry.joint ?? []).map((template) => departmentId(seed, tenant, template)),
    promisedLimitDays: entry.promised,
    consultationPhone: `0412-${String(5000000 + Number(tenant.code.slice(2))).slice(-7)}`,
    complaintPhone: '12345',
    address: `${tenant.name}政务服务中心一楼`,
    crossRegion: entry.crossRegion ?? false,
    acceptedBy: entry.acceptedBy ?? MatterAcceptor.WINDOW,
    sourceMatterId,
    status,
    suspendReason: status === MatterStatus.SUSPENDED ? '省级部门调整审批权限，暂停受理' : null,
  };
}

async function insertMatters(manager: EntityManager, rows: Partial<Matter>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await manager.insert(Matter, rows.slice(i, i + 100) as Matter[]);
}

/**
 * Demo catalogues: 鞍山市, 锦州市 and 乌海市 define theirs; their counties and districts
 * adopt most of the matters; 台安县 keeps one locally created, deviating matter.
 * Idempotent: a matter is matched by (tenant, code).
 */
export async function seedMatters(manager: EntityManager, seed: MatterSeedContext): Promise<void> {
  const byCode = new Map(CATALOGUE.map((e) => [e.code, e]));
  const existing = new Set((await manager.find(Matter, { select: { tenantId: true, code: true } })).map((m) => `${m.tenantId}:${m.code}`));
  const fresh = (tenant: Tenant, code: string) => !existing.has(`${tenant.id}:${code}`);
  const cities = [...seed.tenants.values()].filter((t) => t.level === TenantLevel.CITY && CITY_CATALOGUES[t.code]);

  // 1. the cities' own catalogues
  const cityRows = cities.flatMap((city) =>
    CITY_CATALOGUES[city.code]
      .filter((code) => fresh(city, code))
      .map((code) => {
        const status = city.code === '210300' && DRAFT_CODES.includes(code) ? MatterStatus.DRAFT
          : city.code === '210300' && SUSPENDED_CODES.includes(code) ? MatterStatus.SUSPENDED
          : MatterStatus.PUBLISHED;
        return matterRow(seed, city, byCode.get(code)!, null, status);
      }),
  );
  await insertMatters(manager, cityRows);
  const sources = await manager.find(Matter, { where: { tenantId: In(cities.map((c) => c.id)) } });

  // 2. adoptions by the subordinates, and 台安县's deviating local matter
  const subordinateRows: Partial<Matter>[] = [];
  // Sorted, so that which matters a tenant skips does not depend on row order.
  const subordinates = [...seed.tenants.values()]
    .filter((t) => t.level === TenantLevel.COUNTY || t.level === TenantLevel.DISTRICT)
    .sort((a, b) => a.code.localeCompare(b.code));
  subordinates.forEach((tenant, tenantIndex) => {
    const city = cities.find((c) => c.id === tenant.parentId);
    if (!city) return;
    const catalogue = sources.filter((m) => m.tenantId === city.id && m.status === MatterStatus.PUBLISHED).sort((a, b) => a.code.localeCompare(b.code));
    catalogue.forEach((source, entryIndex) => {
      if (!fresh(tenant, source.code)) return;
      if (tenant.code === DEVIATING.tenant && source.code === DEVIATING.code) {
        const entry = byCode.get(source.code)!;
        subordinateRows.push(matterRow(seed, tenant, { ...entry, legal: DEVIATING.legal, materials: [...entry.materials, DEVIATING.extraMaterial] }, null, MatterStatus.PUBLISHED));
        return;
      }
      if (skipsAdoption(tenantIndex, entryIndex, catalogue.length)) return;
      subordinateRows.push(matterRow(seed, tenant, byCode.get(source.code)!, source.id, MatterStatus.PUBLISHED));
    });
  });
  await insertMatters(manager, subordinateRows);

  // 3. materials and fee items of every matter that has none yet
  const all = await manager.find(Matter);
  const withMaterials = new Set((await manager.find(MaterialRequirement, { select: { matterId: true } })).map((m) => m.matterId));
  const materials: Partial<MaterialRequirement>[] = [];
  const fees: Partial<FeeItem>[] = [];
  for (const matter of all.filter((m) => !withMaterials.has(m.id))) {
    const entry = byCode.get(matter.code)!;
    const deviating = matter.sourceMatterId === null && seed.tenants.get(DEVIATING.tenant)?.id === matter.tenantId && matter.code === DEVIATING.code;
    const list = deviating ? [...entry.materials, DEVIATING.extraMaterial] : entry.materials;
    list.forEach(([name, required, form], position) =>
      materials.push({ tenantId: matter.tenantId, matterId: matter.id, position, name, required, form, copies: 1, notes: '' }),
    );
    (entry.fees ?? []).forEach(([name, basis, amountFen], position) =>
      fees.push({ tenantId: matter.tenantId, matterId: matter.id, position, name, basis, amountFen }),
    );
  }
  for (let i = 0; i < materials.length; i += 200) await manager.insert(MaterialRequirement, materials.slice(i, i + 200) as MaterialRequirement[]);
  for (let i = 0; i < fees.length; i += 200) await manager.insert(FeeItem, fees.slice(i, i + 200) as FeeItem[]);
}

/**
 * 全区通办清单: each province's cross-region list, the catalogue's cross-region matters
 * (内蒙古's published list has 156 items; the demo catalogue holds a few of them).
 */
export async function seedCrossRegionLists(manager: EntityManager, tenants: Map<string, Tenant>): Promise<void> {
  const provinces = [...tenants.values()].filter((t) => t.level === TenantLevel.PROVINCE);
  const rows = provinces.flatMap((province) => CATALOGUE.filter((e) => e.crossRegion).map((e) => ({ provinceCode: province.code, code: e.code, name: e.name })));
  await manager.createQueryBuilder().insert().into(CrossRegionMatter).values(rows).orIgnore().execute();
}
