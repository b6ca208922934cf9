import { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { Driver } from 'typeorm/driver/Driver';

/** Column types both drivers hand over as the value the entity holds (strings and integers). */
const AS_READ = new Set<unknown>(['varchar', 'text', 'int', 'integer', 'char', 'simple-enum']);

interface ColumnReader {
  property: string;
  key: string;
  column: ColumnMetadata;
  /** Through the driver's own conversion (dates, booleans, JSON, arrays), or kept as read. */
  convert: boolean;
}

/** Makes an entity of one row, given as the values in the order of `columns`. */
type Hydrator<T> = (row: unknown[]) => T;

const readerCache = new WeakMap<EntityMetadata, Map<string, ColumnReader[]>>();

/** A column of the entity's own table that holds one of its properties (no virtual, relation or embedded one). */
const isPlainColumn = (column: ColumnMetadata | undefined): column is ColumnMetadata => column !== undefined && !column.isVirtual && !column.relationMetadata && !column.embeddedMetadata;

function readersOf(metadata: EntityMetadata, alias: string, driver: Driver): ColumnReader[] {
  let byAlias = readerCache.get(metadata);
  if (!byAlias) readerCache.set(metadata, (byAlias = new Map()));
  let readers = byAlias.get(alias);
  if (!readers) {
    readers = metadata.columns
      .filter(isPlainColumn)
      .map((column) => ({
        property: column.propertyName,
        key: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName),
        column,
        convert: column.transformer !== undefined || !AS_READ.has(column.type),
      }));
    byAlias.set(alias, readers);
  }
  return readers;
}

function hydratorOf<T>(metadata: EntityMetadata, alias: string, driver: Driver, columns: string[]): Hydrator<T> {
  // Not selected (a `select: false` column such as a password hash): left out, as TypeORM does.
  const present = readersOf(metadata, alias, driver)
    .map((reader) => ({ ...reader, at: columns.indexOf(reader.key) }))
    .filter((reader) => reader.at >= 0);
  const prototype = (metadata.target as { prototype: object }).prototype;
  return (row) => {
    const entity = Object.create(prototype) as Record<string, unknown>;
    for (const reader of present) {
      const value = row[reader.at];
      entity[reader.property] = reader.convert ? driver.prepareHydratedValue(value, reader.column) : value;
    }
    return entity as T;
  };
}

interface Rows {
  columns: string[];
  rows: unknown[][];
}

/**
 * Runs a built query and takes its rows as arrays, through the query's own runner (a
 * transaction's, inside one) and TypeORM's logger (so statements are counted and slow
 * ones logged as for any query): rows as objects, keyed by column name, were a large
 * share of the allocations of a list request.
 */
async function rowsAsArrays(query: SelectQueryBuilder<ObjectLiteral>): Promise<Rows> {
  const [sql, parameters] = query.getQueryAndParameters();
  const own = (query as unknown as { queryRunner?: QueryRunner }).queryRunner;
  // As TypeORM's own SELECTs: a replica when the query's manager reads from replicas (src/db/replicas.ts).
  const runner = own ?? query.connection.createQueryRunner(query.connection.defaultReplicationModeForReads());
  const started = Date.now();
  try {
    query.connection.logger.logQuery(sql, parameters, runner);
    const result = query.connection.driver.options.type === 'better-sqlite3' ? await sqliteRows(runner, sql, parameters) : await mysqlRows(runner, sql, parameters);
    const ms = Date.now() - started;
    const slow = query.connection.options.maxQueryExecutionTime;
    if (slow && ms > slow) query.connection.logger.logQuerySlow(ms, sql, parameters, runner);
    return result;
  } catch (error) {
    query.connection.logger.logQueryError(error as Error, sql, parameters, runner);
    throw error;
  } finally {
    if (runner !== own) await runner.release();
  }
}

interface SqliteStatement {
  raw(on: boolean): SqliteStatement;
  all(...parameters: unknown[]): unknown[][];
  columns(): { name: string }[];
}

async function sqliteRows(runner: QueryRunner, sql: string, parameters: unknown[]): Promise<Rows> {
  // The runner's own statement cache; raw mode is set for this call only, since TypeORM shares the statement.
  const statement = await (runner as unknown as { getStmt(sql: string): Promise<SqliteStatement> }).getStmt(sql);
  const bound = parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  statement.raw(true);
  try {
    return { rows: statement.all(...bound), columns: statement.columns().map((column) => column.name) };
  } finally {
    statement.raw(false);
  }
}

interface MysqlConnection {
  query(options: { sql: string; values: unknown[]; rowsAsArray: boolean }, callback: (error: Error | null, rows: unknown[][], fields: { name: string }[]) => void): void;
}

async function mysqlRows(runner: QueryRunner, sql: string, parameters: unknown[]): Promise<Rows> {
  const connection = (await runner.connect()) as MysqlConnection;
  return new Promise((resolve, reject) =>
    connection.query({ sql, values: parameters, rowsAsArray: true }, (error, rows, fields) =>
      error ? reject(error) : resolve({ rows, columns: fields.map((field) => field.name) }),
    ),
  );
}

