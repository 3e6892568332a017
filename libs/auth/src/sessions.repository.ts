import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';

export interface SessionWithOwner {
  session: SessionEntity;
  owner: UserEntity;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  insert(
    session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt' | 'userAgent'>,
  ): Promise<SessionEntity> {
    return this.sessions.save(this.sessions.create(session));
  }

  /** The live (unrevoked, unexpired) session with this hash and its owner, in one query. */
  async findLiveByHash(tokenHash: string): Promise<SessionWithOwner | null> {
    const row = await this.sessions
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.owner', UserEntity, 'u', 'u.id = s.user_id')
      .where('s.token_hash = :tokenHash AND s.revoked_at IS NULL AND s.expires_at > now()', { tokenHash })
      .getOne();
    if (!row) return null;
    const { owner, ...session } = row as SessionEntity & { owner: UserEntity };
    return { session, owner };
  }

  /** Revokes the live session with this hash; returns the id of what was revoked (none or one). */
  async revokeByHash(tokenHash: string): Promise<string[]> {
    const result = await this.sessions
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('token_hash = :tokenHash AND revoked_at IS NULL', { tokenHash })
      .returning(['id'])
      .execute();
    return ((result.raw ?? []) as Array<{ id: string }>).map((row) => row.id);
  }

  /** Ends every session of a user, except the one given (the caller's own, on a password change). */
  async revokeAllForUser(userId: string, exceptId?: string): Promise<void> {
    await this.sessions.update(
      { userId, revokedAt: IsNull(), ...(exceptId ? { id: Not(exceptId) } : {}) },
      { revokedAt: () => 'now()' },
    );
  }
}
