import { describe, expect, it } from 'vitest';
import { pollWhileUploading, UPLOAD_POLL_MS, uploadBody, uploadSchema, type UploadValues } from './schema';
import type { ModelUpload, UploadStatus } from './types';

const base: UploadValues = {
  model_name: 'my-org/my-fine-tune',
  model_source: 'https://huggingface.co/my-org/my-fine-tune',
  model_type: 'model',
  base_model: '',
  lora_model: '',
  description: '',
};
const issues = (values: Partial<UploadValues>) =>
  uploadSchema
    .safeParse({ ...base, ...values })
    .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the upload form', () => {
  it('wants a name and a source, and a base model for an adapter', () => {
    expect(issues({})).toBeUndefined();
    expect(issues({ model_name: ' ', model_source: '' })).toEqual([
      'model_name: Name the model',
      'model_source: Where to get it: a Hugging Face repository or a URL',
    ]);
    expect(issues({ model_name: 'has spaces in it' })).toEqual([
      'model_name: Letters, digits, and . _ - / only',
    ]);
    expect(issues({ model_type: 'adapter' })).toEqual([
      'base_model: An adapter needs the base model it applies to',
    ]);
  });

  it('sends a base model only for an adapter, and optional fields only when given', () => {
    expect(uploadBody({ ...base, base_model: 'ignored for a model' })).toEqual({
      model_name: base.model_name,
      model_source: base.model_source,
      model_type: 'model',
    });
    expect(
      uploadBody({
        ...base,
        model_type: 'adapter',
        base_model: ' meta-llama/Llama-3-8b ',
        description: 'v2',
      }),
    ).toEqual({
      model_name: base.model_name,
      model_source: base.model_source,
      model_type: 'adapter',
      base_model: 'meta-llama/Llama-3-8b',
      description: 'v2',
    });
  });

  it.each<[UploadStatus[], number | false]>([
    [[], false],
    [['Complete', 'Failed'], false],
    [['Complete', 'Queued'], UPLOAD_POLL_MS],
    [['Running'], UPLOAD_POLL_MS],
  ])('polls %j: %s', (statuses, interval) => {
    expect(pollWhileUploading(statuses.map((status) => ({ status }) as ModelUpload))).toBe(interval);
  });
});
