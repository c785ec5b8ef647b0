import { useDocumentTitle } from '@mantine/hooks';

/** Every page names itself in the tab's title: screen readers announce it on navigation. */
export function usePageTitle(title: string | undefined): void {
  useDocumentTitle(title ? `${title} · Convene` : 'Convene');
}
