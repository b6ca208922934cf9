import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ApplicationStatus } from './entities';

@ObjectType({ description: '一次性告知: one missing or invalid material' })
export class NoticeItemType {
  @Field({ description: 'Name of the material (申请材料) concerned' })
  material: string;

  @Field({ description: 'MISSING or INVALID' })
  problem: string;

  @Field({ description: 'What is wrong or what to bring; may be empty' })
  note: string;
}

@ObjectType({ description: 'One step of a case as the applicant sees it: no names, no notes' })
export class ProgressStep {
  @Field({ description: 'What was done, as an ApplicationAction name (e.g. ACCEPT)' })
  action: string;

  @Field(() => ApplicationStatus, { description: 'Status of the case after the step' })
  status: ApplicationStatus;

  @Field({ description: 'When the step was taken' })
  at: Date;
}

@ObjectType({ description: 'Public progress of a case (办件进度查询): no personal data, no staff' })
export class ApplicationProgress {
  @Field({ description: '办件编号' })
  number: string;

  @Field(() => ApplicationStatus, { description: '办件状态 now' })
  status: ApplicationStatus;

  @Field({ description: '事项名称 of the matter applied for' })
  matterName: string;

  @Field({ description: '接件: when the case was taken in' })
  receivedAt: Date;

  @Field(() => Date, { nullable: true, description: '办结时限' })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true, description: '补正期限: while AWAITING_SUPPLEMENT' })
  supplementDueAt: Date | null;

  @Field(() => [NoticeItemType], { description: '一次性告知: what to hand in (补正); empty when nothing is asked' })
  oneTimeNotice: NoticeItemType[];

  @Field(() => [ProgressStep], { description: 'The steps so far, oldest first' })
  timeline: ProgressStep[];
}

@ObjectType({ description: '数据统计: figures of one department, window, matter or tenant' })
export class ApplicationStatsRow {
  @Field(() => ID, { description: 'Global id of the department, window, matter or tenant' })
  groupId: string;

  @Field({ description: 'Name of the department, window (number and name), matter or tenant' })
  groupName: string;

  @Field(() => Int, { description: '接件: cases received in the period' })
  received: number;

  @Field(() => Int, { description: '受理: of those, cases accepted' })
  accepted: number;

  @Field(() => Int, { description: '补正: cases asked for a supplement (一次性告知) at least once' })
  supplementRequested: number;

  @Field(() => Int, { description: '不予受理, including lapsed supplements' })
  notAccepted: number;

  @Field(() => Int, { description: '上报件 reported to the higher authority' })
  reportedUp: number;

  @Field(() => Int, { description: '准予许可: of those, cases approved' })
  approved: number;

  @Field(() => Int, { description: '不予许可: of those, cases denied' })
  denied: number;

  @Field(() => Int, { description: '送达: of those, cases delivered' })
  delivered: number;

  @Field(() => Int, { description: '办结: of those, cases decided (approved or denied)' })
  decided: number;

  @Field(() => Int, { description: 'Of the decided cases, those decided by their deadline (按时办结)' })
  decidedOnTime: number;

  @Field(() => Float, { nullable: true, description: 'Decided on time / decided (0-1); null when nothing was decided' })
  onTimeRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Average working days from acceptance to decision' })
  averageWorkingDays: number | null;
}

