import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiConfig } from '@tiergate/config';
import {
  EmailTakenError,
  InvalidCredentialsError,
  RegistrationClosedError,
  WrongPasswordError,
} from './auth.errors';
import { UserEntity } from './entities/user.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password.hasher';
import { UsersRepository } from './users.repository';

export interface AccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** The claims we sign. Role and tier are read from the database on every request, not from here. */
export interface JwtClaims {
  sub: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: ApiConfig,
    private readonly throttle: LoginThrottle,
  ) {}

  async register(email: string, password: string): Promise<UserEntity> {
    if (!this.config.auth.allowRegistration) throw new RegistrationClosedError();
    const created = await this.users.insert({
      email,
      passwordHash: await this.hasher.hash(password),
      role: 'user',
      tier: 'free',
    });
    if (!created) throw new EmailTakenError();
    return created;
  }

  async login(email: string, password: string, address?: string): Promise<AccessToken> {
    return this.issueToken((await this.verifyCredentials(email, password, address)).id);
  }

  /**
   * The active user with these credentials (the same answer and timing for every kind of
   * failure), within the sign-in throttle's limits for the account and the address.
   */
  async verifyCredentials(email: string, password: string, address?: string): Promise<UserEntity> {
    const attempt = { email, address };
    await this.throttle.check(attempt);
    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(attempt);
      throw new InvalidCredentialsError();
    }
    await this.throttle.recordSuccess(attempt);
    return user;
  }

  /** Changes the caller's own password after checking the current one. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword)))
      throw new WrongPasswordError();
    await this.users.setPasswordHash(userId, await this.hasher.hash(newPassword));
  }

  issueToken(userId: string): AccessToken {
    const claims: JwtClaims = { sub: userId };
    return {
      access_token: this.jwt.sign(claims),
      token_type: 'Bearer',
      expires_in: this.config.auth.jwtTtlSeconds,
    };
  }
}
