import { Button, Card, Group, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '@/components/ui/notify';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { useUpdateModelConfig } from '../mutations';
import { allowListSchema, type AllowListValues } from '../schema';
import { TIER_LABELS, type Tier } from '@/lib/domain';

/** Models a tier may name beyond its routes (`allowed_models`), replaced whole on save. */
export function AllowListForm({
  tier,
  allowed,
  catalogIds,
}: {
  tier: Tier;
  allowed: string[];
  catalogIds: string[];
}) {
  const form = useForm<AllowListValues>({
    initialValues: { allowed_models: allowed },
    validate: zod4Resolver(allowListSchema),
  });
  const update = useUpdateModelConfig();
  const save = (values: AllowListValues) =>
    update.mutate(
      { tiers: { [tier]: { allowed_models: values.allowed_models } } },
      {
        onSuccess: (saved) => {
          const next = { allowed_models: saved.tiers[tier].allowed_models ?? [] };
          form.setInitialValues(next);
          form.setValues(next);
          notify({ color: 'green', message: `${TIER_LABELS[tier]} tier allow-list saved` });
        },
        onError: (error) => {
          const field = (param: string) =>
            param.startsWith(`tiers.${tier}.allowed_models`) ? 'allowed_models' : undefined;
          if (!applyApiError(form, error, field))
            notify({ color: 'red', title: 'Allow-list not saved', message: error.message });
        },
      },
    );

  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit(save)} noValidate>
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={3} size="h4">
              Allow-list
            </Title>
            <Text size="sm" c="dimmed">
              Besides the models in its routes, a {TIER_LABELS[tier].toLowerCase()} user may name these in a
              request.
            </Text>
          </Stack>
          <TagsInput
            label={`Models the ${TIER_LABELS[tier].toLowerCase()} tier may also name`}
            description="Pick from the catalog or type an id, then press Enter"
            placeholder="Add a model"
            data={catalogIds}
            limit={50}
            clearable
            splitChars={[',', ' ']}
            {...form.getInputProps('allowed_models')}
            data-path="allowed_models"
          />
          {update.isError && !Object.keys(form.errors).length && <ErrorAlert error={update.error} />}
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save allow-list
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
