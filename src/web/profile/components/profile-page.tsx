import { Alert, Center, Loader, Stack, Title } from '@mantine/core';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useProfile } from '../api/get-profile';
import { DetailsSection } from './details-section';
import { EmailsSection } from './emails-section';
import { PasswordSection } from './password-section';

export function ProfilePage() {
  usePageTitle('Profile');
  const profile = useProfile();
  return (
    <Stack py="md" gap="lg" maw={720}>
      <Title order={1}>Profile</Title>
      {profile.isPending && (
        <Center py="xl">
          <Loader role="status" aria-label="Loading your profile" />
        </Center>
      )}
      {profile.isError && (
        <Alert color="red" role="alert" title="Your profile could not be loaded">
          {errorMessage(profile.error)}
        </Alert>
      )}
      {profile.data && (
        <>
          <DetailsSection profile={profile.data} />
          <EmailsSection profile={profile.data} />
          <PasswordSection />
        </>
      )}
    </Stack>
  );
}
