import type { components } from '@/api/schema';

/** The admin model-uploads api's shapes (`/api/v1/admin/model-uploads`). */
export type ModelUpload = components['schemas']['ModelUploadDto'];
export type UploadStatus = ModelUpload['status'];
export type NewModelUpload = components['schemas']['CreateModelUploadDto'];
