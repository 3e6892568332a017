import { Column, Entity, PrimaryColumn } from 'typeorm';

export const BATCH_FILE_PURPOSES = ['batch', 'batch_output', 'batch_error'] as const;
export type BatchFilePurpose = (typeof BATCH_FILE_PURPOSES)[number];

/** A file a user uploaded for a batch, or one a batch produced (its output or errors). */
@Entity({ name: 'batch_files' })
export class BatchFileEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: BatchFilePurpose;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ name: 'line_count', type: 'integer' })
  lineCount!: number;

  /** The batch that produced it (outputs and errors). */
  @Column({ name: 'batch_id', type: 'varchar', length: 64, nullable: true })
  batchId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
