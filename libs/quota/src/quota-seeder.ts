import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@tiergate/common';
import { UsageQuotaTotals } from '@tiergate/usage';
import type { QuotaStore } from './quota-store';

/** How long the ledger read may take before the seeding counts as impossible for now. */
const LEDGER_TIMEOUT_MS = 2_000;
/** After a failed ledger read, seeding is not tried again for this long (requests do not queue on it). */
const LEDGER_RETRY_AFTER_MS = 2_000;

/**
 * Rebuilds a user's daily counters from the usage ledger when the store has lost them (its seed
 * mark for the day is missing): once per user and day, one indexed PostgreSQL read. Concurrent
 * requests of a user on this instance share one read; instances racing each other are settled by
 * the store, which seeds only once.
 *
 * What the rebuild can miss is bounded by the ledger's lag: requests settled before the rebuild
 * whose usage events had not reached PostgreSQL when it read the ledger (the recorder's 20 ms
 * batch, the queue until the worker writes it, the spool while the queue was unreachable). It never
 * counts a request twice. Requests in flight at the loss that settle after the rebuild are exact:
 * they are added then (see QuotaStore.settle), since their events are written after they settle.
 */
@Injectable()
export class QuotaSeeder {
  private readonly logger = new Logger(QuotaSeeder.name);
  private readonly pending = new Map<string, Promise<boolean>>();
  /** Until when the ledger counts as unreachable (0: reachable). */
  private ledgerDownUntil = 0;

  constructor(private readonly ledger: UsageQuotaTotals) {}

  /**
   * Makes sure the user's counters for the day are seeded; false when the ledger cannot be read
   * now (the caller decides: refuse, or count without a rebuild). Store errors are thrown.
   */
  ensureSeeded(store: QuotaStore, userId: string, day: string, ttlSeconds: number): Promise<boolean> {
    if (this.ledgerDownUntil > Date.now()) return Promise.resolve(false);
    const key = `${userId}:${day}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.seed(store, userId, day, ttlSeconds).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async seed(store: QuotaStore, userId: string, day: string, ttlSeconds: number) {
    let totals;
    try {
      totals = await withTimeout(
        this.ledger.countedAgainstQuota(userId, day),
        LEDGER_TIMEOUT_MS,
        `the ledger did not answer within ${LEDGER_TIMEOUT_MS} ms`,
      );
    } catch (error) {
      if (!this.ledgerDownUntil)
        this.logger.error(`Quota counters cannot be rebuilt from the ledger: ${(error as Error).message}`);
      this.ledgerDownUntil = Date.now() + LEDGER_RETRY_AFTER_MS;
      return false;
    }
    if (this.ledgerDownUntil) this.logger.log('Quota counters are rebuilt from the ledger again');
    this.ledgerDownUntil = 0;
    await store.seed(userId, day, totals, ttlSeconds);
    return true;
  }
}
