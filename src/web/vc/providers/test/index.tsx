// "Test rooms" in the web client: its form fields and its administration switch.
import { Alert, Radio, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../../lib/api';
import { VC_KEY } from '../../api/keys';
import type { ProviderFieldsProps, WebVcProvider } from '../types';

function RoomFields({ form, disabled }: ProviderFieldsProps) {
  return (
    <>
      <Textarea
        label="Description"
        description="Something helpful for those who will join"
        autosize
        minRows={2}
        disabled={disabled}
        {...form.getInputProps('form.description')}
      />
      <TextInput
        label="Passcode"
        description="Up to 10 letters or digits; leave empty for none"
        autoComplete="off"
        disabled={disabled}
        {...form.getInputProps('form.passcode')}
      />
    </>
  );
}

function LinkFields({ form }: ProviderFieldsProps) {
  return (
    <Radio.Group
      label="Passcode visibility"
      description="Who sees the passcode (and a join link that carries it) on this event's pages"
      {...form.getInputProps('linkForm.passcodeVisibility')}
    >
      <Stack gap={6} mt="xs">
        <Radio value="everyone" label="Everyone" />
        <Radio value="logged_in" label="Logged-in users (recommended)" />
        <Radio value="no_one" label="No one (you send the passcode yourself)" />
      </Stack>
    </Radio.Group>
  );
}

function AdvancedFields({ form, disabled }: ProviderFieldsProps) {
  return (
    <Switch
      label="Only logged-in people may join"
      disabled={disabled}
      {...form.getInputProps('form.joinRequiresLogin', { type: 'checkbox' })}
    />
  );
}

const SETTINGS = '/api/admin/vc/providers/test/settings';

function AdminSettings() {
  const queryClient = useQueryClient();
  const setting = useQuery({
    queryKey: ['vc', 'test-settings'],
    queryFn: () => api.get<{ enabled: boolean }>(SETTINGS),
  });
  const update = useMutation({
    mutationFn: (enabled: boolean) => api.put<{ enabled: boolean }>(SETTINGS, { enabled }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VC_KEY }),
  });
  return (
    <Stack gap="xs">
      <Text size="sm">
        Rooms with a join page served by this server, with no outside service: for trying Convene out and for
        tests. Leave it off on a production server.
      </Text>
      <Switch
        label="Offer Test rooms to event organisers"
        checked={setting.data?.enabled ?? false}
        disabled={setting.isPending || update.isPending}
        onChange={(e) => update.mutate(e.currentTarget.checked)}
      />
      {(setting.isError || update.isError) && (
        <Alert color="red" role="alert">
          {errorMessage(setting.error ?? update.error)}
        </Alert>
      )}
    </Stack>
  );
}

export const testRoomsWeb: WebVcProvider = {
  name: 'test',
  RoomFields,
  LinkFields,
  AdvancedFields,
  AdminSettings,
};
