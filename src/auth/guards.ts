import { RequestContext } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors';
import { messages } from '../graphql/messages';
import { Role } from './roles';
import { Viewer } from './viewer';

export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

/** Operation rule by role; department and state rules live in the services. */
export function requireRole(ctx: RequestContext, ...roles: Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (!roles.some((role) => viewer.roles.has(role))) {
    throw new ForbiddenError(messages.requiresRoles(roles));
  }
  return viewer;
}
