import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import { ApiConfig } from '@tiergate/config';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthService } from './auth.service';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { LoginThrottle } from './login-throttle';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { AuthenticationGuard, RolesGuard } from './guards';
import { PasswordHasher } from './password.hasher';
import { PrincipalCache } from './principal-cache';
import { Authenticator } from './authenticator';
import { JWT_ALGORITHM } from './strategies/jwt.strategy';
import { UserAdministrationService } from './user-administration.service';
import { UsersRepository } from './users.repository';

/** Users, personal API keys and the global guards (authentication, then roles). */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, ApiKeyEntity, SessionEntity]),
    AuditModule,
    JwtModule.registerAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.auth.jwtTtlSeconds },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  providers: [
    PrincipalCache,
    UsersRepository,
    ApiKeysRepository,
    SessionsRepository,
    SessionsService,
    LoginThrottle,
    PasswordHasher,
    AuthService,
    ApiKeysService,
    Authenticator,
    BootstrapAdminService,
    UserAdministrationService,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [
    AuthService,
    ApiKeysService,
    SessionsService,
    UsersRepository,
    UserAdministrationService,
    PrincipalCache,
  ],
})
export class AuthModule {}
