import { RequestContext } from '../../context';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { Application } from './entities';

/** A case's to-one relations: the property holding the id, and its module's by-id loader. */
const RELATIONS = {
  matter: { column: 'matterId', load: matters.loadMatter },
  department: { column: 'departmentId', load: tenancy.loadDepartment },
  receivingWindow: { column: 'receivingWindowId', load: windows.loadWindow },
  receivedBy: { column: 'receivedById', load: tenancy.loadUser },
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

/**
 * Loads, for a page of cases, the relations its selection asks for (issue 12): the same
 * batched statement per relation that the field resolvers would run, but before GraphQL
 * walks the rows, so that each row's field then hands its value over at once instead of
 * a promise per row and field, which was most of what a relation cost a page (README,
 * Performance). Relations the selection does not name are not read.
 */
export async function loadRelationsAhead(ctx: RequestContext, rows: Application[], selected: Set<string>): Promise<void> {
  const names = (Object.keys(RELATIONS) as Relation[]).filter((name) => selected.has(name));
  for (const row of rows as WithAhead[]) row[AHEAD] = {};
  await Promise.all(
    names.map(async (name) => {
      const { load } = RELATIONS[name];
      const ids = [...new Set(rows.map((row) => idOf(row, name)))];
      const values = await Promise.all(ids.map((id) => (load as (ctx: RequestContext, id: number | null) => Promise<unknown>)(ctx, id)));
      const byId = new Map(ids.map((id, i) => [id, values[i]]));
      for (const row of rows as WithAhead[]) (row[AHEAD] as Record<Relation, unknown>)[name] = byId.get(idOf(row, name));
    }),
  );
}

/** A case's relation: at once when its list loaded it ahead, else through the loader. */
export function relationOf<K extends Relation>(ctx: RequestContext, application: Application, name: K): Related<K> | Promise<Related<K>> {
  const ahead = (application as WithAhead)[AHEAD];
  if (ahead && name in ahead) return ahead[name] as Related<K>;
  return (RELATIONS[name].load as (ctx: RequestContext, id: number | null) => Promise<Related<K>>)(ctx, idOf(application, name));
}
