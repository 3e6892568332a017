import { ApiProperty } from '@nestjs/swagger';

export class ServiceHealthDto {
  @ApiProperty({
    enum: ['up', 'down', 'in_process'],
    enumName: 'ServiceHealthStatus',
    description: '`in_process`: embedded mode runs an in-process stand-in, so there is nothing to reach',
  })
  status!: 'up' | 'down' | 'in_process';

  @ApiProperty({ type: Number, nullable: true, description: 'How long the check took; null when none ran' })
  latency_ms!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it is down' })
  message!: string | null;
}

export class OverviewHealthDto {
  @ApiProperty({ type: ServiceHealthDto }) database!: ServiceHealthDto;
  @ApiProperty({ type: ServiceHealthDto }) redis!: ServiceHealthDto;
  @ApiProperty({
    type: ServiceHealthDto,
    description: 'The primary provider (a check that passed is reused for 10 s)',
  })
  upstream!: ServiceHealthDto;
}

export class OpenBreakerDto {
  @ApiProperty({ example: 'together_ai' }) provider!: string;
  @ApiProperty({ example: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo' }) model!: string;

  @ApiProperty({
    enum: ['open', 'half_open'],
    enumName: 'BreakerState',
    description:
      '`open`: the model is skipped; `half_open`: the cool-down is over and the next call probes it',
  })
  state!: 'open' | 'half_open';

  @ApiProperty({ format: 'date-time' }) opened_at!: string;
  @ApiProperty({ format: 'date-time', description: 'When the cool-down ends and a probe may go through' })
  retry_at!: string;
}

export class UsageQueueDto {
  @ApiProperty({
    enum: ['queue', 'in_process'],
    enumName: 'UsageQueueMode',
    description:
      '`queue`: the worker writes events from Redis; `in_process`: embedded mode, no queue (counts 0)',
  })
  mode!: 'queue' | 'in_process';

  @ApiProperty({ description: 'False when Redis did not answer (the counts are then 0)' })
  available!: boolean;
  @ApiProperty({ type: 'integer', description: 'Batches of events waiting for the worker' }) waiting!: number;
  @ApiProperty({ type: 'integer' }) active!: number;
  @ApiProperty({ type: 'integer', description: 'Batches waiting to be retried' }) delayed!: number;
  @ApiProperty({ type: 'integer', description: 'Batches that failed every attempt' }) failed!: number;
}

export class HourlyUsageDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-30T13:00:00Z', description: 'The UTC hour' })
  hour!: string;
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty({ type: 'integer' }) errors!: number;
  @ApiProperty({ type: 'integer' }) fallbacks!: number;
  @ApiProperty({ type: 'integer' }) cache_hits!: number;
  @ApiProperty({ type: 'integer' }) tokens!: number;
  @ApiProperty() cost_usd!: number;
}

export class Last24HoursDto {
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty({ type: 'integer', description: 'Requests answered with a status of 400 or more' })
  errors!: number;
  @ApiProperty({ type: 'integer', description: 'Requests a fallback model or a cached answer served' })
  fallbacks!: number;
  @ApiProperty({ type: 'integer' }) cache_hits!: number;
  @ApiProperty({ type: 'integer', description: 'Prompt and completion tokens' }) tokens!: number;
  @ApiProperty() cost_usd!: number;
  @ApiProperty({
    type: [HourlyUsageDto],
    description: 'Every UTC hour of the window, oldest first (the first and the last partly)',
  })
  hourly!: HourlyUsageDto[];
}

export class TodayUsageDto {
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty() cost_usd!: number;
}

export class OverviewDto {
  @ApiProperty({ format: 'date-time' }) generated_at!: string;
  @ApiProperty({ type: OverviewHealthDto }) health!: OverviewHealthDto;
  @ApiProperty({
    type: [OpenBreakerDto],
    description: 'Circuit breakers that are not closed, soonest retry first',
  })
  breakers!: OpenBreakerDto[];
  @ApiProperty({ type: UsageQueueDto }) usage_queue!: UsageQueueDto;
  @ApiProperty({ type: Last24HoursDto, description: 'The last 24 hours, exactly, from the ledger' })
  last_24h!: Last24HoursDto;
  @ApiProperty({ type: TodayUsageDto, description: 'Since 00:00 UTC, from the daily rollups' })
  today!: TodayUsageDto;
}
