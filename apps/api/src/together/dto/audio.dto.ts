import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ModelField, ProviderField, PurposeField } from '../../http/dto-fields';

export const LANGUAGE = /^([a-z]{2,3}(-[A-Za-z]{2})?|auto)$/;
export const MAX_SPEECH_CHARS = 4_096;

/** The options of a transcription; a multipart upload sends these beside its `file`. */
export class TranscriptionOptionsDto {
  @ApiPropertyOptional({ example: 'en', description: 'ISO-639-1 code, or auto' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be an ISO-639-1 code such as en, or auto' })
  language?: string;

  @ApiPropertyOptional({ description: 'Context for the model (names, spelling)' })
  @IsOptional()
  @IsString({ message: 'prompt must be a string' })
  @MaxLength(2_000, { message: 'prompt must be at most 2000 characters' })
  prompt?: string;

  @PurposeField('general, transcription')
  purpose?: string;

  @ModelField('openai/whisper-large-v3')
  model?: string;

  @ProviderField()
  provider?: string;
}

/** JSON body of a transcription by URL. */
export class TranscriptionDto extends TranscriptionOptionsDto {
  @ApiProperty({ example: 'https://example.com/audio.mp3', description: 'An http(s) URL Tiergate fetches' })
  @IsString({ message: 'audio_url must be a string' })
  @MaxLength(2048, { message: 'audio_url must be at most 2048 characters' })
  audio_url!: string;
}

export class SpeechDto {
  @ApiProperty({ example: 'Welcome to Tiergate.', maxLength: MAX_SPEECH_CHARS })
  @IsString({ message: 'text must be a string' })
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(MAX_SPEECH_CHARS, { message: `text must be at most ${MAX_SPEECH_CHARS} characters` })
  text!: string;

  @ApiPropertyOptional({
    example: 'af_alloy',
    description: 'A voice of the model; "default" picks the platform default',
  })
  @IsOptional()
  @Matches(/^[\w ()+.,-]{1,64}$/, { message: 'voice must be a voice name such as af_alloy' })
  voice?: string;

  @ApiPropertyOptional({ enum: ['mp3', 'wav'], default: 'mp3' })
  @IsOptional()
  @IsIn(['mp3', 'wav'], { message: 'response_format must be mp3 or wav' })
  response_format?: 'mp3' | 'wav';

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter code such as en' })
  language?: string;

  @PurposeField('general, tts')
  purpose?: string;

  @ModelField('hexgrad/Kokoro-82M')
  model?: string;

  @ProviderField()
  provider?: string;
}
