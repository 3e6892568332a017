import { Controller, Get, Headers, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { MODALITIES, TierModels } from '@tiergate/gateway';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { parseModality } from '../together/models.controller';

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
    const models = await this.models.available(caller.tier, parseModality(modality));
    const together = /^Together\//i.test(userAgent ?? '');
    const data = models.map((m) => ({
      id: m.id,
      object: 'model',
      created: 0,
      owned_by: m.organization ?? 'together_ai',
      type: m.modality,
      display_name: m.name,
      context_length: m.contextLength,
      pricing: { input: m.pricing.inputPerMillion, output: m.pricing.outputPerMillion },
    }));
    return together ? data : { object: 'list', data };
  }
}
