import { EntityManager, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** `Date` as both drivers store a `datetime(3)` here: UTC, `yyyy-mm-dd hh:mm:ss.SSS`. */
function storedDate(value: Date): string {
  return value.toISOString().replace('T', ' ').replace('Z', '');
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return storedDate(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

/** The SQL type JSON_TABLE reads a column's value as. */
function tableType(column: ColumnMetadata): string {
  switch (String(column.type)) {
    case 'int':
    case 'integer':
    case 'boolean':
      return 'BIGINT';
    case 'datetime':
      return 'DATETIME(3)';
    default:
      return `VARCHAR(${column.length || 2000})`;
  }
}

/**
 * Inserts `rows` into `entity`'s table in ONE statement, however many there are: the rows
 * travel as one JSON parameter, unpacked by `json_each` (SQLite) or `JSON_TABLE` (MySQL 8,
 * MariaDB 10.6+), so neither driver's limit on bound parameters splits the insert. For
 * bulk writes whose statement count must not grow with the data (the appraisal draft).
 * Callers check the tenant of the rows (ScopedRepository.insertAll).
 */
export async function insertAsJson<T extends ObjectLiteral>(manager: EntityManager, entity: { new (): T }, properties: readonly (keyof T & string)[], rows: readonly Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  });
  const escape = (name: string) => manager.connection.driver.escape(name);
  const json = JSON.stringify(rows.map((row) => properties.map((property) => jsonValue(row[property]))));
  const target = `${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(', ')})`;
  if (manager.connection.options.type === 'better-sqlite3') {
    await manager.query(`INSERT INTO ${target} SELECT ${columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')} FROM json_each(?)`, [json]);
    return;
  }
  const tableColumns = columns.map((column, i) => `c${i} ${tableType(column)} PATH '$[${i}]'`).join(', ');
  await manager.query(`INSERT INTO ${target} SELECT ${columns.map((_, i) => `j.c${i}`).join(', ')} FROM JSON_TABLE(?, '$[*]' COLUMNS (${tableColumns})) AS j`, [json]);
}
