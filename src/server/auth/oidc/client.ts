// The edge to OpenID Providers, through the certified `openid-client`: discovery (cached per provider),
// the authorization URL (code flow with PKCE, state and nonce), the code exchange with every check of the
// ID token (signature, issuer, audience, nonce, expiry), the userinfo claims and RP-initiated logout.
import * as oidc from 'openid-client';
import type { OidcProviderConfig } from '../../config';

/** Every call to a provider gives up after this long: a provider that hangs is a provider that is down. */
const TIMEOUT_SECONDS = 10;
/** Accepted difference between our clock and the provider's when checking iat/exp/nbf. */
const CLOCK_TOLERANCE_SECONDS = 60;

export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedLogin {
  /** The ID token's claims, completed by the userinfo endpoint's (which may not change `sub`). */
  claims: Record<string, unknown>;
  issuer: string;
  subject: string;
}

export class OidcClients {
  private readonly configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(private readonly redirectUri: (provider: OidcProviderConfig) => string) {}

  /**
   * The provider's configuration from its discovery document. A failed discovery is not kept, so the next
   * login tries again; a successful one is, and openid-client refetches the provider's keys when an ID token
   * names a key it has not seen (key rotation).
   */
  private configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    const cached = this.configs.get(provider.id);
    if (cached) return cached;
    const issuer = new URL(provider.issuer);
    const loading = oidc.discovery(
      issuer,
      provider.clientId,
      { client_secret: provider.clientSecret, [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
      oidc.ClientSecretBasic(provider.clientSecret),
      {
        timeout: TIMEOUT_SECONDS,
        // Plain http is accepted for loopback issuers only (config.ts refuses it elsewhere).
        ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    );
    this.configs.set(provider.id, loading);
    loading.catch(() => this.configs.delete(provider.id));
    return loading;
  }

  /** A fresh state, nonce and PKCE verifier, and the provider's authorization URL carrying them. */
  async startLogin(provider: OidcProviderConfig): Promise<{ url: string; checks: LoginChecks }> {
    const config = await this.configuration(provider);
    const checks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(provider),
      scope: provider.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.toString(), checks };
  }

  /** Checks the provider's answer and exchanges its code; throws openid-client's errors as they are. */
  async finishLogin(
    provider: OidcProviderConfig,
    callbackUrl: URL,
    checks: LoginChecks,
  ): Promise<VerifiedLogin> {
    const config = await this.configuration(provider);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the token response has no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    if (config.serverMetadata().userinfo_endpoint) {
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...userinfo, ...idClaims };
    }
    return { claims, issuer: idClaims.iss, subject: idClaims.sub };
  }

  /** Where to send the browser to end its session at the provider, when the provider offers it. */
  async endSessionUrl(provider: OidcProviderConfig, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.configuration(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri }).toString();
  }
}
