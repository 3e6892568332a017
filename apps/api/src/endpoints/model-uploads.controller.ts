import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { NotFoundError } from '@tiergate/common';
import { DedicatedStats, ModelUploadsService } from '@tiergate/dedicated';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { DateRangeQueryDto } from '../usage/usage.dto';
import { CreateModelUploadDto, ModelUploadDto, ModelUploadListDto } from './dto/model-upload.dto';
import { ModelStatsDto } from './dto/usage-stats.dto';

const uploadId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Model upload', 'id') });

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/model-uploads')
export class ModelUploadsController {
  constructor(private readonly uploads: ModelUploadsService) {}

  @Get()
  @ApiOperation({ summary: 'Model and adapter uploads, newest first' })
  @ApiOkResponse({ type: ModelUploadListDto })
  async list(): Promise<ModelUploadListDto> {
    return { data: (await this.uploads.list()).map((u) => ModelUploadDto.from(u)) };
  }

  @Post()
  @ApiOperation({
    summary:
      'Upload a model or adapter to the provider; a worker follows its job to Complete or Failed; audited',
  })
  @ApiCreatedResponse({ type: ModelUploadDto })
  @ApiErrors(409)
  async create(@Actor() actor: ActorContext, @Body() body: CreateModelUploadDto): Promise<ModelUploadDto> {
    return ModelUploadDto.from(await this.uploads.create(actor, body.toInput()));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One upload and its job status' })
  @ApiOkResponse({ type: ModelUploadDto })
  @ApiErrors(404)
  async findOne(@Param('id', uploadId) id: string): Promise<ModelUploadDto> {
    return ModelUploadDto.from(await this.uploads.get(id));
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/models')
export class ModelStatsController {
  constructor(private readonly stats: DedicatedStats) {}

  @Get(':id/stats')
  @ApiOperation({
    summary:
      'Requests, tokens, latency and token cost of one model (URL-encode the id: a%2Fb), for whole days',
  })
  @ApiParam({ name: 'id', example: 'meta-llama%2FLlama-3.3-70B-Instruct-Turbo' })
  @ApiOkResponse({ type: ModelStatsDto })
  async usage(@Param('id') id: string, @Query() query: DateRangeQueryDto): Promise<ModelStatsDto> {
    const { from, to } = query.range();
    return ModelStatsDto.from(await this.stats.model(id, from, to));
  }
}
