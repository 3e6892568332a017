import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../me/dto/user.dto';

/** A dashboard session: who is signed in, until when, and the token to echo in `x-csrf-token`. */
export class SessionDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ format: 'date-time' }) expires_at!: string;
  @ApiProperty({
    description:
      'Send it back in the x-csrf-token header on every state-changing request (also in the tiergate_csrf cookie)',
  })
  csrf_token!: string;
}
