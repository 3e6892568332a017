import { applyDecorators } from '@nestjs/common';
import { PickType, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditEntryEntity } from '@tiergate/audit';
import type { UserEntity } from '@tiergate/auth';
import { FEATURE_FLAG_NAMES, FEATURE_FLAGS, type FeatureFlag, type Role, type Tier } from '@tiergate/common';
import type { FeatureFlagEntity } from '@tiergate/flags';
import { RegisterDto } from '../../auth/dto/credentials.dto';
import {
  IsPresentOptional,
  NestedField,
  ROLE_ENUM,
  RoleField,
  TIER_ENUM,
  TierField,
} from '../../http/dto-fields';
import { PageMetaDto, PageQueryDto, QueryBoolean } from '../../http/paging';

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

  @ApiPropertyOptional({ description: 'true: active accounts only; false: deactivated ones only' })
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

/** `POST /api/v1/admin/users`: email and password as for registering; free tier and user role by default. */
export class CreateUserDto extends RegisterDto {
  @TierField()
  tier?: Tier;

  @RoleField()
  role?: Role;
}

/** An admin's reset of someone's password: the same rules as registration. */
export class ResetPasswordDto extends PickType(RegisterDto, ['password'] as const) {}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty(ROLE_ENUM) role!: Role;
  @ApiProperty(TIER_ENUM) tier!: Tier;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;

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

export class AdminUserPageDto extends PageMetaDto {
  @ApiProperty({ type: [AdminUserDto] }) data!: AdminUserDto[];
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

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'ISO 8601 time; entries at or after it',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 date or time' })
  since?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'ISO 8601 time; entries before it' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'until must be an ISO 8601 date or time' })
  until?: Date;
}

/** A summary of the target before or after the change (never a secret); its shape depends on the action. */
const CHANGE_SUMMARY = { type: 'object', additionalProperties: true, nullable: true } as const;

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurred_at!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'null for changes the platform made itself',
  })
  actor_id!: string | null;
  @ApiProperty({ example: 'admin@example.com', description: '`system` for changes the platform made itself' })
  actor_email!: string;
  @ApiProperty({ example: 'flags.update' }) action!: string;
  @ApiProperty({ example: 'feature_flag' }) target_type!: string;
  @ApiProperty({ nullable: true, type: String }) target_id!: string | null;
  @ApiProperty(CHANGE_SUMMARY) before!: Record<string, unknown> | null;
  @ApiProperty(CHANGE_SUMMARY) after!: Record<string, unknown> | null;
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

export class AuditEntryPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEntryDto] }) data!: AuditEntryDto[];
}

const FLAG_NAME = { enum: FEATURE_FLAG_NAMES, enumName: 'FeatureFlag' };

export class FeatureFlagDto {
  @ApiProperty({ ...FLAG_NAME, example: 'together_ai_free_tier' }) name!: FeatureFlag;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The admin who last changed it' })
  updated_by!: string | null;

  static from(flag: FeatureFlagEntity): FeatureFlagDto {
    return {
      name: flag.name as FeatureFlag,
      enabled: flag.enabled,
      description: flag.description,
      updated_at: flag.updatedAt.toISOString(),
      updated_by: flag.updatedBy,
    };
  }
}

/** Every flag's state, by name. (A flag added to FEATURE_FLAGS without a field here fails to compile.) */
export class FlagStatesDto implements Record<FeatureFlag, boolean> {
  @ApiProperty({ description: FEATURE_FLAGS.together_ai_integration }) together_ai_integration!: boolean;
  @ApiProperty({ description: FEATURE_FLAGS.together_ai_free_tier }) together_ai_free_tier!: boolean;
  @ApiProperty({ description: FEATURE_FLAGS.together_ai_fallback }) together_ai_fallback!: boolean;
  @ApiProperty({ description: FEATURE_FLAGS.together_ai_ui_indicators }) together_ai_ui_indicators!: boolean;
  @ApiProperty({ description: FEATURE_FLAGS.allow_user_keys }) allow_user_keys!: boolean;
}

export class FeatureFlagsDto {
  @ApiProperty({ type: FlagStatesDto }) flags!: FlagStatesDto;
  @ApiProperty({ type: [FeatureFlagDto] }) data!: FeatureFlagDto[];

  static from(rows: FeatureFlagEntity[]): FeatureFlagsDto {
    return {
      flags: Object.fromEntries(rows.map((row) => [row.name, row.enabled])) as unknown as FlagStatesDto,
      data: rows.map((row) => FeatureFlagDto.from(row)),
    };
  }
}

const FlagField = (name: FeatureFlag) =>
  applyDecorators(
    ApiPropertyOptional({ description: FEATURE_FLAGS[name] }),
    IsPresentOptional(),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );

/** Flags to change, by name; the ones left out keep their state. */
export class FlagChangesInput {
  @FlagField('together_ai_integration') together_ai_integration?: boolean;
  @FlagField('together_ai_free_tier') together_ai_free_tier?: boolean;
  @FlagField('together_ai_fallback') together_ai_fallback?: boolean;
  @FlagField('together_ai_ui_indicators') together_ai_ui_indicators?: boolean;
  @FlagField('allow_user_keys') allow_user_keys?: boolean;
}

/**
 * `PUT /api/v1/admin/flags`: `{"together_ai_free_tier": false}`, or the same under `flags`
 * (`{"flags": {...}}`, which then is the whole change). At least one flag.
 */
export class UpdateFlagsDto extends FlagChangesInput {
  @NestedField(() => FlagChangesInput, { optional: true, description: 'The changes, nested' })
  flags?: FlagChangesInput;
}

export class SetFlagDto {
  @ApiProperty()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;
}
