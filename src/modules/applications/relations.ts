import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../../context';
import { propertiesSelectedAt, selectedFieldsAt } from '../../graphql/selection';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { Application } from './entities';

type Properties = readonly string[] | null;

/**
 * A case's to-one relations: the property holding the id, and its module's by-id loader,
 * reading every column, or only `properties` (what a list's selection shows of it).
 */
const RELATIONS = {
  matter: { column: 'matterId', load: (ctx: RequestContext, id: number, properties: Properties) => matters.loadMatter(ctx, id, undefined, properties) },
  department: { column: 'departmentId', load: (ctx: RequestContext, id: number, properties: Properties) => tenancy.loadDepartment(ctx, id, undefined, properties) },
  receivingWindow: { column: 'receivingWindowId', load: (ctx: RequestContext, id: number, properties: Properties) => windows.loadWindow(ctx, id, properties) },
  receivedBy: { column: 'receivedById', load: (ctx: RequestContext, id: number, properties: Properties) => tenancy.loadUser(ctx, id, undefined, properties) },
} as const;

const idOf = (application: Application, name: Relation): number => application[RELATIONS[name].column];

/**
 * What the case list's fields with a resolver read of a case, for a page that reads only
 * the columns its selection needs (src/graphql/selection.ts propertiesSelectedAt): each
 * to-one relation its id, the timeline and the global id the primary key (always read).
 * Any other such field (a guarded field's policy, the light …) makes the page read every column.
 */
export const FIELDS_READ_FROM_CASE: Record<string, readonly string[]> = {
  id: [],
  timeline: [],
  ...Object.fromEntries(Object.entries(RELATIONS).map(([name, { column }]) => [name, [column]])),
};

type Relation = keyof typeof RELATIONS;
type Related<K extends Relation> = Awaited<ReturnType<(typeof RELATIONS)[K]['load']>>;

type Ahead = Partial<{ [K in Relation]: Related<K> }>;
/**
 * Where a row keeps what its list read ahead: on the row itself, so that it goes with the
 * row. (A WeakMap of rows held them until a full collection: the API's RSS reached
 * 600 MiB in three soaks of five under the ceiling bench's load.)
 */
const AHEAD = Symbol('relations read ahead');
type WithAhead = Application & { [AHEAD]?: Ahead };

/** What the fields with a resolver of a related row read of it: only the global id, from the primary key (always read). */
const FIELDS_READ_FROM_RELATED = { id: [] };

/**
 * Loads, for a page of cases, the relations its selection asks for (issue 12): the same
 * batched statement per relation that the field resolvers would run, but before GraphQL
 * walks the rows, so that each row's field then hands its value over at once instead of
 * a promise per row and field, which was most of what a relation cost a page (README,
 * Performance). Relations the selection does not name are not read, and of those it
 * names only the columns it shows, unless it asks for a guarded or computed field of one.
 * `path` leads from the list's field to its rows (`['edges', 'node']`).
 */
export async function loadRelationsAhead(ctx: RequestContext, rows: Application[], info: GraphQLResolveInfo, path: string[]): Promise<void> {
  const selected = selectedFieldsAt(info, path);
  const names = (Object.keys(RELATIONS) as Relation[]).filter((name) => selected.has(name));
  for (const row of rows as WithAhead[]) row[AHEAD] = {};
  await Promise.all(
    names.map(async (name) => {
      const properties = propertiesSelectedAt(info, [...path, name], FIELDS_READ_FROM_RELATED);
      const ids = [...new Set(rows.map((row) => idOf(row, name)))];
      const values = await Promise.all(ids.map((id) => RELATIONS[name].load(ctx, id, properties)));
      const byId = new Map(ids.map((id, i) => [id, values[i]]));
      for (const row of rows as WithAhead[]) (row[AHEAD] as Record<Relation, unknown>)[name] = byId.get(idOf(row, name));
    }),
  );
}

/** A case's relation: at once when its list loaded it ahead, else through the loader. */
export function relationOf<K extends Relation>(ctx: RequestContext, application: Application, name: K): Related<K> | Promise<Related<K>> {
  const ahead = (application as WithAhead)[AHEAD];
  if (ahead && name in ahead) return ahead[name] as Related<K>;
  return RELATIONS[name].load(ctx, idOf(application, name), null) as Promise<Related<K>>;
}
