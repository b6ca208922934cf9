import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { SupervisionNoticeCause, SupervisionNoticeStatus, SamplingProblem, SamplingVerdict } from './entities';

@InputType({ description: '人工督办: a notice issued by hand (锦州 第十一条: 视频监控, 办件抽查 …)' })
export class IssueSupervisionNoticeInput {
  @Field(() => ID, { description: 'The responsible department, of your centre' })
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'The responsible person, an active staff member of your centre, where known' })
  personId?: string;

  @Field({ description: '督办事由: what was found, 1-2000 characters (free text, e.g. what the hall video showed)' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Working days to reply, 1-10 (default: the centre’s setting, else 1)' })
  replyWorkingDays?: number;
}

@InputType('SupervisionNoticeVersionInput', { description: 'A notice and the version the caller last read' })
export class SupervisionNoticeVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: '反馈: the responsible department’s answer' })
export class ReplyToSupervisionNoticeInput extends SupervisionNoticeVersionInput {
  @Field({ description: '原因: why it happened, 1-2000 characters' })
  cause: string;

  @Field({ description: '整改措施: what was corrected, 1-2000 characters' })
  correction: string;
}

@InputType({ description: '退回: the reply is not enough; a new reply deadline' })
export class SendBackSupervisionNoticeInput extends SupervisionNoticeVersionInput {
  @Field({ description: '退回理由, 1-1000 characters' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Working days for the new reply, 1-10 (default: the centre’s setting, else 1)' })
  replyWorkingDays?: number;
}

@InputType({ description: 'A centre’s supervision settings' })
export class SupervisionSettingsInput {
  @Field(() => Int, { description: 'Working days to answer a supervision notice, 1-10' })
  replyWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'The settings’ version, to change existing settings; leave out the first time' })
  version?: number | null;
}

@InputType({ description: 'Narrows the supervision-notice list' })
export class SupervisionNoticeFilter {
  @Field(() => SupervisionNoticeStatus, { nullable: true, description: 'Only notices in this state' })
  status?: SupervisionNoticeStatus;

  @Field(() => SupervisionNoticeCause, { nullable: true, description: 'Only notices of this cause' })
  causeKind?: SupervisionNoticeCause;

  @Field({ nullable: true, description: 'Only escalated (true) or not escalated (false) notices' })
  escalated?: boolean;

  @Field({ nullable: true, description: 'Only the notices of this centre (行政区划代码)' })
  tenantCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only the notices addressed to this department' })
  departmentId?: string;
}

export const noticeSorting = defineSorting({
  typeName: 'SupervisionNotice',
  label: 'supervision notices (督办单)',
  fields: {
    ISSUED_AT: { column: 'n.issuedAt', kind: 'instant', description: 'When it was issued' },
    REPLY_DUE_AT: { column: 'n.replyDueAt', kind: 'instant', description: 'Reply deadline' },
  },
  defaultOrder: [{ field: 'ISSUED_AT', direction: OrderDirection.DESC }],
});
export type NoticeOrderField = keyof typeof noticeSorting.fields;

@InputType({ description: '办件抽查: draw finished cases at random' })
export class DrawCaseSampleInput {
  @Field({ description: '行政区划代码 of your centre' })
  tenantCode: string;

  @Field({ description: 'First day of decisions (办结), yyyy-mm-dd, the centre’s local date' })
  from: string;

  @Field({ description: 'Last day of decisions, yyyy-mm-dd, inclusive; at most 366 days after from' })
  to: string;

  @Field(() => Int, { description: 'Cases to draw, 1-200 (fewer when fewer finished)' })
  size: number;

  @Field(() => ID, { nullable: true, description: 'Only cases of this implementing department' })
  departmentId?: string;

  @Field({ nullable: true, description: 'Re-draw with a known seed (32 hex digits), e.g. to show an inspection is reproducible; random by default' })
  seed?: string;
}

@InputType({ description: '抽查结论: the finding on one sampled case' })
export class RecordSamplingFindingInput {
  @Field(() => ID, { description: 'The sampled case (SampledCase)' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => SamplingVerdict, { description: 'COMPLIANT or NON_COMPLIANT' })
  verdict: SamplingVerdict;

  @Field(() => [SamplingProblem], { defaultValue: [], description: 'For NON_COMPLIANT: the problems found (at least one)' })
  problems: SamplingProblem[];

  @Field({ nullable: true, description: 'What the inspector noted, up to 2000 characters' })
  note?: string;
}

export const sampleSorting = defineSorting({
  typeName: 'CaseSample',
  label: 'case samples (办件抽查)',
  fields: {
    DRAWN_AT: { column: 's.drawnAt', kind: 'instant', description: 'When it was drawn' },
  },
  defaultOrder: [{ field: 'DRAWN_AT', direction: OrderDirection.DESC }],
});
export type SampleOrderField = keyof typeof sampleSorting.fields;
