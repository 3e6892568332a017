import { Code, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { errorMessage } from '@/api/errors';
import { notify } from '@/components/ui/notify';
import { formatDateTime } from '@/lib/format';
import { useSetFlag, type FeatureFlag } from './queries';

const MASTER_SWITCH = 'together_ai_integration';

/** One flag: a switch named by the flag, its description, when it last changed. */
export function FlagSwitch({ flag }: { flag: FeatureFlag & { description: string } }) {
  const setFlag = useSetFlag();

  const apply = (enabled: boolean) =>
    setFlag.mutate(
      { name: flag.name, enabled },
      {
        onSuccess: () =>
          notify({
            color: 'green',
            message: (
              <>
                <strong>{`${flag.name} is ${enabled ? 'on' : 'off'}.`}</strong> Every api instance applies the
                change within a second.
              </>
            ),
          }),
        onError: (error) =>
          notify({
            color: 'red',
            message: (
              <>
                <strong>{`${flag.name} was not changed.`}</strong> {errorMessage(error)}
              </>
            ),
          }),
      },
    );

  const onChange = (enabled: boolean) => {
    if (flag.name === MASTER_SWITCH && !enabled) {
      modals.openConfirmModal({
        closeButtonProps: { 'aria-label': 'Close' },
        title: 'Switch off the Together AI integration?',
        children: (
          <Stack gap="xs">
            <Text size="sm">
              <Code>together_ai_integration</Code> is the master switch. While it is off, every Together route
              (the native <Code>/api/v1/together/…</Code> and the OpenAI-compatible <Code>/v1/…</Code>)
              answers <strong>503</strong> to every user, on every instance, within a second.
            </Text>
            <Text size="sm">Switch it on again to resume service.</Text>
          </Stack>
        ),
        labels: { confirm: 'Switch off', cancel: 'Keep it on' },
        confirmProps: { color: 'red' },
        onConfirm: () => apply(false),
      });
      return;
    }
    apply(enabled);
  };

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Switch
        size="md"
        checked={flag.enabled}
        disabled={setFlag.isPending}
        onChange={(event) => onChange(event.currentTarget.checked)}
        label={
          <Text component="span" ff="monospace" fw={600} size="sm">
            {flag.name}
          </Text>
        }
        description={flag.description}
        // Mantine wraps the description in the label too; the name is the flag's alone (the
        // description stays linked through aria-describedby).
        aria-label={flag.name}
      />
      <Group gap="xs" wrap="nowrap" miw={0}>
        {setFlag.isPending && <Loader size="xs" aria-label={`Saving ${flag.name}`} />}
        <Text size="xs" c="dimmed" ta="right" visibleFrom="sm">
          {flag.enabled ? 'On' : 'Off'} · changed {formatDateTime(flag.updated_at)}
        </Text>
      </Group>
    </Group>
  );
}
