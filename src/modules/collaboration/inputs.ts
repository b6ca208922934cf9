import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { ResultDelivery, TicketStatus } from './entities';

@InputType({ description: 'Open a collaboration ticket for a case just received here (受理地)' })
export class CreateTicketInput {
  @Field(() => ID, { description: 'The case, SUBMITTED at this centre' })
  applicationId: string;

  @Field({ description: 'The centre with the power to decide (办理地)' })
  handlingTenantCode: string;

  @Field({ description: 'Paper materials travel with the case' })
  paperMaterials: boolean;

  @Field(() => ResultDelivery, { description: 'Where the certificate is mailed, as the applicant chose' })
  resultDelivery: ResultDelivery;
}

@InputType('TicketVersionInput', { description: 'A collaboration ticket (协作流转单) and the version you last read' })
export class TicketVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'A ticket step with an optional remark' })
export class TicketNoteInput extends TicketVersionInput {
  @Field({ defaultValue: '', description: 'Remark or outcome kept on the step (e.g. the assisted check’s result); optional' })
  note: string;
}

@InputType({ description: '辅助审核 with a department of the own level (同级相关部门)' })
export class AssistedCheckInput extends TicketVersionInput {
  @Field(() => ID, { description: 'The department of your own centre the check was done with' })
  departmentId: string;

  @Field({ description: 'The assisted check’s outcome, as kept on the step' })
  note: string;
}

@InputType({ description: '撤销 a ticket abandoned in DRAFT or RETURNED, with the reason' })
export class CancelTicketInput extends TicketVersionInput {
  @Field({ description: 'Why the ticket is abandoned' })
  reason: string;
}

@InputType({ description: '退回 with the reason and the one-time list of what to supplement' })
export class ReturnTicketInput extends TicketVersionInput {
  @Field({ description: 'Why the ticket goes back to the receiving window' })
  reason: string;

  @Field(() => [String], { description: '一次性告知: every material to supplement, by name, at once' })
  missingMaterials: string[];
}

@InputType({ description: '转办: forward a ticket to the handling department’s window' })
export class ForwardTicketInput extends TicketVersionInput {
  @Field(() => ID, { description: 'The handling centre’s window the case is received at' })
  windowId: string;
}

@InputType({ description: '寄送: a mailing step with its carrier and tracking number' })
export class MailInput extends TicketVersionInput {
  @Field({ description: 'The carrier (快递公司), e.g. EMS' })
  carrier: string;

  @Field({ description: 'The tracking number (运单号)' })
  trackingNumber: string;
}

@InputType({ description: 'Narrows a list of collaboration tickets' })
export class TicketFilter {
  @Field(() => TicketStatus, { nullable: true, description: 'Only tickets in this status' })
  status?: TicketStatus;

  @Field({ nullable: true, description: '事项编码' })
  matterCode?: string;

  @Field({ nullable: true, description: 'Only tickets with a late step (true) or without (false)' })
  overdue?: boolean;

  @Field(() => [TicketStatus], { nullable: true, description: 'Any of these statuses' })
  statusIn?: TicketStatus[];

  @Field({ nullable: true, description: 'The other side’s division code' })
  counterpartTenantCode?: string;

  @Field({ nullable: true, description: 'The viewer’s side: one readable centre (a city user picking a subordinate); another code gives an empty list' })
  tenantCode?: string;
}

export const ticketSorting = defineSorting({
  typeName: 'CollaborationTicket',
  label: 'ticket lists (协作流转单)',
  fields: {
    CREATED_AT: { column: 't.createdAt', kind: 'instant', description: 'When the ticket was opened' },
    DUE_AT: {
      // The earliest due time of the ticket's open steps.
      column: '(SELECT MIN(ds.due_at) FROM ticket_step ds WHERE ds.ticket_id = t.id AND ds.tenant_id = t.tenant_id AND ds.done_at IS NULL AND ds.cancelled_at IS NULL)',
      kind: 'instant',
      nullable: true,
      description: 'Due time of the earliest open step; tickets without one sort below every date',
    },
  },
  defaultOrder: [{ field: 'CREATED_AT', direction: OrderDirection.DESC }],
});
export type TicketOrderField = keyof typeof ticketSorting.fields;

@InputType({ description: 'Platform admin: put a matter code on, or take it off, the cross-province list (跨省通办)' })
export class CrossProvinceMatterInput {
  @Field({ description: '事项编码 of the matter' })
  code: string;

  @Field({ defaultValue: '', description: '事项名称 to show on the list; optional' })
  name: string;

  @Field({ description: 'true: put on the list; false: take off' })
  listed: boolean;
}
