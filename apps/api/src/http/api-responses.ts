import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ErrorCode } from '@tiergate/common';

/** The one error body (see error-body.ts), as OpenAPI describes it. */
export class ErrorDetailDto {
  @ApiProperty({ example: 'tier must be one of free, premium, enterprise' }) message!: string;
  @ApiProperty({ example: 'invalid_request_error' }) type!: string;
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', description: 'Branch on this, not on message' })
  code!: ErrorCode;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'tier',
    description: 'The field at fault (`a.b[0].c`), or null when no one field is',
  })
  param!: string | null;
}

export class ErrorBodyDto {
  @ApiProperty({ type: ErrorDetailDto }) error!: ErrorDetailDto;
  @ApiProperty() request_id!: string;
}

const MEANINGS: Record<number, string> = {
  400: 'Invalid input; `param` names the field',
  401: 'Missing, invalid or expired credentials',
  403: 'Not allowed (for example, not an admin)',
  404: 'Not found',
  409: 'Conflicts with the current state (for example, the email is taken)',
  429: 'A quota or rate limit is reached; Retry-After says when to retry',
  503: 'Not available right now',
};

/** Declares the error statuses a route (or every route of a controller) may answer with. */
export const ApiErrors = (...statuses: Array<keyof typeof MEANINGS>) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: MEANINGS[status], type: ErrorBodyDto })),
  );

/** The errors every admin route may answer with. */
export const ApiAdminErrors = () => ApiErrors(400, 401, 403);
