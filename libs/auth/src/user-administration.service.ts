import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, IsNull, QueryFailedError } from 'typeorm';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { DomainError, ErrorCode, NotFoundError, type Role, type Tier } from '@tiergate/common';
import { EmailTakenError } from './auth.errors';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password.hasher';
import { PrincipalCache } from './principal-cache';

export interface UserSearch {
  search?: string;
  tier?: Tier;
  role?: Role;
  active?: boolean;
  page: number;
  pageSize: number;
}

export interface NewAccount {
  email: string;
  password: string;
  tier?: Tier;
  role?: Role;
}

export interface UserChanges {
  tier?: Tier;
  role?: Role;
  active?: boolean;
}

const UNIQUE_VIOLATION = '23505';

const auditView = (user: UserEntity) => ({
  email: user.email,
  role: user.role,
  tier: user.tier,
  active: user.active,
});

/**
 * Admins' operations on accounts: search, create, and change tier, role or whether the account is
 * active.
 */
@Injectable()
export class UserAdministrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly principals: PrincipalCache,
  ) {}

  async search(query: UserSearch): Promise<{ users: UserEntity[]; total: number }> {
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.search) {
      const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((where) =>
          where
            .where('u.email LIKE :pattern', { pattern })
            .orWhere('u.id::text = :exact', { exact: query.search }),
        ),
      );
    }
    if (query.tier) builder.andWhere('u.tier = :tier', { tier: query.tier });
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('u.active = :active', { active: query.active });
    const [users, total] = await builder
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { users, total };
  }

  /**
   * Creates an active account (free tier and user role unless given), whatever the registration
   * setting. Audited as `user.create` with the account's summary, never the password.
   */
  async create(actor: AuditActor, account: NewAccount): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(account.password);
    const email = account.email.toLowerCase();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(UserEntity);
        if (await repository.existsBy({ email })) throw new EmailTakenError();
        const user = await repository.save(
          repository.create({
            email,
            passwordHash,
            role: account.role ?? 'user',
            tier: account.tier ?? 'free',
            active: true,
          }),
        );
        await this.audit.record(
          actor,
          { action: 'user.create', targetType: 'user', targetId: user.id, after: auditView(user) },
          manager,
        );
        return user;
      });
    } catch (error) {
      // Two admins creating the same email at once: the unique constraint decides.
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      )
        throw new EmailTakenError();
      throw error;
    }
  }

  /**
   * Changes a user and records it. The change applies from the next request on, on every
   * instance: the user's cached principals are dropped over the change bus. An admin cannot
   * demote or deactivate themselves (so there is always someone left to undo a change).
   */
  async update(actor: AuditActor & { id: string }, id: string, requested: UserChanges): Promise<UserEntity> {
    const changes = Object.fromEntries(
      Object.entries(requested).filter(([, value]) => value !== undefined),
    ) as UserChanges;
    if (!Object.keys(changes).length)
      throw new DomainError(ErrorCode.ValidationFailed, 'Send at least one of tier, role or active');
    if (actor.id === id && (changes.active === false || (changes.role && changes.role !== 'admin')))
      throw new DomainError(ErrorCode.Conflict, 'You cannot demote or deactivate your own account', {
        param: changes.active === false ? 'active' : 'role',
      });
    const updated = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      const user = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', 'id');
      const before = auditView(user);
      Object.assign(user, changes);
      const saved = await repository.save(user);
      await this.audit.record(
        actor,
        { action: 'user.update', targetType: 'user', targetId: id, before, after: auditView(saved) },
        manager,
      );
      return saved;
    });
    await this.principals.announce({ kind: 'user', userId: id });
    return updated;
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundError('User', 'id');
    return user;
  }

  /**
   * Sets a user's password (an admin's reset) and ends their dashboard sessions in the same
   * transaction. Audited as `user.password_reset`, without the password.
   */
  async resetPassword(actor: AuditActor, id: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(UserEntity).update({ id }, { passwordHash });
      if (!result.affected) throw new NotFoundError('User', 'id');
      await manager
        .getRepository(SessionEntity)
        .update({ userId: id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      await this.audit.record(
        actor,
        { action: 'user.password_reset', targetType: 'user', targetId: id, after: { sessions_ended: true } },
        manager,
      );
    });
    await this.principals.announce({ kind: 'sessions', userId: id });
  }
}
