import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { DomainError, ErrorCode, NotFoundError } from '@tiergate/common';
import { ProviderDirectory, UpstreamProviderEntity } from '@tiergate/provider';
import { ProviderKeyVerifier } from './provider-key.verifier';
import { ProviderKeysRepository } from './provider-keys.repository';
import { UpstreamKeyResolver } from './upstream-key.resolver';

export interface NewUpstreamProvider {
  id: string;
  displayName: string;
  baseUrl: string;
  key: string;
}

const PROVIDER_ID = /^[a-z][a-z0-9_-]{1,31}$/;

/**
 * Admins add and remove OpenAI-compatible providers (base URL and key); the ProviderDirectory
 * then registers them on every instance. Their keys are ordinary system keys.
 */
@Injectable()
export class ProviderAdministration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: ProviderDirectory,
    private readonly keys: ProviderKeysRepository,
    private readonly verifier: ProviderKeyVerifier,
    private readonly resolver: UpstreamKeyResolver,
    private readonly audit: AuditService,
  ) {}

  /** Verifies the key against the provider's `GET /models`, then saves both in one transaction. */
  async add(
    actor: AuditActor & { requestId: string },
    input: NewUpstreamProvider,
  ): Promise<UpstreamProviderEntity> {
    if (!PROVIDER_ID.test(input.id))
      throw new DomainError(ErrorCode.ValidationFailed, 'id must be 2-32 lowercase letters, digits, - or _', {
        param: 'id',
      });
    if (this.directory.isTaken(input.id))
      throw new DomainError(ErrorCode.Conflict, `A provider with id ${input.id} already exists`, {
        param: 'id',
      });
    const adapter = this.directory.adapterFor(input);
    try {
      await this.verifier.verifyWith(adapter, input.key, actor.requestId, { param: 'base_url' });
    } finally {
      await adapter.close();
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(UpstreamProviderEntity).save({
        id: input.id,
        displayName: input.displayName,
        baseUrl: input.baseUrl.replace(/\/+$/, ''),
        createdBy: actor.id,
      });
      const key = await this.keys.insertVerifiedSystemKey(
        { provider: input.id, label: `${input.displayName} key`, secret: input.key, createdBy: actor.id },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'provider.create',
          targetType: 'provider',
          targetId: input.id,
          after: { id: row.id, displayName: row.displayName, baseUrl: row.baseUrl, keyHint: `…${key.last4}` },
        },
        manager,
      );
      return row;
    });
    await this.directory.changed();
    await this.resolver.reload();
    return saved;
  }

  async remove(actor: AuditActor, id: string): Promise<void> {
    const row = this.directory.find(id);
    if (!row) throw new NotFoundError('Provider', 'id');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UpstreamProviderEntity).delete({ id });
      for (const key of await this.keys.listSystemKeys(id))
        if (!['revoked', 'retired'].includes(key.status))
          await this.keys.end(key.id, 'revoked', 'its provider was removed', manager);
      await this.audit.record(
        actor,
        {
          action: 'provider.delete',
          targetType: 'provider',
          targetId: id,
          before: { displayName: row.displayName, baseUrl: row.baseUrl },
        },
        manager,
      );
    });
    await this.directory.changed();
    await this.resolver.reload();
  }
}
