import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { DomainError, ErrorCode } from '@tiergate/common';
import { FeatureFlagsService } from '@tiergate/flags';
import { TierModels, type TierModel } from '@tiergate/catalog';
import { MODALITIES, type Modality } from '@tiergate/common';
import { CatalogModelDto, ModelsResponseDto } from './dto/together-responses.dto';

export function parseModality(value: string | undefined): Modality | undefined {
  if (value === undefined || value === '') return undefined;
  if (!MODALITIES.includes(value as Modality))
    throw new DomainError(ErrorCode.ValidationFailed, `modality must be one of ${MODALITIES.join(', ')}`, {
      param: 'modality',
    });
  return value as Modality;
}

import { ApiErrors } from '../http/api-responses';
import { ModelIdPath } from '../http/model-id-path';
import { MODALITY_ENUM } from '../http/dto-fields';
import { TogetherAccessGuard } from '../http/together-access.guard';

@ApiTags('together')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('api/v1/together/models')
export class ModelsController {
  constructor(
    private readonly models: TierModels,
    private readonly flags: FeatureFlagsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The models the caller's tier may use, from the upstream catalog (cached 30 minutes)",
  })
  @ApiQuery({ name: 'modality', required: false, ...MODALITY_ENUM })
  @ApiOkResponse({ type: ModelsResponseDto })
  @ApiErrors(400, 401, 403, 503)
  async list(
    @CurrentUser() caller: Principal,
    @Query('modality') modality?: string,
  ): Promise<ModelsResponseDto> {
    const models = await this.models.available(caller.tier, parseModality(modality));
    return {
      models: models.map((m) => this.catalogModel(caller, m, modality)),
      user_tier: caller.tier,
      free_tier_enabled: this.flags.isEnabled('together_ai_free_tier'),
    };
  }

  @Get('*')
  @ApiOperation({ summary: "One model's details, as in the list, when the caller's tier may use it" })
  @ApiParam({ name: 'path', description: 'The model id, e.g. moonshotai/Kimi-K3 (slashes as is or %2F)' })
  @ApiOkResponse({ type: CatalogModelDto })
  @ApiErrors(401, 403, 404, 503)
  async retrieve(@CurrentUser() caller: Principal, @ModelIdPath() id: string): Promise<CatalogModelDto> {
    return this.catalogModel(caller, await this.models.find(caller.tier, id));
  }

  private catalogModel(caller: Principal, m: TierModel, modality?: string): CatalogModelDto {
    return {
      id: m.id,
      name: m.name,
      modality: modality ?? m.modality,
      modalities: m.modalities,
      context_length: m.contextLength,
      pricing: {
        input_per_million: m.pricing.inputPerMillion,
        output_per_million: m.pricing.outputPerMillion,
      },
      ...(this.flags.isEnabled('together_ai_ui_indicators') && {
        indicator: {
          provider_id: m.providerId,
          display_name: m.providerName,
          is_free_tier: caller.tier === 'free',
          is_fallback: !m.isPrimary,
        },
      }),
    };
  }
}
