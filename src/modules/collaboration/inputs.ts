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

@InputType('TicketVersionInput')
export class TicketVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType()
export class TicketNoteInput extends TicketVersionInput {
  @Field({ defaultValue: '' })
  note: string;
}

@InputType({ description: '退回 with the reason and the one-time list of what to supplement' })
export class ReturnTicketInput extends TicketVersionInput {
  @Field()
  reason: string;

  @Field(() => [String])
  missingMaterials: string[];
}

@InputType()
export class ForwardTicketInput extends TicketVersionInput {
  @Field(() => ID, { description: 'The handling centre’s window the case is received at' })
  windowId: string;
}

@InputType()
export class MailInput extends TicketVersionInput {
  @Field()
  carrier: string;

  @Field()
  trackingNumber: string;
}

@InputType()
export class TicketFilter {
  @Field(() => TicketStatus, { nullable: true })
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
      column: '(SELECT MIN(ds.due_at) FROM ticket_step ds WHERE ds.ticket_id = t.id AND ds.tenant_id = t.tenant_id AND ds.done_at IS NULL)',
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
  @Field()
  code: string;

  @Field({ defaultValue: '' })
  name: string;

  @Field()
  listed: boolean;
}
