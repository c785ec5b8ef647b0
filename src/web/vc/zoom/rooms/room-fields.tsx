// The Zoom fields of Create and Edit, in the seed's order: Description, Host, Passcode (then the link's
// passcode visibility, and the advanced settings). Alternative hosts and the webinar choice go beyond it.
import { Button, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ZoomFormContext } from '../../../../contracts/vc-zoom';
import { useCurrentUser } from '../../../auth/api/get-session';
import { errorMessage } from '../../../lib/api';
import type { ProviderFieldsProps } from '../../providers';
import { useZoomFormContext, useZoomHostCheck } from '../api/get-room-helpers';
import { AlternativeHostsField, type HostCheckState, HostField } from './host-fields';
import { describeRules, generatePasscode, hostChoiceOf, readZoomForm } from './values';

function useHostCheck({ form, context }: ProviderFieldsProps): HostCheckState {
  const me = useCurrentUser();
  const values = form.getValues();
  const choice = hostChoiceOf(values, me?.id, context.mode);
  const { hostUserId } = readZoomForm(values.form);
  const target = values.targetType;
  const targetId =
    target === 'contribution'
      ? Number(values.contributionId) || undefined
      : target === 'block'
        ? Number(values.blockId) || undefined
        : undefined;
  const userId = choice === 'myself' ? undefined : (hostUserId ?? undefined);
  const enabled =
    (choice === 'myself' || userId !== undefined) && (target === 'event' || targetId !== undefined);
  const query = useZoomHostCheck(
    context.eventId,
    { userId, target, targetId, roomId: context.roomId },
    enabled,
  );
  return {
    data: enabled ? query.data : undefined,
    pending: enabled && query.isFetching,
    error: enabled ? query.error : null,
  };
}

function MeetingTypeField({
  form,
  disabled,
  context,
  webinarAvailable,
}: ProviderFieldsProps & { webinarAvailable: boolean | undefined }) {
  const fixed = context.mode === 'edit';
  return (
    <Radio.Group
      label="Type"
      description={
        fixed
          ? 'Fixed once the meeting exists (only zoom.us converts a meeting to a webinar).'
          : webinarAvailable === false
            ? 'The host has no Zoom webinar licence: only a meeting is possible.'
            : 'A webinar has panelists and attendees who only watch; its type cannot be changed later.'
      }
      {...form.getInputProps('form.meetingType')}
    >
      <Stack gap={6} mt="xs">
        <Radio value="meeting" label="Meeting" disabled={disabled || fixed} />
        <Radio value="webinar" label="Webinar" disabled={disabled || fixed || webinarAvailable === false} />
      </Stack>
    </Radio.Group>
  );
}

function PasscodeField({
  form,
  disabled,
  formContext,
  check,
}: ProviderFieldsProps & { formContext: ZoomFormContext | undefined; check: HostCheckState }) {
  const rules = check.data?.passcodeRules ?? null;
  const hostRules = describeRules(rules);
  return (
    <TextInput
      label="Passcode"
      description={
        <>
          Only people who have the passcode can join. At most 10 letters, digits and @ - _ *; leave it empty
          for none.
          {hostRules && ` ${hostRules}`}
        </>
      }
      autoComplete="off"
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      disabled={disabled}
      rightSectionWidth={96}
      rightSection={
        <Button
          size="compact-sm"
          variant="light"
          disabled={disabled || !formContext}
          onClick={() => {
            form.setFieldValue('form.passcode', generatePasscode(formContext?.passcodeLength ?? 8, rules));
            form.clearFieldError('form.passcode');
          }}
        >
          Generate
        </Button>
      }
      {...form.getInputProps('form.passcode')}
    />
  );
}

export function ZoomRoomFields(props: ProviderFieldsProps) {
  const { form, disabled, context } = props;
  const formContext = useZoomFormContext(context.eventId, context.roomId);
  const check = useHostCheck(props);
  const users = formContext.data?.users ?? [];
  const webinars =
    formContext.data?.allowWebinars || readZoomForm(form.getValues().form).meetingType === 'webinar';
  return (
    <>
      {formContext.isError && (
        <Text size="sm" c="red.9" role="alert">
          Some Zoom details could not be loaded: {errorMessage(formContext.error)}
        </Text>
      )}
      <Textarea
        label="Description"
        description="Something helpful for those who will join; Zoom shows it as the meeting's agenda."
        autosize
        minRows={2}
        maxRows={8}
        disabled={disabled}
        {...form.getInputProps('form.description')}
      />
      {webinars && <MeetingTypeField {...props} webinarAvailable={check.data?.webinarAvailable} />}
      <HostField {...props} users={users} check={check} />
      <AlternativeHostsField {...props} users={users} />
      <PasscodeField {...props} formContext={formContext.data} check={check} />
    </>
  );
}
