import { ErrorRequestHandler, RequestHandler } from 'express';
import helmet from 'helmet';
import { Config } from './config';
import { Logger } from './logger';

/**
 * helmet's headers that fit an API: no sniffing, no framing, HSTS, no referrer, and a
 * content policy that allows nothing (an API serves no page). The development landing
 * page loads Apollo's explorer, so the content policy is off only where it is served.
 */
export function securityHeaders(config: Config): RequestHandler {
  return helmet({
    contentSecurityPolicy: config.introspection ? false : { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginEmbedderPolicy: false,
  });
}

/** An error from the HTTP layer in GraphQL's shape, never an HTML page or a stack. */
function graphQLShaped(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(graphQLShaped(`Nothing is served at ${req.method} ${req.path}: the API is POST /graphql`, 'NOT_FOUND'));
};

/** Body-parser errors (bad JSON, too large, bad charset) keep their status; anything else is a 500 with no detail. */
export function httpErrorAsJson(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; expose?: boolean; message?: string }, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) {
      logger.error({ err: error, path: req.path }, 'unexpected HTTP error');
      res.status(500).json(graphQLShaped('Internal server error', 'INTERNAL_SERVER_ERROR'));
      return;
    }
    const message =
      error.type === 'entity.parse.failed'
        ? 'The body is not valid JSON'
        : error.type === 'entity.too.large'
          ? 'The body is larger than the limit'
          : error.expose && error.message
            ? error.message
            : 'Bad request';
    res.status(status).json(graphQLShaped(message, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST'));
  };
}
