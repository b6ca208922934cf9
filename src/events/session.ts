import { RequestContext } from '../context';

/** What a subscription's context knows of its connection (graphql/subscriptions.ts). */
export interface LiveSession {
  /** The connection's `Bearer` authorization, checked again before each event. */
  readonly authorization: string;
  /** Closes the connection as unauthorised (4401): its token no longer holds. */
  refuse(): void;
}

const sessions = new WeakMap<RequestContext, LiveSession>();

export function bindLiveSession(ctx: RequestContext, session: LiveSession): void {
  sessions.set(ctx, session);
}

/** The connection behind a subscription's context; a context from HTTP has none. */
export function liveSessionOf(ctx: RequestContext): LiveSession {
  const session = sessions.get(ctx);
  if (!session) throw new Error('a subscription runs over the WebSocket endpoint only');
  return session;
}
