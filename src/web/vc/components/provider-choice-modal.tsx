import { Group, Modal, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { VcProviderInfo } from '../../../contracts/vc';
import { ProviderLogo } from './provider-logo';

/** The choice of provider, when more than one is available to this user. */
export function ProviderChoiceModal({
  purpose,
  providers,
  onChoose,
  onClose,
}: {
  purpose: 'create' | 'attach' | undefined;
  providers: VcProviderInfo[];
  onChoose: (provider: VcProviderInfo) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={purpose !== undefined} onClose={onClose} title="Choose a videoconference service" centered>
      <Stack gap="sm">
        <Text size="sm">
          {purpose === 'create'
            ? 'These services are available. Choose the one to create the videoconference with:'
            : 'These services are available. Choose the one whose existing videoconference to add:'}
        </Text>
        {providers.map((p) => (
          <UnstyledButton key={p.name} onClick={() => onChoose(p)}>
            <Paper withBorder p="sm" radius="md">
              <Group wrap="nowrap">
                <ProviderLogo provider={p} size={32} />
                <Stack gap={0}>
                  <Text fw={600}>{p.displayName}</Text>
                  <Text size="sm" c="dimmed">
                    {p.description}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </Stack>
    </Modal>
  );
}
