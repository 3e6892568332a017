import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { NotFoundError } from '@tiergate/common';
import { ProviderError, TogetherEndpointsClient, type UpstreamHardware } from '@tiergate/provider';
import { DedicatedCatalog } from './dedicated-catalog';
import { DedicatedCredentials } from './dedicated-credentials';
import { DedicatedRepository } from './dedicated.repository';
import { HardwareUnavailableError, InvalidFieldError } from './dedicated.errors';
import { EndpointStates } from './endpoint-states';
import { DedicatedEndpointEntity } from './entities/dedicated-endpoint.entity';

export interface NewEndpoint {
  model: string;
  hardware: string;
  displayName?: string;
  minReplicas: number;
  maxReplicas: number;
  autoShutdownMinutes?: number;
}

export interface EndpointPatch {
  state?: 'STARTED' | 'STOPPED';
  minReplicas?: number;
  maxReplicas?: number;
  displayName?: string;
}

/** What the audit log keeps of an endpoint. */
const auditView = (e: DedicatedEndpointEntity) => ({
  name: e.name,
  model: e.model,
  hardware: e.hardware,
  state: e.state,
  min_replicas: e.minReplicas,
  max_replicas: e.maxReplicas,
  display_name: e.displayName,
});

/**
 * Dedicated endpoints for admins: hardware for a model, create (priced from the hardware list),
 * read, list, start / stop / rescale / rename, delete. Every change is audited; the follower
 * (DedicatedFollower) follows the state from there.
 */
@Injectable()
export class DedicatedEndpointsService {
  constructor(
    private readonly repository: DedicatedRepository,
    private readonly client: TogetherEndpointsClient,
    private readonly credentials: DedicatedCredentials,
    private readonly states: EndpointStates,
    private readonly catalog: DedicatedCatalog,
    private readonly audit: AuditService,
  ) {}

  /** Hardware configurations (for one model: only those that fit it, with availability). */
  async hardware(model?: string): Promise<UpstreamHardware[]> {
    try {
      return await this.client.hardware(await this.credentials.apiKey(), model);
    } catch (error) {
      if (model !== undefined && error instanceof ProviderError && error.upstreamStatus === 404)
        throw new InvalidFieldError('model', `Model ${model} cannot be deployed on a dedicated endpoint`);
      throw error;
    }
  }

  async create(actor: AuditActor, input: NewEndpoint): Promise<DedicatedEndpointEntity> {
    if (input.maxReplicas < input.minReplicas)
      throw new InvalidFieldError('max_replicas', 'max_replicas must be at least min_replicas');
    const offered = (await this.hardware(input.model)).find((h) => h.id === input.hardware);
    if (!offered)
      throw new InvalidFieldError(
        'hardware',
        `Hardware ${input.hardware} is not offered for ${input.model}; GET /api/v1/admin/hardware?model=… lists what is`,
      );
    if (offered.available === false) throw new HardwareUnavailableError(input.hardware);
    const upstream = await this.client.createEndpoint(await this.credentials.apiKey(), {
      model: input.model,
      hardware: input.hardware,
      displayName: input.displayName,
      minReplicas: input.minReplicas,
      maxReplicas: input.maxReplicas,
      inactiveTimeoutMinutes: input.autoShutdownMinutes,
    });
    const now = new Date();
    const endpoint: DedicatedEndpointEntity = {
      id: randomUUID(),
      upstreamId: upstream.id,
      provider: this.credentials.providerId,
      name: upstream.name,
      displayName: upstream.displayName ?? input.displayName ?? null,
      model: input.model,
      hardware: input.hardware,
      state: upstream.state,
      minReplicas: upstream.minReplicas,
      maxReplicas: upstream.maxReplicas,
      autoShutdownMinutes: input.autoShutdownMinutes ?? null,
      pricePerHourUsd: offered.pricePerHourUsd,
      error: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      nextPollAt: now,
      polls: 0,
    };
    await this.repository.insertEndpoint(endpoint);
    await this.audit.record(actor, {
      action: 'endpoint.create',
      targetType: 'dedicated_endpoint',
      targetId: endpoint.id,
      after: auditView(endpoint),
    });
    return this.states.record(endpoint, upstream);
  }

  list(): Promise<DedicatedEndpointEntity[]> {
    return this.repository.listEndpoints();
  }

  async get(id: string): Promise<DedicatedEndpointEntity> {
    const endpoint = await this.repository.endpoint(id);
    if (!endpoint) throw new NotFoundError(`Endpoint ${id}`, 'id');
    return endpoint;
  }

  async update(actor: AuditActor, id: string, patch: EndpointPatch): Promise<DedicatedEndpointEntity> {
    const endpoint = await this.get(id);
    const before = auditView(endpoint);
    const min = patch.minReplicas ?? endpoint.minReplicas;
    const max = patch.maxReplicas ?? endpoint.maxReplicas;
    if (max < min)
      throw new InvalidFieldError(
        patch.maxReplicas !== undefined ? 'max_replicas' : 'min_replicas',
        `max_replicas (${max}) must be at least min_replicas (${min})`,
      );
    const scaling = patch.minReplicas !== undefined || patch.maxReplicas !== undefined;
    const upstream = await this.client.updateEndpoint(await this.credentials.apiKey(), endpoint.upstreamId, {
      state: patch.state,
      displayName: patch.displayName,
      ...(scaling && { minReplicas: min, maxReplicas: max }),
    });
    const updated = await this.states.record(endpoint, upstream);
    await this.audit.record(actor, {
      action: patch.state ? `endpoint.${patch.state === 'STARTED' ? 'start' : 'stop'}` : 'endpoint.update',
      targetType: 'dedicated_endpoint',
      targetId: id,
      before,
      after: auditView(updated),
    });
    return updated;
  }

  /** Deletes it at Together and here; its running time stays on record for billing. */
  async delete(actor: AuditActor, id: string): Promise<void> {
    const endpoint = await this.get(id);
    await this.client.deleteEndpoint(await this.credentials.apiKey(), endpoint.upstreamId);
    const now = new Date();
    await this.repository.closeRun(endpoint.id, now);
    await this.repository.updateEndpoint(endpoint.id, { deletedAt: now });
    this.catalog.invalidate();
    await this.audit.record(actor, {
      action: 'endpoint.delete',
      targetType: 'dedicated_endpoint',
      targetId: id,
      before: auditView(endpoint),
    });
  }
}
