import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Department, Tenant } from '../src/modules/tenancy/entities';
import { Matter } from '../src/modules/matters/entities';
import { Window, WindowKind } from '../src/modules/windows/entities';
import { APPLICANT } from './fixtures/applicant';

/**
 * Errors a person can read (issue 11, DESIGN.md §4): Chinese for the people at the
 * screens by default, English with `Accept-Language: en`, the same code either way; and
 * BAD_USER_INPUT tells every problem of a form at once, as the hall tells an applicant
 * everything at once (鞍山 规范 三 一次性告知制).
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

const CJK = /[\u4e00-\u9fff]/;
const tenantOf = (code: string) => t.dataSource.getRepository(Tenant).findOneByOrFail({ code });
const UPDATE_WINDOW = 'mutation($input: UpdateWindowInput!) { updateWindow(input: $input) { id } }';

type FieldProblem = { field: string; message: string };
const fieldsOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.fields as FieldProblem[] | undefined;

describe('Accept-Language picks the language of every message; the code never changes', () => {
  /** A window that does not exist: NOT_FOUND from a service. */
  async function missingWindow(acceptLanguage: string | null): Promise<GraphQLResponse> {
    return t.gql(UPDATE_WINDOW, { input: { id: encodeGlobalId('Window', 999999), version: 1 } }, await t.tokenOf('centre_admin.210381'), { acceptLanguage });
  }

  it('is Chinese without the header, English with en, the same NOT_FOUND', async () => {
    const zh = await missingWindow(null);
    const en = await missingWindow('en');
    expect(codeOf(zh)).toBe('NOT_FOUND');
    expect(codeOf(en)).toBe('NOT_FOUND');
    expect(zh.errors?.[0].message).toBe('窗口不存在，或您无权查看');
    expect(en.errors?.[0].message).toBe('Window not found');
  });

  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['en-GB', 'en'],
    ['fr', 'zh'],
    ['fr-FR, en;q=0.5', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['zh;q=0.5, en;q=0.8', 'en'],
    ['en;q=0, zh', 'zh'],
    ['', 'zh'],
  ])('Accept-Language "%s" answers in %s', async (header, language) => {
    const res = await missingWindow(header);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toBe(language === 'en' ? 'Window not found' : '窗口不存在，或您无权查看');
  });

  it('a bad token is a 401 in the request language (raised before any request context exists)', async () => {
    const query = '{ windows(first: 1) { totalCount } }';
    const zh = await t.gql(query, {}, 'not-a-token', { acceptLanguage: 'zh-CN' });
    const en = await t.gql(query, {}, 'not-a-token', { acceptLanguage: 'en-US,en;q=0.9' });
    for (const res of [zh, en]) {
      expect(res.status).toBe(401);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    }
    expect(zh.errors?.[0].message).toBe('登录凭证无效、已过期或已注销，请重新登录');
    expect(en.errors?.[0].message).toBe('The token is invalid, expired or revoked; sign in again');
  });

  it('the operation guard answers a closed field without a token in the request language', async () => {
    const zh = await t.gql('{ windows(first: 1) { totalCount } }', {}, undefined, { acceptLanguage: null });
    expect(zh.status).toBe(401);
    expect(codeOf(zh)).toBe('UNAUTHENTICATED');
    expect(zh.errors?.[0].message).toBe('请先登录，再使用“windows”');
  });

  it('HTTP-layer errors (invalid JSON, no such path) follow the header too, in GraphQL shape', async () => {
    const badJson = (language?: string) => {
      const req = request(t.app).post('/graphql').set('content-type', 'application/json');
      if (language) req.set('accept-language', language);
      return req.send('{"query": ');
    };
    const zh = await badJson();
    const en = await badJson('en');
    for (const res of [zh, en]) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    expect(zh.body.errors[0].message).toBe('请求体不是有效的 JSON');
    expect(en.body.errors[0].message).toBe('The body is not valid JSON');
    const nowhere = await request(t.app).get('/nowhere');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(nowhere.body.errors[0].message).toMatch(CJK);
  });

  it('the text-input guard (a control character, refused before execution) answers in Chinese by default, with fields', async () => {
    const res = await t.gql(
      'query($search: String) { matters(first: 1, filter: { search: $search }) { totalCount } }',
      { search: 'a\u0007b' },
      await t.tokenOf('centre_admin.210381'),
      { acceptLanguage: null },
    );
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe('搜索内容含有控制字符');
    expect(fieldsOf(res)).toEqual([{ field: 'filter.search', message: '搜索内容含有控制字符' }]);
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search', fields: fieldsOf(res) });
  });

  it('the text-input guard lists every bad text of the request at once', async () => {
    const res = await t.gql(
      'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id } }',
      { input: { matterId: 'x', windowId: 'x', applicantKind: 'NATURAL_PERSON', applicantName: '李\u202E明', applicantIdType: 'RESIDENT_ID', applicantIdNumber: '1', applicantPhone: '1', applicantAddress: '\u0000' } },
      await t.tokenOf('window_staff.210300'),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual([
      { field: 'input.applicantName', message: '"input.applicantName" holds a bidirectional override' },
      { field: 'input.applicantAddress', message: '"input.applicantAddress" holds a control character' },
    ]);
  });

  it('requests in different languages at the same moment each get their own', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const languages = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'en' : null));
    const results = await Promise.all(
      languages.map((acceptLanguage) => t.gql(UPDATE_WINDOW, { input: { id: encodeGlobalId('Window', 999999), version: 1 } }, token, { acceptLanguage })),
    );
    expect(results.map((res) => res.errors?.[0].message)).toEqual(languages.map((l) => (l === 'en' ? 'Window not found' : '窗口不存在，或您无权查看')));
  });

  it('CONFLICT from a unique key (five creates of one username at once) answers in Chinese by default', async () => {
    const tenant = await tenantOf('210304');
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    const token = await t.tokenOf('centre_admin.210304');
    const input = { departmentId: encodeGlobalId('Department', department.id), username: 'twin.errors', displayName: '李四', roles: ['WINDOW_STAFF'], password: 'password-2026' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { username } }', { input }, token, { acceptLanguage: null })),
    );
    const refused = results.filter((res) => !res.data?.createUser);
    expect(refused).toHaveLength(4);
    for (const res of refused) {
      expect([codeOf(res), res.errors?.[0].extensions?.field]).toEqual(['CONFLICT', 'input.username']);
      expect(res.errors?.[0].message).toMatch(CJK);
    }
  });
});

