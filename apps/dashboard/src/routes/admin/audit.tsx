import { Card, Stack } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { isApiError } from '@/api/errors';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { AuditFilters } from '@/features/audit/components/audit-filters';
import { AuditTable } from '@/features/audit/components/audit-table';
import { useAuditLog } from '@/features/audit/queries';
import { auditListParams, type AuditSearch } from '@/features/audit/schema';

const route = getRouteApi('/signed-in/admin/audit');

export function AuditPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/admin/audit' });
  const params = auditListParams(search);
  const audit = useAuditLog(params);

  const update = (changes: Partial<AuditSearch>, resetPage = true) =>
    void navigate({
      search: (previous) => ({ ...previous, ...changes, ...(resetPage ? { page: undefined } : {}) }),
      replace: true,
    });
  // A filter the API refused (a malformed actor id) is shown on that filter, not as a page error.
  const filterError = isApiError(audit.error) && audit.error.param ? audit.error : null;

  return (
    <Page
      title="Audit Log"
      description="Every administrative change: who made it, what it changed (before and after, never a secret), and when."
    >
      <Card withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack>
          <AuditFilters search={search} onChange={(changes) => update(changes)} error={filterError} />
          {audit.isError && !filterError && (
            <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
          )}
          <AuditTable
            entries={audit.data?.data ?? []}
            loading={audit.isFetching}
            page={params.page}
            pageSize={params.page_size}
            total={audit.data?.total ?? 0}
            onFilter={(changes) => update(changes)}
            onPageChange={(page) => update({ page }, false)}
            onPageSizeChange={(page_size) => update({ page_size })}
            empty={filterError ? 'Correct the filter above to see entries.' : undefined}
          />
        </Stack>
      </Card>
    </Page>
  );
}
