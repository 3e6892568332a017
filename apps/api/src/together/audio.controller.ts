import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { GatewayService, GatewayTranscriptionRequest } from '@tiergate/gateway';
import { RemoteFileFetcher } from '@tiergate/media';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { readMultipart } from '../http/multipart';
import { requestedProvider } from '../http/requested-provider';
import { publicBaseUrl } from '../http/public-url';
import { validateBody } from '../http/validation';
import { SpeechDto, TranscriptionDto, TranscriptionOptionsDto } from './dto/audio.dto';
import { SpeechResponseDto, TranscriptionResponseDto } from './dto/together-responses.dto';
import { servedBy } from './dto/served-by.dto';

@ApiTags('together')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('api/v1/together/audio')
export class AudioController {
  constructor(
    private readonly gateway: GatewayService,
    private readonly fetcher: RemoteFileFetcher,
    private readonly config: ApiConfig,
  ) {}

  @Post('transcriptions')
  @HttpCode(200)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    summary:
      'Transcription: audio_url (fetched by Tiergate, never from private addresses) or a multipart `file` → text',
  })
  @ApiOkResponse({ type: TranscriptionResponseDto })
  async transcribe(
    @Call() call: CallContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TranscriptionResponseDto> {
    const input = await this.readTranscription(call, request);
    const { result, source } = answered(reply, await this.gateway.transcribe(input));
    return {
      id: call.requestId,
      text: result.text,
      language: result.language,
      duration_seconds: result.durationSeconds,
      ...servedBy(source),
    };
  }

  @Post('speech')
  @HttpCode(200)
  @ApiOperation({ summary: 'Text to speech: text and voice → a stored audio file behind a signed URL' })
  @ApiOkResponse({ type: SpeechResponseDto })
  async speech(
    @Call() call: CallContext,
    @Body() body: SpeechDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SpeechResponseDto> {
    const served = await this.gateway.speak({
      ...call,
      model: body.model,
      purpose: body.purpose,
      input: body.text,
      voice: body.voice === 'default' ? undefined : body.voice,
      format: body.response_format ?? 'mp3',
      language: body.language,
      store: true,
    });
    const { result, source } = answered(reply, served);
    const artifact = result.artifact!;
    return {
      id: call.requestId,
      audio_url: publicBaseUrl(request, this.config.media.publicBaseUrl) + artifact.path,
      expires_at: artifact.expiresAt.toISOString(),
      content_type: result.contentType,
      duration_seconds: result.durationSeconds,
      characters: result.characters,
      ...servedBy(source),
    };
  }

  private async readTranscription(
    call: CallContext,
    request: FastifyRequest,
  ): Promise<GatewayTranscriptionRequest> {
    if (request.isMultipart()) {
      const { fields, file } = await readMultipart(request, {
        fileField: 'file',
        maxFileBytes: this.config.media.maxAudioUploadBytes,
        fields: ['language', 'prompt', 'purpose', 'model', 'provider'],
      });
      if (!file) throw new DomainError(ErrorCode.ValidationFailed, 'file is required', { param: 'file' });
      const body = await validateBody(TranscriptionOptionsDto, fields);
      return {
        ...call,
        provider: requestedProvider(request, body.provider),
        ...options(body),
        audio: file.data,
        filename: file.filename,
        contentType: file.mimetype,
        field: 'file',
      };
    }
    const body = await validateBody(TranscriptionDto, request.body);
    const fetched = await this.fetcher.fetch(body.audio_url, 'audio_url', call.signal);
    return {
      ...call,
      ...options(body),
      audio: fetched.body,
      filename: fetched.filename,
      contentType: fetched.contentType,
      field: 'audio_url',
    };
  }
}

function options(body: TranscriptionOptionsDto) {
  return {
    model: body.model,
    purpose: body.purpose,
    language: body.language === 'auto' ? undefined : body.language,
    prompt: body.prompt,
  };
}
