import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';

/** Organisers' Markdown, rendered safely (see lib/markdown.ts for what is refused). */
export function Markdown({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (!source.trim()) return null;
  return (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it with html:false escapes all text and vets every link.
    <Typography className="event-markdown" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
