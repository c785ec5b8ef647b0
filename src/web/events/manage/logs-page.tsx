import { Alert, Badge, Code, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LogEntry, LogKind } from '../../../contracts/events';
import { ScrollTable } from '../../components/scroll-table';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useEventLog } from '../api/get-event-log';
import { PageLoader } from '../components/load-states';
import type { ManagePageProps } from '../extension-slots';
import { browserTimezone, formatDate, formatTime } from '../lib/time';

const KIND: Record<LogKind, { label: string; color: string }> = {
  added: { label: 'Added', color: 'green' },
  changed: { label: 'Changed', color: 'blue' },
  removed: { label: 'Removed', color: 'red' },
  other: { label: 'Other', color: 'gray' },
};

const ALL = '';

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields an entry changed, with their values before and after. */
function Changes({ entry }: { entry: LogEntry }) {
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (fields.length === 0) return null;
  return (
    <details>
      <summary>
        <Text span size="sm">
          {entry.before && entry.after ? 'Before and after' : 'Details'}
        </Text>
      </summary>
      <Table withTableBorder mt={6} fz="xs" aria-label={`Changes: ${entry.summary}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f) => (
            <Table.Tr key={f}>
              <Table.Td>{f}</Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {show(entry.before?.[f])}
                </Code>
              </Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {show(entry.after?.[f])}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}

/** Who changed what and when, newest first, filtered by the module that wrote the entry. */
export function LogsPage({ event }: ManagePageProps) {
  usePageTitle(`Logs · ${event.title}`);
  const [module, setModule] = useState(ALL);
  const [page, setPage] = useState(1);
  const log = useEventLog(event.id, module || undefined, page);
  const data = log.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const zone = browserTimezone();

  return (
    <Stack gap="md">
      <Title order={1}>Logs</Title>
      <Group align="flex-end" justify="space-between">
        <Select
          label="Module"
          data={[
            { value: ALL, label: 'All modules' },
            ...(data?.modules ?? []).map((m) => ({ value: m, label: m })),
          ]}
          value={module}
          onChange={(v) => {
            setModule(v ?? ALL);
            setPage(1);
          }}
          allowDeselect={false}
          w={240}
        />
        <Text size="sm" c="dimmed">
          Times in {zone}
        </Text>
      </Group>
      {log.isPending && <PageLoader />}
      {log.isError && (
        <Alert color="red" role="alert" title="The log could not be loaded">
          {errorMessage(log.error)}
        </Alert>
      )}
      {data && (
        <>
          <ScrollTable label="Log entries" minWidth={640}>
            <Table verticalSpacing="sm" striped aria-label="Log entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      <Text size="sm">{formatDate(entry.at, zone)}</Text>
                      <Text size="sm" c="dimmed">
                        {formatTime(entry.at, zone)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      {entry.actor?.name ?? 'Convene (automatic)'}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Group gap="xs">
                          <Badge variant="light" color={KIND[entry.kind].color}>
                            {KIND[entry.kind].label}
                          </Badge>
                          <Badge variant="outline" color="gray">
                            {entry.module}
                          </Badge>
                        </Group>
                        <Text size="sm">{entry.summary}</Text>
                        <Changes entry={entry} />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {data.items.length === 0 && <Text>No entries{module ? ` from ${module}` : ''}.</Text>}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              aria-label="Pages of the log"
            />
          )}
        </>
      )}
    </Stack>
  );
}
