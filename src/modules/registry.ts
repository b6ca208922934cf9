import { NonEmptyArray } from 'type-graphql';
import { RequestContext } from '../context';
import { Node } from '../graphql/node';
import { DepartmentResolver, TenantResolver, UserResolver } from './tenancy/resolver';
import { SessionResolver } from './session/resolver';
import { nodeLoaders as tenancyNodes } from './tenancy/service';
import {
  EmptyPostEventResolver,
  LunchDutyRotaResolver,
  PostSignOffResolver,
  StaffAbsenceResolver,
  WindowCoverResolver,
  WindowPostResolver,
  WindowResolver,
  WindowStatusChangeResolver,
} from './windows/resolver';
import { nodeLoaders as windowNodes } from './windows/service';
import { releaseFromWindows } from './windows/release';
import { onStaffRelease } from './tenancy/staff-release';
import { MatterGuideResolver, MatterResolver } from './matters/resolver';
import { CalendarResolver } from './calendar/resolver';
import { nodeLoaders as calendarNodes } from './calendar/service';
import { AgencyServiceResolver, ApplicationEventResolver, ApplicationResolver, JointOpinionResolver } from './applications/resolver';
import { nodeLoaders as applicationNodes } from './applications/service';
import { FIELDS_READ_AHEAD } from './applications/relations';
import { TicketResolver, TicketStepResolver } from './collaboration/resolver';
import { nodeLoaders as collaborationNodes } from './collaboration/service';
import { ContactLedgerResolver, ProblemLedgerResolver } from './collaboration/ledger-resolver';
import { nodeLoaders as ledgerNodes } from './collaboration/ledgers';
import { CaseSampleResolver, SampledCaseResolver, SupervisionNoticeEventResolver, SupervisionNoticeResolver, SupervisionResolver } from './supervision/resolver';
import { noticeNodeLoaders, onSupervisionReport, samplingNodeLoaders } from './supervision/service';
import { publishLiveAlerts } from './supervision/live-alerts';
import { SupervisionAlertRaisedResolver, WindowCoverageChangeResolver } from './supervision/live-resolver';
import { nodeLoaders as matterNodes } from './matters/service';
import { AuditResolver } from './audit/resolver';
import { CoordinationPointResolver, ResponsibilityAssignmentResolver } from './coordination/resolver';
import { nodeLoaders as coordinationMatrixNodes } from './coordination/matrix';
import { nodeLoaders as workItemNodes } from './coordination/work-items';
import { ConsultationParticipantResolver, WorkItemAssigneeResolver, WorkItemResolver, WorkItemStepResolver } from './coordination/work-item-resolver';
import { CentreAddressResolver, GuideWindowNoticesResolver, MatterGuideNoticesResolver, PublicNoticeResolver } from './notices/resolver';
import { nodeLoaders as noticeNodes } from './notices/service';
import { StatisticsReportResolver, StatisticsReportWindowRowResolver } from './coordination/statistics-report-resolver';
import { statisticsReportNodes } from './coordination/statistics-report';
import { CoordinationStatsResolver } from './coordination/oversight-resolver';
import { ComplaintEventResolver, ComplaintResolver, SanctionResolver } from './complaints/resolver';
import { nodeLoaders as complaintNodes } from './complaints/service';
import { nodeLoaders as sanctionNodes } from './complaints/sanctions';
import {
  AdjustingEntryResolver,
  BankStatementResolver,
  BankTransactionResolver,
  FinanceDayResolver,
  FinanceDayTotalResolver,
  PayeeAccountResolver,
  PaymentNoticeResolver,
  ReceiptBookResolver,
  ReceiptResolver,
  ReconciliationItemResolver,
} from './fees/resolver';
import { nodeLoaders as feeNodes } from './fees/service';
import { EvaluationResolver, EvaluationStatsRowResolver, RectificationEventResolver, RectificationResolver } from './evaluations/resolver';
import { nodeLoaders as evaluationNodes } from './evaluations/service';
import { AppraisalCommendationResolver, AppraisalLineResolver, AppraisalPeriodResolver, AppraisalResultResolver, AppraisalRuleSetResolver } from './appraisal/resolver';
import { nodeLoaders as appraisalNodes } from './appraisal/service';
import { AppraisalDepartmentFiguresResolver, AppraisalDepartmentGradesResolver, AppraisalReportResolver } from './appraisal/report-resolver';

/** Loads rows of one node type by database id, within the request's scope. */
export type NodeLoader = (ctx: RequestContext, ids: number[]) => Promise<Node[]>;

