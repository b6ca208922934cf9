import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { Department, Tenant, User } from './entities';
import { CreateUserInput, SetDepartmentHeadInput, SetUserActiveInput, SetUserRolesInput, TenantFilter, TenantOrderField, tenantSorting, UserFilter, UserOrderField, userSorting } from './inputs';
import * as tenancy from './service';

const TenantConnection = Connection(Tenant);
const UserConnection = Connection(User);

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => TenantConnection, { description: 'Tenants the viewer may read (own, plus subordinates for city and province users)' })
  tenants(
    @Ctx() ctx: RequestContext,
    @Args(() => tenantSorting.Args) args: ListArgs<TenantOrderField>,
    @Arg('filter', () => TenantFilter, { nullable: true }) filter?: TenantFilter,
  ): Promise<ConnectionResult<Tenant>> {
    return tenancy.listTenants(ctx, args, filter);
  }

  @Query(() => Tenant, { nullable: true, description: 'A readable tenant by 行政区划代码; null when missing or out of scope' })
  tenant(@Ctx() ctx: RequestContext, @Arg('code', { description: '行政区划代码: 6-digit GB/T 2260 code' }) code: string): Promise<Tenant | null> {
    return tenancy.tenantByCode(ctx, code);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The enclosing division; null at the top level or when the viewer may not read it (a county user reading its city)' })
  parent(@Ctx() ctx: RequestContext, @Root() tenant: Tenant): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, tenant.parentId);
  }

  @FieldResolver(() => [Tenant], { description: 'Subordinate divisions the viewer may read' })
  children(@Ctx() ctx: RequestContext, @Root() tenant: Tenant): Promise<Tenant[]> {
    return tenancy.childrenOf(ctx, tenant.id);
  }

  @FieldResolver(() => [Department], { description: 'Departments (部门) of this centre the viewer may read' })
  departments(@Ctx() ctx: RequestContext, @Root() tenant: Tenant): Promise<Department[]> {
    return tenancy.departmentsOf(ctx, tenant.id);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => Tenant, { description: '政务服务中心 the department belongs to' })
  tenant(@Ctx() ctx: RequestContext, @Root() department: Department): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, department.tenantId);
  }

  @FieldResolver(() => User, { nullable: true, description: '部门负责人: the head, who reads the appraisal results of the department’s people; null when none is set' })
  head(@Ctx() ctx: RequestContext, @Root() department: Department): Promise<User | null> {
    return tenancy.loadUser(ctx, department.headId);
  }

  @Mutation(() => Department, { description: 'Centre admin: set or clear the head (部门负责人) of a department of the own centre' })
  setDepartmentHead(@Ctx() ctx: RequestContext, @Arg('input') input: SetDepartmentHeadInput): Promise<Department> {
    return tenancy.setDepartmentHead(ctx, input);
  }
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in user' })
  viewer(@Ctx() ctx: RequestContext): Promise<User> {
    return tenancy.viewerUser(ctx);
  }

  @Query(() => UserConnection, { description: 'Staff accounts the viewer may read' })
  users(
    @Ctx() ctx: RequestContext,
    @Args(() => userSorting.Args) args: ListArgs<UserOrderField>,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
  ): Promise<ConnectionResult<User>> {
    return tenancy.listUsers(ctx, args, filter);
  }

  @Mutation(() => User, { description: 'Create a staff account (centre admin: own tenant; platform admin: any)' })
  createUser(@Ctx() ctx: RequestContext, @Arg('input') input: CreateUserInput): Promise<User> {
    return tenancy.createUser(ctx, input);
  }

  @Mutation(() => User, { description: 'Activate or deactivate an account; deactivation revokes its tokens' })
  setUserActive(@Ctx() ctx: RequestContext, @Arg('input') input: SetUserActiveInput): Promise<User> {
    return tenancy.setUserActive(ctx, input);
  }

  @Mutation(() => User, {
    description: "Replace an account's roles (who may grant which role is one table, ROLE_GRANTS); revokes its tokens",
  })
  setUserRoles(@Ctx() ctx: RequestContext, @Arg('input') input: SetUserRolesInput): Promise<User> {
    return tenancy.setUserRoles(ctx, input);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: '政务服务中心 of the account; null when the viewer may not read that tenant (a collaboration partner’s staff)' })
  tenant(@Ctx() ctx: RequestContext, @Root() user: User): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, user.tenantId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department (部门) of the account; null when the viewer may not read its tenant (a collaboration partner’s staff)' })
  department(@Ctx() ctx: RequestContext, @Root() user: User): Promise<Department | null> {
    return tenancy.loadDepartment(ctx, user.departmentId);
  }
}
