import { ApiProperty } from '@nestjs/swagger';
import type { EndpointStats, ModelStats } from '@tiergate/dedicated';

export class LatencyPercentilesDto {
  @ApiProperty() p50!: number;
  @ApiProperty() p95!: number;
  @ApiProperty() p99!: number;
}

/** Requirements document 004's `get_usage_stats` for one model over whole days (UTC). */
export class ModelStatsDto {
  @ApiProperty() model!: string;
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty({ type: 'integer' }) prompt_tokens!: number;
  @ApiProperty({ type: 'integer' }) completion_tokens!: number;
  @ApiProperty({ type: 'integer' }) total_tokens!: number;
  @ApiProperty({ type: LatencyPercentilesDto, description: 'Milliseconds (upper bounds of latency buckets)' })
  latency_ms!: LatencyPercentilesDto;
  @ApiProperty({ description: 'What the tokens cost (USD)' }) token_cost_usd!: number;

  static from(s: ModelStats): ModelStatsDto {
    return {
      model: s.model,
      from: s.from,
      to: s.to,
      requests: s.requests,
      prompt_tokens: s.promptTokens,
      completion_tokens: s.completionTokens,
      total_tokens: s.totalTokens,
      latency_ms: s.latencyMs,
      token_cost_usd: s.tokenCostUsd,
    };
  }
}

export class EndpointStatsDto extends ModelStatsDto {
  @ApiProperty({ format: 'uuid' }) endpoint_id!: string;
  @ApiProperty({ type: 'integer', description: 'Billed minutes running (each run rounded up to a minute)' })
  running_minutes!: number;
  @ApiProperty({ description: 'running_minutes × price_per_hour_usd / 60' }) running_cost_usd!: number;
  @ApiProperty({ description: 'token_cost_usd + running_cost_usd' }) total_cost_usd!: number;

  static fromEndpoint(s: EndpointStats): EndpointStatsDto {
    return {
      endpoint_id: s.endpointId,
      ...ModelStatsDto.from(s),
      running_minutes: s.runningMinutes,
      running_cost_usd: s.runningCostUsd,
      total_cost_usd: s.totalCostUsd,
    };
  }
}
