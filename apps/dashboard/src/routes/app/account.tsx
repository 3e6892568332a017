import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';
import { api, unwrap } from '@/api/client';
import { useCurrentUser } from '@/auth/session';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { applyApiError } from '@/lib/forms';

const schema = z
  .object({
    current_password: z.string().min(1, 'Enter your current password'),
    new_password: z.string().min(8, 'At least 8 characters').max(128, 'At most 128 characters'),
    confirm_password: z.string(),
  })
  .refine((values) => values.new_password === values.confirm_password, {
    message: 'The two new passwords differ',
    path: ['confirm_password'],
  });

type Values = z.infer<typeof schema>;

export function AccountPage() {
  const user = useCurrentUser();
  const form = useForm<Values>({
    initialValues: { current_password: '', new_password: '', confirm_password: '' },
    validate: zod4Resolver(schema),
  });
  const change = useMutation({
    mutationFn: ({ current_password, new_password }: Values) =>
      unwrap(api.POST('/api/v1/me/password', { body: { current_password, new_password } })),
    onSuccess: () => {
      form.reset();
      notifications.show({
        color: 'green',
        message: 'Password changed. Your other sessions were signed out.',
      });
    },
    onError: (error) => applyApiError(form, error),
  });

  return (
    <Page title="Account" description={`${user.email} · ${user.tier} tier · ${user.role}`}>
      <Card withBorder maw={480}>
        <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
          <Stack>
            <Title order={3}>Change password</Title>
            <Text size="sm" c="dimmed">
              Your other dashboard sessions end. API keys and access tokens keep working.
            </Text>
            {/* Mantine's PasswordInput leaves aria-invalid off its input: set here from the form's errors. */}
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              {...form.getInputProps('current_password')}
              data-path="current_password"
              aria-invalid={!!form.errors.current_password}
            />
            <PasswordInput
              label="New password"
              description="8 to 128 characters"
              autoComplete="new-password"
              required
              {...form.getInputProps('new_password')}
              data-path="new_password"
              aria-invalid={!!form.errors.new_password}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm_password')}
              data-path="confirm_password"
              aria-invalid={!!form.errors.confirm_password}
            />
            {change.isError && !Object.keys(form.errors).length && <ErrorAlert error={change.error} />}
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Stack>
        </form>
      </Card>
    </Page>
  );
}
