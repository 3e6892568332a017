import { z } from 'zod';
import { secretKey } from '@/features/system-keys/schema';

export const addProviderSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,31}$/, '2-32 lowercase letters, digits, - or _, starting with a letter'),
  display_name: z.string().trim().min(1, 'Enter a name').max(100, 'At most 100 characters'),
  base_url: z
    .string()
    .trim()
    .max(500, 'At most 500 characters')
    .regex(/^https?:\/\/\S+$/i, 'An http(s) URL, e.g. https://llm.internal.example.com/v1'),
  key: secretKey,
});
export type AddProviderValues = z.infer<typeof addProviderSchema>;
