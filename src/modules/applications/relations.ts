import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../../context';
import { argumentsSelectedAt, propertiesSelectedAt, selectedFieldsAt } from '../../graphql/selection';
import * as tenancy from '../tenancy/service';
import * as matters from '../matters/service';
import * as windows from '../windows/service';
import { isPageSize, ListJoin } from '../../graphql/connection';
import { isAhead, putAhead } from '../../graphql/read-ahead';
import { Application } from './entities';
import { eventsOf } from './service';

type Properties = readonly string[] | null;

/**
 * A case's to-one relations: the property holding the id, its module's rows as their
 * by-id reads see them (the tenant limit a list's join keeps), and its by-id loader,
 * reading every column, or only `properties` (what a list's selection shows of it).
 */
const RELATIONS = {
  matter: {
    column: 'matterId',
    rows: (ctx: RequestContext) => matters.matters(ctx.db),
    load: (ctx: RequestContext, id: number, properties: Properties) => matters.loadMatter(ctx, id, undefined, properties),
  },
  department: {
    column: 'departmentId',
    rows: (ctx: RequestContext) => tenancy.scopedDepartments(ctx.db),
    load: (ctx: RequestContext, id: number, properties: Properties) => tenancy.loadDepartment(ctx, id, undefined, properties),
  },
  receivingWindow: {
    column: 'receivingWindowId',
    rows: (ctx: RequestContext) => windows.windows(ctx.db),
    load: (ctx: RequestContext, id: number, properties: Properties) => windows.loadWindow(ctx, id, properties),
  },
  receivedBy: {
    column: 'receivedById',
    rows: (ctx: RequestContext) => tenancy.scopedUsers(ctx.db),
    load: (ctx: RequestContext, id: number, properties: Properties) => tenancy.loadUser(ctx, id, undefined, properties),
  },
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

/** The fields of a case its list reads ahead (src/graphql/read-ahead.ts): the module's `fieldsReadAhead`. */
export const FIELDS_READ_AHEAD = { Application: [...Object.keys(RELATIONS), 'timeline'] };

/** What the fields with a resolver of a related row read of it: only the global id, from the primary key (always read). */
const FIELDS_READ_FROM_RELATED = { id: [] };

/**
 * The relations a page of cases reads in its own statement (issue 12): each one its
 * selection asks for (through fragments; not what `@skip` / `@include` leave out) that
 * shows only plain fields, joined under the tenant limit of its by-id loader, so a row
 * the viewer may not read is null there as it is through the loader. The rows' fields
 * then answer at once, instead of a statement per relation and a promise per row and
 * field, which was most of what a relation cost a page (README, Performance). `path`
 * leads from the list's field to its rows (`['edges', 'node']`).
 */
export function relationJoins(ctx: RequestContext, info: GraphQLResolveInfo, path: string[]): ListJoin<Application>[] {
  const selected = selectedFieldsAt(info, path);
  return (Object.keys(RELATIONS) as Relation[])
    .filter((name) => selected.has(name))
    .flatMap((name) => {
      const properties = propertiesSelectedAt(info, [...path, name], FIELDS_READ_FROM_RELATED);
      if (properties === null) return [];
      const alias = `related_${name}`;
      return [
        {
          alias,
          add: (query, cases) => RELATIONS[name].rows(ctx).joinTo(query, alias, `${cases}.${RELATIONS[name].column}`, properties),
          attach: (rows, joined) => putAhead(rows, name, {}, joined),
        },
      ];
    });
}

/**
 * Loads ahead, for a page of cases, the relations its selection asks for that the page
 * did not join (a guarded or computed field of one asked for makes it read every
 * column): one batched statement per relation, before GraphQL walks the rows.
 */
export async function loadRelationsAhead(ctx: RequestContext, rows: Application[], info: GraphQLResolveInfo, path: string[]): Promise<void> {
  const selected = selectedFieldsAt(info, path);
  const names = (Object.keys(RELATIONS) as Relation[]).filter((name) => selected.has(name) && !rows.some((row) => isAhead(row, name)));
  await Promise.all(
    names.map(async (name) => {
      const properties = propertiesSelectedAt(info, [...path, name], FIELDS_READ_FROM_RELATED);
      const ids = [...new Set(rows.map((row) => idOf(row, name)))];
      const values = await Promise.all(ids.map((id) => RELATIONS[name].load(ctx, id, properties)));
      const byId = new Map(ids.map((id, i) => [id, values[i]]));
      putAhead(rows, name, {}, rows.map((row) => byId.get(idOf(row, name))));
    }),
  );
}

/** A case's relation, through its loader (a list's rows have theirs read ahead). */
export function relationOf<K extends Relation>(ctx: RequestContext, application: Application, name: K): Promise<Related<K>> {
  return RELATIONS[name].load(ctx, idOf(application, name), null) as Promise<Related<K>>;
}

/** What the fields with a resolver of an event read of it: the global id its primary key, the actor its id. */
const FIELDS_READ_FROM_EVENT = { id: [], actor: ['actorId'] };

/**
 * Reads ahead the timeline of each case of a page, when its selection asks for one with
 * the same `last` wherever it names it: one statement, as through the field's loader,
 * but each row's field then answers at once instead of with a promise per row, and of
 * the last n events only the columns the selection shows are read.
 * A `last` out of range is left to the field, which reports it on each row as before.
 */
export async function loadTimelinesAhead(ctx: RequestContext, rows: Application[], info: GraphQLResolveInfo, path: string[]): Promise<void> {
  const asked = argumentsSelectedAt(info, path, 'timeline');
  const lasts = new Set(asked?.map((args) => (args.last ?? null) as number | null));
  if (lasts.size !== 1) return;
  const [last] = lasts;
  if (last !== null && !isPageSize(last)) return;
  const properties = propertiesSelectedAt(info, [...path, 'timeline'], FIELDS_READ_FROM_EVENT);
  const events = await Promise.all(rows.map((row) => eventsOf(ctx, row, last, properties)));
  putAhead(rows, 'timeline', { last }, events);
}
