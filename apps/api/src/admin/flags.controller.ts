import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { DomainError, ErrorCode, FEATURE_FLAG_NAMES, isFeatureFlag } from '@tiergate/common';
import { FeatureFlagsService, type FlagChanges } from '@tiergate/flags';
import { Actor, type ActorContext } from '../http/call-context';
import { FeatureFlagsDto, SetFlagDto } from './dto/admin.dto';

/** `{"flag": true, ...}` or `{"flags": {"flag": true, ...}}`: known names, boolean values, at least one. */
export function parseFlagChanges(body: Record<string, unknown>): FlagChanges {
  const nested = body.flags;
  const map =
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? (nested as Record<string, unknown>)
      : body;
  const prefix = map === body ? '' : 'flags.';
  const entries = Object.entries(map);
  if (!entries.length)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'Send at least one flag, e.g. {"together_ai_fallback": false}',
    );
  for (const [name, value] of entries) {
    if (!isFeatureFlag(name))
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `${prefix}${name} is not a feature flag; known flags: ${FEATURE_FLAG_NAMES.join(', ')}`,
        { param: `${prefix}${name}` },
      );
    if (typeof value !== 'boolean')
      throw new DomainError(ErrorCode.ValidationFailed, `${prefix}${name} must be true or false`, {
        param: `${prefix}${name}`,
      });
  }
  return Object.fromEntries(entries);
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/flags')
export class FlagsController {
  constructor(private readonly flags: FeatureFlagsService) {}

  @Get()
  @ApiOperation({ summary: 'Every feature flag and its state' })
  list(): FeatureFlagsDto {
    return FeatureFlagsDto.from(this.flags.list());
  }

  @Put()
  @ApiOperation({ summary: 'Change flags; every api instance applies the change within a second' })
  @ApiBody({ schema: { type: 'object', example: { together_ai_free_tier: false } } })
  async update(
    @Actor() actor: ActorContext,
    @Body() body: Record<string, unknown>,
  ): Promise<FeatureFlagsDto> {
    return FeatureFlagsDto.from(await this.flags.update(actor, parseFlagChanges(body)));
  }

  @Put(':name')
  @ApiOperation({ summary: 'Change one flag' })
  async set(
    @Actor() actor: ActorContext,
    @Param('name') name: string,
    @Body() body: SetFlagDto,
  ): Promise<FeatureFlagsDto> {
    return FeatureFlagsDto.from(await this.flags.update(actor, parseFlagChanges({ [name]: body.enabled })));
  }
}
