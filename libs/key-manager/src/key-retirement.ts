import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@tiergate/audit';
import { ProviderKeysRepository } from './provider-keys.repository';

/**
 * Retires rotated keys whose grace period is over, with one audit entry each, written in the same
 * transaction (any instance may run it; the UPDATE lets one win, and nothing is written when no
 * key was due).
 */
@Injectable()
export class KeyRetirement {
  constructor(
    private readonly keys: ProviderKeysRepository,
    private readonly audit: AuditService,
  ) {}

  /** Returns the ids of the keys retired now. */
  retireExpired(): Promise<string[]> {
    return this.keys.transaction(async (manager) => {
      const retired = await this.keys.retireExpired(manager);
      for (const id of retired)
        await this.audit.record(
          SYSTEM_ACTOR,
          {
            action: 'provider_key.retire',
            targetType: 'provider_key',
            targetId: id,
            after: { status: 'retired', statusReason: 'rotation grace period ended' },
          },
          manager,
        );
      return retired;
    });
  }
}
