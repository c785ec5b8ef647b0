import {
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
  useComputedColorScheme,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ZOOM_PASSCODE_LENGTH, type ZoomAdminSettings } from '../../../contracts/vc-zoom';
import { useAuthOptions } from '../../auth/api/get-auth-options';
import { ErrorState } from '../../components/error-page';
import { FormError } from '../../components/form-error';
import { Section as SettingsSection } from '../../components/section';
import { usePageTitle } from '../../lib/use-page-title';
import { useZoomSettings } from './api/get-zoom-settings';
import { useUpdateZoomSettings } from './api/update-zoom-settings';
import { CredentialsSection } from './components/credentials-section';
import {
  formValuesFrom,
  requestFrom,
  showApiError,
  validateForm,
  type ZoomSettingsForm,
} from './components/form-values';
import { Notice } from './components/notice';
import { UserPicker } from './components/user-picker';

/** Administration → Videoconference · Zoom: credentials, who may use Zoom, user lookup, meeting defaults. */
export function ZoomAdminSettingsPage() {
  usePageTitle('Zoom settings');
  const settings = useZoomSettings();
  return (
    <Stack py="md" gap="lg">
      <Title order={1}>Zoom settings</Title>
      {settings.isPending && (
        <Center py="xl">
          <Loader aria-label="Loading the Zoom settings" />
        </Center>
      )}
      {settings.isError && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <ZoomSettingsFormView saved={settings.data} />}
    </Stack>
  );
}

function ModeNotice({ saved }: { saved: ZoomAdminSettings }) {
  if (saved.mode === 'zoom') return null;
  return (
    <Notice color="yellow" title="The Zoom sandbox is in use">
      No Zoom credentials are configured, so Convene runs its built-in Zoom emulation: meetings created now
      exist only there, and nobody can really join them. Save the credentials of your Zoom app below: Convene
      switches to real Zoom at once, no restart needed.
    </Notice>
  );
}

/**
 * Mantine's error red (red-6, 3.3:1 on white) is below WCAG AA for the error texts under inputs; this page's
 * inputs use red-9 (5.2:1) in the light scheme. Worth moving into the theme for every form.
 */
function readableErrors(scheme: 'light' | 'dark'): React.CSSProperties {
  const color = scheme === 'light' ? 'var(--mantine-color-red-9)' : 'var(--mantine-color-red-5)';
  return { '--mantine-color-error': color } as React.CSSProperties;
}

