import { Box, Text } from '@mantine/core';
import { useZoomStatus } from '../../vc/zoom/get-zoom-status';

/**
 * When no Zoom credentials are configured, the server runs its built-in Zoom emulation: every page says so,
 * so that nobody mistakes a sandbox meeting for a real one. It sits above the header as a status region.
 */
export function SandboxBanner() {
  const status = useZoomStatus();
  if (status.data?.mode !== 'sandbox') return null;
  return (
    <Box role="status" bg="yellow.2" c="dark.9" px="md" py={4} ta="center">
      {/* One line on a phone: the long sentence would take four. */}
      <Text size="sm" fw={500} hiddenFrom="sm">
        <strong>Zoom sandbox</strong> — not connected to Zoom; nobody can really join.
      </Text>
      <Text size="sm" fw={500} visibleFrom="sm">
        <strong>Zoom sandbox</strong> — Convene is not connected to Zoom: meetings created here exist only in
        its built-in emulation, and nobody can really join them.
      </Text>
    </Box>
  );
}
