import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../context';

/** Lists, once per response, the guarded `Type.field`s that were masked or nulled. */
export const redactionReport: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.redacted.size === 0) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, redacted: [...contextValue.redacted].sort() };
      },
    };
  },
};
