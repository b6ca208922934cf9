import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Tenant, User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { Matter } from '../matters/entities';
import { CollaborationTicket, ContactLedgerEntry, ProblemCategory, ProblemLedgerEntry } from './entities';
import { AssignProblemInput, ContactOrderField, contactSorting, ProblemFilter, ProblemOrderField, problemSorting, ProblemVersionInput, RaiseProblemInput, RectifyProblemInput, SetContactLedgerEntryInput } from './ledger-inputs';
import * as ledgers from './ledgers';

const ContactLedgerConnection = Connection(ContactLedgerEntry);
const ProblemLedgerConnection = Connection(ProblemLedgerEntry);

@ObjectType({ description: '联系人台账 of both centres of a collaboration ticket, for its matter' })
export class TicketContacts {
  @Field(() => ContactLedgerEntry, { nullable: true, description: '受理地: the receiving centre’s contact for the matter, if it keeps one' })
  receiving: ContactLedgerEntry | null;

  @Field(() => ContactLedgerEntry, { nullable: true, description: '办理地: the handling centre’s contact for the matter, if it keeps one' })
  handling: ContactLedgerEntry | null;
}

@ObjectType({ description: '问题台账 monthly report: problems of one centre and category raised in the month' })
export class ProblemReportRow {
  @Field(() => Tenant, { description: 'The centre (政务服务中心) the problems were raised in' })
  tenant: Tenant;

  @Field(() => ProblemCategory, { description: 'Kind of problem' })
  category: ProblemCategory;

  @Field(() => Int, { description: 'Problems raised in the month' })
  raised: number;

  @Field(() => Int, { description: 'Of those, how many are closed now' })
  closed: number;
}

@ObjectType({ description: '问题台账 monthly report of a centre and its readable subordinates' })
export class ProblemReport {
  @Field({ description: 'The month, yyyy-mm, in Asia/Shanghai' })
  month: string;

  @Field({ description: 'Start of the month (inclusive)' })
  from: Date;

  @Field({ description: 'Start of the next month (exclusive)' })
  to: Date;

  @Field(() => [ProblemReportRow], { description: 'One row per centre and category with problems raised in the month, by centre code' })
  rows: ProblemReportRow[];
}

@Resolver(() => ContactLedgerEntry)
export class ContactLedgerResolver {
  @Query(() => ContactLedgerConnection, { description: '联系人台账: responsible persons for cross-region matters (全区通办) of the readable centres' })
  contactLedger(
    @Ctx() ctx: RequestContext,
    @Args(() => contactSorting.Args) args: ListArgs<ContactOrderField>,
    @Arg('tenantCode', () => String, { nullable: true, description: 'Only this centre (行政区划代码)' }) tenantCode?: string | null,
  ): Promise<ConnectionResult<ContactLedgerEntry>> {
    return ledgers.listContacts(ctx, args, tenantCode);
  }

  @Query(() => TicketContacts, { description: '联系人台账 of both centres of a ticket (受理地 and 办理地), for its matter' })
  ticketContacts(
    @Ctx() ctx: RequestContext,
    @Arg('ticketId', () => ID, { description: 'A collaboration ticket (协作流转单) the viewer may read' }) ticketId: string,
  ): Promise<TicketContacts> {
    return ledgers.ticketContacts(ctx, ticketId);
  }

  @Mutation(() => ContactLedgerEntry, { description: 'Centre admin: name the responsible person and deputy of a cross-region matter (create, or replace with its version)' })
  setContactLedgerEntry(@Ctx() ctx: RequestContext, @Arg('input') input: SetContactLedgerEntryInput): Promise<ContactLedgerEntry> {
    return ledgers.setContact(ctx, input);
  }

  @FieldResolver(() => Tenant, { description: 'The centre whose contact this is' })
  tenant(@Ctx() ctx: RequestContext, @Root() entry: ContactLedgerEntry): Promise<Tenant | null> {
    return ledgers.contactTenant(ctx, entry);
  }

  @FieldResolver(() => Matter, { description: 'The cross-region matter (全区通办) of that centre' })
  matter(@Ctx() ctx: RequestContext, @Root() entry: ContactLedgerEntry): Promise<Matter | null> {
    return ledgers.contactMatter(ctx, entry);
  }

