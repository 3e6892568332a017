import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type Principal } from '@tiergate/auth';
import { DomainError, ErrorCode, type Tier } from '@tiergate/common';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import { ProviderRegistry } from '@tiergate/provider';
import {
  BillingService,
  CapacityCosts,
  PriceBook,
  UsageExport,
  UsageLog,
  UsageReports,
  UsageSeries,
  roundUsd,
  type CapacityCost,
  type UsageFilter,
} from '@tiergate/usage';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { csvStream, jsonStream, xlsxStream } from './usage-export.writer';
import { UsageEventPageDto, UsageEventsQueryDto } from './usage-log.dto';
import { UsageSeriesDto, UsageSeriesQueryDto } from './usage-series.dto';
import {
  BillingDto,
  DateRangeQueryDto,
  GatewayStatsDto,
  ModelPriceDto,
  MyUsageDto,
  PriceTableDto,
  StatsQueryDto,
  UpdatePricesDto,
  UsageExportQueryDto,
  UsageExportRowDto,
  UsageReportDto,
  UsageReportQueryDto,
} from './usage.dto';

@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/me')
export class MyUsageController {
  constructor(
    private readonly reports: UsageReports,
    private readonly billing: BillingService,
    private readonly keys: UpstreamKeyResolver,
    private readonly providers: ProviderRegistry,
  ) {}

  @Get('usage')
  @ApiOperation({ summary: 'Your usage by day, feature and model (the last 30 days by default)' })
  @ApiOkResponse({ type: MyUsageDto })
  @ApiErrors(400)
  usage(@CurrentUser() user: Principal, @Query() query: DateRangeQueryDto) {
    const { from, to } = query.range();
    return this.reports.forUser(user.id, from, to);
  }

  @Get('billing')
  @ApiOperation({
    summary: "This month's credits (allocation, used, remaining) and charge (10% off with your own key)",
  })
  @ApiOkResponse({ type: BillingDto })
  async bill(@CurrentUser() user: Principal): Promise<BillingDto> {
    const ownKey = await this.keys.usesOwnKey(user, this.providers.primary.id);
    return this.billing.forUser(user, { ownKey });
  }
}

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', write: csvStream },
  json: { type: 'application/json; charset=utf-8', write: jsonStream },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: xlsxStream },
} as const;

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@ApiExtraModels(ModelPriceDto, UsageExportRowDto)
@Roles('admin')
@Controller('api/v1/admin')
export class AdminUsageController {
  constructor(
    private readonly reports: UsageReports,
    private readonly exports: UsageExport,
    private readonly prices: PriceBook,
    private readonly log: UsageLog,
    private readonly series: UsageSeries,
    private readonly capacity: CapacityCosts,
  ) {}

  @Get('usage')
  @ApiOperation({
    summary: 'Usage totals with filters, grouped by day, model, user, tier or feature (from daily rollups)',
  })
  @ApiOkResponse({ type: UsageReportDto })
  async usage(@Query() query: UsageReportQueryDto): Promise<UsageReportDto> {
    const filter = query.filter();
    const [report, capacity] = await Promise.all([
      this.reports.report(filter, query.group_by ?? 'day'),
      this.capacityFor(filter),
    ]);
    return {
      ...report,
      dedicated_endpoints: capacity,
      total_cost_usd: roundUsd(report.totals.cost_usd + (capacity?.cost_usd ?? 0)),
    };
  }

  /** Endpoints' running time belongs to no user, tier or feature: reported by dates and model only. */
  private capacityFor(filter: UsageFilter): Promise<CapacityCost | null> {
    const { userId, tier, feature, keySource, status } = filter;
    if ([userId, tier, feature, keySource, status].some((value) => value !== undefined))
      return Promise.resolve(null);
    return this.capacity.between(filter.from, filter.to, filter.model);
  }

