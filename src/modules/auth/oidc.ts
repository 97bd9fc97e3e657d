/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce).
 *
 * The flow's secrets (state, nonce, PKCE verifier) travel in a short-lived HttpOnly cookie that is
 * encrypted and authenticated (AES-256-GCM, key derived from the client secret): any app server
 * sharing the configuration can finish a flow another one started, and nothing is kept in memory.
 * After the provider answers, the user is found by `oidc_subject`, linked once by
 * `preferred_username`, or (when enabled) provisioned as a viewer; then a normal session opens.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Db, Executor } from '../../db';
import { writeAudit } from './audit';
import { createSession, deleteSession } from './sessions';
import * as users from './users.repository';

export interface OidcConfig {
  /** The provider's issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * The registered callback, from configuration only: built from a request's Host header, a
   * forged Host would send the provider's answer elsewhere.
   */
  redirectUri: string;
  /** Create unknown users as viewers instead of refusing them. */
  provision?: boolean;
  /** Tenant slug the users belong to; default the first tenant. */
  tenant?: string;
}

/** How long a started login may take at the provider before its cookie is refused. */
export const flowLifetimeMs = 10 * 60 * 1000;

/** What the callback needs to check the provider's answer. */
export interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  expiresAt: number;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A provider client: discovery once (retried after a failure), flow cookie sealing. */
export class OidcClient {
  private discovered: Promise<client.Configuration> | null = null;
  private readonly key: Buffer;

  constructor(readonly config: OidcConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.clientSecret, 'shixiao-oidc', 'flow cookie v1', 32));
  }

  /** The provider's metadata; plain http is accepted only for a provider on this machine (tests). */
  configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const url = new URL(this.config.issuer);
      const insecure = url.protocol === 'http:' && loopback.has(url.hostname);
      this.discovered = client
        // client_secret_basic: the spec's default token endpoint authentication.
        .discovery(url, this.config.clientId, undefined, client.ClientSecretBasic(this.config.clientSecret), {
          execute: insecure ? [client.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((error: unknown) => {
          this.discovered = null;
          throw error;
        });
    }
    return this.discovered;
  }

  /** Starts a login: the provider URL to redirect to and the sealed flow cookie value. */
  async start(now: Date): Promise<{ url: string; cookie: string }> {
    const config = await this.configuration();
    const flow: FlowState = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      redirectUri: this.config.redirectUri,
      expiresAt: now.getTime() + flowLifetimeMs,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: flow.redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, cookie: this.seal(flow) };
  }

  /** Encrypts and authenticates the flow state (base64url of iv | tag | ciphertext). */
  seal(flow: FlowState): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The flow state of a cookie, or null when it is missing, forged, or expired. */
  open(value: string | null | undefined, now: Date): FlowState | null {
    if (!value || value.length > 4096) return null;
    try {
      const raw = Buffer.from(value, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const flow = JSON.parse(text) as FlowState;
      return flow.expiresAt > now.getTime() ? flow : null;
    } catch {
      return null;
    }
  }
}

/** Claims the login uses, from the ID token and the UserInfo endpoint. */
export interface OidcClaims {
  sub: string;
  preferred_username?: string;
  name?: string;
}

/** Exchanges the code (checking state, nonce, PKCE and issuer) and returns the user's claims. */
export async function exchangeCode(oidc: OidcClient, flow: FlowState, query: string): Promise<OidcClaims> {
  const config = await oidc.configuration();
  // The token request's redirect_uri is this URL without its query: the registered one, whatever
  // Host the browser used.
  const current = new URL(flow.redirectUri);
  current.search = query;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('no ID token');
  let claims: Record<string, unknown> = { ...idClaims };
  // Providers often keep profile claims out of the ID token when an access token is issued.
  if (typeof claims.preferred_username !== 'string' && tokens.access_token) {
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...info, ...claims };
  }
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
  return { sub: idClaims.sub, preferred_username: text(claims.preferred_username), name: text(claims.name) };
}

/** A login refused after the provider answered: the reason goes to the audit log only. */
export class OidcLoginError extends Error {}

