import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { MODULES } from '../modules/registry';
import { NodeResolver } from './node-resolver';
import { FieldAccessResolver } from '../auth/field-access-resolver';
import { treatNullArgumentsAsAbsent } from './null-arguments';
import { auditEveryMutation } from '../modules/audit/service';
// Every entity that implements Node is in the schema (as a possible Node): load them
// all, so that the schema does not depend on what else the process has imported.
import '../db/entities';

let schema: GraphQLSchema | undefined;

/** The schema, built once per process from the modules' resolvers; every mutation is audited (issue 13). */
export function appSchema(): GraphQLSchema {
  schema ??= auditEveryMutation(
    treatNullArgumentsAsAbsent(
      buildSchemaSync({
        resolvers: [NodeResolver, FieldAccessResolver, ...MODULES.flatMap((module) => module.resolvers)],
        // Inputs are checked by the services, which name the field at fault.
        validate: false,
      }),
    ),
  );
  return schema;
}

/** The text of schema.graphql: sorted, so that it only changes when the API does. */
export function printAppSchema(): string {
  return `${printSchema(lexicographicSortSchema(appSchema()))}\n`;
}

/** Root fields anyone may call without a token, as `Query.x` / `Mutation.y`. */
export const PUBLIC_ROOT_FIELDS = new Set(MODULES.flatMap((module) => module.publicRootFields ?? []));
/** Mutations a read-only role may still call: its own session. */
export const SESSION_MUTATIONS = new Set(MODULES.flatMap((module) => module.sessionMutations ?? []));
