import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UserAdministrationService } from '@tiergate/auth';
import { NotFoundError } from '@tiergate/common';
import { Actor, type ActorContext } from '../http/call-context';
import { pageOf, type Page } from '../http/paging';
import { AdminUserDto, UpdateUserDto, UserSearchQueryDto } from './dto/admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/users')
export class UsersController {
  constructor(private readonly users: UserAdministrationService) {}

  @Get()
  @ApiOperation({ summary: 'Search accounts by email or id, tier, role, state; paged' })
  async search(@Query() query: UserSearchQueryDto): Promise<Page<AdminUserDto>> {
    const { users, total } = await this.users.search({ ...query, pageSize: query.page_size });
    return pageOf(
      users.map((user) => AdminUserDto.from(user)),
      query,
      total,
    );
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's tier, role or active state (deactivation takes effect at once)" })
  async update(
    @Actor() actor: ActorContext,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('User', 'id') })) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<AdminUserDto> {
    return AdminUserDto.from(await this.users.update(actor, id, body));
  }
}
