import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Speaker, SpeakerInput } from '../../../../contracts/events';
import { UserPickOne } from '../../components/user-picker';

/** A speaker in the form: a Convene user (userId) or a name with an optional e-mail address. */
export interface SpeakerDraft {
  key: string;
  userId?: number;
  name: string;
  email: string;
}

let nextKey = 0;
const newKey = () => `s${++nextKey}`;

export const speakerDrafts = (speakers: Speaker[]): SpeakerDraft[] =>
  speakers.map((s) => ({ key: newKey(), userId: s.userId ?? undefined, name: s.name, email: s.email ?? '' }));

/** What the API takes: a user by id (the server fills in name and e-mail), else the name and e-mail. */
export const speakerInputs = (drafts: SpeakerDraft[]): SpeakerInput[] =>
  drafts.map((d) =>
    d.userId !== undefined
      ? { userId: d.userId }
      : { name: d.name.trim(), ...(d.email.trim() ? { email: d.email.trim() } : {}) },
  );

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SpeakersInput({
  value,
  onChange,
  error,
}: {
  value: SpeakerDraft[];
  onChange: (speakers: SpeakerDraft[]) => void;
  error?: string;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [nameError, setNameError] = useState<string>();

  const addByName = () => {
    if (!name.trim()) return setNameError('Enter the speaker’s name');
    if (email.trim() && !EMAIL.test(email.trim())) return setNameError('The e-mail address looks wrong');
    onChange([...value, { key: newKey(), name: name.trim(), email: email.trim() }]);
    setName('');
    setEmail('');
    setNameError(undefined);
  };

  return (
    <Fieldset legend="Speakers">
      <Stack gap="sm">
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            No speakers yet.
          </Text>
        ) : (
          <Stack component="ul" gap={6} className="plain-list" aria-label="Speakers">
            {value.map((s) => (
              <Group component="li" key={s.key} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {s.name}
                  {s.email && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      ({s.email})
                    </Text>
                  )}
                  {s.userId !== undefined && (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      · user
                    </Text>
                  )}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove speaker ${s.name}`}
                  onClick={() => onChange(value.filter((v) => v.key !== s.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <UserPickOne
          label="Add a Convene user"
          exclude={value.flatMap((s) => (s.userId !== undefined ? [s.userId] : []))}
          onPick={(u) =>
            onChange([...value, { key: newKey(), userId: u.id, name: u.name, email: u.email ?? '' }])
          }
        />
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label="Or a speaker’s name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
            style={{ flex: 2, minWidth: 160 }}
          />
          <TextInput
            label="E-mail (optional)"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            style={{ flex: 2, minWidth: 160 }}
          />
          <Button variant="default" onClick={addByName}>
            Add speaker
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
