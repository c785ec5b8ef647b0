import { Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../../contracts/auth';
import { FormError } from '../../components/form-error';
import { applyApiError, zodValidate } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentUser } from '../api/get-session';
import { useLogin } from '../api/login';
import { safeNext } from '../safe-next';

export function LoginPage() {
  usePageTitle('Log in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const user = useCurrentUser();
  const login = useLogin();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: zodValidate(LoginRequest),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      await login.mutateAsync(values);
      navigate(next, { replace: true });
    } catch (err) {
      setFormError(applyApiError(form, err));
      form.setFieldValue('password', '');
    }
  });

  // Already logged in (e.g. the back button): go where the login would have led.
  if (user && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  return (
    <Container size={440} py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1}>Log in</Title>
          <Text c="dimmed" mt="xs">
            Use any e-mail address of your Convene account.
          </Text>
        </div>
        <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Log in">
          <Stack>
            <FormError message={formError} />
            <TextInput
              label="E-mail address"
              type="email"
              autoComplete="username"
              required
              data-autofocus
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending}>
              Log in
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
