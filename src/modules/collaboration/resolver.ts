import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import { Application } from '../applications/entities';
import { CollaborationTicket, TicketAction, TicketSide, TicketStep } from './entities';
import {
  AssistedCheckInput,
  CancelTicketInput,
  CreateTicketInput,
  CrossProvinceMatterInput,
  ForwardTicketInput,
  MailInput,
  ReturnTicketInput,
  TicketFilter,
  TicketOrderField,
  ticketSorting,
  TicketNoteInput,
  TicketVersionInput,
} from './inputs';
import * as collaboration from './service';

const TicketConnection = Connection(CollaborationTicket);

@ObjectType({ description: '跨省通办: a matter code on the cross-province list' })
export class CrossProvinceListEntry {
  @Field({ description: '事项编码 on the cross-province list' })
  code: string;

  @Field({ description: '事项名称 as listed; may be empty' })
  name: string;
}

@Resolver(() => CollaborationTicket)
export class TicketResolver {
  @Query(() => TicketConnection, { description: 'Tickets received here and handled elsewhere (受理地)' })
  outgoingTickets(
    @Ctx() ctx: RequestContext,
    @Args(() => ticketSorting.Args) args: ListArgs<TicketOrderField>,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
  ): Promise<ConnectionResult<CollaborationTicket>> {
    return collaboration.listTickets(ctx, 'OUTGOING', args, filter);
  }

  @Query(() => TicketConnection, { description: 'Tickets received elsewhere and handled here (办理地)' })
  incomingTickets(
    @Ctx() ctx: RequestContext,
    @Args(() => ticketSorting.Args) args: ListArgs<TicketOrderField>,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
  ): Promise<ConnectionResult<CollaborationTicket>> {
    return collaboration.listTickets(ctx, 'INCOMING', args, filter);
  }

