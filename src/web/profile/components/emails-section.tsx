import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AddEmailRequest, type Profile, type ProfileEmail } from '../../../contracts/auth';
import { FormError } from '../../components/form-error';
import { Section } from '../../components/section';
import { errorMessage } from '../../lib/api';
import { applyApiError, zodValidate } from '../../lib/forms';
import { useAddEmail } from '../api/add-email';
import { useMakeEmailPrimary } from '../api/make-email-primary';
import { useRemoveEmail } from '../api/remove-email';

function EmailRow({ email }: { email: ProfileEmail }) {
  const makePrimary = useMakeEmailPrimary();
  const remove = useRemoveEmail();
  const fail = (title: string) => (err: unknown) =>
    notifications.show({ color: 'red', title, message: errorMessage(err) });

  const confirmRemove = () =>
    modals.openConfirmModal({
      title: 'Remove this e-mail address?',
      children: <Text size="sm">You will no longer be able to log in with {email.email}.</Text>,
      labels: { confirm: 'Remove', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(email.id, { onError: fail('Could not remove the e-mail address') }),
    });

  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs">
          <Text size="sm">{email.email}</Text>
          {email.isPrimary && (
            <Badge variant="light" size="sm">
              Primary
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {!email.isPrimary && (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              loading={makePrimary.isPending}
              aria-label={`Make primary: ${email.email}`}
              onClick={() =>
                makePrimary.mutate(email.id, { onError: fail('Could not change the primary address') })
              }
            >
              Make primary
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              aria-label={`Remove ${email.email}`}
              onClick={confirmRemove}
            >
              Remove
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function EmailsSection({ profile }: { profile: Profile }) {
  const add = useAddEmail();
  const [formError, setFormError] = useState<string>();
  const form = useForm({ initialValues: { email: '' }, validate: zodValidate(AddEmailRequest) });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      await add.mutateAsync(values);
      form.reset();
      notifications.show({ color: 'green', message: 'The e-mail address is added.' });
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });

  return (
    <Section
      title="E-mail addresses"
      description="You can log in with any of them. Messages from Convene go to the primary one."
    >
      <Table verticalSpacing="xs" aria-label="Your e-mail addresses">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Address</Table.Th>
            <Table.Th ta="right">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profile.emails.map((email) => (
            <EmailRow key={email.id} email={email} />
          ))}
        </Table.Tbody>
      </Table>
      <form onSubmit={submit} noValidate aria-label="Add an e-mail address">
        <Stack gap="xs">
          <FormError message={formError} />
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              label="New e-mail address"
              type="email"
              autoComplete="email"
              style={{ flex: 1 }}
              {...form.getInputProps('email')}
            />
            <Button type="submit" mt={25} loading={add.isPending}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
