import { Role } from './roles';
import { TenantLevel } from '../modules/tenancy/entities';

/** Who is asking: built once per request from a verified token (context.ts). */
export interface Viewer {
  readonly userId: number;
  readonly username: string;
  readonly tenantId: number;
  /** 行政区划代码 of the own tenant (audit entries carry it). */
  readonly tenantCode: string;
  readonly tenantLevel: TenantLevel;
  readonly departmentId: number;
  readonly roles: ReadonlySet<Role>;
}

