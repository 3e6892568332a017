import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { BatchService } from '@tiergate/batch';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { ListBatchesQueryDto, TogetherCreateBatchDto } from './dto/batch-requests.dto';
import { BatchListDto, BatchObjectDto } from './dto/batch-responses.dto';

/**
 * The Together surface's batches (requirements document 003): the requests inline; the same
 * batches as `/v1/batches`.
 */
@ApiTags('together')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('api/v1/together/batches')
export class TogetherBatchesController {
  constructor(private readonly batches: BatchService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit chat requests as a batch (half price; results within 24 h)' })
  @ApiCreatedResponse({ type: BatchObjectDto })
  async create(
    @CurrentUser() caller: Principal,
    @Body() body: TogetherCreateBatchDto,
  ): Promise<BatchObjectDto> {
    const content = Buffer.from(body.requests.map((request) => JSON.stringify(request)).join('\n') + '\n');
    return BatchObjectDto.from(
      await this.batches.submitInline(caller, { content, completionWindow: body.completion_window }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Your batches, newest first' })
  @ApiOkResponse({ type: BatchListDto })
  async list(@CurrentUser() caller: Principal, @Query() query: ListBatchesQueryDto): Promise<BatchListDto> {
    return BatchListDto.from(await this.batches.list(caller, query.limit, query.after));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your batches' })
  @ApiOkResponse({ type: BatchObjectDto })
  async get(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<BatchObjectDto> {
    return BatchObjectDto.from(await this.batches.get(caller, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a batch' })
  @ApiOkResponse({ type: BatchObjectDto })
  async cancel(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<BatchObjectDto> {
    return BatchObjectDto.from(await this.batches.cancel(caller, id));
  }
}
