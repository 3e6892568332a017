import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { ModelConfigCheck } from '@tiergate/catalog';
import { ModelConfigService, type ModelConfigDocument } from '@tiergate/model-selector';
import { ApiAdminErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import {
  ModelConfigDto,
  ModelRefDto,
  ModelRouteDto,
  ModelRouteInput,
  ModelSettingsDto,
  UpdateModelConfigDto,
} from './dto/model-config.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@ApiExtraModels(ModelRefDto, ModelRouteDto, ModelRouteInput, ModelSettingsDto)
@Roles('admin')
@Controller('api/v1/admin/model-config')
export class ModelConfigController {
  constructor(
    private readonly config: ModelConfigService,
    private readonly check: ModelConfigCheck,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The tier × modality model configuration (primary, fallbacks, purposes, allow-lists)',
  })
  @ApiOkResponse({ type: ModelConfigDto })
  get(): Promise<ModelConfigDto> {
    return this.withWarnings(this.config.document);
  }

  @Put()
  @ApiOperation({
    summary:
      'Change routes (per tier and modality, field by field), allow-lists or model settings; models missing from the catalog are refused unless `force`; audited',
  })
  @ApiOkResponse({ type: ModelConfigDto })
  async update(@Actor() actor: ActorContext, @Body() body: UpdateModelConfigDto): Promise<ModelConfigDto> {
    return this.withWarnings(await this.check.update(actor, body.toPatch(), { force: body.force === true }));
  }

  private async withWarnings(document: ModelConfigDocument): Promise<ModelConfigDto> {
    return { ...document, warnings: await this.check.missingModels(document) };
  }
}
