const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "900", "15m", "1h", "7d" → seconds; undefined when the text is not a duration. */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNITS[match[2] || 's'];
  return seconds > 0 ? seconds : undefined;
}

/** An AES-256 key given as 64 hex characters or as base64 of 32 bytes; undefined otherwise. */
export function parseEncryptionKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, 'base64');
    return key.length === 32 ? key : undefined;
  }
  return undefined;
}
