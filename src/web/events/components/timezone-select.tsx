import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { timezoneNames } from '../lib/time';

/** A searchable list of the IANA zones ("Europe/Zurich"); typing "zur" or "new y" finds them. */
export function TimezoneSelect(props: Omit<SelectProps, 'data'>) {
  const value = typeof props.value === 'string' ? props.value : undefined;
  const data = useMemo(() => {
    const names = timezoneNames();
    // A zone saved by another browser may be an alias this one does not list: keep it selectable.
    return value && !names.includes(value) ? [value, ...names] : names;
  }, [value]);
  return (
    <Select
      searchable
      allowDeselect={false}
      limit={50}
      maxDropdownHeight={280}
      nothingFoundMessage="No timezone matches"
      comboboxProps={{ withinPortal: true }}
      {...props}
      data={data}
    />
  );
}
