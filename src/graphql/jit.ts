import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

/** Compiled queries kept per parsed document (Apollo reuses one document per query text). */
const MAX_OPERATIONS_PER_DOCUMENT = 8;

/**
 * Runs queries through graphql-jit (DESIGN.md §7: graphql-js's generic executor was the
 * largest share of a list request after SQL), the same resolvers, middlewares and field
 * policies, compiled once per document. graphql-js stays the reference wherever its
 * answer could differ: mutations (serial, audited), subscriptions, and any request whose
 * variables it refuses, so coercion errors keep their codes and messages.
 */
export function jitExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      if (byName.size >= MAX_OPERATIONS_PER_DOCUMENT) byName.clear();
      const result = compileQuery(schema, document, operationName);
      byName.set(key, isCompiledQuery(result) ? result : null);
    }
    return byName.get(key) ?? null;
  };

  return async (request) => {
    const { document, operation, context } = request;
    const variables = request.request.variables ?? {};
    const reference = () =>
      execute({ schema, document, contextValue: context, variableValues: variables, operationName: request.operationName ?? undefined }) as Promise<ExecutionResult>;
    if (operation.operation !== 'query') return reference();
    // graphql-js coerces the variables (input defaults included), or its errors answer.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return reference();
    const query = compiledFor(document, request.operationName ?? undefined);
    if (!query) return reference();
    const result = (await query.query(undefined, context, coerced.coerced)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
}

/**
 * graphql-jit's errors are frozen look-alikes; the plugins after execution (graphql-armor
 * rewrites messages) expect graphql-js's own, as a resolver's error would be under it.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  Object.defineProperty(copy, 'locations', { value: error.locations, enumerable: error.locations !== undefined, writable: true });
  return copy;
}

/** The schema as Apollo's gateway hook: the only way Apollo Server 5 takes another executor. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor: jitExecutor(schema) }),
    stop: async () => undefined,
  };
}
