import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-recommended memory and time costs). */
@Injectable()
export class PasswordHasher {
  /** A hash of a random string, verified against when the email is unknown, so timing says nothing. */
  private readonly decoy = argon2.hash('tiergate-decoy-password');

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
