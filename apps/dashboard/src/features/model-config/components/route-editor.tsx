import { Button, Card, Fieldset, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notify } from '@/components/ui/notify';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { isApiError } from '@/api/errors';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { useUpdateModelConfig } from '../mutations';
import {
  PRIMARY_PROVIDER,
  newKey,
  routeFieldFor,
  routeSchema,
  routeToValues,
  valuesToRoute,
  type ModalityRoute,
  type RouteValues,
} from '../schema';
import { FallbackList } from './fallback-list';
import { ModelRefInput, type PickerContext } from './model-ref-input';
import { MODALITY_LABELS, TIER_LABELS, type Modality, type Tier } from '@/lib/domain';

/**
 * One tier's route for one modality: primary, ordered fallbacks, per-purpose overrides. Saved as
 * a partial PUT carrying this route complete (the api replaces a modality's route whole).
 */
export function RouteEditor({
  tier,
  modality,
  route,
  context,
}: {
  tier: Tier;
  modality: Modality;
  route: ModalityRoute | undefined;
  context: PickerContext;
}) {
  const form = useForm<RouteValues>({
    initialValues: routeToValues(route),
    validate: zod4Resolver(routeSchema),
  });
  const update = useUpdateModelConfig();
  const name = `${TIER_LABELS[tier]} · ${MODALITY_LABELS[modality]}`;

  /** A model the catalog lacks is refused unless the admin confirms it (a model not listed yet). */
  const confirmForce = (values: RouteValues, message: string) =>
    modals.openConfirmModal({
      title: 'Save a model the catalog does not list?',
      children: (
        <Text size="sm">
          {message}. Requests to it fail until the provider serves it; save anyway only for a model you know
          exists (for example one just released).
        </Text>
      ),
      labels: { confirm: 'Save anyway', cancel: 'Cancel' },
      confirmProps: { color: 'orange' },
      onConfirm: () => save(values, true),
    });

  const save = (values: RouteValues, force = false) =>
    update.mutate(
      { tiers: { [tier]: { routes: { [modality]: valuesToRoute(values) } } }, ...(force && { force: true }) },
      {
        onSuccess: (saved) => {
          const next = routeToValues(saved.tiers[tier].routes[modality]);
          form.setInitialValues(next);
          form.setValues(next);
          const missing = saved.warnings.length;
          notify({
            color: missing ? 'orange' : 'green',
            title: `${name} route saved`,
            message: missing
              ? `${missing} configured model${missing === 1 ? ' is' : 's are'} not in the catalog: see the warnings above.`
              : 'Every configured model is in the catalog.',
          });
        },
        onError: (error) => {
          if (!applyApiError(form, error, (param) => routeFieldFor(param, tier, modality, form.getValues())))
            notify({ color: 'red', title: 'Route not saved', message: error.message });
          if (isApiError(error) && error.code === 'model_not_in_catalog') confirmForce(values, error.message);
        },
      },
    );

  const purposes = form.getValues().purposes;
  const addPurpose = () => {
    form.insertListItem('purposes', {
      key: newKey(),
      name: '',
      primary: { key: newKey(), provider: PRIMARY_PROVIDER, model: '' },
      fallbacks: [],
    });
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-path="purposes.${purposes.length}.name"]`)?.focus(),
    );
  };

  return (
    <Card withBorder id="route-editor">
      <form onSubmit={form.onSubmit((values) => save(values))} noValidate aria-label={`${name} route`}>
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={3} size="h4">
              Route: {name}
            </Title>
            <Text size="sm" c="dimmed">
              The primary model is tried first, then the fallbacks in order. Purposes (`purpose` in a request)
              have their own chains.
              {!route && ' This modality has no route yet: the platform default model serves it.'}
            </Text>
          </Stack>

          <ModelRefInput form={form} path="primary" label="Primary model" context={context} required />

          <Fieldset legend="Fallbacks, tried in order">
            <FallbackList form={form} path="fallbacks" context={context} owner="primary route" />
          </Fieldset>

          <Fieldset legend="Per-purpose overrides">
            <Stack gap="md">
              {purposes.length === 0 && (
                <Text size="sm" c="dimmed">
                  None: every purpose uses the route above.
                </Text>
              )}
              {purposes.map((purpose, index) => {
                const label = purpose.name.trim() ? `purpose ${purpose.name.trim()}` : `purpose ${index + 1}`;
                return (
                  <Card key={purpose.key} withBorder padding="sm" bg="var(--mantine-color-gray-0)">
                    <Stack gap="xs">
                      <Group align="flex-end" gap="xs">
                        <TextInput
                          label="Purpose"
                          description="A lowercase word, such as coding or creative"
                          required
                          style={{ flex: 1, minWidth: 180 }}
                          {...form.getInputProps(`purposes.${index}.name`)}
                          data-path={`purposes.${index}.name`}
                        />
                        <Button
                          variant="light"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={`Remove ${label}`}
                          onClick={() => form.removeListItem('purposes', index)}
                        >
                          Remove
                        </Button>
                      </Group>
                      <ModelRefInput
                        form={form}
                        path={`purposes.${index}.primary`}
                        label={`Primary model for ${label}`}
                        context={context}
                        required
                      />
                      <Text size="sm" fw={500}>
                        Fallbacks for {label}
                      </Text>
                      <FallbackList
                        form={form}
                        path={`purposes.${index}.fallbacks`}
                        context={context}
                        owner={label}
                      />
                    </Stack>
                  </Card>
                );
              })}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={addPurpose}
                >
                  Add purpose
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          {update.isError && !Object.keys(form.errors).length && <ErrorAlert error={update.error} />}
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save route
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
    </Card>
  );
}
