import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NodeEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { encodeGlobalId } from '../../graphql/global-id';

export enum AuditKind {
  MUTATION = 'MUTATION',
  TENANCY = 'TENANCY',
  SIGN_IN = 'SIGN_IN',
  SIGN_OUT = 'SIGN_OUT',
  PII_READ = 'PII_READ',
}
registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: '审计日志 entry kind',
  valuesConfig: {
    MUTATION: { description: 'a change to business data, or an attempt at one' },
    TENANCY: { description: 'a change to tenants, departments or accounts, or an attempt at one' },
    SIGN_IN: { description: 'a sign-in, successful, failed or throttled' },
    SIGN_OUT: { description: 'a sign-out' },
    PII_READ: { description: 'a response that carried personal data in clear (one per request)' },
  },
});

/**
 * 审计日志: one entry, never updated or deleted (the database refuses it: triggers).
 * Entries of one chain (a tenant, or tenant 0 for entries that belong to no tenant)
 * are numbered without gaps by `seq`, and each `hash` covers the previous one.
 */
@ObjectType({ implements: Node, description: '审计日志条目: an audit log entry (append-only, hash-chained per tenant)' })
@Entity()
@Index(['tenantId', 'seq'], { unique: true })
@Index(['tenantId', 'at'])
@Index(['tenantId', 'kind', 'at'])
export class AuditEntry extends NodeEntity {
  /** The tenant, which is also the chain; 0 for the platform chain (an unknown username's sign-in). */
  @Column('int')
  tenantId: number;

  @Field(() => String, { nullable: true, description: '行政区划代码 of the tenant; null on the platform chain' })
  @Column('varchar', { length: 6, nullable: true })
  tenantCode: string | null;

  @Field(() => Int, { description: 'Position in its chain, from 1, without gaps' })
  @Column('int')
  seq: number;

  @Field(() => AuditKind, { description: 'What was recorded: a mutation, a sign-in or sign-out, or a read of clear PII' })
  @Column('varchar', { length: 16 })
  kind: AuditKind;

  @Field({ description: 'The root field: mutation name (e.g. acceptApplication, login), or the queries of a PII read' })
  @Column('varchar', { length: 200 })
  operation: string;

  @Field({ description: '`OK` or the error code of the refusal' })
  @Column('varchar', { length: 32 })
  outcome: string;

  @Column('int', { nullable: true })
  actorUserId: number | null;

  @Field(() => String, { nullable: true, description: 'The account, or the username as typed at a sign-in' })
  @Column('varchar', { length: 200, nullable: true })
  actorUsername: string | null;

  /** Comma-separated, sorted. */
  @Column('varchar', { length: 200 })
  actorRoles: string;

  /** Global ids, space-separated with a leading and trailing space (searched with LIKE). */
  @Column('text')
  targets: string;

  @Field({ description: 'JSON: the input without secrets and with PII masked; for a PII read, the `Type.field`s read' })
  @Column('text')
  details: string;

  @Field({ description: 'The request id (x-request-id header), to find the request in the logs' })
  @Column('varchar', { length: 64 })
  requestId: string;

  @Field({ description: 'Client address' })
  @Column('varchar', { length: 64 })
  clientAddress: string;

  @Field({ description: 'When (whole seconds)' })
  @Column('datetime')
  at: Date;

  @Field({ description: 'sha256 of the previous entry of the chain (64 zeros for the first)' })
  @Column('varchar', { length: 64 })
  previousHash: string;

  @Field({ description: 'sha256 over previousHash and this entry’s canonical content' })
  @Column('varchar', { length: 64 })
  hash: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the acting account' })
  get actorId(): string | null {
    return this.actorUserId === null ? null : encodeGlobalId('User', this.actorUserId);
  }

  @Field(() => [String], { description: 'Roles of the actor at the time' })
  get roles(): string[] {
    return this.actorRoles === '' ? [] : this.actorRoles.split(',');
  }

  @Field(() => [ID], { description: 'Global ids of the objects it touched or read (created ones too)' })
  get targetIds(): string[] {
    return this.targets.split(' ').filter((id) => id !== '');
  }
}

/** The last link of each chain, locked by the transaction that appends to it. */
@Entity()
export class AuditChainHead {
  /** The tenant id; 0 for the platform chain. */
  @PrimaryColumn('int')
  tenantId: number;

  @Column('int')
  seq: number;

  @Column('varchar', { length: 64 })
  hash: string;
}
