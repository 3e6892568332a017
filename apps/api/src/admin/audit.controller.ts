import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@tiergate/audit';
import { Roles } from '@tiergate/auth';
import { ApiAdminErrors } from '../http/api-responses';
import { pageOf } from '../http/paging';
import { AuditEntryDto, AuditEntryPageDto, AuditQueryDto } from './dto/admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Administrative changes, newest first: who, what, target, before and after' })
  @ApiOkResponse({ type: AuditEntryPageDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditEntryPageDto> {
    const { entries, total } = await this.audit.list({
      actorId: query.actor_id,
      action: query.action,
      targetType: query.target_type,
      targetId: query.target_id,
      since: query.since,
      until: query.until,
      page: query.page,
      pageSize: query.page_size,
    });
    return pageOf(
      entries.map((entry) => AuditEntryDto.from(entry)),
      query,
      total,
    );
  }
}