function ZoomSettingsFormView({ saved }: { saved: ZoomAdminSettings }) {
  const update = useUpdateZoomSettings();
  const [formError, setFormError] = useState<string>();
  const form = useForm<ZoomSettingsForm>({ initialValues: formValuesFrom(saved), validate: validateForm });
  const values = form.getValues();
  const scheme = useComputedColorScheme('light');
  const authOptions = useAuthOptions();

  const submit = form.onSubmit(
    async (v) => {
      setFormError(undefined);
      try {
        const next = await update.mutateAsync(requestFrom(v));
        form.setInitialValues(formValuesFrom(next));
        form.setValues(formValuesFrom(next));
        notifications.show({ color: 'green', message: 'The Zoom settings are saved.' });
      } catch (err) {
        setFormError(showApiError(form, err));
      }
    },
    () => setFormError('Some settings need correcting: see the fields marked below.'),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Zoom settings" style={readableErrors(scheme)}>
      <Stack gap="lg">
        <ModeNotice saved={saved} />
        <FormError message={formError} />
        <CredentialsSection form={form} saved={saved} />

        <SettingsSection
          title="Who may use Zoom"
          description="Administrators may always create and manage Zoom rooms."
        >
          <Radio.Group
            label="Who may create Zoom rooms"
            description="In the events they manage."
            value={values.creatorsRestricted ? 'listed' : 'everyone'}
            onChange={(v) => form.setFieldValue('creatorsRestricted', v === 'listed')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="everyone" label="Everyone who is logged in" />
              <Radio value="listed" label="Only the users listed below" />
            </Stack>
          </Radio.Group>
          {values.creatorsRestricted && (
            <UserPicker
              label="Users who may create Zoom rooms"
              value={values.creatorIds}
              onChange={(ids) => form.setFieldValue('creatorIds', ids)}
              knownUsers={saved.users}
              error={form.errors.creatorIds}
            />
          )}
          <UserPicker
            label="Zoom room managers"
            description="May manage every Zoom room on this server, and see them all."
            value={values.managerIds}
            onChange={(ids) => form.setFieldValue('managerIds', ids)}
            knownUsers={saved.users}
            error={form.errors.managerIds}
          />
        </SettingsSection>

        <SettingsSection
          title="Finding people’s Zoom accounts"
          description="A meeting’s host must have a Zoom account; Convene asks Zoom about these e-mail addresses, in order."
        >
          <Radio.Group label="Look up" {...form.getInputProps('userLookupMode')}>
            <Stack gap="xs" mt="xs">
              <Radio value="all_emails" label="All of a person’s e-mail addresses, primary first" />
              <Radio value="email_domains" label="Only their e-mail addresses in the domains listed below" />
              <Radio
                value="username_at_domain"
                label="Their username at the enterprise domain"
                description="The username their identity provider gives (chosen below), or else the part before @ of their primary e-mail address: ada@example.org becomes ada@<enterprise domain>."
              />
            </Stack>
          </Radio.Group>
          {values.userLookupMode === 'email_domains' && (
            <TagsInput
              label="E-mail domains of the Zoom account"
              description="Press Enter after each domain, e.g. example.org."
              {...form.getInputProps('emailDomains')}
            />
          )}
          {values.userLookupMode === 'username_at_domain' && (
            <TextInput
              label="Enterprise domain"
              placeholder="example.org"
              {...form.getInputProps('enterpriseDomain')}
            />
          )}
          {values.userLookupMode === 'username_at_domain' &&
            (authOptions.data?.providers.length ?? 0) > 0 && (
              <NativeSelect
                label="Username from"
                description="People without an identity at this provider are looked up by the part before @ of their primary e-mail address."
                data={[
                  { value: '', label: 'The part before @ of the primary e-mail address' },
                  ...(authOptions.data?.providers ?? []).map((p) => ({
                    value: p.id,
                    label: `The username ${p.name} gives`,
                  })),
                ]}
                {...form.getInputProps('usernameProvider')}
              />
            )}
        </SettingsSection>

        <SettingsSection
          title="Meetings"
          description="Defaults of the room form; organisers may change them per room."
        >
          <Switch
            label="Allow webinars"
            description="Offer webinars besides regular meetings (the host needs a webinar licence)."
            {...form.getInputProps('allowWebinars', { type: 'checkbox' })}
          />
          <NumberInput
            label="Length of generated passcodes"
            description={`Digits, ${ZOOM_PASSCODE_LENGTH.min} to ${ZOOM_PASSCODE_LENGTH.max}.`}
            min={ZOOM_PASSCODE_LENGTH.min}
            max={ZOOM_PASSCODE_LENGTH.max}
            allowDecimal={false}
            maw={320}
            {...form.getInputProps('passcodeLength')}
          />
          <Stack gap="sm">
            <Text fw={500} size="sm">
              Advanced settings of new rooms
            </Text>
            <Switch
              label="Mute participants on entry"
              {...form.getInputProps('muteAudio', { type: 'checkbox' })}
            />
            <Switch label="Host video off" {...form.getInputProps('muteHostVideo', { type: 'checkbox' })} />
            <Switch
              label="Participant video off"
              {...form.getInputProps('muteParticipantVideo', { type: 'checkbox' })}
            />
            <Switch
              label="Participants may join before the host"
              description="Zoom ignores it while the waiting room is on."
              {...form.getInputProps('joinBeforeHost', { type: 'checkbox' })}
            />
            <Switch label="Waiting room" {...form.getInputProps('waitingRoom', { type: 'checkbox' })} />
          </Stack>
          <Switch
            label="E-mail hosts their start link"
            description="When a meeting is created for them. The link expires after two hours."
            {...form.getInputProps('sendHostUrl', { type: 'checkbox' })}
          />
          <TextInput
            label="Join-by-phone help page"
            description="Optional: a page explaining how to join Zoom meetings by phone, shown with each room."
            placeholder="https://"
            type="url"
            {...form.getInputProps('phoneLink')}
          />
        </SettingsSection>

        <Group>
          <Button type="submit" loading={update.isPending}>
            Save settings
          </Button>
          {form.isDirty() && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
