import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RESPONSE_ID } from './responses.dto';

export class ResponseIdParamsDto {
  @ApiProperty({ example: 'resp_0c4fd3a1…' })
  @IsString()
  @Matches(RESPONSE_ID, { message: 'id must be a response id (resp_…)' })
  id!: string;
}

/** A page of a stored response's input items, as OpenAI's SDKs ask for it. */
export class InputItemsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit: number = 20;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ description: 'The id of the item the page starts after' })
  @IsOptional()
  @IsString()
  @MaxLength(128, { message: 'after must be an item id' })
  after?: string;

  /** Accepted as OpenAI's SDKs send it; input items are always returned whole. */
  @ApiPropertyOptional()
  @IsOptional()
  include?: string | string[];
}
