// Turns request headers into a Principal. Never throws for bad credentials: a refused token
// yields an anonymous principal that carries the reason, so public operations (signIn) still
// work and the first protected field explains why the caller is not signed in.
import type { PrismaClient } from '@lianjian/db';
import type { ApiConfig } from '../config.js';
import { isPrivileged, type Principal } from './principal.js';
import { parseApiKey, SESSION_PREFIX, sameHash, sha256 } from './tokens.js';

/** lastSeenAt/lastUsedAt are refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface Credentials {
  bearer: string | null;
  apiKey: string | null;
}

export function credentialsFromHeaders(headers: { get(name: string): string | null | undefined }): Credentials {
  const auth = headers.get('authorization');
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return { bearer: m ? m[1]! : auth ? auth : null, apiKey: headers.get('x-api-key')?.trim() || null };
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
  const session = await prisma.session.findUnique({
    where: { tokenHash: sha256(token) },
    include: { account: { include: { scopeUnit: { select: { path: true } } } } },
  });
  const now = config.now();
  if (!session) return refused('This session token is not valid — sign in again.', '会话令牌无效，请重新登录。');
  if (session.revokedAt) return refused('This session was signed out or revoked — sign in again.', '该会话已退出或被撤销，请重新登录。');
  if (session.expiresAt <= now) return refused('This session has expired — sign in again.', '会话已过期，请重新登录。');
  const { account } = session;
  if (account.disabledAt) return refused('This account is disabled — contact an administrator.', '该账号已停用，请联系管理员。');
  if (isPrivileged(account.role) && !session.secondFactorAt) {
    return refused('This token is a sign-in challenge: complete verifyTotp first.', '该令牌仅用于二次验证，请先完成 verifyTotp。');
  }
  if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    void prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } }).catch(() => undefined);
  }
  return {
    kind: 'account',
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scopeUnitId: account.scopeUnitId,
    scopePath: account.scopeUnit.path,
    memberId: account.memberId,
    sessionId: session.id,
  };
}

async function apiKeyPrincipal(prisma: PrismaClient, config: ApiConfig, key: string): Promise<Principal> {
  const parsed = parseApiKey(key);
  const invalid = refused('This API key is not valid.', 'API 密钥无效。');
  if (!parsed) return invalid;
  const row = await prisma.apiKey.findUnique({ where: { prefix: parsed.prefix }, include: { unit: { select: { path: true } } } });
  if (!row || !sameHash(row.keyHash, sha256(key))) return invalid;
  const now = config.now();
  if (row.revokedAt) return refused('This API key was revoked.', '该 API 密钥已被撤销。');
  if (row.expiresAt && row.expiresAt <= now) return refused('This API key has expired.', '该 API 密钥已过期。');
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    void prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  }
  return { kind: 'partner', apiKeyId: row.id, name: row.name, scopes: new Set(row.scopes), unitId: row.unitId, unitPath: row.unit.path };
}
