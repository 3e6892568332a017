/**
 * Text Tiergate refuses wherever a client can put it: the NUL character, which PostgreSQL cannot
 * store in a text column, and unpaired UTF-16 surrogates, which are not Unicode text at all (UTF-8
 * cannot encode them, and validators such as `isEmail` throw on them). In JSON both only arrive
 * escaped (`\u0000`, `\ud800`), so callers look for the escape in the raw text first.
 */
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;

/** A JSON text's escapes that can decode to such a character: `\u0000` and `\uD800`–`\uDFFF`. */
export const SUSPECT_JSON_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** What is wrong with a string as text, as a phrase after its field's name; undefined if nothing. */
export function unacceptableTextProblem(text: string): string | undefined {
  if (text.includes('\0')) return 'contains a NUL character (\\u0000), which is not accepted';
  if (UNPAIRED_SURROGATE.test(text)) {
    return 'contains an unpaired UTF-16 surrogate (such as \\ud800), which is not valid Unicode text';
  }
  return undefined;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The first string, or object key, in a parsed JSON value that is not acceptable text: its field
 * path (`messages[1].content`; `root` for the value itself) and the problem.
 */
export function findUnacceptableText(
  value: unknown,
  root: string,
  path = '',
): { field: string; problem: string } | undefined {
  if (typeof value === 'string') {
    const problem = unacceptableTextProblem(value);
    return problem ? { field: path || root, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnacceptableText(value[i], root, childPath(path, i));
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unacceptableTextProblem(key);
      if (keyProblem) return { field: path || root, problem: `has a key that ${keyProblem}` };
      const found = findUnacceptableText(item, root, childPath(path, key));
      if (found) return found;
    }
  }
  return undefined;
}
