import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from './errors';
import { messages } from './messages';

/** Hard maximum page size of every list (DESIGN.md §4). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1-${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;

  @Field({ nullable: true, description: 'Cursor of the last edge of the previous page' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a list resolver returns; `totalCount` runs its COUNT only when selected. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

const connectionTypes = new Map<ClassType, ClassType>();

/** `XConnection` and `XEdge` types for a node class, made once per class. */
export function Connection<T extends object>(nodeClass: ClassType<T>): ClassType<ConnectionResult<T>> {
  const existing = connectionTypes.get(nodeClass);
  if (existing) return existing as ClassType<ConnectionResult<T>>;

  @ObjectType(`${nodeClass.name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeClass)
    node: T;
  }

  @ObjectType(`${nodeClass.name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages' })
    totalCount: Promise<number>;
  }

  connectionTypes.set(nodeClass, ConnectionType);
  return ConnectionType as unknown as ClassType<ConnectionResult<T>>;
}

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(messages.pageSize(MAX_PAGE_SIZE), 'first');
  }
  return first;
}

function encodeCursor(id: number): string {
  return Buffer.from(`cursor:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^cursor:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadUserInputError(messages.notCursorOfList, 'after');
  return Number(match[1]);
}

/**
 * The one list builder: keyset pagination on the row id of `alias` in ascending order,
 * `first + 1` rows to learn whether there is a next page, and a lazy COUNT.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  args: ConnectionArgs,
): Promise<ConnectionResult<T>> {
  const first = pageSize(args.first);
  const countQuery = query.clone();
  const pageQuery = query.clone();
  if (args.after) pageQuery.andWhere(`${alias}.id > :afterId`, { afterId: decodeCursor(args.after) });
  const rows = await pageQuery.orderBy(`${alias}.id`, 'ASC').limit(first + 1).getMany();
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  let count: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      count ??= countQuery.getCount();
      return count;
    },
  };
}

/** The same page with each node mapped (e.g. rows to their public view); the count stays lazy. */
export function mapConnection<T, U>(connection: ConnectionResult<T>, map: (node: T) => U): ConnectionResult<U> {
  return {
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
    pageInfo: connection.pageInfo,
    get totalCount() {
      return connection.totalCount;
    },
  };
}
