import type { MantineColor } from '@mantine/core';
import { z } from 'zod';
import type { ModelUpload, NewModelUpload, UploadStatus } from './types';

export const UPLOAD_COLORS: Record<UploadStatus, MantineColor> = {
  Queued: 'gray',
  Running: 'blue',
  Complete: 'green',
  Failed: 'red',
};

/** Upload jobs that are still moving: the list is read again while one is. */
export const isUploadRunning = (status: UploadStatus): boolean => status === 'Queued' || status === 'Running';
export const UPLOAD_POLL_MS = 3_000;
export const pollWhileUploading = (uploads: readonly ModelUpload[] | undefined): number | false =>
  uploads?.some((upload) => isUploadRunning(upload.status)) ? UPLOAD_POLL_MS : false;

const optional = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/** The upload form: a model or an adapter (which needs the base model it applies to). */
export const uploadSchema = z
  .object({
    model_name: z
      .string()
      .trim()
      .min(1, 'Name the model')
      .max(255, 'At most 255 characters')
      .regex(/^[\w.\-/]*$/, 'Letters, digits, and . _ - / only'),
    model_source: z
      .string()
      .trim()
      .min(1, 'Where to get it: a Hugging Face repository or a URL')
      .max(2048, 'At most 2,048 characters'),
    model_type: z.enum(['model', 'adapter']),
    base_model: optional(255),
    lora_model: optional(255),
    description: optional(1000),
  })
  .refine((values) => values.model_type !== 'adapter' || values.base_model !== '', {
    message: 'An adapter needs the base model it applies to',
    path: ['base_model'],
  });
export type UploadValues = z.input<typeof uploadSchema>;

/** The request's body: optional fields only when given; a base model only for an adapter. */
export function uploadBody(values: UploadValues): NewModelUpload {
  const body: NewModelUpload = {
    model_name: values.model_name.trim(),
    model_source: values.model_source.trim(),
    model_type: values.model_type,
  };
  if (values.model_type === 'adapter') {
    if (values.base_model.trim()) body.base_model = values.base_model.trim();
    if (values.lora_model.trim()) body.lora_model = values.lora_model.trim();
  }
  if (values.description.trim()) body.description = values.description.trim();
  return body;
}
