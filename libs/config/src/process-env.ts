/** The one place the process environment is read (everything else receives typed config). */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}
