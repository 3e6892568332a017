import { Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '@/components/ui/notify';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { useUpdateTierPolicy } from '../mutations';
import {
  LIMIT_LABELS,
  LIMIT_NAMES,
  RATE_LIMIT_LABELS,
  RATE_LIMIT_NAMES,
  policyToValues,
  tierPolicySchema,
  valuesToUpdate,
  type TierPolicy,
  type TierPolicyValues,
} from '../schema';
import { LimitInput } from './limit-input';
import { FEATURES, FEATURE_LABELS, TIER_LABELS, type Tier } from '@/lib/domain';

/** A tier's daily limits per feature (a table, one row per feature) and its rate limits, saved together. */
export function TierPolicyForm({ tier, policy }: { tier: Tier; policy: TierPolicy }) {
  const form = useForm<TierPolicyValues>({
    initialValues: policyToValues(policy),
    validate: zod4Resolver(tierPolicySchema),
  });
  const update = useUpdateTierPolicy(tier);
  const save = (values: TierPolicyValues) =>
    update.mutate(valuesToUpdate(values), {
      onSuccess: (saved) => {
        const next = policyToValues(saved);
        form.setInitialValues(next);
        form.setValues(next);
        notify({ color: 'green', message: `${TIER_LABELS[tier]} tier limits saved` });
      },
      onError: (error) => {
        if (!applyApiError(form, error)) notify({ color: 'red', title: 'Not saved', message: error.message });
      },
    });
  const id = (suffix: string) => `quota-${tier}-${suffix}`;

  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label={`${TIER_LABELS[tier]} tier limits`}>
      <Stack gap="lg">
        <Card withBorder>
          <Stack gap="xs">
            <Title order={4} size="h4">
              Daily limits per feature
            </Title>
            <Text size="sm" c="dimmed">
              Windows reset at 00:00 UTC. Tick Unlimited for no limit; a user&apos;s own overrides (Users &gt;
              Custom Quotas) take precedence.
            </Text>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" withRowBorders>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Feature</Table.Th>
                    {LIMIT_NAMES.map((name) => (
                      <Table.Th key={name} scope="col" id={id(`col-${name}`)}>
                        {LIMIT_LABELS[name]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {FEATURES.map((feature) => (
                    <Table.Tr key={feature}>
                      <Table.Th scope="row" id={id(`row-${feature}`)} style={{ verticalAlign: 'top' }}>
                        <Text fw={600} size="sm" pt={6}>
                          {FEATURE_LABELS[feature]}
                        </Text>
                      </Table.Th>
                      {LIMIT_NAMES.map((name) => (
                        <Table.Td key={name} style={{ verticalAlign: 'top' }}>
                          <LimitInput
                            form={form}
                            path={`features.${feature}.${name}`}
                            idBase={id(`${feature}-${name}`)}
                            labelledBy={`${id(`row-${feature}`)} ${id(`col-${name}`)}`}
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="xs">
            <Title order={4} size="h4">
              Rate limits
            </Title>
            <Text size="sm" c="dimmed">
              For every feature together, also for requests on the user&apos;s own key.
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              {RATE_LIMIT_NAMES.map((name) => (
                <LimitInput
                  key={name}
                  form={form}
                  path={`rate_limits.${name}`}
                  idBase={id(`rate-${name}`)}
                  label={RATE_LIMIT_LABELS[name]}
                />
              ))}
            </SimpleGrid>
            <Select
              label="When Redis cannot be reached"
              description="Closed refuses requests (503); open serves them with per-instance limits"
              data={[
                { value: 'closed', label: 'Fail closed (refuse)' },
                { value: 'open', label: 'Fail open (per-instance limits)' },
              ]}
              allowDeselect={false}
              maw={360}
              {...form.getInputProps('on_redis_failure')}
              data-path="on_redis_failure"
            />
          </Stack>
        </Card>

        {update.isError && !Object.keys(form.errors).length && <ErrorAlert error={update.error} />}
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save {TIER_LABELS[tier].toLowerCase()} tier
          </Button>
          <Button
            variant="default"
            onClick={() => form.reset()}
            disabled={!form.isDirty() || update.isPending}
          >
            Discard changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
