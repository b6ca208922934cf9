import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { AgencyServiceKind, ApplicantKind, ApplicantNotification, ApplicationStatus, DeliveryMethod, IdDocumentType, SupervisionLight, SuspensionKind } from './entities';

@InputType({ description: '接件: a case handed in at a window' })
export class ReceiveApplicationInput {
  @Field(() => ID, { description: 'The PUBLISHED matter (政务服务事项) applied for, served by the window' })
  matterId: string;

  @Field(() => ID, { description: 'The receiving window (of the own centre, open)' })
  windowId: string;

  @Field(() => ApplicantKind, { description: '申请人类型: natural or legal person' })
  applicantKind: ApplicantKind;

  @Field({ description: 'Name of the person, or of the legal person' })
  applicantName: string;

  @Field(() => IdDocumentType, { description: 'Document of the person (for a legal person: of its agent)' })
  applicantIdType: IdDocumentType;

  @Field({ description: '证件号码; a 居民身份证 number is checked (18 characters, check digit)' })
  applicantIdNumber: string;

  @Field({ description: '联系电话 of the applicant; its last 4 digits open the public progress page' })
  applicantPhone: string;

  @Field({ description: '联系地址 of the applicant' })
  applicantAddress: string;

  @Field({ nullable: true, description: '统一社会信用代码: required for a legal person' })
  creditCode?: string;
}

/** Every transition names the case and the version it was read at. */
@InputType('ApplicationVersionInput', { description: 'A case (办件) and the version you last read' })
export class ApplicationVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: '受理: accept a case; every required material must be handed in' })
export class AcceptApplicationInput extends ApplicationVersionInput {
  @Field(() => [ID], { description: 'The MaterialRequirements the applicant handed in' })
  providedMaterialIds: string[];
}

@InputType({ description: 'A material handed in that is not acceptable (一次性告知)' })
export class InvalidMaterialInput {
  @Field(() => ID, { description: 'The MaterialRequirement of the case’s matter' })
  materialId: string;

  @Field({ description: 'What is wrong with it' })
  note: string;
}

@InputType({ description: '补正 with the one-time notice (一次性告知): missing required materials are listed automatically' })
export class RequestSupplementInput extends ApplicationVersionInput {
  @Field(() => [ID], { description: 'The MaterialRequirements handed in so far; required ones not listed are listed as missing' })
  providedMaterialIds: string[];

  @Field(() => [InvalidMaterialInput], { defaultValue: [], description: 'Materials handed in but not acceptable, each with what is wrong' })
  invalidMaterials: InvalidMaterialInput[];

  @Field({ defaultValue: '', description: 'A remark for the applicant; optional' })
  note: string;
}

@InputType({ description: '补件: the materials the applicant has now handed in' })
export class SupplementApplicationInput extends ApplicationVersionInput {
  @Field(() => [ID], { description: 'The MaterialRequirements handed in now (added to those handed in before)' })
  providedMaterialIds: string[];
}

@InputType({ description: '不予受理: the case is outside the matter’s scope or conditions' })
export class RefuseApplicationInput extends ApplicationVersionInput {
  @Field({ description: 'Why the case is not accepted (不予受理理由), told to the applicant' })
  reason: string;
}

@InputType({ description: '联办件: ask a dissenting joint department to review again' })
export class ReopenJointOpinionInput extends ApplicationVersionInput {
  @Field(() => ID, { description: 'The joint department (联办部门) whose dissenting opinion is reopened' })
  departmentId: string;

  @Field({ description: 'Why it should review again' })
  reason: string;
}

@InputType({ description: 'A case step with an optional remark' })
export class NoteInput extends ApplicationVersionInput {
  @Field({ defaultValue: '', description: 'Remark kept on the timeline; optional' })
  note: string;
}

@InputType({ description: 'A case step that needs a reason' })
export class ReasonInput extends ApplicationVersionInput {
  @Field({ description: 'The reason, kept on the timeline (and on the case for 不予许可 and 退件)' })
  reason: string;
}

@InputType({ description: '联办件: the opinion of the viewer’s department' })
export class JointOpinionInput extends ApplicationVersionInput {
  @Field({ description: 'true: agrees (同意); false: dissents' })
  agrees: boolean;

  @Field({ defaultValue: '', description: 'The department’s remark or reasons; optional' })
  note: string;
}

@InputType({ description: '上报件: the higher authority the case is reported to' })
export class ReportInput extends ApplicationVersionInput {
  @Field({ description: 'The higher authority, e.g. 辽宁省市场监督管理局' })
  reportedTo: string;
}

@InputType({ description: '上报件: the higher authority’s reply' })
export class ReportReplyInput extends ApplicationVersionInput {
  @Field({ description: 'The reply (批复) as received' })
  reply: string;
}

@InputType({ description: '挂起: stop the clock for a special procedure (特殊程序)' })
export class SuspendApplicationInput extends ApplicationVersionInput {
  @Field(() => SuspensionKind, { description: 'Which special procedure' })
  kind: SuspensionKind;

