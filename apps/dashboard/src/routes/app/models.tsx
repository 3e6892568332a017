import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { DataTable } from '@/components/ui/data-table';
import { Page } from '@/components/ui/page';
import { modelColumns } from '@/features/my-models/columns';
import { useCatalog } from '@/features/playground/queries';
import { MODALITIES, MODALITY_LABELS } from '@/lib/domain';

const route = getRouteApi('/signed-in/app/models');

/** The models my tier may use, by modality, with context length and prices. */
export function MyModelsPage() {
  const { modality } = route.useSearch();
  const navigate = useNavigate({ from: '/app/models' });
  const catalog = useCatalog(modality);
  const models = catalog.data?.models ?? [];

  return (
    <Page
      title="Models"
      description={
        catalog.data
          ? `The models your ${catalog.data.user_tier} tier may use. Name one in a request's model field, or let the platform choose.`
          : 'The models your tier may use.'
      }
    >
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label="Modality"
          placeholder="All modalities"
          data={MODALITIES.map((value) => ({ value, label: MODALITY_LABELS[value] }))}
          value={modality ?? null}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({ ...prev, modality: value ?? undefined }),
            })
          }
          clearable
          w={{ base: '100%', xs: 240 }}
        />
        {catalog.data && (
          <Group gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite">
              {models.length} {models.length === 1 ? 'model' : 'models'}
            </Text>
            {catalog.data.user_tier === 'free' && !catalog.data.free_tier_enabled && (
              <Badge color="red" variant="light">
                Free tier switched off
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {catalog.isError ? (
        <ErrorAlert error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Stack gap="xs">
          <DataTable
            caption="Models my tier may use"
            columns={modelColumns}
            data={models}
            loading={catalog.isFetching}
            getRowId={(row) => `${row.id}:${row.modality}`}
            empty={
              modality ? `No ${MODALITY_LABELS[modality].toLowerCase()} model on your tier.` : 'No model.'
            }
          />
          <Text size="xs" c="dimmed">
            Prices in USD per million tokens, from the provider's catalog. Images, speech and transcription
            are priced per megapixel, character or minute.
          </Text>
        </Stack>
      )}
    </Page>
  );
}
