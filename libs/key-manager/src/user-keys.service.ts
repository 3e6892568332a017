import { Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { DomainError, ErrorCode, NotFoundError } from '@tiergate/common';
import { FeatureGate } from '@tiergate/flags';
import { ChangeBus } from '@tiergate/redis';
import type { ProviderKeyEntity } from './entities/provider-key.entity';
import { PROVIDER_KEYS_CHANGED, userKeysChanged } from './key-changes';
import { auditViewOf } from './provider-key.summary';
import { ProviderKeyRejectedError, ProviderKeyVerifier } from './provider-key.verifier';
import { ProviderKeysRepository } from './provider-keys.repository';
import { UpstreamKeyResolver } from './upstream-key.resolver';

export interface NewUserKey {
  provider: string;
  key: string;
  label?: string;
  fallbackToSystem?: boolean;
}

type UserActor = AuditActor & { id: string; requestId: string };

/**
 * Bring your own key: a user keeps one key per provider, verified before it is saved. Requests
 * are then sent with it (and spare the user's free-tier quota and credits).
 */
@Injectable()
export class UserKeysService {
  private readonly logger = new Logger(UserKeysService.name);

  constructor(
    private readonly keys: ProviderKeysRepository,
    private readonly verifier: ProviderKeyVerifier,
    private readonly audit: AuditService,
    private readonly bus: ChangeBus,
    private readonly gate: FeatureGate,
    private readonly resolver: UpstreamKeyResolver,
  ) {}

  list(userId: string): Promise<ProviderKeyEntity[]> {
    return this.keys.listUserKeys(userId);
  }

  /** Verifies and saves the key; it replaces the user's earlier key for the same provider. */
  async add(user: UserActor, input: NewUserKey): Promise<ProviderKeyEntity> {
    if (!this.gate.userKeysAllowed)
      throw new DomainError(
        ErrorCode.UserKeysDisabled,
        'Using your own provider key is not enabled on this server (setting allow_user_keys)',
      );
    const provider = this.verifier.resolveProviderId(input.provider);
    await this.verifier.verify(provider, input.key, user.requestId);
    const key = await this.keys.transaction(async (manager) => {
      const existing = await this.keys.findLiveUserKey(user.id, provider);
      if (existing) await this.keys.end(existing.id, 'revoked', 'replaced by a newer key', manager);
      const created = await this.keys.insert(
        {
          provider,
          userId: user.id,
          label: input.label ?? 'My key',
          origin: 'user',
          secret: input.key,
          verifiedAt: new Date(),
          fallbackToSystem: input.fallbackToSystem ?? false,
          createdBy: user.id,
        },
        manager,
      );
      await this.audit.record(
        user,
        {
          action: 'user_provider_key.create',
          targetType: 'provider_key',
          targetId: created.id,
          before: existing ? auditViewOf(existing) : null,
          after: auditViewOf(created),
        },
        manager,
      );
      return created;
    });
    await this.announce(user.id);
    return key;
  }

  /** Checks the key again; a key the provider now accepts becomes active again. */
  async verify(user: UserActor, id: string): Promise<ProviderKeyEntity> {
    const key = await this.liveKey(user.id, id);
    try {
      await this.verifier.verify(key.provider, this.keys.open(key), user.requestId);
    } catch (error) {
      if (error instanceof ProviderKeyRejectedError) {
        await this.keys.markInvalid(key.id, 'rejected by the provider when verified');
        await this.announce(user.id);
      }
      throw error;
    }
    await this.keys.update(key.id, { status: 'active', statusReason: null, verifiedAt: new Date() });
    await this.announce(user.id);
    return (await this.keys.findUserKey(user.id, id))!;
  }

  async update(user: UserActor, id: string, changes: { fallbackToSystem?: boolean; label?: string }) {
    const key = await this.liveKey(user.id, id);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (!Object.keys(defined).length) return key;
    await this.keys.update(key.id, defined);
    await this.announce(user.id);
    return (await this.keys.findUserKey(user.id, id))!;
  }

  async remove(user: UserActor, id: string): Promise<void> {
    const key = await this.liveKey(user.id, id);
    await this.keys.transaction(async (manager) => {
      await this.keys.end(key.id, 'revoked', 'deleted by its owner', manager);
      await this.audit.record(
        user,
        {
          action: 'user_provider_key.delete',
          targetType: 'provider_key',
          targetId: key.id,
          before: auditViewOf(key),
        },
        manager,
      );
    });
    await this.announce(user.id);
  }

  /** The user's own live key: another user's id is simply not found. */
  private async liveKey(userId: string, id: string): Promise<ProviderKeyEntity> {
    const key = await this.keys.findUserKey(userId, id);
    if (!key || key.status === 'revoked' || key.status === 'retired')
      throw new NotFoundError('Provider key', 'id');
    return key;
  }

  private async announce(userId: string): Promise<void> {
    this.resolver.forgetUser(userId);
    await this.bus
      .publish(PROVIDER_KEYS_CHANGED, userKeysChanged(userId))
      .catch((error: Error) => this.logger.warn(`key change saved, but not announced: ${error.message}`));
  }
}
