import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { MODEL_TYPES, UPLOAD_STATUSES, type ModelUploadEntity, type NewUpload } from '@tiergate/dedicated';
import { IsPresentOptional } from '../../http/dto-fields';

export class CreateModelUploadDto {
  @ApiProperty({ example: 'acme/support-llama-lora', description: 'The model id it will be served as' })
  @IsString()
  @IsNotEmpty({ message: 'model_name must not be empty' })
  @MaxLength(255)
  @Matches(/^[A-Za-z0-9._\-/]+$/, {
    message: 'model_name may hold only letters, digits, ".", "_", "-" and "/"',
  })
  model_name!: string;

  @ApiProperty({
    example: 'https://huggingface.co/acme/support-llama-lora',
    description: 'Where the weights are (a Hugging Face repo or an S3 URL)',
  })
  @IsString()
  @IsNotEmpty({ message: 'model_source must not be empty' })
  @MaxLength(2048)
  model_source!: string;

  @ApiProperty({ enum: MODEL_TYPES })
  @IsIn(MODEL_TYPES, { message: 'model_type must be model or adapter' })
  model_type!: 'model' | 'adapter';

  @ApiPropertyOptional({
    description: 'Required for an adapter',
    example: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  })
  @IsPresentOptional()
  @IsString()
  @IsNotEmpty({ message: 'base_model must not be empty' })
  @MaxLength(255)
  base_model?: string;

  @ApiPropertyOptional()
  @IsPresentOptional()
  @IsString()
  @MaxLength(255)
  lora_model?: string;

  @ApiPropertyOptional()
  @IsPresentOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  toInput(): NewUpload {
    return {
      modelName: this.model_name,
      modelSource: this.model_source,
      modelType: this.model_type,
      baseModel: this.base_model,
      loraModel: this.lora_model,
      description: this.description,
    };
  }
}

export class ModelUploadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'job-a15dad11-8d8e-4007-97c5-a211304de284' }) job_id!: string;
  @ApiProperty() model_name!: string;
  @ApiProperty({ enum: MODEL_TYPES }) model_type!: string;
  @ApiProperty({ type: String, nullable: true }) base_model!: string | null;
  @ApiProperty() model_source!: string;
  @ApiProperty({ enum: UPLOAD_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why the upload failed' }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;

  static from(u: ModelUploadEntity): ModelUploadDto {
    return {
      id: u.id,
      job_id: u.jobId,
      model_name: u.modelName,
      model_type: u.modelType,
      base_model: u.baseModel,
      model_source: u.modelSource,
      status: u.status,
      error: u.error,
      created_at: u.createdAt.toISOString(),
      updated_at: u.updatedAt.toISOString(),
    };
  }
}

export class ModelUploadListDto {
  @ApiProperty({ type: [ModelUploadDto] }) data!: ModelUploadDto[];
}
