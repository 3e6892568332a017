import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { DomainError, ErrorCode, NotFoundError } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { openAiCompatibleProvider, ProviderRegistry, TogetherAdapter } from '@tiergate/provider';
import { ChangeBus, SharedSnapshot } from '@tiergate/redis';
import { UpstreamProviderEntity } from './entities/upstream-provider.entity';
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
 * The OpenAI-compatible providers admins add (base URL and key), registered on every instance
 * from the database and kept in step over the change bus. Their keys are ordinary system keys.
 */
@Injectable()
export class ProviderDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProviderDirectory.name);
  private readonly snapshot: SharedSnapshot<UpstreamProviderEntity[]>;
  /** The adapters this directory made and registered, by id: it closes those, and only those. */
  private readonly registered = new Map<string, TogetherAdapter>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ProviderRegistry,
    private readonly keys: ProviderKeysRepository,
    private readonly verifier: ProviderKeyVerifier,
    private readonly resolver: UpstreamKeyResolver,
    private readonly audit: AuditService,
    private readonly config: ApiConfig,
    bus: ChangeBus,
  ) {
    this.snapshot = new SharedSnapshot('upstream-providers', bus, async () => {
      const rows = await this.dataSource
        .getRepository(UpstreamProviderEntity)
        .find({ order: { createdAt: 'ASC' } });
      await this.sync(rows);
      return rows;
    });
  }

  onModuleInit(): Promise<void> {
    return this.snapshot.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.snapshot.stop();
    await this.sync([]);
  }

  list(): UpstreamProviderEntity[] {
    return this.snapshot.value;
  }

  /** Verifies the key against the provider's `GET /models`, then saves both in one transaction. */
  async add(
    actor: AuditActor & { requestId: string },
    input: NewUpstreamProvider,
  ): Promise<UpstreamProviderEntity> {
    if (!PROVIDER_ID.test(input.id))
      throw new DomainError(ErrorCode.ValidationFailed, 'id must be 2-32 lowercase letters, digits, - or _', {
        param: 'id',
      });
    if (this.registry.get(input.id))
      throw new DomainError(ErrorCode.Conflict, `A provider with id ${input.id} already exists`, {
        param: 'id',
      });
    const adapter = this.adapterFor(input);
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
    await this.snapshot.changed();
    await this.resolver.reload();
    return saved;
  }

  async remove(actor: AuditActor, id: string): Promise<void> {
    const row = this.snapshot.value.find((provider) => provider.id === id);
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
    await this.snapshot.changed();
    await this.resolver.reload();
  }

  private adapterFor(row: { id: string; displayName: string; baseUrl: string }): TogetherAdapter {
    const { timeouts, maxConnections } = this.config.upstream;
    return openAiCompatibleProvider(row.id, row.displayName, row.baseUrl, timeouts, maxConnections);
  }

  /** Registers the providers in the database and drops those no longer there. */
  private async sync(rows: UpstreamProviderEntity[]): Promise<void> {
    const wanted = new Set(rows.map((row) => row.id));
    for (const provider of this.registry.all()) {
      if (this.registry.isConfigured(provider.id) || wanted.has(provider.id)) continue;
      this.registry.unregister(provider.id);
      const own = this.registered.get(provider.id);
      this.registered.delete(provider.id);
      await own?.close();
    }
    for (const row of rows) {
      if (this.registry.get(row.id)) continue;
      const adapter = this.adapterFor(row);
      this.registry.register(adapter);
      this.registered.set(row.id, adapter);
      this.logger.log(`Provider ${row.id} (${row.baseUrl}) registered`);
    }
  }
}
