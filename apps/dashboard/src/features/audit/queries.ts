import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import type { AuditListParams } from './schema';

export type AuditEntry = components['schemas']['AuditEntryDto'];

export const auditKeys = {
  all: ['admin', 'audit'] as const,
  list: (params: AuditListParams) => [...auditKeys.all, 'list', params] as const,
};

export const auditQuery = (params: AuditListParams) =>
  queryOptions({
    queryKey: auditKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/admin/audit', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

/** One page of administrative changes, newest first. */
export function useAuditLog(params: AuditListParams) {
  return useQuery(auditQuery(params));
}