  @Field({ description: 'Why, kept on the timeline' })
  reason: string;
}

@InputType({ description: '延期: more working days, with the reason told to the applicant' })
export class ExtendApplicationInput extends ApplicationVersionInput {
  @Field(() => Int, { description: 'Working days to add; never past the legal limit (法定时限) from acceptance' })
  days: number;

  @Field({ description: 'Why the case needs more time' })
  reason: string;

  @Field(() => ApplicantNotification, { description: 'How the applicant was told in advance' })
  notifiedBy: ApplicantNotification;
}

@InputType({ description: '送达: hand over or mail the result' })
export class DeliverApplicationInput extends ApplicationVersionInput {
  @Field(() => DeliveryMethod, { description: 'PICKUP at the window or MAIL (then carrier and trackingNumber are required)' })
  method: DeliveryMethod;

  @Field({ nullable: true, description: 'MAIL: the carrier (快递公司)' })
  carrier?: string;

  @Field({ nullable: true, description: 'MAIL: the tracking number' })
  trackingNumber?: string;
}

@InputType({ description: '退件: decide a pending withdrawal request' })
export class DecideWithdrawalInput extends ApplicationVersionInput {
  @Field({ description: 'true: withdraw the case (退件); false: refuse the request' })
  approve: boolean;

  @Field({ defaultValue: '', description: 'Remark kept on the timeline; optional' })
  note: string;
}

@InputType({ description: 'A span of time: from (inclusive) to (exclusive)' })
export class InstantRange {
  @Field({ description: 'Start, inclusive' })
  from: Date;

  @Field({ description: 'End, exclusive' })
  to: Date;
}

@InputType({ description: 'Narrows the cases list' })
export class ApplicationFilter {
  @Field(() => ApplicationStatus, { nullable: true, description: 'Only cases in this status' })
  status?: ApplicationStatus;

  @Field(() => [ApplicationStatus], { nullable: true, description: 'Any of these statuses' })
  statusIn?: ApplicationStatus[];

  @Field(() => SupervisionLight, { nullable: true, description: 'Only cases with this 电子监察 light' })
  light?: SupervisionLight;

  @Field({ nullable: true, description: 'One readable centre (a city user picking a subordinate); another code gives an empty list' })
  tenantCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only cases of this matter' })
  matterId?: string;

  @Field(() => ID, { nullable: true, description: 'Only cases of this implementing department' })
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: 'Only cases received at this window (受理窗口)' })
  windowId?: string;

  @Field(() => InstantRange, { nullable: true, description: 'Received at or after `from` and before `to`' })
  receivedBetween?: InstantRange;

  @Field(() => InstantRange, { nullable: true, description: '办结时限 at or after `from` and before `to`' })
  dueBetween?: InstantRange;

  @Field({ nullable: true, description: 'Exact case number' })
  number?: string;

  @Field({
    nullable: true,
    description: 'Exact applicant ID number (证件号码). Only for viewers who see it in clear (Application.applicantIdNumber); it matches only the cases where they do. Others: FORBIDDEN',
  })
  applicantIdNumber?: string;

  @Field({
    nullable: true,
    description: 'Exact applicant name (申请人姓名 / 名称). Only for viewers who see it in clear (Application.applicantName); it matches only the cases where they do. Others: FORBIDDEN',
  })
  applicantName?: string;
}

export const applicationSorting = defineSorting({
  typeName: 'Application',
  label: '办件 lists',
  fields: {
    RECEIVED_AT: { column: 'a.receivedAt', kind: 'instant', description: '接件时间' },
    DUE_AT: { column: 'a.dueAt', kind: 'instant', nullable: true, description: '办结时限; cases without a deadline sort below every date' },
    NUMBER: { column: 'a.number', kind: 'text', description: '办件编号' },
    STATUS: { column: 'a.status', kind: 'text', description: 'Status, by its code' },
  },
  defaultOrder: [{ field: 'RECEIVED_AT', direction: OrderDirection.DESC }],
});

export type ApplicationOrderField = keyof typeof applicationSorting.fields;

@InputType({ description: '帮办代办 on a case (鞍山 衔接 三.3, 三.6): records it, or with its version replaces it' })
export class RecordAgencyServiceInput {
  @Field(() => ID, { description: 'The case (办件) of the own centre that was helped with' })
  applicationId: string;

  @Field(() => ID, { description: '帮办人: an active staff member of one of the centre’s own departments (业务协调部, 窗口服务部 …)' })
  helperId: string;

  @Field(() => AgencyServiceKind, { description: '项目服务 the help belongs to' })
  kind: AgencyServiceKind;

  @Field({ description: '重点项目名称 (1-200 characters)' })
  projectName: string;

  @Field({ description: 'When the help was given; not in the future' })
  helpedAt: Date;

  @Field({ nullable: true, description: 'What was done for the applicant (up to 500 characters)' })
  note?: string;

  @Field(() => Int, { nullable: true, description: 'The record’s version, to replace it; left out for a case without one' })
  version?: number;
}
