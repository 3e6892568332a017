import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { NotFoundError } from '@tiergate/common';
import { DedicatedEndpointsService, DedicatedStats } from '@tiergate/dedicated';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { DateRangeQueryDto } from '../usage/usage.dto';
import {
  CreateEndpointDto,
  EndpointDto,
  EndpointListDto,
  HardwareDto,
  HardwareListDto,
  HardwareQueryDto,
  UpdateEndpointDto,
} from './dto/endpoint.dto';
import { EndpointStatsDto } from './dto/usage-stats.dto';

const endpointId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Endpoint', 'id') });

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/hardware')
export class HardwareController {
  constructor(private readonly endpoints: DedicatedEndpointsService) {}

  @Get()
  @ApiOperation({
    summary: 'Hardware for dedicated endpoints (for a model: those that fit it, with availability)',
  })
  @ApiOkResponse({ type: HardwareListDto })
  async list(@Query() query: HardwareQueryDto): Promise<HardwareListDto> {
    return { data: (await this.endpoints.hardware(query.model)).map((h) => HardwareDto.from(h)) };
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/endpoints')
export class EndpointsController {
  constructor(
    private readonly endpoints: DedicatedEndpointsService,
    private readonly stats: DedicatedStats,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dedicated endpoints, newest first' })
  @ApiOkResponse({ type: EndpointListDto })
  async list(): Promise<EndpointListDto> {
    return { data: (await this.endpoints.list()).map((e) => EndpointDto.from(e)) };
  }

  @Post()
  @ApiOperation({
    summary: 'Create a dedicated endpoint (it starts at once; a worker follows it to STARTED); audited',
  })
  @ApiCreatedResponse({ type: EndpointDto })
  @ApiErrors(409)
  async create(@Actor() actor: ActorContext, @Body() body: CreateEndpointDto): Promise<EndpointDto> {
    return EndpointDto.from(await this.endpoints.create(actor, body.toInput()));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dedicated endpoint' })
  @ApiOkResponse({ type: EndpointDto })
  @ApiErrors(404)
  async findOne(@Param('id', endpointId) id: string): Promise<EndpointDto> {
    return EndpointDto.from(await this.endpoints.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Start or stop an endpoint, change its replicas or display name; audited' })
  @ApiOkResponse({ type: EndpointDto })
  @ApiErrors(404)
  async update(
    @Actor() actor: ActorContext,
    @Param('id', endpointId) id: string,
    @Body() body: UpdateEndpointDto,
  ): Promise<EndpointDto> {
    return EndpointDto.from(await this.endpoints.update(actor, id, body.toPatch()));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint (its running time stays on record); audited' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async remove(@Actor() actor: ActorContext, @Param('id', endpointId) id: string): Promise<void> {
    await this.endpoints.delete(actor, id);
  }

  @Get(':id/stats')
  @ApiOperation({
    summary:
      "Requests, tokens, latency and cost of the endpoint's traffic (by its name) and its billed running time, for whole days",
  })
  @ApiOkResponse({ type: EndpointStatsDto })
  @ApiErrors(404)
  async usage(
    @Param('id', endpointId) id: string,
    @Query() query: DateRangeQueryDto,
  ): Promise<EndpointStatsDto> {
    const { from, to } = query.range();
    return EndpointStatsDto.fromEndpoint(await this.stats.endpoint(id, from, to));
  }
}
