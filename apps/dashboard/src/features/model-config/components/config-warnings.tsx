import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** The catalog's warnings (configured models it does not list): shown on load and after each save. */
export function ConfigWarnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={`${warnings.length} configured model${warnings.length === 1 ? ' is' : 's are'} not in the catalog`}
      role="alert"
    >
      <Text size="sm" mb={4}>
        Requests routed to them will fail and move down the chain. Check the model id, or the provider&apos;s
        catalog.
      </Text>
      <List size="sm" spacing={2}>
        {warnings.map((warning) => (
          <List.Item key={warning}>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>
              {warning}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
