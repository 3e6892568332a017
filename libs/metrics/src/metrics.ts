import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** The gateway's own time: from a tenth of a millisecond to 50 ms. */
const OVERHEAD_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.01, 0.025, 0.05,
];

/** How a gateway answer ended, for the overhead histogram. */
export type GatewayOutcome = 'ok' | 'cached' | 'rejected' | 'failed';

/**
 * Every Prometheus metric of one process, in its own registry (several apps can share a process
 * in tests). Libraries record into it; apps/api serves it at /metrics.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'tiergate_http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'tiergate_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly gatewayRequests = new Counter({
    name: 'tiergate_gateway_requests_total',
    help: 'Gateway requests by modality, model, tier and status',
    labelNames: ['modality', 'model', 'tier', 'status'] as const,
    registers: [this.registry],
  });

  readonly gatewayDuration = new Histogram({
    name: 'tiergate_gateway_request_duration_seconds',
    help: 'Gateway request latency (to the whole answer) by modality, model, tier and status',
    labelNames: ['modality', 'model', 'tier', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly gatewayOverhead = new Histogram({
    name: 'tiergate_gateway_overhead_seconds',
    help: "The gateway's own time per answer (total minus upstream time; a stream: to its first byte), by route and outcome",
    labelNames: ['route', 'outcome'] as const,
    buckets: OVERHEAD_BUCKETS,
    registers: [this.registry],
  });

  readonly upstreamDuration = new Histogram({
    name: 'tiergate_upstream_duration_seconds',
    help: 'Upstream call latency by provider, model and outcome',
    labelNames: ['provider', 'model', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly retries = new Counter({
    name: 'tiergate_upstream_retries_total',
    help: 'Upstream retries by provider and error code',
    labelNames: ['provider', 'code'] as const,
    registers: [this.registry],
  });

  readonly fallbacks = new Counter({
    name: 'tiergate_fallbacks_total',
    help: 'Answers produced by a fallback, by strategy and reason',
    labelNames: ['strategy', 'reason'] as const,
    registers: [this.registry],
  });

  readonly cacheHits = new Counter({
    name: 'tiergate_cache_hits_total',
    help: 'Answers served from the answer cache (opt-in or as a fallback)',
    labelNames: ['modality'] as const,
    registers: [this.registry],
  });

  readonly quotaRejections = new Counter({
    name: 'tiergate_quota_rejections_total',
    help: 'Requests refused by a quota or rate limit',
    labelNames: ['tier', 'feature', 'limit'] as const,
    registers: [this.registry],
  });

  readonly breakerOpenings = new Counter({
    name: 'tiergate_circuit_breaker_openings_total',
    help: 'Circuit breakers opened (or re-opened after a failed probe), by provider and model',
    labelNames: ['provider', 'model'] as const,
    registers: [this.registry],
  });

  readonly breakerSkips = new Counter({
    name: 'tiergate_circuit_breaker_skips_total',
    help: 'Models skipped because their breaker was open',
    labelNames: ['provider', 'model'] as const,
    registers: [this.registry],
  });

  readonly usageQueueDepth = new Gauge({
    name: 'tiergate_usage_queue_depth',
    help: 'Usage batches waiting in the queue for the worker, by state',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tiergate_' });
  }
}
