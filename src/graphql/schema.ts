import 'reflect-metadata';
import { GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { MODULES } from '../modules/registry';
import { NodeResolver } from './node-resolver';
import { FieldAccessResolver } from '../auth/field-access-resolver';
import { treatNullArgumentsAsAbsent } from './null-arguments';
import { readPlainFieldsDirectly } from './plain-fields';
import { answerFieldsReadAhead } from './read-ahead';
import { auditEveryMutation } from '../modules/audit/service';
import { subscriptionsBringTheirBus } from '../events/bus';
// Every entity that implements Node is in the schema (as a possible Node): load them
// all, so that the schema does not depend on what else the process has imported.
import '../db/entities';

let schema: GraphQLSchema | undefined;

/** The schema, built once per process from the modules' resolvers; every mutation is audited (issue 13). */
export function appSchema(): GraphQLSchema {
  schema ??= auditEveryMutation(buildUnauditedSchema());
  return schema;
}

/**
 * The same schema without the audit wrapper around mutations: only `npm run bench` uses
 * it, to measure what the audit log costs a mutation. The server always serves appSchema().
 */
export function buildUnauditedSchema(): GraphQLSchema {
  return describeConventions(
    answerFieldsReadAhead(
      treatNullArgumentsAsAbsent(
        readPlainFieldsDirectly(
          buildSchemaSync({
            resolvers: [NodeResolver, FieldAccessResolver, ...MODULES.flatMap((module) => module.resolvers)],
            // Inputs are checked by the services, which name the field at fault.
            validate: false,
            pubSub: subscriptionsBringTheirBus,
          }),
        ),
      ),
      Object.assign({}, ...MODULES.map((module) => module.fieldsReadAhead ?? {})),
    ),
  );
}

/**
 * The Relay conventions repeat in every list and mutation (DESIGN.md §4): they are
 * described once here, by field or argument name, instead of in dozens of decorators.
 * A description written at the field itself wins.
 */
const CONVENTIONS: Record<string, string> = {
  input: 'The operation’s input: one object, Relay style',
  id: 'Global id (opaque; the `id` of the object as read from the API)',
  version: 'The `version` you last read (optimistic locking): a stale version is refused with CONFLICT',
  filter: 'Narrows the list; leave it out (or null) for everything the viewer may read',
  first: 'Page size from the start of the list',
  after: 'Cursor of the last edge of the previous page (with `first`)',
  last: 'Page size from the end of the list (paging backwards)',
  before: 'Cursor of the first edge of the next page (with `last`)',
  edges: 'The items of this page, in list order, each with its cursor',
  node: 'The item',
  cursor: 'Opaque position of this item in its list and order; pass it as `after` or `before`',
  pageInfo: 'Where this page sits in the list (Relay PageInfo)',
  totalCount: 'Number of items matching the filter, over all pages',
  hasNextPage: 'Whether items follow this page',
  hasPreviousPage: 'Whether items precede this page',
  startCursor: 'Cursor of the first edge of the page; null when the page is empty',
  endCursor: 'Cursor of the last edge of the page; null when the page is empty',
};

const TYPE_CONVENTIONS: Record<string, string> = {
  Query: 'Reads. Lists are Relay connections scoped to the tenants the viewer may read',
  Mutation: 'Writes. Each takes one `input` and returns the object it changed or created; the few that do not (sign-in, removals) say what they return',
  Subscription: 'Live events (电子监察 for hall screens), over WebSocket at /graphql with graphql-ws; the token goes in the connection’s init payload. Scoped like the queries',
  PageInfo: 'Relay page information of a connection',
};

function describeType(name: string): string | undefined {
  if (TYPE_CONVENTIONS[name]) return TYPE_CONVENTIONS[name];
  const connection = /^(\w+)Connection$/.exec(name);
  if (connection) return `A page of ${connection[1]} items (Relay connection)`;
  const edge = /^(\w+)Edge$/.exec(name);
  if (edge) return `One ${edge[1]} in a page, with its cursor (Relay edge)`;
  return undefined;
}

function describeConventions(built: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(built.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    type.description ??= describeType(type.name);
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      field.description ??= CONVENTIONS[field.name];
      for (const arg of 'args' in field ? field.args : []) arg.description ??= CONVENTIONS[arg.name];
    }
  }
  return built;
}

/** The text of schema.graphql: sorted, so that it only changes when the API does. */
export function printAppSchema(): string {
  return `${printSchema(lexicographicSortSchema(appSchema()))}\n`;
}

/** Root fields anyone may call without a token, as `Query.x` / `Mutation.y`. */
export const PUBLIC_ROOT_FIELDS = new Set(MODULES.flatMap((module) => module.publicRootFields ?? []));
/** Mutations a read-only role may still call: its own session. */
export const SESSION_MUTATIONS = new Set(MODULES.flatMap((module) => module.sessionMutations ?? []));
