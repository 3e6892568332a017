import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsDateString, IsIn, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { DomainError, ErrorCode, MODALITIES, TIERS } from '@tiergate/common';
import { FEATURES } from '@tiergate/quota';
import { EXPORT_COLUMNS, GROUPINGS, type PriceTable, type UsageFilter } from '@tiergate/usage';
import { IsPresentOptional, MapField, NestedField, TierField } from '../http/dto-fields';

const DAY_MS = 86_400_000;
/** The longest date range a usage query may ask for. */
const MAX_RANGE_DAYS = 366;

/** A date range (`from`, `to`: YYYY-MM-DD, inclusive); the last 30 days by default. */
export class DateRangeQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be a date such as 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be a date such as 2026-11-30' })
  to?: string;

  /** The dates asked for (the last 30 days by default); at most MAX_RANGE_DAYS, `from` not after `to`. */
  range(): { from: string; to: string } {
    const to = this.to?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
    const from = this.from?.slice(0, 10) ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
    if (from > to)
      throw new DomainError(ErrorCode.ValidationFailed, 'from must not be after to', { param: 'from' });
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_RANGE_DAYS)
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `The date range may cover at most ${MAX_RANGE_DAYS} days`,
        { param: 'from' },
      );
    return { from, to };
  }
}

export class UsageFilterQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'user_id must be a UUID' })
  user_id?: string;

  @TierField()
  tier?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  model?: string;

  @ApiPropertyOptional({ enum: FEATURES })
  @IsOptional()
  @IsIn(FEATURES, { message: `feature must be one of ${FEATURES.join(', ')}` })
  feature?: string;

  @ApiPropertyOptional({ enum: ['system', 'user'] })
  @IsOptional()
  @IsIn(['system', 'user'], { message: 'key_source must be system or user' })
  key_source?: string;

  @ApiPropertyOptional({ enum: ['ok', 'error'] })
  @IsOptional()
  @IsIn(['ok', 'error'], { message: 'status must be ok or error' })
  status?: string;

  filter(): UsageFilter {
    return {
      ...this.range(),
      userId: this.user_id,
      tier: this.tier,
      model: this.model,
      feature: this.feature,
      keySource: this.key_source,
      status: this.status,
    };
  }
}

export class UsageReportQueryDto extends UsageFilterQueryDto {
  @ApiPropertyOptional({ enum: GROUPINGS, default: 'day' })
  @IsOptional()
  @IsIn(GROUPINGS, { message: `group_by must be one of ${GROUPINGS.join(', ')}` })
  group_by?: (typeof GROUPINGS)[number];
}

export class UsageExportQueryDto extends UsageFilterQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'json', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'json', 'xlsx'], { message: 'format must be csv, json or xlsx' })
  format?: 'csv' | 'json' | 'xlsx';
}

export class StatsQueryDto {
  @ApiPropertyOptional({ example: '24h', description: 'Hours (24h) or days (7d), up to 90 days' })
  @IsOptional()
  @IsString()
  time_range?: string;
}

// ---- Responses ----

const DAY = { format: 'date', example: '2026-11-30' } as const;

export class LatencyDto {
  @ApiProperty({ description: 'Mean, in milliseconds' }) avg!: number;
  @ApiProperty({ description: 'Upper bound of the bucket holding the median (ms)' }) p50!: number;
  @ApiProperty() p95!: number;
  @ApiProperty() p99!: number;
}

/** Totals over a set of requests (from the daily rollups). */
export class UsageTotalsDto {
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty({ type: 'integer' }) errors!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) error_rate!: number;
  @ApiProperty({ type: 'integer' }) prompt_tokens!: number;
  @ApiProperty({ type: 'integer' }) completion_tokens!: number;
  @ApiProperty({ type: 'integer' }) total_tokens!: number;
  @ApiProperty({ description: 'USD' }) cost_usd!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) fallback_rate!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) cache_rate!: number;
  @ApiProperty({ type: LatencyDto }) latency_ms!: LatencyDto;
}

export class MyUsageRowDto extends UsageTotalsDto {
  @ApiProperty(DAY) day!: string;
  @ApiProperty({ enum: FEATURES, enumName: 'Feature' }) feature!: string;
  @ApiProperty() model!: string;
}

export class MyUsageDto {
  @ApiProperty({ type: [MyUsageRowDto], description: 'By day (newest first), feature and model' })
  data!: MyUsageRowDto[];
  @ApiProperty({ type: UsageTotalsDto }) totals!: UsageTotalsDto;
}

/** One group of a report: the grouping's field (the one named by group_by) and its totals. */
export class UsageGroupDto extends UsageTotalsDto {
  @ApiPropertyOptional(DAY) day?: string;
  @ApiPropertyOptional() model?: string;
  @ApiPropertyOptional({ format: 'uuid' }) user?: string;
  @ApiPropertyOptional({ enum: TIERS, enumName: 'Tier' }) tier?: string;
  @ApiPropertyOptional({ enum: FEATURES, enumName: 'Feature' }) feature?: string;
}

