import { Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { VerifyFooter } from '@/components/ui/secret-key-form';
import { notify } from '@/components/ui/notify';
import { useCatalog } from '@/features/model-config/queries';
import { applyApiError } from '@/lib/forms';
import { useCreateEndpoint } from '../queries';
import { createEndpointSchema, newEndpointBody, type CreateEndpointValues } from '../schema';
import { HardwareSelect } from './hardware-select';

const INITIAL: CreateEndpointValues = {
  model: '',
  hardware: '',
  display_name: '',
  min_replicas: 1,
  max_replicas: 1,
  auto_shutdown_minutes: '',
};

/** "Create endpoint": a model from the catalog, hardware offered for it, replicas and auto-shutdown. */
export function CreateEndpointModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm<CreateEndpointValues>({
    initialValues: INITIAL,
    validate: zod4Resolver(createEndpointSchema),
  });
  const catalog = useCatalog();
  const create = useCreateEndpoint();
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = (values: CreateEndpointValues) =>
    create.mutate(newEndpointBody(values), {
      onSuccess: (endpoint) => {
        notify({
          color: 'green',
          message: (
            <>
              <strong>Endpoint created.</strong>{' '}
              {`${endpoint.name} is ${endpoint.state.toLowerCase()}; it starts in a few minutes.`}
            </>
          ),
        });
        close();
      },
      onError: (error) => applyApiError(form, error),
    });
  const models = (catalog.data?.models ?? []).map((model) => model.id).sort();

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Create endpoint"
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            A dedicated endpoint runs one model on its own hardware and is billed by the hour while it runs.
          </Text>
          <Select
            label="Model"
            placeholder={catalog.isPending ? 'Loading the catalog…' : 'Search the catalog'}
            data={models}
            searchable
            limit={50}
            nothingFoundMessage="No model matches"
            required
            {...form.getInputProps('model')}
            onChange={(value: string | null) => {
              form.setFieldValue('model', value ?? '');
              form.setFieldValue('hardware', '');
            }}
            error={form.errors.model ?? (catalog.isError ? 'The catalog could not be loaded' : undefined)}
            data-path="model"
          />
          <HardwareSelect
            model={form.values.model}
            {...form.getInputProps('hardware')}
            data-path="hardware"
          />
          <TextInput
            label="Display name"
            placeholder="Optional"
            {...form.getInputProps('display_name')}
            data-path="display_name"
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Min replicas"
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              required
              {...form.getInputProps('min_replicas')}
              data-path="min_replicas"
            />
            <NumberInput
              label="Max replicas"
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              required
              {...form.getInputProps('max_replicas')}
              data-path="max_replicas"
            />
          </Group>
          <NumberInput
            label="Auto-shutdown after (minutes idle)"
            description="Empty: keep running until stopped"
            placeholder="Never"
            min={1}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('auto_shutdown_minutes')}
            data-path="auto_shutdown_minutes"
          />
          <VerifyFooter
            mutation={create}
            fieldErrors={form.errors}
            progress="Creating the endpoint with the provider…"
            submitLabel="Create endpoint"
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
