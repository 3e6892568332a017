import { Injectable } from '@nestjs/common';
import type { Tier } from '@tiergate/common';
import { FeatureFlagsService } from './feature-flags.service';
import { FreeTierDisabledError, IntegrationDisabledError } from './flags.errors';

/** The flag checks every Together request passes first. */
@Injectable()
export class FeatureGate {
  constructor(private readonly flags: FeatureFlagsService) {}

  assertTogetherAccess(caller: { tier: Tier }): void {
    if (!this.flags.isEnabled('together_ai_integration')) throw new IntegrationDisabledError();
    if (caller.tier === 'free' && !this.flags.isEnabled('together_ai_free_tier'))
      throw new FreeTierDisabledError();
  }

  get userKeysAllowed(): boolean {
    return this.flags.isEnabled('allow_user_keys');
  }

  get fallbackEnabled(): boolean {
    return this.flags.isEnabled('together_ai_fallback');
  }

  get indicatorsEnabled(): boolean {
    return this.flags.isEnabled('together_ai_ui_indicators');
  }
}
