// Pickers of Convene users, searching GET /api/users/search as the person types (two characters at least).
import { MultiSelect, type OptionsFilter, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { UserSummary } from '../../../contracts/auth';
import type { UserRef } from '../../../contracts/events';
import { USER_SEARCH_MIN, useUserSearch } from '../../auth/api/search-users';

const label = (u: { name: string; email?: string }) => (u.email ? `${u.name} (${u.email})` : u.name);

function useSearch() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useUserSearch(q);
  // No message while nothing is typed: an empty dropdown then stays closed (an open list with no option in
  // it is an error for screen readers, and says nothing useful).
  const typed = search.trim();
  const nothingFound = !typed
    ? undefined
    : typed.length < USER_SEARCH_MIN
      ? 'Type two letters of a name or e-mail'
      : results.isFetching
        ? 'Searching…'
        : 'Nobody found';
  return { search, setSearch, results: results.data?.users ?? [], nothingFound };
}

/** The server already matched names and e-mails: show its answers as they are. */
const keepAll: OptionsFilter = ({ options }) => options;

/** Several users (managers, allowed users). */
export function UserMultiPicker({
  label: inputLabel,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: UserRef[];
  onChange: (users: UserRef[]) => void;
  error?: string;
}) {
  const { search, setSearch, results, nothingFound } = useSearch();
  const known = useMemo(() => {
    const map = new Map<number, UserRef>(value.map((u) => [u.id, u]));
    for (const u of results)
      if (!map.has(u.id)) map.set(u.id, { id: u.id, name: u.name, email: u.email ?? '' });
    return map;
  }, [value, results]);
  const data = [...known.values()].map((u) => ({ value: String(u.id), label: label(u) }));
  return (
    <MultiSelect
      label={inputLabel}
      description={description}
      error={error}
      placeholder="Search by name or e-mail"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepAll}
      data={data}
      value={value.map((u) => String(u.id))}
      onChange={(ids) => {
        onChange(ids.flatMap((id) => known.get(Number(id)) ?? []));
        setSearch('');
      }}
      nothingFoundMessage={nothingFound}
      hidePickedOptions
      clearable={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** One user, picked then forgotten by the input (e.g. to add a speaker to a list). */
export function UserPickOne({
  label: inputLabel,
  description,
  onPick,
  exclude = [],
}: {
  label: string;
  description?: string;
  onPick: (user: UserSummary) => void;
  exclude?: number[];
}) {
  const { search, setSearch, results, nothingFound } = useSearch();
  const shown = results.filter((u) => !exclude.includes(u.id));
  return (
    <Select
      label={inputLabel}
      description={description}
      placeholder="Search by name or e-mail"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepAll}
      data={shown.map((u) => ({ value: String(u.id), label: label(u) }))}
      value={null}
      onChange={(id) => {
        const user = shown.find((u) => String(u.id) === id);
        if (user) onPick(user);
        setSearch('');
      }}
      nothingFoundMessage={nothingFound}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
