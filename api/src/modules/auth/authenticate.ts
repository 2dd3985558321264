// Turns request headers into a Principal. Never throws for bad credentials: a refused token
// yields an anonymous principal that carries the reason, so public operations (signIn) still
// work and the first protected field explains why the caller is not signed in.
import type { PrismaClient, Role } from '@lianjian/db';
import type { ApiConfig } from '../../shared/config.js';
import { isPrivileged, type Principal } from '../../shared/principal.js';
import { parseApiKey, SESSION_PREFIX, sameHash, sha256 } from './tokens.js';

/** lastSeenAt/lastUsedAt are refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Notes a session's lastSeenAt or a key's lastUsedAt, at most once a TOUCH_INTERVAL_MS, without
 * waiting for it (a failed touch never fails the read). Apollo's path and the compiled reads both call it.
 */
export function touchCredential(prisma: PrismaClient, kind: 'account' | 'partner', id: string, seen: Date | null, now: Date): void {
  if (seen && now.getTime() - seen.getTime() <= TOUCH_INTERVAL_MS) return;
  const touched =
    kind === 'account'
      ? prisma.session.update({ where: { id }, data: { lastSeenAt: now } })
      : prisma.apiKey.update({ where: { id }, data: { lastUsedAt: now } });
  void touched.catch(() => undefined);
}

export interface Credentials {
  bearer: string | null;
  apiKey: string | null;
}

export function credentialsFromHeaders(headers: { get(name: string): string | null | undefined }): Credentials {
  const auth = headers.get('authorization');
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return { bearer: m ? m[1]! : auth ? auth : null, apiKey: headers.get('x-api-key')?.trim() || null };
}

// Every request checks its credentials afresh (revocation, expiry and disabling take effect on
// the next request), so the check is one joined query rather than Prisma's `include`, which
// runs one query per relation: on a busy database each round trip waits for a backend.
interface SessionRow {
  id: string;
  second_factor_at: Date | null;
  expires_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
  account_id: string;
  username: string;
  display_name: string;
  role: Role;
  scope_unit_id: string;
  member_id: string | null;
  disabled_at: Date | null;
  scope_path: string;
}

async function sessionRow(prisma: PrismaClient, tokenHash: Uint8Array): Promise<SessionRow | null> {
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id::text, s.second_factor_at, s.expires_at, s.last_seen_at, s.revoked_at,
           a.id::text AS account_id, a.username, a.display_name, a.role::text AS role, a.scope_unit_id::text,
           a.member_id::text, a.disabled_at, u.path AS scope_path
      FROM session s
      JOIN account a ON a.id = s.account_id
      JOIN org_unit u ON u.id = a.scope_unit_id
     WHERE s.token_hash = ${tokenHash}`;
  return rows[0] ?? null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  key_hash: Uint8Array;
  scopes: string[];
  unit_id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  unit_path: string;
}

async function apiKeyRow(prisma: PrismaClient, prefix: string): Promise<ApiKeyRow | null> {
  const rows = await prisma.$queryRaw<ApiKeyRow[]>`
    SELECT k.id::text, k.name, k.key_hash, k.scopes, k.unit_id::text, k.expires_at, k.revoked_at, k.last_used_at, u.path AS unit_path
      FROM api_key k
      JOIN org_unit u ON u.id = k.unit_id
     WHERE k.prefix = ${prefix}`;
  return rows[0] ?? null;
}

const refused = (message: string, messageZh: string): Principal => ({ kind: 'anonymous', refused: { message, messageZh } });

export async function authenticate(prisma: PrismaClient, config: ApiConfig, creds: Credentials): Promise<Principal> {
  if (creds.bearer && creds.apiKey) {
    return refused('Send either a session token or an API key, not both.', '会话令牌与 API 密钥只能二选一。');
  }
  if (creds.bearer) return sessionPrincipal(prisma, config, creds.bearer);
  if (creds.apiKey) return apiKeyPrincipal(prisma, config, creds.apiKey);
  return { kind: 'anonymous' };
}

async function sessionPrincipal(prisma: PrismaClient, config: ApiConfig, token: string): Promise<Principal> {
  if (!token.startsWith(SESSION_PREFIX)) {
    return refused('The Authorization header does not hold a Lianjian session token ("Bearer ljs_…").', 'Authorization 头中不是有效的会话令牌（应为 "Bearer ljs_…"）。');
  }
  const session = await sessionRow(prisma, sha256(token));
  const now = config.now();
  if (!session) return refused('This session token is not valid — sign in again.', '会话令牌无效，请重新登录。');
  if (session.revoked_at) return refused('This session was signed out or revoked — sign in again.', '该会话已退出或被撤销，请重新登录。');
  if (session.expires_at <= now) return refused('This session has expired — sign in again.', '会话已过期，请重新登录。');
  if (session.disabled_at) return refused('This account is disabled — contact an administrator.', '该账号已停用，请联系管理员。');
  if (isPrivileged(session.role) && !session.second_factor_at) {
    return refused('This token is a sign-in challenge: complete verifyTotp first.', '该令牌仅用于二次验证，请先完成 verifyTotp。');
  }
  touchCredential(prisma, 'account', session.id, session.last_seen_at, now);
  return {
    kind: 'account',
    accountId: session.account_id,
    username: session.username,
    displayName: session.display_name,
    role: session.role,
    scopeUnitId: session.scope_unit_id,
    scopePath: session.scope_path,
    memberId: session.member_id,
    sessionId: session.id,
  };
}

async function apiKeyPrincipal(prisma: PrismaClient, config: ApiConfig, key: string): Promise<Principal> {
  const parsed = parseApiKey(key);
  const invalid = refused('This API key is not valid.', 'API 密钥无效。');
  if (!parsed) return invalid;
  const row = await apiKeyRow(prisma, parsed.prefix);
  if (!row || !sameHash(row.key_hash, sha256(key))) return invalid;
  const now = config.now();
  if (row.revoked_at) return refused('This API key was revoked.', '该 API 密钥已被撤销。');
  if (row.expires_at && row.expires_at <= now) return refused('This API key has expired.', '该 API 密钥已过期。');
  touchCredential(prisma, 'partner', row.id, row.last_used_at, now);
  return { kind: 'partner', apiKeyId: row.id, name: row.name, scopes: new Set(row.scopes), unitId: row.unit_id, unitPath: row.unit_path };
}
