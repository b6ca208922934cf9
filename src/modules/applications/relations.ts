import { RequestContext } from '../../context';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { Application } from './entities';

/** A case's to-one relations: the column holding the id, and its module's by-id loader. */
const RELATIONS = {
  matter: { idOf: (a: Application) => a.matterId, load: matters.loadMatter },
  department: { idOf: (a: Application) => a.departmentId, load: tenancy.loadDepartment },
  receivingWindow: { idOf: (a: Application) => a.receivingWindowId, load: windows.loadWindow },
  receivedBy: { idOf: (a: Application) => a.receivedById, load: tenancy.loadUser },
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
      const { idOf, load } = RELATIONS[name];
      const ids = [...new Set(rows.map(idOf))];
      const values = await Promise.all(ids.map((id) => (load as (ctx: RequestContext, id: number | null) => Promise<unknown>)(ctx, id)));
      const byId = new Map(ids.map((id, i) => [id, values[i]]));
      for (const row of rows as WithAhead[]) (row[AHEAD] as Record<Relation, unknown>)[name] = byId.get(idOf(row));
    }),
  );
}

/** A case's relation: at once when its list loaded it ahead, else through the loader. */
export function relationOf<K extends Relation>(ctx: RequestContext, application: Application, name: K): Related<K> | Promise<Related<K>> {
  const ahead = (application as WithAhead)[AHEAD];
  if (ahead && name in ahead) return ahead[name] as Related<K>;
  const { idOf, load } = RELATIONS[name];
  return (load as (ctx: RequestContext, id: number | null) => Promise<Related<K>>)(ctx, idOf(application));
}
