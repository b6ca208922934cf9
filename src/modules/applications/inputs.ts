import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { ApplicantKind, ApplicantNotification, ApplicationStatus, DeliveryMethod, IdDocumentType, SupervisionLight, SuspensionKind } from './entities';

@InputType({ description: '接件: a case handed in at a window' })
export class ReceiveApplicationInput {
  @Field(() => ID)
  matterId: string;

  @Field(() => ID, { description: 'The receiving window (of the own centre, open)' })
  windowId: string;

  @Field(() => ApplicantKind)
  applicantKind: ApplicantKind;

  @Field({ description: 'Name of the person, or of the legal person' })
  applicantName: string;

  @Field(() => IdDocumentType, { description: 'Document of the person (for a legal person: of its agent)' })
  applicantIdType: IdDocumentType;

  @Field()
  applicantIdNumber: string;

  @Field()
  applicantPhone: string;

  @Field()
  applicantAddress: string;

  @Field({ nullable: true, description: '统一社会信用代码: required for a legal person' })
  creditCode?: string;
}

/** Every transition names the case and the version it was read at. */
@InputType('ApplicationVersionInput')
export class ApplicationVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType()
export class AcceptApplicationInput extends ApplicationVersionInput {
  @Field(() => [ID], { description: 'The MaterialRequirements the applicant handed in' })
  providedMaterialIds: string[];
}

@InputType()
export class InvalidMaterialInput {
  @Field(() => ID)
  materialId: string;

  @Field({ description: 'What is wrong with it' })
  note: string;
}

@InputType({ description: '补正 with the one-time notice (一次性告知): missing required materials are listed automatically' })
export class RequestSupplementInput extends ApplicationVersionInput {
  @Field(() => [ID])
  providedMaterialIds: string[];

  @Field(() => [InvalidMaterialInput], { defaultValue: [] })
  invalidMaterials: InvalidMaterialInput[];

  @Field({ defaultValue: '' })
  note: string;
}

@InputType({ description: '补件: the materials the applicant has now handed in' })
export class SupplementApplicationInput extends ApplicationVersionInput {
  @Field(() => [ID])
  providedMaterialIds: string[];
}

@InputType({ description: '不予受理: the case is outside the matter’s scope or conditions' })
export class RefuseApplicationInput extends ApplicationVersionInput {
  @Field()
  reason: string;
}

@InputType({ description: '联办件: ask a dissenting joint department to review again' })
export class ReopenJointOpinionInput extends ApplicationVersionInput {
  @Field(() => ID)
  departmentId: string;

  @Field()
  reason: string;
}

@InputType()
export class NoteInput extends ApplicationVersionInput {
  @Field({ defaultValue: '' })
  note: string;
}

@InputType()
export class ReasonInput extends ApplicationVersionInput {
  @Field()
  reason: string;
}

@InputType({ description: '联办件: the opinion of the viewer’s department' })
export class JointOpinionInput extends ApplicationVersionInput {
  @Field()
  agrees: boolean;

  @Field({ defaultValue: '' })
  note: string;
}

@InputType({ description: '上报件: the higher authority the case is reported to' })
export class ReportInput extends ApplicationVersionInput {
  @Field()
  reportedTo: string;
}

@InputType({ description: '上报件: the higher authority’s reply' })
export class ReportReplyInput extends ApplicationVersionInput {
  @Field()
  reply: string;
}

@InputType()
export class SuspendApplicationInput extends ApplicationVersionInput {
  @Field(() => SuspensionKind)
  kind: SuspensionKind;

  @Field()
  reason: string;
}

@InputType({ description: '延期: more working days, with the reason told to the applicant' })
export class ExtendApplicationInput extends ApplicationVersionInput {
  @Field(() => Int)
  days: number;

  @Field()
  reason: string;

  @Field(() => ApplicantNotification, { description: 'How the applicant was told in advance' })
  notifiedBy: ApplicantNotification;
}

@InputType()
export class DeliverApplicationInput extends ApplicationVersionInput {
  @Field(() => DeliveryMethod)
  method: DeliveryMethod;

  @Field({ nullable: true, description: 'MAIL: the carrier (快递公司)' })
  carrier?: string;

  @Field({ nullable: true, description: 'MAIL: the tracking number' })
  trackingNumber?: string;
}

@InputType()
export class DecideWithdrawalInput extends ApplicationVersionInput {
  @Field({ description: 'true: withdraw the case (退件); false: refuse the request' })
  approve: boolean;

  @Field({ defaultValue: '' })
  note: string;
}

@InputType()
export class InstantRange {
  @Field()
  from: Date;

  @Field()
  to: Date;
}

@InputType()
export class ApplicationFilter {
  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus;

  @Field(() => [ApplicationStatus], { nullable: true, description: 'Any of these statuses' })
  statusIn?: ApplicationStatus[];

  @Field(() => SupervisionLight, { nullable: true })
  light?: SupervisionLight;

  @Field({ nullable: true, description: 'One readable centre (a city user picking a subordinate); another code gives an empty list' })
  tenantCode?: string;

  @Field(() => ID, { nullable: true })
  matterId?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
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
