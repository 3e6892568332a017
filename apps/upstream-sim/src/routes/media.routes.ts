import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { completionWords } from '../content';
import { mp3Audio, pngImage, spokenText, wavAudio, wavDurationSeconds } from '../media';
import { togetherId } from '../together-shapes';
import {
  applyBodyFault,
  applyPreContentFault,
  invalidParams,
  modelNotAvailable,
  modelOfType,
  sendError,
  takeFault,
  type SimContext,
} from './sim-context';

const MAX_UPLOAD_BYTES = 80 * 1024 * 1024; // Together: 413 request_too_large above 80 MB
const MAX_STORED_FILES = 256;
/** Simulated speaking rate: the duration of speech is words × this. */
export const SECONDS_PER_SPOKEN_WORD = 0.4;

function int(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function digestNumber(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

function storeFile(context: SimContext, body: Buffer, contentType: string, ext: string): string {
  const name = `${randomUUID()}.${ext}`;
  context.files.set(name, { body, contentType });
  if (context.files.size > MAX_STORED_FILES) context.files.delete(context.files.keys().next().value!);
  return name;
}

function baseUrl(request: { protocol: string; headers: { host?: string } }): string {
  return `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`;
}

/** Images, audio (speech and transcription), embeddings, and the files the simulator serves. */
export function registerMediaRoutes(context: SimContext): void {
  const { app } = context;

  app.post('/v1/images/generations', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fault = takeFault(context, request, reply, typeof body.model === 'string' ? body.model : undefined);
    if (await applyPreContentFault(fault, request, reply)) return reply;
    const model = modelOfType(body.model, ['image']);
    if (!model) return modelNotAvailable(reply, body.model);
    if (typeof body.prompt !== 'string' || !body.prompt.trim())
      return invalidParams(reply, 'prompt', 'prompt is required');
    const width = int(body.width, 1024);
    const height = int(body.height, 1024);
    for (const [name, value] of [
      ['width', width],
      ['height', height],
    ] as const) {
      if (value === undefined || value < 256 || value > 1920 || value % 8 !== 0)
        return invalidParams(reply, name, `${name} must be a multiple of 8 between 256 and 1920`);
    }
    const n = int(body.n, 1);
    if (n === undefined || n < 1 || n > 4) return invalidParams(reply, 'n', 'n must be between 1 and 4');
    const format = body.response_format ?? 'url';
    if (format !== 'url' && format !== 'base64')
      return invalidParams(reply, 'response_format', 'response_format must be url or base64');
    if (applyBodyFault(fault, reply)) return reply;
    const seed = digestNumber(`${body.prompt}|${typeof body.seed === 'number' ? body.seed : ''}`);
    const data = Array.from({ length: n }, (_, index) => {
      const png = pngImage(width!, height!, seed + index);
      if (format === 'base64')
        return { index, type: 'b64_json', b64_json: png.toString('base64'), timings: { inference: 0.05 } };
      const name = storeFile(context, png, 'image/png', 'png');
      return {
        index,
        type: 'url',
        url: `${baseUrl(request)}/_sim/files/${name}`,
        timings: { inference: 0.05 },
      };
    });
    return { id: togetherId(), model: model.id, object: 'list', data };
  });

  app.post('/v1/audio/speech', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fault = takeFault(context, request, reply, typeof body.model === 'string' ? body.model : undefined);
    if (await applyPreContentFault(fault, request, reply)) return reply;
    const model = modelOfType(body.model, ['audio']);
    if (!model) return modelNotAvailable(reply, body.model);
    if (typeof body.input !== 'string' || !body.input.trim())
      return invalidParams(reply, 'input', 'input is required');
    if (typeof body.voice !== 'string' || !body.voice)
      return invalidParams(reply, 'voice', 'voice is required');
    const format = body.response_format ?? 'wav';
    if (!['mp3', 'wav', 'raw'].includes(format as string))
      return invalidParams(reply, 'response_format', 'response_format must be mp3, wav or raw');
    if (applyBodyFault(fault, reply)) return reply;
    const seconds = Math.max(1, body.input.trim().split(/\s+/).length) * SECONDS_PER_SPOKEN_WORD;
    if (format === 'mp3') return reply.type('audio/mpeg').send(mp3Audio(seconds, body.input));
    const wav = wavAudio(seconds, 24_000, body.input);
    if (format === 'raw')
      return reply.type('application/octet-stream').send(wav.subarray(wav.indexOf('data') + 8));
    return reply.type('audio/wav').send(wav);
  });

  // A translation is a transcription rendered in English; the simulator's speech is English already.
  const speechToText =
    (task: 'transcribe' | 'translate') => async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.isMultipart())
        return invalidParams(reply, 'file', 'the request must be multipart/form-data with a file');
      const fields: Record<string, string> = {};
      let audio: Buffer | undefined;
      try {
        for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES } })) {
          if (part.type === 'file') audio = await part.toBuffer();
          else fields[part.fieldname] = String(part.value);
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          return sendError(
            reply,
            413,
            'The uploaded file is larger than 80 MB.',
            'invalid_request_error',
            'request_too_large',
          );
        throw error;
      }
      const modelId = fields.model ?? 'openai/whisper-large-v3';
      const fault = takeFault(context, request, reply, modelId);
      if (await applyPreContentFault(fault, request, reply)) return reply;
      const model = modelOfType(modelId, ['transcribe']);
      if (!model) return modelNotAvailable(reply, modelId);
      if (!audio || audio.length === 0) return invalidParams(reply, 'file', 'file is required');
      const format = fields.response_format ?? 'json';
      if (format !== 'json' && format !== 'verbose_json')
        return invalidParams(reply, 'response_format', 'response_format must be json or verbose_json');
      const spoken = spokenText(audio);
      const duration = wavDurationSeconds(audio) ?? Math.round((audio.length / 16_000) * 100) / 100;
      if (
        !spoken &&
        !wavDurationSeconds(audio) &&
        audio[0] !== 0xff &&
        audio.toString('ascii', 0, 3) !== 'ID3'
      )
        return sendError(
          reply,
          400,
          'The audio file could not be decoded.',
          'invalid_request_error',
          'unsupported_format',
        );
      if (applyBodyFault(fault, reply)) return reply;
      const text =
        spoken ??
        completionWords(
          [{ role: 'user', content: audio.subarray(0, 4096).toString('base64') }],
          undefined,
        ).words.join('');
      if (format === 'json') return { text };
      return {
        task,
        language:
          task === 'translate' || fields.language === 'auto' || !fields.language
            ? 'english'
            : fields.language,
        duration,
        text,
        segments: [{ id: 0, start: 0, end: duration, text }],
      };
    };
  app.post('/v1/audio/transcriptions', speechToText('transcribe'));
  app.post('/v1/audio/translations', speechToText('translate'));

  app.post('/v1/embeddings', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fault = takeFault(context, request, reply, typeof body.model === 'string' ? body.model : undefined);
    if (await applyPreContentFault(fault, request, reply)) return reply;
    const unknown = Object.keys(body).filter((k) => !['model', 'input', 'encoding_format'].includes(k));
    if (unknown.length)
      return sendError(
        reply,
        400,
        `Unrecognized request arguments supplied: ${unknown.join(', ')}`,
        'invalid_request_error',
        'invalid_params',
      );
    const model = modelOfType(body.model, ['embedding']);
    if (!model) return modelNotAvailable(reply, body.model);
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((i) => typeof i !== 'string'))
      return invalidParams(reply, 'input', 'input must be a string or an array of strings');
    if (applyBodyFault(fault, reply)) return reply;
    const dimensions = model.dimensions ?? 1024;
    const data = (inputs as string[]).map((text, index) => {
      const digest = createHash('sha256').update(text).digest();
      const vector = Array.from({ length: dimensions }, (_, i) => (digest[i % 32] - 128) / 128);
      const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0)) || 1;
      return { object: 'embedding', index, embedding: vector.map((v) => Math.round((v / norm) * 1e6) / 1e6) };
    });
    const tokens = (inputs as string[]).reduce((sum, t) => sum + t.split(/\s+/).filter(Boolean).length, 0);
    return {
      object: 'list',
      model: model.id,
      data,
      usage: { prompt_tokens: tokens, completion_tokens: 0, total_tokens: tokens },
    };
  });

  app.get('/_sim/files/:name', async (request, reply) => {
    const file = context.files.get((request.params as { name: string }).name);
    if (!file) return sendError(reply, 404, 'No such file', 'invalid_request_error', 'not_found');
    return reply.type(file.contentType).send(file.body);
  });
}
