/**
 * PostgreSQL refusing a text value for its characters: SQLSTATE 22021 (`character_not_in_repertoire`,
 * a NUL in a text column) or 22P05 (`untranslatable_character`). The api checks what clients send
 * before it gets here (apps/api/src/http/text-checks.ts); this names what slipped past as the
 * client's input, not the server's failure.
 */
const UNSTORABLE_TEXT_SQLSTATES = new Set(['22021', '22P05']);

export function isUnstorableText(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  return UNSTORABLE_TEXT_SQLSTATES.has(String(code ?? driverError?.code));
}
