import { randomUUID } from 'node:crypto';

/** OpenAI-style ids: `file-<hex>` and `batch_<hex>`. */
export const newFileId = () => `file-${randomUUID().replace(/-/g, '')}`;
export const newBatchId = () => `batch_${randomUUID().replace(/-/g, '')}`;
