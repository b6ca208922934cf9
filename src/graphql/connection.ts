import { ArgsType, ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from './errors';
import { messages } from './messages';
import { Message } from './language';
import { readRows, selectOnly } from '../db/rows';

/** Hard maximum page size of every list (DESIGN.md §4). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: '排序方向: ASC ascending (升序), DESC descending (降序). An empty value (null) sorts below every other value.',
  valuesConfig: { ASC: { description: '升序: smallest, earliest or A first' }, DESC: { description: '降序: largest, latest or Z first' } },
});

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size going forwards, 1-${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page (with `first`)' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size going backwards, 1-${MAX_PAGE_SIZE}: the last edges before \`before\` (or of the whole list)` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the next page (with `last`)' })
  before?: string | null;
}

/** One term of an `orderBy` argument. */
export interface OrderTerm<F extends string = string> {
  field: F;
  direction: OrderDirection;
}

/** The arguments of a list with an `orderBy` over the fields `F`. */
export interface ListArgs<F extends string = string> extends ConnectionArgs {
  orderBy?: OrderTerm<F>[] | null;
}

/**
 * One sortable value of a row: a column (`a.receivedAt`) or an SQL expression over the
 * row's alias. `kind` says how its value travels in a cursor.
 */
export interface SortField {
  column: string;
  kind: 'instant' | 'text' | 'number';
  description: string;
  /** Rows may have no value; they sort below every other value, on both databases. */
  nullable?: boolean;
}

/** The sort orders of one node type: its field enum, its order input, its list arguments and the default. */
export interface Sorting<F extends string = string> {
  typeName: string;
  fields: Record<F, SortField>;
  defaultOrder: OrderTerm<F>[];
  /** `@Args(() => sorting.Args)` on every list of the type. */
  Args: ClassType<ListArgs<F>>;
}

/**
 * The orders a type's lists may be sorted by: `<Type>OrderField` (one enum value per
 * field), `<Type>Order` ({ field, direction }) and the list arguments with `orderBy`.
 * Defined once per node type and shared by all its lists.
 */
export function defineSorting<F extends string>(spec: { typeName: string; label: string; fields: Record<F, SortField>; defaultOrder: OrderTerm<NoInfer<F>>[] }): Sorting<F> {
  const names = Object.keys(spec.fields) as F[];
  const fieldEnum = Object.fromEntries(names.map((name) => [name, name]));
  const defaultText = spec.defaultOrder.map((term) => `${term.field} ${term.direction}`).join(', ');
  registerEnumType(fieldEnum, {
    name: `${spec.typeName}OrderField`,
    description: `What ${spec.label} can be sorted by`,
    valuesConfig: Object.fromEntries(names.map((name) => [name, { description: spec.fields[name].description }])),
  });

  @InputType(`${spec.typeName}Order`, { description: `One sort key of ${spec.label}` })
  class Order {
    @Field(() => fieldEnum, { description: 'The value to sort by' })
    field: F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC (default) or DESC' })
    direction: OrderDirection;
  }

  @ArgsType()
  class Args extends ConnectionArgs {
    @Field(() => [Order], {
      nullable: true,
      description: `排序: sort keys, most significant first (default ${defaultText}); equal rows are always ordered by id, so pages are stable`,
    })
    orderBy?: OrderTerm<F>[] | null;
  }

  return { typeName: spec.typeName, fields: spec.fields, defaultOrder: spec.defaultOrder, Args };
}

@ObjectType({ description: 'Where a page lies in its list (Relay)' })
export class PageInfo {
  @Field({ description: 'More edges follow this page' })
  hasNextPage: boolean;

  @Field({ description: 'More edges precede this page' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null for an empty page' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; null for an empty page' })
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

  @ObjectType(`${nodeClass.name}Edge`, { description: `One ${nodeClass.name} of a page, with its cursor` })
  class EdgeType {
    @Field({ description: 'Opaque; valid only on the list and the order it came from' })
    cursor: string;

    @Field(() => nodeClass, { description: 'The item' })
    node: T;
  }

  @ObjectType(`${nodeClass.name}Connection`, { description: `A page of ${nodeClass.name} items (Relay connection)` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, in list order' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Cursors and whether more items precede or follow' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages' })
    totalCount: Promise<number>;
  }

  connectionTypes.set(nodeClass, ConnectionType);
  return ConnectionType as unknown as ClassType<ConnectionResult<T>>;
}

/** Whether `size` is a page size the lists take (1–MAX_PAGE_SIZE). */
export const isPageSize = (size: number): boolean => Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE;

export function pageSize(size: number | undefined | null, field = 'first'): number {
  if (size === undefined || size === null) return DEFAULT_PAGE_SIZE;
  if (!isPageSize(size)) {
    throw new BadUserInputError(messages.pageSize(field, MAX_PAGE_SIZE), field);
  }
  return size;
}

// ---- cursors ----------------------------------------------------------------------

type CursorValue = string | number | null;

/** What a cursor carries: the list and order it came from, the row's sort values and id. */
interface CursorContent {
  list: string;
  order: string;
  values: CursorValue[];
  id: number;
}

function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

function orderKey(order: OrderTerm[]): string {
  return order.map((term) => `${term.field}:${term.direction}`).join(',');
}

function validValue(value: unknown, field: SortField): boolean {
  if (value === null) return field.nullable === true;
  if (field.kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (field.kind === 'instant') return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  return typeof value === 'string' && value.length <= 1000;
}

/** The content of a cursor of this list and order; anything else is BAD_USER_INPUT on `argument`. */
function decodeCursor(cursor: string, list: string, order: OrderTerm[], fields: SortField[], argument: 'after' | 'before'): CursorContent {
  const refuse = (why: Message) => new BadUserInputError(why, argument);
  if (cursor.length > 2000) throw refuse(messages.notACursor(argument));
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorContent>;
  } catch {
    throw refuse(messages.notACursor(argument));
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) throw refuse(messages.notACursor(argument));
  if (content.list !== list) throw refuse(messages.cursorOfAnotherList(argument, list));
  if (content.order !== orderKey(order)) throw refuse(messages.cursorOfAnotherOrder(argument));
  const { values, id } = content;
  if (!Number.isSafeInteger(id) || (id as number) < 1 || !Array.isArray(values) || values.length !== fields.length || !values.every((v, i) => validValue(v, fields[i]))) {
    throw refuse(messages.notACursor(argument));
  }
  return content as CursorContent;
}

/** A sort value as read from the database, in the form a cursor carries it. */
function cursorValue(raw: unknown, field: SortField): CursorValue {
  if (raw === null || raw === undefined) return null;
  if (field.kind === 'number') return Number(raw);
  if (field.kind === 'text') return String(raw);
  // MySQL returns a Date (UTC); SQLite the stored UTC text "YYYY-MM-DD HH:MM:SS.SSS".
  return raw instanceof Date ? raw.toISOString() : new Date(`${String(raw).replace(' ', 'T')}Z`).toISOString();
}

function boundValue(value: CursorValue, field: SortField): unknown {
  return field.kind === 'instant' && value !== null ? new Date(value) : value;
}

// ---- the builder ------------------------------------------------------------------

/** What a service tells the builder about one list. */
export interface ListSpec<F extends string, T extends ObjectLiteral = ObjectLiteral> {
  /** The list's name in its cursors, e.g. `applications` or `incomingTickets`. */
  list: string;
  /** The query's alias for the listed rows. */
  alias: string;
  sorting: Sorting<F>;
  /**
   * A large list spread over several tenants: each tenant's page is read on its own
   * tenant-leading index (stopping after one page) and the pages merged in the same
   * statement. Without it, MySQL reads and sorts every row of every tenant in scope:
   * an index cannot give one order across several `tenant_id` values.
   */
  partitions?: { column: string; values: number[] };
  /**
   * The properties the page's rows need (besides the id), from the query's selection
   * (src/graphql/selection.ts propertiesSelectedAt); every column when left out or null.
   */
  properties?: readonly string[] | null;
  /** To-one rows read in the page's own statement (issue 12: one statement instead of one per relation). */
  joins?: ListJoin<T>[];
}

/** A to-one row joined to each row of a page. */
export interface ListJoin<T extends ObjectLiteral> {
  /** Its alias in the page's statement. */
  alias: string;
  /** Joins it to the page's statement, whose rows are `rowsAlias` (ScopedRepository.joinTo). */
  add(query: SelectQueryBuilder<T>, rowsAlias: string): void;
  /** Hands each row of the page its joined row (`joined[i]` to `rows[i]`): null when it has none, or none the viewer may read. */
  attach(rows: T[], joined: (ObjectLiteral | null)[]): void;
}

/** One key of the SQL order: a sort field or the id. */
interface Key {
  expression: string;
  direction: OrderDirection;
  nullable: boolean;
}

/** `first`/`after` page forwards, `last`/`before` backwards; the two are not mixed. */
function pagingDirection(args: ConnectionArgs): 'forwards' | 'backwards' {
  const given = (value: unknown) => value !== undefined && value !== null;
  if (given(args.first) && given(args.last)) throw new BadUserInputError(messages.firstWithLast, 'last');
  if (args.after && args.before) throw new BadUserInputError(messages.afterWithBefore, 'before');
  if (given(args.first) && args.before) throw new BadUserInputError(messages.beforeNeedsLast, 'before');
  if (given(args.last) && args.after) throw new BadUserInputError(messages.afterNeedsFirst, 'after');
  return given(args.last) || args.before ? 'backwards' : 'forwards';
}

function resolveOrder<F extends string>(sorting: Sorting<F>, orderBy: OrderTerm<F>[] | null | undefined): OrderTerm<F>[] {
  if (!orderBy || orderBy.length === 0) return sorting.defaultOrder;
  const seen = new Set<F>();
  for (const term of orderBy) {
    if (seen.has(term.field)) throw new BadUserInputError(messages.orderTwice(term.field), 'orderBy');
    seen.add(term.field);
  }
  return orderBy;
}

function flip(direction: OrderDirection): OrderDirection {
  return direction === OrderDirection.ASC ? OrderDirection.DESC : OrderDirection.ASC;
}

/**
 * Rows strictly beyond the cursor in the order `keys` (keyset pagination), NULL being
 * below every value as on both databases: for each key k, the earlier keys equal the
 * cursor's and key k is beyond it.
 */
function beyondCursor(keys: Key[], values: unknown[], parameters: Record<string, unknown>): string {
  const equal = (key: Key, i: number) => (values[i] === null ? `${key.expression} IS NULL` : `${key.expression} = :cursor${i}`);
  const beyond = (key: Key, i: number): string | null => {
    const ascending = key.direction === OrderDirection.ASC;
    if (values[i] === null) return ascending ? `${key.expression} IS NOT NULL` : null;
    const compare = `${key.expression} ${ascending ? '>' : '<'} :cursor${i}`;
    return !ascending && key.nullable ? `(${compare} OR ${key.expression} IS NULL)` : compare;
  };
  values.forEach((value, i) => {
    if (value !== null) parameters[`cursor${i}`] = value;
  });
  const disjuncts: string[] = [];
  keys.forEach((key, k) => {
    const step = beyond(key, k);
    if (step !== null) disjuncts.push([...keys.slice(0, k).map(equal), step].join(' AND '));
  });
  return disjuncts.length === 0 ? '1 = 0' : `(${disjuncts.map((d) => `(${d})`).join(' OR ')})`;
}

/** Limits `pageQuery` to the union of the same page taken in each partition on its own. */
function mergePartitionPages<T extends ObjectLiteral>(pageQuery: SelectQueryBuilder<T>, alias: string, partitions: { column: string; values: number[] }): void {
  // One partition's page is built once and each takes its own parameter: building one per
  // partition (eight for a city) showed in a list request's CPU profile (issue 12).
  const page = pageQuery.clone().select(`${alias}.id`, 'id').andWhere(`${partitions.column} = :partitionValue`).getQuery();
  const pages = partitions.values.map((value, i) => {
    pageQuery.setParameter(`partition${i}`, value);
    return `SELECT id FROM (${page.replace(/:partitionValue\b/g, `:partition${i}`)}) partition${i}`;
  });
  pageQuery.andWhere(`${alias}.id IN (SELECT merged.id FROM (${pages.join(' UNION ALL ')}) merged)`);
}

/**
 * The one list builder (DESIGN.md §4): `orderBy` over the type's sort fields, always
 * tie-broken by id; keyset pagination on the order's values and the id, forwards
 * (`first`/`after`) or backwards (`last`/`before`); cursors that carry their list and
 * order; `n + 1` rows to learn whether more follow; a lazy COUNT.
 */
export async function paginate<T extends ObjectLiteral & { id: number }, F extends string>(
  query: SelectQueryBuilder<T>,
  spec: ListSpec<F, T>,
  args: ListArgs<F>,
): Promise<ConnectionResult<T>> {
  const backwards = pagingDirection(args) === 'backwards';
  const size = backwards ? pageSize(args.last, 'last') : pageSize(args.first, 'first');
  const order = resolveOrder(spec.sorting, args.orderBy);
  const fields = order.map((term) => spec.sorting.fields[term.field]);
  const tieBreak = order[order.length - 1].direction;
  const keys: Key[] = [
    ...order.map((term, i) => ({ expression: fields[i].column, direction: term.direction, nullable: fields[i].nullable === true })),
    { expression: `${spec.alias}.id`, direction: tieBreak, nullable: false },
  ];
  // Backwards: walk the reversed order from the cursor, then turn the page round.
  const walk = backwards ? keys.map((key) => ({ ...key, direction: flip(key.direction) })) : keys;
  const cursorText = backwards ? args.before : args.after;

  const countQuery = query.clone();
  const pageQuery = query.clone();
  if (cursorText) {
    const cursor = decodeCursor(cursorText, spec.list, order, fields, backwards ? 'before' : 'after');
    const parameters: Record<string, unknown> = {};
    const values = [...cursor.values.map((value, i) => boundValue(value, fields[i])), cursor.id];
    pageQuery.andWhere(beyondCursor(walk, values, parameters), parameters);
  }
  walk.forEach((key, i) => (i === 0 ? pageQuery.orderBy(key.expression, key.direction) : pageQuery.addOrderBy(key.expression, key.direction)));
  pageQuery.limit(size + 1);
  if (spec.properties) selectOnly(pageQuery, spec.properties);
  if (spec.partitions && spec.partitions.values.length > 1) mergePartitionPages(pageQuery, spec.alias, spec.partitions);
  // In parentheses: a bare `alias.property` would make TypeORM select only that column of the row.
  fields.forEach((field, i) => pageQuery.addSelect(`(${field.column})`, `sort_${i}`));
  const joins = spec.joins ?? [];
  for (const join of joins) join.add(pageQuery, spec.alias);
  const { entities, raw, joined } = await readRows(pageQuery, joins.map((join) => join.alias));
  for (const join of joins) {
    // Not there when the query had a join of its own (readRows then reads through TypeORM): the rows' fields load it.
    const rowsJoined = joined.get(join.alias);
    if (rowsJoined) join.attach(entities, rowsJoined);
  }
  const rawById = new Map(raw.map((row) => [Number(row[`${spec.alias}_id`]), row]));
  const rows = entities.slice(0, size);
  if (backwards) rows.reverse();
  const key = orderKey(order);
  const edges = rows.map((node) => new PageEdge(node, { list: spec.list, order: key, fields, sortRow: rawById.get(node.id) }));
  const more = entities.length > size;
  let count: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      // A cursor's own row lies on its side of the page (Relay: "if the server can efficiently determine").
      hasNextPage: backwards ? Boolean(args.before) : more,
      hasPreviousPage: backwards ? more : Boolean(args.after),
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    get totalCount() {
      count ??= countQuery.getCount();
      return count;
    },
  };
}

interface EdgeOrder {
  list: string;
  order: string;
  fields: SortField[];
  /** The page row's sort values (`sort_<i>`). */
  sortRow: Record<string, unknown> | undefined;
}

/** An edge whose cursor is encoded only when asked for: most list queries select nodes alone. */
class PageEdge<T extends { id: number }> implements Edge<T> {
  private encoded: string | undefined;

  constructor(
    readonly node: T,
    private readonly order: EdgeOrder,
  ) {}

  get cursor(): string {
    if (this.encoded === undefined) {
      const { list, order, fields, sortRow } = this.order;
      const values = fields.map((field, i) => cursorValue(sortRow?.[`sort_${i}`], field));
      this.encoded = encodeCursor({ list, order, values, id: this.node.id });
    }
    return this.encoded;
  }
}

/** The same page with each node mapped (e.g. rows to their public view); the count and cursors stay lazy. */
export function mapConnection<T, U>(connection: ConnectionResult<T>, map: (node: T) => U): ConnectionResult<U> {
  return {
    edges: connection.edges.map((edge) => ({
      get cursor() {
        return edge.cursor;
      },
      node: map(edge.node),
    })),
    pageInfo: connection.pageInfo,
    get totalCount() {
      return connection.totalCount;
    },
  };
}
