import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '@/components/ui/notify';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { formatInt } from '@/lib/format';
import { useApproveQuotaRequest, useDenyQuotaRequest } from '../mutations';
import {
  LIMIT_LABELS,
  MAX_QUOTA_LIMIT,
  approveSchema,
  denySchema,
  type ApproveValues,
  type DenyValues,
  type QuotaRequest,
} from '../schema';
import { FEATURE_LABELS } from '@/lib/domain';

function RequestSummary({ request }: { request: QuotaRequest }) {
  return (
    <Text size="sm">
      {FEATURE_LABELS[request.feature]}: {formatInt(request.requested_limit)}{' '}
      {LIMIT_LABELS[request.limit].toLowerCase()} requested. “{request.reason}”
    </Text>
  );
}

/** Approve, with the requested limit or a different one, and an optional note to the user. */
export function ApproveModal({ request, onClose }: { request: QuotaRequest; onClose: () => void }) {
  const form = useForm<ApproveValues>({
    initialValues: { limit: request.requested_limit, reason: '' },
    validate: zod4Resolver(approveSchema),
  });
  const approve = useApproveQuotaRequest();
  const submit = (values: ApproveValues) =>
    approve.mutate(
      { request, limit: values.limit, reason: values.reason.trim() || undefined },
      {
        onSuccess: () => {
          notify({
            color: 'green',
            message: `Approved: ${formatInt(values.limit)} ${LIMIT_LABELS[request.limit].toLowerCase()} for ${FEATURE_LABELS[request.feature].toLowerCase()}`,
          });
          onClose();
        },
        onError: (error) => {
          if (!applyApiError(form, error))
            notify({ color: 'red', title: 'Not approved', message: error.message });
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title="Approve quota request" centered>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <RequestSummary request={request} />
          <NumberInput
            label={`Limit to grant (${LIMIT_LABELS[request.limit].toLowerCase()})`}
            description="The requested limit, or type a different one"
            min={1}
            max={MAX_QUOTA_LIMIT}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            required
            {...form.getInputProps('limit')}
            data-path="limit"
            data-autofocus
          />
          <Textarea
            label="Note to the user (optional)"
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('reason')}
            data-path="reason"
          />
          {approve.isError && !Object.keys(form.errors).length && <ErrorAlert error={approve.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={approve.isPending}>
              Approve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Deny, with a reason the user sees (required). */
export function DenyModal({ request, onClose }: { request: QuotaRequest; onClose: () => void }) {
  const form = useForm<DenyValues>({ initialValues: { reason: '' }, validate: zod4Resolver(denySchema) });
  const deny = useDenyQuotaRequest();
  const submit = (values: DenyValues) =>
    deny.mutate(
      { request, reason: values.reason.trim() },
      {
        onSuccess: () => {
          notify({ color: 'green', message: 'Request denied; the user sees your reason' });
          onClose();
        },
        onError: (error) => {
          if (!applyApiError(form, error))
            notify({ color: 'red', title: 'Not denied', message: error.message });
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title="Deny quota request" centered>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <RequestSummary request={request} />
          <Textarea
            label="Reason"
            description="Shown to the user"
            required
            autosize
            minRows={3}
            maxLength={1000}
            {...form.getInputProps('reason')}
            data-path="reason"
            data-autofocus
          />
          {deny.isError && !Object.keys(form.errors).length && <ErrorAlert error={deny.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={deny.isPending}>
              Deny
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
