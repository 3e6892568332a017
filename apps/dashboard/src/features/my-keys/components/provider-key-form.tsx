import { Button, Group, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { z } from 'zod';
import { isApiError } from '@/api/errors';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { useAddProviderKey } from '../queries';
import { providerKeySchema, providerName, USER_KEY_PROVIDERS } from '../schema';

type Values = z.infer<typeof providerKeySchema>;

/**
 * "Add API Key > Together AI": the key is write-only (never prefilled, never shown again), verified
 * with the provider before it is saved; it replaces the earlier key for that provider.
 */
export function ProviderKeyForm({ replacing, onDisabled }: { replacing: boolean; onDisabled: () => void }) {
  const add = useAddProviderKey();
  const form = useForm<Values>({
    initialValues: { provider: 'together_ai', key: '', label: '', fallback_to_system: false },
    validate: zod4Resolver(providerKeySchema),
  });
  const submit = (values: Values) =>
    add.mutate(
      {
        provider: values.provider,
        key: values.key.trim(),
        fallback_to_system: values.fallback_to_system,
        ...(values.label.trim() && { label: values.label.trim() }),
      },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({
            color: 'green',
            message: `${providerName(values.provider)} accepted your key. Your requests now use it.`,
          });
        },
        onError: (error) => {
          form.setFieldValue('key', '');
          if (isApiError(error) && error.code === 'user_keys_disabled') onDisabled();
          else applyApiError(form, error);
        },
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Add API Key">
      <Stack gap="sm">
        <Select
          label="Provider"
          data={USER_KEY_PROVIDERS}
          allowDeselect={false}
          {...form.getInputProps('provider')}
          data-path="provider"
        />
        <PasswordInput
          label="API key"
          description={
            replacing
              ? 'Replaces your current key once the provider accepts it'
              : 'Checked with the provider before it is saved; only its last four characters are shown again'
          }
          autoComplete="off"
          required
          {...form.getInputProps('key')}
          // Mantine's PasswordInput marks only its wrapper invalid: the input itself says so here.
          aria-invalid={form.errors.key ? true : undefined}
          data-path="key"
        />
        <TextInput label="Label" placeholder="My key" {...form.getInputProps('label')} data-path="label" />
        <Switch
          label="Use the platform's key if the provider rejects mine"
          description="Such requests then count against your quota and credits"
          {...form.getInputProps('fallback_to_system', { type: 'checkbox' })}
          data-path="fallback_to_system"
        />
        {add.isError &&
          !Object.keys(form.errors).length &&
          !(isApiError(add.error) && add.error.code === 'user_keys_disabled') && (
            <ErrorAlert error={add.error} />
          )}
        <Group justify="space-between" wrap="wrap">
          {add.isPending ? (
            <Text size="sm" c="dimmed" role="status">
              Verifying the key with {providerName(form.values.provider)}…
            </Text>
          ) : (
            <span />
          )}
          <Button type="submit" loading={add.isPending}>
            {replacing ? 'Verify and replace' : 'Verify and save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
