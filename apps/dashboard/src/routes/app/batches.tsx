import { Alert, Card, Stack, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCurrentUser } from '@/auth/session';
import { Page } from '@/components/ui/page';
import { BatchesTable } from '@/features/batches/components/batches-table';
import { NewBatchForm } from '@/features/batches/components/new-batch-form';
import { useBatches } from '@/features/batches/queries';
import { batchesAllowed } from '@/features/batches/status';
import { TIER_LABELS } from '@/lib/domain';

const route = getRouteApi('/signed-in/app/batches');

/** Batches: upload a JSONL of chat requests, follow it to the end at half price, download the results. */
export function BatchesPage() {
  const user = useCurrentUser();
  const { cursors = [] } = route.useSearch();
  const navigate = useNavigate({ from: '/app/batches' });
  const batches = useBatches(cursors.at(-1));
  const allowed = batchesAllowed(user.tier);

  return (
    <Page
      title="Batches"
      description="Chat requests that can wait, run through the provider's Batch API at half the serverless price."
    >
      <Stack gap="lg">
        {allowed ? (
          <Card withBorder p="lg" component="section" aria-labelledby="new-batch-title">
            <Stack>
              <Title order={3} size="h4" id="new-batch-title">
                New batch
              </Title>
              <NewBatchForm onCreated={() => cursors.length && void navigate({ search: {} })} />
            </Stack>
          </Card>
        ) : (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title="Batch jobs are not on your tier">
            {`The ${TIER_LABELS[user.tier]} tier cannot run batch jobs; they are part of the Premium and Enterprise tiers.`}
          </Alert>
        )}
        <Card withBorder p="lg" component="section" aria-labelledby="batches-title">
          <Stack>
            <Title order={3} size="h4" id="batches-title">
              Your batches
            </Title>
            <BatchesTable
              query={batches}
              hasNewer={cursors.length > 0}
              onNewer={() => void navigate({ search: { cursors: cursors.slice(0, -1) } })}
              onOlder={(after) => void navigate({ search: { cursors: [...cursors, after] } })}
              empty={allowed ? undefined : 'No batches.'}
            />
          </Stack>
        </Card>
      </Stack>
    </Page>
  );
}
