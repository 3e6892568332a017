import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { BatchFileEntity, type BatchFilePurpose } from './entities/batch-file.entity';
import { ACTIVE_BATCH_STATUSES, BatchJobEntity } from './entities/batch-job.entity';

export interface NewBatchFile {
  id: string;
  userId: string;
  purpose: BatchFilePurpose;
  filename: string;
  lineCount: number;
  batchId?: string | null;
  content: Buffer;
}

/** Batch files and jobs in PostgreSQL, with intent-named methods. */
@Injectable()
export class BatchRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(BatchFileEntity) private readonly files: Repository<BatchFileEntity>,
    @InjectRepository(BatchJobEntity) private readonly jobs: Repository<BatchJobEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertFile(
    file: NewBatchFile,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BatchFileEntity> {
    const entity = manager.create(BatchFileEntity, {
      id: file.id,
      userId: file.userId,
      purpose: file.purpose,
      filename: file.filename,
      bytes: file.content.length,
      lineCount: file.lineCount,
      batchId: file.batchId ?? null,
      createdAt: new Date(),
    });
    await manager.insert(BatchFileEntity, entity);
    await manager.query(`INSERT INTO batch_file_contents (file_id, content) VALUES ($1, $2)`, [
      file.id,
      file.content,
    ]);
    return entity;
  }

  /** A user's file; undefined when it is not theirs (which callers answer as not found). */
  fileOf(userId: string, id: string): Promise<BatchFileEntity | null> {
    return this.files.findOneBy({ id, userId });
  }

  async contentOf(fileId: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query<Array<{ content: Buffer }>>(
      `SELECT content FROM batch_file_contents WHERE file_id = $1`,
      [fileId],
    );
    return row?.content ?? null;
  }

  /** A page of a user's files (of one purpose, if given), after the file `after` (exclusive). */
  async filePage(
    userId: string,
    page: { limit: number; order: 'asc' | 'desc'; after?: string; purpose?: BatchFilePurpose },
  ): Promise<BatchFileEntity[]> {
    const direction = page.order === 'asc' ? 'ASC' : 'DESC';
    const query = this.files
      .createQueryBuilder('f')
      .where('f.user_id = :userId', { userId })
      .orderBy('f.created_at', direction)
      .addOrderBy('f.id', direction)
      .limit(page.limit);
    if (page.purpose) query.andWhere('f.purpose = :purpose', { purpose: page.purpose });
    if (page.after)
      query.andWhere(
        `(f.created_at, f.id) ${page.order === 'asc' ? '>' : '<'} (SELECT created_at, id FROM batch_files WHERE id = :after AND user_id = :userId)`,
        { after: page.after },
      );
    return query.getMany();
  }

  /**
   * A running batch that has the file (its input, or results the follower has not counted yet:
   * they are stored while the job is still active), if any.
   */
  async activeJobUsing(fileId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM batch_jobs
       WHERE $1 IN (input_file_id, output_file_id, error_file_id) AND status = ANY($2)
       LIMIT 1`,
      [fileId, ACTIVE_BATCH_STATUSES],
    );
    return row?.id ?? null;
  }

  /** Deletes a user's file and its bytes; false when they have no such file. */
  async deleteFile(userId: string, id: string): Promise<boolean> {
    const result = await this.files.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  async insertJob(job: BatchJobEntity): Promise<void> {
    await this.jobs.insert(job);
  }

  jobOf(userId: string, id: string): Promise<BatchJobEntity | null> {
    return this.jobs.findOneBy({ id, userId });
  }

  job(id: string): Promise<BatchJobEntity | null> {
    return this.jobs.findOneBy({ id });
  }

  /** A page of a user's jobs, newest first, after the job `after` (exclusive). */
  async page(userId: string, limit: number, after?: string): Promise<BatchJobEntity[]> {
    const query = this.jobs
      .createQueryBuilder('j')
      .where('j.user_id = :userId', { userId })
      .orderBy('j.created_at', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .limit(limit);
    if (after)
      query.andWhere(
        `(j.created_at, j.id) < (SELECT created_at, id FROM batch_jobs WHERE id = :after AND user_id = :userId)`,
        { after },
      );
    return query.getMany();
  }

  async updateJob(
    id: string,
    changes: Partial<BatchJobEntity>,
    manager: EntityManager = this.dataSource.manager,
  ) {
    await manager.update(BatchJobEntity, { id }, changes);
  }

  /** Ids of active jobs whose next poll is due. */
  async dueJobs(limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM batch_jobs WHERE status = ANY($1) AND next_poll_at <= now() ORDER BY next_poll_at LIMIT $2`,
      [ACTIVE_BATCH_STATUSES, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Takes a due job for `leaseMs` (its next poll moved past the lease): exactly one follower
   * wins; one that dies mid-way leaves the job to be retried when the lease runs out.
   */
  async claim(id: string, leaseMs: number): Promise<BatchJobEntity | null> {
    // Wrapped in a CTE so the statement answers rows on every driver (pg and PGlite).
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH claimed AS (
         UPDATE batch_jobs
         SET next_poll_at = now() + make_interval(secs => $2::double precision / 1000), polls = polls + 1
         WHERE id = $1 AND status = ANY($3) AND next_poll_at <= now() RETURNING id)
       SELECT id FROM claimed`,
      [id, leaseMs, ACTIVE_BATCH_STATUSES],
    );
    return rows.length ? this.job(id) : null;
  }
}
