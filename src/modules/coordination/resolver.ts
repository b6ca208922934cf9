import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Department } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { CoordinationPoint, ResponsibilityAssignment, WorkArea } from './entities';
import { SetCoordinationPointInput, SetResponsibilityMatrixInput } from './inputs';
import * as matrix from './matrix';

@Resolver(() => ResponsibilityAssignment)
export class ResponsibilityAssignmentResolver {
  @Query(() => [ResponsibilityAssignment], { nullable: true, description: '三、交叉事项: a readable centre’s responsibility matrix (optionally one area); null when missing or out of scope' })
  responsibilityMatrix(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string,
    @Arg('area', () => WorkArea, { nullable: true, description: 'Only this area of work' }) area?: WorkArea,
  ): Promise<ResponsibilityAssignment[] | null> {
    return matrix.responsibilityMatrix(ctx, tenantCode, area);
  }

  @Mutation(() => [ResponsibilityAssignment], { description: 'Centre admin: replace the own centre’s responsibility matrix (三、交叉事项)' })
  setResponsibilityMatrix(@Ctx() ctx: RequestContext, @Arg('input') input: SetResponsibilityMatrixInput): Promise<ResponsibilityAssignment[]> {
    return matrix.setResponsibilityMatrix(ctx, input);
  }

  @FieldResolver(() => Department, { description: 'The department' })
  department(@Ctx() ctx: RequestContext, @Root() row: ResponsibilityAssignment): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, row.departmentId);
  }
}

@Resolver(() => CoordinationPoint)
export class CoordinationPointResolver {
  @Query(() => [CoordinationPoint], { nullable: true, description: '二、衔接方式: a readable centre’s routing points (局办公室, 党政群工作部, 业务协调科/部); null when missing or out of scope' })
  coordinationPoints(@Ctx() ctx: RequestContext, @Arg('tenantCode', { description: '行政区划代码' }) tenantCode: string): Promise<CoordinationPoint[] | null> {
    return matrix.coordinationPoints(ctx, tenantCode);
  }

  @Mutation(() => CoordinationPoint, { description: 'Centre admin: name the department that plays a routing point in the own centre' })
  setCoordinationPoint(@Ctx() ctx: RequestContext, @Arg('input') input: SetCoordinationPointInput): Promise<CoordinationPoint> {
    return matrix.setCoordinationPoint(ctx, input);
  }

  @FieldResolver(() => Department, { description: 'The department playing it' })
  department(@Ctx() ctx: RequestContext, @Root() point: CoordinationPoint): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, point.departmentId);
  }
}
