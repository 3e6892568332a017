import { Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { sessionKeys } from '@/auth/session';
import { ErrorAlert } from '@/components/ui/error-alert';
import { notify } from '@/components/ui/notify';
import { applyApiError } from '@/lib/forms';
import { useUpdateUser, type AdminUser, type UserUpdate } from '../queries';
import { ROLES } from '../schema';
import { TIERS } from '@/lib/domain';

type Values = Pick<AdminUser, 'tier' | 'role' | 'active'>;

/** Only the fields that differ from the account as it is. */
export function changedFields(user: Values, values: Values): UserUpdate {
  const changes: UserUpdate = {};
  if (values.tier !== user.tier) changes.tier = values.tier;
  if (values.role !== user.role) changes.role = values.role;
  if (values.active !== user.active) changes.active = values.active;
  return changes;
}

/** Tier, role and active state; the API refuses an admin demoting or deactivating themselves (shown on the field). */
export function AccountSettingsCard({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: { tier: user.tier, role: user.role, active: user.active } });
  const update = useUpdateUser(user.id);

  const submit = (values: Values) => {
    const changes = changedFields(user, values);
    if (!Object.keys(changes).length) {
      notify({ message: 'Nothing changed.' });
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        const values = { tier: saved.tier, role: saved.role, active: saved.active };
        form.setValues(values);
        form.resetDirty(values);
        notify({
          color: 'green',
          message: (
            <>
              <strong>User updated.</strong>{' '}
              {`${saved.email}: ${saved.tier} tier, ${saved.role}, ${saved.active ? 'active' : 'deactivated'}.`}
            </>
          ),
        });
        if (isSelf) void queryClient.invalidateQueries({ queryKey: sessionKeys.current });
      },
      onError: (error) => applyApiError(form, error),
    });
  };

  return (
    <Card withBorder p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Title order={3} size="h4">
            Tier, role and status
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Tier"
              description="Sets the models, quotas and credits the user gets"
              data={[...TIERS]}
              allowDeselect={false}
              {...form.getInputProps('tier')}
              data-path="tier"
            />
            <Select
              label="Role"
              description={
                isSelf ? 'You cannot demote your own account' : 'Admins can open the Admin Dashboard'
              }
              data={[...ROLES]}
              allowDeselect={false}
              {...form.getInputProps('role')}
              data-path="role"
            />
          </SimpleGrid>
          <Switch
            label="Active"
            description="A deactivated user's sessions, tokens and API keys stop working at once"
            {...form.getInputProps('active', { type: 'checkbox' })}
            data-path="active"
          />
          {update.isError && !Object.keys(form.errors).length && <ErrorAlert error={update.error} />}
          <Group justify="flex-end" gap="sm">
            {form.isDirty() && (
              <Text size="sm" c="dimmed">
                Unsaved changes
              </Text>
            )}
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
