import {
  Alert,
  Anchor,
  Button,
  Container,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../../contracts/auth';
import { SSO_ERRORS, type SsoErrorCode } from '../../../contracts/identity';
import { FormError } from '../../components/form-error';
import { applyApiError, zodValidate } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { useAuthOptions } from '../api/get-auth-options';
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
  const options = useAuthOptions();
  const providers = options.data?.providers ?? [];
  const ssoError = params.get('sso_error');
  const ssoProvider = providers.find((p) => p.id === params.get('provider'));
  const ssoMessage =
    ssoError && ssoError in SSO_ERRORS
      ? SSO_ERRORS[ssoError as SsoErrorCode].replace(/^The identity provider|the identity provider/, (m) =>
          ssoProvider ? ssoProvider.name : m,
        )
      : ssoError
        ? SSO_ERRORS.failed
        : undefined;
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
            {providers.length > 0
              ? 'Log in through your institute, or with any e-mail address and the password of your Convene account.'
              : 'Use any e-mail address of your Convene account.'}
          </Text>
        </div>
        {ssoMessage && (
          <Alert color="red" role="alert" title="You are not logged in">
            {ssoMessage}
          </Alert>
        )}
        {providers.length > 0 && (
          <Stack gap="xs">
            {providers.map((p) => (
              <Button
                key={p.id}
                component="a"
                href={`/api/auth/oidc/${encodeURIComponent(p.id)}/login?next=${encodeURIComponent(next)}`}
                variant="filled"
                size="md"
              >
                Log in with {p.name}
              </Button>
            ))}
            <Divider
              label={options.data?.localPasswords ? 'or with a password' : 'administrators: with a password'}
              labelPosition="center"
            />
          </Stack>
        )}
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
            <Button
              type="submit"
              variant={providers.length > 0 ? 'default' : 'filled'}
              loading={login.isPending}
            >
              Log in
            </Button>
          </Stack>
        </Paper>
        {options.data?.localPasswords && (
          <Group justify="space-between">
            <Anchor component={Link} to="/password-reset" size="sm">
              Forgot your password?
            </Anchor>
            {options.data.signup && (
              <Anchor component={Link} to="/signup" size="sm">
                Create an account
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
    </Container>
  );
}
