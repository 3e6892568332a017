import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { DomainError, ErrorCode, FEATURE_FLAG_NAMES, isFeatureFlag } from '@tiergate/common';
import { FeatureFlagsService, type FlagChanges } from '@tiergate/flags';
import { ApiAdminErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { FeatureFlagsDto, SetFlagDto, UpdateFlagsDto } from './dto/admin.dto';

/** The changes of `PUT /flags`: the nested `flags` when sent, else the top-level fields; at least one. */
export function flagChanges(body: UpdateFlagsDto): FlagChanges {
  const { flags, ...topLevel } = body;
  const changes: FlagChanges = { ...(flags ?? topLevel) };
  if (!Object.keys(changes).length)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'Send at least one flag, e.g. {"together_ai_fallback": false}',
    );
  return changes;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/flags')
export class FlagsController {
  constructor(private readonly flags: FeatureFlagsService) {}

  @Get()
  @ApiOperation({ summary: 'Every feature flag and its state' })
  @ApiOkResponse({ type: FeatureFlagsDto })
  list(): FeatureFlagsDto {
    return FeatureFlagsDto.from(this.flags.list());
  }

  @Put()
  @ApiOperation({ summary: 'Change flags; every api instance applies the change within a second' })
  @ApiOkResponse({ type: FeatureFlagsDto })
  async update(@Actor() actor: ActorContext, @Body() body: UpdateFlagsDto): Promise<FeatureFlagsDto> {
    return FeatureFlagsDto.from(await this.flags.update(actor, flagChanges(body)));
  }

  @Put(':name')
  @ApiOperation({ summary: 'Change one flag' })
  @ApiParam({ name: 'name', enum: FEATURE_FLAG_NAMES, enumName: 'FeatureFlag' })
  @ApiOkResponse({ type: FeatureFlagsDto })
  async set(
    @Actor() actor: ActorContext,
    @Param('name') name: string,
    @Body() body: SetFlagDto,
  ): Promise<FeatureFlagsDto> {
    if (!isFeatureFlag(name))
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `${name} is not a feature flag; known flags: ${FEATURE_FLAG_NAMES.join(', ')}`,
        { param: name },
      );
    return FeatureFlagsDto.from(await this.flags.update(actor, { [name]: body.enabled }));
  }
}
