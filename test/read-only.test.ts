import { GraphQLField, GraphQLNamedType, getNamedType, isCompositeType } from 'graphql';
import { appSchema, SESSION_MUTATIONS } from '../src/graphql/schema';
import { codeOf, startTestApp, TestApp } from './harness';

/** One syntactically valid call of a mutation: every argument as a variable, no values. */
function callOf(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type) as GraphQLNamedType) ? '{ __typename }' : '';
  return `mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

const mutations = Object.values(appSchema().getMutationType()!.getFields());
const guarded = mutations.filter((m) => !SESSION_MUTATIONS.has(m.name));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the auditor role is read-only', () => {
  it('the walk covers the mutations of the schema', () => {
    expect(guarded.map((m) => m.name)).toEqual(expect.arrayContaining(['createUser', 'setUserActive']));
  });

  it.each(guarded.map((m) => [m.name, m] as const))('refuses %s with READ_ONLY_ROLE', async (_name, mutation) => {
    for (const auditor of ['auditor.210300', 'auditor.210381']) {
      const res = await t.gql(callOf(mutation), {}, await t.tokenOf(auditor));
      expect(codeOf(res)).toBe('READ_ONLY_ROLE');
      expect(res.data).toBeUndefined();
    }
  });

  it.each(guarded.map((m) => [m.name, m] as const))('does not refuse %s for a centre admin (control)', async (_name, mutation) => {
    const res = await t.gql(callOf(mutation), {}, await t.tokenOf('centre_admin.210381'));
    expect(codeOf(res)).not.toBe('READ_ONLY_ROLE');
  });

  it('refuses a mutation hidden in a fragment or behind an alias', async () => {
    const token = await t.tokenOf('auditor.210300');
    const res = await t.gql('mutation { ...M } fragment M on Mutation { ok: logout  x: setUserActive(input: { id: "x", active: true, version: 1 }) { id } }', {}, token);
    expect(codeOf(res)).toBe('READ_ONLY_ROLE');
  });

  it('still lets the auditor manage its own session (logout)', async () => {
    const token = await t.tokenOf('auditor.210381');
    const res = await t.gql('mutation { logout }', {}, token);
    expect(res.data?.logout).toBe(true);
  });
});
