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

/**
 * A row two tenants share, such as a collaboration ticket: `tenantId` is the tenant that
 * opened it, `partnerTenantId` the other side. The opener reads and writes it from the
 * start; the partner only once it is shared (a ticket from its push on: a draft is the
 * receiving centre's alone). Their ancestors read it by scope; nobody else sees it.
 */
export abstract class SharedTenantEntity extends TenantOwnedEntity {
  @Column('int')
  partnerTenantId: number;

  @Column('boolean', { default: false })
  sharedWithPartner: boolean;
}
