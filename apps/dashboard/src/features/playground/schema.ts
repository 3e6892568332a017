import type { components } from '@/api/schema';

/** Where an answer came from (absent when the `together_ai_ui_indicators` flag is off). */
export type ModelSourceIndicator = components['schemas']['ModelSourceIndicatorDto'];
export type AnswerUsage = components['schemas']['UsageDto'];
export type KeySource = 'system' | 'user';
export type ChatRequest = components['schemas']['ChatCompletionDto'];
export type ImageRequest = components['schemas']['ImageGenerationDto'];
export type ImageAnswer = components['schemas']['ImageGenerationResponseDto'];
export type SpeechRequest = components['schemas']['SpeechDto'];
export type SpeechAnswer = components['schemas']['SpeechResponseDto'];
export type CatalogModel = components['schemas']['CatalogModelDto'];

/**
 * One server-sent event of `POST /api/v1/together/chat/completions` with `stream: true` (the
 * OpenAPI document describes the JSON answer only, so the stream's events are typed here):
 * `{id, delta: {content}, model_id, provider}` per piece (the first also says where the answer
 * comes from), a final event with `finish_reason`, `usage` and the indicator, then `[DONE]`.
 * A stream that fails after it started ends with an in-band `{error, request_id}` event.
 */
export interface ChatStreamEvent {
  id?: string;
  model_id?: string;
  provider?: string;
  key_source?: KeySource;
  delta?: { content?: string };
  finish_reason?: string | null;
  usage?: AnswerUsage | null;
  model_source_indicator?: ModelSourceIndicator;
  error?: { message?: string; type?: string; code?: string | null; param?: string | null };
  request_id?: string;
}

/** The stream's last line, `data: [DONE]`. */
export const STREAM_DONE = '[DONE]';
