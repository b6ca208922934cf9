import { codeOf, startTestApp, TestApp } from './harness';

const CODE = '210727';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
});
afterAll(() => t.close());
afterEach(() => t.clock.set(null));

const token = (username: string) => t.tokenOf(username);

const RULES = {
  baseScore: 100,
  excellentFrom: 95,
  competentFrom: 80,
  basicallyCompetentFrom: 60,
  excellenceQuotaPercent: 20,
  items: [
    { subjectKind: 'STAFF', source: 'SATISFACTION_RATE', mode: 'RATE', points: 10, label: '满意率' },
    { subjectKind: 'STAFF', source: 'BAD_RATING', mode: 'PER_EVENT', points: -2, cap: 10, label: '差评' },
    { subjectKind: 'WINDOW', source: 'STAFF_AVERAGE', mode: 'RATE', points: 100, label: '窗口人员平均' },
  ],
};

describe('smoke', () => {
  it('opens a period', async () => {
    const admin = await token(`centre_admin.${CODE}`);
    const rules = await t.gql('mutation($input: AppraisalRulesInput!) { setAppraisalRules(input: $input) { id version baseScore items { label points cap } } }', { input: RULES }, admin);
    expect(rules.errors).toBeUndefined();
    const open = await t.gql(
      'mutation($input: OpenAppraisalPeriodInput!) { openAppraisalPeriod(input: $input) { id status version results(first: 50) { edges { node { subjectKind score proposedGrade grade rank staff { username } window { number } breakdown { label count points events { kind id } } } } } } }',
      { input: { tenantCode: CODE, kind: 'MONTH', start: '2026-10-01' } },
      admin,
    );
    expect(open.errors).toBeUndefined();
    expect(codeOf(open)).toBeUndefined();
  });
});
