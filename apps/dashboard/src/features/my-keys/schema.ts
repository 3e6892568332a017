import { z } from 'zod';
import type { components } from '@/api/schema';

export type ApiKey = components['schemas']['ApiKeyDto'];
export type CreatedApiKey = components['schemas']['CreatedApiKeyDto'];
export type ProviderKey = components['schemas']['ProviderKeyDto'];
export type NewProviderKey = components['schemas']['CreateUserProviderKeyDto'];
export type ProviderKeyChanges = components['schemas']['UpdateUserProviderKeyDto'];

/** The providers a user may bring a key for (the specification: "Add API Key > Together AI"). */
export const USER_KEY_PROVIDERS = [{ value: 'together_ai', label: 'Together AI' }];
export const providerName = (id: string) =>
  USER_KEY_PROVIDERS.find((provider) => provider.value === id)?.label ?? id;

const label = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Give the ${what} a name`)
    .max(100, 'At most 100 characters')
    // eslint-disable-next-line no-control-regex -- control characters are what the API refuses
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'No control characters');

export const newApiKeySchema = z.object({ name: label('key') });

export const providerKeySchema = z.object({
  provider: z.string().min(1, 'Pick a provider'),
  key: z.string().trim().min(8, 'Paste the whole key'),
  label: z.union([label('key'), z.literal('')]),
  fallback_to_system: z.boolean(),
});

export const renameSchema = z.object({ label: label('key') });
