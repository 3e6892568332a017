import { DomainError, ErrorCode } from '@tiergate/common';

export class IntegrationDisabledError extends DomainError {
  constructor() {
    super(
      ErrorCode.IntegrationDisabled,
      'The Together AI integration is turned off on this server (feature flag together_ai_integration); try again later',
    );
  }
}

export class FreeTierDisabledError extends DomainError {
  constructor() {
    super(
      ErrorCode.FreeTierDisabled,
      'The free tier is disabled on this server (feature flag together_ai_free_tier); upgrade to premium or ask an administrator',
    );
  }
}
