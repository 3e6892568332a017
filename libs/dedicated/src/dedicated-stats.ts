import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@tiergate/common';
import { CapacityCosts, roundUsd, UsageReports, type CapacityCost } from '@tiergate/usage';
import { DedicatedRepository } from './dedicated.repository';
import type { EndpointRunEntity } from './entities/endpoint-run.entity';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface ModelStats {
  model: string;
  from: string;
  to: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  latencyMs: { p50: number; p95: number; p99: number };
  tokenCostUsd: number;
}

export interface EndpointStats extends ModelStats {
  endpointId: string;
  runningMinutes: number;
  runningCostUsd: number;
  totalCostUsd: number;
}

/**
 * Billed running time in [from, until): each run interval, clipped to the range, counts in whole
 * started minutes (Together bills by the minute) at the hourly price it ran at.
 */
export function runningTime(runs: EndpointRunEntity[], from: Date, until: Date, now = new Date()) {
  let minutes = 0;
  let cost = 0;
  for (const run of runs) {
    const start = Math.max(run.startedAt.getTime(), from.getTime());
    const end = Math.min((run.stoppedAt ?? now).getTime(), until.getTime());
    if (end <= start) continue;
    const billed = Math.ceil((end - start) / MINUTE_MS);
    minutes += billed;
    cost += (billed * run.pricePerHourUsd) / 60;
  }
  return { minutes, costUsd: roundUsd(cost) };
}

/** Whole UTC days [from, to] as the instants [since, until). */
const daysRange = (from: string, to: string) => ({
  since: new Date(`${from}T00:00:00.000Z`),
  until: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS),
});

/**
 * Requirements document 004's usage statistics, per model and per endpoint, from the ledger's daily
 * rollups; and the endpoints' running cost for the platform's cost reports.
 */
@Injectable()
export class DedicatedStats implements CapacityCosts {
  constructor(
    private readonly repository: DedicatedRepository,
    private readonly reports: UsageReports,
  ) {}

  /** Requests, tokens, latency percentiles and token cost of one model (by served model) over whole days. */
  async model(model: string, from: string, to: string): Promise<ModelStats> {
    const totals = await this.reports.totals({ from, to, model });
    return {
      model,
      from,
      to,
      requests: totals.requests,
      promptTokens: totals.prompt_tokens,
      completionTokens: totals.completion_tokens,
      totalTokens: totals.total_tokens,
      latencyMs: { p50: totals.latency_ms.p50, p95: totals.latency_ms.p95, p99: totals.latency_ms.p99 },
      tokenCostUsd: totals.cost_usd,
    };
  }

  /** The model's figures under the endpoint's name, plus its billed running time. */
  async endpoint(id: string, from: string, to: string): Promise<EndpointStats> {
    const endpoint = await this.repository.endpointEvenDeleted(id);
    if (!endpoint) throw new NotFoundError(`Endpoint ${id}`, 'id');
    const { since, until } = daysRange(from, to);
    const [usage, runs] = await Promise.all([
      this.model(endpoint.name, from, to),
      this.repository.runsBetween(endpoint.id, since, until),
    ]);
    const running = runningTime(runs, since, until);
    return {
      ...usage,
      endpointId: endpoint.id,
      runningMinutes: running.minutes,
      runningCostUsd: running.costUsd,
      totalCostUsd: roundUsd(usage.tokenCostUsd + running.costUsd),
    };
  }

  /** Every endpoint's billed running time and cost over whole days (deleted endpoints too). */
  async between(from: string, to: string, model?: string): Promise<CapacityCost> {
    const { since, until } = daysRange(from, to);
    const endpoints = (await this.repository.allRunsBetween(since, until))
      .filter(({ endpoint }) => model === undefined || endpoint.name === model)
      .map(({ endpoint, runs }) => {
        const running = runningTime(runs, since, until);
        return {
          id: endpoint.id,
          name: endpoint.name,
          running_minutes: running.minutes,
          cost_usd: running.costUsd,
        };
      })
      .filter((endpoint) => endpoint.running_minutes > 0);
    return {
      running_minutes: endpoints.reduce((sum, endpoint) => sum + endpoint.running_minutes, 0),
      cost_usd: roundUsd(endpoints.reduce((sum, endpoint) => sum + endpoint.cost_usd, 0)),
      endpoints,
    };
  }
}
