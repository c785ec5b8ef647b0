// Passcode visibility, kept per link: the same meeting may show its passcode in one event and not another.
import { Radio, Stack } from '@mantine/core';
import type { ProviderFieldsProps } from '../../providers';

export function ZoomLinkFields({ form }: ProviderFieldsProps) {
  return (
    <Radio.Group
      label="Passcode visibility"
      description="Who sees the passcode (and a Join link that carries it) on this event's pages. Managers of the event always do."
      {...form.getInputProps('linkForm.passcodeVisibility')}
    >
      <Stack gap={6} mt="xs">
        <Radio value="everyone" label="Everyone, in the clear" />
        <Radio value="logged_in" label="Logged-in users (recommended)" />
        <Radio value="no_one" label="No one (e.g. you send the passcode by e-mail)" />
      </Stack>
    </Radio.Group>
  );
}
