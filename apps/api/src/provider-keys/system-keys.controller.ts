import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { NotFoundError } from '@tiergate/common';
import { summarizeKey, SystemKeysService } from '@tiergate/key-manager';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import {
  CreateProviderKeyDto,
  ProviderKeyDto,
  ProviderKeyLimitsDto,
  ProviderKeyListDto,
  RotatedProviderKeyDto,
  RotateProviderKeyDto,
} from './dto/provider-key.dto';

const keyId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Provider key', 'id') });

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/provider-keys')
export class SystemKeysController {
  constructor(private readonly keys: SystemKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Add a system key: verified with the provider first, then sealed (AES-256-GCM)' })
  @ApiCreatedResponse({ type: ProviderKeyDto })
  @ApiErrors(409)
  async create(@Actor() actor: ActorContext, @Body() body: CreateProviderKeyDto): Promise<ProviderKeyDto> {
    const { requestsPerSecond, requestsPerMinute, tokensPerMinute } = body.toLimits();
    const limits = {
      requestsPerSecond: requestsPerSecond ?? null,
      requestsPerMinute: requestsPerMinute ?? null,
      tokensPerMinute: tokensPerMinute ?? null,
    };
    return ProviderKeyDto.from(summarizeKey(await this.keys.add(actor, { ...body, limits })));
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Set a system key's account limits (requests per second and minute, tokens per minute)",
    description:
      'Outbound calls with the key are paced to them across every instance; a field left out is kept, null removes it.',
  })
  @ApiOkResponse({ type: ProviderKeyDto })
  @ApiErrors(404)
  async setLimits(
    @Actor() actor: ActorContext,
    @Param('id', keyId) id: string,
    @Body() body: ProviderKeyLimitsDto,
  ): Promise<ProviderKeyDto> {
    return ProviderKeyDto.from(summarizeKey(await this.keys.setLimits(actor, id, body.toLimits())));
  }

  @Get()
  @ApiOperation({ summary: 'System keys with their state (active, invalid, retiring, retired, revoked)' })
  @ApiQuery({
    name: 'provider',
    required: false,
    type: String,
    description: 'Only this provider (e.g. together_ai)',
  })
  @ApiOkResponse({ type: ProviderKeyListDto })
  async list(@Query('provider') provider?: string): Promise<ProviderKeyListDto> {
    return {
      data: (await this.keys.list(provider || undefined)).map((key) =>
        ProviderKeyDto.from(summarizeKey(key)),
      ),
    };
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace a key: the new one takes over once verified; the old one serves out a grace period',
  })
  @ApiOkResponse({ type: RotatedProviderKeyDto })
  @ApiErrors(404, 409)
  async rotate(
    @Actor() actor: ActorContext,
    @Param('id', keyId) id: string,
    @Body() body: RotateProviderKeyDto,
  ): Promise<RotatedProviderKeyDto> {
    const { replacement, previous } = await this.keys.rotate(actor, id, {
      key: body.key,
      graceSeconds: body.grace_period_seconds,
    });
    return {
      key: ProviderKeyDto.from(summarizeKey(replacement)),
      previous: ProviderKeyDto.from(summarizeKey(previous)),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: it stops serving at once and its sealed secret is erased' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(404)
  revoke(@Actor() actor: ActorContext, @Param('id', keyId) id: string): Promise<void> {
    return this.keys.revoke(actor, id);
  }
}
