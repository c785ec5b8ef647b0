import { Button, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type AdminUser, CreateUserRequest, PASSWORD_MIN_LENGTH } from '../../../contracts/auth';
import { FormError } from '../../components/form-error';
import { applyApiError, zodValidate } from '../../lib/forms';
import { useCreateUser } from '../api/create-user';

export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: AdminUser) => void;
  onCancel: () => void;
}) {
  const create = useCreateUser();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { name: '', affiliation: '', email: '', password: '', isAdmin: false },
    validate: zodValidate(CreateUserRequest),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      onCreated(await create.mutateAsync(values));
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="New user">
      <Stack>
        <FormError message={formError} />
        <TextInput label="Full name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Affiliation" {...form.getInputProps('affiliation')} />
        <TextInput label="E-mail address" type="email" required {...form.getInputProps('email')} />
        <PasswordInput
          label="Initial password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters; tell it to the person, who can change it`}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <Checkbox label="Administrator" {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
