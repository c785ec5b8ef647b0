/**
 * Slot for the "Zoom sandbox" banner: when no Zoom credentials are configured, the server runs the Zoom
 * emulator and every page must say so. The Zoom feature fills this in (it knows whether the sandbox runs);
 * until then it renders nothing. It sits above the header, outside <main>, as a role="status" region.
 */
export function SandboxBanner() {
  return null;
}
