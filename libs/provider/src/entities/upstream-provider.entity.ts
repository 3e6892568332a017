import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An OpenAI-compatible provider an admin added; its keys are system keys with this provider id. */
@Entity({ name: 'upstream_providers' })
export class UpstreamProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ name: 'base_url', type: 'varchar', length: 500 })
  baseUrl!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
