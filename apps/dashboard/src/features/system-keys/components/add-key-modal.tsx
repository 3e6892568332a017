import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { notify } from '@/components/ui/notify';
import { SecretKeyField, VerifyFooter } from '@/components/ui/secret-key-form';
import { applyApiError } from '@/lib/forms';
import { useAddSystemKey } from '../queries';
import { addKeySchema, type AddKeyValues } from '../schema';

/** "Add System API Key": provider, label and the key (write-only), verified by the server before it is saved. */
export function AddKeyModal({
  opened,
  onClose,
  providers,
}: {
  opened: boolean;
  onClose: () => void;
  /** Provider ids a key may be added for (together_ai and the added providers). */
  providers: string[];
}) {
  const form = useForm<AddKeyValues>({
    initialValues: { provider: 'together_ai', label: '', key: '' },
    validate: zod4Resolver(addKeySchema),
  });
  const add = useAddSystemKey();
  const close = () => {
    form.reset();
    add.reset();
    onClose();
  };
  const submit = (values: AddKeyValues) =>
    add.mutate(values, {
      onSuccess: (key) => {
        notify({
          color: 'green',
          message: (
            <>
              <strong>System key added.</strong>{' '}
              {`${key.label} (${key.key_hint}) was verified and is ${key.status}.`}
            </>
          ),
        });
        close();
      },
      onError: (error) => applyApiError(form, error),
    });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Add System API Key"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            The key is checked with the provider before it is saved, then stored encrypted. Only its last four
            characters are ever shown again.
          </Text>
          <Select
            label="Provider"
            data={providers}
            allowDeselect={false}
            required
            {...form.getInputProps('provider')}
            data-path="provider"
          />
          <TextInput
            label="Label"
            placeholder="production key 2026-11"
            required
            {...form.getInputProps('label')}
            data-path="label"
          />
          <SecretKeyField label="API key" {...form.getInputProps('key')} data-path="key" />
          <VerifyFooter
            mutation={add}
            fieldErrors={form.errors}
            progress={`Verifying the key with ${form.values.provider}…`}
            submitLabel="Verify and save"
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
