import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { createDataSource } from '../../db/data-source';
import { hashPassword, isStrongEnough, PASSWORD_RULES, setScryptCost } from '../../auth/passwords';
import { Role } from '../../auth/roles';
import { Department, DepartmentKind, Tenant, TenantLevel, User } from './entities';
import { USERNAME_PATTERN } from './service';

/**
 * `npm run create-admin -- --username NAME --tenant-code 210000 --tenant-name 辽宁省`:
 * the first platform admin of a production database, which has no demo accounts. The
 * password comes from ADMIN_PASSWORD or the first line of standard input, never from an
 * argument (arguments show in `ps` and shell history). The province tenant and its
 * platform unit are created when missing.
 */
export interface AdminSpec {
  username: string;
  password: string;
  tenantCode: string;
  tenantName: string;
}

const PLATFORM_UNIT = '政务服务平台运维中心';

export function validateAdminSpec(spec: AdminSpec): void {
  if (!USERNAME_PATTERN.test(spec.username)) throw new Error('--username must be 3-64 lower-case letters, digits, ".", "_" or "-"');
  if (!/^\d{2}0000$/.test(spec.tenantCode)) throw new Error('--tenant-code must be a province division code such as 210000');
  if (spec.tenantName.trim().length === 0 || spec.tenantName.length > 64) throw new Error('--tenant-name must be 1-64 characters');
  if (!isStrongEnough(spec.password)) throw new Error(`the password must be ${PASSWORD_RULES}`);
}

export async function createPlatformAdmin(dataSource: DataSource, spec: AdminSpec): Promise<User> {
  validateAdminSpec(spec);
  const passwordHash = await hashPassword(spec.password);
  return dataSource.transaction(async (manager) => {
    if (await manager.exists(User, { where: { username: spec.username } })) throw new Error(`"${spec.username}" already exists`);
    let tenant = await manager.findOne(Tenant, { where: { code: spec.tenantCode } });
    tenant ??= await manager.save(
      manager.create(Tenant, { code: spec.tenantCode, name: spec.tenantName.trim(), level: TenantLevel.PROVINCE, parentId: null, path: `/${spec.tenantCode}/` }),
    );
    const unitName = `${tenant.name}${PLATFORM_UNIT}`;
    let unit = await manager.findOne(Department, { where: { tenantId: tenant.id, name: unitName } });
    unit ??= await manager.save(manager.create(Department, { tenantId: tenant.id, name: unitName, kind: DepartmentKind.CENTRE }));
    return manager.save(
      manager.create(User, {
        tenantId: tenant.id,
        departmentId: unit.id,
        username: spec.username,
        displayName: '平台管理员',
        roles: [Role.PLATFORM_ADMIN],
        passwordHash,
        phone: null,
        idNumber: null,
        active: true,
        tokenVersion: 0,
      }),
    );
  });
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) throw new Error('pipe the password on standard input or set ADMIN_PASSWORD (a terminal would show it)');
  const lines = createInterface({ input: process.stdin });
  const [line] = (await Promise.race([once(lines, 'line'), once(lines, 'close').then(() => [''])])) as string[];
  lines.close();
  return line;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string', default: 'platform_admin' },
      'tenant-code': { type: 'string' },
      'tenant-name': { type: 'string' },
    },
    strict: true,
  });
  if (!values['tenant-code'] || !values['tenant-name']) throw new Error('give --tenant-code and --tenant-name of the province');
  const config = loadConfig();
  setScryptCost(config.scryptLog2N);
  const dataSource = createDataSource(config.database, createLogger(config.logLevel));
  await dataSource.initialize();
  try {
    if (config.database.type === 'sqlite') await dataSource.runMigrations({ transaction: 'each' });
    else if (await dataSource.showMigrations()) throw new Error('the schema is behind the code: run `npm run migrate` first');
    const spec = { username: values.username ?? 'platform_admin', password: await readPassword(), tenantCode: values['tenant-code'], tenantName: values['tenant-name'] };
    const user = await createPlatformAdmin(dataSource, spec);
    process.stdout.write(`platform admin "${user.username}" created in ${spec.tenantCode}\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`create-admin failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
