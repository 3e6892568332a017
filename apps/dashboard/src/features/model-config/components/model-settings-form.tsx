import {
  ActionIcon,
  Autocomplete,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '@/components/ui/notify';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { useUpdateModelConfig } from '../mutations';
import { newKey, type ModelConfig } from '../schema';

const schema = z.object({
  rows: z
    .array(
      z.object({
        key: z.string(),
        model: z
          .string()
          .trim()
          .regex(/^[^\s]{1,200}$/, 'Enter a model id (no spaces)'),
        supports_continuation: z.boolean(),
        saved: z.boolean(),
      }),
    )
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.model.trim()))
          ctx.addIssue({ code: 'custom', path: [index, 'model'], message: 'This model is listed twice' });
        seen.add(row.model.trim());
      });
    }),
});
type Values = z.infer<typeof schema>;

const toValues = (models: ModelConfig['models']): Values => ({
  rows: Object.entries(models)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, settings]) => ({
      key: newKey(),
      model,
      supports_continuation: Boolean(settings.supports_continuation),
      saved: true,
    })),
});

/**
 * Settings per model (`supports_continuation`: the model may continue a broken stream from an
 * assistant prefix). Saved models stay listed (the api merges settings per id); new rows can be added.
 */
export function ModelSettingsForm({
  models,
  catalogIds,
}: {
  models: ModelConfig['models'];
  catalogIds: string[];
}) {
  const form = useForm<Values>({ initialValues: toValues(models), validate: zod4Resolver(schema) });
  const update = useUpdateModelConfig();
  const rows = form.getValues().rows;

  const save = (values: Values) =>
    update.mutate(
      {
        models: Object.fromEntries(
          values.rows.map((row) => [row.model.trim(), { supports_continuation: row.supports_continuation }]),
        ),
      },
      {
        onSuccess: (saved) => {
          const next = toValues(saved.models);
          form.setInitialValues(next);
          form.setValues(next);
          notify({ color: 'green', message: 'Model settings saved' });
        },
        onError: (error) => {
          const field = (param: string) => {
            const match = /^models\.(.+?)(\.supports_continuation)?$/.exec(param);
            const index = match ? rows.findIndex((row) => row.model.trim() === match[1]) : -1;
            return index < 0 ? undefined : `rows.${index}.${match?.[2] ? 'supports_continuation' : 'model'}`;
          };
          if (!applyApiError(form, error, field))
            notify({ color: 'red', title: 'Settings not saved', message: error.message });
        },
      },
    );
  const add = () => {
    form.insertListItem('rows', { key: newKey(), model: '', supports_continuation: true, saved: false });
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-path="rows.${rows.length}.model"]`)?.focus(),
    );
  };

  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit(save)} noValidate>
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={3} size="h4">
              Model settings
            </Title>
            <Text size="sm" c="dimmed">
              When a stream breaks after its first byte, the next model that supports continuation finishes
              the answer from the partial text.
            </Text>
          </Stack>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Caption className="sr-only">Settings per model</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" id="model-settings-model">
                    Model
                  </Table.Th>
                  <Table.Th scope="col">Continuation</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">Remove</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <Text size="sm" c="dimmed">
                        No model has settings yet.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {rows.map((row, index) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      {row.saved ? (
                        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                          {row.model}
                        </Text>
                      ) : (
                        <Autocomplete
                          aria-label={`New model ${index + 1}`}
                          placeholder="Search the catalog or type a model id"
                          data={catalogIds}
                          limit={50}
                          {...form.getInputProps(`rows.${index}.model`)}
                          data-path={`rows.${index}.model`}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        label="Supports continuation"
                        aria-label={`${row.model || 'New model'} supports continuation`}
                        {...form.getInputProps(`rows.${index}.supports_continuation`, { type: 'checkbox' })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {!row.saved && (
                        <ActionIcon
                          variant="light"
                          color="red"
                          aria-label={`Remove new model ${index + 1}`}
                          onClick={() => form.removeListItem('rows', index)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {update.isError && !Object.keys(form.errors).length && <ErrorAlert error={update.error} />}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
              Add a model
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save model settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
