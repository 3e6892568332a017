import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@tiergate/audit';
import { DomainError, ErrorCode, NotFoundError } from '@tiergate/common';
import { ApiConfig, SIMULATOR_API_KEY } from '@tiergate/config';
import { ProviderRegistry } from '@tiergate/provider';
import { ChangeBus } from '@tiergate/redis';
import type { ProviderKeyEntity } from './entities/provider-key.entity';
import { PROVIDER_KEYS_CHANGED, systemKeysChanged } from './key-changes';
import type { KeyLimits } from './pacing/pacer';
import { auditViewOf, limitsOf } from './provider-key.summary';
import { ProviderKeyVerifier } from './provider-key.verifier';
import { KeyRetirement } from './key-retirement';
import { ProviderKeysRepository } from './provider-keys.repository';
import { UpstreamKeyResolver } from './upstream-key.resolver';

const PLACEHOLDER_RETIRED = 'upstream simulator placeholder, replaced by TOGETHER_API_KEY';

export interface NewSystemKey {
  provider: string;
  label: string;
  key: string;
  /** The account's limits, which calls with the key are paced to (omitted or null: unlimited). */
  limits?: KeyLimits;
}

export interface RotationResult {
  replacement: ProviderKeyEntity;
  previous: ProviderKeyEntity;
}

/**
 * The admins' side of system keys: add (verified first), list, rotate with a grace period, revoke.
 * Every change is audited in its own transaction and announced so all instances reload their pools.
 */
