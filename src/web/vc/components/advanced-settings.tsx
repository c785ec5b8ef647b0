import { Accordion, Stack, Switch } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ProviderFieldsContext, WebVcProvider } from '../providers';
import type { RoomFormValues } from './room-form-values';

/** "Advanced settings": Show on event page, then the provider's own advanced fields. */
export function AdvancedSettings({
  form,
  provider,
  roomDisabled,
  withRoomFields,
  context,
}: {
  form: UseFormReturnType<RoomFormValues>;
  provider: WebVcProvider;
  roomDisabled: boolean;
  withRoomFields: boolean;
  context: ProviderFieldsContext;
}) {
  const Advanced = withRoomFields ? provider.AdvancedFields : undefined;
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="advanced">
        <Accordion.Control>Advanced settings</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Switch
              label="Show on event page"
              description="Participants see it, with a Join button, on the event's pages; managers always do."
              {...form.getInputProps('show', { type: 'checkbox' })}
            />
            {Advanced && <Advanced form={form} disabled={roomDisabled} context={context} />}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
