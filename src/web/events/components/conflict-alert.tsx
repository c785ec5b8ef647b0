import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * Shown when a save was refused because someone else changed the item meanwhile. "Reload" puts the
 * current version into the form (the edits made here are dropped: the person redoes what still applies).
 */
export function ConflictAlert({
  message,
  onReload,
}: {
  message: string;
  onReload: () => Promise<void> | void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Alert color="red" variant="light" role="alert" title="Changed by someone else">
      <Text size="sm">{message}</Text>
      <Text size="sm" mt={4}>
        Reload to see the current version; your changes here are then discarded.
      </Text>
      <Group mt="sm">
        <Button
          size="xs"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onReload();
            } finally {
              setBusy(false);
            }
          }}
        >
          Reload
        </Button>
      </Group>
    </Alert>
  );
}
