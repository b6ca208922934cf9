import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../context';

/**
 * With read replicas, a query operation reads from them; a mutation request stays on the
 * primary from its first read to its result (README, "Deployment: replicas, several
 * instances, drain"). Decided once the operation is parsed, before any resolver runs.
 */
export const replicaReads: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation === 'query') contextValue.readFromReplicas();
      },
    };
  },
};
