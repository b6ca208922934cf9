import { codeOf, GraphQLResponse, startTestApp, TestApp } from './harness';
import { encodeGlobalId } from '../src/graphql/global-id';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { AgencyService, Application } from '../src/modules/applications/entities';
import { AuditEntry } from '../src/modules/audit/entities';

/** 帮办代办 on cases in 鞍山市 (210300); 海城市 (210381) is a county of it. */
const CODE = '210300';
const COUNTY = '210381';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const repo = <T extends object>(entity: { new (): T }) => t.dataSource.getRepository(entity);
const userId = async (username: string) => encodeGlobalId('User', (await repo(User).findOneByOrFail({ username })).id);

/** The cases of a centre without a 帮办代办 record, oldest first. */
async function casesWithoutRecord(code: string): Promise<Application[]> {
  const tenant = await repo(Tenant).findOneByOrFail({ code });
  const helped = new Set((await repo(AgencyService).findBy({ tenantId: tenant.id })).map((row) => row.applicationId));
  return (await repo(Application).find({ where: { tenantId: tenant.id }, order: { id: 'ASC' } })).filter((a) => !helped.has(a.id));
}

const RECORD = `mutation($input: RecordAgencyServiceInput!) {
  recordAgencyService(input: $input) { id kind projectName helpedAt note version helper { username } recordedBy { username } application { number } }
}`;
const READ = 'query($n: String!) { application(number: $n) { number agencyService { kind projectName note version helper { username } } } }';

async function record(username: string, input: Record<string, unknown>): Promise<GraphQLResponse<any>> {
  return t.gql(RECORD, { input }, await t.tokenOf(username));
}

async function inputFor(application: Application, more: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    applicationId: encodeGlobalId('Application', application.id),
    helperId: await userId('staff10.210300'),
    kind: 'KEY_PROJECT',
    projectName: '鞍山高新区智能装备产业园项目',
    helpedAt: application.receivedAt.toISOString(),
    note: '材料预审，陪同递交',
    ...more,
  };
}

describe('帮办代办 on cases (鞍山 衔接 三.3, 三.6)', () => {
  test('鞍山 衔接 三.6: the demo shows 帮办代办 of key projects on 鞍山市 cases', async () => {
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const seeded = await repo(AgencyService).find({ where: { tenantId: tenant.id }, order: { id: 'ASC' } });
    expect(seeded.length).toBeGreaterThanOrEqual(3);
    const application = await repo(Application).findOneByOrFail({ id: seeded[0].applicationId });
    const res = await t.gql(READ, { n: application.number }, await t.tokenOf('centre_admin.210300'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.application.agencyService).toMatchObject({ kind: 'KEY_PROJECT', helper: { username: 'staff10.210300' } });
  });

  test('鞍山 衔接 三.6: window staff of the centre record who helped, for which key project; the case shows it; the entry is audited', async () => {
    const [application] = await casesWithoutRecord(CODE);
    const res = await record('window_staff.210300', await inputFor(application, { kind: 'HIGH_LEVEL_TALENT', projectName: '  高层次人才创新创业项目  ' }));
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordAgencyService).toMatchObject({
      kind: 'HIGH_LEVEL_TALENT',
      projectName: '高层次人才创新创业项目',
      version: 1,
      helper: { username: 'staff10.210300' },
      recordedBy: { username: 'window_staff.210300' },
      application: { number: application.number },
    });
    const read = await t.gql(READ, { n: application.number }, await t.tokenOf('auditor.210300'));
    expect(read.data!.application.agencyService).toMatchObject({ kind: 'HIGH_LEVEL_TALENT', projectName: '高层次人才创新创业项目' });
    const entry = await repo(AuditEntry).findOneOrFail({ where: { operation: 'recordAgencyService', outcome: 'OK' }, order: { id: 'DESC' } });
    expect(entry.targets).toContain(encodeGlobalId('Application', application.id));
  });

  test('鞍山 衔接 三.6: a second record needs the version; a stale one is CONFLICT; with it the record is replaced', async () => {
    const [application] = await casesWithoutRecord(CODE);
    const first = await record('centre_admin.210300', await inputFor(application));
    expect(first.errors).toBeUndefined();
    const again = await record('window_staff.210300', await inputFor(application));
    expect(codeOf(again)).toBe('CONFLICT');
    const stale = await record('window_staff.210300', await inputFor(application, { version: 7 }));
    expect(codeOf(stale)).toBe('CONFLICT');
    const replaced = await record('window_staff.210300', await inputFor(application, { kind: 'JOINT_ACCEPTANCE', projectName: '鞍山市体育中心联合验收', version: 1 }));
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.recordAgencyService).toMatchObject({ kind: 'JOINT_ACCEPTANCE', projectName: '鞍山市体育中心联合验收', version: 2, recordedBy: { username: 'window_staff.210300' } });
  });

  test('鞍山 衔接 三.6: every invalid field at once: an empty project, a future time, a long note', async () => {
    const [application] = await casesWithoutRecord(CODE);
    const res = await record('window_staff.210300', await inputFor(application, { projectName: '  ', helpedAt: new Date(Date.now() + 86_400_000).toISOString(), note: '长'.repeat(501) }));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((res.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual(['input.projectName', 'input.note', 'input.helpedAt']);
  });

  test('鞍山 衔接 三.6: the helper is staff of the centre’s own departments, not of a stationed department or another centre', async () => {
    const [application] = await casesWithoutRecord(CODE);
    for (const helper of ['staff02.210300', 'approver.210300', 'staff10.210381']) {
      const res = await record('window_staff.210300', await inputFor(application, { helperId: await userId(helper) }));
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe('input.helperId');
    }
  });

  test('鞍山 衔接 三.6: a stationed department’s window staff, an approver and finance may not record; an auditor is read-only', async () => {
    const [application] = await casesWithoutRecord(CODE);
    for (const username of ['staff02.210300', 'approver.210300', 'finance.210300']) {
      expect(codeOf(await record(username, await inputFor(application)))).toBe('FORBIDDEN');
    }
    expect(codeOf(await record('auditor.210300', await inputFor(application)))).toBe('READ_ONLY_ROLE');
    expect(await repo(AgencyService).countBy({ applicationId: application.id })).toBe(0);
  });

  test('鞍山 衔接 三.6: another centre’s case is NOT_FOUND, even for its city; a county does not read the city’s record', async () => {
    const [countyCase] = await casesWithoutRecord(COUNTY);
    const res = await record('window_staff.210300', await inputFor(countyCase));
    expect(codeOf(res)).toBe('NOT_FOUND');
    const tenant = await repo(Tenant).findOneByOrFail({ code: CODE });
    const helped = await repo(AgencyService).findOneOrFail({ where: { tenantId: tenant.id }, order: { id: 'ASC' } });
    const cityCase = await repo(Application).findOneByOrFail({ id: helped.applicationId });
    const read = await t.gql(READ, { n: cityCase.number }, await t.tokenOf('centre_admin.210381'));
    expect(read.data!.application).toBeNull();
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: encodeGlobalId('AgencyService', helped.id) }, await t.tokenOf('centre_admin.210381'));
    expect(node.data!.node).toBeNull();
  });
});
