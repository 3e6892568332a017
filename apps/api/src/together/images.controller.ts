import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, sniffImageType } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { GatewayService } from '@tiergate/gateway';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { numericFields, readMultipart } from '../http/multipart';
import { requestedProvider } from '../http/requested-provider';
import { publicBaseUrl } from '../http/public-url';
import { validateBody } from '../http/validation';
import { ImageAnalysisDto, ImageGenerationDto } from './dto/image.dto';
import { ImageGenerationResponseDto, TextResponseDto } from './dto/together-responses.dto';
import { servedBy } from './dto/served-by.dto';

@ApiTags('together')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('api/v1/together/images')
export class ImagesController {
  constructor(
    private readonly gateway: GatewayService,
    private readonly config: ApiConfig,
  ) {}

  @Post('generations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Image generation: prompt → a stored image behind a signed, expiring URL' })
  @ApiOkResponse({ type: ImageGenerationResponseDto })
  async generate(
    @Call() call: CallContext,
    @Body() body: ImageGenerationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImageGenerationResponseDto> {
    const served = await this.gateway.generateImages({
      ...call,
      model: body.model,
      purpose: body.purpose,
      prompt: body.prompt,
      negativePrompt: body.negative_prompt,
      width: body.width,
      height: body.height,
      steps: body.num_inference_steps,
      n: body.n,
      seed: body.seed,
    });
    const { result, source } = answered(reply, served);
    const base = publicBaseUrl(request, this.config.media.publicBaseUrl);
    const images = result.map((image) => ({
      url: base + image.path,
      ...(body.response_format === 'base64' ? { b64_json: image.data.toString('base64') } : {}),
    }));
    return {
      id: call.requestId,
      url: images[0].url,
      images,
      expires_at: result[0].expiresAt.toISOString(),
      ...servedBy(source),
    };
  }

  @Post('analysis')
  @HttpCode(200)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    summary: 'Image analysis: image_url (or an uploaded `image` file) and prompt → text, from a vision model',
  })
  @ApiOkResponse({ type: TextResponseDto })
  async analyse(
    @Call() call: CallContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TextResponseDto> {
    const { body, imageUrl } = await this.readAnalysis(request);
    const answer = await this.gateway.chat({
      ...call,
      provider: requestedProvider(request, body.provider),
      modality: 'vision',
      model: body.model,
      purpose: body.purpose,
      sampling: { maxTokens: body.max_tokens, temperature: body.temperature },
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: body.prompt },
            { type: 'image_url', image_url: { url: imageUrl } },
          ],
        },
      ],
    });
    return TextResponseDto.from(call.requestId, answered(reply, answer));
  }

  /** JSON with `image_url`, or multipart with an `image` file (sent on as a data URL). */
  private async readAnalysis(request: FastifyRequest): Promise<{ body: ImageAnalysisDto; imageUrl: string }> {
    if (!request.isMultipart()) {
      const body = await validateBody(ImageAnalysisDto, request.body);
      if (!body.image_url)
        throw new DomainError(ErrorCode.ValidationFailed, 'image_url is required (or upload an image file)', {
          param: 'image_url',
        });
      return { body, imageUrl: body.image_url };
    }
    const { fields, file } = await readMultipart(request, {
      fileField: 'image',
      maxFileBytes: this.config.media.maxImageUploadBytes,
      fields: ['prompt', 'max_tokens', 'temperature', 'purpose', 'model', 'provider'],
    });
    if (!file) throw new DomainError(ErrorCode.ValidationFailed, 'image is required', { param: 'image' });
    const type = sniffImageType(file.data);
    if (!type)
      throw new DomainError(ErrorCode.UnsupportedMediaType, 'image must be a PNG, JPEG, WebP or GIF file', {
        param: 'image',
      });
    const body = await validateBody(ImageAnalysisDto, {
      ...fields,
      ...numericFields(fields, ['max_tokens', 'temperature']),
    });
    return { body, imageUrl: `data:${type};base64,${file.data.toString('base64')}` };
  }
}
