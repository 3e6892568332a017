import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowUpRight } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { FeatureQuotaCard } from '@/features/my-quota/components/feature-quota-card';
import { MyRequestsTable } from '@/features/my-quota/components/my-requests-table';
import { RequestIncreaseModal } from '@/features/my-quota/components/request-increase-modal';
import { useMyQuota } from '@/features/my-quota/queries';
import { prepareQuotaMeters, rateLimitRows } from '@/features/my-quota/quota-meters';
import { formatDateTime } from '@/lib/format';

const route = getRouteApi('/signed-in/app/quota');
const PAGE_SIZE = 10;

/** The specification's "User Dashboard > Quota": today's usage against the limits, and "Request Increase". */
export function MyQuotaPage() {
  const { page = 1 } = route.useSearch();
  const navigate = useNavigate({ from: '/app/quota' });
  const quota = useMyQuota();
  const [opened, { open, close }] = useDisclosure(false);

  return (
    <Page
      title="Quota"
      description={
        quota.data
          ? `Your ${quota.data.tier} tier's daily limits. They reset at ${formatDateTime(quota.data.resets_at)}.`
          : 'Your daily limits per feature.'
      }
      actions={
        <Button leftSection={<IconArrowUpRight size={16} aria-hidden />} onClick={open}>
          Request Increase
        </Button>
      }
    >
      {quota.isError && <ErrorAlert error={quota.error} onRetry={() => void quota.refetch()} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {quota.isPending
          ? Array.from({ length: 6 }, (_, index) => <Skeleton key={index} height={140} radius="md" />)
          : quota.data &&
            prepareQuotaMeters(quota.data).map((feature) => (
              <FeatureQuotaCard key={feature.feature} feature={feature} />
            ))}
      </SimpleGrid>
      {quota.data && (
        <Card withBorder component="section" aria-labelledby="rate-limits-title" maw={560}>
          <Stack gap="xs">
            <Title order={3} size="h5" id="rate-limits-title">
              Rate limits
            </Title>
            <Text size="sm" c="dimmed">
              They apply to every feature together, also when you use your own key.
            </Text>
            <Table.ScrollContainer minWidth={320}>
              <Table withRowBorders={false} verticalSpacing={4}>
                <Table.Tbody>
                  {rateLimitRows(quota.data.rate_limits).map((row) => (
                    <Table.Tr key={row.label}>
                      <Table.Th scope="row" fw={400} w="50%">
                        {row.label}
                      </Table.Th>
                      <Table.Td>{row.value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Card>
      )}
      <Stack gap="xs" component="section" aria-labelledby="my-requests-title">
        <Group justify="space-between">
          <Title order={3} size="h4" id="my-requests-title">
            My requests
          </Title>
        </Group>
        <MyRequestsTable
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={(next) => void navigate({ search: (prev) => ({ ...prev, page: next }) })}
        />
      </Stack>
      <RequestIncreaseModal opened={opened} onClose={close} quota={quota.data} />
    </Page>
  );
}
