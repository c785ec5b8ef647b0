import { Badge, type CSSVariablesResolver, createTheme, Modal, Notification } from '@mantine/core';

// Calm and professional: indigo on neutral greys. The shades are chosen for WCAG AA contrast (>= 4.5:1):
// white on indigo-7 is 5.0:1 and on indigo-8 5.7:1; Mantine's default dimmed grey (3.3:1) is too faint.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  // People who ask their system for less motion get no fades and slides.
  respectReducedMotion: true,
  cursorType: 'pointer',
  // The system's own interface font, on purpose: no web font to download (the anonymous event page stays
  // light) and text that looks at home on each platform. Inter was asked for but never shipped.
  fontFamily:
    'system-ui, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.3' },
      h2: { fontSize: '1.35rem', lineHeight: '1.35' },
    },
  },
  components: {
    // Mantine's close button is an icon without a name: screen readers would announce "button". The
    // dialog's header is a <header>, which would make a second banner landmark beside the page's: it is only
    // the dialog's title row. On phones (global.css) dialogs fill the screen.
    Modal: Modal.extend({
      defaultProps: {
        closeButtonProps: { 'aria-label': 'Close' },
        attributes: { header: { role: 'none' } },
        classNames: { content: 'app-modal-content', inner: 'app-modal-inner' },
      },
    }),
    // A badge says one short word or two: it keeps its whole text rather than shrinking to "AC…" in a
    // narrow table column or a crowded line (which wrap around it instead).
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
    // Its close button has no name, and its description's grey (3.3:1 under a title) is too faint.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    // Field errors in red-6 are 3.3:1 on white; red-9 is 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
    '--mantine-color-error': 'var(--mantine-color-red-5)',
  },
});
