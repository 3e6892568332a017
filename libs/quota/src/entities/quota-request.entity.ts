import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type QuotaRequestStatus = 'pending' | 'approved' | 'denied';

@Entity({ name: 'quota_requests' })
export class QuotaRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 32 })
  feature!: string;

  @Column({ name: 'limit_name', type: 'varchar', length: 32 })
  limitName!: string;

  @Column({ name: 'requested_limit', type: 'integer' })
  requestedLimit!: number;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  /** What an approval granted: the requested limit, or another the admin chose. */
  @Column({ name: 'granted_limit', type: 'integer', nullable: true })
  grantedLimit!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: QuotaRequestStatus;

  @Column({ name: 'decision_reason', type: 'varchar', length: 1000, nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
