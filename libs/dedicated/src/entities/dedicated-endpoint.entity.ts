import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC } from './numeric.transformer';

/** Together's endpoint states, which the admin API speaks as they are. */
export const ENDPOINT_STATES = ['PENDING', 'STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'ERROR'] as const;
export type EndpointState = (typeof ENDPOINT_STATES)[number];

/** States on the way somewhere: followed closely until they settle. */
export const TRANSITIONAL_ENDPOINT_STATES: readonly EndpointState[] = ['PENDING', 'STARTING', 'STOPPING'];

/** A dedicated endpoint the platform runs at Together; `name` is what requests name as their model. */
@Entity({ name: 'dedicated_endpoints' })
export class DedicatedEndpointEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'upstream_id', type: 'varchar', length: 128 })
  upstreamId!: string;

  @Column({ type: 'varchar', length: 64 })
  provider!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 255, nullable: true })
  displayName!: string | null;

  @Column({ type: 'varchar', length: 255 })
  model!: string;

  @Column({ type: 'varchar', length: 128 })
  hardware!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: EndpointState;

  @Column({ name: 'min_replicas', type: 'integer' })
  minReplicas!: number;

  @Column({ name: 'max_replicas', type: 'integer' })
  maxReplicas!: number;

  @Column({ name: 'auto_shutdown_minutes', type: 'integer', nullable: true })
  autoShutdownMinutes!: number | null;

  /** Per replica, from the hardware's price when the endpoint was created. */
  @Column({ name: 'price_per_hour_usd', type: 'numeric', transformer: NUMERIC })
  pricePerHourUsd!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'next_poll_at', type: 'timestamptz' })
  nextPollAt!: Date;

  @Column({ type: 'integer' })
  polls!: number;
}
