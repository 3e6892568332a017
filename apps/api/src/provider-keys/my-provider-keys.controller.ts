import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { NotFoundError } from '@tiergate/common';
import { FeatureFlagsService } from '@tiergate/flags';
import { summarizeKey, UserKeysService } from '@tiergate/key-manager';
import { ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import {
  CreateUserProviderKeyDto,
  ProviderKeyDto,
  MyProviderKeyListDto,
  UpdateUserProviderKeyDto,
} from './dto/provider-key.dto';

const keyId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Provider key', 'id') });

/** Bring your own key: requests then go out with it and spare the free-tier quota and credits. */
@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/me/provider-keys')
export class MyProviderKeysController {
  constructor(
    private readonly keys: UserKeysService,
    private readonly flags: FeatureFlagsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Add your own provider key (verified first; replaces your earlier key for that provider)',
  })
  @ApiCreatedResponse({ type: ProviderKeyDto })
  async create(@Actor() user: ActorContext, @Body() body: CreateUserProviderKeyDto): Promise<ProviderKeyDto> {
    const key = await this.keys.add(user, {
      provider: body.provider,
      key: body.key,
      label: body.label,
      fallbackToSystem: body.fallback_to_system,
    });
    return ProviderKeyDto.from(summarizeKey(key));
  }

  @Get()
  @ApiOperation({ summary: 'Your provider keys (never the keys themselves)' })
  @ApiOkResponse({ type: MyProviderKeyListDto })
  async list(@Actor() user: ActorContext): Promise<MyProviderKeyListDto> {
    return {
      data: (await this.keys.list(user.id)).map((key) => ProviderKeyDto.from(summarizeKey(key))),
      user_keys_allowed: this.flags.isEnabled('allow_user_keys'),
    };
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check your key with the provider again; an accepted key becomes active' })
  @ApiOkResponse({ type: ProviderKeyDto })
  @ApiErrors(404)
  async verify(@Actor() user: ActorContext, @Param('id', keyId) id: string): Promise<ProviderKeyDto> {
    return ProviderKeyDto.from(summarizeKey(await this.keys.verify(user, id)));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Rename your key, or choose whether to fall back to the platform's key" })
  @ApiOkResponse({ type: ProviderKeyDto })
  @ApiErrors(404)
  async update(
    @Actor() user: ActorContext,
    @Param('id', keyId) id: string,
    @Body() body: UpdateUserProviderKeyDto,
  ): Promise<ProviderKeyDto> {
    const key = await this.keys.update(user, id, {
      label: body.label,
      fallbackToSystem: body.fallback_to_system,
    });
    return ProviderKeyDto.from(summarizeKey(key));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your key; requests use the platform key again' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404)
  remove(@Actor() user: ActorContext, @Param('id', keyId) id: string): Promise<void> {
    return this.keys.remove(user, id);
  }
}
