import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { UserEntity } from './entities/user.entity';

export interface ApiKeyWithOwner {
  key: ApiKeyEntity;
  owner: UserEntity;
}

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  insert(key: Pick<ApiKeyEntity, 'userId' | 'name' | 'prefix' | 'keyHash'>): Promise<ApiKeyEntity> {
    return this.keys.save(this.keys.create(key));
  }

  listForUser(userId: string): Promise<ApiKeyEntity[]> {
    return this.keys.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Revokes the key if it belongs to the user and is still active; false when there is no such key. */
  async revoke(userId: string, id: string): Promise<boolean> {
    const result = await this.keys.update({ id, userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /** The active key with this hash and its owner, in one query. */
  async findActiveByHash(keyHash: string): Promise<ApiKeyWithOwner | null> {
    const row = await this.keys
      .createQueryBuilder('k')
      .innerJoinAndMapOne('k.owner', UserEntity, 'u', 'u.id = k.user_id')
      .where('k.key_hash = :keyHash AND k.revoked_at IS NULL', { keyHash })
      .getOne();
    if (!row) return null;
    const { owner, ...key } = row as ApiKeyEntity & { owner: UserEntity };
    return { key, owner };
  }

  async touch(id: string): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: () => 'now()' });
  }
}
