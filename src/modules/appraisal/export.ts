import type { Workbook } from 'exceljs';
import { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { buildContext, ContextDeps, RequestContext } from '../../context';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConflictError, ForbiddenError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import * as tenancy from '../tenancy/service';
import * as windows from '../windows/service';
import { AppraisalGrade, AppraisalPeriod, AppraisalPeriodStatus, AppraisalResult, AppraisalSubjectKind, fromCenti } from './entities';
import { appraisalMessages as m } from './messages';
import { correctedScoreOf } from './service';

/**
 * exceljs is loaded on the first export, not with the app: loading it adds 7 MiB to the
 * heap that survives each full collection, and V8 lets a loaded process's heap grow to a
 * multiple of that before collecting (issue 12, README Performance); this export is its
 * only use.
 */
let excel: Promise<typeof import('exceljs')> | undefined;
const loadExcel = () => (excel ??= import('exceljs'));

/** One sheet per level (锦州 第二十三条, 第三条(十)): its title and how a result names its subject. */
const SHEETS: { kind: AppraisalSubjectKind; title: string; subject: string; code: string }[] = [
  { kind: AppraisalSubjectKind.STAFF, title: '工作人员', subject: '姓名', code: '用户名' },
  { kind: AppraisalSubjectKind.WINDOW, title: '窗口', subject: '窗口', code: '窗口号' },
  { kind: AppraisalSubjectKind.CENTRE, title: '县(市)区中心', subject: '中心', code: '行政区划代码' },
];

/** Name and code of each result's subject, and its department (batched loads). */
async function subjectOf(ctx: RequestContext, result: AppraisalResult): Promise<{ name: string; code: string; department: string }> {
  const department = (await tenancy.loadDepartment(ctx, result.departmentId))?.name ?? '';
  if (result.subjectKind === AppraisalSubjectKind.STAFF) {
    const user = await tenancy.loadUser(ctx, result.subjectId);
    return { name: user?.displayName ?? '', code: user?.username ?? '', department };
  }
  if (result.subjectKind === AppraisalSubjectKind.WINDOW) {
    const window = await windows.loadWindow(ctx, result.subjectId);
    return { name: window?.name ?? '', code: window?.number ?? '', department };
  }
  const centre = await tenancy.loadTenant(ctx, result.subjectId);
  return { name: centre?.name ?? '', code: centre?.code ?? '', department };
}

/**
 * The workbook of a published period: one sheet per level, results in rank order. Read by
 * those who read every result's figures in the GraphQL fields: the centre admins of the
 * period's centre and auditors in scope (another tenant's period is NOT_FOUND, a draft a
 * CONFLICT: only locked results leave the system).
 */
export async function appraisalWorkbook(ctx: RequestContext, periodId: string): Promise<{ period: AppraisalPeriod; workbook: Workbook }> {
  const viewer = requireRole(ctx, Role.CENTRE_ADMIN, Role.AUDITOR);
  const period = await ctx.db.scoped(AppraisalPeriod).getById(decodeGlobalIdOf('AppraisalPeriod', periodId, 'periodId'), m.period);
  if (!viewer.roles.has(Role.AUDITOR) && viewer.tenantId !== period.tenantId) throw new ForbiddenError(m.ownCentreOnly, 'periodId');
  if (period.status !== AppraisalPeriodStatus.PUBLISHED) throw new ConflictError(m.periodDraft, { status: period.status });
  const results = await ctx.db.scoped(AppraisalResult).query('r').andWhere('r.periodId = :periodId', { periodId: period.id }).orderBy('r.rank').addOrderBy('r.id').getMany();
  const subjects = await Promise.all(results.map((result) => subjectOf(ctx, result)));
  // Corrections made after publication stand beside the locked score, as in the API (correctedScore).
  const corrected = await Promise.all(results.map((result) => correctedScoreOf(ctx, result)));
  const workbook = new (await loadExcel()).Workbook();
  workbook.created = ctx.now();
  for (const sheet of SHEETS) {
    const worksheet = workbook.addWorksheet(sheet.title);
    worksheet.columns = [
      { header: '名次', key: 'rank', width: 6 },
      { header: sheet.subject, key: 'name', width: 20 },
      { header: sheet.code, key: 'code', width: 16 },
      { header: '部门', key: 'department', width: 24 },
      { header: '得分', key: 'score', width: 8 },
      { header: '更正后得分', key: 'corrected', width: 10 },
      { header: '等次', key: 'grade', width: 20 },
      { header: '效能告诫', key: 'barred', width: 10 },
      { header: '首席代表年度', key: 'chief', width: 12 },
    ];
    results.forEach((result, i) => {
      if (result.subjectKind !== sheet.kind) return;
      worksheet.addRow({
        rank: result.rank,
        ...subjects[i],
        score: fromCenti(result.scoreCenti),
        corrected: corrected[i] ?? '',
        grade: result.grade ? GRADE_LABEL[result.grade] : '',
        barred: result.excellenceBarred ? '是' : '',
        chief: result.chiefRepresentativeAnnual ? '是' : '',
      });
    });
  }
  return { period, workbook };
}

/** Grades as the report to the government writes them. */
const GRADE_LABEL: Record<AppraisalGrade, string> = { EXCELLENT: '优秀', COMPETENT: '称职', BASICALLY_COMPETENT: '基本称职', INCOMPETENT: '不称职' };

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** GET /appraisal.xlsx?periodId= with the bearer token: a published period as a workbook (README, Appraisal). */
export function appraisalXlsxExport(deps: ContextDeps): RequestHandler {
  return async (req, res) => {
    try {
      const ctx = await buildContext(deps, { requestId: String(req.id), clientIp: req.ip ?? 'unknown', authorization: req.headers.authorization });
      const { period, workbook } = await appraisalWorkbook(ctx, typeof req.query.periodId === 'string' ? req.query.periodId : '');
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="appraisal-${period.kind.toLowerCase()}-${period.start}.xlsx"`);
      res.send(Buffer.from(await workbook.xlsx.writeBuffer()));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const code = String(error.extensions.code);
      res.status(STATUS_OF[code] ?? 400).json({ errors: [{ message: error.message, extensions: { code, field: error.extensions.field } }] });
    }
  };
}
