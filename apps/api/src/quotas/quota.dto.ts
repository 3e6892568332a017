import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Tier } from '@tiergate/common';
import {
  FEATURES,
  LIMIT_FIELDS,
  MAX_QUOTA_LIMIT,
  type Feature,
  type FeatureLimits,
  type FeatureQuotaView,
  type DailyLimitName,
  type QuotaRequestEntity,
  type QuotaRequestStatus,
  type RateLimits,
  type RedisFailureMode,
  type TierPolicyPatch,
} from '@tiergate/quota';
import { IsPresentOptional, NestedField, TIER_ENUM } from '../http/dto-fields';
import { PageMetaDto, PageQueryDto } from '../http/paging';

export const FEATURE_ENUM = { enum: FEATURES, enumName: 'Feature' };
const LIMIT_NAME_ENUM = { enum: LIMIT_FIELDS, enumName: 'LimitName' };
const REQUEST_STATUSES = ['pending', 'approved', 'denied'] as const;
const REQUEST_STATUS_ENUM = { enum: REQUEST_STATUSES, enumName: 'QuotaRequestStatus' };
const REDIS_FAILURE_MODES = ['closed', 'open'] as const;

const FEATURE_MESSAGE = `feature must be one of ${FEATURES.join(', ')}`;

export class CreateQuotaRequestDto {
  @ApiProperty(FEATURE_ENUM)
  @IsIn(FEATURES, { message: FEATURE_MESSAGE })
  feature!: Feature;

  @ApiPropertyOptional({ ...LIMIT_NAME_ENUM, default: 'requests_per_day' })
  @IsOptional()
  @IsIn(LIMIT_FIELDS, { message: `limit must be one of ${LIMIT_FIELDS.join(', ')}` })
  limit?: DailyLimitName;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_QUOTA_LIMIT, example: 200 })
  @IsInt({ message: 'requested_limit must be a whole number' })
  @Min(1, { message: 'requested_limit must be at least 1' })
  @Max(MAX_QUOTA_LIMIT, { message: 'requested_limit is too large' })
  requested_limit!: number;

  @ApiProperty({ example: 'Classroom use for 30 students this month' })
  @IsString()
  @MinLength(3, { message: 'reason must say why (at least 3 characters)' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}

export class DecisionDto {
  @ApiPropertyOptional({ description: 'Shown to the user' })
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason?: string;
}

/** Denying needs a reason: the user is shown it. */
export class DenyDto {
  @ApiProperty({ description: 'Shown to the user' })
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}

/** `DELETE /api/v1/admin/quotas/users/:id?feature=`: one feature's overrides, or all. */
export class ClearOverridesQueryDto {
  @ApiPropertyOptional({ ...FEATURE_ENUM, description: 'Only this feature' })
  @IsOptional()
  @IsIn(FEATURES, { message: FEATURE_MESSAGE })
  feature?: Feature;
}

export class ApproveDto extends DecisionDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'The limit to grant; the requested one when left out',
  })
  @IsOptional()
  @IsInt({ message: 'granted_limit must be a whole number' })
  @Min(0, { message: 'granted_limit must be at least 0' })
  @Max(2_000_000_000, { message: 'granted_limit must be at most 2000000000' })
  granted_limit?: number;
}

export class QuotaRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional(REQUEST_STATUS_ENUM)
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: 'status must be pending, approved or denied' })
  status?: QuotaRequestStatus;
}

export class QuotaRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty(FEATURE_ENUM) feature!: string;
  @ApiProperty(LIMIT_NAME_ENUM) limit!: string;
  @ApiProperty({ type: 'integer' }) requested_limit!: number;
  @ApiProperty({ nullable: true, type: 'integer', description: 'What the approval granted' })
  granted_limit!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty(REQUEST_STATUS_ENUM) status!: QuotaRequestStatus;
  @ApiProperty({ nullable: true, type: String }) decision_reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decided_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;

  static from(row: QuotaRequestEntity): QuotaRequestDto {
    return {
      id: row.id,
      user_id: row.userId,
      feature: row.feature,
      limit: row.limitName,
      requested_limit: row.requestedLimit,
      granted_limit: row.grantedLimit,
      reason: row.reason,
      status: row.status,
      decision_reason: row.decisionReason,
      decided_at: row.decidedAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
    };
  }
}

export class QuotaRequestPageDto extends PageMetaDto {
  @ApiProperty({ type: [QuotaRequestDto] }) data!: QuotaRequestDto[];
}

// ---- Limits (tier policies and per-user overrides) ----

const LIMIT_MESSAGE = ({ property }: { property: string }) =>
  `${property} must be a whole number from 0, or null for unlimited`;

/** A limit: a whole number from 0, or null for unlimited; absent when written: left as it is. */
const LimitField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      nullable: true,
      minimum: 0,
      maximum: MAX_QUOTA_LIMIT,
      description: `${description}; null: unlimited`,
    }),
    IsOptional(),
    IsInt({ message: LIMIT_MESSAGE }),
    Min(0, { message: LIMIT_MESSAGE }),
    Max(MAX_QUOTA_LIMIT, { message: LIMIT_MESSAGE }),
  );

/** Drops fields that are undefined, so a partial change never erases a limit it did not name. */
function sent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A feature's daily limits. */
export class FeatureLimitsDto implements FeatureLimits {
  @LimitField('Requests per UTC day') requests_per_day?: number | null;
  @LimitField('Tokens per UTC day (prompt and completion)') tokens_per_day?: number | null;
  @LimitField('Tokens one request may use') tokens_per_request?: number | null;
  @LimitField('Audio minutes per UTC day') minutes_per_day?: number | null;
}