export class EndpointRunningCostDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "The endpoint's model name (what routes name)" }) name!: string;
  @ApiProperty({ type: 'integer', description: 'Billed minutes in the range' }) running_minutes!: number;
  @ApiProperty() cost_usd!: number;
}

export class CapacityCostDto {
  @ApiProperty({ type: 'integer' }) running_minutes!: number;
  @ApiProperty({ description: 'Running minutes × each endpoint’s hourly price / 60' }) cost_usd!: number;
  @ApiProperty({ type: [EndpointRunningCostDto] }) endpoints!: EndpointRunningCostDto[];
}

export class UsageReportDto {
  @ApiProperty({ enum: GROUPINGS }) group_by!: (typeof GROUPINGS)[number];
  @ApiProperty({ type: [UsageGroupDto] }) data!: UsageGroupDto[];
  @ApiProperty({ type: UsageTotalsDto, description: 'Requests and their token cost' })
  totals!: UsageTotalsDto;
  @ApiProperty({
    type: CapacityCostDto,
    nullable: true,
    description:
      'Dedicated endpoints billed by the minute while running in the range; null when the filters name a user, tier, feature, key source or status (their running time belongs to none)',
  })
  dedicated_endpoints!: CapacityCostDto | null;
  @ApiProperty({ description: "totals.cost_usd plus the dedicated endpoints' running cost" })
  total_cost_usd!: number;
}

export class ModelUsageDto extends UsageTotalsDto {
  @ApiProperty() model!: string;
}

export class GatewayStatsDto {
  @ApiProperty({ example: 'together' }) gateway!: string;
  @ApiProperty({ example: '24h' }) time_range!: string;
  @ApiProperty(DAY) from!: string;
  @ApiProperty(DAY) to!: string;
  @ApiProperty({ type: 'integer' }) total_requests!: number;
  @ApiProperty({ type: 'integer' }) successful_requests!: number;
  @ApiProperty({ type: 'integer' }) failed_requests!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) success_rate!: number;
  @ApiProperty({ type: 'integer' }) total_tokens!: number;
  @ApiProperty({ description: 'Requests’ token cost plus dedicated endpoints’ running cost' })
  total_cost_usd!: number;
  @ApiProperty({ description: 'What the requests cost' }) token_cost_usd!: number;
  @ApiProperty({ description: 'Dedicated endpoints billed by the minute while running' })
  dedicated_endpoints_cost_usd!: number;
  @ApiProperty() avg_latency_ms!: number;
  @ApiProperty({ type: LatencyDto }) latency_ms!: LatencyDto;
  @ApiProperty({ minimum: 0, maximum: 1 }) fallback_rate!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) cache_rate!: number;
  @ApiProperty({ type: [ModelUsageDto] }) by_model!: ModelUsageDto[];
}

export class CreditsDto {
  @ApiProperty({ description: "The tier's monthly credits (USD)" }) allocation_usd!: number;
  @ApiProperty({ description: 'Used this month by requests on system keys' }) used_usd!: number;
  @ApiProperty() remaining_usd!: number;
}

export class OwnKeyUsageDto {
  @ApiProperty({ description: 'Requests go out with your own provider key' }) active!: boolean;
  @ApiProperty() usage_usd!: number;
  @ApiProperty({ description: 'Always false: requests on your own key consume no credits' })
  consumes_credits!: boolean;
}

export class ChargeDto {
  @ApiProperty({ description: 'Used beyond the allocation' }) overage_usd!: number;
  @ApiProperty({ description: '0.1 with your own key, else 0' }) reduction_rate!: number;
  @ApiProperty() reduction_usd!: number;
  @ApiProperty() total_usd!: number;
}

export class BillingDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ enum: TIERS, enumName: 'Tier' }) tier!: string;
  @ApiProperty({ type: CreditsDto }) credits!: CreditsDto;
  @ApiProperty({ type: OwnKeyUsageDto }) own_key!: OwnKeyUsageDto;
  @ApiProperty({ type: ChargeDto }) charge!: ChargeDto;
}

/** A decimal column: a number, or its exact text (as PostgreSQL's driver returns numerics). */
const DECIMAL = { oneOf: [{ type: 'number' }, { type: 'string' }] };

