import { Logger } from '@nestjs/common';
import type { ChangeBus } from './change-bus';

/** A safety net under the change bus: even a missed message is picked up within this time. */
const REFRESH_INTERVAL_MS = 30_000;

/**
 * Configuration read from the database and held in memory by every instance, so the hot path
 * never queries for it. `changed()` reloads here and tells the other instances over the change
 * bus; they reload within milliseconds (and every 30 s, and after a break in the subscription).
 * A failed reload keeps the last good value.
 */
export class SharedSnapshot<T> {
  private readonly logger: Logger;
  private current?: T;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly name: string,
    private readonly bus: ChangeBus,
    private readonly load: () => Promise<T>,
  ) {
    this.logger = new Logger(`SharedSnapshot:${name}`);
  }

  /** Loads once (a failure here fails start-up) and starts listening for changes. */
  async start(): Promise<void> {
    await this.reload();
    this.bus.subscribe(this.topic, () => void this.reloadQuietly());
    this.bus.onReconnect(() => void this.reloadQuietly());
    this.timer = setInterval(() => void this.reloadQuietly(), REFRESH_INTERVAL_MS).unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get value(): T {
    if (this.current === undefined) throw new Error(`${this.name} was read before it was loaded`);
    return this.current;
  }

  /** After a change was committed: reload here, then announce it to every other instance. */
  async changed(): Promise<void> {
    await this.reload();
    await this.bus
      .publish(this.topic)
      .catch((error: Error) => this.logger.warn(`change saved, but not announced: ${error.message}`));
  }

  private get topic(): string {
    return `${this.name}.changed`;
  }

  private async reload(): Promise<void> {
    this.current = await this.load();
  }

  private async reloadQuietly(): Promise<void> {
    await this.reload().catch((error: Error) =>
      this.logger.warn(`could not reload (keeping the last known value): ${error.message}`),
    );
  }
}
