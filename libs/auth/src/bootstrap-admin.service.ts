import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { PasswordHasher } from './password.hasher';
import { UsersRepository } from './users.repository';

/**
 * Creates the bootstrap admin from ADMIN_EMAIL / ADMIN_PASSWORD when it does not exist yet
 * (idempotent across restarts and instances). Without ADMIN_PASSWORD, a password is generated and
 * printed once, on the start that creates the account; it never goes through the logger.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email, password } = this.config.admin;
    if (await this.users.findByEmail(email)) return;
    const chosen = password ?? randomBytes(18).toString('base64url');
    const created = await this.users.insert({
      email,
      passwordHash: await this.hasher.hash(chosen),
      role: 'admin',
      tier: 'enterprise',
    });
    if (!created) return; // another instance created it first
    this.logger.log(`Created the bootstrap admin account ${email}`);
    if (!password) {
      process.stdout.write(
        `\n  Bootstrap admin: ${email}\n  Generated password (shown once; sign in to the dashboard and change it under Account, or set ADMIN_PASSWORD): ${chosen}\n\n`,
      );
    }
  }
}
