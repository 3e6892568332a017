import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UserAdministrationService } from '@tiergate/auth';
import { NotFoundError } from '@tiergate/common';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { pageOf } from '../http/paging';
import {
  AdminUserDto,
  AdminUserPageDto,
  CreateUserDto,
  UpdateUserDto,
  UserSearchQueryDto,
} from './dto/admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiAdminErrors()
@Roles('admin')
@Controller('api/v1/admin/users')
export class UsersController {
  constructor(private readonly users: UserAdministrationService) {}

  @Get()
  @ApiOperation({ summary: 'Search accounts by email or id, tier, role, state; paged' })
  @ApiOkResponse({ type: AdminUserPageDto })
  async search(@Query() query: UserSearchQueryDto): Promise<AdminUserPageDto> {
    const { users, total } = await this.users.search({ ...query, pageSize: query.page_size });
    return pageOf(
      users.map((user) => AdminUserDto.from(user)),
      query,
      total,
    );
  }

  @Post()
  @ApiOperation({ summary: 'Create an account (free tier and user role unless given); audited' })
  @ApiCreatedResponse({ type: AdminUserDto })
  @ApiErrors(409)
  async create(@Actor() actor: ActorContext, @Body() body: CreateUserDto): Promise<AdminUserDto> {
    return AdminUserDto.from(await this.users.create(actor, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's tier, role or active state (deactivation takes effect at once)" })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiErrors(404, 409)
  async update(
    @Actor() actor: ActorContext,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('User', 'id') })) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<AdminUserDto> {
    return AdminUserDto.from(await this.users.update(actor, id, body));
  }
}
