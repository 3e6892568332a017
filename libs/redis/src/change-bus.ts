import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';

export type ChangeHandler = (payload: string) => void;

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

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    super();
    subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
    subscriber.on('ready', () => {
      if (this.subscribedOnce) this.reconnectHandlers.forEach((handler) => handler());
      this.subscribedOnce = true;
    });
  }

  async publish(topic: string, payload = ''): Promise<void> {
    await this.publisher.publish(this.prefix + topic, payload);
  }

  subscribe(topic: string, handler: ChangeHandler): void {
    const channel = this.prefix + topic;
    const existing = this.handlers.get(channel);
    if (existing) return void existing.push(handler);
    this.handlers.set(channel, [handler]);
    // ioredis re-subscribes by itself after a reconnect.
    this.subscriber
      .subscribe(channel)
      .catch((error: Error) => this.logger.warn(`could not subscribe to ${channel}: ${error.message}`));
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  private dispatch(channel: string, message: string): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(message);
      } catch (error) {
        this.logger.error(`change handler for ${channel} failed: ${(error as Error).message}`);
      }
    }
  }
}

/** Embedded mode: one process, so an emitter is the whole bus. */
export class InProcessChangeBus extends ChangeBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(topic: string, payload = ''): Promise<void> {
    this.emitter.emit(topic, payload);
    return Promise.resolve();
  }

  subscribe(topic: string, handler: ChangeHandler): void {
    this.emitter.on(topic, handler);
  }

  onReconnect(): void {
    /* never disconnected */
  }
}
