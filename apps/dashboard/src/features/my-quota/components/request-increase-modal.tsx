import { Button, Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { formatLimit } from '@/lib/format';
import { useRequestIncrease } from '../queries';
import { currentLimit } from '../quota-meters';
import { LIMIT_LABELS, type FeatureQuota, type LimitName, type QuotaView } from '../schema';
import { FEATURES, FEATURE_LABELS, type Feature } from '@/lib/domain';

const schema = z.object({
  feature: z.enum(FEATURES, { error: 'Pick a feature' }),
  limit: z.enum(['requests_per_day', 'tokens_per_day', 'tokens_per_request', 'minutes_per_day']),
  requested_limit: z.number({ error: 'Enter the limit you need' }).int('A whole number').min(1, 'At least 1'),
  reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(1000, 'At most 1,000 characters'),
});
type Values = z.infer<typeof schema>;

/** The limits a feature has (tokens for text and code, minutes for audio). */
export function limitsOf(quota: FeatureQuota | undefined): LimitName[] {
  const limits: LimitName[] = ['requests_per_day'];
  if (quota && ('tokens_limit' in quota || 'tokens_used' in quota)) limits.push('tokens_per_day');
  if (quota && 'tokens_per_request_limit' in quota) limits.push('tokens_per_request');
  if (quota && ('minutes_limit' in quota || 'minutes_used' in quota)) limits.push('minutes_per_day');
  return limits;
}

/** "Request Increase": feature, limit, the limit wanted and why → a pending request for an admin. */
export function RequestIncreaseModal({
  opened,
  onClose,
  quota,
}: {
  opened: boolean;
  onClose: () => void;
  quota: QuotaView | undefined;
}) {
  const request = useRequestIncrease();
  const form = useForm<Omit<Values, 'requested_limit'> & { requested_limit: number | string }>({
    initialValues: { feature: 'text_generation', limit: 'requests_per_day', requested_limit: '', reason: '' },
    validate: zod4Resolver(schema),
  });
  const feature = form.values.feature;
  const limits = limitsOf(quota?.[feature]);
  const now = quota ? currentLimit(quota, feature, form.values.limit) : undefined;
  const close = () => {
    request.reset();
    form.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Request a quota increase" centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          request.mutate(
            { ...values, requested_limit: Number(values.requested_limit), reason: values.reason.trim() },
            {
              onSuccess: (created) => {
                notifications.show({
                  color: 'green',
                  message: `Request sent: ${FEATURE_LABELS[created.feature]}, ${formatLimit(created.requested_limit)} ${LIMIT_LABELS[created.limit].toLowerCase()}. An admin will decide.`,
                });
                close();
              },
              onError: (error) =>
                applyApiError(form, error, (param) => (param === 'limit' ? 'limit' : param)),
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Select
            label="Feature"
            data={FEATURES.map((value) => ({ value, label: FEATURE_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('feature')}
            onChange={(value) => {
              form.setFieldValue('feature', (value ?? 'text_generation') as Feature);
              form.setFieldValue('limit', 'requests_per_day');
            }}
            data-path="feature"
          />
          <Select
            label="Limit"
            data={limits.map((value) => ({ value, label: LIMIT_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('limit')}
            data-path="limit"
          />
          <NumberInput
            label="Requested limit"
            description={now === undefined ? undefined : `Your limit now: ${formatLimit(now)}`}
            min={1}
            allowDecimal={false}
            thousandSeparator=","
            required
            {...form.getInputProps('requested_limit')}
            data-path="requested_limit"
          />
          <Textarea
            label="Reason"
            description="What you need it for (an admin reads it)"
            autosize
            minRows={3}
            required
            {...form.getInputProps('reason')}
            data-path="reason"
          />
          {request.isError && !Object.keys(form.errors).length && <ErrorAlert error={request.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={request.isPending}>
              Submit Request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
