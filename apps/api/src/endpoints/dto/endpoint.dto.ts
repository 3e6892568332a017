import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  ENDPOINT_STATES,
  type DedicatedEndpointEntity,
  type EndpointPatch,
  type NewEndpoint,
} from '@tiergate/dedicated';
import type { UpstreamHardware } from '@tiergate/provider';
import { IsPresentOptional } from '../../http/dto-fields';

const MAX_REPLICAS = 100;
const MAX_AUTO_SHUTDOWN_MINUTES = 7 * 24 * 60;

export class HardwareQueryDto {
  @ApiPropertyOptional({
    description: 'Only hardware that fits this model, with availability',
    example: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'model must not be empty' })
  @MaxLength(255)
  model?: string;
}

export class HardwareDto {
  @ApiProperty({ example: '2x_nvidia_h100_80gb_sxm' }) id!: string;
  @ApiProperty({ example: '2x H100 80GB' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'h100-80gb' }) gpu_type!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2 }) gpu_count!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 80, description: 'Per GPU' }) gpu_memory_gb!:
    number | null;
  @ApiProperty({ example: 7.98, description: 'USD per hour per replica' }) price_per_hour_usd!: number;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Whether there is capacity now; null when no model was given',
  })
  available!: boolean | null;

  static from(h: UpstreamHardware): HardwareDto {
    const gpu = h.gpuType?.toUpperCase().replace(/-(\d+GB)$/, ' $1');
    return {
      id: h.id,
      name: gpu && h.gpuCount ? `${h.gpuCount}x ${gpu}` : h.id,
      gpu_type: h.gpuType,
      gpu_count: h.gpuCount,
      gpu_memory_gb: h.gpuMemoryGb,
      price_per_hour_usd: h.pricePerHourUsd,
      available: h.available,
    };
  }
}

export class HardwareListDto {
  @ApiProperty({ type: [HardwareDto] }) data!: HardwareDto[];
}

export class CreateEndpointDto {
  @ApiProperty({ example: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' })
  @IsString()
  @IsNotEmpty({ message: 'model must not be empty' })
  @MaxLength(255)
  model!: string;

  @ApiProperty({
    example: '2x_nvidia_h100_80gb_sxm',
    description: 'A hardware id from /api/v1/admin/hardware',
  })
  @IsString()
  @IsNotEmpty({ message: 'hardware must not be empty' })
  @MaxLength(128)
  hardware!: string;

  @ApiPropertyOptional({ example: 'Enterprise chat' })
  @IsPresentOptional()
  @IsString()
  @MaxLength(255)
  display_name?: string;

  @ApiProperty({ minimum: 1, maximum: MAX_REPLICAS, example: 1 })
  @IsInt({ message: 'min_replicas must be an integer' })
  @Min(1, { message: 'min_replicas must be at least 1' })
  @Max(MAX_REPLICAS, { message: `min_replicas must be at most ${MAX_REPLICAS}` })
  min_replicas!: number;

  @ApiProperty({ minimum: 1, maximum: MAX_REPLICAS, example: 2, description: 'At least min_replicas' })
  @IsInt({ message: 'max_replicas must be an integer' })
  @Min(1, { message: 'max_replicas must be at least 1' })
  @Max(MAX_REPLICAS, { message: `max_replicas must be at most ${MAX_REPLICAS}` })
  max_replicas!: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_AUTO_SHUTDOWN_MINUTES,
    description: 'Minutes without requests before the provider stops the endpoint',
  })
  @IsPresentOptional()
  @IsInt({ message: 'auto_shutdown_minutes must be an integer' })
  @Min(1, { message: 'auto_shutdown_minutes must be at least 1' })
  @Max(MAX_AUTO_SHUTDOWN_MINUTES, {
    message: `auto_shutdown_minutes must be at most ${MAX_AUTO_SHUTDOWN_MINUTES}`,
  })
  auto_shutdown_minutes?: number;

  toInput(): NewEndpoint {
    return {
      model: this.model,
      hardware: this.hardware,
      displayName: this.display_name,
      minReplicas: this.min_replicas,
      maxReplicas: this.max_replicas,
      autoShutdownMinutes: this.auto_shutdown_minutes,
    };
  }
}

export class UpdateEndpointDto {
  @ApiPropertyOptional({ enum: ['STARTED', 'STOPPED'], description: 'Start or stop the endpoint' })
  @IsPresentOptional()
  @IsIn(['STARTED', 'STOPPED'], { message: 'state must be STARTED or STOPPED' })
  state?: 'STARTED' | 'STOPPED';

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REPLICAS })
  @IsPresentOptional()
  @IsInt({ message: 'min_replicas must be an integer' })
  @Min(1, { message: 'min_replicas must be at least 1' })
  @Max(MAX_REPLICAS, { message: `min_replicas must be at most ${MAX_REPLICAS}` })
  min_replicas?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REPLICAS })
  @IsPresentOptional()
  @IsInt({ message: 'max_replicas must be an integer' })
  @Min(1, { message: 'max_replicas must be at least 1' })
  @Max(MAX_REPLICAS, { message: `max_replicas must be at most ${MAX_REPLICAS}` })
  max_replicas?: number;

  @ApiPropertyOptional()
  @IsPresentOptional()
  @IsString()
  @MaxLength(255)
  display_name?: string;

  toPatch(): EndpointPatch {
    return {
      state: this.state,
      minReplicas: this.min_replicas,
      maxReplicas: this.max_replicas,
      displayName: this.display_name,
    };
  }
}

export class EndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'endpoint-d23901de-ef8f-44bf-b3e7-de9c1ca8f2d7' }) upstream_id!: string;
  @ApiProperty({
    example: 'org-0001/meta-llama/Llama-3.3-70B-Instruct-Turbo-a32b82a1',
    description: 'The model id that tier routes and allow-lists use for this endpoint',
  })
  name!: string;
  @ApiProperty({ type: String, nullable: true }) display_name!: string | null;
  @ApiProperty({ description: 'The deployed model' }) model!: string;
  @ApiProperty() hardware!: string;
  @ApiProperty({ enum: ENDPOINT_STATES }) state!: string;
  @ApiProperty({ type: 'integer' }) min_replicas!: number;
  @ApiProperty({ type: 'integer' }) max_replicas!: number;
  @ApiProperty({ type: 'integer', nullable: true }) auto_shutdown_minutes!: number | null;
  @ApiProperty({ description: 'USD per hour per replica, billed by the minute while running' })
  price_per_hour_usd!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;

  static from(e: DedicatedEndpointEntity): EndpointDto {
    return {
      id: e.id,
      upstream_id: e.upstreamId,
      name: e.name,
      display_name: e.displayName,
      model: e.model,
      hardware: e.hardware,
      state: e.state,
      min_replicas: e.minReplicas,
      max_replicas: e.maxReplicas,
      auto_shutdown_minutes: e.autoShutdownMinutes,
      price_per_hour_usd: e.pricePerHourUsd,
      error: e.error,
      created_at: e.createdAt.toISOString(),
      updated_at: e.updatedAt.toISOString(),
    };
  }
}

export class EndpointListDto {
  @ApiProperty({ type: [EndpointDto] }) data!: EndpointDto[];
}
