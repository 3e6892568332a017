import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AuditActor, AuditChange, AuditQuery } from './audit.types';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export interface AuditPage {
  entries: AuditEntryEntity[];
  total: number;
}

/**
 * The audit log: every administrative change, who made it, what it touched, before and after.
 * `record` takes the transaction's EntityManager so a change and its entry commit together.
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async record(actor: AuditActor, change: AuditChange, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    const entry: Partial<AuditEntryEntity> = {
      actorId: actor.id,
      actorEmail: actor.email,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId ?? null,
      before: (change.before ?? null) as Record<string, unknown> | null,
      after: (change.after ?? null) as Record<string, unknown> | null,
      requestId: actor.requestId ?? null,
    };
    await repository.insert(entry as never);
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const builder = this.entries.createQueryBuilder('a');
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.targetType) builder.andWhere('a.target_type = :targetType', { targetType: query.targetType });
    if (query.targetId) builder.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    if (query.since) builder.andWhere('a.occurred_at >= :since', { since: query.since });
    if (query.until) builder.andWhere('a.occurred_at < :until', { until: query.until });
    const [entries, total] = await builder
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { entries, total };
  }
}
