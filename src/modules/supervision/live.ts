/**
 * 电子监察 for hall screens, live (issue 18): which events a subscriber receives. Scoped
 * exactly like the queries, on the server, per subscriber and per event.
 */
import { filter, pipe } from '@graphql-yoga/subscription';
import { RequestContext } from '../../context';
import { requireViewer } from '../../auth/guards';
import { NotFoundError } from '../../graphql/errors';
import { nouns } from '../../graphql/messages';
import { loadNodes } from '../../graphql/nodes';
import { LiveTopic, LiveTopics } from '../../events/bus';
import { liveSessionOf } from '../../events/session';
import * as tenancy from '../tenancy/service';

/**
 * The events of `topic` in the tenant `tenantCode` names and its readable subordinates (a
 * city's screen subscribes with its own code and sees its counties), as
 * `supervisionAlerts(tenantCode)` reads them. Before each event the subscriber's token is
 * checked again (a revoked or expired one closes the connection, 4401) and the event is
 * delivered only if its tenant is still readable and its subject loads in the viewer's
 * scope: another tenant's events never leave the server.
 */
export async function liveEvents<T extends LiveTopic>(
  ctx: RequestContext,
  topic: T,
  tenantCode: string,
  subjectOf: (event: LiveTopics[T]) => string,
): Promise<AsyncIterable<LiveTopics[T]>> {
  requireViewer(ctx);
  const session = liveSessionOf(ctx);
  const root = await tenancy.tenantByCode(ctx, tenantCode);
  if (!root) throw new NotFoundError(nouns.tenant);
  // Tenants whose business data the viewer reads (a platform admin sees the tree, not the data).
  const tenantIds = new Set((await tenancy.readableSubtree(ctx, root)).map((tenant) => tenant.id).filter((id) => ctx.db.scope.canRead(id)));
  if (tenantIds.size === 0) throw new NotFoundError(nouns.tenant);
  return pipe(
    ctx.events.subscribe(topic),
    filter(async (event: LiveTopics[T]) => {
      if (!tenantIds.has(event.tenantId)) return false;
      try {
        await ctx.renew(session.authorization);
      } catch {
        session.refuse();
        return false;
      }
      if (!ctx.db.scope.canRead(event.tenantId)) return false;
      const [subject] = await loadNodes(ctx, [subjectOf(event)], 'subject');
      return subject !== null;
    }),
  );
}