/**
 * The hot read path (DESIGN.md §7, issue 12): the rows of a single-entity query, as
 * entities, without TypeORM's generic row-to-entity transformer, which was the largest
 * cost of a list request after SQL. Each column goes through the driver's own
 * conversion unless both drivers already hand over its final value, so the entities
 * equal TypeORM's. The query itself (and so its tenant scope) is untouched. Its only
 * joins may be the to-one rows named in `joinedRows` (ScopedRepository.joinTo), which
 * come back per alias, row for row (null where none joined); any other join goes
 * through TypeORM's transformer, which folds the rows a to-many join repeats.
 */
export async function readRows<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  joinedRows: readonly string[] = [],
): Promise<{ entities: T[]; raw: Record<string, unknown>[]; joined: Map<string, (ObjectLiteral | null)[]> }> {
  const map = query.expressionMap;
  const joins = map.joinAttributes;
  if (joins.some((join) => !joinedRows.includes(join.alias.name) || !join.alias.hasMetadata) || !map.mainAlias?.hasMetadata) {
    return { ...(await query.getRawAndEntities<Record<string, unknown>>()), joined: new Map() };
  }
  const { driver } = query.connection;
  const { columns, rows } = await rowsAsArrays(query);
  const hydrate = hydratorOf<T>(map.mainAlias.metadata, map.mainAlias.name, driver, columns);
  // The other selected values (sort keys of a page), and the id, by column name.
  const readKeys = new Set([map.mainAlias, ...joins.map((join) => join.alias)].flatMap((alias) => readersOf(alias.metadata, alias.name, driver).map((reader) => reader.key)));
  const extra = columns.map((name, at) => ({ name, at })).filter(({ name }) => !readKeys.has(name) || name === idKey(query));
  const joined = new Map(
    joins.map((join) => {
      const hydrateJoined = hydratorOf<ObjectLiteral>(join.alias.metadata, join.alias.name, driver, columns);
      // No row joined (a missing reference, or a row out of scope): its primary key is null.
      const id = columns.indexOf(DriverUtils.buildAlias(driver, undefined, join.alias.name, join.alias.metadata.primaryColumns[0].databaseName));
      return [join.alias.name, rows.map((row) => (row[id] === null ? null : hydrateJoined(row)))];
    }),
  );
  return {
    entities: rows.map(hydrate),
    raw: rows.map((row) => Object.fromEntries(extra.map(({ name, at }) => [name, row[at]]))),
    joined,
  };
}

function idKey(query: SelectQueryBuilder<ObjectLiteral>): string {
  return DriverUtils.buildAlias(query.connection.driver, undefined, query.expressionMap.mainAlias!.name, 'id');
}

/**
 * Narrows a single-entity query to its primary key and the columns of `properties`, so a
 * list reads what its selection shows rather than every column of each row (issue 12);
 * the entities then hold only those. Left as it is when a property is no plain column
 * (a getter that reads others, a relation).
 */
export function selectOnly<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, properties: readonly string[]): void {
  const alias = query.expressionMap.mainAlias!;
  const columns = plainColumnsOf(alias.metadata, properties);
  if (columns) query.select(columns.map((column) => `${alias.name}.${column.propertyName}`));
}

/** The primary key and the columns of `properties`, or null when one of them is no plain column (a getter that reads others, a relation). */
function plainColumnsOf(metadata: EntityMetadata, properties: readonly string[]): ColumnMetadata[] | null {
  const columns = properties.map((property) => metadata.findColumnWithPropertyName(property));
  if (!columns.every(isPlainColumn)) return null;
  return [...new Set([...metadata.primaryColumns, ...columns])];
}

/** What a row read for `properties` selects: as `selectOnly`, else every column TypeORM selects by default (no `select: false` one). */
export function columnsToRead(metadata: EntityMetadata, properties: readonly string[]): ColumnMetadata[] {
  return plainColumnsOf(metadata, properties) ?? metadata.columns.filter((column) => column.isSelect && isPlainColumn(column));
}

/** Like `query.getMany()`, on the hot read path. */
export async function readMany<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  return (await readRows(query)).entities;
}

/**
 * The first `n` rows of each group of a single-entity query (the last 5 events of each
 * case), in one statement: a window function over the same scoped query, so each row is
 * read once, in id order. `partitionBy` and `orderBy` are SQL over the query's alias.
 */
export async function readFirstPerGroup<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, partitionBy: string, orderBy: string, n: number): Promise<T[]> {
  const map = query.expressionMap;
  if (map.joinAttributes.length > 0 || !map.mainAlias?.hasMetadata) throw new Error('readFirstPerGroup reads one entity without joins');
  const ranked = query.clone().addSelect(`ROW_NUMBER() OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`, 'place_in_group');
  // A new builder on the same query runner: inside a transaction, the transaction's.
  const outer = query
    .createQueryBuilder()
    .select('*')
    .from(`(${ranked.getQuery()})`, 'ranked')
    .where('ranked.place_in_group <= :placesInGroup')
    .setParameters({ ...ranked.getParameters(), placesInGroup: n })
    .orderBy(`ranked.${idKey(query)}`);
  const { columns, rows } = await rowsAsArrays(outer);
  return rows.map(hydratorOf<T>(map.mainAlias.metadata, map.mainAlias.name, query.connection.driver, columns));
}
