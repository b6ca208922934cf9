import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Department } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { coordinationStats } from './oversight';

@ObjectType({ description: '衔接事项 statistics of one department (鞍山 衔接 四.3 督进度、督成效): its parts of the work items due in the period' })
export class CoordinationStatsRow {
  departmentId: number;

  @Field(() => Int, { description: 'Parts assigned to it (承办) of the items due in the period' })
  items: number;

  @Field(() => Int, { description: 'Reported done by the item’s due time' })
  onTime: number;

  @Field(() => Int, { description: 'Reported done after the due time, or still open past it' })
  late: number;

  @Field(() => Int, { description: 'Returned (退回) by the department: 推诿扯皮 is visible' })
  returned: number;
}

@Resolver(() => CoordinationStatsRow)
export class CoordinationStatsResolver {
  @Query(() => [CoordinationStatsRow], {
    description: '衔接事项 statistics of a readable centre by department (鞍山 衔接 四.3): of the work items due in [from, to), the parts on time, late and returned, as they stand now; the rest is not due yet',
  })
  coordinationStats(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码 of a readable centre' }) tenantCode: string,
    @Arg('from', { description: 'Items due at or after this instant' }) from: Date,
    @Arg('to', { description: 'Items due before this instant (exclusive)' }) to: Date,
  ): Promise<CoordinationStatsRow[]> {
    return coordinationStats(ctx, tenantCode, from, to);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department (a bureau section or a centre department)' })
  department(@Ctx() ctx: RequestContext, @Root() row: CoordinationStatsRow): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, row.departmentId);
  }
}
