import { Column, Entity, PrimaryColumn } from 'typeorm';

export const UPLOAD_STATUSES = ['Queued', 'Running', 'Complete', 'Failed'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];
export const MODEL_TYPES = ['model', 'adapter'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** A model or adapter uploaded to Together, and the job that imports it. */
@Entity({ name: 'model_uploads' })
export class ModelUploadEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'job_id', type: 'varchar', length: 128 })
  jobId!: string;

  @Column({ type: 'varchar', length: 64 })
  provider!: string;

  /** What requests name as their model once the upload is complete. */
  @Column({ name: 'model_name', type: 'varchar', length: 255 })
  modelName!: string;

  @Column({ name: 'upstream_model_id', type: 'varchar', length: 128, nullable: true })
  upstreamModelId!: string | null;

  @Column({ name: 'model_type', type: 'varchar', length: 16 })
  modelType!: ModelType;

  @Column({ name: 'base_model', type: 'varchar', length: 255, nullable: true })
  baseModel!: string | null;

  @Column({ name: 'lora_model', type: 'varchar', length: 255, nullable: true })
  loraModel!: string | null;

  @Column({ name: 'model_source', type: 'text' })
  modelSource!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: UploadStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'next_poll_at', type: 'timestamptz' })
  nextPollAt!: Date;

  @Column({ type: 'integer' })
  polls!: number;
}
