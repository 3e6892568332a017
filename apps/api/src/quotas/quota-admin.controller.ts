import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles, UsersRepository } from '@tiergate/auth';
import { DomainError, ErrorCode, NotFoundError, TIERS, type Tier } from '@tiergate/common';
import { QuotaAdministration, QuotaService } from '@tiergate/quota';
import { Actor, type ActorContext } from '../http/call-context';
import { pageOf, type Page } from '../http/paging';
import { DecisionDto, QuotaRequestDto, QuotaRequestQueryDto } from './quota.dto';
import { quotaView } from './quota.controller';

const userId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('User', 'id') });
const requestId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Quota request', 'id') });

function parseTier(value: string): Tier {
  if (!(TIERS as readonly string[]).includes(value))
    throw new DomainError(ErrorCode.ValidationFailed, `tier must be one of ${TIERS.join(', ')}`, {
      param: 'tier',
    });
  return value as Tier;
}

@ApiTags('admin')
@ApiBearerAuth()
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
  tier(@Param('tier') tier: string) {
    return this.quotas.tierPolicy(parseTier(tier));
  }

  @Put('quotas/tiers/:tier')
  @ApiOperation({ summary: "Change a tier's limits (fields given are replaced; null = unlimited); audited" })
  @ApiBody({
    schema: { type: 'object', example: { features: { text_generation: { requests_per_day: 60 } } } },
  })
  updateTier(
    @Actor() actor: ActorContext,
    @Param('tier') tier: string,
    @Body() body: Record<string, unknown>,
  ) {
    return this.quotas.updateTier(actor, parseTier(tier), body);
  }

  @Get('quotas/users/:id')
  @ApiOperation({ summary: "A user's quota today and their overrides" })
  async user(@Param('id', userId) id: string) {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', 'id');
    return { user_id: id, ...(await quotaView(this.quota, user)), overrides: this.quotas.overrides(id) };
  }

  @Put('quotas/users/:id')
  @ApiOperation({ summary: "Override a user's limits per feature; audited" })
  @ApiBody({
    schema: { type: 'object', example: { features: { text_generation: { requests_per_day: 200 } } } },
  })
  async setUser(
    @Actor() actor: ActorContext,
    @Param('id', userId) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    return { user_id: id, overrides: await this.quotas.setOverrides(actor, id, body) };
  }

  @Delete('quotas/users/:id')
  @HttpCode(204)
  @ApiQuery({ name: 'feature', required: false })
  @ApiOperation({ summary: "Remove a user's overrides (one feature, or all); audited" })
  clearUser(
    @Actor() actor: ActorContext,
    @Param('id', userId) id: string,
    @Query('feature') feature?: string,
  ) {
    return this.quotas.clearOverrides(actor, id, feature);
  }

  @Get('quota-requests')
  @ApiOperation({ summary: "Users' quota requests, newest first" })
  async requests(@Query() query: QuotaRequestQueryDto): Promise<Page<QuotaRequestDto>> {
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
  @ApiOperation({ summary: "Approve: the user's override is written; audited" })
  async approve(@Actor() actor: ActorContext, @Param('id', requestId) id: string, @Body() body: DecisionDto) {
    return QuotaRequestDto.from(await this.quotas.decide(actor, id, true, body.reason));
  }

  @Post('quota-requests/:id/deny')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deny, with a reason; audited' })
  async deny(@Actor() actor: ActorContext, @Param('id', requestId) id: string, @Body() body: DecisionDto) {
    if (!body.reason)
      throw new DomainError(ErrorCode.ValidationFailed, 'reason is required to deny a request', {
        param: 'reason',
      });
    return QuotaRequestDto.from(await this.quotas.decide(actor, id, false, body.reason));
  }
}
