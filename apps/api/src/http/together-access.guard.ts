import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Principal } from '@tiergate/auth';
import { FeatureGate } from '@tiergate/flags';

/**
 * On every Together route (both surfaces): 503 when the integration is switched off, 403 for
 * free-tier callers when the free tier is. Runs after authentication.
 */
@Injectable()
export class TogetherAccessGuard implements CanActivate {
  constructor(private readonly gate: FeatureGate) {}

  canActivate(context: ExecutionContext): boolean {
    const caller = context.switchToHttp().getRequest<{ user: Principal }>().user;
    this.gate.assertTogetherAccess(caller);
    return true;
  }
}