describe('BAD_USER_INPUT lists every invalid field of a form at once (鞍山 规范 三 一次性告知制)', () => {
  async function intake(input: Record<string, unknown>, acceptLanguage: string | null): Promise<GraphQLResponse> {
    const tenant = await tenantOf('210300');
    const matter = await t.dataSource.getRepository(Matter).findOneByOrFail({ code: 'QR00300002', tenantId: tenant.id });
    const window = await t.dataSource.getRepository(Window).findOneByOrFail({ tenantId: tenant.id, kind: WindowKind.COMPREHENSIVE });
    return t.gql(
      'mutation($input: ReceiveApplicationInput!) { receiveApplication(input: $input) { id } }',
      {
        input: {
          matterId: encodeGlobalId('Matter', matter.id),
          windowId: encodeGlobalId('Window', window.id),
          ...APPLICANT,
          ...input,
        },
      },
      await t.tokenOf('window_staff.210300'),
      { acceptLanguage },
    );
  }

  const BAD_APPLICANT = { applicantName: '   ', applicantIdNumber: '210302199001011230', applicantPhone: '12' };

  it('an intake form with three invalid fields answers one BAD_USER_INPUT naming all three, in Chinese by default', async () => {
    const res = await intake(BAD_APPLICANT, null);
    expect(res.errors).toHaveLength(1);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = fieldsOf(res)!;
    expect(fields.map((f) => f.field)).toEqual(['input.applicantName', 'input.applicantIdNumber', 'input.applicantPhone']);
    expect(res.errors?.[0].extensions?.field).toBe('input.applicantName');
    for (const problem of fields) expect(problem.message).toMatch(CJK);
    expect(fields[0].message).toBe('申请人姓名须填写 1 至 100 个字符');
    expect(fields[2].message).toBe('申请人联系电话不是有效的电话号码');
    expect(res.errors?.[0].message).toMatch(/^填写有 3 处问题：/);
  });

  it('the same form in English lists the same fields with English messages', async () => {
    const res = await intake(BAD_APPLICANT, 'en');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual([
      { field: 'input.applicantName', message: '"applicantName" must be 1-100 characters' },
      { field: 'input.applicantIdNumber', message: '"applicantIdNumber" is not a valid RESIDENT_ID number' },
      { field: 'input.applicantPhone', message: '"applicantPhone" is not a valid phone number' },
    ]);
  });

  it('a window form lists its invalid number, name and hall at once', async () => {
    const tenant = await tenantOf('210381');
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    const res = await t.gql(
      'mutation($input: CreateWindowInput!) { createWindow(input: $input) { id } }',
      { input: { number: 'A 1', name: '', hall: 'x'.repeat(65), kind: 'CONVENIENCE', departmentId: encodeGlobalId('Department', department.id) } },
      await t.tokenOf('centre_admin.210381'),
      { acceptLanguage: null },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)?.map((f) => f.field)).toEqual(['input.number', 'input.name', 'input.hall']);
    expect(fieldsOf(res)?.[1].message).toBe('名称须填写 1 至 64 个字符');
  });

  it('hall hours with two malformed times and a lunch start without an end list all three', async () => {
    const res = await t.gql(
      'mutation($input: SetHallHoursInput!) { setHallHours(input: $input) { opensAt } }',
      { input: { opensAt: '8:30', closesAt: '25:00', lunchStartsAt: '12:00' } },
      await t.tokenOf('centre_admin.210381'),
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)?.map((f) => f.field)).toEqual(['input.opensAt', 'input.closesAt', 'input.lunchEndsAt']);
  });

  it('a matter form lists every broken rule: promised over legal, a bad code, a list item (by its place in the list)', async () => {
    const tenant = await tenantOf('210381');
    const department = await t.dataSource.getRepository(Department).findOneByOrFail({ tenantId: tenant.id, name: '窗口服务部' });
    const res = await t.gql(
      'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id } }',
      {
        input: {
          name: '测试事项', type: 'ADMINISTRATIVE_LICENSE', basis: '《测试条例》', code: 'QT09990001', legalLimitDays: 5,
          acceptanceConditions: '材料齐全', serviceObjects: ['NATURAL_PERSON'], category: 'PROMISED', duties: '负责受理', procedure: '申请',
          departmentId: encodeGlobalId('Department', department.id), promisedLimitDays: 10, consultationPhone: '0412-2222222', complaintPhone: '12345', address: '一楼',
          materials: [{ name: '申请书', required: true, form: 'ORIGINAL', copies: 0 }],
        },
      },
      await t.tokenOf('centre_admin.210381'),
      { acceptLanguage: null },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)?.map((f) => f.field)).toEqual(['input.code', 'input.promisedLimitDays', 'input.materials[0].copies']);
    expect(fieldsOf(res)?.[2].message).toBe('申请材料第 1 项的份数须为 1 至 99');
    expect(fieldsOf(res)?.[1].message).toBe('承诺时限（10 个工作日）不得超过法定时限（5 个工作日）');
  });

  it('variables graphql-js refuses (a wrong type, a missing field) are BAD_USER_INPUT with fields too', async () => {
    const token = await t.tokenOf('centre_admin.210381');
    const wrongType = await t.gql(UPDATE_WINDOW, { input: { id: 'x', version: 'abc' } }, token, { acceptLanguage: null });
    expect(wrongType.status).toBe(400);
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrongType)).toEqual([{ field: 'input.version', message: '版本号的值格式不正确' }]);
    const missing = await t.gql(UPDATE_WINDOW, { input: { version: 1 } }, token, { acceptLanguage: null });
    expect(fieldsOf(missing)).toEqual([{ field: 'input.id', message: '编号为必填项' }]);
    const english = await t.gql(UPDATE_WINDOW, { input: { version: 1 } }, token);
    expect(english.errors?.[0].extensions?.field).toBe('input.id');
    expect(fieldsOf(english)?.[0].message).toMatch(/^Variable "\$input" got invalid value/);
  });

  it('a single problem carries fields too, with field kept as the first for older clients', async () => {
    const res = await t.gql(UPDATE_WINDOW, { input: { id: 'not-an-id', version: 1 } }, await t.tokenOf('centre_admin.210381'));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('input.id');
    expect(fieldsOf(res)).toEqual([{ field: 'input.id', message: '"input.id" is not a valid global id' }]);
  });
});

