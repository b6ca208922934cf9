import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { WindowReplacementInput } from '../tenancy/inputs';
import { ComplaintCategory, ComplaintChannel, ComplaintHandler, ComplaintOutcome, ComplaintStatus, SanctionBasisKind, SanctionKind } from './entities';

@InputType({ description: 'What a complaint is about: any combination of these, at least one, all in the centre complained to' })
export class ComplaintSubjectInput {
  @Field({ nullable: true, description: 'The window’s number as shown above it, e.g. A05' })
  windowNumber?: string;

  @Field(() => ID, { nullable: true, description: 'A staff member (User) of the centre' })
  staffId?: string;

  @Field(() => ID, { nullable: true, description: 'A department of the centre' })
  departmentId?: string;

  @Field({ nullable: true, description: 'The case number (办件编号) the complaint concerns' })
  applicationNumber?: string;
}

/** The complaint itself, however it came in (its fields are inherited by the two inputs). */
@InputType('ComplaintFields', { description: 'The fields of a complaint, however it came in' })
class ComplaintFields {
  @Field(() => ComplaintCategory, { description: 'What it is about; VIOLATION goes to supervision (监察)' })
  category: ComplaintCategory;

  @Field(() => ComplaintSubjectInput, { description: 'Who or what is complained about' })
  subject: ComplaintSubjectInput;

  @Field({ description: '投诉内容, 1-2000 characters' })
  content: string;

  @Field({ nullable: true, description: '投诉人姓名; leave out, with the contact, for an anonymous complaint' })
  complainantName?: string;

  @Field({ nullable: true, description: '联系方式 (phone or address), for the reply and the return visit' })
  complainantContact?: string;
}

@InputType({ description: '网上投诉: a complaint filed by the complainant, without signing in' })
export class FileComplaintInput extends ComplaintFields {
  @Field({ description: '行政区划代码 of the centre complained to' })
  tenantCode: string;
}

@InputType({ description: 'A complaint received by letter (信箱), phone, 12345 or in person, recorded by staff of the centre' })
export class RecordComplaintInput extends ComplaintFields {
  @Field(() => ComplaintChannel, { description: 'How it came in; ONLINE complaints are filed by the complainant (fileComplaint)' })
  channel: ComplaintChannel;
}

@InputType('ComplaintVersionInput', { description: 'A complaint and the version the caller last read' })
export class ComplaintVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: '分派: give a complaint to an investigator' })
export class AssignComplaintInput extends ComplaintVersionInput {
  @Field(() => ID, { description: 'An active CENTRE_ADMIN (or, for a violation, SUPERVISOR) of the centre, not complained about' })
  assigneeId: string;
}

@InputType({ description: '答复: the outcome, the findings and the reply to the complainant' })
export class ResolveComplaintInput extends ComplaintVersionInput {
  @Field(() => ComplaintOutcome, { description: '投诉属实 or not' })
  outcome: ComplaintOutcome;

  @Field({ description: '核查情况: what the investigation found, 1-2000 characters' })
  findings: string;

  @Field({ description: '答复: published to the complainant on the progress page, 1-2000 characters' })
  reply: string;
}

@InputType({ description: '回访: the complainant’s view of the reply' })
export class ComplaintReturnVisitInput extends ComplaintVersionInput {
  @Field({ description: 'Satisfied (满意) or not' })
  satisfied: boolean;

  @Field({ nullable: true, description: 'What the complainant said, up to 1000 characters' })
  note?: string;

  @Field({ nullable: true, description: 'Unsatisfied: investigate again instead of closing (once per complaint)' })
  reopen?: boolean;
}

@InputType({ description: 'A centre’s complaint settings' })
export class ComplaintSettingsInput {
  @Field(() => Int, { description: 'Working days to reply, 1-60' })
  replyWorkingDays: number;

  @Field(() => Int, { nullable: true, description: 'The settings’ version, to change existing settings; leave out the first time' })
  version?: number | null;
}

