import {
  ActionIcon,
  Autocomplete,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '@/components/ui/notify';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { useUpdatePrices } from '../mutations';
import {
  MODEL_PRICE_FIELDS,
  MODEL_PRICE_LABELS,
  creditsHint,
  emptyModelRow,
  priceFieldFor,
  pricesSchema,
  tableToValues,
  valuesToUpdate,
  type PriceTable,
  type PricesValues,
} from '../schema';
import { TIERS, TIER_LABELS } from '@/lib/domain';

const usdProps = {
  prefix: '$',
  min: 0,
  allowNegative: false,
  decimalScale: 6,
  thousandSeparator: ',',
} as const;

/** The price table (what the catalog does not price), per-model overrides and monthly credits per tier. */
export function PricesForm({ table, catalogIds }: { table: PriceTable; catalogIds: string[] }) {
  const form = useForm<PricesValues>({
    initialValues: tableToValues(table),
    validate: zod4Resolver(pricesSchema),
  });
  const update = useUpdatePrices();
  const rows = form.getValues().models;

  const save = (values: PricesValues) =>
    update.mutate(valuesToUpdate(values), {
      onSuccess: (saved) => {
        const next = tableToValues(saved);
        form.setInitialValues(next);
        form.setValues(next);
        notify({ color: 'green', message: 'Prices and credits saved' });
      },
      onError: (error) => {
        if (!applyApiError(form, error, (param) => priceFieldFor(param, form.getValues())))
          notify({ color: 'red', title: 'Prices not saved', message: error.message });
      },
    });
  const addRow = () => {
    form.insertListItem('models', emptyModelRow());
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-path="models.${rows.length}.model"]`)?.focus(),
    );
  };

  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label="Prices and credits">
      <Stack gap="lg">
        <Card withBorder>
          <Stack gap="sm">
            <Stack gap={2}>
              <Title order={3} size="h4">
                Prices by modality
              </Title>
              <Text size="sm" c="dimmed">
                In USD, for what the catalog does not price (token prices come from the catalog).
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Images, per megapixel"
                required
                {...usdProps}
                {...form.getInputProps('image_per_megapixel')}
                data-path="image_per_megapixel"
              />
              <NumberInput
                label="Speech, per million characters"
                required
                {...usdProps}
                {...form.getInputProps('speech_per_million_characters')}
                data-path="speech_per_million_characters"
              />
              <NumberInput
                label="Transcription, per minute"
                required
                {...usdProps}
                {...form.getInputProps('transcription_per_minute')}
                data-path="transcription_per_minute"
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="sm">
            <Stack gap={2}>
              <Title order={3} size="h4">
                Monthly credits per tier
              </Title>
              <Text size="sm" c="dimmed">
                Consumed at cost by requests on system keys; use beyond them is charged. Leave a tier empty
                for the platform&apos;s default allocation (shown in the field).
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {TIERS.map((tier) => (
                <NumberInput
                  key={tier}
                  label={`${TIER_LABELS[tier]} tier, USD per month`}
                  {...creditsHint(table, tier)}
                  {...usdProps}
                  decimalScale={2}
                  {...form.getInputProps(`tier_credits_usd.${tier}`)}
                  data-path={`tier_credits_usd.${tier}`}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="sm">
            <Stack gap={2}>
              <Title order={3} size="h4">
                Per-model prices
              </Title>
              <Text size="sm" c="dimmed">
                Override the catalog and the prices above for one model. Empty fields are not overridden.
              </Text>
            </Stack>
            <Table.ScrollContainer minWidth={1100}>
              <Table verticalSpacing="xs">
                <Table.Caption className="sr-only">Per-model prices</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" id="price-col-model">
                      Model
                    </Table.Th>
                    {MODEL_PRICE_FIELDS.map((field) => (
                      <Table.Th key={field} scope="col" id={`price-col-${field}`}>
                        {MODEL_PRICE_LABELS[field]}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">
                      <span className="sr-only">Remove</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={MODEL_PRICE_FIELDS.length + 2}>
                        <Text size="sm" c="dimmed">
                          No per-model prices.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {rows.map((row, index) => (
                    <Table.Tr key={row.key}>
                      <Table.Td miw={260} style={{ verticalAlign: 'top' }}>
                        <Autocomplete
                          aria-label={`Model ${index + 1}`}
                          placeholder="Search the catalog or type a model id"
                          data={catalogIds}
                          limit={50}
                          {...form.getInputProps(`models.${index}.model`)}
                          data-path={`models.${index}.model`}
                        />
                      </Table.Td>
                      {MODEL_PRICE_FIELDS.map((field) => (
                        <Table.Td key={field} style={{ verticalAlign: 'top' }}>
                          <NumberInput
                            aria-label={`${MODEL_PRICE_LABELS[field]} for ${row.model || `model ${index + 1}`}`}
                            {...usdProps}
                            {...form.getInputProps(`models.${index}.${field}`)}
                            data-path={`models.${index}.${field}`}
                          />
                        </Table.Td>
                      ))}
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <ActionIcon
                          variant="light"
                          color="red"
                          size="lg"
                          aria-label={`Remove prices for ${row.model || `model ${index + 1}`}`}
                          onClick={() => form.removeListItem('models', index)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={addRow}
              >
                Add a model
              </Button>
            </Group>
          </Stack>
        </Card>

        {update.isError && !Object.keys(form.errors).length && <ErrorAlert error={update.error} />}
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save prices and credits
          </Button>
          <Button
            variant="default"
            onClick={() => form.reset()}
            disabled={!form.isDirty() || update.isPending}
          >
            Discard changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
