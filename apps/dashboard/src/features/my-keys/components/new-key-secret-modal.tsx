import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreatedApiKey } from '../schema';

/** The new key's secret, shown this once, with a copy button and how to use it. */
export function NewKeySecretModal({
  created,
  onClose,
}: {
  created: CreatedApiKey | null;
  onClose: () => void;
}) {
  const origin = window.location.origin;
  return (
    <Modal
      opened={Boolean(created)}
      onClose={onClose}
      title={created ? `Your new API key “${created.name}”` : 'Your new API key'}
      closeOnClickOutside={false}
      size="lg"
      centered
    >
      {created && (
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Copy it now">
            This is the only time the key is shown. Store it somewhere safe: if you lose it, revoke it and
            create another.
          </Alert>
          <Text size="sm" fw={600} id="new-key-label">
            API key
          </Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code
              block
              style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
              aria-labelledby="new-key-label"
              data-testid="new-api-key-secret"
            >
              {created.key}
            </Code>
            <CopyButton value={created.key} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                  <ActionIcon
                    variant="light"
                    color={copied ? 'teal' : 'blue'}
                    size="lg"
                    onClick={copy}
                    aria-label={copied ? 'Copied the API key' : 'Copy the API key'}
                  >
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">
            Use it anywhere a token works, for example with the OpenAI-compatible API (with the key in
            TIERGATE_API_KEY):
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {`curl ${origin}/v1/chat/completions \\\n  -H "Authorization: Bearer $TIERGATE_API_KEY" \\\n  -H "content-type: application/json" \\\n  -d '{"messages":[{"role":"user","content":"Hello"}]}'`}
          </Code>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have copied it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
