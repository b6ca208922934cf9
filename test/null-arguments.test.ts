import { getNamedType, GraphQLField, isInputObjectType, isNonNullType } from 'graphql';
import { appSchema } from '../src/graphql/schema';
import { startTestApp, TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Values for required arguments of root lists; a new one fails the test until it is given here. */
const REQUIRED: Record<string, unknown> = { 'publicMatters.tenantCode': '210381', 'myWorkItems.list': 'OVERDUE', 'auditTrail.id': Buffer.from('Application:1').toString('base64url') };

type AnyField = GraphQLField<unknown, unknown>;

const connections: AnyField[] = Object.values(appSchema().getQueryType()!.getFields()).filter((field) => getNamedType(field.type).name.endsWith('Connection'));

/** `name(args) { totalCount edges { cursor } }` with every argument a variable. */
function queryOf(field: AnyField, names: string[]): string {
  const args = field.args.filter((arg) => names.includes(arg.name));
  const declared = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `query${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { totalCount edges { cursor } } }`;
}

function requiredValues(field: AnyField): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of field.args.filter((a) => isNonNullType(a.type))) {
    const key = `${field.name}.${arg.name}`;
    if (!(key in REQUIRED)) throw new Error(`give a value for the required argument ${key} in REQUIRED`);
    values[arg.name] = REQUIRED[key];
  }
  return values;
}

describe('explicit null behaves like an absent argument (generated clients send `filter: null`)', () => {
  it('walks every root list of the schema', () => {
    expect(connections.map((f) => f.name)).toEqual(expect.arrayContaining(['windows', 'applications', 'emptyPostEvents', 'problems']));
  });

  it.each(connections.map((field) => [field.name, field] as const))('%s: null for every nullable argument answers as if it were left out', async (_name, field) => {
    const token = await t.tokenOf('centre_admin.210381');
    const required = requiredValues(field);
    const nullable = field.args.filter((arg) => !isNonNullType(arg.type)).map((arg) => arg.name);
    const withNulls = await t.gql(queryOf(field, field.args.map((a) => a.name)), { ...required, ...Object.fromEntries(nullable.map((n) => [n, null])) }, token);
    const without = await t.gql(queryOf(field, Object.keys(required)), required, token);
    expect(withNulls.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
    expect(withNulls.errors).toBeUndefined();
    expect(withNulls.data).toEqual(without.data);
  });

  it.each(connections.filter((field) => field.args.some((arg) => arg.name === 'filter')).map((field) => [field.name, field] as const))(
    '%s: a filter whose every field is null answers as if there were no filter',
    async (_name, field) => {
      const token = await t.tokenOf('centre_admin.210381');
      const required = requiredValues(field);
      const filterType = getNamedType(field.args.find((arg) => arg.name === 'filter')!.type);
      if (!isInputObjectType(filterType)) throw new Error(`${field.name}.filter is not an input object`);
      const filter = Object.fromEntries(
        Object.values(filterType.getFields())
          .filter((f) => !isNonNullType(f.type))
          .map((f) => [f.name, null]),
      );
      const res = await t.gql(queryOf(field, ['filter', ...Object.keys(required)]), { ...required, filter }, token);
      const without = await t.gql(queryOf(field, Object.keys(required)), required, token);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual(without.data);
    },
  );
});
