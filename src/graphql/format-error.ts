import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '../logger';
import { DuplicateKey } from '../db/errors';
import { AppError } from './errors';
import { currentLanguage } from './language';
import { messages } from './messages';

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
 * has it). Known codes pass through, an AppError in the request's language (the one place
 * where the language is applied, for every error of the response); a unique key that
 * refused a row (two creates of the same thing at once) is CONFLICT naming the field, on
 * every database; anything else, such as another database error, becomes
 * INTERNAL_SERVER_ERROR with no SQL, and is logged with its details. Apollo's own
 * messages (parse, validation) stay in English.
 */
export function formatError(logger: Logger, duplicateKeyOf: (error: unknown) => DuplicateKey | null) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const language = currentLanguage();
    const original = unwrapResolverError(error);
    const duplicate = duplicateKeyOf(original);
    if (duplicate) {
      const field = duplicate.properties.length > 0 ? `input.${duplicate.properties[0]}` : 'input';
      return {
        message: messages.duplicateKey(duplicate.entity, duplicate.properties)[language],
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'CONFLICT', field },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      if (!(original instanceof AppError)) return { ...formatted, extensions };
      return { ...formatted, message: original.text[language], extensions: { ...extensions, ...original.translatedExtensions(language) } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: messages.internal[language],
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
