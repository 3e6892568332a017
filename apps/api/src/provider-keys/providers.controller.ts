import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { Roles } from '@tiergate/auth';
import { ProviderAdministration } from '@tiergate/key-manager';
import { ProviderDirectory, type UpstreamProviderEntity } from '@tiergate/provider';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { SecretKeyField } from './dto/provider-key.dto';

export class CreateProviderDto {
  @ApiProperty({ example: 'backup', description: '2-32 lowercase letters, digits, - or _' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{1,31}$/, { message: 'id must be 2-32 lowercase letters, digits, - or _' })
  id!: string;

  @ApiProperty({ example: 'Backup vLLM cluster' })
  @IsString()
  @MinLength(1, { message: 'display_name must not be empty' })
  @MaxLength(100, { message: 'display_name must be at most 100 characters' })
  display_name!: string;

  @ApiProperty({ example: 'https://llm.internal.example.com/v1' })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'base_url must be an http(s) URL' },
  )
  @MaxLength(500)
  base_url!: string;

  @SecretKeyField()
  key!: string;
}

export class ProviderDto {
  @ApiProperty({ example: 'backup' }) id!: string;
  @ApiProperty() display_name!: string;
  @ApiProperty({ example: 'https://llm.internal.example.com/v1' }) base_url!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;

  static from(row: UpstreamProviderEntity): ProviderDto {
    return {
      id: row.id,
      display_name: row.displayName,
      base_url: row.baseUrl,
      created_at: row.createdAt.toISOString(),
    };
  }
}

export class ProviderListDto {
  @ApiProperty({ type: [ProviderDto] }) data!: ProviderDto[];
}

/** OpenAI-compatible providers for the DIFFERENT_PROVIDER fallback; name them in model-config fallbacks. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/providers')
export class ProvidersController {
  constructor(
    private readonly administration: ProviderAdministration,
    private readonly directory: ProviderDirectory,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add an OpenAI-compatible provider (its key is verified with GET /models first)' })
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiErrors(409)
  async create(@Actor() actor: ActorContext, @Body() body: CreateProviderDto): Promise<ProviderDto> {
    return ProviderDto.from(
      await this.administration.add(actor, {
        id: body.id,
        displayName: body.display_name,
        baseUrl: body.base_url,
        key: body.key,
      }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'The providers admins added (Together, from configuration, is not listed)' })
  @ApiOkResponse({ type: ProviderListDto })
  list(): ProviderListDto {
    return { data: this.directory.list().map((row) => ProviderDto.from(row)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a provider; its keys are revoked' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404)
  remove(@Actor() actor: ActorContext, @Param('id') id: string): Promise<void> {
    return this.administration.remove(actor, id);
  }
}
