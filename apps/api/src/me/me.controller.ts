import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeysService, AuthService, CurrentUser, SessionsService, type Principal } from '@tiergate/auth';
import { ChangePasswordDto } from '../auth/dto/credentials.dto';
import { NotFoundError } from '@tiergate/common';
import { ApiErrors } from '../http/api-responses';
import { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { UserDto } from './dto/user.dto';

@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/me')
export class MeController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: Principal): UserDto {
    return UserDto.from(user);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Change your password; your other dashboard sessions end (API keys and access tokens keep working)',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(400)
  async changePassword(@CurrentUser() user: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user.id, body.current_password, body.new_password);
    await this.sessions.endAllForUser(user.id, user.sessionId);
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create a personal API key; the secret is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrors(400, 409)
  async createApiKey(
    @CurrentUser() user: Principal,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    const { key, secret } = await this.apiKeys.create(user.id, body.name);
    return { ...ApiKeyDto.from(key), key: secret };
  }

  @Get('api-keys')
  @ApiOperation({ summary: 'List your API keys (never their secrets)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async listApiKeys(@CurrentUser() user: Principal): Promise<ApiKeyListDto> {
    return { data: (await this.apiKeys.list(user.id)).map((key) => ApiKeyDto.from(key)) };
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your API keys; it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(404)
  revokeApiKey(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('API key', 'id') }))
    id: string,
  ): Promise<void> {
    return this.apiKeys.revoke(user.id, id);
  }
}
