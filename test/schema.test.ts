import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { appSchema, printAppSchema } from '../src/graphql/schema';
import { startTestApp, TestApp, SEED_PASSWORD } from './harness';
import { seedDemoData } from '../seeds/seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('schema and storage stay in step with the code', () => {
  it('schema.graphql is what the code generates (run `npm run schema`)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(printAppSchema());
  });

  it('every type, field, argument, input field and enum value has a description (issue 11: a schema that documents itself)', () => {
    const missing: string[] = [];
    for (const type of Object.values(appSchema().getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(`type ${type.name}`);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('the migrations build exactly the schema the entities describe', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every index of a tenant-owned table leads with tenant_id', () => {
    for (const entity of t.dataSource.entityMetadatas) {
      if (!entity.findColumnWithPropertyName('tenantId')) continue;
      for (const index of entity.indices) {
        if (index.columns.map((c) => c.databaseName).join() === 'username') continue; // login precedes tenancy
        // A row two tenants share is found from either side: its partner's indexes lead with that tenant.
        const leading = entity.findColumnWithPropertyName('partnerTenantId') ? ['tenant_id', 'partner_tenant_id'] : ['tenant_id'];
        expect([entity.tableName, leading]).toEqual([entity.tableName, expect.arrayContaining([index.columns[0].databaseName])]);
      }
    }
  });

  it('seeding twice changes nothing, in any table', async () => {
    const snapshot = async () =>
      Promise.all(
        t.dataSource.entityMetadatas.map(async (entity) => {
          const order = entity.primaryColumns.map((c) => t.dataSource.driver.escape(c.databaseName)).join(', ');
          return [entity.tableName, await t.dataSource.query(`SELECT * FROM ${t.dataSource.driver.escape(entity.tableName)} ORDER BY ${order}`)];
        }),
      );
    const before = await snapshot();
    await seedDemoData(t.dataSource, { password: SEED_PASSWORD });
    expect(await snapshot()).toEqual(before);
  });

  it('seeds one account per role in every city, county and district, plus the platform admin', async () => {
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM `user`');
    // 6 role accounts per centre and the platform admin, plus the windows seed's 14 staff (staffNN.<code>) per centre,
    // plus 鞍山's two leaders and four clerks at the routing points of 工作衔接 (seeds/coordination.ts).
    expect(Number(n)).toBe(20 * 6 + 1 + 20 * 14 + 6);
  });
});
