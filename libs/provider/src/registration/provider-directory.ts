import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiConfig } from '@tiergate/config';
import { ChangeBus, SharedSnapshot } from '@tiergate/redis';
import { UpstreamProviderEntity } from '../entities/upstream-provider.entity';
import { openAiCompatibleProvider } from '../openai-compatible/openai-compatible.adapter';
import { ProviderRegistry } from '../provider.registry';
import type { TogetherAdapter } from '../together/together.adapter';

/** What an OpenAI-compatible provider is reached by. */
export interface UpstreamProviderAddress {
  id: string;
  displayName: string;
  baseUrl: string;
}

/**
 * The OpenAI-compatible providers admins added (the `upstream_providers` rows), registered in the
 * ProviderRegistry on every instance and kept in step over the change bus. It closes the adapters
 * it made, and only those.
 */
@Injectable()
export class ProviderDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProviderDirectory.name);
  private readonly snapshot: SharedSnapshot<UpstreamProviderEntity[]>;
  /** The adapters this directory made and registered, by id. */
  private readonly registered = new Map<string, TogetherAdapter>();

  constructor(
    @InjectRepository(UpstreamProviderEntity) rows: Repository<UpstreamProviderEntity>,
    private readonly registry: ProviderRegistry,
    private readonly config: ApiConfig,
    bus: ChangeBus,
  ) {
    this.snapshot = new SharedSnapshot('upstream-providers', bus, async () => {
      const found = await rows.find({ order: { createdAt: 'ASC' } });
      await this.sync(found);
      return found;
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

  find(id: string): UpstreamProviderEntity | undefined {
    return this.snapshot.value.find((provider) => provider.id === id);
  }

  /** Whether a provider (configured or added) already has this id. */
  isTaken(id: string): boolean {
    return this.registry.get(id) !== undefined;
  }

  /** A new adapter for the address, not registered: its caller closes it (to verify a key, say). */
  adapterFor(address: UpstreamProviderAddress): TogetherAdapter {
    const { timeouts, maxConnections } = this.config.upstream;
    return openAiCompatibleProvider(
      address.id,
      address.displayName,
      address.baseUrl,
      timeouts,
      maxConnections,
    );
  }

  /** After rows were committed: re-reads them here, then tells every other instance to. */
  changed(): Promise<void> {
    return this.snapshot.changed();
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
