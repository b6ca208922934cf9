import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../../context';
import { recordRequestEnd } from './recorder';

/**
 * Records, once per request, what the mutation wrapper cannot see: mutations refused
 * before any resolver ran, and reads of PII in clear. A response whose PII read cannot
 * be recorded is withheld.
 */
export const auditPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse(request) {
        const written = await recordRequestEnd(request);
        const body = request.response.body;
        if (written || body.kind !== 'single' || request.contextValue.clearReads.size === 0) return;
        body.singleResult = {
          data: null,
          errors: [{ message: 'The audit log could not be written; the response is withheld', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        };
      },
    };
  },
};
