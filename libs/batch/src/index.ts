export { BatchModule } from './batch.module';
export { BatchService, type BatchCaller, type NewBatch } from './batch.service';
export { BatchFollower } from './batch-follower';
export { BATCH_QUEUE, BATCH_SWEEP_SCHEDULER, type BatchSweepJob } from './batch-queue';
export { BATCH_SETTINGS, DEFAULT_BATCH_SETTINGS, pollDelayMs, type BatchSettings } from './batch.settings';
export {
  BatchLineError,
  BatchesNotAllowedError,
  BatchNotCancellableError,
  FileInUseError,
} from './batch.errors';
export {
  validateBatchInput,
  togetherInput,
  BATCH_ENDPOINT,
  type BatchInput,
  type BatchLimits,
  type BatchRequestLine,
} from './batch-input.validation';
export { readBatchResults, openAiResultFiles, type BatchLineResult } from './batch-results';
export { batchRequestId } from './batch-usage';
export { BatchFileEntity, BATCH_FILE_PURPOSES, type BatchFilePurpose } from './entities/batch-file.entity';
export {
  BatchJobEntity,
  BATCH_STATUSES,
  ACTIVE_BATCH_STATUSES,
  type BatchStatus,
} from './entities/batch-job.entity';
