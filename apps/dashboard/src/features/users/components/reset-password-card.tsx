import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '@/components/ui/error-alert';
import { notify } from '@/components/ui/notify';
import { applyApiError } from '@/lib/forms';
import { useResetPassword, type AdminUser } from '../queries';
import { resetPasswordSchema, type ResetPasswordValues } from '../schema';

/** Sets a new password for the user (audited; the password itself is never recorded or shown again). */
export function ResetPasswordCard({ user }: { user: AdminUser }) {
  const form = useForm<ResetPasswordValues>({
    initialValues: { password: '', confirm_password: '' },
    validate: zod4Resolver(resetPasswordSchema),
  });
  const reset = useResetPassword(user.id);
  const submit = (values: ResetPasswordValues) =>
    reset.mutate(values.password, {
      onSuccess: () => {
        form.reset();
        notify({
          color: 'green',
          message: (
            <>
              <strong>Password reset.</strong>{' '}
              {`${user.email} can now sign in with the new password; their dashboard sessions were ended.`}
            </>
          ),
        });
      },
      onError: (error) => applyApiError(form, error),
    });

  return (
    <Card withBorder p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Stack gap={2}>
            <Title order={3} size="h4">
              Reset password
            </Title>
            <Text size="sm" c="dimmed">
              Set a new password for {user.email} and tell them; they can change it on their Account page.
              Their dashboard sessions end; their API keys keep working.
            </Text>
          </Stack>
          <Stack gap="sm">
            <PasswordInput
              label="New password"
              description="8 to 128 characters"
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
              // Mantine's PasswordInput marks its inner input with data-invalid only.
              aria-invalid={Boolean(form.errors.password) || undefined}
              data-path="password"
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm_password')}
              // Mantine's PasswordInput marks its inner input with data-invalid only.
              aria-invalid={Boolean(form.errors.confirm_password) || undefined}
              data-path="confirm_password"
            />
          </Stack>
          {reset.isError && !Object.keys(form.errors).length && <ErrorAlert error={reset.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={reset.isPending}>
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
