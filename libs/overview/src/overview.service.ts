import { Injectable, Logger } from '@nestjs/common';
import { CircuitBreakerStore, breakerCandidate } from '@tiergate/fallback-manager';
import { UsageRecorder, UsageReports, UsageSeries, type HourlyPoint } from '@tiergate/usage';
import { HealthProbes, type ProbeOutcome } from './health-probes';

export interface ServiceHealth {
  /** `in_process`: embedded mode's stand-in, nothing to reach. */
  status: 'up' | 'down' | 'in_process';
  /** How long the check took; null when nothing was checked. */
  latency_ms: number | null;
  /** Why it is down. */
  message: string | null;
}

export interface BreakerView {
  provider: string;
  model: string;
  state: 'open' | 'half_open';
  opened_at: string;
  retry_at: string;
}

export interface UsageQueueView {
  /** `queue`: the worker writes from Redis; `in_process`: embedded mode, no queue (counts are 0). */
  mode: 'queue' | 'in_process';
  /** False when Redis did not answer (counts are then 0). */
  available: boolean;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface UsageWindowView {
  requests: number;
  errors: number;
  fallbacks: number;
  cache_hits: number;
  tokens: number;
  cost_usd: number;
  hourly: HourlyPoint[];
}

export interface Overview {
  generated_at: string;
  health: { database: ServiceHealth; redis: ServiceHealth; upstream: ServiceHealth };
  breakers: BreakerView[];
  usage_queue: UsageQueueView;
  last_24h: UsageWindowView;
  today: { requests: number; cost_usd: number };
}

/** A health check that has not answered by then counts as down. */
export const PROBE_TIMEOUT_MS = 2_000;

/**
 * The admin Overview in one call: the health of what the platform depends on, the circuit
 * breakers that are open, the usage queue, the last 24 hours (exact, by hour, from the ledger's
 * time index) and today (from the rollups). Everything runs at once; a store that fails only
 * blanks its own section.
 */
@Injectable()
export class OverviewService {
  private readonly logger = new Logger(OverviewService.name);

  constructor(
    private readonly probes: HealthProbes,
    private readonly breakers: CircuitBreakerStore,
    private readonly recorder: UsageRecorder,
    private readonly reports: UsageReports,
    private readonly series: UsageSeries,
  ) {}

  async snapshot(now = new Date()): Promise<Overview> {
    const day = now.toISOString().slice(0, 10);
    const [database, redis, upstream, breakers, usageQueue, hourly, today] = await Promise.all([
      timed(() => this.probes.database()),
      this.probes.hasRedis ? timed(() => this.probes.redis()) : inProcess(),
      timed(() => this.probes.upstream()),
      this.openBreakers(),
      this.usageQueue(),
      this.series.lastHours(24, now),
      this.reports.totals({ from: day, to: day }),
    ]);
    const sum = (measure: keyof Omit<HourlyPoint, 'hour'>) =>
      hourly.reduce((total, point) => total + point[measure], 0);
    return {
      generated_at: now.toISOString(),
      health: { database, redis, upstream },
      breakers,
      usage_queue: usageQueue,
      last_24h: {
        requests: sum('requests'),
        errors: sum('errors'),
        fallbacks: sum('fallbacks'),
        cache_hits: sum('cache_hits'),
        tokens: sum('tokens'),
        cost_usd: Math.round(sum('cost_usd') * 1e8) / 1e8,
        hourly,
      },
      today: { requests: today.requests, cost_usd: today.cost_usd },
    };
  }

  private async openBreakers(): Promise<BreakerView[]> {
    try {
      return (await this.breakers.listOpen()).map((breaker) => {
        const { providerId, model } = breakerCandidate(breaker.key);
        return {
          provider: providerId,
          model,
          state: breaker.state,
          opened_at: new Date(breaker.openedAt).toISOString(),
          retry_at: new Date(breaker.retryAt).toISOString(),
        };
      });
    } catch (error) {
      this.logger.warn(`could not list circuit breakers: ${(error as Error).message}`);
      return [];
    }
  }

  private async usageQueue(): Promise<UsageQueueView> {
    const { mode, counts } = await this.recorder.queueStatus();
    const count = (state: string) => counts?.[state] ?? 0;
    return {
      mode,
      available: mode === 'in_process' || counts !== null,
      waiting: count('waiting') + count('paused'),
      active: count('active'),
      delayed: count('delayed'),
      failed: count('failed'),
    };
  }
}

async function timed(check: () => Promise<ProbeOutcome>): Promise<ServiceHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ProbeOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ up: false, message: `no answer within ${PROBE_TIMEOUT_MS} ms` }),
      PROBE_TIMEOUT_MS,
    );
  });
  const outcome = await Promise.race([
    check().catch((error: Error) => ({ up: false, message: error.message })),
    timeout,
  ]).finally(() => clearTimeout(timer));
  return {
    status: outcome.up ? 'up' : 'down',
    latency_ms: Math.round((performance.now() - started) * 10) / 10,
    message: outcome.up ? null : (outcome.message ?? 'down'),
  };
}

function inProcess(): Promise<ServiceHealth> {
  return Promise.resolve({ status: 'in_process', latency_ms: null, message: null });
}
