import { Alert, type AlertProps } from '@mantine/core';

/**
 * A light alert whose title stays readable: Mantine's light yellow and green titles are 2.7:1 and 3.8:1
 * on their backgrounds, below WCAG AA's 4.5:1, so the title takes the text colour.
 */
export function Notice({
  color,
  ...props
}: Omit<AlertProps, 'variant'> & { color: 'yellow' | 'green' | 'red' }) {
  return (
    <Alert
      color={color}
      variant="light"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      {...props}
    />
  );
}
