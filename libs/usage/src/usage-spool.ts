import { appendFile, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { UsageEvent } from './usage-event';

/**
 * Events that could not be queued (Redis unreachable), appended as JSON lines to a file under
 * DATA_DIR/spool and replayed when Redis is back. A replay that fails leaves its file for the
 * next attempt; replaying twice is harmless, because the ledger ignores a request id it has.
 */
export class UsageSpool {
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, `usage-${process.pid}.jsonl`);
  }

  async append(events: UsageEvent[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await appendFile(this.file, events.map((event) => JSON.stringify(event)).join('\n') + '\n');
  }

  /** Hands every spooled event to `deliver`, in batches; removes each file once delivered. */
  async replay(deliver: (events: UsageEvent[]) => Promise<void>, batchSize = 500): Promise<number> {
    let replayed = 0;
    for (const file of await this.pending()) {
      const events = (await readFile(file, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as UsageEvent);
      for (let i = 0; i < events.length; i += batchSize) await deliver(events.slice(i, i + batchSize));
      await unlink(file);
      replayed += events.length;
    }
    return replayed;
  }

  /** Files to replay: earlier replays that did not finish, then the current spool (moved aside first). */
  private async pending(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const current = names.find((name) => join(this.dir, name) === this.file);
    if (current) await rename(this.file, join(this.dir, `replay-${Date.now()}-${process.pid}.jsonl`));
    const after = await readdir(this.dir).catch(() => [] as string[]);
    return after
      .filter((name) => name.startsWith('replay-'))
      .sort()
      .map((name) => join(this.dir, name));
  }
}
