import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { CatalogService, type CatalogEntry } from '@tiergate/catalog';
import { ApiAdminErrors } from '../http/api-responses';
import { MODALITY_ENUM } from '../http/dto-fields';
import { parseModality } from '../together/models.controller';
import { ModelPricingDto } from '../together/dto/together-responses.dto';

export class AdminCatalogModelDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ ...MODALITY_ENUM, example: 'chat' }) modality!: string;
  @ApiProperty({ type: [String], example: ['chat', 'text'] }) modalities!: string[];
  @ApiProperty({ nullable: true, type: String }) organization!: string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) context_length!: number | null;
  @ApiProperty({ type: ModelPricingDto }) pricing!: ModelPricingDto;

  static from(model: CatalogEntry): AdminCatalogModelDto {
    return {
      id: model.id,
      name: model.name,
      modality: model.modality,
      modalities: model.modalities,
      organization: model.organization,
      context_length: model.contextLength,
      pricing: {
        input_per_million: model.pricing.inputPerMillion,
        output_per_million: model.pricing.outputPerMillion,
      },
    };
  }
}

export class AdminCatalogDto {
  @ApiProperty({ type: [AdminCatalogModelDto] }) models!: AdminCatalogModelDto[];
}

/** The whole upstream catalog, whatever the admin's own tier: what the model-route editor picks from. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/models')
export class AdminCatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ summary: "The primary provider's whole model catalog (cached 30 minutes)" })
  @ApiQuery({ name: 'modality', required: false, ...MODALITY_ENUM })
  @ApiOkResponse({ type: AdminCatalogDto })
  async list(@Query('modality') modality?: string): Promise<AdminCatalogDto> {
    const models = await this.catalog.models(parseModality(modality));
    return { models: models.map((model) => AdminCatalogModelDto.from(model)) };
  }
}
