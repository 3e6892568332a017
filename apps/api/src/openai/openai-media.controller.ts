import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import type { SpeechToTextTask } from '@tiergate/provider';
import { ApiConfig } from '@tiergate/config';
import { GatewayService } from '@tiergate/gateway';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { numericFields, readMultipart } from '../http/multipart';
import { PROVIDER_ID, PROVIDER_ID_MESSAGE } from '../http/dto-fields';
import { requestedProvider } from '../http/requested-provider';
import { publicBaseUrl } from '../http/public-url';
import { LANGUAGE } from '../together/dto/audio.dto';
import { OpenAiEmbeddingDto, OpenAiImageDto, OpenAiSpeechDto } from './dto/openai-media.dto';
import { resolveModelAlias, resolveVoice } from './openai-shapes';

const TRANSCRIPTION_FIELDS = [
  'model',
  'language',
  'prompt',
  'response_format',
  'temperature',
  'timestamp_granularities',
  'purpose',
  'provider',
] as const;

function invalid(param: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, { param });
}

/** OpenAI-compatible images, audio and embeddings. */
@ApiTags('openai')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('v1')
export class OpenAiMediaController {
  constructor(
    private readonly gateway: GatewayService,
    private readonly config: ApiConfig,
  ) {}

  @Post('images/generations')
  @HttpCode(200)
  @ApiOperation({ summary: 'OpenAI-compatible image generation (url: a signed Tiergate link; or b64_json)' })
  async images(
    @Call() call: CallContext,
    @Body() body: OpenAiImageDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const [width, height] = body.size ? body.size.split('x').map(Number) : [body.width, body.height];
    for (const [name, value] of [
      ['size', width],
      ['size', height],
    ] as const)
      if (value !== undefined && (value < 256 || value > 1920 || value % 8 !== 0))
        throw invalid(
          body.size ? name : 'width',
          'width and height must be multiples of 8 between 256 and 1920',
        );
    const served = await this.gateway.generateImages({
      ...call,
      model: resolveModelAlias(body.model),
      purpose: body.purpose,
      prompt: body.prompt,
      negativePrompt: body.negative_prompt,
      width,
      height,
      steps: body.steps,
      n: body.n,
      seed: body.seed,
    });
    const { result } = answered(reply, served);
    const base = publicBaseUrl(request, this.config.media.publicBaseUrl);
    const asBase64 = body.response_format === 'b64_json' || body.response_format === 'base64';
    return {
      created: Math.floor(Date.now() / 1000),
      data: result.map((image) =>
        asBase64 ? { b64_json: image.data.toString('base64') } : { url: base + image.path },
      ),
    };
  }

  @Post('audio/transcriptions')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'OpenAI-compatible transcription of an uploaded `file` (json, text or verbose_json)',
  })
  transcribe(
    @Call() call: CallContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.speechToText('transcribe', call, request, reply);
  }

  @Post('audio/translations')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'OpenAI-compatible translation of an uploaded `file` into English text (json, text or verbose_json)',
  })
  translate(
    @Call() call: CallContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.speechToText('translate', call, request, reply);
  }

  /** Both speech-to-text routes: the same form, the same checks, one upstream path each. */
  private async speechToText(
    task: SpeechToTextTask,
    call: CallContext,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const { fields, file } = await readMultipart(request, {
      fileField: 'file',
      maxFileBytes: this.config.media.maxAudioUploadBytes,
      fields: TRANSCRIPTION_FIELDS,
    });
    if (!file) throw invalid('file', 'file is required');
    const format = fields.response_format ?? 'json';
    if (!['json', 'text', 'verbose_json'].includes(format))
      throw invalid('response_format', 'response_format must be json, text or verbose_json');
    if (fields.language !== undefined && !LANGUAGE.test(fields.language))
      throw invalid('language', 'language must be an ISO-639-1 code such as en');
    const { temperature } = numericFields(fields, ['temperature']);
    if (temperature !== undefined && !(temperature >= 0 && temperature <= 1))
      throw invalid('temperature', 'temperature must be a number between 0 and 1');
    if (fields.prompt !== undefined && fields.prompt.length > 2_000)
      throw invalid('prompt', 'prompt must be at most 2000 characters');
    if (fields.provider !== undefined && !PROVIDER_ID.test(fields.provider))
      throw invalid('provider', PROVIDER_ID_MESSAGE);
    const served = await this.gateway.transcribe({
      ...call,
      task,
      provider: requestedProvider(request, fields.provider),
      model: resolveModelAlias(fields.model),
      purpose: fields.purpose,
      audio: file.data,
      filename: file.filename,
      contentType: file.mimetype,
      field: 'file',
      language: fields.language === 'auto' ? undefined : fields.language,
      prompt: fields.prompt,
      temperature,
    });
    const { result } = answered(reply, served);
    if (format === 'text') return reply.type('text/plain; charset=utf-8').send(result.text);
    if (format === 'json') return { text: result.text };
    return {
      task,
      language: result.language ?? (task === 'translate' ? 'english' : (fields.language ?? 'english')),
      duration: result.durationSeconds,
      text: result.text,
      segments: (result.segments ?? []).map((s, id) => ({ id, start: s.start, end: s.end, text: s.text })),
    };
  }

  @Post('audio/speech')
  @HttpCode(200)
  @ApiOperation({ summary: 'OpenAI-compatible text to speech: the audio bytes (mp3, wav or pcm)' })
  async speech(
    @Call() call: CallContext,
    @Body() body: OpenAiSpeechDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const format = body.response_format ?? 'mp3';
    const served = await this.gateway.speak({
      ...call,
      model: resolveModelAlias(body.model),
      purpose: body.purpose,
      input: body.input,
      voice: resolveVoice(body.model, body.voice),
      format: format === 'pcm' ? 'raw' : format,
      store: false,
    });
    const { result } = answered(reply, served);
    void reply
      .type(result.contentType)
      .header('x-tiergate-audio-duration-seconds', String(result.durationSeconds));
    return result.audio;
  }

  @Post('embeddings')
  @HttpCode(200)
  @ApiOperation({ summary: 'OpenAI-compatible embeddings (float or base64 encoding)' })
  async embeddings(
    @Call() call: CallContext,
    @Body() body: OpenAiEmbeddingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = typeof body.input === 'string' ? [body.input] : body.input;
    const served = await this.gateway.embed({
      ...call,
      model: resolveModelAlias(body.model),
      purpose: body.purpose,
      input,
    });
    const { result, source } = answered(reply, served);
    const tokens = result.usage?.promptTokens ?? 0;
    return {
      object: 'list',
      model: source.servedModel,
      data: result.vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding:
          body.encoding_format === 'base64'
            ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
            : vector,
      })),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    };
  }
}
