import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

/** One dependency's check. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ example: 'together_ai', description: 'The upstream check: the provider asked' })
  provider?: string;
  @ApiPropertyOptional({ description: 'Why a check is down' }) message?: string;
}

/** The checks readiness runs; Redis only when the api is configured with it. */
export class ReadinessChecksDto {
  @ApiProperty({ type: HealthIndicatorDto }) database!: HealthIndicatorDto;
  @ApiProperty({ type: HealthIndicatorDto }) upstream!: HealthIndicatorDto;
  @ApiPropertyOptional({ type: HealthIndicatorDto }) redis?: HealthIndicatorDto;
}

/** Ready (200): every check is up. Otherwise the answer is a 503 with the error body. */
@ApiExtraModels(HealthIndicatorDto)
export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: 'ok' | 'error' | 'shutting_down';
  @ApiProperty({ type: ReadinessChecksDto, description: 'The checks that are up' }) info!: ReadinessChecksDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) },
    description: 'The checks that are down (empty when ready)',
  })
  error!: Record<string, HealthIndicatorDto>;
  @ApiProperty({ type: ReadinessChecksDto, description: 'Every check' }) details!: ReadinessChecksDto;
}
