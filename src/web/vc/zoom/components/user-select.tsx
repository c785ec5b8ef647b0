import { type ComboboxItem, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { UserSummary } from '../../../../contracts/auth';
import { USER_SEARCH_MIN, useUserSearch } from '../../../auth/api/search-users';

/**
 * One user chosen by name or e-mail (GET /api/users/search), the single counterpart of UserPicker.
 * `knownUsers` names the id already chosen; a user found while searching keeps their name once chosen.
 */
export function UserSelect({
  label,
  description,
  value,
  onChange,
  knownUsers,
  error,
  disabled,
}: {
  label: string;
  description?: React.ReactNode;
  value: number | null;
  onChange: (id: number | null) => void;
  knownUsers: UserSummary[];
  error?: React.ReactNode;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useUserSearch(q);
  const [chosen, setChosen] = useState<UserSummary>();

  const byId = useMemo(() => {
    const all = new Map<number, UserSummary>();
    for (const u of [...knownUsers, ...(chosen ? [chosen] : []), ...(results.data?.users ?? [])])
      all.set(u.id, u);
    return all;
  }, [knownUsers, chosen, results.data]);

  const data: Array<ComboboxItem<number>> = useMemo(() => {
    const ids = [
      ...(value === null ? [] : [value]),
      ...(q.length >= USER_SEARCH_MIN ? (results.data?.users ?? []).map((u) => u.id) : []),
    ];
    return [...new Set(ids)].map((id) => ({ value: id, label: byId.get(id)?.name ?? `User ${id}` }));
  }, [value, results.data, byId, q]);

  return (
    <Select<number>
      label={label}
      description={description}
      placeholder="Type a name or an e-mail address"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered by name and e-mail; keep its order.
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(id) => {
        setChosen(id === null ? undefined : byId.get(id));
        onChange(id);
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
      error={error}
      disabled={disabled}
    />
  );
}
