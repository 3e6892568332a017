import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { StoredResponseEntity } from './entities/stored-response.entity';

/** How long a stored response is kept, as at OpenAI. */
export const RESPONSE_RETENTION_DAYS = 30;
const RETENTION_MS = RESPONSE_RETENTION_DAYS * 24 * 60 * 60 * 1000;
/** Expired responses deleted per statement by the retention sweep. */
const DELETE_BATCH = 1_000;

export type ResponseItem = Record<string, unknown>;

export interface NewStoredResponse {
  id: string;
  userId: string;
  response: Record<string, unknown>;
  inputItems: ResponseItem[];
  conversation: ResponseItem[];
}

export interface ItemPage {
  limit: number;
  order: 'asc' | 'desc';
  /** The id of the item the page starts after. */
  after?: string;
}

/**
 * Responses API answers kept for their callers, in PostgreSQL. Every read is by id and owner: a
 * response of another user, or one past its retention, is not found.
 */
@Injectable()
export class ResponseStore {
  constructor(
    @InjectRepository(StoredResponseEntity) private readonly responses: Repository<StoredResponseEntity>,
  ) {}

  async save(entry: NewStoredResponse, now = new Date()): Promise<void> {
    const row = this.responses.create({
      ...entry,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RETENTION_MS),
    });
    // insert, not save: one statement (save would read the id first). jsonb columns need the cast.
    await this.responses.insert(row as QueryDeepPartialEntity<StoredResponseEntity>);
  }

  find(userId: string, id: string, now = new Date()): Promise<StoredResponseEntity | null> {
    return this.responses.findOneBy({ id, userId, expiresAt: MoreThan(now) });
  }

  /** True when the caller had such a response (now deleted). */
  async delete(userId: string, id: string, now = new Date()): Promise<boolean> {
    const result = await this.responses.delete({ id, userId, expiresAt: MoreThan(now) });
    return (result.affected ?? 0) > 0;
  }

  /** A page of a response's input items; null when there is no such response. */
  async inputItems(
    userId: string,
    id: string,
    page: ItemPage,
  ): Promise<{ items: ResponseItem[]; hasMore: boolean } | null> {
    const stored = await this.find(userId, id);
    if (!stored) return null;
    const ordered = page.order === 'asc' ? stored.inputItems : [...stored.inputItems].reverse();
    const start = page.after ? ordered.findIndex((item) => item.id === page.after) + 1 : 0;
    if (page.after && start === 0) return { items: [], hasMore: false }; // an unknown cursor: nothing after it
    const items = ordered.slice(start, start + page.limit);
    return { items, hasMore: start + items.length < ordered.length };
  }

  /** Deletes what is past its retention; answers how many responses went. */
  async deleteExpired(now = new Date()): Promise<number> {
    let deleted = 0;
    for (;;) {
      const expired = await this.responses.find({
        select: { id: true },
        where: { expiresAt: LessThan(now) },
        take: DELETE_BATCH,
      });
      if (!expired.length) return deleted;
      const result = await this.responses.delete(expired.map((row) => row.id));
      deleted += result.affected ?? 0;
      if (expired.length < DELETE_BATCH) return deleted;
    }
  }
}
