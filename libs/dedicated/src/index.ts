export { DedicatedModule } from './dedicated.module';
export {
  DedicatedEndpointsService,
  type NewEndpoint,
  type EndpointPatch,
} from './dedicated-endpoints.service';
export { ModelUploadsService, type NewUpload } from './model-uploads.service';
export { DedicatedFollower } from './dedicated-follower';
export { DedicatedStats, runningTime, type EndpointStats, type ModelStats } from './dedicated-stats';
export {
  DEDICATED_SETTINGS,
  DEFAULT_DEDICATED_SETTINGS,
  DEDICATED_QUEUE,
  DEDICATED_SWEEP_SCHEDULER,
  type DedicatedSettings,
  type DedicatedSweepJob,
} from './dedicated.settings';
export { HardwareUnavailableError } from './dedicated.errors';
export {
  DedicatedEndpointEntity,
  ENDPOINT_STATES,
  type EndpointState,
} from './entities/dedicated-endpoint.entity';
export {
  ModelUploadEntity,
  UPLOAD_STATUSES,
  MODEL_TYPES,
  type UploadStatus,
  type ModelType,
} from './entities/model-upload.entity';
