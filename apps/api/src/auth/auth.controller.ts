import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, Public } from '@tiergate/auth';
import { ApiErrors } from '../http/api-responses';
import { UserDto } from '../me/dto/user.dto';
import { AccessTokenDto, LoginDto, RegisterDto } from './dto/credentials.dto';

@ApiTags('auth')
@Public()
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account (free tier)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 403, 409)
  async register(@Body() body: RegisterDto): Promise<UserDto> {
    return UserDto.from(await this.auth.register(body.email, body.password));
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for an access token' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(400, 401)
  login(@Body() body: LoginDto, @Ip() address: string): Promise<AccessTokenDto> {
    return this.auth.login(body.email, body.password, address);
  }
}
