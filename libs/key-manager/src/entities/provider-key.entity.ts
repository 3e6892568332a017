import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const PROVIDER_KEY_STATUSES = ['active', 'invalid', 'retiring', 'retired', 'revoked'] as const;
export type ProviderKeyStatus = (typeof PROVIDER_KEY_STATUSES)[number];
export type ProviderKeyOrigin = 'admin' | 'config' | 'user';

/** A key for an upstream provider: a system key (no user) or a user's own. The secret is sealed. */
@Entity({ name: 'provider_keys' })
export class ProviderKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  provider!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  label!: string;

  @Column({ type: 'varchar', length: 16 })
  origin!: ProviderKeyOrigin;

  @Column({ type: 'bytea', nullable: true })
  ciphertext!: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  nonce!: Buffer | null;

  @Column({ name: 'auth_tag', type: 'bytea', nullable: true })
  authTag!: Buffer | null;

  @Column({ name: 'key_version', type: 'varchar', length: 32, nullable: true })
  keyVersion!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  fingerprint!: string | null;

  @Column({ type: 'varchar', length: 4 })
  last4!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ProviderKeyStatus;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason!: string | null;

  @Column({ name: 'fallback_to_system', type: 'boolean', default: false })
  fallbackToSystem!: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'retire_at', type: 'timestamptz', nullable: true })
  retireAt!: Date | null;

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy!: string | null;

  /** The upstream account's limits this system key is paced to (null: unlimited). */
  @Column({ name: 'requests_per_second', type: 'integer', nullable: true })
  requestsPerSecond!: number | null;

  @Column({ name: 'requests_per_minute', type: 'integer', nullable: true })
  requestsPerMinute!: number | null;

  @Column({ name: 'tokens_per_minute', type: 'integer', nullable: true })
  tokensPerMinute!: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
