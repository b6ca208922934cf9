import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from '../tenancy/entities';
import { Window } from '../windows/entities';
import { Application, SupervisionLight } from '../applications/entities';
import * as tenancy from '../tenancy/service';
import * as windows from '../windows/service';
import * as applications from '../applications/service';
import { Complaint, ComplaintEvent, Sanction } from './entities';
import {
  AssignComplaintInput,
  ComplaintFilter,
  ComplaintOrderField,
  ComplaintReturnVisitInput,
  ComplaintSettingsInput,
  complaintSorting,
  ComplaintVersionInput,
  FileComplaintInput,
  RecordComplaintInput,
  RecordSanctionInput,
  ResolveComplaintInput,
  RevokeSanctionInput,
  SanctionFilter,
  SanctionOrderField,
  sanctionSorting,
} from './inputs';
import { ComplaintProgress, ComplaintSettingsView, FiledComplaint, RecordedComplaint, SanctionStandingView } from './types';
import * as complaints from './service';
import * as register from './sanctions';
import { complaintProgress } from './progress';
import { SampledCase } from '../supervision/entities';
import * as supervision from '../supervision/service';

const ComplaintConnection = Connection(Complaint);
const SanctionConnection = Connection(Sanction);

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Mutation(() => FiledComplaint, { description: '网上投诉, without signing in: file a complaint with a centre; throttled per client. Anonymous complaints are allowed' })
  fileComplaint(@Ctx() ctx: RequestContext, @Arg('input') input: FileComplaintInput): Promise<FiledComplaint> {
    return complaints.fileComplaint(ctx, input);
  }

  @Query(() => ComplaintProgress, { nullable: true, description: '投诉进度查询, without signing in: status, deadline and reply by number and query code; null when they do not match' })
  complaintProgress(
    @Ctx() ctx: RequestContext,
    @Arg('number', { description: '投诉编号, e.g. 210702-TS-20261124-000001' }) number: string,
    @Arg('queryCode', { description: '查询码 given when the complaint was filed' }) queryCode: string,
  ): Promise<ComplaintProgress | null> {
    return complaintProgress(ctx, number, queryCode);
  }

  @Mutation(() => RecordedComplaint, { description: 'Centre admin or supervisor: record a complaint received by letter (信箱), phone, 12345 or in person' })
  recordComplaint(@Ctx() ctx: RequestContext, @Arg('input') input: RecordComplaintInput): Promise<RecordedComplaint> {
    return complaints.recordComplaint(ctx, input);
  }

  @Query(() => ComplaintConnection, { description: '投诉 of the readable centres, for centre admins, supervisors and auditors' })
  complaints(
    @Ctx() ctx: RequestContext,
    @Args(() => complaintSorting.Args) args: ListArgs<ComplaintOrderField>,
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter?: ComplaintFilter,
  ): Promise<ConnectionResult<Complaint>> {
    return complaints.listComplaints(ctx, args, filter);
  }

  @Query(() => Complaint, { nullable: true, description: 'A complaint by its number; null when missing or not readable' })
  complaint(@Ctx() ctx: RequestContext, @Arg('number', { description: '投诉编号' }) number: string): Promise<Complaint | null> {
    return complaints.complaintByNumber(ctx, number);
  }

  @Query(() => ComplaintSettingsView, { nullable: true, description: 'A readable centre’s complaint settings; null when missing or out of scope' })
  complaintSettings(@Ctx() ctx: RequestContext, @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string): Promise<ComplaintSettingsView | null> {
    return complaints.complaintSettings(ctx, tenantCode);
  }

  @Mutation(() => ComplaintSettingsView, { description: 'Centre admin: the own centre’s reply limit in working days' })
  setComplaintSettings(@Ctx() ctx: RequestContext, @Arg('input') input: ComplaintSettingsInput): Promise<ComplaintSettingsView> {
    return complaints.setComplaintSettings(ctx, input);
  }

  @Mutation(() => Complaint, { description: '分派: the handler (CENTRE_ADMIN, or SUPERVISOR for a violation) assigns an investigator who is not complained about' })
  assignComplaint(@Ctx() ctx: RequestContext, @Arg('input') input: AssignComplaintInput): Promise<Complaint> {
    return complaints.assignComplaint(ctx, input);
  }

  @Mutation(() => Complaint, { description: 'The assignee starts the investigation (核查)' })
  startComplaintInvestigation(@Ctx() ctx: RequestContext, @Arg('input') input: ComplaintVersionInput): Promise<Complaint> {
    return complaints.startInvestigation(ctx, input);
  }

  @Mutation(() => Complaint, { description: '答复: the assignee records the outcome, findings and the reply to the complainant' })
  resolveComplaint(@Ctx() ctx: RequestContext, @Arg('input') input: ResolveComplaintInput): Promise<Complaint> {
    return complaints.resolveComplaint(ctx, input);
  }

  @Mutation(() => Complaint, { description: '回访: a handler records the complainant’s view; closes the complaint, or reopens it once when unsatisfied' })
  recordComplaintReturnVisit(@Ctx() ctx: RequestContext, @Arg('input') input: ComplaintReturnVisitInput): Promise<Complaint> {
    return complaints.recordReturnVisit(ctx, input);
  }

  @FieldResolver(() => Tenant, { description: 'The centre complained to' })
  tenant(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, complaint.tenantId);
  }

  @FieldResolver(() => Window, { nullable: true, description: 'The window complained about' })
  window(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<Window | null> {
    return windows.loadWindow(ctx, complaint.windowId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The staff member complained about' })
  staff(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<User | null> {
    return tenancy.loadUser(ctx, complaint.staffId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department complained about' })
  department(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, complaint.departmentId);
  }

  @FieldResolver(() => Application, { nullable: true, description: 'The case the complaint concerns' })
  application(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<Application | null> {
    return applications.loadApplication(ctx, complaint.applicationId);
  }

  @FieldResolver(() => Department, { description: 'The department handling it: the approval bureau (审批办), or supervision (监察) for a violation' })
  handlingDepartment(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, complaint.handlingDepartmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The staff member who recorded it; null when filed online' })
  receivedBy(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<User | null> {
    return tenancy.loadUser(ctx, complaint.receivedById);
  }

  @FieldResolver(() => User, { nullable: true, description: '承办人: the investigator; null until assigned' })
  assignee(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<User | null> {
    return tenancy.loadUser(ctx, complaint.assigneeId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the last return visit (回访)' })
  returnVisitBy(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<User | null> {
    return tenancy.loadUser(ctx, complaint.returnVisitById);
  }

  @FieldResolver(() => SupervisionLight, { description: '电子监察 light of the reply deadline, as for cases' })
  light(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<SupervisionLight> {
    return complaints.lightOfComplaint(ctx, complaint);
  }

  @FieldResolver(() => [ComplaintEvent], { description: 'Every step, in order' })
  timeline(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<ComplaintEvent[]> {
    return complaints.timelineOf(ctx, complaint);
  }

  @FieldResolver(() => [Sanction], { description: 'Sanctions resting on this complaint, as the viewer may see them' })
  sanctions(@Ctx() ctx: RequestContext, @Root() complaint: Complaint): Promise<Sanction[]> {
    return register.sanctionsOfComplaint(ctx, complaint);
  }
}

@Resolver(() => ComplaintEvent)
export class ComplaintEventResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who took the step; null for a complaint filed online' })
  actor(@Ctx() ctx: RequestContext, @Root() event: ComplaintEvent): Promise<User | null> {
    return tenancy.loadUser(ctx, event.actorId);
  }
}

@Resolver(() => Sanction)
export class SanctionResolver {
  @Query(() => SanctionConnection, { description: '处理登记: the sanction register of the readable centres; staff other than centre admins, supervisors and auditors see only their own' })
  sanctions(
    @Ctx() ctx: RequestContext,
    @Args(() => sanctionSorting.Args) args: ListArgs<SanctionOrderField>,
    @Arg('filter', () => SanctionFilter, { nullable: true }) filter?: SanctionFilter,
  ): Promise<ConnectionResult<Sanction>> {
    return register.listSanctions(ctx, args, filter);
  }

  @Query(() => SanctionStandingView, { nullable: true, description: 'A person’s sanctions in force in a year, and whether they bar EXCELLENT; null to other staff' })
  sanctionStanding(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: 'A staff member (User)' }) personId: string,
    @Arg('year', () => Int, { description: 'Calendar year of the decisions' }) year: number,
  ): Promise<SanctionStandingView | null> {
    return register.sanctionStanding(ctx, personId, year);
  }

  @Mutation(() => Sanction, { description: '处理: record a sanction (centre admin; supervisor for a violation or a referral to the judiciary)' })
  recordSanction(@Ctx() ctx: RequestContext, @Arg('input') input: RecordSanctionInput): Promise<Sanction> {
    return register.recordSanction(ctx, input);
  }

  @Mutation(() => Sanction, { description: 'Revoke a sanction: a new entry pointing at it, with the reason' })
  revokeSanction(@Ctx() ctx: RequestContext, @Arg('input') input: RevokeSanctionInput): Promise<Sanction> {
    return register.revokeSanction(ctx, input);
  }

  @FieldResolver(() => User, { description: 'The person sanctioned' })
  person(@Ctx() ctx: RequestContext, @Root() sanction: Sanction): Promise<User | null> {
    return tenancy.loadUser(ctx, sanction.personId);
  }

  @FieldResolver(() => User, { description: 'Who decided it' })
  decidedBy(@Ctx() ctx: RequestContext, @Root() sanction: Sanction): Promise<User | null> {
    return tenancy.loadUser(ctx, sanction.decidedById);
  }

  @FieldResolver(() => Complaint, { nullable: true, description: 'For a COMPLAINT basis: the upheld complaint, if the viewer may read it' })
  complaint(@Ctx() ctx: RequestContext, @Root() sanction: Sanction): Promise<Complaint | null> {
    return register.basisComplaint(ctx, sanction);
  }

  @FieldResolver(() => Application, { nullable: true, description: 'For an APPLICATION basis: the case' })
  application(@Ctx() ctx: RequestContext, @Root() sanction: Sanction): Promise<Application | null> {
    return applications.loadApplication(ctx, sanction.applicationId);
  }

  @FieldResolver(() => SampledCase, { nullable: true, description: 'For a SAMPLING_FINDING basis recorded in the system: the sampled case and its finding (办件抽查), if the viewer may read it' })
  sampledCase(@Ctx() ctx: RequestContext, @Root() sanction: Sanction): Promise<SampledCase | null> {
    return sanction.sampledCaseId === null ? Promise.resolve(null) : supervision.loadSampledCase(ctx, sanction.sampledCaseId);
  }

  @FieldResolver(() => Sanction, { nullable: true, description: 'For a revocation: the sanction it revokes' })
  revokes(@Ctx() ctx: RequestContext, @Root() sanction: Sanction): Promise<Sanction | null> {
    return register.loadSanction(ctx, sanction.revokesId);
  }

  @FieldResolver(() => Sanction, { nullable: true, description: 'The revocation of this sanction, if revoked' })
  revokedBy(@Ctx() ctx: RequestContext, @Root() sanction: Sanction): Promise<Sanction | null> {
    return register.revocationOf(ctx, sanction);
  }
}
