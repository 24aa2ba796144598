// Route handlers: a session cookie or `Authorization: Bearer <token>`; 401/403 as JSON in Chinese;
// no error detail (stack, SQL) ever leaves the server.
import { findLiveApiToken } from '@/lib/data/api-tokens';
import { errorResponse } from '@/lib/http/errors';
import { hashApiToken } from './api-tokens';
import { AuthorizationError, REFUSAL_MESSAGES, type RefusalReason } from './errors';
import { can, TOKEN_PERMISSIONS, type Permission } from './permissions';
import { getSessionUser, type SessionUser } from './session';

/** A tool calling with an API token: read-only permissions only (TOKEN_PERMISSIONS). */
export interface ApiClient {
  kind: 'apiToken';
  tokenId: number;
  name: string;
}

export type ApiCaller = SessionUser | ApiClient;

export function isApiClient(caller: ApiCaller): caller is ApiClient {
  return 'kind' in caller && caller.kind === 'apiToken';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 401 / 403 in the API's one error body, { error: { status, message } }. */
export function refusalResponse(reason: RefusalReason): Response {
  const status = reason === 'unauthenticated' ? 401 : 403;
  return errorResponse(status, REFUSAL_MESSAGES[reason], reason === 'unauthenticated' ? { 'WWW-Authenticate': 'Bearer' } : {});
}

function internalErrorResponse(): Response {
  return errorResponse(500, '服务器内部错误，请稍后再试。');
}

/** A cookie-authenticated write must come from this site (SameSite=Lax already blocks most cross-site posts). */
function crossSiteWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function authenticate(request: Request, permission: Permission): Promise<ApiCaller> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const client = match ? await findLiveApiToken(hashApiToken(match[1]!)) : null;
    if (!client) throw new AuthorizationError('unauthenticated');
    if (!TOKEN_PERMISSIONS.includes(permission) || !SAFE_METHODS.has(request.method)) throw new AuthorizationError('forbidden');
    return { kind: 'apiToken', tokenId: client.id, name: client.name };
  }
  const user = await getSessionUser();
  if (!user) throw new AuthorizationError('unauthenticated');
  if (!can(user, permission)) throw new AuthorizationError('forbidden');
  if (crossSiteWrite(request)) throw new AuthorizationError('forbidden');
  return user;
}

export function withApiAuth<Context>(
  permission: Permission,
  handler: (request: Request, context: Context, caller: ApiCaller) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      const caller = await authenticate(request, permission);
      return await handler(request, context, caller);
    } catch (error) {
      if (error instanceof AuthorizationError) return refusalResponse(error.reason);
      console.error('[api]', request.method, new URL(request.url).pathname, error);
      return internalErrorResponse();
    }
  };
}