/** Limits per feature; a feature left out is not changed (or, when read, has no limits). */
export class FeatureLimitsByFeatureDto implements Partial<Record<Feature, FeatureLimitsDto>> {
  @NestedField(() => FeatureLimitsDto, { optional: true }) text_generation?: FeatureLimitsDto;
  @NestedField(() => FeatureLimitsDto, { optional: true }) code_generation?: FeatureLimitsDto;
  @NestedField(() => FeatureLimitsDto, { optional: true }) image_generation?: FeatureLimitsDto;
  @NestedField(() => FeatureLimitsDto, { optional: true }) vision_analysis?: FeatureLimitsDto;
  @NestedField(() => FeatureLimitsDto, { optional: true }) audio_tts?: FeatureLimitsDto;
  @NestedField(() => FeatureLimitsDto, { optional: true }) audio_stt?: FeatureLimitsDto;

  /** Plain objects with only the limits that were sent. */
  static limits(value: FeatureLimitsByFeatureDto): Partial<Record<Feature, FeatureLimits>> {
    return Object.fromEntries(
      Object.entries(sent(value)).map(([feature, limits]) => [feature, sent(limits as FeatureLimitsDto)]),
    );
  }
}

/** A tier's request-rate limits, every feature together. */
export class RateLimitsDto implements RateLimits {
  @LimitField('Requests per second') requests_per_second?: number | null;
  @LimitField('Requests per minute') requests_per_minute?: number | null;
  @LimitField('Tokens per minute') tokens_per_minute?: number | null;
  @LimitField('Streams open at once') concurrent_streams?: number | null;
}

export class TierQuotaPolicyDto {
  @ApiProperty({ type: FeatureLimitsByFeatureDto }) features!: FeatureLimitsByFeatureDto;
  @ApiProperty({ type: RateLimitsDto }) rate_limits!: RateLimitsDto;
  @ApiProperty({
    enum: REDIS_FAILURE_MODES,
    description:
      'When Redis cannot be reached: refuse (closed, 503) or serve with per-instance limits (open)',
  })
  on_redis_failure!: RedisFailureMode;
}

/** `PUT /api/v1/admin/quotas/tiers/:tier`: the fields given are replaced, the rest stay. */
export class UpdateTierPolicyDto {
  @NestedField(() => FeatureLimitsByFeatureDto, { optional: true })
  features?: FeatureLimitsByFeatureDto;

  @NestedField(() => RateLimitsDto, { optional: true })
  rate_limits?: RateLimitsDto;

  @ApiPropertyOptional({ enum: REDIS_FAILURE_MODES })
  @IsPresentOptional()
  @IsIn(REDIS_FAILURE_MODES, { message: 'on_redis_failure must be open or closed' })
  on_redis_failure?: RedisFailureMode;

  toPatch(): TierPolicyPatch {
    return sent({
      features: this.features && FeatureLimitsByFeatureDto.limits(this.features),
      rate_limits: this.rate_limits && sent(this.rate_limits),
      on_redis_failure: this.on_redis_failure,
    });
  }
}

/** `PUT /api/v1/admin/quotas/users/:id`: a user's own limits for some features. */
export class UpdateUserOverridesDto {
  @NestedField(() => FeatureLimitsByFeatureDto, {
    description: 'Per feature, the limits to set for this user (merged with their current overrides)',
  })
  features!: FeatureLimitsByFeatureDto;
}

export class UserOverridesDto {
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ type: FeatureLimitsByFeatureDto }) overrides!: FeatureLimitsByFeatureDto;
}

// ---- Today's quota ----

/** One feature today; null limits are unlimited. Token and minute fields appear where they apply. */
export class FeatureQuotaDto implements FeatureQuotaView {
  @ApiProperty({ type: 'integer' }) requests_used!: number;
  @ApiProperty({ type: 'integer', nullable: true }) requests_limit!: number | null;
  @ApiPropertyOptional({ type: 'integer' }) tokens_used?: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) tokens_limit?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) tokens_per_request_limit?: number | null;
  @ApiPropertyOptional({ description: 'Audio minutes, to the millisecond' }) minutes_used?: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) minutes_limit?: number | null;
}

export class QuotaViewDto implements Record<Feature, FeatureQuotaDto> {
  @ApiProperty({ type: FeatureQuotaDto }) text_generation!: FeatureQuotaDto;
  @ApiProperty({ type: FeatureQuotaDto }) code_generation!: FeatureQuotaDto;
  @ApiProperty({ type: FeatureQuotaDto }) image_generation!: FeatureQuotaDto;
  @ApiProperty({ type: FeatureQuotaDto }) vision_analysis!: FeatureQuotaDto;
  @ApiProperty({ type: FeatureQuotaDto }) audio_tts!: FeatureQuotaDto;
  @ApiProperty({ type: FeatureQuotaDto }) audio_stt!: FeatureQuotaDto;
  @ApiProperty(TIER_ENUM) tier!: Tier;
  @ApiProperty({ format: 'date-time', description: 'The next 00:00 UTC' }) resets_at!: string;
  @ApiProperty({ type: RateLimitsDto }) rate_limits!: RateLimitsDto;
}

export class UserQuotaDto extends QuotaViewDto {
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ type: FeatureLimitsByFeatureDto, description: "The user's own limits, per feature" })
  overrides!: FeatureLimitsByFeatureDto;
}
