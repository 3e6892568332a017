import { Controller, Get, Headers, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { TierModels, type TierModel } from '@tiergate/catalog';
import { MODALITIES } from '@tiergate/common';
import { ApiErrors } from '../http/api-responses';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { ModelIdPath } from '../http/model-id-path';
import { parseModality } from '../together/models.controller';

/** One model in OpenAI's shape, with Together's extra fields (type, name, context, prices). */
function openAiModel(model: TierModel) {
  return {
    id: model.id,
    object: 'model',
    created: 0,
    owned_by: model.organization ?? 'together_ai',
    type: model.modality,
    display_name: model.name,
    context_length: model.contextLength,
    pricing: { input: model.pricing.inputPerMillion, output: model.pricing.outputPerMillion },
  };
}

/**
 * The model list in the caller's dialect: Together's SDK expects a bare array (as Together serves
 * it), OpenAI's SDK and everyone else `{object: "list", data: [...]}`.
 */
@ApiTags('openai')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('v1/models')
export class OpenAiModelsController {
  constructor(private readonly models: TierModels) {}

  @Get()
  @ApiOperation({
    summary: "The caller's tier's models (OpenAI list; a bare array for Together SDK clients)",
  })
  @ApiQuery({ name: 'modality', required: false, enum: MODALITIES })
  async list(
    @CurrentUser() caller: Principal,
    @Headers('user-agent') userAgent: string | undefined,
    @Query('modality') modality?: string,
  ) {
    const data = (await this.models.available(caller.tier, parseModality(modality))).map(openAiModel);
    return /^Together\//i.test(userAgent ?? '') ? data : { object: 'list', data };
  }

  @Get('*')
  @ApiOperation({ summary: "One model's details (OpenAI shape), when the caller's tier may use it" })
  @ApiParam({ name: 'path', description: 'The model id, e.g. moonshotai/Kimi-K3 (slashes as is or %2F)' })
  @ApiErrors(404)
  async retrieve(@CurrentUser() caller: Principal, @ModelIdPath() id: string) {
    return openAiModel(await this.models.find(caller.tier, id));
  }
}
