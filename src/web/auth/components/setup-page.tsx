import { Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { PASSWORD_MIN_LENGTH, SetupRequest } from '../../../contracts/auth';
import { FormError } from '../../components/form-error';
import { applyApiError, zodValidate } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { useSetupAdministrator } from '../api/setup';

/** Shown instead of any page until the first account exists. */
export function SetupPage() {
  usePageTitle('Create the administrator account');
  const setup = useSetupAdministrator();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { name: '', affiliation: '', email: '', password: '' },
    validate: zodValidate(SetupRequest),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      await setup.mutateAsync(values);
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });

  return (
    <Container size={520} py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1}>Create the administrator account</Title>
          <Text c="dimmed" mt="xs">
            Welcome to Convene. This is the first start of this server: the account you create now manages
            users and settings. You will be logged in right away.
          </Text>
        </div>
        <Paper
          withBorder
          p="lg"
          component="form"
          onSubmit={submit}
          noValidate
          aria-label="Administrator account"
        >
          <Stack>
            <FormError message={formError} />
            <TextInput label="Full name" autoComplete="name" required {...form.getInputProps('name')} />
            <TextInput
              label="Affiliation"
              autoComplete="organization"
              {...form.getInputProps('affiliation')}
            />
            <TextInput
              label="E-mail address"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              description={`At least ${PASSWORD_MIN_LENGTH} characters`}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={setup.isPending}>
              Create account and log in
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
