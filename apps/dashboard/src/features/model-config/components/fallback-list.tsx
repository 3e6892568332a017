import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { MAX_FALLBACKS, newKey, PRIMARY_PROVIDER, type RefValues, type RouteValues } from '../schema';
import { ModelRefInput, type PickerContext } from './model-ref-input';

/**
 * An ordered list of fallbacks: add, remove, and move up or down with buttons (keyboard friendly;
 * focus follows the moved model).
 */
export function FallbackList({
  form,
  path,
  context,
  owner,
}: {
  form: UseFormReturnType<RouteValues>;
  /** `fallbacks` or `purposes.<i>.fallbacks`. */
  path: string;
  context: PickerContext;
  /** Names the list in button labels: "primary route", "purpose coding". */
  owner: string;
}) {
  const items = form.getInputProps(path).value as RefValues[];
  const buttonId = (key: string, action: string) => `${path}-${key}-${action}`.replace(/\./g, '-');
  const focusLater = (id: string) =>
    requestAnimationFrame(() => document.getElementById(id)?.focus({ preventScroll: false }));

  const move = (from: number, to: number) => {
    const key = items[from].key;
    form.reorderListItem(path, { from, to });
    const atEdge = to === 0 || to === items.length - 1;
    focusLater(buttonId(key, atEdge ? (to === 0 ? 'down' : 'up') : to < from ? 'up' : 'down'));
  };
  const remove = (index: number) => {
    form.removeListItem(path, index);
    const neighbour = items[index + 1] ?? items[index - 1];
    focusLater(neighbour ? buttonId(neighbour.key, 'remove') : `${path}-add`.replace(/\./g, '-'));
  };
  const add = () => {
    const key = newKey();
    form.insertListItem(path, { key, provider: PRIMARY_PROVIDER, model: '' });
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-path="${path}.${items.length}.model"]`)?.focus(),
    );
  };

  return (
    <Stack gap="xs">
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          No fallbacks: only the primary model is tried.
        </Text>
      )}
      {items.map((item, index) => {
        const position = index + 1;
        return (
          <Group key={item.key} align="flex-end" gap="xs" wrap="wrap">
            <ModelRefInput
              form={form}
              path={`${path}.${index}`}
              label={owner === 'primary route' ? `Fallback ${position}` : `Fallback ${position} for ${owner}`}
              context={context}
              required
            />
            <Group gap={4} wrap="nowrap" mb={4}>
              <ActionIcon
                id={buttonId(item.key, 'up')}
                variant="default"
                size="lg"
                aria-label={`Move fallback ${position} (${item.model || 'empty'}) of the ${owner} up`}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                id={buttonId(item.key, 'down')}
                variant="default"
                size="lg"
                aria-label={`Move fallback ${position} (${item.model || 'empty'}) of the ${owner} down`}
                disabled={index === items.length - 1}
                onClick={() => move(index, index + 1)}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                id={buttonId(item.key, 'remove')}
                variant="light"
                color="red"
                size="lg"
                aria-label={`Remove fallback ${position} (${item.model || 'empty'}) of the ${owner}`}
                onClick={() => remove(index)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        );
      })}
      <Group>
        <Button
          id={`${path}-add`.replace(/\./g, '-')}
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={add}
          disabled={items.length >= MAX_FALLBACKS}
        >
          Add fallback{owner === 'primary route' ? '' : ` to ${owner}`}
        </Button>
      </Group>
    </Stack>
  );
}
