import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { errorMessage } from '@/api/errors';
import { ErrorAlert } from '@/components/ui/error-alert';
import { notify } from '@/components/ui/notify';
import { formatDateTime, formatInt, formatLimit } from '@/lib/format';
import { applyApiError } from '@/lib/forms';
import {
  fieldsFor,
  formFieldFor,
  isEmptyPlan,
  planOverrideChanges,
  toFormValues,
  toOverrides,
  validateOverrides,
  type OverridesFormValues,
} from '../overrides-form';
import { useClearUserOverrides, useSaveUserOverrides, useTierPolicy, useUserQuota } from '../queries';
import { LIMIT_LABELS, type FeatureQuota, type LimitField, type TierPolicy, type UserQuota } from '../types';
import { FEATURES, FEATURE_LABELS, type Feature } from '@/lib/domain';

/** What is in effect today for a field, and how much of it is used. */
function todayText(field: LimitField, today: FeatureQuota): string {
  switch (field) {
    case 'requests_per_day':
      return `Today: ${formatInt(today.requests_used)} of ${formatLimit(today.requests_limit)}`;
    case 'tokens_per_day':
      return `Today: ${formatInt(today.tokens_used ?? 0)} of ${formatLimit(today.tokens_limit)}`;
    case 'tokens_per_request':
      return `In effect: ${formatLimit(today.tokens_per_request_limit)}`;
    case 'minutes_per_day':
      return `Today: ${today.minutes_used ?? 0} of ${formatLimit(today.minutes_limit)}`;
  }
}

function tierText(tier: TierPolicy | undefined, feature: Feature, field: LimitField): string {
  if (!tier) return 'Inherit the tier';
  const value = tier.features[feature]?.[field];
  return `Inherit: ${formatLimit(value)}`;
}

function QuotasForm({
  quota,
  tier,
  save,
  clearAll,
}: {
  quota: UserQuota;
  tier: TierPolicy | undefined;
  /** The mutations live in the card, which stays mounted while this form is rebuilt from the saved overrides. */
  save: ReturnType<typeof useSaveUserOverrides>;
  clearAll: ReturnType<typeof useClearUserOverrides>;
}) {
  const form = useForm<OverridesFormValues>({
    initialValues: toFormValues(quota.overrides),
    validate: validateOverrides,
  });
  const hasOverrides = Object.keys(quota.overrides).length > 0;

  const submit = (values: OverridesFormValues) => {
    const plan = planOverrideChanges(quota.overrides, toOverrides(values));
    if (isEmptyPlan(plan)) {
      notify({ message: 'Nothing changed: the custom quotas are as they were.' });
      return;
    }
    save.mutate(plan, {
      onSuccess: () => notify({ color: 'green', message: 'Custom quotas saved. They apply at once.' }),
      onError: (error) => {
        if (!applyApiError(form, error, formFieldFor))
          notify({
            color: 'red',
            message: (
              <>
                <strong>Custom quotas not saved.</strong> {errorMessage(error)}
              </>
            ),
          });
      },
    });
  };

  const confirmClear = () =>
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: 'Remove every custom quota?',
      children: (
        <Text size="sm">This user goes back to the {quota.tier} tier&apos;s limits for every feature.</Text>
      ),
      labels: { confirm: 'Remove all', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        clearAll.mutate(undefined, {
          onSuccess: () => notify({ color: 'green', message: 'Custom quotas removed.' }),
          onError: (error) =>
            notify({
              color: 'red',
              message: (
                <>
                  <strong>Custom quotas not removed.</strong> {errorMessage(error)}
                </>
              ),
            }),
        }),
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {FEATURES.map((feature) => (
            <Fieldset key={feature} legend={FEATURE_LABELS[feature]} variant="filled" p="sm">
              <Stack gap="xs">
                {fieldsFor(feature, quota.overrides).map((field) => {
                  const path = `features.${feature}.${field}`;
                  const unlimited = form.getValues().features[feature][field].unlimited;
                  return (
                    <Group key={field} align="flex-start" gap="xs" wrap="nowrap">
                      <NumberInput
                        flex={1}
                        label={LIMIT_LABELS[field]}
                        description={todayText(field, quota[feature])}
                        placeholder={unlimited ? 'Unlimited' : tierText(tier, feature, field)}
                        min={0}
                        allowDecimal={false}
                        allowNegative={false}
                        thousandSeparator=","
                        disabled={unlimited}
                        {...form.getInputProps(`${path}.value`)}
                        data-path={`${path}.value`}
                      />
                      <Checkbox
                        mt={46}
                        label="Unlimited"
                        checked={unlimited}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          form.setFieldValue(`${path}.unlimited`, checked);
                          if (checked) form.setFieldValue(`${path}.value`, '');
                        }}
                      />
                    </Group>
                  );
                })}
              </Stack>
            </Fieldset>
          ))}
        </SimpleGrid>
        {save.isError && !Object.keys(form.errors).length && <ErrorAlert error={save.error} />}
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="subtle"
            color="red"
            onClick={confirmClear}
            disabled={!hasOverrides}
            loading={clearAll.isPending}
          >
            Remove all custom quotas
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={() => form.reset()} disabled={save.isPending}>
              Undo changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save custom quotas
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The specification's "Users > Select a user > Custom Quotas": this user's limits per feature, and
 * today's use.
 */
export function CustomQuotasCard({ userId }: { userId: string }) {
  const quota = useUserQuota(userId);
  const tier = useTierPolicy(quota.data?.tier);
  const save = useSaveUserOverrides(userId);
  const clearAll = useClearUserOverrides(userId);
  return (
    <Card withBorder p={{ base: 'sm', sm: 'lg' }} id="custom-quotas">
      <Stack>
        <Stack gap={2}>
          <Title order={3} size="h4">
            Custom Quotas
          </Title>
          <Text size="sm" c="dimmed">
            Limits for this user alone. Leave a field empty to inherit the{' '}
            {quota.data ? `${quota.data.tier} tier's` : "tier's"} limit, or tick Unlimited.
            {quota.data && ` Daily counts reset at ${formatDateTime(quota.data.resets_at)}.`}
          </Text>
        </Stack>
        {quota.isPending ? (
          <Text size="sm" c="dimmed">
            Loading the user&apos;s quota…
          </Text>
        ) : quota.isError ? (
          <ErrorAlert error={quota.error} onRetry={() => void quota.refetch()} />
        ) : (
          <QuotasForm
            key={JSON.stringify(quota.data.overrides)}
            quota={quota.data}
            tier={tier.data}
            save={save}
            clearAll={clearAll}
          />
        )}
      </Stack>
    </Card>
  );
}
