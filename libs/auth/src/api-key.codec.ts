import { hash, randomBytes } from 'node:crypto';

/** Personal API keys look like `tg_<43 base64url characters>` (256 bits of randomness). */
export const API_KEY_PREFIX = 'tg_';
const DISPLAY_PREFIX_LENGTH = 11;

export interface GeneratedApiKey {
  secret: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { secret, prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(secret) };
}

/** A fast hash is right here: the secret has 256 bits of entropy, so it cannot be guessed offline. */
export function hashApiKey(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX) && token.length === API_KEY_PREFIX.length + 43;
}
