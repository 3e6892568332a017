import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { notify } from '@/components/ui/notify';
import { SecretKeyField, VerifyFooter } from '@/components/ui/secret-key-form';
import { applyApiError } from '@/lib/forms';
import { useAddProvider } from '../queries';
import { addProviderSchema, type AddProviderValues } from '../schema';

export function AddProviderModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm<AddProviderValues>({
    initialValues: { id: '', display_name: '', base_url: '', key: '' },
    validate: zod4Resolver(addProviderSchema),
  });
  const add = useAddProvider();
  const close = () => {
    form.reset();
    add.reset();
    onClose();
  };
  const submit = (values: AddProviderValues) =>
    add.mutate(values, {
      onSuccess: (provider) => {
        notify({
          color: 'green',
          message: (
            <>
              <strong>Provider added.</strong>{' '}
              {`${provider.display_name} (${provider.id}) can now be named in DIFFERENT_PROVIDER fallbacks on the Models page.`}
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
      title="Add provider"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            An OpenAI-compatible API. Its key is checked with <code>GET /models</code> first, then kept as a
            system key.
          </Text>
          <TextInput
            label="Id"
            description="How model routes name it, e.g. backup"
            required
            {...form.getInputProps('id')}
            data-path="id"
          />
          <TextInput
            label="Display name"
            placeholder="Backup vLLM cluster"
            required
            {...form.getInputProps('display_name')}
            data-path="display_name"
          />
          <TextInput
            label="Base URL"
            placeholder="https://llm.internal.example.com/v1"
            required
            {...form.getInputProps('base_url')}
            data-path="base_url"
          />
          <SecretKeyField label="API key" {...form.getInputProps('key')} data-path="key" />
          <VerifyFooter
            mutation={add}
            fieldErrors={form.errors}
            progress={`Verifying the key with ${form.values.base_url || 'the provider'}…`}
            submitLabel="Verify and add"
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
