import { Field, Int, ObjectType } from 'type-graphql';
import { Tenant, User } from '../tenancy/entities';
import { Complaint, ComplaintStatus, Sanction } from './entities';

@ObjectType({ description: '网上投诉 filed: the number and the query code, given once' })
export class FiledComplaint {
  @Field({ description: '投诉编号' })
  number: string;

  @Field({ description: '查询码: keep it; with the number it shows the progress (complaintProgress). It is not shown again' })
  queryCode: string;

  @Field({ description: 'Reply due by' })
  dueAt: Date;
}

@ObjectType({ description: 'A complaint recorded by staff, with the query code to give the complainant (once)' })
export class RecordedComplaint {
  @Field(() => Complaint, { description: 'The complaint, received and routed' })
  complaint: Complaint;

  @Field({ description: '查询码 for the complainant; not shown again' })
  queryCode: string;
}

@ObjectType({ description: '投诉进度: what the complainant sees with the number and the query code' })
export class ComplaintProgress {
  @Field({ description: '投诉编号' })
  number: string;

  @Field(() => ComplaintStatus, { description: 'Where the complaint is' })
  status: ComplaintStatus;

  @Field({ description: 'Reply due by' })
  dueAt: Date;

  @Field(() => String, { nullable: true, description: '答复: the published reply, once given' })
  reply: string | null;
}

@ObjectType({ description: 'A centre’s complaint settings (the defaults when it has set none)' })
export class ComplaintSettingsView {
  @Field(() => Tenant, { description: 'The centre' })
  tenant: Tenant;

  @Field(() => Int, { description: 'Working days to reply, from receipt (default 10)' })
  replyWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'Version to pass when changing them; null while the defaults apply' })
  version: number | null;
}

@ObjectType({ description: 'A person’s sanctions in force in a calendar year, for the appraisal (考核)' })
export class SanctionStandingView {
  @Field(() => User, { description: 'The person' })
  person: User;

  @Field(() => Int, { description: 'The calendar year' })
  year: number;

  @Field(() => [Sanction], { description: 'In force (not revoked), decided that year, oldest first' })
  sanctions: Sanction[];

  @Field({ description: '锦州 第十六条: an EFFICIENCY_WARNING (效能告诫) that year bars EXCELLENT (评先评优)' })
  barredFromExcellent: boolean;
}
