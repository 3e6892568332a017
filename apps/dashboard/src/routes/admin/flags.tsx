import { Alert, Card, Divider, Stack, Text } from '@mantine/core';
import { IconBroadcast } from '@tabler/icons-react';
import { Fragment } from 'react';
import { QueryView } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { orderedFlags } from '@/features/flags/descriptions';
import { FlagSwitch } from '@/features/flags/flag-switch';
import { useFlags } from '@/features/flags/queries';

export function FlagsPage() {
  const flags = useFlags();
  return (
    <Page
      title="Feature Flags"
      description="Switch parts of the Together AI integration on and off for the whole platform."
    >
      <Alert variant="light" color="blue" icon={<IconBroadcast aria-hidden />} maw={760}>
        A change is live on every api instance within a second (flags are kept in PostgreSQL and announced
        over Redis). It is recorded in the Audit Log.
      </Alert>
      <QueryView query={flags}>
        {(data) => (
          <Card withBorder maw={760} p="lg">
            <Stack gap="md">
              {orderedFlags(data.data).map((flag, index) => (
                <Fragment key={flag.name}>
                  {index > 0 && <Divider />}
                  <FlagSwitch flag={flag} />
                </Fragment>
              ))}
              {data.data.length === 0 && <Text c="dimmed">The API reported no flags.</Text>}
            </Stack>
          </Card>
        )}
      </QueryView>
    </Page>
  );
}
