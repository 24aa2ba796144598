// Runs before every page: a fresh CSP nonce per request (Next puts it on its own scripts when it finds
// the policy on the request), and the requested path for the sign-in redirect. The session and role
// checks are NOT here: every page, action and route handler checks them itself on the server. Only a
// request with no session cookie at all is sent to /login here, so it gets a real 307 (pages stream,
// and a redirect decided while rendering arrives after the 200 status line).
import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/http/security-headers';

const PUBLIC_PATHS = ['/login', '/api/', '/_next/'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPage = request.method === 'GET' && !PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(p)) && !pathname.includes('.');
  if (isPage && !request.headers.has('authorization') && !getSessionCookie(request, { cookiePrefix: 'pim' })) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(login, 307);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  requestHeaders.set('x-pathname', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
