import { Field, InputType } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';

@InputType({ description: '审计日志 filter; every field narrows the list' })
export class AuditLogFilter {
  @Field({ nullable: true, description: 'The account, or the username as typed at a sign-in (exact)' })
  actorUsername?: string;

  @Field({ nullable: true, description: 'Root field name, e.g. acceptApplication, login (exact)' })
  operation?: string;

  @Field({ nullable: true, description: '`OK` or an error code (exact)' })
  outcome?: string;

  @Field({ nullable: true, description: 'Entries that touched or read this object (global id)' })
  targetId?: string;

  @Field({ nullable: true, description: 'From this instant (inclusive)' })
  from?: Date;

  @Field({ nullable: true, description: 'Up to this instant (inclusive)' })
  to?: Date;

  @Field({ nullable: true, description: '行政区划代码 of the entries’ tenant' })
  tenantCode?: string;
}

/** The audit log reads newest first; a trail (auditTrail) oldest first, as a story. */
export const auditSorting = defineSorting({
  typeName: 'AuditEntry',
  label: 'audit entries (审计日志)',
  fields: { AT: { column: 'e.at', kind: 'instant', description: '记录时间: when the entry was written' } },
  defaultOrder: [{ field: 'AT', direction: OrderDirection.DESC }],
});
export type AuditOrderField = keyof typeof auditSorting.fields;
