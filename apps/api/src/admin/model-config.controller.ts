import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { ModelConfigCheck } from '@tiergate/gateway';
import { ModelConfigService } from '@tiergate/model-selector';
import { Actor, type ActorContext } from '../http/call-context';

@ApiTags('admin')
@ApiBearerAuth()
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
  async get() {
    return { ...this.config.document, warnings: await this.check.missingModels(this.config.document) };
  }

  @Put()
  @ApiOperation({
    summary: 'Change routes (per tier and modality, replaced whole), allow-lists or model settings; audited',
  })
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        tiers: {
          free: {
            routes: { chat: { primary: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', fallbacks: [] } },
          },
        },
      },
    },
  })
  async update(@Actor() actor: ActorContext, @Body() body: Record<string, unknown>) {
    const document = await this.config.update(actor, body);
    return { ...document, warnings: await this.check.missingModels(document) };
  }
}
