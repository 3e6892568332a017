import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, QueryFailedError, Repository } from 'typeorm';
import { DomainError, ErrorCode } from '@tiergate/common';
import { ProviderKeyEntity, type ProviderKeyOrigin } from './entities/provider-key.entity';
import type { KeyLimits } from './pacing/pacer';
import { SecretCipher } from './secret-cipher';
import { lastFour } from './provider-key.summary';

const UNIQUE_VIOLATION = '23505';
const LIVE = In(['active', 'invalid', 'retiring']);

export interface NewProviderKey {
  provider: string;
  userId: string | null;
  label: string;
  origin: ProviderKeyOrigin;
  secret: string;
  verifiedAt: Date | null;
  fallbackToSystem?: boolean;
  createdBy: string | null;
  /** A system key's account limits (none: unlimited). */
  limits?: KeyLimits;
}

/** Every read and write of provider_keys, and the sealing and opening of their secrets. */
@Injectable()
export class ProviderKeysRepository {
  constructor(
    @InjectRepository(ProviderKeyEntity) private readonly keys: Repository<ProviderKeyEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A new active key, sealed; a live duplicate for the same owner is a 409. */
  async insert(key: NewProviderKey, manager?: EntityManager): Promise<ProviderKeyEntity> {
    const repository = manager?.getRepository(ProviderKeyEntity) ?? this.keys;
    const duplicate = await repository.existsBy({
      provider: key.provider,
      userId: key.userId ?? IsNull(),
      fingerprint: In(this.cipher.fingerprints(key.secret)),
      status: LIVE,
    });
    if (duplicate) throw alreadyRegistered();
    const id = randomUUID();
    const row = this.keys.create({
      id,
      provider: key.provider,
      userId: key.userId,
      label: key.label,
      origin: key.origin,
      ...this.cipher.seal(key.secret, sealContext(id)),
      fingerprint: this.cipher.fingerprint(key.secret),
      last4: lastFour(key.secret),
      status: 'active',
      statusReason: null,
      fallbackToSystem: key.fallbackToSystem ?? false,
      requestsPerSecond: key.limits?.requestsPerSecond ?? null,
      requestsPerMinute: key.limits?.requestsPerMinute ?? null,
      tokensPerMinute: key.limits?.tokensPerMinute ?? null,
      verifiedAt: key.verifiedAt,
      createdBy: key.createdBy,
    });
    try {
      return await (manager?.getRepository(ProviderKeyEntity) ?? this.keys).save(row);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      )
        throw new DomainError(ErrorCode.Conflict, 'This key is already registered', { param: 'key' });
      throw error;
    }
  }

  /** A system key an admin added, verified with its provider just now. */
  insertVerifiedSystemKey(
    key: Pick<NewProviderKey, 'provider' | 'label' | 'secret' | 'createdBy' | 'limits'>,
    manager?: EntityManager,
  ): Promise<ProviderKeyEntity> {
    return this.insert({ ...key, userId: null, origin: 'admin', verifiedAt: new Date() }, manager);
  }

  /** The secret of a row that still holds one. */
  open(key: ProviderKeyEntity): string {
    return this.cipher.open(
      { ciphertext: key.ciphertext!, nonce: key.nonce!, authTag: key.authTag!, keyVersion: key.keyVersion! },
      sealContext(key.id),
    );
  }

  findSystemKey(id: string): Promise<ProviderKeyEntity | null> {
    return this.keys.findOneBy({ id, userId: IsNull() });
  }

  findUserKey(userId: string, id: string): Promise<ProviderKeyEntity | null> {
    return this.keys.findOneBy({ id, userId });
  }

  listSystemKeys(provider?: string): Promise<ProviderKeyEntity[]> {
    return this.keys.find({
      where: { userId: IsNull(), ...(provider ? { provider } : {}) },
      order: { createdAt: 'DESC' },
    });
  }

