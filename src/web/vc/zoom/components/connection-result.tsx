import { Code, List, Stack, Text } from '@mantine/core';
import type { TestZoomConnectionResult } from '../../../../contracts/vc-zoom';
import { Notice } from './notice';

/** What "Test connection" found: the API URL and scopes, what is missing, or why it failed. */
export function ConnectionResult({ result }: { result: TestZoomConnectionResult }) {
  const where = result.target === 'sandbox' ? 'the Zoom sandbox' : 'Zoom';
  if (!result.ok)
    return (
      <Notice color="red" role="alert" title={`Could not connect to ${where}`}>
        {result.message}
      </Notice>
    );
  const missing = result.missingScopes;
  return (
    <Stack gap="sm" role="status">
      <Notice color="green" title={`Connected to ${where}`}>
        <Text size="sm">
          A new access token was issued. API URL: <Code>{result.apiUrl}</Code>; {result.scopes.length} scopes
          granted.
        </Text>
      </Notice>
      {missing.length > 0 && (
        <Notice color="yellow" title="The Zoom app lacks some scopes">
          <Text size="sm" mb="xs">
            Add these scopes to the Server-to-Server OAuth app in the Zoom Marketplace, then test again:
          </Text>
          <List size="sm" spacing={4}>
            {missing.map((m) => (
              <List.Item key={m.scope + m.purpose}>
                <Code>{m.scope}</Code> — to {m.purpose}
              </List.Item>
            ))}
          </List>
        </Notice>
      )}
    </Stack>
  );
}
