import { Code, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { notify } from '@/components/ui/notify';
import { SecretKeyField, VerifyFooter } from '@/components/ui/secret-key-form';
import { formatDateTime } from '@/lib/format';
import { applyApiError } from '@/lib/forms';
import { useRotateSystemKey, type ProviderKey } from '../queries';
import {
  describeSeconds,
  MAX_GRACE_SECONDS,
  rotateKeySchema,
  rotationBody,
  type RotateKeyValues,
} from '../schema';

/** "Rotate System API Key": the new key takes over once verified; the old one serves out the grace period. */
export function RotateKeyModal({ target, onClose }: { target: ProviderKey | null; onClose: () => void }) {
  const form = useForm<RotateKeyValues>({
    initialValues: { key: '', grace_period_seconds: '' },
    validate: zod4Resolver(rotateKeySchema),
  });
  const rotate = useRotateSystemKey();
  const close = () => {
    form.reset();
    rotate.reset();
    onClose();
  };
  const submit = (values: RotateKeyValues) => {
    if (!target) return;
    rotate.mutate(
      { id: target.id, ...rotationBody(values) },
      {
        onSuccess: ({ key, previous }) => {
          notify({
            color: 'green',
            message: (
              <>
                <strong>Key rotated.</strong>{' '}
                {previous.retire_at && previous.status === 'retiring'
                  ? `${key.key_hint} is active. ${previous.key_hint} keeps serving until ${formatDateTime(previous.retire_at)}.`
                  : `${key.key_hint} is active. ${previous.key_hint} is ${previous.status}.`}
              </>
            ),
          });
          close();
        },
        onError: (error) => applyApiError(form, error),
      },
    );
  };
  const grace = form.values.grace_period_seconds;

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title="Rotate System API Key"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {target && (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <Text size="sm">
              Replacing <strong>{target.label}</strong> (<Code>{target.key_hint}</Code>, {target.provider}).
              The new key is verified first; the old one keeps serving for the grace period, then retires.
            </Text>
            <SecretKeyField label="New API key" {...form.getInputProps('key')} data-path="key" />
            <NumberInput
              label="Grace period (seconds)"
              description={
                grace === ''
                  ? "Empty: the server's default (PROVIDER_KEY_GRACE_PERIOD, 15 minutes unless configured). 0 retires the old key at once."
                  : `The old key keeps serving ${describeSeconds(Number(grace))}${grace === 0 ? '' : ' after the rotation'}.`
              }
              placeholder="Server default"
              min={0}
              max={MAX_GRACE_SECONDS}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('grace_period_seconds')}
              data-path="grace_period_seconds"
            />
            <VerifyFooter
              mutation={rotate}
              fieldErrors={form.errors}
              progress={`Verifying the new key with ${target.provider}…`}
              submitLabel="Verify and rotate"
              onCancel={close}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
