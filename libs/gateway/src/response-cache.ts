import { hash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import type { TextGeneration } from '@tiergate/provider';
import { SharedCache } from '@tiergate/redis';

/**
 * The last good answer to each normalised text request, for the CACHED_RESPONSE fallback: kept in
 * the shared cache (Redis; in-process in embedded mode) for RESPONSE_CACHE_TTL. The key is a
 * digest of everything that shapes the answer (tier, modality, purpose, the named model, the
 * messages or prompt and the sampling options), never of who asked.
 */
@Injectable()
export class ResponseCache {
  private readonly logger = new Logger(ResponseCache.name);

  constructor(
    private readonly cache: SharedCache,
    private readonly config: ApiConfig,
  ) {}

  keyFor(request: object): string {
    return `answers:v1:${hash('sha256', JSON.stringify(request), 'hex')}`;
  }

  async read(key: string): Promise<TextGeneration | undefined> {
    const text = await this.cache.get(key).catch(() => undefined);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as TextGeneration;
    } catch {
      return undefined;
    }
  }

  write(key: string, answer: TextGeneration): void {
    if (!answer.content && !answer.toolCalls?.length) return;
    this.cache
      .set(key, JSON.stringify(answer), this.config.fallback.responseCacheTtlSeconds)
      .catch((error: Error) => this.logger.warn(`could not cache an answer: ${error.message}`));
  }
}
