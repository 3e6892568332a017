import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { api, unwrap } from '@/api/client';
import { errorMessage } from '@/api/errors';
import { useCurrentUser } from '@/auth/session';
import { ADMIN_NAV, navFor, USER_NAV, type NavItem } from './navigation';

function NavSection({
  title,
  items,
  onNavigate,
}: {
  title: string;
  items: NavItem[];
  onNavigate: () => void;
}) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <nav aria-label={title}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
        {title}
      </Text>
      {items.map((item) => {
        const exact = item.to === '/admin';
        const active = exact ? pathname === '/admin' || pathname === '/admin/' : pathname.startsWith(item.to);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            activeOptions={{ exact }}
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
            active={active}
            onClick={onNavigate}
          />
        );
      })}
    </nav>
  );
}

function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/auth/session')),
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: '/sign-in' });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}

/** The signed-in frame: header with the account, navigation for the user's and (for admins) the admin's screens. */
export function AppLayout() {
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const signOut = useSignOut();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={opened}
            />
            <Title order={1} size="h3">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Tiergate
              </Link>
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" truncate maw={240} data-testid="signed-in-email">
              {user.email}
            </Text>
            {/* On a phone the header keeps room for "Sign out"; the Account page shows tier and role. */}
            <Badge variant="light" aria-label={`Tier: ${user.tier}`} visibleFrom="sm">
              {user.tier}
            </Badge>
            {user.role === 'admin' && (
              <Badge color="grape" visibleFrom="sm">
                admin
              </Badge>
            )}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconLogout size={16} aria-hidden />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {user.role === 'admin' && (
            <NavSection title="Admin Dashboard" items={ADMIN_NAV} onNavigate={close} />
          )}
          <NavSection title="User Dashboard" items={navFor(USER_NAV, user.tier)} onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
