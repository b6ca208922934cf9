import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { RequestContext } from '../context';
import { Role } from '../auth/roles';
import { BadRequestError, ReadOnlyRoleError, UnauthenticatedError } from './errors';
import { messages } from './messages';

/** Root field names of an operation, through inline fragments and fragment spreads. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/**
 * The central guard, before any resolver runs: without a token only public root
 * fields; for the read-only AUDITOR role no mutation but those on its own session.
 * New operations are covered by default.
 */
export function operationGuard(publicRootFields: Set<string>, sessionMutations: Set<string>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const kind = operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'query' ? 'Query' : 'Subscription';
          // A subscription is a stream: WebSocket only (graphql/subscriptions.ts).
          if (kind === 'Subscription') throw new BadRequestError(messages.subscriptionsOverWebSocket);
          const fields = rootFieldNames(operation, document).filter((name) => !name.startsWith('__'));
          const viewer = contextValue.viewer;
          if (!viewer) {
            const closed = fields.find((name) => !publicRootFields.has(`${kind}.${name}`));
            if (closed) throw new UnauthenticatedError(messages.signInToUse(closed), 401);
            return;
          }
          if (kind === 'Mutation' && viewer.roles.has(Role.AUDITOR)) {
            const refused = fields.find((name) => !sessionMutations.has(name));
            if (refused) throw new ReadOnlyRoleError(refused);
          }
        },
      };
    },
  };
}
