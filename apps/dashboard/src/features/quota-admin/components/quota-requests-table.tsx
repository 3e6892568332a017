import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable, type ServerPaging } from '@/components/ui/data-table';
import { formatDateTime, formatInt } from '@/lib/format';
import { LIMIT_LABELS, type QuotaRequest, type QuotaRequestStatus } from '../schema';
import { ApproveModal, DenyModal } from './decision-modals';
import { FEATURE_LABELS } from '@/lib/domain';

const STATUS_COLORS: Record<QuotaRequestStatus, string> = {
  pending: 'yellow',
  approved: 'green',
  denied: 'red',
};

const column = createColumnHelper<QuotaRequest>();

/** The quota-request inbox: one server page, with Approve and Deny on pending requests. */
export function QuotaRequestsTable({
  requests,
  loading,
  paging,
}: {
  requests: QuotaRequest[];
  loading: boolean;
  paging: ServerPaging;
}) {
  const [deciding, setDeciding] = useState<{ request: QuotaRequest; action: 'approve' | 'deny' } | null>(
    null,
  );
  const columns = useMemo(
    () => [
      column.accessor('created_at', { header: 'Asked', cell: (c) => formatDateTime(c.getValue()) }),
      column.accessor('user_id', {
        header: 'User',
        cell: (c) => (
          <Anchor
            renderRoot={(props) => (
              <Link {...props} to="/admin/users/$userId" params={{ userId: c.getValue() }} />
            )}
            size="sm"
            ff="monospace"
            title={c.getValue()}
          >
            {c.getValue().slice(0, 8)}…
          </Anchor>
        ),
      }),
      column.display({
        id: 'ask',
        header: 'Asks for',
        cell: ({ row: { original: r } }) => (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {formatInt(r.requested_limit)} {LIMIT_LABELS[r.limit].toLowerCase()}
            </Text>
            <Text size="xs" c="dimmed">
              {FEATURE_LABELS[r.feature]}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('reason', {
        header: 'Reason',
        cell: (c) => (
          <Text size="sm" lineClamp={3} maw={320}>
            {c.getValue()}
          </Text>
        ),
      }),
      column.accessor('status', {
        header: 'Status',
        cell: ({ row: { original: r } }) => (
          <Stack gap={2}>
            <Badge color={STATUS_COLORS[r.status]} variant="light" tt="none" style={{ overflow: 'visible' }}>
              {r.status}
            </Badge>
            {r.decided_at && (
              <Text size="xs" c="dimmed">
                {formatDateTime(r.decided_at)}
              </Text>
            )}
            {r.decision_reason && (
              <Text size="xs" lineClamp={2} maw={240}>
                {r.decision_reason}
              </Text>
            )}
          </Stack>
        ),
      }),
      column.display({
        id: 'actions',
        header: 'Decision',
        cell: ({ row: { original: r } }) =>
          r.status === 'pending' ? (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                color="green"
                variant="light"
                aria-label={`Approve request for ${FEATURE_LABELS[r.feature].toLowerCase()} from user ${r.user_id.slice(0, 8)}`}
                onClick={() => setDeciding({ request: r, action: 'approve' })}
              >
                Approve
              </Button>
              <Button
                size="xs"
                color="red"
                variant="light"
                aria-label={`Deny request for ${FEATURE_LABELS[r.feature].toLowerCase()} from user ${r.user_id.slice(0, 8)}`}
                onClick={() => setDeciding({ request: r, action: 'deny' })}
              >
                Deny
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Decided
            </Text>
          ),
      }),
    ],
    [],
  );

  return (
    <>
      <DataTable
        caption="Quota requests"
        columns={columns}
        data={requests}
        loading={loading}
        paging={paging}
        getRowId={(row) => row.id}
        empty="No quota requests with this status"
      />
      {deciding?.action === 'approve' && (
        <ApproveModal request={deciding.request} onClose={() => setDeciding(null)} />
      )}
      {deciding?.action === 'deny' && (
        <DenyModal request={deciding.request} onClose={() => setDeciding(null)} />
      )}
    </>
  );
}