  @FieldResolver(() => User, { description: '具体负责人: the responsible person, staff of that centre' })
  responsible(@Ctx() ctx: RequestContext, @Root() entry: ContactLedgerEntry): Promise<User | null> {
    return ledgers.contactUser(ctx, entry, entry.responsibleId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The deputy (B角); null when none is named' })
  deputy(@Ctx() ctx: RequestContext, @Root() entry: ContactLedgerEntry): Promise<User | null> {
    return ledgers.contactUser(ctx, entry, entry.deputyId);
  }
}

@Resolver(() => ProblemLedgerEntry)
export class ProblemLedgerResolver {
  @Query(() => ProblemLedgerConnection, { description: '问题台账: problems of the readable centres' })
  problems(
    @Ctx() ctx: RequestContext,
    @Args(() => problemSorting.Args) args: ListArgs<ProblemOrderField>,
    @Arg('filter', () => ProblemFilter, { nullable: true }) filter?: ProblemFilter,
  ): Promise<ConnectionResult<ProblemLedgerEntry>> {
    return ledgers.listProblems(ctx, args, filter);
  }

  @Query(() => ProblemReport, {
    nullable: true,
    description: '问题台账: problems raised in a month (Asia/Shanghai) per centre and category, with how many are closed; a city user gets its subordinates too. Null when the centre is missing or out of scope',
  })
  problemReport(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string,
    @Arg('month', { description: 'yyyy-mm' }) month: string,
  ): Promise<ProblemReport | null> {
    return ledgers.problemReport(ctx, tenantCode, month);
  }

  @Mutation(() => ProblemLedgerEntry, { description: 'Staff of either centre of a ticket, or of a matter’s centre: raise a problem (问题上报)' })
  raiseProblem(@Ctx() ctx: RequestContext, @Arg('input') input: RaiseProblemInput): Promise<ProblemLedgerEntry> {
    return ledgers.raiseProblem(ctx, input);
  }

  @Mutation(() => ProblemLedgerEntry, { description: 'Centre admin of the problem’s centre: assign a raised problem' })
  assignProblem(@Ctx() ctx: RequestContext, @Arg('input') input: AssignProblemInput): Promise<ProblemLedgerEntry> {
    return ledgers.assignProblem(ctx, input);
  }

  @Mutation(() => ProblemLedgerEntry, { description: 'Centre admin of the problem’s centre: record the rectification (整改) of an assigned problem' })
  rectifyProblem(@Ctx() ctx: RequestContext, @Arg('input') input: RectifyProblemInput): Promise<ProblemLedgerEntry> {
    return ledgers.rectifyProblem(ctx, input);
  }

  @Mutation(() => ProblemLedgerEntry, { description: 'Centre admin of the problem’s centre: close a rectified problem' })
  closeProblem(@Ctx() ctx: RequestContext, @Arg('input') input: ProblemVersionInput): Promise<ProblemLedgerEntry> {
    return ledgers.closeProblem(ctx, input);
  }

  @FieldResolver(() => Tenant, { description: 'The centre that raised it' })
  tenant(@Ctx() ctx: RequestContext, @Root() problem: ProblemLedgerEntry): Promise<Tenant | null> {
    return ledgers.problemTenant(ctx, problem);
  }

  @FieldResolver(() => CollaborationTicket, { nullable: true, description: 'The ticket it was raised on; null for a problem raised on a matter' })
  ticket(@Ctx() ctx: RequestContext, @Root() problem: ProblemLedgerEntry): Promise<CollaborationTicket | null> {
    return ledgers.problemTicket(ctx, problem);
  }

  @FieldResolver(() => Matter, { nullable: true, description: 'The matter it was raised on; null for a problem raised on a ticket' })
  matter(@Ctx() ctx: RequestContext, @Root() problem: ProblemLedgerEntry): Promise<Matter | null> {
    return ledgers.problemMatter(ctx, problem);
  }

  @FieldResolver(() => User, { description: 'Who raised it: staff of the centre that raised it' })
  raisedBy(@Ctx() ctx: RequestContext, @Root() problem: ProblemLedgerEntry): Promise<User | null> {
    return tenancy.loadUser(ctx, problem.raisedById);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who is to rectify it; null until assigned' })
  assignee(@Ctx() ctx: RequestContext, @Root() problem: ProblemLedgerEntry): Promise<User | null> {
    return tenancy.loadUser(ctx, problem.assigneeId);
  }
}
