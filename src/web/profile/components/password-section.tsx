import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ChangePasswordRequest, PASSWORD_MIN_LENGTH } from '../../../contracts/auth';
import { FormError } from '../../components/form-error';
import { Section } from '../../components/section';
import { applyApiError, zodValidate } from '../../lib/forms';
import { useChangePassword } from '../api/change-password';

export function PasswordSection() {
  const change = useChangePassword();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: zodValidate(ChangePasswordRequest),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      await change.mutateAsync(values);
      form.reset();
      notifications.show({
        color: 'green',
        message: 'Your password is changed. Your other sessions have been logged out.',
      });
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });

  return (
    <Section title="Password" description="Changing it logs you out everywhere else.">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack>
          <FormError message={formError} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
