import { Autocomplete, Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { isApiError } from '@/api/errors';
import { hasFilters, KNOWN_ACTIONS, KNOWN_TARGET_TYPES, type AuditSearch } from '../schema';

type TextFilter = 'actor_id' | 'action' | 'target_type' | 'target_id';
const TEXT_FILTERS: TextFilter[] = ['actor_id', 'action', 'target_type', 'target_id'];

const fromSearch = (search: AuditSearch): Record<TextFilter, string> => ({
  actor_id: search.actor_id ?? '',
  action: search.action ?? '',
  target_type: search.target_type ?? '',
  target_id: search.target_id ?? '',
});

/**
 * The Audit Log's filters: typed ones reach the URL after a pause, days at once. An error the API
 * gives for a filter (a malformed actor id) is shown on that filter.
 */
export function AuditFilters({
  search,
  onChange,
  error,
}: {
  search: AuditSearch;
  onChange: (changes: Partial<AuditSearch>) => void;
  error: unknown;
}) {
  const [text, setText] = useState(fromSearch(search));
  const [seen, setSeen] = useState(search);
  if (TEXT_FILTERS.some((name) => seen[name] !== search[name])) {
    setSeen(search);
    setText(fromSearch(search));
  }
  const push = useDebouncedCallback(
    (next: Record<TextFilter, string>) =>
      onChange(Object.fromEntries(TEXT_FILTERS.map((name) => [name, next[name].trim() || undefined]))),
    400,
  );
  const edit = (name: TextFilter) => (value: string) => {
    const next = { ...text, [name]: value };
    setText(next);
    push(next);
  };
  const errorFor = (name: string) => (isApiError(error) && error.param === name ? error.message : undefined);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Autocomplete
          label="Action"
          placeholder="e.g. user.update"
          data={KNOWN_ACTIONS}
          value={text.action}
          onChange={edit('action')}
          error={errorFor('action')}
        />
        <Autocomplete
          label="Target type"
          placeholder="e.g. provider_key"
          data={KNOWN_TARGET_TYPES}
          value={text.target_type}
          onChange={edit('target_type')}
          error={errorFor('target_type')}
        />
        <TextInput
          label="Target id"
          value={text.target_id}
          onChange={(event) => edit('target_id')(event.currentTarget.value)}
          error={errorFor('target_id')}
        />
        <TextInput
          label="Actor id"
          placeholder="The admin's user id"
          value={text.actor_id}
          onChange={(event) => edit('actor_id')(event.currentTarget.value)}
          error={errorFor('actor_id')}
        />
        <TextInput
          label="From (UTC day)"
          type="date"
          value={search.since ?? ''}
          onChange={(event) => onChange({ since: event.currentTarget.value || undefined })}
          error={errorFor('since')}
        />
        <TextInput
          label="To (UTC day, inclusive)"
          type="date"
          value={search.until ?? ''}
          onChange={(event) => onChange({ until: event.currentTarget.value || undefined })}
          error={errorFor('until')}
        />
      </SimpleGrid>
      {hasFilters(search) && (
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          onClick={() => {
            push.cancel();
            onChange({
              actor_id: undefined,
              action: undefined,
              target_type: undefined,
              target_id: undefined,
              since: undefined,
              until: undefined,
            });
          }}
        >
          Clear filters
        </Button>
      )}
    </Stack>
  );
}
