import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ALL_KEY, MAX_SERIES_DAYS, OTHER_KEY, SPLITS, type DailySeries, type Split } from '@tiergate/usage';
import { UsageFilterQueryDto } from './usage.dto';

export const MAX_SERIES_KEYS = 20;

/** A chart's series: the report filters, what to split by, and how many keys to keep apart. */
export class UsageSeriesQueryDto extends UsageFilterQueryDto {
  @ApiPropertyOptional({ enum: SPLITS, enumName: 'UsageSplit', default: 'none' })
  @IsOptional()
  @IsIn(SPLITS, { message: `split_by must be one of ${SPLITS.join(', ')}` })
  split_by: Split = 'none';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_SERIES_KEYS,
    default: 8,
    description: `The keys with the most requests kept apart; the rest are summed as "${OTHER_KEY}"`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'top must be a whole number' })
  @Min(1, { message: 'top must be at least 1' })
  @Max(MAX_SERIES_KEYS, { message: `top must be at most ${MAX_SERIES_KEYS}` })
  top: number = 8;
}

export class UsageSeriesPointDto {
  @ApiProperty({ format: 'date', example: '2026-11-30' }) day!: string;
  @ApiProperty({
    example: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    description: `The model, tier or feature; "${ALL_KEY}" when not split; "${OTHER_KEY}" for the keys past the top ones`,
  })
  key!: string;
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty({ type: 'integer' }) errors!: number;
  @ApiProperty({ type: 'integer' }) fallbacks!: number;
  @ApiProperty({ type: 'integer' }) cache_hits!: number;
  @ApiProperty({ type: 'integer' }) prompt_tokens!: number;
  @ApiProperty({ type: 'integer' }) completion_tokens!: number;
  @ApiProperty() cost_usd!: number;
}

export class UsageSeriesDto {
  @ApiProperty({ enum: ['day'], description: 'The width of each point (UTC days)' }) bucket!: 'day';
  @ApiProperty({
    type: [String],
    description: `The series, most requests first; "${OTHER_KEY}" (last) when some keys were folded`,
  })
  keys!: string[];
  @ApiProperty({
    type: [UsageSeriesPointDto],
    description: `One point per day of the range (at most ${MAX_SERIES_DAYS}) and key, zeros included, oldest first`,
  })
  series!: UsageSeriesPointDto[];

  static from(series: DailySeries): UsageSeriesDto {
    return { bucket: series.bucket, keys: series.keys, series: series.series };
  }
}
