import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { KeyLimits, ProviderKeySummary } from '@tiergate/key-manager';
import { PROVIDER_KEY_STATUSES } from '@tiergate/key-manager';
import { LabelField } from '../../http/dto-fields';

const MAX_GRACE_SECONDS = 7 * 86_400;

/** A provider key as typed by a person: printable, no spaces, of a sensible length. */
export function SecretKeyField(): PropertyDecorator {
  const decorators = [
    ApiProperty({
      description: 'The provider API key. Sent once; only its last four characters are ever shown.',
    }),
    IsString({ message: 'key must be a string' }),
    MinLength(8, { message: 'key is too short to be a provider API key' }),
    MaxLength(512, { message: 'key must be at most 512 characters' }),
    Matches(/^[\x21-\x7e]+$/, { message: 'key must be printable characters without spaces' }),
  ];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

const MAX_LIMIT = 1_000_000_000;

/** One of an account's limits: a positive integer, or null for none. */
const AccountLimitField = (name: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, nullable: true, description }),
    IsOptional(),
    IsInt({ message: `${name} must be a positive integer or null` }),
    Min(1, { message: `${name} must be a positive integer or null` }),
    Max(MAX_LIMIT, { message: `${name} must be at most ${MAX_LIMIT}` }),
  );

/** The upstream account's limits a system key carries; Tiergate paces its calls to them. */
export class ProviderKeyLimitsDto {
  @AccountLimitField('requests_per_second', "The account's requests per second (null: unlimited)")
  requests_per_second?: number | null;

  @AccountLimitField('requests_per_minute', "The account's requests per minute (null: unlimited)")
  requests_per_minute?: number | null;

  @AccountLimitField('tokens_per_minute', "The account's tokens per minute (null: unlimited)")
  tokens_per_minute?: number | null;

  /** The limits given (a field left out is undefined: unchanged on update, unlimited on create). */
  toLimits(): Partial<KeyLimits> {
    return {
      requestsPerSecond: this.requests_per_second,
      requestsPerMinute: this.requests_per_minute,
      tokensPerMinute: this.tokens_per_minute,
    };
  }
}

export class CreateProviderKeyDto extends ProviderKeyLimitsDto {
  @ApiProperty({ example: 'together_ai', description: '`together` is accepted for together_ai' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  provider!: string;

  @LabelField('label', { example: 'production key 2026-11' })
  label!: string;

  @SecretKeyField()
  key!: string;
}

export class RotateProviderKeyDto {
  @SecretKeyField()
  key!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_GRACE_SECONDS,
    description: 'How long the old key keeps serving (seconds); 0 retires it at once',
  })
  @IsOptional()
  @IsInt({ message: 'grace_period_seconds must be a whole number' })
  @Min(0, { message: 'grace_period_seconds must be at least 0' })
  @Max(MAX_GRACE_SECONDS, { message: `grace_period_seconds must be at most ${MAX_GRACE_SECONDS}` })
  grace_period_seconds?: number;
}

export class CreateUserProviderKeyDto {
  @ApiPropertyOptional({ example: 'together_ai', default: 'together_ai' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  provider: string = 'together_ai';

  @SecretKeyField()
  key!: string;

  @LabelField('label', { optional: true })
  label?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      "If the provider rejects your key, serve the request with the platform's key (it then counts against your quota)",
  })
  @IsOptional()
  @IsBoolean({ message: 'fallback_to_system must be true or false' })
  fallback_to_system?: boolean;
}

export class UpdateUserProviderKeyDto {
  @LabelField('label', { optional: true })
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'fallback_to_system must be true or false' })
  fallback_to_system?: boolean;
}

export class ProviderKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'together_ai' }) provider!: string;
  @ApiProperty({ enum: ['system', 'user'] }) owner!: 'system' | 'user';
  @ApiProperty() label!: string;
  @ApiProperty({
    example: '…x9Qz',
    description: 'The last four characters; the key itself is never returned',
  })
  key_hint!: string;
  @ApiProperty({ enum: PROVIDER_KEY_STATUSES, enumName: 'ProviderKeyStatus' }) status!: string;
  @ApiProperty({ nullable: true, type: String }) status_reason!: string | null;
  @ApiProperty() fallback_to_system!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) verified_at!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_used_at!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When a rotated key stops serving',
  })
  retire_at!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The key that replaced it' })
  replaced_by!: string | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'System keys: the account limit paced to' })
  requests_per_second!: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) requests_per_minute!: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) tokens_per_minute!: number | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;

  static from(key: ProviderKeySummary): ProviderKeyDto {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      id: key.id,
      provider: key.provider,
      owner: key.owner,
      label: key.label,
      key_hint: key.keyHint,
      status: key.status,
      status_reason: key.statusReason,
      fallback_to_system: key.fallbackToSystem,
      verified_at: iso(key.verifiedAt),
      last_used_at: iso(key.lastUsedAt),
      retire_at: iso(key.retireAt),
      replaced_by: key.replacedBy,
      requests_per_second: key.limits?.requestsPerSecond ?? null,
      requests_per_minute: key.limits?.requestsPerMinute ?? null,
      tokens_per_minute: key.limits?.tokensPerMinute ?? null,
      created_at: key.createdAt.toISOString(),
    };
  }
}

export class ProviderKeyListDto {
  @ApiProperty({ type: [ProviderKeyDto] }) data!: ProviderKeyDto[];
}

export class MyProviderKeyListDto extends ProviderKeyListDto {
  @ApiProperty({
    description: 'Whether admins allow users to bring their own key (the allow_user_keys flag)',
  })
  user_keys_allowed!: boolean;
}

export class RotatedProviderKeyDto {
  @ApiProperty({ type: ProviderKeyDto, description: 'The new key, active now' }) key!: ProviderKeyDto;
  @ApiProperty({ type: ProviderKeyDto, description: 'The old key, serving until retire_at' })
  previous!: ProviderKeyDto;
}
