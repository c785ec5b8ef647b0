// Under "Advanced settings": how people enter the meeting. Webinars have no waiting room, and their
// attendees always join muted with video off, so only the host's video is theirs to choose.
import { Switch, Text } from '@mantine/core';
import type { ProviderFieldsProps } from '../../providers';
import { readZoomForm } from './values';

export function ZoomAdvancedFields({ form, disabled }: ProviderFieldsProps) {
  const fields = readZoomForm(form.getValues().form);
  const webinar = fields.meetingType === 'webinar';
  const toggle = (name: string) => form.getInputProps(`form.${name}`, { type: 'checkbox' });
  return (
    <>
      <Switch label="Host video off when the host joins" disabled={disabled} {...toggle('muteHostVideo')} />
      {webinar ? (
        <Text size="sm" c="dimmed">
          Webinar attendees always join muted, with their video off.
        </Text>
      ) : (
        <>
          <Switch label="Mute participants on entry" disabled={disabled} {...toggle('muteAudio')} />
          <Switch
            label="Participants' video off when they join"
            disabled={disabled}
            {...toggle('muteParticipantVideo')}
          />
          <Switch
            label="Waiting room"
            description="Participants wait until the host admits them."
            disabled={disabled}
            {...toggle('waitingRoom')}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              // Zoom ignores join-before-host while the waiting room is on (zoom_api.md §2.2). One update:
              // a second setFieldValue in the same event would start from the values before the first.
              const values = form.getValues().form;
              form.setValues({
                form: { ...values, waitingRoom: on, ...(on ? { joinBeforeHost: false } : {}) },
              });
            }}
          />
          <Switch
            label="Participants may join before the host"
            description={
              fields.waitingRoom
                ? 'Off while the waiting room is on: everyone waits there until the host admits them.'
                : undefined
            }
            disabled={disabled || fields.waitingRoom}
            {...toggle('joinBeforeHost')}
          />
        </>
      )}
    </>
  );
}
