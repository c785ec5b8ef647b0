// Pages of the account lifecycle: sign-up and its confirmation, password reset, accepting an invitation.
// The links in the e-mails open the confirmation pages; a button spends the link (never the page load, so
// that a mail scanner opening the link does not use it up).
import {
  Alert,
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../contracts/auth';
import { InvitationAccept, PasswordResetRequest, SignupRequest } from '../../../contracts/identity';
import { FormError } from '../../components/form-error';
import { errorMessage } from '../../lib/api';
import { applyApiError, zodValidate } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import {
  useAcceptInvitation,
  useConfirmPasswordReset,
  useConfirmSignup,
  useRequestPasswordReset,
  useSignup,
} from '../api/account-lifecycle';
import { useAuthOptions } from '../api/get-auth-options';

function AccountPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Container size={480} py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1}>{title}</Title>
          {intro && (
            <Text c="dimmed" mt="xs">
              {intro}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Container>
  );
}

function Sent({ message }: { message: string }) {
  return (
    <Alert color="green" title="E-mail sent" role="status">
      {message}
    </Alert>
  );
}

export function SignupPage() {
  const options = useAuthOptions();
  const signup = useSignup();
  const [formError, setFormError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const form = useForm({
    initialValues: { name: '', affiliation: '', email: '', password: '' },
    validate: zodValidate(SignupRequest),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      setSent((await signup.mutateAsync(values)).message);
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });
  if (options.data && !options.data.signup)
    return (
      <AccountPage title="Create an account">
        <Alert color="gray">
          Creating an account is turned off here: ask an administrator for an invitation.
        </Alert>
      </AccountPage>
    );
  return (
    <AccountPage title="Create an account" intro="We will send a link to your e-mail address to confirm it.">
      {sent ? (
        <Sent message={sent} />
      ) : (
        <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Create an account">
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
            <Button type="submit" loading={signup.isPending}>
              Create account
            </Button>
          </Stack>
        </Paper>
      )}
    </AccountPage>
  );
}

export function SignupConfirmPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const confirm = useConfirmSignup();
  const token = params.get('token') ?? '';
  return (
    <AccountPage title="Confirm your account" intro="Your address is confirmed once you create the account.">
      {confirm.isError && (
        <Alert color="red" role="alert" title="The account was not created">
          {errorMessage(confirm.error)}
        </Alert>
      )}
      <Button
        loading={confirm.isPending}
        onClick={() => confirm.mutate(token, { onSuccess: () => navigate('/', { replace: true }) })}
      >
        Create my account
      </Button>
    </AccountPage>
  );
}

export function PasswordResetPage() {
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const form = useForm({ initialValues: { email: '' }, validate: zodValidate(PasswordResetRequest) });
  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      setSent((await request.mutateAsync(values)).message);
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });
  return (
    <AccountPage title="Reset your password" intro="We will send a link to choose a new password.">
      {sent ? (
        <Sent message={sent} />
      ) : (
        <Paper
          withBorder
          p="lg"
          component="form"
          onSubmit={submit}
          noValidate
          aria-label="Reset your password"
        >
          <Stack>
            <FormError message={formError} />
            <TextInput
              label="E-mail address"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              Send the link
            </Button>
          </Stack>
        </Paper>
      )}
    </AccountPage>
  );
}

export function PasswordResetConfirmPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { password: '' },
    validate: (v) =>
      v.password.length < PASSWORD_MIN_LENGTH
        ? { password: `Must be at least ${PASSWORD_MIN_LENGTH} characters` }
        : {},
  });
  const submit = form.onSubmit(async ({ password }) => {
    setFormError(undefined);
    try {
      await confirm.mutateAsync({ token: params.get('token') ?? '', password });
      navigate('/', { replace: true });
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });
  return (
    <AccountPage title="Choose a new password" intro="Your other sessions end when you save it.">
      <Paper
        withBorder
        p="lg"
        component="form"
        onSubmit={submit}
        noValidate
        aria-label="Choose a new password"
      >
        <Stack>
          <FormError message={formError} />
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={confirm.isPending}>
            Save and log in
          </Button>
          <Anchor component={Link} to="/password-reset" size="sm">
            Ask for a new link
          </Anchor>
        </Stack>
      </Paper>
    </AccountPage>
  );
}

export function InvitationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const [formError, setFormError] = useState<string>();
  const token = params.get('token') ?? '';
  const form = useForm({
    initialValues: { token, name: '', affiliation: '', password: '' },
    validate: zodValidate(InvitationAccept),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      await accept.mutateAsync(values);
      navigate('/', { replace: true });
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });
  return (
    <AccountPage
      title="Create your account"
      intro="You were invited to Convene: choose your name and password."
    >
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Create your account">
        <Stack>
          <FormError message={formError ?? form.errors.token?.toString()} />
          <TextInput label="Full name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label="Affiliation" autoComplete="organization" {...form.getInputProps('affiliation')} />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={accept.isPending}>
            Create account
          </Button>
        </Stack>
      </Paper>
    </AccountPage>
  );
}
