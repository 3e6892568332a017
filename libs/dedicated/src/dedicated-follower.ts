import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProviderError, TogetherEndpointsClient } from '@tiergate/provider';
import { DedicatedCatalog } from './dedicated-catalog';
import { DedicatedCredentials } from './dedicated-credentials';
import { DedicatedRepository } from './dedicated.repository';
import { DEDICATED_SETTINGS, pollDelayMs, type DedicatedSettings } from './dedicated.settings';
import { EndpointStates } from './endpoint-states';

const SWEEP_BATCH = 50;

/**
 * Follows endpoints (closely while they start or stop, now and then once settled, since Together
 * stops idle ones) and upload jobs until they end. Each row is claimed for a lease before it is
 * touched and every step is idempotent (a run interval opens or closes once), so a follower that
 * stops anywhere is simply run again.
 */
@Injectable()
export class DedicatedFollower {
  private readonly logger = new Logger(DedicatedFollower.name);

  constructor(
    private readonly repository: DedicatedRepository,
    private readonly client: TogetherEndpointsClient,
    private readonly credentials: DedicatedCredentials,
    private readonly states: EndpointStates,
    private readonly catalog: DedicatedCatalog,
    @Inject(DEDICATED_SETTINGS) private readonly settings: DedicatedSettings,
  ) {}

  /** Follows every endpoint and upload whose poll is due; answers how many were followed. */
  async sweep(): Promise<number> {
    let followed = 0;
    for (const id of await this.repository.due('dedicated_endpoints', SWEEP_BATCH)) {
      if (!(await this.repository.claim('dedicated_endpoints', id, this.settings.claimLeaseMs))) continue;
      followed += 1;
      await this.followEndpoint(id).catch((error: unknown) =>
        this.retryLater('dedicated_endpoints', id, error),
      );
    }
    for (const id of await this.repository.due('model_uploads', SWEEP_BATCH)) {
      if (!(await this.repository.claim('model_uploads', id, this.settings.claimLeaseMs))) continue;
      followed += 1;
      await this.followUpload(id).catch((error: unknown) => this.retryLater('model_uploads', id, error));
    }
    return followed;
  }

  private async followEndpoint(id: string): Promise<void> {
    const endpoint = await this.repository.endpoint(id);
    if (!endpoint) return;
    try {
      const upstream = await this.client.getEndpoint(await this.credentials.apiKey(), endpoint.upstreamId);
      await this.states.record(endpoint, upstream);
    } catch (error) {
      // Deleted at Together behind our back: it no longer runs (nor bills).
      if (!(error instanceof ProviderError && error.upstreamStatus === 404)) throw error;
      const now = new Date();
      await this.repository.closeRun(endpoint.id, now);
      await this.repository.updateEndpoint(endpoint.id, {
        state: 'ERROR',
        error: 'The endpoint no longer exists at the provider',
        nextPollAt: new Date(now.getTime() + this.settings.steadyPollMs),
      });
      this.catalog.invalidate();
    }
  }

  private async followUpload(id: string): Promise<void> {
    const upload = await this.repository.upload(id);
    if (!upload) return;
    const job = await this.client.job(await this.credentials.apiKey(), upload.jobId);
    await this.repository.updateUpload(id, {
      status: job.status,
      error: job.status === 'Failed' ? (job.message ?? 'The upload failed at the provider') : null,
      nextPollAt: new Date(Date.now() + pollDelayMs(this.settings, upload.polls)),
    });
    if (job.status === 'Complete' && upload.status !== 'Complete') this.catalog.invalidate();
  }

  private async retryLater(table: 'dedicated_endpoints' | 'model_uploads', id: string, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`${table} ${id}: following failed (will retry): ${message}`);
    await this.repository
      .retryLater(table, id, this.settings.minPollDelayMs, this.settings.maxPollDelayMs)
      .catch(() => undefined);
  }
}
