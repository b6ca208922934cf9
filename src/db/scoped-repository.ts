import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { TenantScope } from './scope';
import { columnsToRead, readMany, selectOnly } from './rows';
import { insertAsJson } from './json-insert';
import { NodeEntity, SharedTenantEntity, TenantOwnedEntity } from './base-entities';
import { ConflictError, NotFoundError } from '../graphql/errors';
import { Message } from '../graphql/language';
import { messages } from '../graphql/messages';

export type EntityClass<T> = { new (): T; prototype: T; name: string };

export interface ScopeOptions {
  /** Tenancy rows (tenants, departments, accounts) that platform admins manage everywhere. */
  platformManaged?: boolean;
}

/**
 * The only way services read and write tenant-owned rows. Every query it builds is
 * limited to the request's readable tenants, and every write to the own tenant, so a
 * service cannot forget the tenant filter. Another tenant's row looks exactly like a
 * missing one.
 */
export class ScopedRepository<T extends NodeEntity & ObjectLiteral> {
  /** `tenant_id` for tenant-owned rows; the tenant table is scoped on its own id. */
  private readonly tenantKey: 'tenantId' | 'id';
  /** Shared rows are also visible to, and writable by, their partner tenant once shared with it. */
  private readonly shared: boolean;

  constructor(
    private readonly manager: EntityManager,
    private readonly entity: EntityClass<T>,
    private readonly scope: TenantScope,
    private readonly options: ScopeOptions = {},
  ) {
    this.tenantKey = entity.prototype instanceof TenantOwnedEntity ? 'tenantId' : 'id';
    this.shared = entity.prototype instanceof SharedTenantEntity;
  }

  private get unrestricted(): boolean {
    return this.options.platformManaged === true && this.scope.accountsEverywhere;
  }

  /** The readable tenants as a condition on the rows of `alias` (`parameter` holding their ids), or null when unrestricted. */
  private scopeCondition(alias: string, parameter: string): string | null {
    if (this.unrestricted) return null;
    if (this.scope.readableTenantIds.length === 0) return '1 = 0';
    // `= 1`, not a bound boolean: SQLite binds no booleans, and both store true as 1.
    if (this.shared) return `(${alias}.tenantId IN (:...${parameter}) OR (${alias}.partnerTenantId IN (:...${parameter}) AND ${alias}.sharedWithPartner = 1))`;
    return `${alias}.${this.tenantKey} IN (:...${parameter})`;
  }

  /** A query builder already limited to the readable tenants. */
  query(alias: string): SelectQueryBuilder<T> {
    const qb = this.manager.createQueryBuilder(this.entity, alias);
    const condition = this.scopeCondition(alias, 'scopeTenantIds');
    return condition === null ? qb : qb.where(condition, { scopeTenantIds: this.scope.readableTenantIds });
  }

  /**
   * Joins to `query` (another entity's rows) the row of this entity whose id is
   * `reference` (a column of those rows), as `alias`, under the same tenant limit as
   * `query()`: a row out of scope joins as none, just as `findByIds` leaves it out. It
   * selects the row's primary key and the columns of `properties` (every column when one
   * of them is no plain column), which `readRows` hands over as the joined row.
   */
  joinTo<Q extends ObjectLiteral>(query: SelectQueryBuilder<Q>, alias: string, reference: string, properties: readonly string[]): void {
    const parameter = `${alias}ScopeTenantIds`;
    const condition = this.scopeCondition(alias, parameter);
    query.leftJoin(this.entity, alias, condition === null ? `${alias}.id = ${reference}` : `${alias}.id = ${reference} AND ${condition}`, condition === null ? {} : { [parameter]: this.scope.readableTenantIds });
    const metadata = this.manager.connection.getMetadata(this.entity);
    for (const column of columnsToRead(metadata, properties)) query.addSelect(`${alias}.${column.propertyName}`);
  }

  async findById(id: number): Promise<T | null> {
    const [row] = await readMany(this.query('row').andWhere('row.id = :id', { id }));
    return row ?? null;
  }

  /** Like findById, but a missing or invisible row is NOT_FOUND. */
  async getById(id: number, what: Message = messages.record(this.entity.name)): Promise<T> {
    const row = await this.findById(id);
    if (!row) throw new NotFoundError(what);
    return row;
  }

