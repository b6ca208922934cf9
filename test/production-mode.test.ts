import request from 'supertest';
import { codeOf, startTestApp, TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NODE_ENV: 'production', SCRYPT_LOG2_N: '17' });
});
afterAll(() => t.close());

describe('in production', () => {
  it('refuses introspection and gives no field suggestions', async () => {
    const token = await t.tokenOf('approver.210381');
    const introspection = await t.gql('{ __schema { types { name } } }', {}, token);
    expect(codeOf(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await t.gql('{ viewer { usernam } }', {}, token);
    expect(codeOf(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/i);
  });

  it('serves no landing page', async () => {
    const page = await request(t.app).get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/<html/i);
  });

  it('sends no stack traces', async () => {
    const res = await t.gql('{ node(id: "!!!") { id } }', {}, await t.tokenOf('approver.210381'));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });
});
