// Runs the sandbox on its own: npm run zoom-sandbox -- --port 9999 --users users.json
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildZoomSandbox } from './index';
import type { PlanName, SandboxCredentials, SandboxUserSeed } from './types';
import { userSeedFileSchema } from './user-store';

const HELP = `Convene Zoom sandbox: an offline emulation of the Zoom API slice Convene uses.

Options:
  --port <n>             Port to listen on (default 9999)
  --host <addr>          Address to bind (default 127.0.0.1)
  --public-url <url>     Base of join/start URLs and api_url (default http://localhost:<port>)
  --users <file.json>    Users to seed: an array of seeds or {"users": [...]}
  --account-id <id>      S2S app account id (default sandbox-account)
  --client-id <id>       S2S app client id (default sandbox-client-id)
  --client-secret <s>    S2S app client secret (default sandbox-client-secret)
  --webhook-url <url>    Where to send webhooks (needs --webhook-secret)
  --webhook-secret <s>   Secret token that signs webhooks
  --plan <free|pro|business>  Rate-limit plan (default pro)
  --test-controls        Serve /_sandbox/* controls
  --help                 Show this help`;

const DEFAULT_USERS: SandboxUserSeed[] = [
  { email: 'owner@example.com', firstName: 'Olivia', lastName: 'Owner', role: 'Owner', webinar: true },
  { email: 'host@example.com', firstName: 'Hugo', lastName: 'Host' },
  { email: 'basic@example.com', firstName: 'Bea', lastName: 'Basic', type: 1 },
];

function fail(message: string): never {
  console.error(`zoom-sandbox: ${message}`);
  process.exit(2);
}

function readUsers(file: string): SandboxUserSeed[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = userSeedFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not a list of users'}`);
  }
  return parsed.data;
}

const PLANS: readonly PlanName[] = ['free', 'pro', 'business'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9999' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
      users: { type: 'string' },
      'account-id': { type: 'string', default: 'sandbox-account' },
      'client-id': { type: 'string', default: 'sandbox-client-id' },
      'client-secret': { type: 'string', default: 'sandbox-client-secret' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      plan: { type: 'string', default: 'pro' },
      'test-controls': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number');
  const plan = PLANS.find((p) => p === values.plan);
  if (!plan) fail('--plan must be free, pro or business');
  if (values['webhook-url'] && !values['webhook-secret']) fail('--webhook-url needs --webhook-secret');
  const credentials: SandboxCredentials = {
    accountId: values['account-id'],
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
  };
  const publicUrl = values['public-url'] ?? `http://localhost:${port}`;
  const app = await buildZoomSandbox({
    publicUrl,
    credentials,
    plan,
    testControls: values['test-controls'],
    users: values.users ? readUsers(values.users) : DEFAULT_USERS,
    webhook:
      values['webhook-url'] && values['webhook-secret']
        ? { url: values['webhook-url'], secretToken: values['webhook-secret'] }
        : undefined,
    fastify: { logger: { level: 'warn' } },
  });
  await app.listen({ port, host: values.host });
  console.log(`Zoom sandbox listening on ${publicUrl}`);
  console.log(`  token URL:  ${publicUrl}/oauth/token`);
  console.log(`  API base:   ${publicUrl}/v2`);
  console.log(`  account id: ${credentials.accountId}`);
  console.log(`  client id:  ${credentials.clientId}`);
  console.log(`  secret:     ${credentials.clientSecret}`);
  if (values['test-controls']) console.log(`  controls:   ${publicUrl}/_sandbox/state`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
