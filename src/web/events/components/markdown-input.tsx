import { Box, Input, Paper, SegmentedControl, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from './markdown';

/** A Markdown textarea with a preview rendered exactly as the event page will render it. */
export function MarkdownInput(props: TextareaProps & { value?: string }) {
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const source = props.value ?? '';
  const name = typeof props.label === 'string' ? props.label : 'Text';
  return (
    <Box pos="relative">
      {/* Top right, level with the label: the switch belongs to the field, not above it. */}
      <SegmentedControl
        size="xs"
        aria-label={`${name}: write or preview`}
        value={mode}
        onChange={(v) => setMode(v === 'preview' ? 'preview' : 'write')}
        data={[
          { value: 'write', label: 'Write' },
          { value: 'preview', label: 'Preview' },
        ]}
        pos="absolute"
        top={0}
        right={0}
        style={{ zIndex: 1 }}
      />
      {mode === 'write' ? (
        <Textarea
          autosize
          minRows={4}
          maxRows={16}
          description="Markdown: **bold**, *italic*, lists, links"
          {...props}
        />
      ) : (
        <Input.Wrapper label={props.label} description="Preview, as participants will see it">
          <Paper withBorder p="sm" mih={96} mt={4}>
            {source.trim() ? <Markdown source={source} /> : <Text c="dimmed">Nothing to preview yet.</Text>}
          </Paper>
        </Input.Wrapper>
      )}
    </Box>
  );
}
