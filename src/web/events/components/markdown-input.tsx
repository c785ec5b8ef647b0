import {
  Box,
  Input,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  type TextareaProps,
  VisuallyHidden,
} from '@mantine/core';
import { useId, useState } from 'react';
import { Markdown } from './markdown';

/** A Markdown textarea with a preview rendered exactly as the event page will render it. */
export function MarkdownInput(props: TextareaProps & { value?: string }) {
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const modeLabel = useId();
  const source = props.value ?? '';
  return (
    <Stack gap={6}>
      <Box>
        <VisuallyHidden id={modeLabel}>{`${props.label ?? 'Text'}: write or preview`}</VisuallyHidden>
        <SegmentedControl
          size="xs"
          aria-labelledby={modeLabel}
          value={mode}
          onChange={(v) => setMode(v === 'preview' ? 'preview' : 'write')}
          data={[
            { value: 'write', label: 'Write' },
            { value: 'preview', label: 'Preview' },
          ]}
        />
      </Box>
      {mode === 'write' ? (
        <Textarea
          autosize
          minRows={4}
          maxRows={16}
          description="Markdown: **bold**, *italic*, lists, links"
          {...props}
        />
      ) : (
        <Input.Wrapper label={props.label} description="Preview">
          <Paper withBorder p="sm" mih={80} mt={4}>
            {source.trim() ? <Markdown source={source} /> : <Text c="dimmed">Nothing to preview yet.</Text>}
          </Paper>
        </Input.Wrapper>
      )}
    </Stack>
  );
}
