// Host ("Myself" or "Someone else", checked by the server as it is chosen) and alternative hosts.
import { Radio, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { UserSummary } from '../../../../contracts/auth';
import type { ZoomHostCheck } from '../../../../contracts/vc-zoom';
import { useCurrentUser } from '../../../auth/api/get-session';
import type { ProviderFieldsProps } from '../../providers';
import { zoomUserCheckQuery } from '../api/get-room-helpers';
import { UserPicker } from '../components/user-picker';
import { UserSelect } from '../components/user-select';
import { HostCheckResult } from './host-check';
import { type HostChoice, hostChoiceOf, readZoomForm } from './values';

export interface HostCheckState {
  data: ZoomHostCheck | undefined;
  pending: boolean;
  error: unknown;
}

export function HostField({
  form,
  disabled,
  context,
  users,
  check,
}: ProviderFieldsProps & { users: UserSummary[]; check: HostCheckState }) {
  const me = useCurrentUser();
  const values = form.getValues();
  const choice = hostChoiceOf(values, me?.id, context.mode);
  const { hostUserId } = readZoomForm(values.form);
  const serverError = form.errors['form.hostUserId'];
  // The server's error on save wins; else the host check's "has no Zoom account".
  const error = serverError ?? check.data?.message ?? undefined;
  const choose = (next: string) => {
    const c: HostChoice = next === 'someone' ? 'someone' : 'myself';
    // Create: null is "the person saving the form"; Edit: null keeps the host, so Myself names me.
    const myself = context.mode === 'edit' ? (me?.id ?? null) : null;
    const v = form.getValues();
    // One update: a second setFieldValue in the same event would start from the values before the first.
    form.setValues({
      providerState: { ...v.providerState, hostChoice: c },
      form: c === 'myself' ? { ...v.form, hostUserId: myself } : v.form,
    });
    form.clearFieldError('form.hostUserId');
  };
  return (
    <Stack gap={6}>
      <Radio.Group
        label="Host"
        description="In Zoom the same host cannot start several meetings in parallel."
        value={choice}
        onChange={choose}
        error={choice === 'myself' ? error : undefined}
      >
        <Stack gap={6} mt="xs">
          <Radio value="myself" label={me ? `Myself (${me.name})` : 'Myself'} disabled={disabled} />
          <Radio value="someone" label="Someone else" disabled={disabled} />
        </Stack>
      </Radio.Group>
      {choice === 'someone' && (
        <UserSelect
          label="Host user"
          description={
            context.mode === 'edit' && hostUserId === null
              ? 'The current host has no account on Convene: leave this empty to keep them.'
              : undefined
          }
          value={hostUserId}
          onChange={(id) => {
            form.setFieldValue('form.hostUserId', id);
            form.clearFieldError('form.hostUserId');
          }}
          knownUsers={users}
          error={error}
          disabled={disabled}
        />
      )}
      {(choice === 'myself' || hostUserId !== null) && (
        <HostCheckResult
          check={check.data}
          pending={check.pending}
          error={check.error}
          timezone={context.timezone}
        />
      )}
    </Stack>
  );
}

export function AlternativeHostsField({
  form,
  disabled,
  context,
  users,
}: ProviderFieldsProps & { users: UserSummary[] }) {
  const { alternativeHostIds } = readZoomForm(form.getValues().form);
  // Each chosen user is checked as they are added, so that a missing Zoom account shows before Save.
  const checks = useQueries({
    queries: alternativeHostIds.map((id) => zoomUserCheckQuery(context.eventId, id)),
  });
  const problems = checks.flatMap((c) => (c.data?.message ? [c.data.message] : []));
  const serverError = form.errors['form.alternativeHostIds'];
  return (
    <Stack gap={4}>
      <UserPicker
        label="Alternative hosts"
        description="They may start the meeting too. Each needs a Zoom account."
        value={alternativeHostIds}
        onChange={(ids) => {
          form.setFieldValue('form.alternativeHostIds', ids);
          form.clearFieldError('form.alternativeHostIds');
        }}
        knownUsers={users}
        error={serverError ?? (problems.length ? problems.join(' ') : undefined)}
        disabled={disabled}
      />
      {checks.some((c) => c.isPending) && (
        <Text size="xs" c="dimmed" aria-live="polite">
          Checking their Zoom accounts…
        </Text>
      )}
    </Stack>
  );
}
