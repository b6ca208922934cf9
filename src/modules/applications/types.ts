import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ApplicationStatus } from './entities';

@ObjectType({ description: '一次性告知: one missing or invalid material' })
export class NoticeItemType {
  @Field()
  material: string;

  @Field({ description: 'MISSING or INVALID' })
  problem: string;

  @Field()
  note: string;
}

@ObjectType({ description: 'One step of a case as the applicant sees it: no names, no notes' })
export class ProgressStep {
  @Field()
  action: string;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field()
  at: Date;
}

@ObjectType({ description: 'Public progress of a case (办件进度查询): no personal data, no staff' })
export class ApplicationProgress {
  @Field()
  number: string;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field()
  matterName: string;

  @Field()
  receivedAt: Date;

  @Field(() => Date, { nullable: true, description: '办结时限' })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true, description: '补正期限: while AWAITING_SUPPLEMENT' })
  supplementDueAt: Date | null;

  @Field(() => [NoticeItemType], { description: '一次性告知: what to hand in (补正); empty when nothing is asked' })
  oneTimeNotice: NoticeItemType[];

  @Field(() => [ProgressStep])
  timeline: ProgressStep[];
}

@ObjectType({ description: '数据统计: figures of one department, window, matter or tenant' })
export class ApplicationStatsRow {
  @Field(() => ID, { description: 'Global id of the department, window, matter or tenant' })
  groupId: string;

  @Field()
  groupName: string;

  @Field(() => Int)
  received: number;

  @Field(() => Int)
  accepted: number;

  @Field(() => Int, { description: '补正: cases asked for a supplement (一次性告知) at least once' })
  supplementRequested: number;

  @Field(() => Int, { description: '不予受理, including lapsed supplements' })
  notAccepted: number;

  @Field(() => Int, { description: '上报件 reported to the higher authority' })
  reportedUp: number;

  @Field(() => Int)
  approved: number;

  @Field(() => Int)
  denied: number;

  @Field(() => Int)
  delivered: number;

  @Field(() => Int)
  decided: number;

  @Field(() => Int)
  decidedOnTime: number;

  @Field(() => Float, { nullable: true, description: 'Decided on time / decided (0-1); null when nothing was decided' })
  onTimeRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Average working days from acceptance to decision' })
  averageWorkingDays: number | null;
}

