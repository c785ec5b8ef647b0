import { type ComboboxItem, Group, MultiSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { UserSummary } from '../../../../contracts/auth';
import { USER_SEARCH_MIN, useUserSearch } from '../../../auth/api/search-users';

/**
 * Several users chosen by name or e-mail (GET /api/users/search). `knownUsers` names the ids already chosen;
 * users found while searching are remembered so their pills keep a name.
 */
export function UserPicker({
  label,
  description,
  value,
  onChange,
  knownUsers,
  error,
  disabled,
}: {
  label: string;
  description?: string;
  value: number[];
  onChange: (ids: number[]) => void;
  knownUsers: UserSummary[];
  error?: React.ReactNode;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useUserSearch(q);
  const [found, setFound] = useState<Map<number, UserSummary>>(() => new Map());

  const byId = useMemo(() => {
    const all = new Map<number, UserSummary>();
    for (const u of [...knownUsers, ...found.values(), ...(results.data?.users ?? [])]) all.set(u.id, u);
    return all;
  }, [knownUsers, found, results.data]);

  // The chosen users first (so their pills have labels), then the search results.
  const data: Array<ComboboxItem<number>> = useMemo(() => {
    const ids = [
      ...value,
      ...(q.length >= USER_SEARCH_MIN ? (results.data?.users ?? []).map((u) => u.id) : []),
    ];
    return [...new Set(ids)].map((id) => ({ value: id, label: byId.get(id)?.name ?? `User ${id}` }));
  }, [value, results.data, byId, q]);

  return (
    <MultiSelect<number>
      label={label}
      description={description}
      placeholder={value.length ? undefined : 'Type a name or an e-mail address'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered by name and e-mail; keep its order.
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(ids) => {
        setFound((prev) => {
          const next = new Map(prev);
          for (const id of ids) {
            const user = byId.get(id);
            if (user) next.set(id, user);
          }
          return next;
        });
        onChange(ids);
      }}
      nothingFoundMessage={
        q.length < USER_SEARCH_MIN ? `Type at least ${USER_SEARCH_MIN} characters` : 'Nobody matches'
      }
      renderOption={({ option }) => {
        const user = byId.get(option.value);
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{option.label}</Text>
            {user && (
              <Text size="xs" c="dimmed">
                {user.email}
              </Text>
            )}
          </Group>
        );
      }}
      hidePickedOptions
      clearable
      error={error}
      disabled={disabled}
    />
  );
}
