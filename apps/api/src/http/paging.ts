import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** `?page=&page_size=` on every list an admin pages through. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page_size must be a whole number' })
  @Min(1, { message: 'page_size must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `page_size must be at most ${MAX_PAGE_SIZE}` })
  page_size: number = 20;
}

/** A query-string boolean: `true`/`false` (also 1/0); anything else fails validation. */
export function QueryBoolean(): PropertyDecorator {
  const transform = Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  );
  const validate = IsBoolean({ message: ({ property }) => `${property} must be true or false` });
  return (target, key) => {
    transform(target, key);
    validate(target, key);
  };
}

/** The paging fields of every page; each list's page DTO adds its `data`. */
export class PageMetaDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE }) page_size!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Items matching the filters, on all pages' })
  total!: number;
}

export interface Page<T> {
  data: T[];
  page: number;
  page_size: number;
  total: number;
}

export function pageOf<T>(data: T[], query: PageQueryDto, total: number): Page<T> {
  return { data, page: query.page, page_size: query.page_size, total };
}

/** OpenAI's cursor page (`object: "list"`, `first_id`, `last_id`, `has_more`) around items with ids. */
export function cursorPage<T extends { id?: unknown }>(data: T[], hasMore: boolean) {
  return {
    object: 'list' as const,
    data,
    first_id: (data[0]?.id as string | undefined) ?? null,
    last_id: (data.at(-1)?.id as string | undefined) ?? null,
    has_more: hasMore,
  };
}
