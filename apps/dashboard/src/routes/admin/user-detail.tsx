import { Anchor, Grid, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useCurrentUser } from '@/auth/session';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { CustomQuotasCard } from '@/features/user-quotas/components/custom-quotas-card';
import { AccountSettingsCard } from '@/features/users/components/account-settings-card';
import { ResetPasswordCard } from '@/features/users/components/reset-password-card';
import { ActiveBadge, RoleBadge, TierBadge } from '@/features/users/components/user-badges';
import { useUser } from '@/features/users/queries';
import { formatDateTime } from '@/lib/format';

const route = getRouteApi('/signed-in/admin/users/$userId');

function BackToUsers() {
  return (
    <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/users" />}>
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All users
      </Group>
    </Anchor>
  );
}

export function UserDetailPage() {
  const { userId } = route.useParams();
  const me = useCurrentUser();
  const user = useUser(userId);

  if (user.isPending)
    return (
      <Page title="User" description="Loading…">
        <BackToUsers />
      </Page>
    );
  if (user.isError)
    return (
      <Page title="User">
        <BackToUsers />
        <ErrorAlert
          error={user.error}
          title="This user could not be shown"
          onRetry={() => void user.refetch()}
        />
      </Page>
    );

  const account = user.data;
  return (
    <Page
      title={account.email}
      description={`Created ${formatDateTime(account.created_at)} · id ${account.id}`}
    >
      <Group justify="space-between" wrap="wrap" mt={-8}>
        <Group gap="xs">
          <BackToUsers />
          <TierBadge tier={account.tier} />
          <RoleBadge role={account.role} />
          <ActiveBadge active={account.active} />
        </Group>
        <Anchor
          size="sm"
          renderRoot={(props) => (
            <Link {...props} to="/admin/audit" search={{ target_type: 'user', target_id: account.id }} />
          )}
        >
          This user&apos;s changes in the Audit Log
        </Anchor>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <AccountSettingsCard key={account.id} user={account} isSelf={account.id === me.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ResetPasswordCard user={account} />
        </Grid.Col>
      </Grid>
      <CustomQuotasCard userId={account.id} />
    </Page>
  );
}
