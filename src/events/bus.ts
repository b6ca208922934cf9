import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createPubSub, PubSub, Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import { Logger } from '../logger';

/** The live topics (GraphQL subscriptions) and what each event carries: plain JSON, so it crosses Redis unchanged. */
export interface LiveTopics {
  windowCoverageChanged: WindowCoverageEvent;
  supervisionAlertRaised: SupervisionAlertEvent;
}
export type LiveTopic = keyof LiveTopics;

/** Events every live event carries: the tenant it belongs to (the subscribers' filter) and when. */
export interface TenantEvent {
  tenantId: number;
  tenantCode: string;
  /** ISO 8601 instant. */
  at: string;
}

export interface WindowCoverageEvent extends TenantEvent {
  windowId: number;
  /** What changed (a CoverageChange value). */
  change: string;
  /** Nobody on post at the window now, within opening hours. */
  empty: boolean;
  /** Why it is empty (an EmptyPostCause value); null when somebody is on post. */
  cause: string | null;
}

export interface SupervisionAlertEvent extends TenantEvent {
  /** A SupervisionAlertKind value. */
  kind: string;
  /** Node type and database id of what the alert is about (a case, a ticket step, a complaint, a notice). */
  subjectType: string;
  subjectId: number;
  reason: string;
}

/** Events kept per slow subscriber; past it the oldest are dropped, so a stalled screen never grows the heap. */
const SUBSCRIBER_BUFFER = 100;

type BusPubSub = PubSub<{ [topic in LiveTopic]: [LiveTopics[topic]] }>;

/**
 * The bus behind the subscriptions (DESIGN.md §6). Every event is delivered to this
 * instance's subscribers at once; with REDIS_URL it is also published on one Redis
 * channel, and what other instances publish there is delivered here. Redis down costs
 * only the cross-instance events (logged once per outage): publishing never fails a
 * mutation, and ioredis reconnects and re-subscribes by itself.
 */
export class EventBus {
  private readonly local: BusPubSub = createPubSub();
  /** Tells this instance's own messages apart when Redis echoes them back. */
  private readonly origin = randomUUID();
  private readonly publisher: Redis | null = null;
  private readonly subscriber: Redis | null = null;
  private readonly channel: string;
  private redisUp = false;
  /** One warning per outage, not one per reconnection attempt. */
  private warned = false;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    options: { redisUrl?: string; channelPrefix?: string } = {},
  ) {
    this.channel = `${options.channelPrefix ?? 'gov-service-api:'}live`;
    if (!options.redisUrl) return;
    const connection = {
      // Reconnect for ever, at most every 5 s; a publish while down fails at once instead of queueing.
      retryStrategy: (times: number) => Math.min(times * 200, 5_000),
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    };
    this.publisher = new Redis(options.redisUrl, { ...connection, enableOfflineQueue: false, connectionName: 'gov-service-api:publish' });
    this.subscriber = new Redis(options.redisUrl, { ...connection, connectionName: 'gov-service-api:subscribe' });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => {
        if (this.redisUp || client === this.subscriber) this.markDown(error);
      });
    }
    this.subscriber.on('ready', () => {
      if (!this.redisUp) this.logger.info({ channel: this.channel }, 'live events: Redis connected');
      this.redisUp = true;
    });
    this.subscriber.on('end', () => this.markDown(new Error('connection ended')));
    this.subscriber.on('message', (channel: string, text: string) => this.received(channel, text));
    this.subscriber.subscribe(this.channel).catch((error: Error) => this.markDown(error));
  }

  private markDown(error: Error): void {
    if (this.closed) return;
    if (this.redisUp || !this.warned) this.logger.warn({ err: error }, 'live events: Redis unavailable, subscribers get this instance’s events only until it is back');
    this.warned = true;
    this.redisUp = false;
  }

  private received(channel: string, text: string): void {
    if (channel !== this.channel) return;
    try {
      const message = JSON.parse(text) as { origin: string; topic: LiveTopic; event: LiveTopics[LiveTopic] };
      if (message.origin === this.origin) return;
      this.local.publish(message.topic, message.event as never);
    } catch (error) {
      this.logger.warn({ err: error }, 'live events: unreadable message on the Redis channel');
    }
  }

  /** What /readyz reports: the mode, and whether Redis is reachable. */
  get status(): { mode: 'in-process' | 'redis'; connected: boolean } {
    return this.publisher ? { mode: 'redis', connected: this.redisUp && this.publisher.status === 'ready' } : { mode: 'in-process', connected: true };
  }

  /** Delivers an event here and, with Redis, to every other instance. Never throws. */
  publish<T extends LiveTopic>(topic: T, event: LiveTopics[T]): void {
    if (this.closed) return;
    this.local.publish(topic, event as never);
    if (!this.publisher || this.publisher.status !== 'ready') return;
    this.publisher.publish(this.channel, JSON.stringify({ origin: this.origin, topic, event })).catch((error: Error) => this.markDown(error));
  }

  /** The events of one topic, as they come, for one subscriber (bounded buffer). */
  subscribe<T extends LiveTopic>(topic: T): AsyncIterableIterator<LiveTopics[T]> {
    const source = this.local.subscribe(topic) as AsyncIterable<LiveTopics[T]>;
    return new Repeater<LiveTopics[T]>(async (push, stop) => {
      const iterator = source[Symbol.asyncIterator]();
      // The first next() adds the listener: from here on, nothing published is missed.
      const first = iterator.next();
      this.listening.set(topic, this.listeners(topic) + 1);
      stop.then(() => {
        this.listening.set(topic, this.listeners(topic) - 1);
        return iterator.return?.();
      });
      for (let next = await first; !next.done; next = await iterator.next()) await push(next.value);
      stop();
    }, new SlidingBuffer(SUBSCRIBER_BUFFER));
  }

  private readonly listening = new Map<LiveTopic, number>();

  /** Subscribers of a topic on this instance that are listening now. */
  listeners(topic: LiveTopic): number {
    return this.listening.get(topic) ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    // disconnect, not QUIT: a QUIT waits in the offline queue while Redis is down, for ever.
    for (const client of [this.publisher, this.subscriber]) client?.disconnect();
  }
}

/**
 * type-graphql wants one process-wide PubSub for `@Subscription({ topics })`; ours take
 * the app's own bus from the context instead (`subscribe`), so that two app instances in
 * one process (the tests) are two instances, as in production. This one is never used.
 */
export const subscriptionsBringTheirBus = {
  publish(): void {
    throw new Error('publish live events through the context’s EventBus (src/events/live.ts)');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('subscriptions subscribe through the context’s EventBus (src/modules/supervision/live.ts)');
  },
};
