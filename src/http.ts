import { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import compression from 'compression';
import { Config } from './config';
import { Logger } from './logger';
import { Message, preferredLanguage } from './graphql/language';
import { messages } from './graphql/messages';

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

/** An error from the HTTP layer in GraphQL's shape, in the request's language; never an HTML page or a stack. */
function graphQLShaped(req: Request, text: Message, code: string) {
  return { errors: [{ message: text[preferredLanguage(req.headers['accept-language'])], extensions: { code } }] };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(graphQLShaped(req, messages.nothingServed(req.method, req.path), 'NOT_FOUND'));
};

/** Body-parser errors (bad JSON, too large, bad charset) keep their status; anything else is a 500 with no detail. */
export function httpErrorAsJson(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; expose?: boolean; message?: string }, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) {
      logger.error({ err: error, path: req.path }, 'unexpected HTTP error');
      res.status(500).json(graphQLShaped(req, messages.internal, 'INTERNAL_SERVER_ERROR'));
      return;
    }
    const text =
      error.type === 'entity.parse.failed'
        ? messages.bodyNotJson
        : error.type === 'entity.too.large'
          ? messages.bodyTooLarge
          : messages.badRequest(error.expose && error.message ? error.message : 'Bad request');
    res.status(status).json(graphQLShaped(req, text, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST'));
  };
}

/** Whether a browser origin is on the list; `http://localhost:*` matches every port of localhost. */
export function originAllowed(origin: string, allowed: string[]): boolean {
  const lower = origin.toLowerCase();
  return allowed.some((entry) => (entry.endsWith(':*') ? new RegExp(`^${entry.slice(0, -2).replace(/[.]/g, '\\.')}(:\\d{1,5})?$`).test(lower) : entry === lower));
}

/**
 * CORS for browser clients on the listed origins, answering the preflight itself (before
 * Apollo's CSRF guard, which stays on for every other request). Bearer tokens, not
 * cookies: no credentials.
 */
export function corsFor(config: Config): RequestHandler {
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(origin, config.corsOrigins)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'accept-language', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}

/** gzip or br for responses over 1 KB (a 100-case list is ~100 KB of JSON). */
export const compressResponses: RequestHandler = compression({ threshold: 1024 });

/** Runs `work` without holding an execution slot of admission control, and takes one again after it. */
export type WithoutRequestSlot = <T>(work: () => Promise<T>) => Promise<T>;

/** The request's `WithoutRequestSlot`, for its context; outside admission control, the work just runs. */
export const withoutRequestSlotOf = (res: Response): WithoutRequestSlot => (res.locals.withoutRequestSlot as WithoutRequestSlot | undefined) ?? ((work) => work());

/**
 * Admission control (issue 12): at most `concurrency` GraphQL requests execute at once,
 * the rest wait in arrival order. Without it an overloaded event loop interleaves the
 * steps of every request in flight, so all of them slow down together, the unluckiest
 * wait seconds, and each holds its rows and result in memory meanwhile. A request is
 * done when its response finishes or its client goes away; a full queue answers 503 with
 * Retry-After, before reading the body.
 *
 * A request may lend its slot while it waits on work that holds none of its rows
 * (`withoutRequestSlotOf`: a sign-in's password hash, a few hundred ms each, one or two at
 * a time): eight sign-ins waiting for their hashes used to hold every slot, and every
 * other request waited behind them. It then takes a slot again ahead of those not yet
 * started, since it has done most of its work.
 */
export function admission(concurrency: number, queueLimit: number): RequestHandler {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  const reenter = () =>
    new Promise<void>((resolve) => {
      if (running < concurrency) {
        running += 1;
        resolve();
      } else waiting.unshift(resolve);
    });
  return (req, res, next) => {
    const start = () => {
      let holding = true;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        if (holding) release();
        holding = false;
      };
      res.once('finish', finish);
      res.once('close', finish);
      const withoutRequestSlot: WithoutRequestSlot = async (work) => {
        if (!holding) return work();
        holding = false;
        release();
        try {
          return await work();
        } finally {
          await reenter();
          // Gone meanwhile (its client closed): the slot goes straight back.
          if (done) release();
          else holding = true;
        }
      };
      res.locals.withoutRequestSlot = withoutRequestSlot;
      next();
    };
    if (running < concurrency) {
      running += 1;
      start();
      return;
    }
    if (waiting.length >= queueLimit) {
      res.setHeader('Retry-After', '1');
      res.status(503).json(graphQLShaped(req, messages.overloaded, 'OVERLOADED'));
      return;
    }
    waiting.push(start);
    res.once('close', () => {
      const place = waiting.indexOf(start);
      if (place >= 0) waiting.splice(place, 1);
    });
  };
}
