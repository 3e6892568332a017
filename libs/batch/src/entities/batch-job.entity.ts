import { Column, Entity, PrimaryColumn } from 'typeorm';

/** OpenAI's batch states, which Tiergate's API speaks. */
export const BATCH_STATUSES = [
  'validating',
  'in_progress',
  'finalizing',
  'completed',
  'failed',
  'expired',
  'cancelling',
  'cancelled',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** The states the follower still polls. */
export const ACTIVE_BATCH_STATUSES: readonly BatchStatus[] = [
  'validating',
  'in_progress',
  'finalizing',
  'cancelling',
];

/** One user's batch, and the Together job that runs it. */
@Entity({ name: 'batch_jobs' })
export class BatchJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The owner's tier when the batch was submitted (priced and reported under it). */
  @Column({ type: 'varchar', length: 32 })
  tier!: string;

  @Column({ name: 'input_file_id', type: 'varchar', length: 64 })
  inputFileId!: string;

  @Column({ type: 'varchar', length: 64 })
  endpoint!: string;

  @Column({ name: 'completion_window', type: 'varchar', length: 16 })
  completionWindow!: string;

  @Column({ type: 'varchar', length: 255 })
  model!: string;

  @Column({ type: 'varchar', length: 64 })
  provider!: string;

  @Column({ name: 'upstream_file_id', type: 'varchar', length: 128, nullable: true })
  upstreamFileId!: string | null;

  @Column({ name: 'upstream_batch_id', type: 'varchar', length: 128, nullable: true })
  upstreamBatchId!: string | null;

  /** The key (account) that submitted the job: it is followed with the same one. */
  @Column({ name: 'upstream_key_id', type: 'uuid', nullable: true })
  upstreamKeyId!: string | null;

  @Column({ name: 'key_source', type: 'varchar', length: 16 })
  keySource!: 'system' | 'user';

  @Column({ type: 'varchar', length: 16 })
  status!: BatchStatus;

  @Column({ name: 'upstream_status', type: 'varchar', length: 16, nullable: true })
  upstreamStatus!: string | null;

  @Column({ type: 'real' })
  progress!: number;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer' })
  completed!: number;

  @Column({ type: 'integer' })
  failed!: number;

  @Column({ name: 'output_file_id', type: 'varchar', length: 64, nullable: true })
  outputFileId!: string | null;

  @Column({ name: 'error_file_id', type: 'varchar', length: 64, nullable: true })
  errorFileId!: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  metadata!: Record<string, string> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'in_progress_at', type: 'timestamptz', nullable: true })
  inProgressAt!: Date | null;

  @Column({ name: 'finalizing_at', type: 'timestamptz', nullable: true })
  finalizingAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Column({ name: 'cancelling_at', type: 'timestamptz', nullable: true })
  cancellingAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'next_poll_at', type: 'timestamptz' })
  nextPollAt!: Date;

  @Column({ type: 'integer' })
  polls!: number;

  /** Set once every line of the job is in the usage ledger: it is never charged twice. */
  @Column({ name: 'usage_recorded_at', type: 'timestamptz', nullable: true })
  usageRecordedAt!: Date | null;
}
