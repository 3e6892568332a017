import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '@/components/ui/error-alert';
import { notify } from '@/components/ui/notify';
import { applyApiError } from '@/lib/forms';
import { useCreateUser } from '../queries';
import { createUserSchema, ROLES, type CreateUserValues } from '../schema';
import { TIERS } from '@/lib/domain';

/** "Create user": email, an initial password, tier and role (audited); opens the new user's page. */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const form = useForm<CreateUserValues>({
    initialValues: { email: '', password: '', tier: 'free', role: 'user' },
    validate: zod4Resolver(createUserSchema),
  });
  const create = useCreateUser();
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = (values: CreateUserValues) =>
    create.mutate(values, {
      onSuccess: (user) => {
        notify({
          color: 'green',
          message: (
            <>
              <strong>User created.</strong>{' '}
              {`${user.email} can sign in with the password you set (${user.tier} tier, ${user.role}).`}
            </>
          ),
        });
        close();
        void navigate({ to: '/admin/users/$userId', params: { userId: user.id } });
      },
      onError: (error) => applyApiError(form, error),
    });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Create user"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            required
            {...form.getInputProps('email')}
            data-path="email"
          />
          <PasswordInput
            label="Password"
            description="8 to 128 characters; tell the user, who can change it on their Account page"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
            // Mantine's PasswordInput marks its inner input with data-invalid only.
            aria-invalid={Boolean(form.errors.password) || undefined}
            data-path="password"
          />
          <SimpleGrid cols={2}>
            <Select
              label="Tier"
              data={[...TIERS]}
              allowDeselect={false}
              {...form.getInputProps('tier')}
              data-path="tier"
            />
            <Select
              label="Role"
              data={[...ROLES]}
              allowDeselect={false}
              {...form.getInputProps('role')}
              data-path="role"
            />
          </SimpleGrid>
          {create.isError && !Object.keys(form.errors).length && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
