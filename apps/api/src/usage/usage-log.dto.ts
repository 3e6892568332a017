import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { UsageLogPage, UsageLogRow } from '@tiergate/usage';
import { MODALITY_ENUM, TIER_ENUM } from '../http/dto-fields';
import { FEATURE_ENUM } from '../quotas/quota.dto';
import { UsageFilterQueryDto } from './usage.dto';

export const MAX_LOG_LIMIT = 100;

/** The Request Log: the report filters, and a keyset cursor. */
export class UsageEventsQueryDto extends UsageFilterQueryDto {
  @ApiPropertyOptional({
    description: 'Where the page starts: the `next_cursor` of the previous page, unchanged (opaque)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512, { message: 'cursor is not a cursor this list returned' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not a cursor this list returned' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LOG_LIMIT, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_LOG_LIMIT, { message: `limit must be at most ${MAX_LOG_LIMIT}` })
  limit: number = 50;
}

export class UsageEventDto {
  @ApiProperty({ description: 'The request id (also sent as x-request-id); the row is unique by it' })
  request_id!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-30T13:04:05.123456Z' }) occurred_at!: string;
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the account no longer exists' })
  user_email!: string | null;
  @ApiProperty(TIER_ENUM) tier!: string;
  @ApiProperty(FEATURE_ENUM) feature!: string;
  @ApiProperty(MODALITY_ENUM) modality!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The model the caller named, if any' })
  requested_model!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The model that answered (null if none did)' })
  served_model!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'together_ai' }) provider!: string | null;
  @ApiProperty({ enum: ['system', 'user'], enumName: 'KeySource' }) key_source!: string;
  @ApiProperty({
    type: 'integer',
    example: 200,
    description: 'The HTTP status answered; 400 or more is an error',
  })
  status!: number;
  @ApiProperty({ type: String, nullable: true, example: 'upstream_unavailable' }) error_code!: string | null;
  @ApiProperty() is_fallback!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'SAME_PROVIDER_DIFFERENT_MODEL' })
  fallback_strategy!: string | null;
  @ApiProperty({ description: 'Answered from the cache of earlier answers' }) cached!: boolean;
  @ApiProperty({ type: 'integer' }) prompt_tokens!: number;
  @ApiProperty({ type: 'integer' }) completion_tokens!: number;
  @ApiProperty({ type: 'integer' }) total_tokens!: number;
  @ApiProperty({ type: 'integer' }) images!: number;
  @ApiProperty() audio_seconds!: number;
  @ApiProperty({ type: 'integer' }) characters!: number;
  @ApiProperty() cost_usd!: number;
  @ApiProperty({ type: 'integer' }) latency_ms!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Time to first token (streams)' })
  ttft_ms!: number | null;

  static from(row: UsageLogRow): UsageEventDto {
    return { ...row };
  }
}

export class UsageEventPageDto {
  @ApiProperty({ type: [UsageEventDto], description: 'Newest first' }) data!: UsageEventDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page',
  })
  next_cursor!: string | null;

  static from(page: UsageLogPage): UsageEventPageDto {
    return { data: page.rows.map((row) => UsageEventDto.from(row)), next_cursor: page.nextCursor };
  }
}
