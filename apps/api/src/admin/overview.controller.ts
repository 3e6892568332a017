import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tiergate/auth';
import { OverviewService } from '@tiergate/overview';
import { ApiAdminErrors } from '../http/api-responses';
import { OverviewDto } from './dto/overview.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOperation({
    summary:
      'Everything the Overview page shows, in one call: health, open circuit breakers, the usage queue, the last 24 hours by hour, today',
  })
  @ApiOkResponse({ type: OverviewDto })
  get(): Promise<OverviewDto> {
    return this.overview.snapshot();
  }
}
