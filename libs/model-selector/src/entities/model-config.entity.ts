import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ModelConfigDocument } from '../model-config.types';

/** The one row holding the model configuration document. */
@Entity({ name: 'model_config' })
export class ModelConfigEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'jsonb' })
  document!: ModelConfigDocument;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
