import { Body, Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { QuotaAdministration, QuotaService } from '@tiergate/quota';
import { ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { pageOf, PageQueryDto } from '../http/paging';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { CreateQuotaRequestDto, QuotaRequestDto, QuotaRequestPageDto, QuotaViewDto } from './quota.dto';

/** The specification's quota view: per feature, used and limit today (null: unlimited), minutes for audio. */
export async function quotaView(
  quota: QuotaService,
  user: { id: string; tier: Principal['tier'] },
): Promise<QuotaViewDto> {
  const status = await quota.status(user);
  return {
    ...status.features,
    tier: user.tier,
    resets_at: status.resetsAt.toISOString(),
    rate_limits: status.rateLimits,
  };
}

@ApiTags('together')
@ApiBearerAuth()
@ApiErrors(401, 403, 503)
@UseGuards(TogetherAccessGuard)
@Controller('api/v1/together/quota')
export class QuotaController {
  constructor(private readonly quota: QuotaService) {}

  @Get()
  @ApiOperation({ summary: "The caller's quota today: used and limit per feature (minutes for audio)" })
  @ApiOkResponse({ type: QuotaViewDto })
  get(@CurrentUser() caller: Principal): Promise<QuotaViewDto> {
    return quotaView(this.quota, caller);
  }
}

@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('api/v1/me/quota-requests')
export class MyQuotaRequestsController {
  constructor(private readonly quotas: QuotaAdministration) {}

  @Post()
  @ApiOperation({ summary: 'Ask for a higher limit on a feature; an admin approves or denies it' })
  @ApiCreatedResponse({ type: QuotaRequestDto })
  @ApiErrors(409)
  async create(@Actor() user: ActorContext, @Body() body: CreateQuotaRequestDto): Promise<QuotaRequestDto> {
    const request = await this.quotas.submitRequest(user, {
      feature: body.feature,
      limitName: body.limit,
      requestedLimit: body.requested_limit,
      reason: body.reason,
    });
    return QuotaRequestDto.from(request);
  }

  @Get()
  @ApiOperation({ summary: 'Your quota requests and their status' })
  @ApiOkResponse({ type: QuotaRequestPageDto })
  async list(@Actor() user: ActorContext, @Query() query: PageQueryDto): Promise<QuotaRequestPageDto> {
    const [rows, total] = await this.quotas.listRequests({
      userId: user.id,
      page: query.page,
      pageSize: query.page_size,
    });
    return pageOf(
      rows.map((row) => QuotaRequestDto.from(row)),
      query,
      total,
    );
  }
}
