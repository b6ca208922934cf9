import { Arg, Args, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../context';
import { Connection, ConnectionResult, ListArgs } from '../../graphql/connection';
import { AuditEntry } from './entities';
import { AuditLogFilter, AuditOrderField, auditSorting } from './inputs';
import * as audit from './service';

const AuditEntryConnection = Connection(AuditEntry);

@ObjectType({ description: '审计日志链校验: the result of recomputing a hash chain' })
export class AuditChainReport {
  @Field(() => String, { nullable: true, description: 'The chain’s tenant; null for the platform chain' })
  tenantCode: string | null;

  @Field({ description: 'True when every entry checked follows the previous one and hashes to what it says' })
  intact: boolean;

  @Field(() => Int, { description: 'How many entries were recomputed' })
  checkedEntries: number;

  @Field(() => AuditEntry, { nullable: true, description: 'The first entry that does not verify' })
  firstBroken: AuditEntry | null;

  @Field(() => String, { nullable: true, description: 'What is wrong, when something is' })
  problem: string | null;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      '审计日志: auditors read their tenant and its subordinates; centre admins their own centre; platform admins tenancy and sign-in entries everywhere. Newest first unless ordered otherwise.',
  })
  auditLog(
    @Ctx() ctx: RequestContext,
    @Args(() => auditSorting.Args) args: ListArgs<AuditOrderField>,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
  ): Promise<ConnectionResult<AuditEntry>> {
    return audit.auditLog(ctx, args, filter);
  }

  @Query(() => AuditEntryConnection, { description: 'Every readable audit entry that touched or read one object (global id), oldest first unless ordered otherwise' })
  auditTrail(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Args(() => auditSorting.Args) args: ListArgs<AuditOrderField>,
  ): Promise<ConnectionResult<AuditEntry>> {
    return audit.auditTrail(ctx, id, args);
  }

  @Query(() => AuditChainReport, {
    description: 'Recompute a tenant’s audit hash chain (auditors: own tenant and subordinates; platform admins: any, or the platform chain when tenantCode is omitted)',
  })
  verifyAuditChain(
    @Ctx() ctx: RequestContext,
    @Arg('tenantCode', () => String, { nullable: true, description: '行政区划代码 of the chain to verify (a readable tenant); the viewer’s own by default' }) tenantCode?: string | null,
    @Arg('from', () => Date, { nullable: true, description: 'Verify only the entries written at or after this moment' }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Verify entries written before this moment' }) to?: Date | null,
  ): Promise<AuditChainReport> {
    return audit.verifyChain(ctx, tenantCode, from, to);
  }
}
