import { IsString, MinLength } from 'class-validator';
import { ApiUpstreamEnv } from './api-env-upstream.schema';

/** The platform's default model per modality (and the default voice). */
export class ApiModelsEnv extends ApiUpstreamEnv {
  @IsString()
  @MinLength(1)
  DEFAULT_CHAT_MODEL: string = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';

  @IsString()
  @MinLength(1)
  DEFAULT_TEXT_MODEL: string = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';

  @IsString()
  @MinLength(1)
  DEFAULT_CODE_MODEL: string = 'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8';

  @IsString()
  @MinLength(1)
  DEFAULT_VISION_MODEL: string = 'Qwen/Qwen3.5-9B';

  @IsString()
  @MinLength(1)
  DEFAULT_IMAGE_MODEL: string = 'black-forest-labs/FLUX.1-schnell';

  @IsString()
  @MinLength(1)
  DEFAULT_TTS_MODEL: string = 'hexgrad/Kokoro-82M';

  @IsString()
  @MinLength(1)
  DEFAULT_TTS_VOICE: string = 'af_alloy';

  @IsString()
  @MinLength(1)
  DEFAULT_STT_MODEL: string = 'openai/whisper-large-v3';

  @IsString()
  @MinLength(1)
  DEFAULT_EMBEDDING_MODEL: string = 'intfloat/multilingual-e5-large-instruct';
}
