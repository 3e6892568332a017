import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ToBoolean, ToInt } from './env-decorators';
import { ApiStoresEnv } from './api-env-stores.schema';

/** Sign-in and sessions, the bootstrap admin account, and the keys that encrypt secrets at rest. */
export class ApiAuthEnv extends ApiStoresEnv {
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 1h or 7d' })
  JWT_TTL: string = '1h';

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 12h or 7d' })
  SESSION_TTL: string = '12h';

  @ToInt()
  @IsInt({ message: 'must be a whole number of attempts' })
  @Min(1)
  LOGIN_MAX_FAILURES: number = 10;

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m or 1h' })
  LOGIN_FAILURE_WINDOW: string = '15m';

  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_REGISTRATION: boolean = true;

  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  ADMIN_EMAIL: string = 'admin@tiergate.local';

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'must be 32 bytes as 64 hex characters or base64 (openssl rand -base64 32)',
  })
  ENCRYPTION_KEY?: string;

  @IsOptional()
  @Matches(
    /^\s*([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)(\s*,\s*([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?))*\s*$/,
    {
      message:
        'must be a comma-separated list of 32-byte keys (hex or base64), the keys ENCRYPTION_KEY replaced',
    },
  )
  ENCRYPTION_KEY_PREVIOUS?: string;
}
