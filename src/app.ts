import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import express, { Express } from 'express';
import { pinoHttp } from 'pino-http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { DataSource } from 'typeorm';
import { GraphQLSchema } from 'graphql';
import { Config } from './config';
import { Logger } from './logger';
import { buildContext, RequestContext } from './context';
import { appSchema, PUBLIC_ROOT_FIELDS, SESSION_MUTATIONS } from './graphql/schema';
import { formatError } from './graphql/format-error';
import { jitGateway } from './graphql/jit';
import { operationGuard } from './graphql/operation-guard';
import { redactionReport } from './graphql/redaction-plugin';
import { textInputGuard } from './graphql/text-input';
import { httpStatusByCode } from './graphql/http-status';
import { inRequestLanguage } from './graphql/language';
import { withSqlCounter } from './db/sql-counter';
import { duplicateKeyOf } from './db/errors';
import { TokenService } from './auth/jwt';
import { resolveJwtSecret } from './auth/jwt-secret';
import { setScryptCost } from './auth/passwords';
import { admission, compressResponses, corsFor, httpErrorAsJson, notFound, securityHeaders, withoutRequestSlotOf } from './http';
import { auditPlugin } from './modules/audit/service';
import { auditCsvExport } from './modules/audit/csv';
import { appraisalXlsxExport } from './modules/appraisal/export';
import { startSupervisionJob } from './modules/supervision/job';
import { Lifecycle } from './lifecycle';
import { replicaManager, replicaStates } from './db/replicas';
import { replicaReads } from './graphql/replica-reads';
import { EventBus } from './events/bus';
import { LiveServer, liveServer } from './graphql/subscriptions';

/**
 * Limits checked before execution (DESIGN.md §8). graphql-armor's defaults, except
 * depth and cost: Relay's `edges { node }` adds two levels to every list, and armor's
 * cost grows 1.5× per level, so a two-level connection query already passes 5000.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxCost: 20000,
  maxAliases: 15,
  maxTokens: 2000,
  maxBodyBytes: '100kb',
  /** A GraphQL multipart request (a bank statement upload): one file, its size capped while it streams. */
  maxUploadBytes: 32 * 1024 * 1024,
};

export interface AppOptions {
  config: Config;
  dataSource: DataSource;
  logger: Logger;
  /** Tests only: report the SQL statements each request ran in `x-sql-statements`. */
  exposeSqlCount?: boolean;
  /** Tests only: a settable clock (deadlines are computed from it). */
  clock?: () => Date;
  /** Bench only: another schema (the unaudited one, to measure the audit log's cost). */
  schema?: GraphQLSchema;
  /** The instance's drain on shutdown (src/lifecycle.ts); a fresh one if not given. */
  lifecycle?: Lifecycle;
}

