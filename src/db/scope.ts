import { ForbiddenError } from '../graphql/errors';
import { messages } from '../graphql/messages';

/**
 * Which tenants a request may read and write (DESIGN.md §3.1). Built once per request
 * in context.ts; applied by ScopedRepository to every query of tenant-owned rows.
 */
export class TenantScope {
  private readonly readable: ReadonlySet<number>;

  constructor(
    /** The viewer's own tenant: the only one it may write in. Null when anonymous. */
    readonly ownTenantId: number | null,
    readableTenantIds: readonly number[],
    /** Platform admins manage tenants and accounts everywhere, but see no business data. */
    readonly accountsEverywhere = false,
  ) {
    this.readable = new Set(readableTenantIds);
  }

  static readonly anonymous = new TenantScope(null, []);

  get readableTenantIds(): number[] {
    return [...this.readable];
  }

  canRead(tenantId: number): boolean {
    return this.readable.has(tenantId);
  }

  canWrite(tenantId: number): boolean {
    return this.ownTenantId !== null && tenantId === this.ownTenantId;
  }

  /** For a row the viewer can already read: writing is only allowed in the own tenant. */
  assertWritable(tenantId: number): void {
    if (!this.canWrite(tenantId)) {
      throw new ForbiddenError(messages.anotherTenant);
    }
  }
}
