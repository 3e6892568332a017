import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '@/api/errors';

export function ForbiddenPage() {
  return (
    <Center mih={300}>
      <Stack align="center" gap="sm">
        <Title order={2}>Not allowed</Title>
        <Text role="alert">This page is for administrators. Your account cannot open it.</Text>
        <Button component={Link} to="/app/playground" variant="light">
          Go to your dashboard
        </Button>
      </Stack>
    </Center>
  );
}

/** Shown outside the signed-in frame (the root route's not-found): its own main landmark and h1. */
export function NotFoundPage() {
  return (
    <Center mih={300} component="main">
      <Stack align="center" gap="sm">
        <Title order={1} size="h2">
          Page not found
        </Title>
        <Text>There is no page at this address.</Text>
        <Button component={Link} to="/" variant="light">
          Go home
        </Button>
      </Stack>
    </Center>
  );
}

export function RootErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <Center mih={300} p="md">
      <Stack maw={520}>
        <Title order={2}>Something went wrong</Title>
        <Alert color="red" role="alert">
          {errorMessage(error)}
        </Alert>
        <Button onClick={reset}>Try again</Button>
      </Stack>
    </Center>
  );
}

/** While a page's code loads (the first time it is opened). */
export function PageLoading() {
  return (
    <Center mih={200}>
      <Loader aria-label="Loading the page" />
    </Center>
  );
}
