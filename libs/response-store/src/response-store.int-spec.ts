import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@tiergate/database';
import { createTestDatabase, type TestDatabase } from '@tiergate/testing';
import { StoredResponseEntity } from './entities/stored-response.entity';
import { RESPONSE_RETENTION_DAYS, ResponseStore } from './response-store';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('ResponseStore (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: ResponseStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({
      ...dataSourceOptions({ url: db.url }),
      entities: [StoredResponseEntity],
    }).initialize();
    store = new ResponseStore(dataSource.getRepository(StoredResponseEntity));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const newUser = async () => {
    const [row] = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO users (email, password_hash) VALUES ($1, 'x') RETURNING id`,
      [`${randomUUID()}@example.com`],
    );
    return row.id;
  };
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `msg_${i}`,
      type: 'message',
      role: 'user',
      content: `#${i}`,
    }));
  const entry = (userId: string, id = `resp_${randomUUID().replace(/-/g, '')}`, inputItems = items(3)) => ({
    id,
    userId,
    response: { id, object: 'response', output: [{ type: 'message' }] },
    inputItems,
    conversation: [...inputItems, { type: 'message', role: 'assistant', content: 'done' }],
  });

  it('keeps a response for its owner only, as it was saved, for the retention period', async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const saved = entry(owner);
    const now = new Date('2030-01-01T00:00:00Z');
    await store.save(saved, now);

    const found = await store.find(owner, saved.id, now);
    expect(found).toMatchObject({
      response: saved.response,
      inputItems: saved.inputItems,
      conversation: saved.conversation,
    });
    expect(found!.expiresAt.getTime() - found!.createdAt.getTime()).toBe(RESPONSE_RETENTION_DAYS * DAY_MS);
    expect(await store.find(other, saved.id, now)).toBeNull();
    expect(
      await store.find(owner, saved.id, new Date(now.getTime() + RESPONSE_RETENTION_DAYS * DAY_MS)),
    ).toBeNull();
  });

  it('deletes for the owner only, once', async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const saved = entry(owner);
    await store.save(saved);
    expect(await store.delete(other, saved.id)).toBe(false);
    expect(await store.delete(owner, saved.id)).toBe(true);
    expect(await store.delete(owner, saved.id)).toBe(false);
    expect(await store.find(owner, saved.id)).toBeNull();
  });

  it.each([
    [{ limit: 2, order: 'asc' as const }, ['msg_0', 'msg_1'], true],
    [{ limit: 2, order: 'asc' as const, after: 'msg_1' }, ['msg_2', 'msg_3'], true],
    [{ limit: 20, order: 'asc' as const, after: 'msg_3' }, ['msg_4'], false],
    [{ limit: 20, order: 'desc' as const }, ['msg_4', 'msg_3', 'msg_2', 'msg_1', 'msg_0'], false],
    [{ limit: 1, order: 'desc' as const, after: 'msg_4' }, ['msg_3'], true],
    [{ limit: 20, order: 'asc' as const, after: 'msg_unknown' }, [], false],
  ])('pages input items: %j → %j, has_more %s', async (page, ids, hasMore) => {
    const owner = await newUser();
    const saved = entry(owner, undefined, items(5));
    await store.save(saved);
    const found = await store.inputItems(owner, saved.id, page);
    expect({ ids: found!.items.map((item) => item.id), hasMore: found!.hasMore }).toEqual({ ids, hasMore });
    expect(await store.inputItems(await newUser(), saved.id, page)).toBeNull();
  });

  it('the retention sweep deletes only what has expired, and a deleted owner takes theirs along', async () => {
    const owner = await newUser();
    const longAgo = new Date(Date.now() - (RESPONSE_RETENTION_DAYS + 1) * DAY_MS);
    const expired = [entry(owner), entry(owner)];
    for (const e of expired) await store.save(e, longAgo);
    const current = entry(owner);
    await store.save(current);

    expect(await store.deleteExpired()).toBeGreaterThanOrEqual(2);
    const left = await dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM stored_responses WHERE user_id = $1`,
      [owner],
    );
    expect(left.map((row) => row.id)).toEqual([current.id]);

    await dataSource.query(`DELETE FROM users WHERE id = $1`, [owner]);
    expect(await store.find(owner, current.id)).toBeNull();
  });
});
