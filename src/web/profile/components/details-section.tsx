import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type Profile, UpdateProfileRequest } from '../../../contracts/auth';
import { FormError } from '../../components/form-error';
import { Section } from '../../components/section';
import { applyApiError, zodValidate } from '../../lib/forms';
import { useUpdateProfile } from '../api/update-profile';

export function DetailsSection({ profile }: { profile: Profile }) {
  const update = useUpdateProfile();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { name: profile.name, affiliation: profile.affiliation },
    validate: zodValidate(UpdateProfileRequest),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      const saved = await update.mutateAsync(values);
      form.setInitialValues({ name: saved.name, affiliation: saved.affiliation });
      form.setValues({ name: saved.name, affiliation: saved.affiliation });
      notifications.show({ color: 'green', message: 'Your details are saved.' });
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });

  return (
    <Section title="Your details" description="How other people see you in events and user searches.">
      <form onSubmit={submit} noValidate aria-label="Your details">
        <Stack>
          <FormError message={formError} />
          <TextInput label="Full name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label="Affiliation" autoComplete="organization" {...form.getInputProps('affiliation')} />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
