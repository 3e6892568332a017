import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tiergate/common';
import { UpstreamKeyResolver, type UpstreamCredential } from '@tiergate/key-manager';
import { ProviderRegistry } from '@tiergate/provider';

export class BatchKeyGoneError extends DomainError {
  constructor() {
    super(
      ErrorCode.UpstreamAuthFailed,
      'The provider key that submitted this batch is no longer available, so the batch cannot be followed',
    );
  }
}

/**
 * Keys for batches. A batch is submitted with the caller's own key, else a system key; it lives
 * in that key's account, so every later call about it uses the same key (found by its id).
 */
@Injectable()
export class BatchCredentials {
  constructor(
    private readonly resolver: UpstreamKeyResolver,
    private readonly providers: ProviderRegistry,
  ) {}

  get provider(): { id: string; name: string } {
    return { id: this.providers.primary.id, name: this.providers.primary.displayName };
  }

  forSubmission(caller: { id: string }): Promise<UpstreamCredential> {
    return this.resolver.resolve(caller, this.provider.id, this.provider.name);
  }

  usesOwnKey(caller: { id: string }): Promise<boolean> {
    return this.resolver.usesOwnKey(caller, this.provider.id);
  }

  /** The key the job was submitted with; BatchKeyGoneError when it was deleted or retired. */
  async forJob(job: {
    userId: string;
    keySource: string;
    upstreamKeyId: string | null;
  }): Promise<UpstreamCredential> {
    const { id, name } = this.provider;
    if (job.keySource === 'user') {
      const own = await this.resolver.resolve({ id: job.userId }, id, name).catch(() => undefined);
      if (own && own.keyId === job.upstreamKeyId) return own;
      throw new BatchKeyGoneError();
    }
    // The resolver hands out system keys in turn: walk them until the job's own comes up.
    const tried = new Set<string>();
    for (;;) {
      const key = await this.resolver.systemKey(id, name, tried).catch(() => undefined);
      if (!key) throw new BatchKeyGoneError();
      if (key.keyId === job.upstreamKeyId) return key;
      tried.add(key.keyId);
    }
  }
}
