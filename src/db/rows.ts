import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
  /** The driver's own conversion (dates, booleans, JSON, arrays); null where the value is kept as read. */
  convert: boolean;
}

type Hydrator<T> = (raw: Record<string, unknown>) => T;

const hydrators = new WeakMap<EntityMetadata, Map<string, Hydrator<ObjectLiteral>>>();

function hydratorOf<T extends ObjectLiteral>(metadata: EntityMetadata, alias: string, driver: Driver): Hydrator<T> {
  let byAlias = hydrators.get(metadata);
  if (!byAlias) hydrators.set(metadata, (byAlias = new Map()));
  let hydrator = byAlias.get(alias);
  if (!hydrator) {
    const readers: ColumnReader[] = metadata.columns
      .filter((column) => !column.isVirtual && !column.relationMetadata && !column.embeddedMetadata)
      .map((column) => ({
        property: column.propertyName,
        key: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName),
        column,
        convert: column.transformer !== undefined || !AS_READ.has(column.type),
      }));
    const prototype = (metadata.target as { prototype: object }).prototype;
    hydrator = (raw) => {
      const entity = Object.create(prototype) as Record<string, unknown>;
      for (const reader of readers) {
        const value = raw[reader.key];
        // Not selected (a `select: false` column such as a password hash): left out, as TypeORM does.
        if (value === undefined) continue;
        entity[reader.property] = reader.convert ? driver.prepareHydratedValue(value, reader.column) : value;
      }
      return entity;
    };
    byAlias.set(alias, hydrator);
  }
  return hydrator as Hydrator<T>;
}

/**
 * The hot read path (DESIGN.md §7, issue 12): the rows of a single-entity query (no
 * joins), as entities, without TypeORM's generic row-to-entity transformer, which was
 * the largest cost of a list request after SQL. Each column goes through the driver's
 * own conversion unless both drivers already hand over its final value, so the entities
 * equal TypeORM's. The query itself (and so its tenant scope) is untouched.
 */
export async function readRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<{ entities: T[]; raw: Record<string, unknown>[] }> {
  const map = query.expressionMap;
  if (map.joinAttributes.length > 0 || !map.mainAlias?.hasMetadata) {
    return query.getRawAndEntities<Record<string, unknown>>();
  }
  const raw = await query.getRawMany<Record<string, unknown>>();
  const hydrate = hydratorOf<T>(map.mainAlias.metadata, map.mainAlias.name, query.connection.driver);
  return { entities: raw.map(hydrate), raw };
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
  const raw = await query
    .createQueryBuilder()
    .select('*')
    .from(`(${ranked.getQuery()})`, 'ranked')
    .where('ranked.place_in_group <= :placesInGroup', { placesInGroup: n })
    .setParameters({ ...ranked.getParameters(), placesInGroup: n })
    .orderBy(`ranked.${DriverUtils.buildAlias(query.connection.driver, undefined, map.mainAlias.name, 'id')}`)
    .getRawMany<Record<string, unknown>>();
  return raw.map(hydratorOf<T>(map.mainAlias.metadata, map.mainAlias.name, query.connection.driver));
}
