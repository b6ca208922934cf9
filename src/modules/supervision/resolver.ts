import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../context';
import { pageSize } from '../../graphql/connection';
import { Tenant } from '../tenancy/entities';
import { Application } from '../applications/entities';
import { TicketStep } from '../collaboration/entities';
import { Complaint } from '../complaints/entities';
import { Rectification } from '../evaluations/entities';
import { AlertGroup, supervisionAlerts } from './service';

@ObjectType({ description: '电子监察: what is late or nearly late in one tenant' })
export class SupervisionAlertGroup {
  @Field(() => Tenant, { description: 'The centre (政务服务中心) these alerts are about' })
  tenant: Tenant;

  @Field(() => Int, { description: 'Open cases past their deadline' })
  red: number;

  @Field(() => Int, { description: 'Open cases with at most one working day left' })
  yellow: number;

  @Field(() => [Application], { description: 'The most urgent first' })
  cases: Application[];

  @Field(() => [Application], { description: '逾期未补正: cases awaiting supplement past the supplement deadline; they may be closed as NOT_ACCEPTED' })
  lapsedSupplements: Application[];

  @Field(() => [Application], { description: 'Running cases whose deadline is provisional: it reaches into a year whose national holiday schedule is not loaded' })
  provisionalDeadlines: Application[];

  @Field(() => [TicketStep], { description: 'Open collaboration-ticket steps this tenant owns, past due' })
  overdueTicketSteps: TicketStep[];

  @Field(() => [Complaint], { description: '投诉超期: open complaints past their reply deadline, the most overdue first (for the roles that read complaints)' })
  lateComplaints: Complaint[];

  @Field(() => [Rectification], { description: '整改超期: 差评 rectifications past their verification or rectification deadline, the most overdue first (for the roles that read them)' })
  lateRectifications: Rectification[];
}

@Resolver()
export class SupervisionResolver {
  @Query(() => [SupervisionAlertGroup], { description: '电子监察: late cases, ticket steps, complaints and rectifications of a tenant and its readable subordinates, by tenant' })
  supervisionAlerts(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of a readable centre; its readable subordinates are included' }) tenantCode: string,
    @Arg('first', () => Int, { nullable: true, description: 'Cases per tenant, 1-100 (default 20)' }) first?: number,
  ): Promise<AlertGroup[]> {
    return supervisionAlerts(ctx, tenantCode, pageSize(first));
  }
}
