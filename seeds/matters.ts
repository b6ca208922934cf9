import { EntityManager } from 'typeorm';
import { Department, Tenant } from '../src/modules/tenancy/entities';

export interface MatterSeedContext {
  tenants: Map<string, Tenant>;
  /** Keyed `${tenantId}:${department name}`. */
  departments: Map<string, Department>;
}

/** Demo catalogues (to be written). Idempotent. */
export async function seedMatters(_manager: EntityManager, _seed: MatterSeedContext): Promise<void> {}
