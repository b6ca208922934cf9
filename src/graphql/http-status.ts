import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../context';

/**
 * HTTP status of a response (README, "Status codes"), following the GraphQL-over-HTTP
 * spec: a request that cannot run (syntax, validation, limits) is a 400 (Apollo's own);
 * a response that carries data is a 200 even with field errors; a response with no data
 * takes its status from its first error's code, below. TOO_MANY_ATTEMPTS and OVERLOADED
 * also say when to come back (Retry-After).
 */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  READ_ONLY_ROLE: 403,
  TOO_MANY_ATTEMPTS: 429,
  OVERLOADED: 503,
};

export const httpStatusByCode: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        const first = errors?.[0];
        if (!first || (data !== null && data !== undefined)) return;
        const status = STATUS_BY_CODE[String(first.extensions?.code)];
        if (status === undefined) return;
        response.http.status = status;
        const retryAfter = first.extensions?.retryAfterSeconds;
        if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
      },
    };
  },
};
