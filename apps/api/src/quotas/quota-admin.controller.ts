import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Injectable,
  Param,
  ParseUUIDPipe,
  PipeTransform,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, UsersRepository } from '@tiergate/auth';
import { DomainError, ErrorCode, NotFoundError, TIERS, type Tier } from '@tiergate/common';
import { QuotaAdministration, QuotaService } from '@tiergate/quota';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { TIER_ENUM } from '../http/dto-fields';
import { pageOf } from '../http/paging';
import { quotaView } from './quota.controller';
import {
  ApproveDto,
  ClearOverridesQueryDto,
  DenyDto,
  FeatureLimitsByFeatureDto,
  QuotaRequestDto,
  QuotaRequestPageDto,
  QuotaRequestQueryDto,
  TierQuotaPolicyDto,
  UpdateTierPolicyDto,
  UpdateUserOverridesDto,
  UserOverridesDto,
  UserQuotaDto,
} from './quota.dto';

const userId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('User', 'id') });
const requestId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Quota request', 'id') });

/** `:tier`, one of the tiers (400 naming `tier` otherwise). */
@Injectable()
class ParseTierPipe implements PipeTransform<string, Tier> {
  transform(value: string): Tier {
    if (!(TIERS as readonly string[]).includes(value))
      throw new DomainError(ErrorCode.ValidationFailed, `tier must be one of ${TIERS.join(', ')}`, {
        param: 'tier',
      });
    return value as Tier;
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin')
export class QuotaAdminController {
  constructor(
    private readonly quotas: QuotaAdministration,
    private readonly quota: QuotaService,
    private readonly users: UsersRepository,
  ) {}

  @Get('quotas/tiers/:tier')
  @ApiOperation({ summary: "A tier's quota policy: limits per feature, rate limits, Redis failure mode" })
  @ApiParam({ name: 'tier', ...TIER_ENUM })
  @ApiOkResponse({ type: TierQuotaPolicyDto })
  tier(@Param('tier', ParseTierPipe) tier: Tier): TierQuotaPolicyDto {
    return this.quotas.tierPolicy(tier);
  }

  @Put('quotas/tiers/:tier')
  @ApiOperation({ summary: "Change a tier's limits (fields given are replaced; null = unlimited); audited" })
  @ApiParam({ name: 'tier', ...TIER_ENUM })
  @ApiOkResponse({ type: TierQuotaPolicyDto })
  updateTier(
    @Actor() actor: ActorContext,
    @Param('tier', ParseTierPipe) tier: Tier,
    @Body() body: UpdateTierPolicyDto,
  ): Promise<TierQuotaPolicyDto> {
    return this.quotas.updateTier(actor, tier, body.toPatch());
  }

  @Get('quotas/users/:id')
  @ApiOperation({ summary: "A user's quota today and their overrides" })
  @ApiOkResponse({ type: UserQuotaDto })
  @ApiErrors(404)
  async user(@Param('id', userId) id: string): Promise<UserQuotaDto> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', 'id');
    return { user_id: id, ...(await quotaView(this.quota, user)), overrides: this.quotas.overrides(id) };
  }

  @Put('quotas/users/:id')
  @ApiOperation({ summary: "Override a user's limits per feature (null = unlimited); audited" })
  @ApiOkResponse({ type: UserOverridesDto })
  @ApiErrors(404)
  async setUser(
    @Actor() actor: ActorContext,
    @Param('id', userId) id: string,
    @Body() body: UpdateUserOverridesDto,
  ): Promise<UserOverridesDto> {
    const features = FeatureLimitsByFeatureDto.limits(body.features);
    return { user_id: id, overrides: await this.quotas.setOverrides(actor, id, features) };
  }

  @Delete('quotas/users/:id')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a user's overrides (one feature, or all); audited" })
  @ApiNoContentResponse({ description: 'Removed' })
  clearUser(
    @Actor() actor: ActorContext,
    @Param('id', userId) id: string,
    @Query() query: ClearOverridesQueryDto,
  ): Promise<void> {
    return this.quotas.clearOverrides(actor, id, query.feature);
  }

  @Get('quota-requests')
  @ApiOperation({ summary: "Users' quota requests, newest first" })
  @ApiOkResponse({ type: QuotaRequestPageDto })
  async requests(@Query() query: QuotaRequestQueryDto): Promise<QuotaRequestPageDto> {
    const [rows, total] = await this.quotas.listRequests({
      status: query.status,
      page: query.page,
      pageSize: query.page_size,
    });
    return pageOf(
      rows.map((row) => QuotaRequestDto.from(row)),
      query,
      total,
    );
  }

  @Post('quota-requests/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Approve, with the requested limit or another (granted_limit): the user's override is written; audited",
  })
  @ApiOkResponse({ type: QuotaRequestDto })
  @ApiErrors(404, 409)
  async approve(
    @Actor() actor: ActorContext,
    @Param('id', requestId) id: string,
    @Body() body: ApproveDto,
  ): Promise<QuotaRequestDto> {
    return QuotaRequestDto.from(await this.quotas.decide(actor, id, true, body.reason, body.granted_limit));
  }

  @Post('quota-requests/:id/deny')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deny, with a reason; audited' })
  @ApiOkResponse({ type: QuotaRequestDto })
  @ApiErrors(404, 409)
  async deny(
    @Actor() actor: ActorContext,
    @Param('id', requestId) id: string,
    @Body() body: DenyDto,
  ): Promise<QuotaRequestDto> {
    return QuotaRequestDto.from(await this.quotas.decide(actor, id, false, body.reason));
  }
}
