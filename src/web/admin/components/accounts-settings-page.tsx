import { Alert, Button, Center, Loader, Stack, Switch, TagsInput, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type AuthAdminSettings, AuthSettingsValues } from '../../../contracts/identity';
import { FormError } from '../../components/form-error';
import { Section } from '../../components/section';
import { applyApiError, zodValidate } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { useAuthSettings, useUpdateAuthSettings } from '../api/identity-admin';

/** Administration → Sign-up and log-in: passwords beside single sign-on, self sign-up and its domains. */
export function AccountsSettingsPage() {
  usePageTitle('Sign-up and log-in');
  const settings = useAuthSettings();
  return (
    <Stack py="md" gap="lg">
      <Title order={1}>Sign-up and log-in</Title>
      {settings.isPending && (
        <Center py="xl">
          <Loader aria-label="Loading the settings" />
        </Center>
      )}
      {settings.isError && (
        <Alert color="red" role="alert" title="The settings could not be loaded">
          {settings.error.message}
        </Alert>
      )}
      {settings.data && <SettingsForm saved={settings.data} />}
    </Stack>
  );
}

function SettingsForm({ saved }: { saved: AuthAdminSettings }) {
  const update = useUpdateAuthSettings();
  const [formError, setFormError] = useState<string>();
  const form = useForm({ initialValues: saved.settings, validate: zodValidate(AuthSettingsValues) });
  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      await update.mutateAsync(values);
      notifications.show({ color: 'green', message: 'The settings are saved.' });
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Sign-up and log-in settings">
      <Stack gap="lg" maw={720}>
        <FormError message={formError} />
        <Section
          title="Single sign-on"
          description={
            saved.providers.length > 0
              ? `People can log in with ${saved.providers.map((p) => p.name).join(', ')} (set by OIDC_PROVIDERS).`
              : 'No identity provider is configured (OIDC_PROVIDERS): everybody logs in with a password.'
          }
        >
          <Switch
            label="Allow passwords beside single sign-on"
            description="When off, only administrators may still log in with a password, so that a broken provider cannot lock everybody out."
            disabled={saved.providers.length === 0}
            {...form.getInputProps('localPasswords', { type: 'checkbox' })}
          />
        </Section>
        <Section
          title="Creating accounts"
          description="Administrators can always invite people from the Users page."
        >
          <Switch
            label="People may create their own account"
            description="They confirm their e-mail address through a link before the account exists."
            {...form.getInputProps('signupEnabled', { type: 'checkbox' })}
          />
          <TagsInput
            label="Only from these e-mail domains"
            description="Leave empty to accept any address. Press Enter after each domain, e.g. example.org."
            {...form.getInputProps('signupDomains')}
          />
          {!saved.mailDelivers && (
            <Text size="sm" c="dimmed">
              No SMTP server is configured (SMTP_URL): e-mails are kept in the outbox and nobody receives the
              links.
            </Text>
          )}
        </Section>
        <div>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </div>
      </Stack>
    </form>
  );
}
