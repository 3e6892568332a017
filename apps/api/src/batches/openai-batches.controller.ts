import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { BatchService } from '@tiergate/batch';
import { DomainError, ErrorCode } from '@tiergate/common';
import { readMultipart } from '../http/multipart';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { CreateBatchDto, ListBatchesQueryDto, ListFilesQueryDto } from './dto/batch-requests.dto';
import {
  BatchListDto,
  BatchObjectDto,
  FileDeletedDto,
  FileListDto,
  FileObjectDto,
} from './dto/batch-responses.dto';
import { sendFileContent } from './file-content';

/** OpenAI-compatible files (for batches) and batches: the official SDKs work unchanged. */
@ApiTags('openai')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('v1')
export class OpenAiBatchesController {
  constructor(private readonly batches: BatchService) {}

  @Post('files')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a JSONL batch input (`file`, `purpose: batch`); every line is checked' })
  @ApiOkResponse({ type: FileObjectDto })
  async upload(@CurrentUser() caller: Principal, @Req() request: FastifyRequest): Promise<FileObjectDto> {
    const { fields, file } = await readMultipart(request, {
      fileField: 'file',
      maxFileBytes: this.batches.limits.maxFileBytes,
      fields: ['purpose'],
    });
    if (fields.purpose !== 'batch')
      throw new DomainError(ErrorCode.ValidationFailed, 'purpose must be "batch"', { param: 'purpose' });
    if (!file) throw new DomainError(ErrorCode.ValidationFailed, 'file is required', { param: 'file' });
    return FileObjectDto.from(
      await this.batches.uploadFile(caller, { filename: file.filename, content: file.data }),
    );
  }

  @Get('files')
  @ApiOperation({ summary: 'Your files, newest first (cursor paging with `after`; `purpose` filters)' })
  @ApiOkResponse({ type: FileListDto })
  async files(@CurrentUser() caller: Principal, @Query() query: ListFilesQueryDto): Promise<FileListDto> {
    return FileListDto.from(await this.batches.listFiles(caller, query));
  }

  @Delete('files/:id')
  @ApiOperation({ summary: 'Deletes one of your files (409 while a running batch needs it)' })
  @ApiOkResponse({ type: FileDeletedDto })
  async deleteFile(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<FileDeletedDto> {
    await this.batches.deleteFile(caller, id);
    return { id, object: 'file', deleted: true };
  }

  @Get('files/:id')
  @ApiOperation({ summary: 'One of your files (inputs, outputs and error files of your batches)' })
  @ApiOkResponse({ type: FileObjectDto })
  async file(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<FileObjectDto> {
    return FileObjectDto.from(await this.batches.file(caller, id));
  }

  @Get('files/:id/content')
  @ApiProduces('application/jsonl')
  @ApiOperation({ summary: "A file's bytes (JSONL)" })
  async content(
    @CurrentUser() caller: Principal,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendFileContent(reply, await this.batches.fileContent(caller, id));
  }

  @Post('batches')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run an uploaded file as a batch at half the serverless price' })
  @ApiOkResponse({ type: BatchObjectDto })
  async create(@CurrentUser() caller: Principal, @Body() body: CreateBatchDto): Promise<BatchObjectDto> {
    return BatchObjectDto.from(
      await this.batches.create(caller, {
        inputFileId: body.input_file_id,
        endpoint: body.endpoint,
        completionWindow: body.completion_window,
        metadata: body.metadata,
      }),
    );
  }

  @Get('batches')
  @ApiOperation({ summary: 'Your batches, newest first (cursor paging with `after`)' })
  @ApiOkResponse({ type: BatchListDto })
  async list(@CurrentUser() caller: Principal, @Query() query: ListBatchesQueryDto): Promise<BatchListDto> {
    return BatchListDto.from(await this.batches.list(caller, query.limit, query.after));
  }

  @Get('batches/:id')
  @ApiOperation({ summary: 'One of your batches' })
  @ApiOkResponse({ type: BatchObjectDto })
  async get(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<BatchObjectDto> {
    return BatchObjectDto.from(await this.batches.get(caller, id));
  }

  @Post('batches/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a batch (cancelling until the provider confirms)' })
  @ApiOkResponse({ type: BatchObjectDto })
  async cancel(@CurrentUser() caller: Principal, @Param('id') id: string): Promise<BatchObjectDto> {
    return BatchObjectDto.from(await this.batches.cancel(caller, id));
  }
}
