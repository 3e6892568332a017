import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { DomainError, ErrorCode, NotFoundError, type Tier } from '@tiergate/common';
import { QuotaRequestEntity, type QuotaRequestStatus } from './entities/quota-request.entity';
import { QuotaPolicies } from './quota-policy.service';
import { applyTierPolicyPatch } from './tier-policy-patch';
import {
  type DailyLimitName,
  type Feature,
  type FeatureLimits,
  type QuotaConfigDocument,
  type TierPolicyPatch,
  type TierQuotaPolicy,
} from './quota.types';

export interface NewQuotaRequest {
  feature: Feature;
  limitName?: DailyLimitName;
  requestedLimit: number;
  reason: string;
}

/** Admins' side of quotas: tier policies, per-user overrides, and users' requests for more. */
@Injectable()
export class QuotaAdministration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: QuotaPolicies,
    private readonly audit: AuditService,
  ) {}

  tierPolicy(tier: Tier): TierQuotaPolicy {
    return this.policies.tier(tier);
  }

  async updateTier(actor: AuditActor, tier: Tier, patch: TierPolicyPatch): Promise<TierQuotaPolicy> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<Array<{ document: QuotaConfigDocument }>>(
        `SELECT document FROM quota_config WHERE id = 1 FOR UPDATE`,
      );
      const before = row.document[tier];
      const after = applyTierPolicyPatch(before, patch);
      await manager.query(
        `UPDATE quota_config SET document = $1, updated_by = $2, updated_at = now() WHERE id = 1`,
        [JSON.stringify({ ...row.document, [tier]: after }), actor.id],
      );
      await this.audit.record(
        actor,
        { action: 'quota.tier_update', targetType: 'quota_tier', targetId: tier, before, after },
        manager,
      );
    });
    await this.policies.changed();
    return this.policies.tier(tier);
  }

  overrides(userId: string): Partial<Record<Feature, FeatureLimits>> {
    return this.policies.overridesOf(userId);
  }

  /** Sets a user's limits for some features (`{text_generation: {requests_per_day: 100}}`); null: unlimited. */
  async setOverrides(
    actor: AuditActor,
    userId: string,
    features: Partial<Record<Feature, FeatureLimits>>,
  ): Promise<Partial<Record<Feature, FeatureLimits>>> {
    const changes = (Object.entries(features) as Array<[Feature, FeatureLimits]>).map(
      ([feature, limits]) => ({
        feature,
        limits: { ...limits },
      }),
    );
    await this.dataSource.transaction(async (manager) => {
      await this.assertUser(manager, userId);
      for (const change of changes)
        await this.upsertOverride(manager, actor, userId, change.feature, change.limits);
    });
    await this.policies.changed();
    return this.overrides(userId);
  }

  async clearOverrides(actor: AuditActor, userId: string, only?: Feature): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = this.overrides(userId);
      await manager.query(
        `DELETE FROM quota_overrides WHERE user_id = $1 AND ($2::varchar IS NULL OR feature = $2)`,
        [userId, only ?? null],
      );
      await this.audit.record(
        actor,
        {
          action: 'quota.override_delete',
          targetType: 'user',
          targetId: userId,
          before: only ? { [only]: before[only] ?? null } : before,
        },
        manager,
      );
    });
    await this.policies.changed();
  }

  async submitRequest(
    user: AuditActor & { id: string },
    input: NewQuotaRequest,
  ): Promise<QuotaRequestEntity> {
    const { feature, limitName = 'requests_per_day' } = input;
    const repository = this.dataSource.getRepository(QuotaRequestEntity);
    const pending = await repository.countBy({ userId: user.id, status: 'pending' });
    if (pending >= 10)
      throw new DomainError(
        ErrorCode.LimitReached,
        'You already have 10 pending quota requests; wait for a decision',
      );
    return repository.save(
      repository.create({
        userId: user.id,
        feature,
        limitName,
        requestedLimit: input.requestedLimit,
        reason: input.reason,
        status: 'pending',
      }),
    );
  }

  listRequests(filter: { userId?: string; status?: QuotaRequestStatus; page: number; pageSize: number }) {
    return this.dataSource.getRepository(QuotaRequestEntity).findAndCount({
      where: {
        ...(filter.userId && { userId: filter.userId }),
        ...(filter.status && { status: filter.status }),
      },
      order: { createdAt: 'DESC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
  }

  /** Approving writes the override the user asked for; both decisions are audited with the reason. */
  async decide(
    actor: AuditActor & { id: string },
    id: string,
    approve: boolean,
    reason?: string,
    grantedLimit?: number,
  ): Promise<QuotaRequestEntity> {
    const decided = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(QuotaRequestEntity);
      const request = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundError('Quota request', 'id');
      if (request.status !== 'pending')
        throw new DomainError(ErrorCode.Conflict, `This request was already ${request.status}`, {
          param: 'id',
        });
      const granted = approve ? (grantedLimit ?? request.requestedLimit) : null;
      if (granted !== null)
        await this.upsertOverride(manager, actor, request.userId, request.feature as Feature, {
          [request.limitName]: granted,
        });
      Object.assign(request, {
        status: approve ? 'approved' : 'denied',
        grantedLimit: granted,
        decisionReason: reason ?? null,
        decidedBy: actor.id,
        decidedAt: new Date(),
      });
      const saved = await repository.save(request);
      await this.audit.record(
        actor,
        {
          action: approve ? 'quota.request_approve' : 'quota.request_deny',
          targetType: 'quota_request',
          targetId: id,
          after: {
            userId: request.userId,
            feature: request.feature,
            limit: request.limitName,
            requestedLimit: request.requestedLimit,
            grantedLimit: granted,
            reason: reason ?? null,
          },
        },
        manager,
      );
      return saved;
    });
    if (approve) await this.policies.changed();
    return decided;
  }

  private async upsertOverride(
    manager: EntityManager,
    actor: AuditActor,
    userId: string,
    feature: Feature,
    limits: FeatureLimits,
  ) {
    const before = this.overrides(userId)[feature] ?? null;
    const after = { ...before, ...limits };
    await manager.query(
      `INSERT INTO quota_overrides (user_id, feature, limits, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id, feature) DO UPDATE SET limits = $3, updated_by = $4, updated_at = now()`,
      [userId, feature, JSON.stringify(after), actor.id],
    );
    await this.audit.record(
      actor,
      {
        action: 'quota.override_set',
        targetType: 'user',
        targetId: userId,
        before: { [feature]: before },
        after: { [feature]: after },
      },
      manager,
    );
  }

  private async assertUser(manager: EntityManager, userId: string): Promise<void> {
    const [row] = await manager.query<Array<{ id: string }>>(`SELECT id FROM users WHERE id = $1`, [userId]);
    if (!row) throw new NotFoundError('User', 'id');
  }
}