describe('the catalogues', () => {
  /** Every `messages.js` under dist/src: the floors' catalogue and one per module. */
  function catalogueFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return catalogueFiles(path);
      return name === 'messages.js' ? [path] : [];
    });
  }

  /**
   * A stand-in for any parameter: a string (with string methods) that also joins and maps
   * as a list and has `zh`/`en` as a message, so each catalogue function can be called
   * without knowing what it takes.
   */
  const item = Object.assign(new String('1'), { zh: '样例', en: 'sample' });
  const sample = Object.assign(new String('1'), { zh: '样例', en: 'sample', join: () => '1', map: <T>(f: (x: typeof item) => T) => [f(item)] });

  function walk(value: unknown, path: string, out: { path: string; zh: unknown; en: unknown }[]): void {
    if (typeof value === 'function') return walk(value(...Array.from({ length: Math.max(1, value.length) }, () => sample)), `${path}()`, out);
    if (value === null || typeof value !== 'object') return;
    if ('zh' in value && 'en' in value) {
      out.push({ path, zh: (value as { zh: unknown }).zh, en: (value as { en: unknown }).en });
      return;
    }
    for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`, out);
  }

  it('one per module and one for the floors; every message has a non-empty Chinese and English text, the Chinese in Chinese', async () => {
    const files = catalogueFiles(join(__dirname, '..', 'src'));
    const modules = readdirSync(join(__dirname, '..', 'src', 'modules')).filter((name) => statSync(join(__dirname, '..', 'src', 'modules', name)).isDirectory());
    const withCatalogue = new Set(files.map((file) => file.split(/[\\/]/).slice(-2)[0]));
    expect(withCatalogue.has('graphql')).toBe(true);
    const messages: { path: string; zh: unknown; en: unknown }[] = [];
    for (const file of files) {
      const exported = (await import(file)) as Record<string, unknown>;
      walk(exported, file.split(/src[\\/]/)[1], messages);
    }
    expect(messages.length).toBeGreaterThan(150);
    const bad = messages.filter(
      (m) => typeof m.zh !== 'string' || typeof m.en !== 'string' || m.zh.trim() === '' || m.en.trim() === '' || !CJK.test(m.zh) || /undefined|\[object/.test(`${m.zh} ${m.en}`),
    );
    expect(bad).toEqual([]);
    // Modules that throw errors keep their own catalogue.
    for (const module of ['applications', 'calendar', 'collaboration', 'matters', 'session', 'tenancy', 'windows']) {
      expect(modules).toContain(module);
      expect(withCatalogue.has(module)).toBe(true);
    }
  });
});
