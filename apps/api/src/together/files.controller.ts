import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@tiergate/auth';
import { DomainError, ErrorCode, NotFoundError } from '@tiergate/common';
import { ArtifactService } from '@tiergate/media';

/** Serves generated files to whoever holds a valid signed link (no bearer token: links are shared). */
@ApiTags('together')
@Controller('api/v1/together/files')
export class FilesController {
  constructor(private readonly artifacts: ArtifactService) {}

  @Public()
  @Get(':key')
  @ApiOperation({ summary: 'A generated image or audio file, by its signed, expiring link' })
  async file(
    @Param('key') key: string,
    @Query('expires') expires: string | undefined,
    @Query('signature') signature: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lookup = await this.artifacts.open(key, expires, signature);
    if (lookup.status === 'invalid')
      throw new DomainError(ErrorCode.Forbidden, 'The link is not valid (wrong or missing signature)', {
        param: 'signature',
      });
    if (lookup.status === 'expired')
      throw new DomainError(ErrorCode.Forbidden, 'The link has expired; generate a new one', {
        param: 'expires',
      });
    if (lookup.status !== 'found') throw new NotFoundError('File');
    const { artifact } = lookup;
    void reply
      .header('content-type', artifact.contentType)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff');
    if (artifact.size !== undefined) void reply.header('content-length', artifact.size);
    await reply.send(artifact.body);
  }
}
