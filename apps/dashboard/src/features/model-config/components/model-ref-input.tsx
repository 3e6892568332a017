import { Autocomplete, Group, Select, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { PRIMARY_PROVIDER, type Provider } from '../schema';

export interface PickerContext {
  /** Suggestions: the catalog's models of this modality and those routes already use (any id may be typed). */
  models: string[];
  /** Every id known to the catalog or the configuration (to flag a typed id that is neither). */
  known: ReadonlySet<string>;
  providers: Provider[];
}

/**
 * A model reference: the provider (shown when admins added providers, or when the route already
 * uses one) and a model id, picked from the catalog by search or typed (an id the catalog does not
 * list is accepted; the api then warns).
 */
export function ModelRefInput<V extends object>({
  form,
  path,
  label,
  context,
  required,
}: {
  form: UseFormReturnType<V>;
  path: string;
  label: string;
  context: PickerContext;
  required?: boolean;
}) {
  const provider = form.getInputProps(`${path}.provider`).value as string;
  const model = (form.getInputProps(`${path}.model`).value as string).trim();
  const onPrimary = provider === PRIMARY_PROVIDER;
  const showProvider = context.providers.length > 0 || !onPrimary;
  const missing = onPrimary && model !== '' && context.known.size > 0 && !context.known.has(model);

  return (
    <Group align="flex-start" gap="xs" wrap="wrap" style={{ flex: 1 }}>
      {showProvider && (
        <Select
          label={`${label}: provider`}
          data={[
            { value: PRIMARY_PROVIDER, label: 'Primary provider' },
            ...context.providers.map((p) => ({ value: p.id, label: p.display_name })),
            ...(onPrimary || context.providers.some((p) => p.id === provider)
              ? []
              : [{ value: provider, label: `${provider} (not found)` }]),
          ]}
          allowDeselect={false}
          w={190}
          {...form.getInputProps(`${path}.provider`)}
          data-path={`${path}.provider`}
        />
      )}
      <Autocomplete
        label={label}
        placeholder="Search the catalog or type a model id"
        data={onPrimary ? context.models : []}
        limit={50}
        maxDropdownHeight={280}
        required={required}
        style={{ flex: 1, minWidth: 220 }}
        description={
          missing ? (
            <Text component="span" size="xs" c="orange.8">
              <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> Unknown model
              id: saving shows a warning if the catalog lacks it
            </Text>
          ) : undefined
        }
        {...form.getInputProps(`${path}.model`)}
        data-path={`${path}.model`}
      />
    </Group>
  );
}