  @Query(() => CollaborationTicket, { nullable: true, description: 'A ticket of either side; null for anyone else' })
  ticket(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<CollaborationTicket | null> {
    return collaboration.ticketById(ctx, id);
  }

  @Query(() => [CrossProvinceListEntry], { description: '跨省通办: the cross-province list' })
  crossProvinceMatters(@Ctx() ctx: RequestContext): Promise<CrossProvinceListEntry[]> {
    return collaboration.crossProvinceMatters(ctx);
  }

  @Mutation(() => Boolean, { description: 'Platform admin: maintain the cross-province list; returns whether the code is listed' })
  setCrossProvinceMatter(@Ctx() ctx: RequestContext, @Arg('input') input: CrossProvinceMatterInput): Promise<boolean> {
    return collaboration.setCrossProvinceMatter(ctx, input.code, input.name, input.listed);
  }

  @Mutation(() => CollaborationTicket, { description: '受理地 window: open a ticket for a case just received; push due in 1 working day' })
  createTicket(@Ctx() ctx: RequestContext, @Arg('input') input: CreateTicketInput): Promise<CollaborationTicket> {
    return collaboration.createTicket(ctx, input);
  }

  @Mutation(() => CollaborationTicket, {
    description: '辅助审核 with a department of the own level: 受理地 window before the push (第五条), 办理地 window before the forward (第六条)',
  })
  recordAssistedCheck(@Ctx() ctx: RequestContext, @Arg('input') input: AssistedCheckInput): Promise<CollaborationTicket> {
    return collaboration.recordAssistedCheck(ctx, input);
  }

  @Mutation(() => CollaborationTicket, {
    description: '受理地 window: accept the case (受理, if still SUBMITTED) and push the ticket (again after a return) to the handling centre',
  })
  pushTicket(@Ctx() ctx: RequestContext, @Arg('input') input: TicketNoteInput): Promise<CollaborationTicket> {
    return collaboration.pushTicket(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '办理地 window: return with the reason and what to supplement, at re-check or for the department after the forward' })
  returnTicket(@Ctx() ctx: RequestContext, @Arg('input') input: ReturnTicketInput): Promise<CollaborationTicket> {
    return collaboration.returnTicket(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '办理地 window: forward to the department; the handling case opens' })
  forwardTicket(@Ctx() ctx: RequestContext, @Arg('input') input: ForwardTicketInput): Promise<CollaborationTicket> {
    return collaboration.forwardTicket(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '办理地 window: the department decided; the result is uploaded' })
  uploadTicketResult(@Ctx() ctx: RequestContext, @Arg('input') input: TicketVersionInput): Promise<CollaborationTicket> {
    return collaboration.uploadTicketResult(ctx, input);
  }

  @Mutation(() => CollaborationTicket, {
    description: '办理地 window: the certificate mailed (carrier, tracking number); the handling case is delivered, and to the applicant the receiving case too',
  })
  mailTicketResult(@Ctx() ctx: RequestContext, @Arg('input') input: MailInput): Promise<CollaborationTicket> {
    return collaboration.mailTicketResult(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '受理地 window: the certificate mailed here handed to the applicant; the receiving case is delivered' })
  handOverTicketResult(@Ctx() ctx: RequestContext, @Arg('input') input: TicketNoteInput): Promise<CollaborationTicket> {
    return collaboration.handOverTicketResult(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '受理地 window: cancel (撤销) a ticket abandoned in DRAFT or RETURNED, with the reason' })
  cancelTicket(@Ctx() ctx: RequestContext, @Arg('input') input: CancelTicketInput): Promise<CollaborationTicket> {
    return collaboration.cancelTicket(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '受理地 window: the paper materials mailed' })
  mailTicketMaterials(@Ctx() ctx: RequestContext, @Arg('input') input: MailInput): Promise<CollaborationTicket> {
    return collaboration.mailTicketMaterials(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '办理地 window: the paper materials arrived' })
  receiveTicketMaterials(@Ctx() ctx: RequestContext, @Arg('input') input: TicketVersionInput): Promise<CollaborationTicket> {
    return collaboration.receiveTicketMaterials(ctx, input);
  }

  @Mutation(() => CollaborationTicket, { description: '办理地 window: the paper materials handed to the department' })
  handOverTicketMaterials(@Ctx() ctx: RequestContext, @Arg('input') input: TicketVersionInput): Promise<CollaborationTicket> {
    return collaboration.handOverTicketMaterials(ctx, input);
  }

  @FieldResolver(() => String, { description: '事项名称: the matter’s name (the same at both centres)' })
  matterName(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<string> {
    return collaboration.matterNameOf(ctx, ticket);
  }

  @FieldResolver(() => [TicketAction], {
    description: 'The actions the viewer may take on this ticket now (its centre’s side, the ticket’s state and steps), for showing the right buttons; the mutations check the same table',
  })
  viewerCan(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<TicketAction[]> {
    return collaboration.allowedTicketActions(ctx, ticket);
  }

  @FieldResolver(() => Tenant, { description: '受理地: the centre that received the case (read through the ticket, which both sides share)' })
  receivingTenant(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<Tenant | null> {
    return collaboration.sideTenant(ctx, ticket, TicketSide.RECEIVING);
  }

  @FieldResolver(() => Tenant, { description: '办理地: the centre that handles the case (read through the ticket, which both sides share)' })
  handlingTenant(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<Tenant | null> {
    return collaboration.sideTenant(ctx, ticket, TicketSide.HANDLING);
  }

  @FieldResolver(() => Application, {
    description: 'The case at the receiving centre (受理地). Read by the handling side, its matter, department, receiving window and timeline are those of the other centre: null or empty',
  })
  receivingCase(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<Application | null> {
    return collaboration.sideCase(ctx, ticket, TicketSide.RECEIVING);
  }

  @FieldResolver(() => Application, { nullable: true, description: 'The case at the handling centre (办理地); null until the ticket is forwarded to its department' })
  handlingCase(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<Application | null> {
    return collaboration.sideCase(ctx, ticket, TicketSide.HANDLING);
  }

  @FieldResolver(() => [TicketStep], { description: 'Every step of every round, in order' })
  steps(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<TicketStep[]> {
    return collaboration.stepsOf(ctx, ticket);
  }

  @FieldResolver(() => [TicketStep], { description: 'Steps done late or still open past their due time' })
  overdueSteps(@Ctx() ctx: RequestContext, @Root() ticket: CollaborationTicket): Promise<TicketStep[]> {
    return collaboration.overdueStepsOf(ctx, ticket);
  }
}

@Resolver(() => TicketStep)
export class TicketStepResolver {
  @FieldResolver(() => Boolean, { description: 'Done after its due time, or open past it' })
  late(@Ctx() ctx: RequestContext, @Root() step: TicketStep): boolean {
    return collaboration.isLate(step, ctx.now());
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who did it: staff of the owning side (their personal data follows the User field policies); null while the step is open',
  })
  actor(@Ctx() ctx: RequestContext, @Root() step: TicketStep): Promise<User | null> {
    return collaboration.stepActor(ctx, step);
  }

  @FieldResolver(() => Department, { nullable: true, description: '辅助审核: the department of the owning side’s own level it was done with; null for other steps' })
  department(@Ctx() ctx: RequestContext, @Root() step: TicketStep): Promise<Department | null> {
    return collaboration.stepDepartment(ctx, step);
  }
}
