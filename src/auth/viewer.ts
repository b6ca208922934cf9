import { Role } from './roles';
import { TenantLevel } from '../modules/tenancy/entities';

/** Who is asking: built once per request from a verified token (context.ts). */
export interface Viewer {
  readonly userId: number;
  readonly username: string;
  readonly tenantId: number;
  readonly tenantLevel: TenantLevel;
  readonly departmentId: number;
  readonly roles: ReadonlySet<Role>;
}

