import { Group, Text } from '@mantine/core';

/** The product mark: a calendar page with a speech dot (events that meet), then the name. */
export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true" focusable="false">
        <rect x="1" y="3" width="24" height="22" rx="5" fill="var(--mantine-primary-color-filled)" />
        <rect x="1" y="3" width="24" height="7" rx="3" fill="var(--mantine-primary-color-filled-hover)" />
        <rect
          x="6"
          y="0.5"
          width="2.5"
          height="6"
          rx="1.25"
          fill="var(--mantine-primary-color-filled-hover)"
        />
        <rect
          x="17.5"
          y="0.5"
          width="2.5"
          height="6"
          rx="1.25"
          fill="var(--mantine-primary-color-filled-hover)"
        />
        <circle cx="13" cy="17" r="4" fill="#fff" />
      </svg>
      <Text component="span" fw={700} fz="lg" c="var(--mantine-color-text)">
        Convene
      </Text>
    </Group>
  );
}
