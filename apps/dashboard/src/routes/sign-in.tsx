import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';
import { api, unwrap } from '@/api/client';
import { sessionKeys } from '@/auth/session';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';

export const signInSearchSchema = z.object({ redirect: z.string().optional().catch(undefined) });

const schema = z.object({
  email: z.string().trim().min(1, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password'),
});

const route = getRouteApi('/sign-in');

/** Only same-origin paths are followed after sign-in (never an absolute URL from the query string). */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/sign-in'))
    return '/';
  return target;
}

export function SignInPage() {
  useDocumentTitle('Sign in · Tiergate');
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { email: '', password: '' }, validate: zod4Resolver(schema) });
  const signIn = useMutation({
    mutationFn: (values: z.infer<typeof schema>) =>
      unwrap(api.POST('/api/v1/auth/session', { body: values })),
    onSuccess: async (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.current, session);
      await navigate({ href: safeRedirect(redirect) });
    },
    onError: (error) => applyApiError(form, error),
  });

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} component="main">
        <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
          <Stack>
            <Stack gap={4}>
              <Title order={1} size="h2">
                Sign in to Tiergate
              </Title>
              <Text c="dimmed" size="sm">
                Admins and users sign in here with their email and password.
              </Text>
            </Stack>
            {redirect && !signIn.isError && (
              <Alert color="blue" role="status">
                Sign in to continue where you were.
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
              data-path="email"
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
              data-path="password"
              aria-invalid={!!form.errors.password}
            />
            {signIn.isError && !form.errors.email && !form.errors.password && (
              <ErrorAlert error={signIn.error} title="Could not sign in" />
            )}
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
