import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type ModelRefInput, type ModalityRoute } from '../schema';
import { MODALITIES, MODALITY_LABELS, type Modality } from '@/lib/domain';

export const refLabel = (ref: ModelRefInput): string =>
  typeof ref === 'string' ? ref : ref.provider ? `${ref.model} @ ${ref.provider}` : ref.model;

/** A tier's routes at a glance, one row per modality, with Edit opening the editor below. */
export function RouteOverview({
  routes,
  selected,
  onEdit,
}: {
  routes: Partial<Record<Modality, ModalityRoute>>;
  selected?: Modality;
  onEdit: (modality: Modality) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption className="sr-only">Routes per modality</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Modality</Table.Th>
            <Table.Th scope="col">Primary</Table.Th>
            <Table.Th scope="col">Fallbacks, in order</Table.Th>
            <Table.Th scope="col">Purposes</Table.Th>
            <Table.Th scope="col">
              <span className="sr-only">Edit</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MODALITIES.map((modality) => {
            const route = routes[modality];
            const purposes = Object.keys(route?.purposes ?? {});
            return (
              <Table.Tr
                key={modality}
                bg={selected === modality ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Th scope="row">{MODALITY_LABELS[modality]}</Table.Th>
                <Table.Td>
                  {route ? (
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {refLabel(route.primary)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Platform default
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {(route?.fallbacks ?? []).map((ref, index) => (
                      <Text key={index} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {index + 1}. {refLabel(ref)}
                      </Text>
                    ))}
                    {route && !route.fallbacks.length && (
                      <Text size="xs" c="dimmed">
                        None
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {purposes.map((purpose) => (
                      <Badge key={purpose} variant="outline" size="sm">
                        {purpose}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={selected === modality ? 'filled' : 'light'}
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={`Edit the ${MODALITY_LABELS[modality].toLowerCase()} route`}
                    aria-pressed={selected === modality}
                    onClick={() => onEdit(modality)}
                  >
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
