import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@tiergate/common';
import { rollupFor, whereOf, type UsageFilter } from './usage-reports';

/** One ledger row as the Request Log shows it, with the user's email. */
export interface UsageLogRow {
  request_id: string;
  occurred_at: string;
  user_id: string;
  /** Null when the account no longer exists. */
  user_email: string | null;
  tier: string;
  feature: string;
  modality: string;
  requested_model: string | null;
  served_model: string | null;
  provider: string | null;
  key_source: string;
  status: number;
  error_code: string | null;
  is_fallback: boolean;
  fallback_strategy: string | null;
  cached: boolean;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  images: number;
  audio_seconds: number;
  characters: number;
  cost_usd: number;
  latency_ms: number;
  ttft_ms: number | null;
}

export interface UsageLogPage {
  rows: UsageLogRow[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

type RawRow = Omit<UsageLogRow, 'occurred_at' | 'audio_seconds' | 'cost_usd'> & {
  at: string;
  audio_seconds: string;
  cost_usd: string;
};

/** The position after a row: its time to the microsecond (as PostgreSQL keeps it) and its id. */
interface Position {
  at: string;
  id: string;
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DAY_MS = 86_400_000;

/** An opaque cursor: base64url of `[time, request id]`. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    !TIME.test(value[0]) ||
    Number.isNaN(Date.parse(value[0])) ||
    typeof value[1] !== 'string' ||
    value[1].length < 1 ||
    value[1].length > 128
  )
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'cursor is not a cursor this list returned; pass next_cursor back unchanged',
      { param: 'cursor' },
    );
  return { at: value[0], id: value[1] };
}

/**
 * The Request Log: raw ledger rows, newest first, paged by keyset on `(occurred_at, request_id)`
 * (an index walk from the cursor, never an OFFSET), each with its user's email from one join on
 * the page's rows. Filters by model, errors and user have their own indexes in the same order.
 * Other filters are checked row by row along the time index; so that a rare combination does not
 * walk the whole range, the rollups (written in the same transaction as the rows) first narrow the
 * range to the days that have matching rows, and answer an empty page when none has.
 */
@Injectable()
export class UsageLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(filter: UsageFilter, options: { cursor?: string; limit: number }): Promise<UsageLogPage> {
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    const days = await this.matchingDays(filter);
    if (!days) return { rows: [], nextCursor: null };
    const { clauses, params } = conditionsOf({ ...filter, ...days });
    if (after) {
      params.push(after.at, after.id);
      clauses.push(`(occurred_at, request_id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(options.limit + 1);
    const rows = await this.dataSource.query<RawRow[]>(
      `SELECT e.request_id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
              e.user_id, u.email AS user_email, e.tier, e.feature, e.modality, e.requested_model, e.served_model,
              e.provider, e.key_source, e.status, e.error_code, e.is_fallback, e.fallback_strategy, e.cached,
              e.prompt_tokens, e.completion_tokens, e.total_tokens, e.images, e.audio_seconds::text AS audio_seconds,
              e.characters, e.cost_usd::text AS cost_usd, e.latency_ms, e.ttft_ms
         FROM (SELECT * FROM usage_events WHERE ${clauses.join(' AND ')}
                ORDER BY occurred_at DESC, request_id DESC LIMIT $${params.length}) AS e
         LEFT JOIN users u ON u.id = e.user_id
        ORDER BY e.occurred_at DESC, e.request_id DESC`,
      params,
    );
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return {
      rows: page.map(({ at, ...row }) => ({
        ...row,
        occurred_at: at,
        audio_seconds: Number(row.audio_seconds),
        cost_usd: Number(row.cost_usd),
      })),
      nextCursor:
        rows.length > options.limit && last ? encodeCursor({ at: last.at, id: last.request_id }) : null,
    };
  }

  /** The first and last day with rows for the filter (null: none), from the rollups. */
  private async matchingDays(filter: UsageFilter): Promise<{ from: string; to: string } | null> {
    const { from, to, ...fields } = filter;
    if (Object.values(fields).every((value) => value === undefined)) return { from, to };
    const { where, params } = whereOf(filter);
    const [span] = await this.dataSource.query<Array<{ first: string | null; last: string | null }>>(
      `SELECT to_char(min(day), 'YYYY-MM-DD') AS first, to_char(max(day), 'YYYY-MM-DD') AS last
         FROM ${rollupFor(filter)} WHERE ${where}`,
      params,
    );
    return span?.first && span.last ? { from: span.first, to: span.last } : null;
  }
}

/** The filter on the raw table, in the forms its indexes have. */
function conditionsOf(filter: UsageFilter): { clauses: string[]; params: unknown[] } {
  const params: unknown[] = [
    `${filter.from}T00:00:00Z`,
    new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS).toISOString(),
  ];
  const clauses = ['occurred_at >= $1::timestamptz', 'occurred_at < $2::timestamptz'];
  const add = (sql: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  add('user_id = ?::uuid', filter.userId);
  add('tier = ?', filter.tier);
  add('coalesce(served_model, requested_model) = ?', filter.model);
  add('feature = ?', filter.feature);
  add('key_source = ?', filter.keySource);
  if (filter.status !== undefined) clauses.push(filter.status === 'error' ? 'status >= 400' : 'status < 400');
  return { clauses, params };
}
