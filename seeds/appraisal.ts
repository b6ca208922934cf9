import { EntityManager } from 'typeorm';
import { Tenant, User } from '../src/modules/tenancy/entities';
import { SanctionKind } from '../src/modules/complaints/entities';
import { AppraisalItemMode, AppraisalRuleItem, AppraisalRuleSet, AppraisalSource, AppraisalSubjectKind, CENTI } from '../src/modules/appraisal/entities';

const { STAFF, WINDOW } = AppraisalSubjectKind;
const { RATE, PER_EVENT } = AppraisalItemMode;

interface ItemSeed {
  subjectKind: AppraisalSubjectKind;
  source: AppraisalSource;
  sanctionKind?: SanctionKind;
  mode: AppraisalItemMode;
  points: number;
  cap?: number;
  label: string;
}

/**
 * Demo rules modelled on the documents: a base of 100 (锦州 第二十三条 leaves the detail to
 * the centre's 考核实施细则); 满意率 and 按时办结率 as rates, 差评, overdue cases, upheld
 * complaints and sanctions as deductions (锦州 第十六条, 第二十七条); 考勤 (absences, 离岗) and late
 * 督办 replies (乌海 第九条); commendations (正向激励, 乌海 第九条); windows from their staff and
 * their own empty posts and notices. EXCELLENT for at most 20 % (指标单列, 锦州 第十五条).
 */
const ITEMS: ItemSeed[] = [
  { subjectKind: STAFF, source: AppraisalSource.SATISFACTION_RATE, mode: RATE, points: 10, label: '好差评满意率' },
  { subjectKind: STAFF, source: AppraisalSource.BAD_RATING, mode: PER_EVENT, points: -2, cap: 10, label: '差评（核实属实）' },
  { subjectKind: STAFF, source: AppraisalSource.ON_TIME_RATE, mode: RATE, points: 10, label: '按时办结率' },
  { subjectKind: STAFF, source: AppraisalSource.OVERDUE_CASE, mode: PER_EVENT, points: -1, cap: 10, label: '超期办件' },
  { subjectKind: STAFF, source: AppraisalSource.UPHELD_COMPLAINT, mode: PER_EVENT, points: -3, label: '投诉属实' },
  { subjectKind: STAFF, source: AppraisalSource.SANCTION, sanctionKind: SanctionKind.ADMONITION, mode: PER_EVENT, points: -3, label: '诫勉教育' },
  { subjectKind: STAFF, source: AppraisalSource.SANCTION, sanctionKind: SanctionKind.PUBLIC_CRITICISM, mode: PER_EVENT, points: -5, label: '通报批评' },
  { subjectKind: STAFF, source: AppraisalSource.SANCTION, sanctionKind: SanctionKind.EFFICIENCY_WARNING, mode: PER_EVENT, points: -10, label: '效能告诫' },
  { subjectKind: STAFF, source: AppraisalSource.EMPTY_POST, mode: PER_EVENT, points: -1, cap: 5, label: '离岗空岗' },
  { subjectKind: STAFF, source: AppraisalSource.UNPLANNED_ABSENCE, mode: PER_EVENT, points: -2, cap: 10, label: '考勤：未请假缺勤' },
  { subjectKind: STAFF, source: AppraisalSource.LATE_NOTICE, mode: PER_EVENT, points: -1, cap: 5, label: '督办逾期未反馈（本部门）' },
  { subjectKind: STAFF, source: AppraisalSource.COMMENDATION, mode: PER_EVENT, points: 2, cap: 6, label: '表扬' },
  { subjectKind: WINDOW, source: AppraisalSource.STAFF_AVERAGE, mode: RATE, points: 100, label: '窗口人员平均得失分' },
  { subjectKind: WINDOW, source: AppraisalSource.EMPTY_POST, mode: PER_EVENT, points: -1, cap: 10, label: '窗口空岗' },
  { subjectKind: WINDOW, source: AppraisalSource.LATE_NOTICE, mode: PER_EVENT, points: -1, cap: 5, label: '督办逾期未反馈' },
];

/** Centres with demo rules: 海城市 (the README's example), 锦州市 and 乌海市. */
const RULE_TENANTS = ['210381', '210700', '150300'];

/** Version 1 of the demo rules in each of those centres, once (a centre with rules keeps them). */
export async function seedAppraisalRules(manager: EntityManager, tenants: Map<string, Tenant>): Promise<void> {
  for (const code of RULE_TENANTS) {
    const tenant = tenants.get(code);
    if (!tenant || (await manager.countBy(AppraisalRuleSet, { tenantId: tenant.id })) > 0) continue;
    const admin = await manager.findOneByOrFail(User, { username: `centre_admin.${code}` });
    const ruleSet = await manager.save(
      manager.create(AppraisalRuleSet, {
        tenantId: tenant.id,
        version: 1,
        baseScoreCenti: 100 * CENTI,
        excellentFromCenti: 95 * CENTI,
        competentFromCenti: 80 * CENTI,
        basicallyCompetentFromCenti: 60 * CENTI,
        excellenceQuotaPercent: 20,
        excellenceQuotaSeats: null,
        note: '演示考核细则（参照锦州 第二十三条、乌海 第九条）',
        createdById: admin.id,
        createdAt: new Date('2026-01-01T00:00:00Z'),
      }),
    );
    await manager.insert(
      AppraisalRuleItem,
      ITEMS.map((item, position) => ({
        tenantId: tenant.id,
        ruleSetId: ruleSet.id,
        position,
        subjectKind: item.subjectKind,
        source: item.source,
        sanctionKind: item.sanctionKind ?? null,
        mode: item.mode,
        pointsCenti: Math.round(item.points * CENTI),
        capCenti: item.cap === undefined ? null : Math.round(item.cap * CENTI),
        label: item.label,
      })),
    );
  }
}
