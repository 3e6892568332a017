import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, UserAdministrationService } from '@tiergate/auth';
import { NotFoundError } from '@tiergate/common';
import { ApiAdminErrors, ApiErrors } from '../http/api-responses';
import { Actor, type ActorContext } from '../http/call-context';
import { pageOf } from '../http/paging';
import {
  AdminUserDto,
  AdminUserPageDto,
  CreateUserDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserSearchQueryDto,
} from './dto/admin.dto';

const userId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('User', 'id') });

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
    @Param('id', userId) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<AdminUserDto> {
    return AdminUserDto.from(await this.users.update(actor, id, body));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiErrors(404)
  async findOne(@Param('id', userId) id: string): Promise<AdminUserDto> {
    return AdminUserDto.from(await this.users.findById(id));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({
    summary: "Set a user's password; their dashboard sessions end. Audited, never with the password",
  })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async resetPassword(
    @Actor() actor: ActorContext,
    @Param('id', userId) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    await this.users.resetPassword(actor, id, body.password);
  }
}