  @Get('usage/export')
  @ApiOperation({ summary: 'The raw ledger rows for the filters, streamed as csv, json or xlsx' })
  @ApiProduces('text/csv', 'application/json', FORMATS.xlsx.type)
  @ApiOkResponse({
    description: 'A file download (content-disposition: attachment) in the format asked for',
    content: {
      'text/csv': { schema: { type: 'string', description: 'CSV with a header row' } },
      'application/json': {
        schema: { type: 'array', items: { $ref: getSchemaPath(UsageExportRowDto) } },
      },
      [FORMATS.xlsx.type]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  export(@Query() query: UsageExportQueryDto, @Res() reply: FastifyReply) {
    const format = FORMATS[query.format ?? 'csv'];
    const { from, to } = query.range();
    void reply
      .header('content-type', format.type)
      .header('content-disposition', `attachment; filename="usage-${from}-${to}.${query.format ?? 'csv'}"`)
      .send(format.write(this.exports.rows(query.filter())));
  }

  @Get('usage/events')
  @ApiOperation({
    summary:
      'The Request Log: raw ledger rows for the filters, newest first, with the user’s email; paged by cursor (next_cursor)',
  })
  @ApiOkResponse({ type: UsageEventPageDto })
  async events(@Query() query: UsageEventsQueryDto): Promise<UsageEventPageDto> {
    return UsageEventPageDto.from(
      await this.log.page(query.filter(), { cursor: query.cursor, limit: query.limit }),
    );
  }

  @Get('usage/series')
  @ApiOperation({
    summary:
      'Daily series for charts, split by model, tier or feature (top keys, the rest as "other"), from the daily rollups',
  })
  @ApiOkResponse({ type: UsageSeriesDto })
  async usageSeries(@Query() query: UsageSeriesQueryDto): Promise<UsageSeriesDto> {
    return UsageSeriesDto.from(await this.series.daily(query.filter(), query.split_by, query.top));
  }

  @Get('gateway/stats')
  @ApiOperation({ summary: 'Gateway statistics over a time range (24h, 7d, ...), as in the specification' })
  @ApiOkResponse({ type: GatewayStatsDto })
  async stats(@Query() query: StatsQueryDto) {
    const stats = await this.reports.stats(parseTimeRange(query.time_range ?? '24h'));
    const capacity = await this.capacity.between(stats.from, stats.to);
    return {
      ...stats,
      token_cost_usd: stats.total_cost_usd,
      dedicated_endpoints_cost_usd: capacity.cost_usd,
      total_cost_usd: roundUsd(stats.total_cost_usd + capacity.cost_usd),
    };
  }

  @Get('prices')
  @ApiOperation({
    summary: 'The price table for what the catalog does not price, and the tiers’ monthly credits',
  })
  @ApiOkResponse({ type: PriceTableDto })
  priceTable(): PriceTableDto {
    return this.priceView();
  }

  @Put('prices')
  @ApiOperation({
    summary:
      'Change prices (USD): image_per_megapixel, speech_per_million_characters, transcription_per_minute, models, tier_credits_usd; audited',
  })
  @ApiOkResponse({ type: PriceTableDto })
  async updatePrices(@Actor() actor: ActorContext, @Body() body: UpdatePricesDto): Promise<PriceTableDto> {
    await this.prices.update(actor, body.toChanges());
    return this.priceView();
  }

  private priceView(): PriceTableDto {
    const credits = (tier: Tier) => this.prices.creditsFor(tier);
    return {
      ...this.prices.table,
      effective_tier_credits_usd: {
        free: credits('free'),
        premium: credits('premium'),
        enterprise: credits('enterprise'),
      },
    };
  }
}

/** `24h`, `7d` → hours (1 hour to 90 days). */
export function parseTimeRange(text: string): number {
  const match = /^(\d{1,4})([hd])$/.exec(text.trim());
  const hours = match ? Number(match[1]) * (match[2] === 'd' ? 24 : 1) : NaN;
  if (!(hours >= 1 && hours <= 90 * 24))
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'time_range must be hours or days such as 24h or 7d (up to 90d)',
      {
        param: 'time_range',
      },
    );
  return hours;
}
