import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLES, type UsersSearch } from '../schema';
import { TIERS } from '@/lib/domain';

const ALL = 'all';
const options = (values: readonly string[], all: string) => [
  { value: ALL, label: all },
  ...values.map((value) => ({ value, label: value })),
];

/** Search (debounced) and filters; every change goes to the URL and back to page 1. */
export function UsersFilters({
  search,
  onChange,
}: {
  search: UsersSearch;
  onChange: (changes: Partial<UsersSearch>) => void;
}) {
  const [text, setText] = useState(search.search ?? '');
  const [seen, setSeen] = useState(search.search);
  // The URL changed on its own (back, a link): show its search.
  if (seen !== search.search) {
    setSeen(search.search);
    setText(search.search ?? '');
  }
  const pushSearch = useDebouncedCallback(
    (value: string) => onChange({ search: value.trim() || undefined }),
    300,
  );

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <TextInput
        label="Search"
        placeholder="Email or user id"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          pushSearch(event.currentTarget.value);
        }}
        type="search"
      />
      <Select
        label="Tier"
        data={options(TIERS, 'All tiers')}
        value={search.tier ?? ALL}
        onChange={(value) =>
          onChange({ tier: (value && value !== ALL ? value : undefined) as UsersSearch['tier'] })
        }
        allowDeselect={false}
      />
      <Select
        label="Role"
        data={options(ROLES, 'All roles')}
        value={search.role ?? ALL}
        onChange={(value) =>
          onChange({ role: (value && value !== ALL ? value : undefined) as UsersSearch['role'] })
        }
        allowDeselect={false}
      />
      <Select
        label="Status"
        data={[
          { value: ALL, label: 'Active and deactivated' },
          { value: 'true', label: 'Active' },
          { value: 'false', label: 'Deactivated' },
        ]}
        value={search.active === undefined ? ALL : String(search.active)}
        onChange={(value) =>
          onChange({ active: value === ALL || value === null ? undefined : value === 'true' })
        }
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
