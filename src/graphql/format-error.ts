import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '../logger';
import { DuplicateKey } from '../db/errors';
import { AppError, BadUserInputError } from './errors';
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
  'OVERLOADED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * A variable that graphql-js refused before execution (BAD_USER_INPUT with its own
 * English message) as our error: the path in the message names the field.
 */
function variableError(detail: string): BadUserInputError | null {
  const variable = /^Variable "\$(\w+)" got invalid value/.exec(detail);
  if (!variable) return null;
  const path = / at "([^"]+)"$/.exec(detail.split('; ')[0])?.[1] ?? variable[1];
  const missing = /Field "(\w+)" of required type "[^"]+" was not provided/.exec(detail);
  if (missing) return new BadUserInputError(messages.missingValue(`${path}.${missing[1]}`, detail), `${path}.${missing[1]}`);
  return new BadUserInputError(messages.invalidValue(path, detail), path);
}

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
      const ours = original instanceof AppError ? original : code === 'BAD_USER_INPUT' ? variableError(formatted.message) : null;
      if (!ours) return { ...formatted, extensions };
      return { ...formatted, message: ours.text[language], extensions: { ...extensions, ...ours.extensionsIn(language) } };
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
