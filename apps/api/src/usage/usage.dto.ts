import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { FEATURES } from '@tiergate/quota';
import { GROUPINGS, type UsageFilter } from '@tiergate/usage';
import { TierField } from '../http/dto-fields';

const DAY_MS = 86_400_000;

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

  range(): { from: string; to: string } {
    const to = this.to?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
    const from = this.from?.slice(0, 10) ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
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
