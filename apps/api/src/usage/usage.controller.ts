import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type Principal } from '@tiergate/auth';
import { DomainError, ErrorCode } from '@tiergate/common';
import { BillingService, PriceBook, UsageExport, UsageReports } from '@tiergate/usage';
import { Actor, type ActorContext } from '../http/call-context';
import { csvStream, jsonStream, xlsxStream } from './usage-export.writer';
import { DateRangeQueryDto, StatsQueryDto, UsageExportQueryDto, UsageReportQueryDto } from './usage.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MyUsageController {
  constructor(
    private readonly reports: UsageReports,
    private readonly billing: BillingService,
  ) {}

  @Get('usage')
  @ApiOperation({ summary: 'Your usage by day, feature and model (the last 30 days by default)' })
  usage(@CurrentUser() user: Principal, @Query() query: DateRangeQueryDto) {
    const { from, to } = query.range();
    return this.reports.forUser(user.id, from, to);
  }

  @Get('billing')
  @ApiOperation({
    summary: "This month's credits (allocation, used, remaining) and charge (10% off with your own key)",
  })
  bill(@CurrentUser() user: Principal) {
    return this.billing.forUser(user);
  }
}

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', write: csvStream },
  json: { type: 'application/json; charset=utf-8', write: jsonStream },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: xlsxStream },
} as const;

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin')
export class AdminUsageController {
  constructor(
    private readonly reports: UsageReports,
    private readonly exports: UsageExport,
    private readonly prices: PriceBook,
  ) {}

  @Get('usage')
  @ApiOperation({
    summary: 'Usage totals with filters, grouped by day, model, user, tier or feature (from daily rollups)',
  })
  usage(@Query() query: UsageReportQueryDto) {
    return this.reports.report(query.filter(), query.group_by ?? 'day');
  }

  @Get('usage/export')
  @ApiOperation({ summary: 'The raw ledger rows for the filters, streamed as csv, json or xlsx' })
  export(@Query() query: UsageExportQueryDto, @Res() reply: FastifyReply) {
    const format = FORMATS[query.format ?? 'csv'];
    const { from, to } = query.range();
    void reply
      .header('content-type', format.type)
      .header('content-disposition', `attachment; filename="usage-${from}-${to}.${query.format ?? 'csv'}"`)
      .send(format.write(this.exports.rows(query.filter())));
  }

  @Get('gateway/stats')
  @ApiOperation({ summary: 'Gateway statistics over a time range (24h, 7d, ...), as in the seed' })
  stats(@Query() query: StatsQueryDto) {
    return this.reports.stats(parseTimeRange(query.time_range ?? '24h'));
  }

  @Get('prices')
  @ApiOperation({
    summary: 'The price table for what the catalog does not price, and the tiers’ monthly credits',
  })
  priceTable() {
    return this.prices.table;
  }

  @Put('prices')
  @ApiOperation({
    summary:
      'Change prices (USD): image_per_megapixel, speech_per_million_characters, transcription_per_minute, models, tier_credits_usd; audited',
  })
  @ApiBody({ schema: { type: 'object', example: { image_per_megapixel: 0.003 } } })
  updatePrices(@Actor() actor: ActorContext, @Body() body: Record<string, unknown>) {
    return this.prices.update(actor, body);
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
