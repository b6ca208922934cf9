import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DocumentNode, getOperationAST, GraphQLError, GraphQLSchema, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import { WebSocket, WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { Logger } from '../logger';
import { buildContext, ContextDeps, RequestContext } from '../context';
import { bindLiveSession } from '../events/session';
import { formatError } from './format-error';
import { inLanguage, Language, preferredLanguage } from './language';
import { BadRequestError, UnauthenticatedError } from './errors';
import { messages } from './messages';

/**
 * Limits of the WebSocket endpoint (DESIGN.md §8), beside the query limits it shares
 * (depth, cost, aliases, tokens): a hall screen holds one connection with a subscription
 * or two, so these are generous for it and small for anyone opening thousands.
 */
export const LIVE_LIMITS = {
  /** A connection that has not sent its `connection_init` (with the token) by then is closed (4408). */
  initTimeoutMs: 3_000,
  subscriptionsPerConnection: 10,
  connectionsPerUser: 8,
  connectionsPerInstance: 5_000,
  /** Largest message accepted from a client (a subscribe message is a query). */
  maxMessageBytes: 100 * 1024,
};

/** WebSocket close codes (graphql-ws's, and the standard 1001). */
export const CLOSE = {
  unauthorized: { code: 4401, reason: 'Unauthorized' },
  tooManyConnections: { code: 4429, reason: 'Too many connections' },
  shuttingDown: { code: 1001, reason: 'server shutting down' },
};

interface LiveConnection {
  authorization: string;
  userId: number;
  language: Language;
}

/** What this server keeps on each connection, beside graphql-ws's socket and upgrade request. */
type Extra = { live?: LiveConnection };

export interface LiveServer {
  /** Serves `graphql-transport-ws` upgrades on `path` of this HTTP server (the API's own). */
  attach(server: Server): void;
  /** Open connections on this instance. */
  readonly connections: number;
  /**
   * Closes every connection with 1001 'server shutting down' (a client reconnects, through
   * the load balancer, to another instance) and accepts no more. For the drain on SIGTERM.
   */
  close(): Promise<void>;
}

/** The token from a connection's init payload: `{ authorization: 'Bearer …' }` (as the HTTP header) or `{ token: '…' }`. */
function authorizationOf(params: Record<string, unknown> | undefined): string | null {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === 'string' && authorization !== '') return authorization;
  if (typeof params?.token === 'string' && params.token !== '') return `Bearer ${params.token}`;
  return null;
}

const closeWith = (socket: WebSocket, close: { code: number; reason: string }) => {
  if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(close.code, close.reason);
};

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) on the API's own HTTP server and path.
 * Authorised like HTTP: the token of the init payload is verified at connection (a
 * missing, forged, expired or revoked one closes it with 4401), each subscription runs
 * in its own request context from that token, and the token is checked again before each
 * event (modules/supervision/live.ts). Subscriptions only: queries and mutations go over
 * HTTP, where admission control, the operation guard and the audit log run.
 */
export function liveServer(options: {
  schema: GraphQLSchema;
  contextDeps: ContextDeps;
  logger: Logger;
  /** The HTTP endpoint's validation rules (graphql-armor: depth, cost, aliases). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  formatError: ReturnType<typeof formatError>;
  path?: string;
}): LiveServer {
  const { schema, contextDeps, logger } = options;
  const path = options.path ?? '/graphql';
  const rules = [...specifiedRules, ...options.validationRules];
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIVE_LIMITS.maxMessageBytes });
  const connectionsOf = new Map<number, number>();
  let closing = false;

  const format = (language: Language, errors: readonly GraphQLError[]) =>
    inLanguage(language, () => errors.map((error) => options.formatError(error.toJSON(), error)));

  useServer<Record<string, unknown>, Extra>(
    {
      schema,
      connectionInitWaitTimeout: LIVE_LIMITS.initTimeoutMs,
      onConnect: async (c) => {
        const { socket, request } = c.extra;
        const authorization = authorizationOf(c.connectionParams);
        const ctx = authorization
          ? await buildContext(contextDeps, { requestId: randomUUID(), clientIp: request.socket.remoteAddress ?? 'unknown', authorization }).catch(() => null)
          : null;
        if (!authorization || !ctx?.viewer) {
          closeWith(socket, CLOSE.unauthorized);
          return false;
        }
        const userId = ctx.viewer.userId;
        const open = connectionsOf.get(userId) ?? 0;
        if (open >= LIVE_LIMITS.connectionsPerUser) {
          closeWith(socket, CLOSE.tooManyConnections);
          return false;
        }
        connectionsOf.set(userId, open + 1);
        const parameter = c.connectionParams?.['accept-language'] ?? c.connectionParams?.acceptLanguage;
        const language = preferredLanguage(typeof parameter === 'string' ? parameter : request.headers['accept-language']);
        c.extra.live = { authorization, userId, language };
        return true;
      },
      onClose: (c) => {
        const live = c.extra.live;
        if (!live) return;
        c.extra.live = undefined;
        const open = (connectionsOf.get(live.userId) ?? 1) - 1;
        if (open > 0) connectionsOf.set(live.userId, open);
        else connectionsOf.delete(live.userId);
      },
      onSubscribe: async (c, id, payload) => {
        const live = c.extra.live!;
        // Errors returned here go out through onError, which formats them.
        if (Object.keys(c.subscriptions).length > LIVE_LIMITS.subscriptionsPerConnection) {
          return [new BadRequestError(messages.tooManySubscriptions(LIVE_LIMITS.subscriptionsPerConnection))];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [new GraphQLError(error instanceof Error ? error.message : 'Syntax error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new BadRequestError(messages.onlySubscriptionsOverWebSocket)];
        }
        let contextValue: RequestContext;
        try {
          contextValue = await buildContext(contextDeps, { requestId: `${id}`, clientIp: c.extra.request.socket.remoteAddress ?? 'unknown', authorization: live.authorization });
        } catch {
          closeWith(c.extra.socket, CLOSE.unauthorized);
          return [new UnauthenticatedError(messages.invalidToken)];
        }
        bindLiveSession(contextValue, { authorization: live.authorization, refuse: () => closeWith(c.extra.socket, CLOSE.unauthorized) });
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext: (c, _id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        return { ...result, errors: format(c.extra.live?.language ?? 'zh', result.errors) };
      },
      onError: (c, _id, _payload, errors) => format(c.extra.live?.language ?? 'zh', errors),
    },
    wss,
  );

  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname !== path || closing || wss.clients.size >= LIVE_LIMITS.connectionsPerInstance) {
      socket.end(`HTTP/1.1 ${pathname !== path ? '404 Not Found' : '503 Service Unavailable'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  const servers: Server[] = [];
  return {
    attach(server) {
      servers.push(server);
      server.on('upgrade', upgrade);
    },
    get connections() {
      return wss.clients.size;
    },
    async close() {
      closing = true;
      for (const server of servers) server.off('upgrade', upgrade);
      for (const client of wss.clients) closeWith(client, CLOSE.shuttingDown);
      logger.info({ connections: wss.clients.size }, 'live subscriptions closed: server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
