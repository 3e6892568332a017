import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { DedicatedEndpointEntity } from './entities/dedicated-endpoint.entity';
import { EndpointRunEntity } from './entities/endpoint-run.entity';
import { ModelUploadEntity } from './entities/model-upload.entity';

type Followed = 'dedicated_endpoints' | 'model_uploads';
const DUE: Record<Followed, string> = {
  dedicated_endpoints: 'deleted_at IS NULL',
  model_uploads: `status IN ('Queued', 'Running')`,
};

/** Endpoints, their run intervals and model uploads in PostgreSQL, with intent-named methods. */
@Injectable()
export class DedicatedRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(DedicatedEndpointEntity)
    private readonly endpoints: Repository<DedicatedEndpointEntity>,
    @InjectRepository(EndpointRunEntity) private readonly runs: Repository<EndpointRunEntity>,
    @InjectRepository(ModelUploadEntity) private readonly uploads: Repository<ModelUploadEntity>,
  ) {}

  async insertEndpoint(endpoint: DedicatedEndpointEntity): Promise<void> {
    await this.endpoints.insert(endpoint);
  }

  /** A live (not deleted) endpoint. */
  endpoint(id: string): Promise<DedicatedEndpointEntity | null> {
    return this.endpoints.findOneBy({ id, deletedAt: IsNull() });
  }

  /** An endpoint, deleted or not (its running time stays billable). */
  endpointEvenDeleted(id: string): Promise<DedicatedEndpointEntity | null> {
    return this.endpoints.findOneBy({ id });
  }

  listEndpoints(): Promise<DedicatedEndpointEntity[]> {
    return this.endpoints.find({ where: { deletedAt: IsNull() }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async updateEndpoint(id: string, changes: Partial<DedicatedEndpointEntity>): Promise<void> {
    await this.endpoints.update({ id }, { ...changes, updatedAt: new Date() });
  }

  /** Opens a run interval unless one is open (idempotent: at most one open run per endpoint). */
  async openRun(endpointId: string, at: Date, pricePerHourUsd: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dedicated_endpoint_runs (endpoint_id, started_at, price_per_hour_usd) VALUES ($1, $2, $3)
       ON CONFLICT (endpoint_id) WHERE stopped_at IS NULL DO NOTHING`,
      [endpointId, at, pricePerHourUsd],
    );
  }

  /** Closes the open run interval, if any. */
  async closeRun(endpointId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE dedicated_endpoint_runs SET stopped_at = greatest($2::timestamptz, started_at)
       WHERE endpoint_id = $1 AND stopped_at IS NULL`,
      [endpointId, at],
    );
  }

  /** Every endpoint's run intervals that overlap [from, until), with the endpoint (deleted or not). */
  async allRunsBetween(
    from: Date,
    until: Date,
  ): Promise<Array<{ endpoint: DedicatedEndpointEntity; runs: EndpointRunEntity[] }>> {
    const runs = await this.runs
      .createQueryBuilder('r')
      .where('r.started_at < :until', { until })
      .andWhere('(r.stopped_at IS NULL OR r.stopped_at > :from)', { from })
      .orderBy('r.started_at')
      .getMany();
    if (!runs.length) return [];
    const endpoints = await this.endpoints.findBy({
      id: In([...new Set(runs.map((run) => run.endpointId))]),
    });
    return endpoints
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((endpoint) => ({ endpoint, runs: runs.filter((run) => run.endpointId === endpoint.id) }));
  }

  /** Run intervals that overlap [from, until). */
  runsBetween(endpointId: string, from: Date, until: Date): Promise<EndpointRunEntity[]> {
    return this.runs
      .createQueryBuilder('r')
      .where('r.endpoint_id = :endpointId', { endpointId })
      .andWhere('r.started_at < :until', { until })
      .andWhere('(r.stopped_at IS NULL OR r.stopped_at > :from)', { from })
      .orderBy('r.started_at')
      .getMany();
  }

  async insertUpload(upload: ModelUploadEntity): Promise<void> {
    await this.uploads.insert(upload);
  }

  upload(id: string): Promise<ModelUploadEntity | null> {
    return this.uploads.findOneBy({ id });
  }

  listUploads(): Promise<ModelUploadEntity[]> {
    return this.uploads.find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  completedUploads(): Promise<ModelUploadEntity[]> {
    return this.uploads.findBy({ status: 'Complete' });
  }

  async updateUpload(id: string, changes: Partial<ModelUploadEntity>): Promise<void> {
    await this.uploads.update({ id }, { ...changes, updatedAt: new Date() });
  }

  /** Ids of rows whose next poll is due. */
  async due(table: Followed, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM ${table} WHERE ${DUE[table]} AND next_poll_at <= now() ORDER BY next_poll_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** After a failed poll: the next one backs off with the row's poll count (min doubling to max). */
  async retryLater(table: Followed, id: string, minMs: number, maxMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${table} SET next_poll_at = now() + make_interval(secs => least($3::double precision,
         $2::double precision * power(2, least(polls, 20))) / 1000) WHERE id = $1`,
      [id, minMs, maxMs],
    );
  }

  /**
   * Takes a due row for `leaseMs` (its next poll moved past the lease): one follower wins; one
   * that dies mid-way leaves it to be retried when the lease runs out.
   */
  async claim(table: Followed, id: string, leaseMs: number): Promise<boolean> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH claimed AS (
         UPDATE ${table}
         SET next_poll_at = now() + make_interval(secs => $2::double precision / 1000), polls = polls + 1
         WHERE id = $1 AND ${DUE[table]} AND next_poll_at <= now() RETURNING id)
       SELECT id FROM claimed`,
      [id, leaseMs],
    );
    return rows.length > 0;
  }
}
