import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { BATCH_FILE_PURPOSES, type BatchFilePurpose } from '@tiergate/batch';

const ID = /^[\w-]{1,64}$/;

/** `POST /v1/batches`, OpenAI's body. */
export class CreateBatchDto {
  @ApiProperty({ example: 'file-7d0f2c9e4b1a4f6e8c3d2b1a0f9e8d7c' })
  @IsString()
  @Matches(ID, { message: 'input_file_id must be a file id' })
  input_file_id!: string;

  @ApiProperty({ enum: ['/v1/chat/completions'] })
  @IsIn(['/v1/chat/completions'], { message: 'endpoint must be /v1/chat/completions' })
  endpoint!: string;

  @ApiProperty({ enum: ['24h'] })
  @IsIn(['24h'], { message: 'completion_window must be 24h' })
  completion_window!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string>;
}

export class ListBatchesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit: number = 20;

  @ApiPropertyOptional({ description: 'The last batch id of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(ID, { message: 'after must be a batch id' })
  after?: string;
}

/** One request of the Together surface's inline batch, in OpenAI's batch line format. */
@ApiSchema({ name: 'SeedBatchRequestDto' }) // the published schema name, kept for clients
export class TogetherBatchRequestDto {
  @ApiProperty({ example: 'req-1' })
  @IsString()
  @MaxLength(64)
  custom_id!: string;

  @ApiProperty({ enum: ['POST'] })
  @Equals('POST')
  method!: 'POST';

  @ApiProperty({ enum: ['/v1/chat/completions'] })
  @Equals('/v1/chat/completions')
  url!: string;

  @ApiProperty({
    description: 'The chat request: {model, messages, max_tokens?, ...}',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  body!: Record<string, unknown>;
}

/** `POST /api/v1/together/batches` (requirements document 003): the requests inline. */
@ApiSchema({ name: 'SeedCreateBatchDto' }) // the published schema name, kept for clients
export class TogetherCreateBatchDto {
  @ApiProperty({ type: [TogetherBatchRequestDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50_000)
  @ValidateNested({ each: true })
  @Type(() => TogetherBatchRequestDto)
  requests!: TogetherBatchRequestDto[];

  @ApiPropertyOptional({ enum: ['24h'], default: '24h' })
  @IsOptional()
  @IsIn(['24h'], { message: 'completion_window must be 24h' })
  completion_window: string = '24h';
}

/** `GET /v1/files`: a page of the caller's files, newest first unless `order` says otherwise. */
export class ListFilesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(10_000, { message: 'limit must be at most 10000' })
  limit: number = 10_000;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ description: 'The last file id of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(ID, { message: 'after must be a file id' })
  after?: string;

  @ApiPropertyOptional({ enum: BATCH_FILE_PURPOSES })
  @IsOptional()
  @IsIn(BATCH_FILE_PURPOSES, { message: `purpose must be one of ${BATCH_FILE_PURPOSES.join(', ')}` })
  purpose?: BatchFilePurpose;
}
