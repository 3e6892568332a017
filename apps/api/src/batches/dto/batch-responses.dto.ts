import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_STATUSES, type BatchFileEntity, type BatchJobEntity, type BatchStatus } from '@tiergate/batch';
import { cursorPage } from '../../http/paging';

const unix = (date: Date | null): number | null => (date ? Math.floor(date.getTime() / 1000) : null);

/** OpenAI's file object. */
export class FileObjectDto {
  @ApiProperty({ example: 'file-7d0f2c9e4b1a4f6e8c3d2b1a0f9e8d7c' }) id!: string;
  @ApiProperty({ enum: ['file'] }) object!: 'file';
  @ApiProperty({ description: 'Size in bytes' }) bytes!: number;
  @ApiProperty({ description: 'Unix seconds' }) created_at!: number;
  @ApiProperty() filename!: string;
  @ApiProperty({ enum: ['batch', 'batch_output', 'batch_error'] }) purpose!: string;
  @ApiProperty({ enum: ['processed'] }) status!: 'processed';
  @ApiProperty({ type: Number, nullable: true }) expires_at!: null;
  @ApiProperty({ type: String, nullable: true }) status_details!: null;
  @ApiProperty({ description: 'Requests (lines) in the file' }) line_count!: number;

  static from(file: BatchFileEntity): FileObjectDto {
    return {
      id: file.id,
      object: 'file',
      bytes: file.bytes,
      created_at: unix(file.createdAt)!,
      filename: file.filename,
      purpose: file.purpose,
      status: 'processed',
      expires_at: null,
      status_details: null,
      line_count: file.lineCount,
    };
  }
}

export class RequestCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
}

export class BatchErrorDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true }) param!: string | null;
  @ApiProperty({ type: Number, nullable: true }) line!: number | null;
}

export class BatchErrorsDto {
  @ApiProperty({ enum: ['list'] }) object!: 'list';
  @ApiProperty({ type: [BatchErrorDto] }) data!: BatchErrorDto[];
}

/** OpenAI's batch object (timestamps in unix seconds, OpenAI's lowercase states). */
export class BatchObjectDto {
  @ApiProperty({ example: 'batch_3f1c9a0e5b7d4c2a8e6f1d0b9c8a7e6d' }) id!: string;
  @ApiProperty({ enum: ['batch'] }) object!: 'batch';
  @ApiProperty({ example: '/v1/chat/completions' }) endpoint!: string;
  @ApiProperty({ description: 'The model every line names' }) model!: string;
  @ApiProperty({ type: BatchErrorsDto, nullable: true }) errors!: BatchErrorsDto | null;
  @ApiProperty() input_file_id!: string;
  @ApiProperty({ example: '24h' }) completion_window!: string;
  @ApiProperty({ enum: BATCH_STATUSES }) status!: BatchStatus;
  @ApiProperty({ type: String, nullable: true }) output_file_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) error_file_id!: string | null;
  @ApiProperty() created_at!: number;
  @ApiProperty({ type: Number, nullable: true }) in_progress_at!: number | null;
  @ApiProperty() expires_at!: number;
  @ApiProperty({ type: Number, nullable: true }) finalizing_at!: number | null;
  @ApiProperty({ type: Number, nullable: true }) completed_at!: number | null;
  @ApiProperty({ type: Number, nullable: true }) failed_at!: number | null;
  @ApiProperty({ type: Number, nullable: true }) expired_at!: number | null;
  @ApiProperty({ type: Number, nullable: true }) cancelling_at!: number | null;
  @ApiProperty({ type: Number, nullable: true }) cancelled_at!: number | null;
  @ApiProperty({ type: RequestCountsDto }) request_counts!: RequestCountsDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  metadata!: Record<string, string> | null;
  @ApiProperty({ description: 'Upstream progress, 0–100 (a Together extra)' }) progress!: number;

  static from(job: BatchJobEntity): BatchObjectDto {
    return {
      id: job.id,
      object: 'batch',
      endpoint: job.endpoint,
      model: job.model,
      errors: job.errorMessage
        ? {
            object: 'list',
            data: [
              { code: job.errorCode ?? 'batch_failed', message: job.errorMessage, param: null, line: null },
            ],
          }
        : null,
      input_file_id: job.inputFileId,
      completion_window: job.completionWindow,
      status: job.status,
      output_file_id: job.outputFileId,
      error_file_id: job.errorFileId,
      created_at: unix(job.createdAt)!,
      in_progress_at: unix(job.inProgressAt),
      expires_at: unix(job.expiresAt)!,
      finalizing_at: unix(job.finalizingAt),
      completed_at: unix(job.completedAt),
      failed_at: unix(job.failedAt),
      expired_at: unix(job.expiredAt),
      cancelling_at: unix(job.cancellingAt),
      cancelled_at: unix(job.cancelledAt),
      request_counts: { total: job.total, completed: job.completed, failed: job.failed },
      metadata: job.metadata,
      progress: Math.round(job.progress * 10) / 10,
    };
  }
}

/** OpenAI's cursor page. */
export class FileListDto {
  @ApiProperty({ enum: ['list'] }) object!: 'list';
  @ApiProperty({ type: [FileObjectDto] }) data!: FileObjectDto[];
  @ApiProperty({ type: String, nullable: true }) first_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) last_id!: string | null;
  @ApiProperty() has_more!: boolean;

  static from(page: { data: BatchFileEntity[]; hasMore: boolean }): FileListDto {
    return cursorPage(
      page.data.map((file) => FileObjectDto.from(file)),
      page.hasMore,
    );
  }
}

export class FileDeletedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['file'] }) object!: 'file';
  @ApiProperty({ enum: [true] }) deleted!: true;
}

export class BatchListDto {
  @ApiProperty({ enum: ['list'] }) object!: 'list';
  @ApiProperty({ type: [BatchObjectDto] }) data!: BatchObjectDto[];
  @ApiProperty({ type: String, nullable: true }) first_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) last_id!: string | null;
  @ApiProperty() has_more!: boolean;

  static from(page: { data: BatchJobEntity[]; hasMore: boolean }): BatchListDto {
    return cursorPage(
      page.data.map((job) => BatchObjectDto.from(job)),
      page.hasMore,
    );
  }
}
