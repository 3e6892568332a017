import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { withTimeout } from '@tiergate/common';
import { isRedisCluster, type RedisConnection } from './redis-client';

export type ChangeHandler = (payload: string) => void;

/** A publish waits this long at most while Redis is unreachable (nothing on a request path hangs on it). */
const PUBLISH_TIMEOUT_MS = 2_000;

/**
 * Tells every api instance that shared configuration changed (flags, provider keys), so each can
 * drop what it cached. Redis pub/sub in production; an in-process emitter in embedded mode.
 * Messages are hints to reload, never the data itself: a lost message only delays a change until
 * the next periodic refresh, and `onReconnect` handlers reload after a gap in the subscription.
 */
export abstract class ChangeBus {
  abstract publish(topic: string, payload?: string): Promise<void>;
  abstract subscribe(topic: string, handler: ChangeHandler): void;
  /** Called when the subscription came back after a break, when messages may have been missed. */
  abstract onReconnect(handler: () => void): void;
}

export class RedisChangeBus extends ChangeBus {
  private readonly logger = new Logger(RedisChangeBus.name);
  private readonly handlers = new Map<string, ChangeHandler[]>();
  private readonly reconnectHandlers: Array<() => void> = [];
  private subscribedOnce = false;
  private subscribing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly publisher: RedisConnection,
    private readonly subscriber: RedisConnection,
    private readonly prefix: string,
  ) {
    super();
    subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
    subscriber.on('ready', () => {
      if (this.subscribedOnce) {
        this.resubscribe();
        this.reconnectHandlers.forEach((handler) => handler());
      }
      this.subscribedOnce = true;
    });
  }

  /**
   * Fails after PUBLISH_TIMEOUT_MS when Redis does not answer (a change is committed before it is
   * announced: callers log and go on; the others catch up on reconnect or their next refresh).
   */
  async publish(topic: string, payload = ''): Promise<void> {
    await withTimeout(
      this.publisher.publish(this.prefix + topic, payload),
      PUBLISH_TIMEOUT_MS,
      `Redis did not take the message within ${PUBLISH_TIMEOUT_MS} ms`,
    );
  }

  subscribe(topic: string, handler: ChangeHandler): void {
    const channel = this.prefix + topic;
    const existing = this.handlers.get(channel);
    if (existing) return void existing.push(handler);
    this.handlers.set(channel, [handler]);
    // ioredis re-subscribes by itself after a reconnect. One SUBSCRIBE at a time: on a cluster, a
    // SUBSCRIBE sent while the subscriber connection is still connecting puts it in subscriber
    // mode before its ready check, which then fails, drops the connection and loses the
    // subscriptions in flight (ioredis' ClusterSubscriber). After the first, it is ready.
    this.subscribing = this.subscribing.then(() =>
      this.subscriber
        .subscribe(channel)
        .catch((error: Error) => this.logger.warn(`could not subscribe to ${channel}: ${error.message}`)),
    );
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  /**
   * After a reconnect, one server's connection is subscribed again here rather than by ioredis
   * (`autoResubscribe: false`, see createRedisClient): ioredis' own SUBSCRIBE has no handler, so
   * the connection closing before Redis answered it (a shutdown just after an outage) was an
   * unhandled rejection. A cluster's subscriber resubscribes by itself, and catches.
   */
  private resubscribe(): void {
    const channels = [...this.handlers.keys()];
    if (!channels.length || isRedisCluster(this.subscriber)) return;
    this.subscribing = this.subscribing.then(() =>
      this.subscriber
        .subscribe(...channels)
        .catch((error: Error) => this.logger.warn(`could not subscribe again: ${error.message}`)),
    );
  }

  private dispatch(channel: string, message: string): void {
    deliver(this.handlers.get(channel) ?? [], channel, message, this.logger);
  }
}

/** Calls each handler; one that throws is logged and stops none of the others (on either bus). */
function deliver(handlers: readonly ChangeHandler[], channel: string, payload: string, logger: Logger): void {
  for (const handler of handlers) {
    try {
      handler(payload);
    } catch (error) {
      logger.error(`change handler for ${channel} failed: ${(error as Error).message}`);
    }
  }
}

/** Embedded mode: one process, so an emitter is the whole bus. */
export class InProcessChangeBus extends ChangeBus {
  private readonly logger = new Logger(InProcessChangeBus.name);
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(topic: string, payload = ''): Promise<void> {
    this.emitter.emit(topic, payload);
    return Promise.resolve();
  }

  subscribe(topic: string, handler: ChangeHandler): void {
    this.emitter.on(topic, (payload: string) => deliver([handler], topic, payload, this.logger));
  }

  onReconnect(_handler: () => void): void {
    /* never disconnected */
  }
}