  listUserKeys(userId: string): Promise<ProviderKeyEntity[]> {
    return this.keys.find({ where: { userId, status: LIVE }, order: { createdAt: 'DESC' } });
  }

  /** System keys that may serve requests: active ones and those in their rotation grace period. */
  usableSystemKeys(): Promise<ProviderKeyEntity[]> {
    return this.keys.find({
      where: { userId: IsNull(), status: In(['active', 'retiring']) },
      order: { createdAt: 'ASC' },
    });
  }

  /** The user's live key for a provider (active or invalid), if any. */
  findLiveUserKey(userId: string, provider: string): Promise<ProviderKeyEntity | null> {
    return this.keys.findOne({ where: { userId, provider, status: LIVE }, order: { createdAt: 'DESC' } });
  }

  /** Whether a system key with this secret was ever registered (in any state). */
  async systemKeyEverRegistered(provider: string, secret: string): Promise<boolean> {
    return this.keys.existsBy({
      provider,
      userId: IsNull(),
      fingerprint: In(this.cipher.fingerprints(secret)),
    });
  }

  async update(id: string, changes: Partial<ProviderKeyEntity>, manager?: EntityManager): Promise<void> {
    await (manager?.getRepository(ProviderKeyEntity) ?? this.keys).update({ id }, changes);
  }

  /** Ends a key for good: the status changes and the sealed secret is erased. */
  async end(
    id: string,
    status: 'revoked' | 'retired',
    reason: string,
    manager?: EntityManager,
  ): Promise<void> {
    await this.update(
      id,
      { status, statusReason: reason, ciphertext: null, nonce: null, authTag: null, keyVersion: null },
      manager,
    );
  }

  /** Marks a key invalid unless it already is (or has ended); true when this call changed it. */
  async markInvalid(id: string, reason: string): Promise<boolean> {
    const result = await this.keys.update(
      { id, status: In(['active', 'retiring']) },
      { status: 'invalid', statusReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Retires the keys whose rotation grace period is over, erasing their secrets; returns their ids
   * (none when nothing was due). Through the query builder, whose `raw` is the returned rows: a raw
   * `UPDATE … RETURNING` through `query()` answers `[rows, count]` on PostgreSQL.
   */
  async retireExpired(manager?: EntityManager): Promise<string[]> {
    const repository = manager?.getRepository(ProviderKeyEntity) ?? this.keys;
    const result = await repository
      .createQueryBuilder()
      .update()
      .set({
        status: 'retired',
        statusReason: 'rotation grace period ended',
        ciphertext: null,
        nonce: null,
        authTag: null,
        keyVersion: null,
        updatedAt: () => 'now()',
      })
      .where("status = 'retiring' AND retire_at <= now()")
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }

  /**
   * Retires the live system keys of a provider that hold this secret, erasing it; returns their ids
   * (none when there was nothing to retire, so a second call changes nothing).
   */
  async retireSystemKeysWithSecret(
    provider: string,
    secret: string,
    reason: string,
    manager?: EntityManager,
  ): Promise<string[]> {
    const repository = manager?.getRepository(ProviderKeyEntity) ?? this.keys;
    const result = await repository
      .createQueryBuilder()
      .update()
      .set({
        status: 'retired',
        statusReason: reason,
        retireAt: null,
        ciphertext: null,
        nonce: null,
        authTag: null,
        keyVersion: null,
        updatedAt: () => 'now()',
      })
      .where("provider = :provider AND user_id IS NULL AND status IN ('active', 'invalid', 'retiring')", {
        provider,
      })
      .andWhere('fingerprint IN (:...fingerprints)', { fingerprints: this.cipher.fingerprints(secret) })
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }

  async touch(id: string): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: () => 'now()' });
  }
}

function alreadyRegistered(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'This key is already registered', { param: 'key' });
}

/** The additional data a key's ciphertext is bound to: its own row. */
export function sealContext(id: string): string {
  return `provider_key:${id}`;
}
