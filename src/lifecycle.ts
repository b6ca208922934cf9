import type { Server } from 'node:http';
import net from 'node:net';
import { RequestHandler } from 'express';
import { Logger } from './logger';
import { preferredLanguage } from './graphql/language';
import { messages } from './graphql/messages';

/** A step of the shutdown, run once no new request is admitted; `reason` is for clients (a close frame). */
export type ShutdownStep = (reason: string) => Promise<void> | void;

export type LifecyclePhase = 'serving' | 'draining' | 'refusing' | 'stopped';

/** Told to clients whose long-lived connections (subscriptions) a draining instance closes. */
export const SHUTDOWN_REASON = 'server shutting down';

/**
 * The instance's life after SIGTERM (README, "Deployment: replicas, several instances,
 * drain"):
 * 1. draining: /readyz answers 503 at once, so a load balancer stops sending; requests
 *    are still served for `drainDelayMs`, the time it takes the balancer to notice;
 * 2. refusing: new requests get 503 SHUTTING_DOWN (with Retry-After and Connection: close:
 *    nothing of them ran, a client may send them elsewhere), the listener closes, the
 *    shutdown steps run in order (subscriptions closed with a reason, the GraphQL server
 *    stopped), and requests in flight finish, for at most `shutdownGraceMs`;
 * 3. the database pools close last, then the process exits 0 (1 if the grace ran out).
 * Modules add steps with `onShutdown` (the subscription server closes its sockets there).
 */
export class Lifecycle {
  private current: LifecyclePhase = 'serving';
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private readonly steps: { name: string; step: ShutdownStep }[] = [];
  private readonly finalSteps: { name: string; step: ShutdownStep }[] = [];

  get phase(): LifecyclePhase {
    return this.current;
  }

  /** Whether a load balancer should send requests here (/readyz). */
  get ready(): boolean {
    return this.current === 'serving';
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Runs when new requests are refused, before in-flight ones are awaited (close subscriptions here). */
  onShutdown(name: string, step: ShutdownStep): void {
    this.steps.push({ name, step });
  }

  /** Runs after the requests in flight have finished (close the database pools here). */
  onStopped(name: string, step: ShutdownStep): void {
    this.finalSteps.push({ name, step });
  }

  /** Counts each request while it runs; refuses new ones once the drain delay is over. */
  readonly gate: RequestHandler = (req, res, next) => {
    if (this.current === 'refusing' || this.current === 'stopped') {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '1');
      const text = messages.shuttingDown[preferredLanguage(req.headers['accept-language'])];
      res.status(503).json({ errors: [{ message: text, extensions: { code: 'SHUTTING_DOWN' } }] });
      return;
    }
    this.inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    };
    res.once('finish', finish);
    res.once('close', finish);
    // A response finished while draining tells keep-alive clients to reconnect elsewhere.
    if (this.current !== 'serving') res.setHeader('Connection', 'close');
    next();
  };

  private whenIdle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Drains and stops; resolves with the exit code (0: every request in flight finished).
   * Called once; a second call returns the first's promise.
   */
  shutdown(server: Server | undefined, options: { drainDelayMs: number; graceMs: number; logger: Logger }): Promise<number> {
    return (this.stopping ??= this.run(server, options));
  }

  private stopping: Promise<number> | undefined;

  private async run(server: Server | undefined, { drainDelayMs, graceMs, logger }: { drainDelayMs: number; graceMs: number; logger: Logger }): Promise<number> {
    this.current = 'draining';
    logger.info({ drainDelayMs, inFlight: this.inFlight }, 'draining: not ready, still serving until the load balancer notices');
    if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs));

    this.current = 'refusing';
    logger.info({ inFlight: this.inFlight }, 'refusing new requests; finishing those in flight');
    // The listener only: http's own close() also drops the connections it deems idle, among
    // them those accepted whose request is not parsed yet, and their clients see a reset.
    // Those requests get the 503 above instead; the rest close once nothing runs.
    if (server) net.Server.prototype.close.call(server);
    for (const { name, step } of this.steps) {
      try {
        await step(SHUTDOWN_REASON);
      } catch (error) {
        logger.warn({ err: error, step: name }, 'shutdown step failed');
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([this.whenIdle().then(() => 'idle' as const), graceOver]);
    clearTimeout(timer);
    if (outcome === 'timeout') logger.error({ inFlight: this.inFlight, graceMs }, 'shutdown grace over: closing the connections of requests still running');
    // Nothing runs any more (or the grace is over): the keep-alive connections left are idle.
    server?.closeAllConnections();
    this.current = 'stopped';
    for (const { name, step } of this.finalSteps) {
      try {
        await step(SHUTDOWN_REASON);
      } catch (error) {
        logger.warn({ err: error, step: name }, 'shutdown step failed');
      }
    }
    logger.info('stopped');
    return outcome === 'idle' ? 0 : 1;
  }
}