/** One raw ledger row, as the json export sends it (csv and xlsx have the same columns). */
export class UsageExportRowDto implements Record<(typeof EXPORT_COLUMNS)[number], unknown> {
  @ApiProperty() request_id!: string;
  @ApiProperty({ format: 'date-time' }) occurred_at!: string;
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ enum: TIERS, enumName: 'Tier' }) tier!: string;
  @ApiProperty({ enum: FEATURES, enumName: 'Feature' }) feature!: string;
  @ApiProperty({ enum: MODALITIES, enumName: 'Modality' }) modality!: string;
  @ApiProperty({ type: String, nullable: true }) requested_model!: string | null;
  @ApiProperty({ type: String, nullable: true }) served_model!: string | null;
  @ApiProperty({ type: String, nullable: true }) provider!: string | null;
  @ApiProperty({ enum: ['system', 'user'] }) key_source!: string;
  @ApiProperty() is_fallback!: boolean;
  @ApiProperty({ type: String, nullable: true }) fallback_strategy!: string | null;
  @ApiProperty() cached!: boolean;
  @ApiProperty({ type: 'integer' }) prompt_tokens!: number;
  @ApiProperty({ type: 'integer' }) completion_tokens!: number;
  @ApiProperty({ type: 'integer' }) total_tokens!: number;
  @ApiProperty({ type: 'integer' }) images!: number;
  @ApiProperty(DECIMAL) audio_seconds!: number | string;
  @ApiProperty({ type: 'integer' }) characters!: number;
  @ApiProperty(DECIMAL) cost_usd!: number | string;
  @ApiProperty({ type: 'integer' }) latency_ms!: number;
  @ApiProperty({ type: 'integer', nullable: true }) ttft_ms!: number | null;
  @ApiProperty({ type: 'integer', description: 'The HTTP status answered' }) status!: number;
  @ApiProperty({ type: String, nullable: true }) error_code!: string | null;
}

// ---- The price table ----

/** A price in USD, 0 or more; when written, absent leaves it as it is. */
const PriceField = (description: string, options: { required?: boolean } = {}) =>
  applyDecorators(
    (options.required ? ApiProperty : ApiPropertyOptional)({ minimum: 0, description }),
    IsPresentOptional(),
    IsNumber(
      { allowNaN: false, allowInfinity: false },
      { message: ({ property }) => `${property} must be a price in USD, 0 or more` },
    ),
    Min(0, { message: ({ property }) => `${property} must be a price in USD, 0 or more` }),
  );

/** A model's own prices, over the catalog's (tokens) and the table's (per modality). */
export class ModelPriceDto {
  @PriceField('Per million prompt tokens') input_per_million?: number;
  @PriceField('Per million completion tokens') output_per_million?: number;
  @PriceField('Per image') per_image?: number;
  @PriceField('Per megapixel') per_megapixel?: number;
  @PriceField('Per million characters of speech') per_million_characters?: number;
  @PriceField('Per minute of transcribed audio') per_minute?: number;
}

/** Monthly credits per tier (USD). */
export class TierCreditsDto {
  @PriceField('Free tier') free?: number;
  @PriceField('Premium tier') premium?: number;
  @PriceField('Enterprise tier') enterprise?: number;
}

export class EffectiveTierCreditsDto {
  @ApiProperty({ minimum: 0 }) free!: number;
  @ApiProperty({ minimum: 0 }) premium!: number;
  @ApiProperty({ minimum: 0 }) enterprise!: number;
}

const MODEL_PRICES = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(ModelPriceDto) },
  description: 'Prices per model id',
} as const;

export class PriceTableDto {
  @ApiProperty({ minimum: 0 }) image_per_megapixel!: number;
  @ApiProperty({ minimum: 0 }) speech_per_million_characters!: number;
  @ApiProperty({ minimum: 0 }) transcription_per_minute!: number;
  @ApiPropertyOptional({ type: TierCreditsDto, description: 'Defaults apply to tiers left out' })
  tier_credits_usd?: TierCreditsDto;
  @ApiProperty(MODEL_PRICES) models!: Record<string, ModelPriceDto>;
  @ApiProperty({
    type: EffectiveTierCreditsDto,
    description: "Each tier's monthly credits in force: its own value, else the platform default",
  })
  effective_tier_credits_usd!: EffectiveTierCreditsDto;
}

/** `PUT /api/v1/admin/prices`: each field given replaces the current one (objects whole). */
export class UpdatePricesDto {
  @PriceField('Images, per megapixel') image_per_megapixel?: number;
  @PriceField('Speech, per million characters') speech_per_million_characters?: number;
  @PriceField('Transcription, per minute') transcription_per_minute?: number;

  @NestedField(() => TierCreditsDto, {
    optional: true,
    description: 'Monthly credits per tier (replaces the current ones)',
  })
  tier_credits_usd?: TierCreditsDto;

  @MapField(() => ModelPriceDto, {
    optional: true,
    description: 'Prices per model id (replaces the current ones)',
    example: { 'black-forest-labs/FLUX.1-schnell': { per_image: 0.003 } },
  })
  models?: Map<string, ModelPriceDto>;

  /** The library's change: plain objects, only the fields that were sent. */
  toChanges(): Partial<PriceTable> {
    const changes: Partial<PriceTable> = {};
    for (const field of [
      'image_per_megapixel',
      'speech_per_million_characters',
      'transcription_per_minute',
    ] as const)
      if (this[field] !== undefined) changes[field] = this[field];
    if (this.tier_credits_usd) changes.tier_credits_usd = { ...this.tier_credits_usd };
    if (this.models)
      changes.models = Object.fromEntries([...this.models].map(([model, prices]) => [model, { ...prices }]));
    return changes;
  }
}
