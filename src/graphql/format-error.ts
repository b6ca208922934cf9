import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '../logger';
import { DuplicateKey } from '../db/errors';

/** Codes whose message is meant for the client; anything else is hidden. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'READ_ONLY_ROLE',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Error formatting (DESIGN.md §4), in every mode: no stack ever reaches a client (the log
 * has it). Known codes pass through; a unique key that refused a
 * row (two creates of the same thing at once) is CONFLICT naming the field, on every
 * database; anything else, such as another database error, becomes
 * INTERNAL_SERVER_ERROR with no SQL, and is logged with its details.
 */
export function formatError(logger: Logger, duplicateKeyOf: (error: unknown) => DuplicateKey | null) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const duplicate = duplicateKeyOf(unwrapResolverError(error));
    if (duplicate) {
      const field = duplicate.properties.length > 0 ? `input.${duplicate.properties[0]}` : 'input';
      const what = duplicate.properties.join(', ') || 'key';
      return {
        message: `A ${duplicate.entity} with this ${what} already exists (perhaps created a moment ago): reload and try again`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'CONFLICT', field },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
