import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FEATURES, LIMIT_FIELDS, type QuotaRequestEntity } from '@tiergate/quota';
import { PageQueryDto } from '../http/paging';

export class CreateQuotaRequestDto {
  @ApiProperty({ enum: FEATURES })
  @IsIn(FEATURES, { message: `feature must be one of ${FEATURES.join(', ')}` })
  feature!: string;

  @ApiPropertyOptional({ enum: LIMIT_FIELDS, default: 'requests_per_day' })
  @IsOptional()
  @IsIn(LIMIT_FIELDS, { message: `limit must be one of ${LIMIT_FIELDS.join(', ')}` })
  limit?: string;

  @ApiProperty({ example: 200 })
  @IsInt({ message: 'requested_limit must be a whole number' })
  @Min(1, { message: 'requested_limit must be at least 1' })
  @Max(1_000_000_000, { message: 'requested_limit is too large' })
  requested_limit!: number;

  @ApiProperty({ example: 'Classroom use for 30 students this month' })
  @IsString()
  @MinLength(3, { message: 'reason must say why (at least 3 characters)' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}

export class DecisionDto {
  @ApiPropertyOptional({ description: 'Shown to the user; required to deny' })
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason?: string;
}

export class QuotaRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'denied'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'denied'], { message: 'status must be pending, approved or denied' })
  status?: 'pending' | 'approved' | 'denied';
}

export class QuotaRequestDto {
  @ApiProperty() id!: string;
  @ApiProperty() user_id!: string;
  @ApiProperty() feature!: string;
  @ApiProperty() limit!: string;
  @ApiProperty() requested_limit!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'denied'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) decision_reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decided_at!: string | null;
  @ApiProperty() created_at!: string;

  static from(row: QuotaRequestEntity): QuotaRequestDto {
    return {
      id: row.id,
      user_id: row.userId,
      feature: row.feature,
      limit: row.limitName,
      requested_limit: row.requestedLimit,
      reason: row.reason,
      status: row.status,
      decision_reason: row.decisionReason,
      decided_at: row.decidedAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
    };
  }
}
