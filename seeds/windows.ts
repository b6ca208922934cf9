import { EntityManager } from 'typeorm';
import { Department, Tenant } from '../src/modules/tenancy/entities';

export interface WindowSeedContext {
  tenants: Map<string, Tenant>;
  /** Keyed `${tenantId}:${department name}`. */
  departments: Map<string, Department>;
  /** bcrypt hash of SEED_PASSWORD, shared by every demo account. */
  passwordHash: string;
}

/** Demo windows, staff and posts (to be written). Idempotent. */
export async function seedWindows(_manager: EntityManager, _seed: WindowSeedContext): Promise<void> {}
