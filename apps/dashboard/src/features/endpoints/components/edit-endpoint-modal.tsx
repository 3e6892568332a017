import { Code, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect } from 'react';
import { notify } from '@/components/ui/notify';
import { VerifyFooter } from '@/components/ui/secret-key-form';
import { applyApiError } from '@/lib/forms';
import { useUpdateEndpoint } from '../queries';
import { editEndpointSchema, endpointChanges, type EditEndpointValues } from '../schema';
import type { Endpoint } from '../types';

/** "Edit endpoint": its display name and autoscaling (min and max replicas). */
export function EditEndpointModal({ target, onClose }: { target: Endpoint | null; onClose: () => void }) {
  const form = useForm<EditEndpointValues>({
    initialValues: { display_name: '', min_replicas: 1, max_replicas: 1 },
    validate: zod4Resolver(editEndpointSchema),
  });
  const update = useUpdateEndpoint();
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!target) return;
    const values = {
      display_name: target.display_name ?? '',
      min_replicas: target.min_replicas,
      max_replicas: target.max_replicas,
    };
    setValues(values);
    resetDirty(values);
    // Only when another endpoint is opened: polling must not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target?.id]);
  const close = () => {
    form.reset();
    update.reset();
    onClose();
  };
  const submit = (values: EditEndpointValues) => {
    if (!target) return;
    const changes = endpointChanges(target, values);
    if (!Object.keys(changes).length) return close();
    update.mutate(
      { id: target.id, ...changes },
      {
        onSuccess: (endpoint) => {
          notify({
            color: 'green',
            message: `${endpoint.name} now scales from ${endpoint.min_replicas} to ${endpoint.max_replicas} replicas.`,
          });
          close();
        },
        onError: (error) => applyApiError(form, error),
      },
    );
  };

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title="Edit endpoint"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {target && (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <Text size="sm">
              <Code>{target.name}</Code> on {target.hardware}
            </Text>
            <TextInput
              label="Display name"
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
            <VerifyFooter
              mutation={update}
              fieldErrors={form.errors}
              progress="Saving…"
              submitLabel="Save"
              onCancel={close}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