/** What each business module contributes to the schema. */
export interface ModuleManifest {
  resolvers: NonEmptyArray<Function>;
  nodeLoaders?: Record<string, NodeLoader>;
  /** Root fields anyone may call without a token (`Query.x`, `Mutation.y`). */
  publicRootFields?: string[];
  /** Mutations about the caller's own session, allowed for read-only roles too. */
  sessionMutations?: string[];
  /** Fields (type name → field names) whose values the module's lists read ahead for their rows (src/graphql/read-ahead.ts). */
  fieldsReadAhead?: Record<string, readonly string[]>;
}

// Deactivating someone, or taking WINDOW_STAFF away, must not leave a window empty (AB岗).
onStaffRelease(releaseFromWindows);
// 电子监察 on the hall screens: what the supervision check and notices produce goes out live.
onSupervisionReport(publishLiveAlerts);

export const MODULES: ModuleManifest[] = [
  {
    resolvers: [SessionResolver],
    publicRootFields: ['Mutation.login'],
    sessionMutations: ['login', 'logout', 'changePassword', 'refreshToken'],
  },
  {
    resolvers: [TenantResolver, DepartmentResolver, UserResolver],
    nodeLoaders: tenancyNodes,
  },
  {
    resolvers: [MatterResolver, MatterGuideResolver],
    nodeLoaders: matterNodes,
    publicRootFields: ['Query.publicMatters', 'Query.publicMatter'],
  },
  {
    resolvers: [
      WindowResolver,
      WindowPostResolver,
      WindowStatusChangeResolver,
      StaffAbsenceResolver,
      WindowCoverResolver,
      LunchDutyRotaResolver,
      PostSignOffResolver,
      EmptyPostEventResolver,
    ],
    nodeLoaders: windowNodes,
  },
  {
    resolvers: [CalendarResolver],
    nodeLoaders: calendarNodes,
  },
  {
    resolvers: [ApplicationResolver, ApplicationEventResolver, JointOpinionResolver, AgencyServiceResolver],
    nodeLoaders: applicationNodes,
    publicRootFields: ['Query.applicationProgress'],
    fieldsReadAhead: FIELDS_READ_AHEAD,
  },
  {
    resolvers: [TicketResolver, TicketStepResolver, ContactLedgerResolver, ProblemLedgerResolver],
    nodeLoaders: { ...collaborationNodes, ...ledgerNodes },
  },
  {
    resolvers: [ComplaintResolver, ComplaintEventResolver, SanctionResolver],
    nodeLoaders: { ...complaintNodes, ...sanctionNodes },
    publicRootFields: ['Mutation.fileComplaint', 'Query.complaintProgress'],
  },
  {
    resolvers: [EvaluationResolver, RectificationResolver, RectificationEventResolver, EvaluationStatsRowResolver],
    nodeLoaders: evaluationNodes,
    publicRootFields: ['Mutation.evaluateCase'],
  },
  {
    resolvers: [SupervisionResolver, SupervisionNoticeResolver, SupervisionNoticeEventResolver, CaseSampleResolver, SampledCaseResolver, SupervisionAlertRaisedResolver, WindowCoverageChangeResolver],
    nodeLoaders: { ...noticeNodeLoaders, ...samplingNodeLoaders },
  },
  {
    resolvers: [
      PaymentNoticeResolver,
      PayeeAccountResolver,
      BankStatementResolver,
      BankTransactionResolver,
      ReceiptResolver,
      ReceiptBookResolver,
      FinanceDayResolver,
      FinanceDayTotalResolver,
      ReconciliationItemResolver,
      AdjustingEntryResolver,
    ],
    nodeLoaders: feeNodes,
  },
  {
    resolvers: [AppraisalRuleSetResolver, AppraisalPeriodResolver, AppraisalResultResolver, AppraisalLineResolver, AppraisalCommendationResolver, AppraisalReportResolver, AppraisalDepartmentFiguresResolver, AppraisalDepartmentGradesResolver],
    nodeLoaders: appraisalNodes,
  },
  {
    resolvers: [CoordinationPointResolver, ResponsibilityAssignmentResolver, WorkItemResolver, WorkItemAssigneeResolver, ConsultationParticipantResolver, WorkItemStepResolver],
    nodeLoaders: { ...coordinationMatrixNodes, ...workItemNodes },
  },
  {
    // 数据统计上报 (鞍山 衔接 三.3) and coordinationStats (四.3): the coordination module's figures, in files of their own.
    resolvers: [StatisticsReportResolver, StatisticsReportWindowRowResolver, CoordinationStatsResolver],
    nodeLoaders: statisticsReportNodes,
  },
  {
    resolvers: [PublicNoticeResolver, CentreAddressResolver, MatterGuideNoticesResolver, GuideWindowNoticesResolver],
    nodeLoaders: noticeNodes,
    publicRootFields: ['Query.publicNotices'],
  },
  {
    resolvers: [AuditResolver],
  },
];
