import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { InvitationRequest } from '../../../contracts/identity';
import { FormError } from '../../components/form-error';
import { applyApiError, zodValidate } from '../../lib/forms';
import { useInvite } from '../api/identity-admin';

/** Invites someone by e-mail: they choose their name and password through the link they receive. */
export function InviteForm({
  onCancel,
  onSent,
}: {
  onCancel: () => void;
  onSent: (message: string) => void;
}) {
  const invite = useInvite();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { email: '', isAdmin: false },
    validate: zodValidate(InvitationRequest),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      onSent((await invite.mutateAsync(values)).message);
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Invite someone">
      <Stack>
        <FormError message={formError} />
        <TextInput
          label="E-mail address"
          type="email"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <Checkbox label="Administrator" {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