@InputType({ description: 'Narrows the complaint list' })
export class ComplaintFilter {
  @Field(() => ComplaintStatus, { nullable: true, description: 'Only complaints in this state' })
  status?: ComplaintStatus;

  @Field(() => ComplaintCategory, { nullable: true, description: 'Only complaints of this category' })
  category?: ComplaintCategory;

  @Field(() => ComplaintHandler, { nullable: true, description: 'Only those handled by the centre, or by supervision' })
  handler?: ComplaintHandler;

  @Field({ nullable: true, description: 'Only the complaints of this centre (行政区划代码)' })
  tenantCode?: string;
}

export const complaintSorting = defineSorting({
  typeName: 'Complaint',
  label: 'complaints (投诉)',
  fields: {
    RECEIVED_AT: { column: 'c.receivedAt', kind: 'instant', description: 'When it was received' },
    DUE_AT: { column: 'c.dueAt', kind: 'instant', description: 'Reply deadline' },
  },
  defaultOrder: [{ field: 'RECEIVED_AT', direction: OrderDirection.DESC }],
});
export type ComplaintOrderField = keyof typeof complaintSorting.fields;

@InputType({ description: '处理: one entry of the sanction register' })
export class RecordSanctionInput {
  @Field(() => ID, { description: 'The person sanctioned: an active staff member of your centre' })
  personId: string;

  @Field(() => SanctionKind, { description: 'Kind of sanction, mild to severe' })
  kind: SanctionKind;

  @Field(() => SanctionBasisKind, { description: 'What it rests on' })
  basisKind: SanctionBasisKind;

  @Field(() => ID, { nullable: true, description: 'For a COMPLAINT basis: an upheld complaint about the person' })
  complaintId?: string;

  @Field(() => ID, { nullable: true, description: 'For an APPLICATION basis: a case of your centre' })
  applicationId?: string;

  @Field(() => ID, { nullable: true, description: 'For a SAMPLING_FINDING basis: the sampled case (SampledCase) of your centre whose finding lists problems (办件抽查); basisText is then optional' })
  sampledCaseId?: string;

  @Field({ nullable: true, description: 'For a SAMPLING_FINDING or RULE basis: the finding or the article, e.g. 锦州 第二十八条(三)' })
  basisText?: string;

  @Field({ defaultValue: false, description: '情节严重 (锦州 第二十七条, 第二十八条): serious conduct; a removal from post then needs no earlier warning' })
  severe: boolean;

  @Field({ nullable: true, description: 'Date of the decision, yyyy-mm-dd, no later than today (default today)' })
  decidedOn?: string;

  @Field({ nullable: true, description: 'Note, up to 1000 characters' })
  note?: string;

  @Field(() => [WindowReplacementInput], {
    defaultValue: [],
    description: 'REMOVAL_FROM_POST: who takes over the person’s post at a window that would otherwise be left empty (空岗)',
  })
  replacements: WindowReplacementInput[];
}

@InputType({ description: 'Revoke a sanction: a new entry pointing at it, with the reason' })
export class RevokeSanctionInput {
  @Field(() => ID, { description: 'The sanction revoked (not itself a revocation)' })
  sanctionId: string;

  @Field({ description: 'Why it is revoked, 1-1000 characters' })
  reason: string;
}

@InputType({ description: 'Narrows the sanction register' })
export class SanctionFilter {
  @Field(() => ID, { nullable: true, description: 'Only this person’s' })
  personId?: string;

  @Field(() => Int, { nullable: true, description: 'Only those decided in this calendar year' })
  year?: number;

  @Field(() => SanctionKind, { nullable: true, description: 'Only sanctions of this kind' })
  kind?: SanctionKind;
}

export const sanctionSorting = defineSorting({
  typeName: 'Sanction',
  label: 'the sanction register (处理登记)',
  fields: {
    DECIDED_ON: { column: 's.decidedOn', kind: 'text', description: 'Date of the decision' },
  },
  defaultOrder: [{ field: 'DECIDED_ON', direction: OrderDirection.DESC }],
});
export type SanctionOrderField = keyof typeof sanctionSorting.fields;
