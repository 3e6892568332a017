import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditEntryEntity } from '@tiergate/audit';
import type { UserEntity } from '@tiergate/auth';
import { ROLES, TIERS, type Role, type Tier } from '@tiergate/common';
import type { FeatureFlagEntity } from '@tiergate/flags';
import { RoleField, TierField } from '../../http/dto-fields';
import { PageQueryDto, QueryBoolean } from '../../http/paging';

export class UserSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of an email address, or a user id' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  search?: string;

  @TierField()
  tier?: Tier;

  @RoleField()
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  active?: boolean;
}

export class UpdateUserDto {
  @TierField()
  tier?: Tier;

  @RoleField()
  role?: Role;

  @ApiPropertyOptional({
    description: 'false: the account and all its tokens and API keys stop working at once',
  })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: TIERS }) tier!: Tier;
  @ApiProperty() active!: boolean;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;

  static from(user: UserEntity): AdminUserDto {
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      tier: user.tier,
      active: user.active,
      created_at: user.createdAt.toISOString(),
      updated_at: user.updatedAt.toISOString(),
    };
  }
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actor_id must be a UUID' })
  actor_id?: string;

  @ApiPropertyOptional({ example: 'provider_key.rotate' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ example: 'provider_key' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  target_type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  target_id?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 time; entries at or after it' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 date or time' })
  since?: Date;

  @ApiPropertyOptional({ description: 'ISO 8601 time; entries before it' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'until must be an ISO 8601 date or time' })
  until?: Date;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() occurred_at!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for changes the platform made itself' })
  actor_id!: string | null;
  @ApiProperty() actor_email!: string;
  @ApiProperty({ example: 'flags.update' }) action!: string;
  @ApiProperty({ example: 'feature_flag' }) target_type!: string;
  @ApiProperty({ nullable: true, type: String }) target_id!: string | null;
  @ApiProperty({ nullable: true, type: Object }) before!: unknown;
  @ApiProperty({ nullable: true, type: Object }) after!: unknown;
  @ApiProperty({ nullable: true, type: String }) request_id!: string | null;

  static from(entry: AuditEntryEntity): AuditEntryDto {
    return {
      id: entry.id,
      occurred_at: entry.occurredAt.toISOString(),
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: entry.before,
      after: entry.after,
      request_id: entry.requestId,
    };
  }
}

export class FeatureFlagDto {
  @ApiProperty({ example: 'together_ai_free_tier' }) name!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() description!: string;
  @ApiProperty() updated_at!: string;
  @ApiProperty({ nullable: true, type: String }) updated_by!: string | null;

  static from(flag: FeatureFlagEntity): FeatureFlagDto {
    return {
      name: flag.name,
      enabled: flag.enabled,
      description: flag.description,
      updated_at: flag.updatedAt.toISOString(),
      updated_by: flag.updatedBy,
    };
  }
}

export class FeatureFlagsDto {
  @ApiProperty({ example: { together_ai_integration: true, together_ai_free_tier: true } })
  flags!: Record<string, boolean>;
  @ApiProperty({ type: [FeatureFlagDto] }) data!: FeatureFlagDto[];

  static from(rows: FeatureFlagEntity[]): FeatureFlagsDto {
    return {
      flags: Object.fromEntries(rows.map((row) => [row.name, row.enabled])),
      data: rows.map((row) => FeatureFlagDto.from(row)),
    };
  }
}

export class SetFlagDto {
  @ApiProperty()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;
}
