import { completionWords, countPromptTokens, directives, type ChatLikeMessage } from '../content';
import {
  chatChunk,
  chatCompletion,
  completionChunk,
  finalChatChunk,
  FINAL_TOKEN_ID,
  textCompletion,
  togetherId,
  usage,
} from '../together-shapes';
import {
  applyBodyFault,
  applyPreContentFault,
  invalidParams,
  modelNotAvailable,
  modelOfType,
  sendError,
  streamChunks,
  takeFault,
  type SimContext,
} from './sim-context';

interface GenerationBody {
  model?: unknown;
  messages?: unknown;
  prompt?: unknown;
  max_tokens?: unknown;
  stream?: unknown;
  seed?: unknown;
}

const TEXT_TYPES = ['chat', 'language', 'code'] as const;

function hasImageParts(messages: ChatLikeMessage[]): boolean {
  return messages.some(
    (m) =>
      Array.isArray(m.content) && m.content.some((part: { type?: unknown }) => part?.type === 'image_url'),
  );
}

/** `POST /v1/chat/completions` and `POST /v1/completions`: deterministic text, streamed or not. */
export function registerTextRoutes(context: SimContext): void {
  const { app } = context;

  app.post('/v1/chat/completions', async (request, reply) => {
    const body = (request.body ?? {}) as GenerationBody;
    const fault = takeFault(context, request, reply, typeof body.model === 'string' ? body.model : undefined);
    if (await applyPreContentFault(fault, request, reply)) return reply;
    if (typeof body.model !== 'string') return invalidParams(reply, 'model', 'model is required');
    const model = modelOfType(body.model, [...TEXT_TYPES]);
    if (!model) return modelNotAvailable(reply, body.model);
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return invalidParams(reply, 'messages', 'messages must be a non-empty array');
    const messages = body.messages as ChatLikeMessage[];
    if (hasImageParts(messages) && !model.vision) {
      return sendError(
        reply,
        400,
        `Model ${model.id} does not support image inputs.`,
        'invalid_request_error',
        'invalid_params',
        'messages',
      );
    }
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
    const seed = typeof body.seed === 'number' ? String(body.seed) : '';
    const { words, truncated } = completionWords(messages, maxTokens, seed);
    const counts = usage(countPromptTokens(messages), words.length);
    const finish = truncated ? 'length' : 'stop';
    if (body.stream === true) {
      const id = togetherId();
      const created = Math.floor(Date.now() / 1000);
      return streamChunks(
        context,
        reply,
        words.map((word, i) => chatChunk(id, created, model.id, word, 1000 + i)),
        finalChatChunk(id, created, model.id, finish, counts),
        fault,
        directives(messages).delayMs ?? 0,
      );
    }
    if (applyBodyFault(fault, reply)) return reply;
    return chatCompletion(togetherId(), model.id, words.join(''), finish, counts);
  });

  app.post('/v1/completions', async (request, reply) => {
    const body = (request.body ?? {}) as GenerationBody;
    const fault = takeFault(context, request, reply, typeof body.model === 'string' ? body.model : undefined);
    if (await applyPreContentFault(fault, request, reply)) return reply;
    if (typeof body.model !== 'string') return invalidParams(reply, 'model', 'model is required');
    const model = modelOfType(body.model, [...TEXT_TYPES]);
    if (!model) return modelNotAvailable(reply, body.model);
    if (typeof body.prompt !== 'string' || body.prompt === '')
      return invalidParams(reply, 'prompt', 'prompt must be a non-empty string');
    const asMessages: ChatLikeMessage[] = [{ role: 'user', content: body.prompt }];
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
    const seed = typeof body.seed === 'number' ? String(body.seed) : '';
    const { words, truncated } = completionWords(asMessages, maxTokens, seed);
    const counts = usage(body.prompt.split(/\s+/).filter(Boolean).length, words.length);
    const finish = truncated ? 'length' : 'stop';
    if (body.stream === true) {
      const id = togetherId();
      const created = Math.floor(Date.now() / 1000);
      return streamChunks(
        context,
        reply,
        words.map((word, i) => completionChunk(id, created, model.id, word, 1000 + i)),
        completionChunk(id, created, model.id, '', FINAL_TOKEN_ID, finish, counts),
        fault,
        directives(asMessages).delayMs ?? 0,
      );
    }
    if (applyBodyFault(fault, reply)) return reply;
    return textCompletion(togetherId(), model.id, words.join(''), finish, counts);
  });
}
