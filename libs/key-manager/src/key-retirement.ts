import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@tiergate/audit';
import { ProviderKeysRepository } from './provider-keys.repository';

/** Retires rotated keys whose grace period is over, with an audit entry each (any instance may run it; one wins). */
@Injectable()
export class KeyRetirement {
  constructor(
    private readonly keys: ProviderKeysRepository,
    private readonly audit: AuditService,
  ) {}

  async retireExpired(): Promise<void> {
    for (const id of await this.keys.retireExpired())
      await this.audit.record(SYSTEM_ACTOR, {
        action: 'provider_key.retire',
        targetType: 'provider_key',
        targetId: id,
        after: { status: 'retired', statusReason: 'rotation grace period ended' },
      });
  }
}
