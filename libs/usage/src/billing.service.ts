import { Injectable } from '@nestjs/common';
import { PriceBook } from './price-book';
import { UsageReports } from './usage-reports';

/** The specification's "10% reduction in monthly charges" for users who bring their own key. */
export const OWN_KEY_REDUCTION = 0.1;

/**
 * Credits and the month's charge. Each tier has a monthly credit allocation, consumed at cost by
 * requests on system keys (requests on the user's own key consume none). What is used beyond
 * the allocation is charged; users with their own key get 10% off that charge. Whether the user
 * has their own key is the caller's to say (key-manager knows it; usage does not depend on it).
 */
@Injectable()
export class BillingService {
  constructor(
    private readonly reports: UsageReports,
    private readonly prices: PriceBook,
  ) {}

  /** `ownKey`: whether the user's requests now go out with their own key for the primary provider. */
  async forUser(user: { id: string; tier: string }, { ownKey }: { ownKey: boolean }, month = new Date()) {
    const { systemUsd, ownKeyUsd } = await this.reports.monthCost(user.id, month);
    const allocation = this.prices.creditsFor(user.tier);
    const overage = Math.max(0, systemUsd - allocation);
    const reduction = ownKey ? overage * OWN_KEY_REDUCTION : 0;
    const round = (usd: number) => Math.round(usd * 1e6) / 1e6;
    return {
      month: month.toISOString().slice(0, 7),
      tier: user.tier,
      credits: {
        allocation_usd: allocation,
        used_usd: round(systemUsd),
        remaining_usd: round(Math.max(0, allocation - systemUsd)),
      },
      own_key: { active: ownKey, usage_usd: round(ownKeyUsd), consumes_credits: false },
      charge: {
        overage_usd: round(overage),
        reduction_rate: ownKey ? OWN_KEY_REDUCTION : 0,
        reduction_usd: round(reduction),
        total_usd: round(overage - reduction),
      },
    };
  }
}
