import { Button, Code, CopyButton, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type {
  TestZoomConnectionResult,
  ZoomAdminSettings,
  ZoomCredentialKey,
} from '../../../../contracts/vc-zoom';
import { FormError } from '../../../components/form-error';
import { Section as SettingsSection } from '../../../components/section';
import { useTestZoomConnection } from '../api/test-zoom-connection';
import { ConnectionResult } from './connection-result';
import { connectionTestFrom, showApiError, type ZoomSettingsForm } from './form-values';

const LABELS: Record<ZoomCredentialKey, string> = {
  accountId: 'Account ID',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  webhookSecret: 'Webhook secret token',
};

/** One write-only credential: never shown, replaced by typing, removable, locked when the environment sets it. */
function CredentialInput({
  name,
  form,
  saved,
}: {
  name: ZoomCredentialKey;
  form: UseFormReturnType<ZoomSettingsForm>;
  saved: ZoomAdminSettings;
}) {
  const state = saved.credentials[name];
  const removing = form.getValues().remove[name];
  const Input = name === 'clientSecret' || name === 'webhookSecret' ? PasswordInput : TextInput;
  let description: string;
  if (state.fromEnvironment) description = `Set by the environment (${state.envName}); change it there.`;
  else if (removing) description = 'Will be removed when you save.';
  else if (state.set) description = 'Saved. Leave empty to keep it, or type a new value to replace it.';
  else description = 'Not set.';
  return (
    <Group align="flex-end" wrap="nowrap" gap="xs">
      <Input
        style={{ flex: 1 }}
        label={LABELS[name]}
        description={description}
        placeholder={state.set ? '••••••••  (hidden)' : undefined}
        autoComplete="off"
        disabled={state.fromEnvironment || removing}
        {...form.getInputProps(`credentials.${name}`)}
      />
      {state.set && !state.fromEnvironment && (
        <Button
          variant="subtle"
          color={removing ? 'gray' : 'red'}
          onClick={() => {
            form.setFieldValue(`remove.${name}`, !removing);
            form.setFieldValue(`credentials.${name}`, '');
          }}
          aria-label={
            removing ? `Keep the ${LABELS[name].toLowerCase()}` : `Remove the ${LABELS[name].toLowerCase()}`
          }
        >
          {removing ? 'Keep' : 'Remove'}
        </Button>
      )}
    </Group>
  );
}

export function CredentialsSection({
  form,
  saved,
}: {
  form: UseFormReturnType<ZoomSettingsForm>;
  saved: ZoomAdminSettings;
}) {
  const test = useTestZoomConnection();
  const [result, setResult] = useState<TestZoomConnectionResult>();
  const [error, setError] = useState<string>();
  const runTest = async () => {
    setResult(undefined);
    setError(undefined);
    try {
      setResult(await test.mutateAsync(connectionTestFrom(form.getValues())));
    } catch (err) {
      setError(showApiError(form, err));
    }
  };

  return (
    <SettingsSection
      title="Zoom app credentials"
      description="From a Server-to-Server OAuth app in the Zoom Marketplace. They are never shown again once saved."
    >
      <Stack gap="sm">
        <CredentialInput name="accountId" form={form} saved={saved} />
        <CredentialInput name="clientId" form={form} saved={saved} />
        <CredentialInput name="clientSecret" form={form} saved={saved} />
      </Stack>
      <Group>
        <Button variant="default" onClick={() => void runTest()} loading={test.isPending}>
          Test connection
        </Button>
        <Text size="sm" c="dimmed">
          Uses the credentials typed above, or the saved ones
          {saved.mode === 'sandbox' ? ', or the sandbox' : ''}.
        </Text>
      </Group>
      <FormError message={error} />
      {result && <ConnectionResult result={result} />}
      <CredentialInput name="webhookSecret" form={form} saved={saved} />
      <Stack gap={4}>
        <Text size="sm">
          Event notification endpoint URL for the Zoom app (subscribe to meeting and webinar updated, deleted,
          started and ended):
        </Text>
        <Group gap="xs">
          {/* Wraps rather than scrolls: on a phone a scrolling box would need keyboard focus of its own. */}
          <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{saved.webhookUrl}</Code>
          <CopyButton value={saved.webhookUrl}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="subtle" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </SettingsSection>
  );
}