export interface App {
  app: Express;
  /** Live events of this instance (Redis across instances with REDIS_URL): what services publish through `ctx.events`. */
  events: EventBus;
  /**
   * GraphQL subscriptions over WebSocket: `live.attach(httpServer)` once the server exists;
   * `live.close()` closes every connection with 1001 'server shutting down' (drain).
   */
  live: LiveServer;
  /** Closes the subscriptions, the Apollo server and the bus (not the database). */
  stop(): Promise<void>;
  lifecycle: Lifecycle;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, dataSource, logger } = options;
  const tokens = new TokenService(resolveJwtSecret(config), config.jwtTtlSeconds);
  setScryptCost(config.scryptLog2N);
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const events = new EventBus(logger, { redisUrl: config.redisUrl, channelPrefix: config.redisChannelPrefix });
  const contextDeps = { config, tokens, dataSource, logger, clock: options.clock, replicaManager: replicaManager(dataSource), events };
  const replicaCount = config.database.type === 'mysql' ? (config.database.replicas?.length ?? 0) : 0;
  const armor = new ApolloArmor({
    // Depth counts fields: a component-per-fragment query is as deep as its fields.
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // Apollo's own parser enforces the token limit (parseOptions): a syntax error stays a 400.
    maxTokens: { enabled: false },
    // Suggestions ("did you mean …") reveal the schema when introspection is off.
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();

  const schema = options.schema ?? appSchema();
  const formatErrors = formatError(logger, (error) => duplicateKeyOf(error, dataSource));
  const live = liveServer({ schema, contextDeps, logger, validationRules: armor.validationRules, maxTokens: QUERY_LIMITS.maxTokens, formatError: formatErrors });
  const server = new ApolloServer<RequestContext>({
    gateway: jitGateway(schema),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrors,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    // Outside NODE_ENV=test Apollo stops itself on SIGTERM, failing the operations still in
    // flight; the instance's drain (src/lifecycle.ts) stops it once they have finished.
    stopOnTerminationSignals: false,
    plugins: [
      ...armor.plugins,
      // Its per-field wrapper doubles list latency and we set no cache hints (DESIGN.md §7).
      ApolloServerPluginCacheControlDisabled(),
      config.introspection ? ApolloServerPluginLandingPageLocalDefault({ footer: false }) : ApolloServerPluginLandingPageDisabled(),
      operationGuard(PUBLIC_ROOT_FIELDS, SESSION_MUTATIONS),
      redactionReport,
      textInputGuard,
      httpStatusByCode,
      auditPlugin,
      replicaReads,
    ],
  });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  // Express hashes every body it sends for an ETag; our answers are POST results and
  // authenticated downloads, which nothing revalidates, so the hash (SHA-1 of each
  // answer: 55 KB for a page of cases) was spent for nothing (issue 12).
  app.set('etag', false);
  app.use(securityHeaders(config));
  app.use(compressResponses);
  // The client address (throttling per client) comes from X-Forwarded-For only behind trusted proxies.
  app.set('trust proxy', config.trustProxy);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready: not shutting down and the primary answers. A replica that is down is reported
  // but does not make the instance unready: its reads go to the primary meanwhile.
  app.get('/readyz', async (_req, res) => {
    if (!lifecycle.ready) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const replicas = replicaCount > 0 ? { replicas: await replicaStates(dataSource, replicaCount, logger) } : {};
    // Redis is reported, never fatal: without it only cross-instance live events stop.
    const redis = events.status.mode === 'redis' ? { redis: events.status.connected ? 'connected' : 'unavailable' } : {};
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready', ...replicas, ...redis });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable', ...replicas });
    }
  });

  // Counts the requests in flight and refuses new ones once the instance is shutting down.
  app.use(lifecycle.gate);

  if (options.exposeSqlCount) {
    app.use('/graphql', (req, res, next) => {
      withSqlCounter((count) => {
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
        res.writeHead = ((...args: unknown[]) => {
          res.setHeader('x-sql-statements', String(count.statements));
          return writeHead(...args);
        }) as typeof res.writeHead;
        next();
      });
    });
  }

  app.use(
    '/graphql',
    corsFor(config),
    admission(config.requestConcurrency, config.requestQueue),
    express.json({ limit: QUERY_LIMITS.maxBodyBytes }),
    // GraphQL multipart requests (file uploads); Apollo's CSRF guard still wants a preflight header on them.
    graphqlUploadExpress({ maxFileSize: QUERY_LIMITS.maxUploadBytes, maxFiles: 1, maxFieldSize: 1_000_000 }),
    // After the body parser: its stream callbacks would lose the request's language.
    inRequestLanguage,
    expressMiddleware(server, {
      context: async ({ req, res }) =>
        buildContext(contextDeps, {
          requestId: String(req.id),
          clientIp: req.ip ?? 'unknown',
          authorization: req.headers.authorization,
          withoutRequestSlot: withoutRequestSlotOf(res),
        }),
    }),
  );

  // 审计日志 export for an inspection: an authenticated download (README, Audit log).
  app.get('/audit.csv', auditCsvExport(contextDeps));
  // 考核结果 of a published period as a workbook (README, Appraisal).
  app.get('/appraisal.xlsx', appraisalXlsxExport(contextDeps));

  app.use(notFound);
  app.use(httpErrorAsJson(logger));

  // 电子监察: the periodic check (README, Supervision notices); every instance may run it.
  const supervisionJob = config.supervisionJob.enabled ? startSupervisionJob(contextDeps, config.supervisionJob.intervalSeconds * 1000) : null;

  return {
    app,
    events,
    live,
    lifecycle,
    stop: async () => {
      await supervisionJob?.stop();
      await live.close();
      await server.stop();
      await events.close();
    },
  };
}
