import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../graphql/node';

/** A row that is also a Relay node. */
export abstract class NodeEntity extends Node {
  @PrimaryGeneratedColumn()
  id: number;
}

/**
 * A row owned by one tenant (DESIGN.md §3.1). Every read of such a table goes through
 * ScopedRepository, which filters on `tenant_id`; every index of it leads with `tenant_id`.
 */
export abstract class TenantOwnedEntity extends NodeEntity {
  @Column('int')
  tenantId: number;
}
