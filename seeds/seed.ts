import { DataSource, EntityManager } from 'typeorm';
import { Department, Tenant, TenantLevel, User } from '../src/modules/tenancy/entities';
import { Role } from '../src/auth/roles';
import { hashPassword } from '../src/auth/passwords';
import { TENANTS } from './tenants';
import { seedCrossRegionLists, seedMatters } from './matters';
import { seedHallHistory, seedWindows } from './windows';
import { seedCalendar } from './calendar';
import { seedAgencyServices } from './agency-services';
import { seedApplications } from './applications';
import { rebuildTenantRollups } from '../src/modules/applications/rollups';
import { seedLedgers } from './ledgers';
import { seedTickets } from './tickets';
import { seedComplaints } from './complaints';
import { seedEvaluations } from './evaluations';
import { seedFees } from './fees';
import { seedSupervision } from './supervision';
import { seedAppraisalRules } from './appraisal';
import { seedCoordination } from './coordination';
import { seedNotices } from './notices';
import holidays from './cn-public-holidays.json';
import { CENTRE_DEPARTMENTS, NAMES, PLATFORM_ADMIN, PROVINCE_DEPARTMENTS, ROLE_ACCOUNTS } from './people';

export interface SeedOptions {
  password: string;
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A well-formed (fictional) resident ID for a demo account. */
function demoIdNumber(regionCode: string, n: number): string {
  const body = `${regionCode}${1970 + (n % 30)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

async function seedTenants(manager: EntityManager): Promise<Map<string, Tenant>> {
  const byCode = new Map((await manager.find(Tenant)).map((t) => [t.code, t]));
  for (const seed of TENANTS) {
    if (byCode.has(seed.code)) continue;
    const parent = seed.parent ? byCode.get(seed.parent) : undefined;
    const tenant = await manager.save(
      manager.create(Tenant, {
        code: seed.code,
        name: seed.name,
        level: seed.level,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${seed.code}/`,
      }),
    );
    byCode.set(seed.code, tenant);
  }
  return byCode;
}

async function seedDepartments(manager: EntityManager, tenants: Map<string, Tenant>): Promise<Map<string, Department>> {
  const key = (tenantId: number, name: string) => `${tenantId}:${name}`;
  const existing = new Map((await manager.find(Department)).map((d) => [key(d.tenantId, d.name), d]));
  const missing: Department[] = [];
  for (const tenant of tenants.values()) {
    const seeds = tenant.level === TenantLevel.PROVINCE ? PROVINCE_DEPARTMENTS : CENTRE_DEPARTMENTS;
    for (const seed of seeds) {
      const name = seed.name.replace('{t}', tenant.name);
      if (!existing.has(key(tenant.id, name))) missing.push(manager.create(Department, { tenantId: tenant.id, name, kind: seed.kind }));
    }
  }
  for (const department of await manager.save(missing, { chunk: 100 })) existing.set(key(department.tenantId, department.name), department);
  return new Map([...existing.values()].map((d) => [key(d.tenantId, d.name), d]));
}

async function seedUsers(
  manager: EntityManager,
  tenants: Map<string, Tenant>,
  departments: Map<string, Department>,
  passwordHash: string,
): Promise<void> {
  const taken = new Set((await manager.find(User, { select: { username: true } })).map((u) => u.username));
  const department = (tenant: Tenant, template: string) => {
    const found = departments.get(`${tenant.id}:${template.replace('{t}', tenant.name)}`);
    if (!found) throw new Error(`seed: no department ${template} in ${tenant.code}`);
    return found;
  };
  const wanted: { username: string; tenant: Tenant; department: Department; roles: Role[] }[] = [];
  const platformTenant = tenants.get(PLATFORM_ADMIN.tenant)!;
  wanted.push({
    username: PLATFORM_ADMIN.username,
    tenant: platformTenant,
    department: department(platformTenant, PLATFORM_ADMIN.department),
    roles: [Role.PLATFORM_ADMIN],
  });
  for (const tenant of tenants.values()) {
    if (tenant.level === TenantLevel.PROVINCE) continue;
    for (const account of ROLE_ACCOUNTS) {
      wanted.push({
        username: `${account.role.toLowerCase()}.${tenant.code}`,
        tenant,
        department: department(tenant, account.department),
        roles: [account.role],
      });
    }
  }
  const missing = wanted.filter((w) => !taken.has(w.username));
  if (missing.length === 0) return;
  const rows = missing.map((w, i) =>
    manager.create(User, {
      tenantId: w.tenant.id,
      departmentId: w.department.id,
      username: w.username,
      displayName: NAMES[(w.tenant.id * 7 + i) % NAMES.length],
      roles: w.roles,
      passwordHash,
      phone: `139${w.tenant.code.slice(2)}${String(i % 10000).padStart(4, '0')}`,
      idNumber: demoIdNumber(w.tenant.code, i),
      active: true,
      tokenVersion: 0,
    }),
  );
  await manager.save(rows, { chunk: 100 });
}

/**
 * Writes the demo data. Idempotent: rows are matched by their natural keys (tenant
 * code, department name, username) and existing rows are left as they are.
 */
export async function seedDemoData(dataSource: DataSource, options: SeedOptions): Promise<void> {
  // One hash for every demo account: they share SEED_PASSWORD by design, and hashing
  // each one would make the first start and every test database slow.
  const passwordHash = await hashPassword(options.password);
  await dataSource.transaction(async (manager) => {
    const tenants = await seedTenants(manager);
    const departments = await seedDepartments(manager, tenants);
    await seedUsers(manager, tenants, departments, passwordHash);
    await seedMatters(manager, { tenants, departments });
    await seedCrossRegionLists(manager, tenants);
    await seedWindows(manager, { tenants, departments, passwordHash });
    await seedCalendar(manager, holidays);
    await seedHallHistory(manager, tenants);
    await seedApplications(manager, tenants, new Date());
    await seedAgencyServices(manager, tenants);
    await seedLedgers(manager, tenants);
    await seedTickets(manager, tenants, new Date());
    await seedComplaints(manager, tenants);
    await seedEvaluations(manager, tenants, new Date());
    await seedFees(manager, tenants, new Date());
    await seedSupervision(manager, tenants, new Date());
    await seedAppraisalRules(manager, tenants);
    await seedCoordination(manager, tenants, passwordHash);
    await seedNotices(manager, tenants, new Date());
    // The cases above were inserted directly: count them into the 数据统计 rollups.
    for (const tenant of tenants.values()) await rebuildTenantRollups(manager, tenant);
  });
}

/** True for a database with no tenants yet: the first start of the embedded database. */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.manager.count(Tenant)) === 0;
}