/**
 * The user of these claims: by subject, else by user name once (recording the subject), else a new
 * viewer when provisioning is on. Throws OidcLoginError otherwise.
 */
export async function resolveOidcUser(
  db: Db,
  p: { tenantId: number; claims: OidcClaims; provision: boolean; now: Date; address: string | null },
): Promise<number> {
  const k = db.kysely;
  const bySubject = await k
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('oidc_subject', '=', p.claims.sub)
    .executeTakeFirst();
  const name = p.claims.preferred_username;
  const byName = bySubject ?? (name ? await users.findUserByName(k, p.tenantId, name) : undefined);
  if (byName) {
    if (byName.disabled) throw new OidcLoginError('user disabled');
    if (byName.oidc_subject === p.claims.sub) return byName.id;
    // A name already linked to another subject is not taken over by a second identity.
    if (byName.oidc_subject !== null) throw new OidcLoginError('user name linked to another subject');
    // Linking by name trusts the provider's user names: never for an administrator, whose
    // account would otherwise be taken by anyone the provider calls "admin".
    const grants = await users.rolesOf(k, p.tenantId, byName.id);
    if (grants.includes('admin')) throw new OidcLoginError('administrators are not linked by user name');
    await k
      .updateTable('users')
      .set({ oidc_subject: p.claims.sub, updated_at: p.now.toISOString() })
      .where('id', '=', byName.id)
      .where('oidc_subject', 'is', null)
      .execute();
    await auditSignOn(
      k,
      p,
      'user.oidc_link',
      byName.id,
      { oidc_subject: p.claims.sub },
      'first single sign-on by user name',
    );
    return byName.id;
  }
  if (!p.provision) throw new OidcLoginError('unknown user (provisioning off)');
  if (!name || name.length > 80) throw new OidcLoginError('no usable preferred_username to provision');
  return provisionViewer(db, { ...p, username: name });
}

/** A change single sign-on makes to a user by itself, with no one acting: audited as the system's. */
function auditSignOn(
  k: Executor,
  p: { tenantId: number; now: Date; address: string | null },
  action: string,
  userId: number,
  after: unknown,
  reason: string,
): Promise<void> {
  return writeAudit(k, {
    tenantId: p.tenantId,
    actor: { kind: 'system' },
    action,
    objectType: 'user',
    objectId: userId,
    after,
    reason,
    sourceIp: p.address,
    outcome: 'success',
    at: p.now,
  });
}

async function provisionViewer(
  db: Db,
  p: { tenantId: number; claims: OidcClaims; username: string; now: Date; address: string | null },
): Promise<number> {
  const now = p.now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const userId = await users.insertUser(trx, {
      tenantId: p.tenantId,
      username: p.username,
      displayName: p.claims.name ?? null,
      passwordHash: null,
      oidcSubject: p.claims.sub,
      now,
    });
    await trx
      .insertInto('role_grants')
      .values({ tenant_id: p.tenantId, user_id: userId, role: 'viewer' })
      .execute();
    const after = { username: p.username, roles: ['viewer'], oidc_subject: p.claims.sub };
    await auditSignOn(trx, p, 'user.create', userId, after, 'single sign-on provisioning');
    return userId;
  });
}

/** Opens the session of an SSO login: the previous session dies (rotation), the login is audited. */
export async function openOidcSession(
  db: Db,
  p: {
    tenantId: number;
    userId: number;
    label: string;
    previousToken: string | null;
    address: string | null;
    now: Date;
  },
) {
  const k = db.kysely;
  if (p.previousToken) await deleteSession(k, p.previousToken);
  const session = await createSession(k, { tenantId: p.tenantId, userId: p.userId, now: p.now });
  await writeAudit(k, {
    tenantId: p.tenantId,
    actor: { kind: 'anonymous' },
    label: p.label.slice(0, 80),
    action: 'auth.login',
    objectType: 'user',
    objectId: p.userId,
    reason: 'oidc',
    sourceIp: p.address,
    outcome: 'success',
    at: p.now,
  });
  return session;
}
