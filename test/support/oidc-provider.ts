// A real OpenID Provider for tests: the certified `oidc-provider` package on a loopback port, with its own
// signing keys, its own users and its own login and consent pages (its development interactions: any
// password is accepted for a known login). Used by integration tests and by the e2e global setup.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestIdpUser {
  /** The login typed on the provider's page, and the subject of the identity. */
  login: string;
  claims: Record<string, unknown>;
}

export interface TestIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface TestIdp {
  issuer: string;
  /**
   * Rewrites the claims of the next ID tokens the token endpoint issues (signed again with the provider's
   * own key), to produce what a misbehaving or hostile provider would send. undefined: tokens as issued.
   */
  tamperIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  /** Replaces the provider's signing key (key rotation): tokens are signed with a key of a new kid. */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

async function signingKey(kid: string): Promise<{ jwk: JWK; privateKey: CryptoKey }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { jwk, privateKey };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startTestIdp(opts: {
  users: TestIdpUser[];
  clients: TestIdpClient[];
  port?: number;
}): Promise<TestIdp> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  const port = await listen(server, opts.port ?? 0);
  const issuer = `http://127.0.0.1:${port}`;
  const users = new Map(opts.users.map((u) => [u.login, u]));
  let key = await signingKey('key-1');
  let generation = 1;

  const build = (jwk: JWK) => {
    const provider = new Provider(issuer, {
      clients: opts.clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: c.redirectUris,
        post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      })),
      jwks: { keys: [jwk] },
      cookies: { keys: ['test-idp-cookie-key-0123456789'] },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'given_name', 'family_name', 'preferred_username', 'affiliation'],
      },
      findAccount: (_ctx, id) => {
        const user = users.get(id);
        if (!user) return undefined;
        return { accountId: id, claims: async () => ({ sub: id, ...user.claims }) };
      },
      features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
      pkce: { required: () => true },
    });
    // The token endpoint's answer, with the ID token re-signed after tamperIdToken changed its claims.
    provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
      await next();
      const tamper = idp.tamperIdToken;
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (!tamper || ctx.path !== '/token' || typeof body?.id_token !== 'string') return;
      const payload = JSON.parse(Buffer.from(body.id_token.split('.')[1] ?? '', 'base64url').toString());
      body.id_token = await new SignJWT(tamper(payload))
        .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid ?? '', typ: 'JWT' })
        .sign(key.privateKey);
    });
    return provider;
  };

  handler = build(key.jwk).callback();
  const idp: TestIdp = {
    issuer,
    tamperIdToken: undefined,
    async rotateKeys() {
      generation += 1;
      key = await signingKey(`key-${generation}`);
      handler = build(key.jwk).callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return idp;
}

/**
 * A browser's part of a login at the test provider, over HTTP: follows the redirects from the app's
 * authorization URL, fills the provider's login form and confirms its consent page, and returns the URL
 * the provider sends the browser back to (the app's callback, with code and state), without calling it.
 */
export class IdpBrowser {
  private cookies = new Map<string, string>();

  private async go(url: string, init: { method?: string; body?: URLSearchParams } = {}) {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.body ? { body: init.body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects within the provider; stops at a page (200) or at a redirect leaving it. */
  private async follow(start: string, init: { method?: string; body?: URLSearchParams } = {}) {
    let url = start;
    let res = await this.go(url, init);
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      const next = new URL(res.headers.get('location') ?? '', url).toString();
      if (new URL(next).origin !== new URL(start).origin) return { url: next, res, left: true };
      url = next;
      res = await this.go(url);
    }
    return { url, res, left: false };
  }

  private static formAction(html: string, pageUrl: string): string {
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page:\n${html.slice(0, 500)}`);
    return new URL(action.replaceAll('&amp;', '&'), pageUrl).toString();
  }

  /** Logs in as `login` (and consents); returns the URL the provider redirects back to. */
  async logIn(authorizationUrl: string, login: string): Promise<string> {
    let step = await this.follow(authorizationUrl);
    for (let pages = 0; pages < 4 && !step.left; pages++) {
      const html = await step.res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      const body = new URLSearchParams({ prompt: prompt ?? '' });
      if (prompt === 'login') {
        body.set('login', login);
        body.set('password', 'any password');
      }
      step = await this.follow(IdpBrowser.formAction(html, step.url), { method: 'POST', body });
    }
    if (!step.left) throw new Error(`the provider did not redirect back (status ${step.res.status})`);
    return step.url;
  }

  /** Opens the provider's login page and clicks its "Cancel" link; returns the URL it redirects back to. */
  async cancel(authorizationUrl: string): Promise<string> {
    const step = await this.follow(authorizationUrl);
    const html = await step.res.text();
    const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
    if (!abort) throw new Error('no cancel link on the provider’s page');
    const back = await this.follow(new URL(abort, step.url).toString());
    if (!back.left) throw new Error('the provider did not redirect back after cancelling');
    return back.url;
  }
}
