import { Card, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { QueryView } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { QuotaRequestsTable } from '@/features/quota-admin/components/quota-requests-table';
import { TierPolicyForm } from '@/features/quota-admin/components/tier-policy-form';
import { useQuotaRequests, useTierPolicy } from '@/features/quota-admin/queries';
import { TIERS, TIER_LABELS, type Tier } from '@/lib/domain';

const route = getRouteApi('/signed-in/admin/quotas');

function TierPolicyPanel({ tier }: { tier: Tier }) {
  const policy = useTierPolicy(tier);
  return (
    <QueryView query={policy}>{(data) => <TierPolicyForm key={tier} tier={tier} policy={data} />}</QueryView>
  );
}

export function QuotasAdminPage() {
  const raw = route.useSearch();
  const search = {
    tier: raw.tier ?? 'free',
    status: raw.status ?? 'pending',
    page: raw.page ?? 1,
    page_size: raw.page_size ?? 25,
  };
  const navigate = useNavigate({ from: '/admin/quotas' });
  const requests = useQuotaRequests({
    status: search.status === 'all' ? undefined : search.status,
    page: search.page,
    page_size: search.page_size,
  });

  return (
    <Page
      title="Quotas"
      description="Each tier's daily limits per feature and its rate limits; users' requests for more."
    >
      <Stack gap="xs">
        <Title order={3} size="h3">
          Tier limits
        </Title>
        <Tabs
          value={search.tier}
          onChange={(tier) => tier && void navigate({ search: (prev) => ({ ...prev, tier: tier as Tier }) })}
          keepMounted={false}
        >
          <Tabs.List>
            {TIERS.map((tier) => (
              <Tabs.Tab key={tier} value={tier}>
                {TIER_LABELS[tier]} tier
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TIERS.map((tier) => (
            <Tabs.Panel key={tier} value={tier} pt="md">
              <TierPolicyPanel tier={tier} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>

      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Title order={3} size="h3">
                Quota requests
              </Title>
              <Text size="sm" c="dimmed">
                Approving writes the user&apos;s override (with the requested limit or the one you enter).
              </Text>
            </Stack>
            <SegmentedControl
              aria-label="Show requests with status"
              value={search.status}
              onChange={(status) =>
                void navigate({
                  search: (prev) => ({ ...prev, status, page: undefined }),
                })
              }
              data={[
                { value: 'pending', label: 'Pending' },
                { value: 'approved', label: 'Approved' },
                { value: 'denied', label: 'Denied' },
                { value: 'all', label: 'All' },
              ]}
            />
          </Group>
          <QueryView query={requests}>
            {(data) => (
              <QuotaRequestsTable
                requests={data.data}
                loading={requests.isFetching}
                paging={{
                  page: data.page,
                  pageSize: data.page_size,
                  total: data.total,
                  onPageChange: (page) => void navigate({ search: (prev) => ({ ...prev, page }) }),
                  onPageSizeChange: (page_size) =>
                    void navigate({ search: (prev) => ({ ...prev, page_size, page: undefined }) }),
                }}
              />
            )}
          </QueryView>
        </Stack>
      </Card>
    </Page>
  );
}
