import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UsageFilter } from './usage-reports';

/** The raw ledger's columns, in export order. */
export const EXPORT_COLUMNS = [
  'request_id',
  'occurred_at',
  'user_id',
  'tier',
  'feature',
  'modality',
  'requested_model',
  'served_model',
  'provider',
  'key_source',
  'is_fallback',
  'fallback_strategy',
  'cached',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'images',
  'audio_seconds',
  'characters',
  'cost_usd',
  'latency_ms',
  'ttft_ms',
  'status',
  'error_code',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;

const PAGE = 5_000;

/**
 * Raw ledger rows for an export, read page by page in (occurred_at, request_id) order (keyset
 * pagination on the indexed columns), so a million rows stream through without being held.
 */
@Injectable()
export class UsageExport {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async *rows(filter: UsageFilter): AsyncGenerator<ExportRow> {
    const clauses = [`occurred_at >= $1::date`, `occurred_at < ($2::date + 1)`];
    const params: unknown[] = [filter.from, filter.to];
    const add = (sql: string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      clauses.push(sql.replace('?', `$${params.length}`));
    };
    add('user_id::text = ?', filter.userId);
    add('tier = ?', filter.tier);
    add('coalesce(served_model, requested_model) = ?', filter.model);
    add('feature = ?', filter.feature);
    add('key_source = ?', filter.keySource);
    if (filter.status) clauses.push(filter.status === 'ok' ? 'status < 400' : 'status >= 400');
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const cursor = after
        ? `AND (occurred_at, request_id) > ($${params.length + 1}::timestamptz, $${params.length + 2})`
        : '';
      const page = await this.dataSource.query<Array<ExportRow & { at: string }>>(
        `SELECT ${EXPORT_COLUMNS.join(', ')}, occurred_at::text AS at FROM usage_events
          WHERE ${clauses.join(' AND ')} ${cursor}
          ORDER BY occurred_at, request_id LIMIT ${PAGE}`,
        after ? [...params, after.at, after.id] : params,
      );
      for (const { at: _at, ...row } of page) {
        yield { ...row, occurred_at: new Date(row.occurred_at as string).toISOString() };
      }
      if (page.length < PAGE) return;
      const last = page[page.length - 1];
      after = { at: last.at, id: last.request_id as string };
    }
  }
}
