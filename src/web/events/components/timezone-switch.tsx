import { Group, SegmentedControl, Text } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import { browserTimezone } from '../lib/time';

type Mode = 'event' | 'mine';

/**
 * Which zone an event's times are shown in: the event's (default, as its organisers wrote them) or the
 * viewer's. The choice is remembered across events.
 */
export function useShownTimezone(eventTimezone: string) {
  const [mode, setMode] = useLocalStorage<Mode>({
    key: 'convene.shown-timezone',
    defaultValue: 'event',
    getInitialValueInEffect: false,
  });
  const mine = browserTimezone();
  const timezone = mode === 'mine' ? mine : eventTimezone;
  return { timezone, mode, setMode, eventTimezone, viewerTimezone: mine };
}

export type ShownTimezone = ReturnType<typeof useShownTimezone>;

/** The switch between the event's timezone and the viewer's; only a note when both are the same. */
export function TimezoneSwitch({ shown }: { shown: ShownTimezone }) {
  const labelId = useId();
  // The zone names make long labels: stacked on narrow screens rather than cut off.
  const narrow = useMediaQuery('(max-width: 40em)');
  if (shown.eventTimezone === shown.viewerTimezone) {
    return (
      <Text size="sm" c="dimmed">
        Times are in {shown.eventTimezone}.
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" id={labelId} c="dimmed">
        Show times in
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        size="xs"
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        value={shown.mode}
        onChange={(v) => shown.setMode(v === 'mine' ? 'mine' : 'event')}
        data={[
          { value: 'event', label: `Event’s timezone (${shown.eventTimezone})` },
          { value: 'mine', label: `My timezone (${shown.viewerTimezone})` },
        ]}
      />
    </Group>
  );
}
