import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, Public } from '@tiergate/auth';
import { UserDto } from '../me/dto/user.dto';
import { AccessTokenDto, LoginDto, RegisterDto } from './dto/credentials.dto';

@ApiTags('auth')
@Public()
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account (free tier)' })
  async register(@Body() body: RegisterDto): Promise<UserDto> {
    return UserDto.from(await this.auth.register(body.email, body.password));
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for an access token' })
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body.email, body.password);
  }
}
