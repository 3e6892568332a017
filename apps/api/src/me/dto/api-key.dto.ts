import { ApiProperty } from '@nestjs/swagger';
import { LabelField } from '../../http/dto-fields';
import type { ApiKeyEntity } from '@tiergate/auth';

export class CreateApiKeyDto {
  @LabelField('name', { example: 'my laptop' })
  name!: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the key, for recognising it', example: 'tg_AbC12xYz' })
  prefix!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_used_at!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revoked_at!: string | null;

  static from(key: ApiKeyEntity): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      created_at: key.createdAt.toISOString(),
      last_used_at: key.lastUsedAt?.toISOString() ?? null,
      revoked_at: key.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    description: 'The secret, shown this once only. Use it as `Authorization: Bearer <key>`.',
  })
  key!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) data!: ApiKeyDto[];
}
