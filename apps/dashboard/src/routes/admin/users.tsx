import { Anchor, Button, Card, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { CreateUserModal } from '@/features/users/components/create-user-modal';
import { ActiveBadge, RoleBadge, TierBadge } from '@/features/users/components/user-badges';
import { UsersFilters } from '@/features/users/components/users-filters';
import { useUsers, type AdminUser } from '@/features/users/queries';
import { userListParams, type UsersSearch } from '@/features/users/schema';
import { formatDate } from '@/lib/format';

const route = getRouteApi('/signed-in/admin/users');
const column = createColumnHelper<AdminUser>();

const columns = [
  column.accessor('email', {
    header: 'Email',
    cell: (info) => (
      <Anchor
        size="sm"
        fw={500}
        renderRoot={(props) => (
          <Link {...props} to="/admin/users/$userId" params={{ userId: info.row.original.id }} />
        )}
      >
        {info.getValue()}
      </Anchor>
    ),
  }),
  column.accessor('tier', { header: 'Tier', cell: (info) => <TierBadge tier={info.getValue()} /> }),
  column.accessor('role', { header: 'Role', cell: (info) => <RoleBadge role={info.getValue()} /> }),
  column.accessor('active', { header: 'Status', cell: (info) => <ActiveBadge active={info.getValue()} /> }),
  column.accessor('created_at', { header: 'Created', cell: (info) => formatDate(info.getValue()) }),
];

export function UsersPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/admin/users' });
  const params = userListParams(search);
  const users = useUsers(params);
  const [creating, { open, close }] = useDisclosure(false);

  const update = (changes: Partial<UsersSearch>, resetPage = true) =>
    void navigate({
      search: (previous) => ({ ...previous, ...changes, ...(resetPage ? { page: undefined } : {}) }),
      replace: true,
    });

  return (
    <Page
      title="Users"
      description="Accounts by email or id, tier, role and status. Open one to change its tier, role, custom quotas or password."
      actions={
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
          Create user
        </Button>
      }
    >
      <Card withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack>
          <UsersFilters search={search} onChange={(changes) => update(changes)} />
          {users.isError ? (
            <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
          ) : (
            <DataTable
              caption="Users"
              columns={columns}
              data={users.data?.data ?? []}
              loading={users.isFetching}
              getRowId={(row) => row.id}
              empty={
                search.search || search.tier || search.role || search.active !== undefined
                  ? 'No user matches these filters.'
                  : 'No users yet.'
              }
              paging={{
                page: params.page,
                pageSize: params.page_size,
                total: users.data?.total ?? 0,
                onPageChange: (page) => update({ page }, false),
                onPageSizeChange: (page_size) => update({ page_size }),
              }}
            />
          )}
          {search.search && (
            <Text size="xs" c="dimmed">
              Searching for “{search.search}” in email addresses and user ids.
            </Text>
          )}
        </Stack>
      </Card>
      <CreateUserModal opened={creating} onClose={close} />
    </Page>
  );
}