@Injectable()
export class SystemKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SystemKeysService.name);

  constructor(
    private readonly keys: ProviderKeysRepository,
    private readonly verifier: ProviderKeyVerifier,
    private readonly audit: AuditService,
    private readonly bus: ChangeBus,
    private readonly config: ApiConfig,
    private readonly providers: ProviderRegistry,
    private readonly retirement: KeyRetirement,
    private readonly resolver: UpstreamKeyResolver,
  ) {}

  /**
   * TOGETHER_API_KEY seeds the managed keys once; from then on admins manage them. Once a real key
   * is configured, the simulator's placeholder (seeded by embedded mode without one) is retired.
   */
  async onApplicationBootstrap(): Promise<void> {
    const imported = await this.importConfiguredKey();
    const retired = this.config.upstream.simulated ? [] : await this.retirePlaceholderKeys();
    if (imported || retired.length) await this.announce();
  }

  private async importConfiguredKey(): Promise<boolean> {
    const secret = this.config.upstream.apiKey;
    const provider = this.providers.primary.id;
    if (!secret || (await this.keys.systemKeyEverRegistered(provider, secret))) return false;
    try {
      const key = await this.keys.transaction(async (manager) => {
        const created = await this.keys.insert(
          {
            provider,
            userId: null,
            label: 'TOGETHER_API_KEY',
            origin: 'config',
            secret,
            verifiedAt: null,
            createdBy: null,
          },
          manager,
        );
        await this.audit.record(
          SYSTEM_ACTOR,
          {
            action: 'provider_key.import',
            targetType: 'provider_key',
            targetId: created.id,
            after: auditViewOf(created),
          },
          manager,
        );
        return created;
      });
      this.logger.log(`Imported TOGETHER_API_KEY (…${key.last4}) as a managed system key`);
      return true;
    } catch (error) {
      // Another instance imported it at the same moment.
      if (!(error instanceof DomainError && error.code === ErrorCode.Conflict)) throw error;
      return false;
    }
  }

  /**
   * The simulator's placeholder key stops serving (retired, its secret erased, one audit entry
   * each) when a real TOGETHER_API_KEY is configured; later starts find nothing left to retire.
   */
  private async retirePlaceholderKeys(): Promise<string[]> {
    const retired = await this.keys.transaction(async (manager) => {
      const ids = await this.keys.retireSystemKeysWithSecret(
        this.providers.primary.id,
        SIMULATOR_API_KEY,
        PLACEHOLDER_RETIRED,
        manager,
      );
      for (const id of ids)
        await this.audit.record(
          SYSTEM_ACTOR,
          {
            action: 'provider_key.retire',
            targetType: 'provider_key',
            targetId: id,
            after: { status: 'retired', statusReason: PLACEHOLDER_RETIRED },
          },
          manager,
        );
      return ids;
    });
    if (retired.length)
      this.logger.log(`Retired the upstream simulator's placeholder key: TOGETHER_API_KEY is configured`);
    return retired;
  }

  /** Every system key, newest first; keys whose grace period is over are shown (and stored) as retired. */
  async list(provider?: string): Promise<ProviderKeyEntity[]> {
    const providerId = provider && this.verifier.resolveProviderId(provider);
    await this.retirement.retireExpired();
    return this.keys.listSystemKeys(providerId);
  }

  async add(actor: AuditActor & { requestId: string }, input: NewSystemKey): Promise<ProviderKeyEntity> {
    const provider = this.verifier.resolveProviderId(input.provider);
    await this.verifier.verify(provider, input.key, actor.requestId);
    const key = await this.keys.transaction(async (manager) => {
      const created = await this.keys.insertVerifiedSystemKey(
        { provider, label: input.label, secret: input.key, createdBy: actor.id, limits: input.limits },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'provider_key.create',
          targetType: 'provider_key',
          targetId: created.id,
          after: auditViewOf(created),
        },
        manager,
      );
      return created;
    });
    await this.announce();
    return key;
  }

  /**
   * Verifies the new key, makes it active, and lets the old one serve for the grace period
   * (requests already using it finish; none fails), after which it is retired.
   */
  async rotate(
    actor: AuditActor & { requestId: string },
    id: string,
    input: { key: string; graceSeconds?: number },
  ): Promise<RotationResult> {
    const previous = await this.keys.findSystemKey(id);
    if (!previous) throw new NotFoundError('Provider key', 'id');
    if (!['active', 'invalid'].includes(previous.status))
      throw new DomainError(
        ErrorCode.Conflict,
        `This key is ${previous.status}; only an active or invalid key can be rotated`,
        { param: 'id' },
      );
    await this.verifier.verify(previous.provider, input.key, actor.requestId);
    const graceSeconds = input.graceSeconds ?? this.config.providerKeys.rotationGraceSeconds;
    const result = await this.keys.transaction(async (manager) => {
      const replacement = await this.keys.insertVerifiedSystemKey(
        {
          provider: previous.provider,
          label: previous.label,
          secret: input.key,
          createdBy: actor.id,
          // The account's limits stay with the account.
          limits: limitsOf(previous),
        },
        manager,
      );
      const before = auditViewOf(previous);
      const retireAt = new Date(Date.now() + graceSeconds * 1000);
      if (previous.status === 'invalid' || graceSeconds === 0) {
        await this.keys.end(previous.id, 'retired', 'replaced by rotation', manager);
        Object.assign(previous, { status: 'retired', statusReason: 'replaced by rotation' });
      } else {
        await this.keys.update(
          previous.id,
          { status: 'retiring', retireAt, statusReason: 'replaced by rotation' },
          manager,
        );
        Object.assign(previous, { status: 'retiring', retireAt, statusReason: 'replaced by rotation' });
      }
      await this.keys.update(previous.id, { replacedBy: replacement.id }, manager);
      previous.replacedBy = replacement.id;
      await this.audit.record(
        actor,
        {
          action: 'provider_key.rotate',
          targetType: 'provider_key',
          targetId: previous.id,
          before,
          after: { previous: auditViewOf(previous), replacement: auditViewOf(replacement) },
        },
        manager,
      );
      return { replacement, previous };
    });
    await this.announce();
    return result;
  }

  /** Changes a key's account limits (a field left out is kept; null removes that limit). */
  async setLimits(actor: AuditActor, id: string, changes: Partial<KeyLimits>): Promise<ProviderKeyEntity> {
    const key = await this.keys.findSystemKey(id);
    if (!key || ['revoked', 'retired'].includes(key.status)) throw new NotFoundError('Provider key', 'id');
    const before = auditViewOf(key);
    const given = Object.entries(changes).filter(([, value]) => value !== undefined);
    const limits: KeyLimits = { ...limitsOf(key), ...Object.fromEntries(given) };
    await this.keys.transaction(async (manager) => {
      await this.keys.update(key.id, limits, manager);
      Object.assign(key, limits);
      await this.audit.record(
        actor,
        {
          action: 'provider_key.limits',
          targetType: 'provider_key',
          targetId: key.id,
          before,
          after: auditViewOf(key),
        },
        manager,
      );
    });
    await this.announce();
    return key;
  }

  async revoke(actor: AuditActor, id: string): Promise<void> {
    const key = await this.keys.findSystemKey(id);
    if (!key || key.status === 'revoked') throw new NotFoundError('Provider key', 'id');
    await this.keys.transaction(async (manager) => {
      await this.keys.end(key.id, 'revoked', 'revoked by an administrator', manager);
      await this.audit.record(
        actor,
        {
          action: 'provider_key.revoke',
          targetType: 'provider_key',
          targetId: key.id,
          before: auditViewOf(key),
          after: { ...auditViewOf(key), status: 'revoked' },
        },
        manager,
      );
    });
    await this.announce();
  }

  /** This instance reloads before answering (so a revoked key stops at once); the others on the bus. */
  private async announce(): Promise<void> {
    await this.resolver.reload();
    await this.bus
      .publish(PROVIDER_KEYS_CHANGED, systemKeysChanged())
      .catch((error: Error) => this.logger.warn(`key change saved, but not announced: ${error.message}`));
  }
}
