import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@tiergate/database';
import { withTimeout } from '@tiergate/common';
import { ChangeBus } from '@tiergate/redis';
import type { Principal } from './principal';

/** The change-bus topic on which every instance hears that cached principals must be dropped. */
export const PRINCIPALS_CHANGED = 'auth.principals.changed';

/**
 * What changed about who may call: a user's tier, role or active flag (or an admin's password
 * reset), one API key revoked, one session ended, or every session of a user ended.
 */
export type PrincipalChange =
  | { kind: 'user'; userId: string }
  | { kind: 'api_key'; apiKeyId: string }
  | { kind: 'session'; sessionId: string }
  | { kind: 'sessions'; userId: string };

/** A resolved credential: who it is, and (sessions) until when it is valid at most. */
export interface CachedPrincipal {
  principal: Principal;
  validUntil?: Date;
}

export interface PrincipalCacheSettings {
  /** Entries kept (least recently used dropped first). */
  maxEntries: number;
  /** An entry older than this is read again from the database before it is used (the safety net under the bus). */
  freshMs: number;
  /** An entry is kept this long at most: while the database is unreachable, a stale entry is served up to this age. */
  maxStaleMs: number;
  /** After a database error, stale entries are served without trying the database again for this long. */
  outageBackoffMs: number;
}

export const PRINCIPAL_CACHE_SETTINGS = Symbol('PRINCIPAL_CACHE_SETTINGS');

const DEFAULT_SETTINGS: PrincipalCacheSettings = {
  maxEntries: 50_000,
  freshMs: 30_000,
  maxStaleMs: 60 * 60_000,
  outageBackoffMs: 1_000,
};

interface Entry extends CachedPrincipal {
  loadedAt: number;
}

const encode = (change: PrincipalChange): string =>
  `${change.kind}:${'userId' in change ? change.userId : 'apiKeyId' in change ? change.apiKeyId : change.sessionId}`;

function decode(payload: string): PrincipalChange | undefined {
  const at = payload.indexOf(':');
  const [kind, id] = [payload.slice(0, at), payload.slice(at + 1)];
  if (!id) return undefined;
  if (kind === 'user' || kind === 'sessions') return { kind, userId: id };
  if (kind === 'api_key') return { kind, apiKeyId: id };
  if (kind === 'session') return { kind, sessionId: id };
  return undefined;
}

function matches(entry: Entry, change: PrincipalChange): boolean {
  const { principal } = entry;
  switch (change.kind) {
    case 'user':
      return principal.id === change.userId;
    case 'api_key':
      return principal.apiKeyId === change.apiKeyId;
    case 'session':
      return principal.sessionId === change.sessionId;
    case 'sessions':
      return principal.via === 'session' && principal.id === change.userId;
  }
}

/**
 * Who is behind an API key, an access token's subject or a session cookie, held in memory so the
 * database is not on the request path. Entries are dropped on every instance over the change bus
 * when a key is revoked, a user changes (tier, role, deactivation, password reset) or a session
 * ends; everything is read again after a break in the bus's subscription (messages may have been
 * missed); and an entry is re-read after `freshMs` in any case. While PostgreSQL is unreachable,
 * principals already known are served from their last good read (up to `maxStaleMs`); an unknown
 * one gets 503 `database_unavailable`.
 *
 * Keys are derived from secrets (hashes), never the secrets themselves.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly settings: PrincipalCacheSettings;
  private readonly entries: LRUCache<string, Entry>;
  private readonly loading = new Map<string, Promise<CachedPrincipal | null>>();
  /** Bumped by every invalidation: a load that started before one is not cached. */
  private generation = 0;
  private databaseDownUntil = 0;
  /** Entries loaded at or before this time are read again before use (set after a bus reconnect). */
  private revalidateBefore = 0;
  private outageReported = false;

  constructor(
    private readonly bus: ChangeBus,
    @Optional() @Inject(PRINCIPAL_CACHE_SETTINGS) settings?: Partial<PrincipalCacheSettings>,
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.entries = new LRUCache<string, Entry>({ max: this.settings.maxEntries });
  }

  onModuleInit(): void {
    this.bus.subscribe(PRINCIPALS_CHANGED, (payload) => {
      const change = decode(payload);
      if (change) this.forget(change);
    });
    this.bus.onReconnect(() => this.revalidateAll());
  }

  /** Whether the database failed within the last moment (callers skip optional writes). */
  get databaseDown(): boolean {
    return this.databaseDownUntil > Date.now();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The principal for `key`: from memory while fresh, else from `load` (one load per key at a
   * time). `load` returning null means the credential is not (or no longer) valid.
   */
  async resolve(key: string, load: () => Promise<CachedPrincipal | null>): Promise<CachedPrincipal | null> {
    const now = Date.now();
    let entry = this.entries.get(key);
    if (entry?.validUntil && entry.validUntil.getTime() <= now) {
      this.entries.delete(key);
      return null;
    }
    if (entry && now - entry.loadedAt >= this.settings.maxStaleMs) {
      this.entries.delete(key);
      entry = undefined;
    }
    const fresh =
      entry && now - entry.loadedAt < this.settings.freshMs && entry.loadedAt > this.revalidateBefore;
    if (entry && (fresh || this.databaseDown)) return copyOf(entry);
    try {
      const loaded = await this.loadOnce(key, load);
      return loaded && copyOf(loaded);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      this.markDatabaseDown(error);
      if (entry) return copyOf(entry);
      throw new DatabaseUnavailableError(error);
    }
  }

  /** Drops what the change affects here, then tells every other instance. Never throws. */
  async announce(change: PrincipalChange): Promise<void> {
    this.forget(change);
    await withTimeout(
      this.bus.publish(PRINCIPALS_CHANGED, encode(change)),
      1_000,
      'the change bus did not answer within 1000 ms',
    ).catch((error: Error) =>
      this.logger.warn(
        `principal change not announced (other instances drop it on reconnect or within ${this.settings.freshMs} ms): ${error.message}`,
      ),
    );
  }

  /** Drops, on this instance only, the entries a change affects. */
  forget(change: PrincipalChange): void {
    this.generation += 1;
    const affected: string[] = [];
    for (const [key, entry] of this.entries.entries()) if (matches(entry, change)) affected.push(key);
    for (const key of affected) this.entries.delete(key);
  }

  /**
   * After a break in the bus's subscription (messages may have been missed): every entry is read
   * again before its next use. Entries are not deleted, so that if PostgreSQL is unreachable at
   * that moment too, known callers are still served from their last good read.
   */
  revalidateAll(): void {
    this.generation += 1;
    this.revalidateBefore = Date.now();
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private loadOnce(
    key: string,
    load: () => Promise<CachedPrincipal | null>,
  ): Promise<CachedPrincipal | null> {
    const pending = this.loading.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const loaded = load()
      .then((value) => {
        this.databaseDownUntil = 0;
        this.outageReported = false;
        if (!value) this.entries.delete(key);
        else if (generation === this.generation) this.entries.set(key, { ...value, loadedAt: Date.now() });
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    return loaded;
  }

  private markDatabaseDown(error: unknown): void {
    if (!this.outageReported)
      this.logger.warn(
        `database unreachable, serving known principals from memory: ${(error as Error).message}`,
      );
    this.outageReported = true;
    this.databaseDownUntil = Date.now() + this.settings.outageBackoffMs;
  }
}

/** Each request gets its own copy: nothing downstream can change what the cache holds. */
const copyOf = ({ principal, validUntil }: CachedPrincipal): CachedPrincipal => ({
  principal: { ...principal },
  validUntil,
});
