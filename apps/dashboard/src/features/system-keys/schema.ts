import { z } from 'zod';

/** The longest grace period the api accepts for a rotation (7 days). */
export const MAX_GRACE_SECONDS = 7 * 86_400;

/** A provider key as the api accepts it: 8-512 printable characters, no spaces. */
export const secretKey = z
  .string()
  .min(1, 'Enter the key')
  .min(8, 'This is too short to be a provider API key')
  .max(512, 'At most 512 characters')
  .regex(/^[\x21-\x7e]+$/, 'Printable characters only, without spaces');

export const addKeySchema = z.object({
  provider: z.string().min(1, 'Choose a provider'),
  label: z.string().trim().min(1, 'Give the key a label').max(100, 'At most 100 characters'),
  key: secretKey,
});
export type AddKeyValues = z.infer<typeof addKeySchema>;

export const rotateKeySchema = z.object({
  key: secretKey,
  /** Empty: the server's default (PROVIDER_KEY_GRACE_PERIOD). */
  grace_period_seconds: z.union([
    z.literal(''),
    z
      .number({ message: 'A whole number of seconds' })
      .int('A whole number of seconds')
      .min(0, 'At least 0')
      .max(MAX_GRACE_SECONDS, `At most ${MAX_GRACE_SECONDS.toLocaleString('en-US')} seconds (7 days)`),
  ]),
});
export type RotateKeyValues = z.infer<typeof rotateKeySchema>;

/** The rotate request's body: the grace period only when one was typed. */
export function rotationBody(values: RotateKeyValues): { key: string; grace_period_seconds?: number } {
  return values.grace_period_seconds === ''
    ? { key: values.key }
    : { key: values.key, grace_period_seconds: values.grace_period_seconds };
}

/** "15 minutes", "2 hours 30 minutes", "7 days": a grace period in words. */
export function describeSeconds(seconds: number): string {
  if (seconds === 0) return 'at once';
  const units: Array<[number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    rest -= count * size;
  }
  return parts.slice(0, 2).join(' ');
}
