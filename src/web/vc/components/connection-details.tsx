// The connection details a provider lets this viewer see, rendered the same way for every provider.
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  type ButtonProps,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import type { DetailItem, VcDetails } from '../../../contracts/vc';
import { webProvider } from '../providers';

/**
 * A link into this server (a path, such as a provider's route that starts the meeting for its host) is
 * something to do, not an address to read or copy: it shows as a button beside Join, named by its label.
 */
const isActionItem = (item: DetailItem) =>
  item.kind === 'url' && item.value.startsWith('/') && !item.value.startsWith('//');

export function DetailActions({ details, size = 'sm' }: { details: VcDetails; size?: ButtonProps['size'] }) {
  const actions = [...details.items, ...details.sections.flatMap((s) => s.items)].filter(isActionItem);
  return actions.map((item) => (
    <Button
      key={item.value}
      component="a"
      href={item.value}
      target="_blank"
      rel="noopener"
      variant="light"
      size={size}
    >
      {item.label}
    </Button>
  ));
}

// Inline icons: the app ships no icon font, and a Unicode glyph may be missing from the system's fonts.
const CopyIcon = () => (
  <svg
    width="14"
    height="14"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden="true"
  >
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h10" />
  </svg>
);
const CheckIcon = () => (
  <svg
    width="14"
    height="14"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden="true"
  >
    <path d="M5 12l5 5 9-10" />
  </svg>
);

function SecretValue({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" ff="monospace">
        {shown ? value : '••••••'}
      </Text>
      <Anchor component="button" type="button" size="xs" onClick={() => setShown((s) => !s)}>
        {shown ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
      </Anchor>
    </Group>
  );
}

function ItemValue({ item }: { item: DetailItem }) {
  if (item.kind === 'secret') return <SecretValue value={item.value} label={item.label} />;
  if (item.kind === 'url')
    return (
      <Anchor
        href={item.value}
        target="_blank"
        rel="noreferrer noopener"
        size="sm"
        style={{ wordBreak: 'break-all' }}
      >
        {item.value}
      </Anchor>
    );
  if (item.kind === 'phone')
    return (
      <Anchor href={`tel:${item.value.replace(/\s+/g, '')}`} size="sm">
        {item.value}
      </Anchor>
    );
  return (
    <Text size="sm" style={{ wordBreak: 'break-word' }}>
      {item.value}
    </Text>
  );
}

function Items({ items: all, label }: { items: DetailItem[]; label: string }) {
  const items = all.filter((item) => !isActionItem(item));
  if (!items.length) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" aria-label={label}>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={`${item.label}:${item.value}`}>
            <Table.Th w={150} fw={500} c="dimmed" fz="sm">
              {item.label}
            </Table.Th>
            <Table.Td>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <ItemValue item={item} />
                {item.copyable && (
                  <CopyButton value={item.value}>
                    {({ copied, copy }) => (
                      <Tooltip label={copied ? 'Copied' : `Copy ${item.label.toLowerCase()}`} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color={copied ? 'teal' : 'gray'}
                          onClick={copy}
                          aria-label={`Copy ${item.label.toLowerCase()}`}
                          size="sm"
                        >
                          {copied ? <CheckIcon /> : <CopyIcon />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </CopyButton>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DetailBadges({ details, provider }: { details: VcDetails; provider: string }) {
  if (!details.badges.length) return null;
  const colors = webProvider(provider).badgeColors ?? {};
  return (
    <Group gap={4}>
      {details.badges.map((b) => {
        const color = colors[b];
        return color ? (
          <Badge key={b} variant="filled" color={color} size="sm">
            {b}
          </Badge>
        ) : (
          <Badge key={b} variant="light" color="gray" size="sm">
            {b}
          </Badge>
        );
      })}
    </Group>
  );
}

/** `headingLevel`: one below the page's heading above the card (h2 on a management page, h3 on the event's). */
export function ConnectionDetails({
  details,
  roomName,
  headingLevel,
}: {
  details: VcDetails;
  roomName: string;
  headingLevel: 2 | 3;
}) {
  return (
    <Stack gap="xs">
      <Items items={details.items} label={`Connection details of ${roomName}`} />
      {details.sections
        .filter((section) => section.items.some((item) => !isActionItem(item)))
        .map((section) => (
          <Stack key={section.title} gap={2}>
            <Title order={headingLevel} fz="sm">
              {section.title}
            </Title>
            <Items items={section.items} label={`${section.title}: ${roomName}`} />
          </Stack>
        ))}
    </Stack>
  );
}
