import { Department, Tenant, User } from '../modules/tenancy/entities';
import { LoginThrottle } from '../modules/session/entities';

/** Every entity, for the DataSource. */
export const ENTITIES = [Tenant, Department, User, LoginThrottle];
