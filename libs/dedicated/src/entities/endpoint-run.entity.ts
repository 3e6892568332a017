import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from './numeric.transformer';

/** One interval an endpoint ran (billed by the minute at its hourly price); open while it runs. */
@Entity({ name: 'dedicated_endpoint_runs' })
export class EndpointRunEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ name: 'price_per_hour_usd', type: 'numeric', transformer: NUMERIC })
  pricePerHourUsd!: number;
}