  /** With `properties`, the rows hold only those and the id (rows.ts selectOnly); every column without. */
  findByIds(ids: readonly number[], properties: readonly string[] | null = null): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.query('row').andWhere('row.id IN (:...ids)', { ids: [...new Set(ids)] });
    if (properties) selectOnly(query, properties);
    return readMany(query);
  }

  /** Throws FORBIDDEN unless the row is in the viewer's own tenant (or platform-managed for a platform admin). */
  assertWritable(row: T): void {
    if (this.unrestricted) return;
    if (this.shared && row.sharedWithPartner === true && this.scope.canWrite(row.partnerTenantId as number)) return;
    this.scope.assertWritable(this.tenantOf(row));
  }

  /** A new, unsaved row (no query runs). */
  create(fields: Partial<T>): T {
    return this.manager.create(this.entity, fields as never) as T;
  }

  /** Changes a row of the own tenant (or a shared row of either party) that was read in scope. */
  async update(row: T, changes: Partial<T>): Promise<void> {
    this.assertWritable(row);
    await this.manager.update(this.entity, { id: row.id } as never, changes as never);
  }

  async save(row: T): Promise<T> {
    this.assertWritable(row);
    return this.manager.save(this.entity, row);
  }

  /** Inserts rows of the own tenant in chunks (a bulk INSERT each). */
  async insertMany(rows: Partial<T>[]): Promise<void> {
    for (const row of rows) this.assertWritable(row as T);
    for (let i = 0; i < rows.length; i += 200) {
      await this.manager.insert(this.entity, rows.slice(i, i + 200) as never);
    }
  }

  /**
   * Updates rows of the own tenant read in scope, each with its own values, in one UPDATE
   * per `chunk` rows (`SET column = CASE id WHEN … END`), bumping their versions if versioned: a whole
   * list regraded in a bounded number of statements. Values are numbers, strings, booleans or null.
   */
  async updateEach(rows: T[], changesOf: (row: T) => Partial<T>, chunk = 500): Promise<void> {
    for (const row of rows) this.assertWritable(row);
    const metadata = this.manager.connection.getMetadata(this.entity);
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const changes = part.map((row) => changesOf(row) as Record<string, unknown>);
      const params: Record<string, unknown> = { ids: part.map((row) => row.id) };
      const set: Record<string, () => string> = {};
      for (const property of new Set(changes.flatMap((change) => Object.keys(change)))) {
        const column = metadata.findColumnWithPropertyName(property)?.databaseName ?? property;
        // A row without a value for the property keeps its own (ELSE).
        const cases = part.flatMap((row, j) => {
          const value = changes[j][property];
          if (value === undefined) return [];
          // SQLite binds no booleans; both store true as 1.
          params[`${property}_${j}`] = typeof value === 'boolean' ? Number(value) : value;
          return [`WHEN ${Number(row.id)} THEN :${property}_${j}`];
        });
        set[property] = () => `CASE ${metadata.primaryColumns[0].databaseName} ${cases.join(' ')} ELSE ${column} END`;
      }
      const version = metadata.versionColumn;
      if (version) set[version.propertyName] = () => `${version.databaseName} + 1`;
      await this.manager.createQueryBuilder().update(this.entity).set(set as never).where('id IN (:...ids)', params).execute();
    }
  }

  /**
   * Inserts rows of the own tenant in ONE statement however many there are (json-insert.ts),
   * writing `properties` (every other column takes its default).
   */
  async insertAll(properties: readonly (keyof T & string)[], rows: Partial<T>[]): Promise<void> {
    for (const row of rows) this.assertWritable(row as T);
    await insertAsJson(this.manager, this.entity, properties, rows);
  }

  /**
   * Inserts rows of the own tenant in chunks, skipping any that would repeat a unique
   * key (an idempotent import: the same bank transaction in two files is one row).
   */
  async insertNew(rows: Partial<T>[], chunk = 500): Promise<void> {
    for (const row of rows) this.assertWritable(row as T);
    for (let i = 0; i < rows.length; i += chunk) {
      await this.manager.createQueryBuilder().insert().into(this.entity).values(rows.slice(i, i + chunk) as never).orIgnore().updateEntity(false).execute();
    }
  }

  /** Deletes rows of the own tenant matching `where`. */
  async deleteWhere(where: Partial<T>): Promise<void> {
    if (this.scope.ownTenantId === null) throw new NotFoundError(messages.record(this.entity.name));
    await this.manager.delete(this.entity, { ...where, [this.tenantKey]: this.scope.ownTenantId } as never);
  }

  /**
   * Optimistic locking: applies `changes` only if the row still has `expectedVersion`,
   * in one conditional UPDATE, so of two racing writers exactly one wins. The loser,
   * and a caller holding a stale version, get CONFLICT.
   */
  async updateVersioned(row: T & { version: number }, expectedVersion: number, changes: Partial<T>): Promise<void> {
    this.assertWritable(row);
    const stale = () =>
      new ConflictError(messages.staleVersion(this.entity.name), {
        field: 'version',
      });
    if (row.version !== expectedVersion) throw stale();
    const result = await this.manager
      .createQueryBuilder()
      .update(this.entity)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :version', { id: row.id, version: expectedVersion })
      .execute();
    if (result.affected !== 1) throw stale();
  }

  private tenantOf(row: T): number {
    return row[this.tenantKey] as number;
  }
}
