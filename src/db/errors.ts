import { DataSource } from 'typeorm';

/** A unique index refused the row (MySQL / MariaDB or SQLite). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Which unique key a duplicate hit, as the entity and the properties that make it. */
export interface DuplicateKey {
  entity: string;
  properties: string[];
}

/**
 * Names the unique key behind a duplicate-key error from the entity metadata: MySQL
 * names the index ("for key 'user.IDX_…'"), SQLite the columns ("failed: user.username").
 * The tenant column is left out: it is never what the caller got wrong.
 */
export function duplicateKeyOf(error: unknown, dataSource: DataSource): DuplicateKey | null {
  if (!isDuplicateKey(error)) return null;
  const message = String((error as { message?: unknown }).message ?? '');
  for (const entity of dataSource.entityMetadatas) {
    const keys = [
      ...entity.indices.filter((index) => index.isUnique).map((index) => ({ name: index.name, columns: index.columns })),
      ...entity.uniques.map((unique) => ({ name: unique.name, columns: unique.columns })),
    ];
    for (const key of keys) {
      const sqliteForm = `${entity.tableName}.${key.columns.map((c) => c.databaseName).join(`, ${entity.tableName}.`)}`;
      if (message.includes(`'${key.name}'`) || message.includes(`.${key.name}'`) || message.endsWith(sqliteForm)) {
        const properties = key.columns.map((c) => c.propertyName).filter((p) => p !== 'tenantId');
        return { entity: entity.name, properties };
      }
    }
  }
  return { entity: 'row', properties: [] };
}
