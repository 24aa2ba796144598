/**
 * Where to go after sign-in: only a path on this site, never /login itself nor an API.
 *
 * `next` is resolved the way a browser resolves a Location header — `new URL(next, origin)`, which drops
 * tabs and line breaks, reads `\` as `/`, decodes dot segments — and accepted only when the origin is
 * unchanged. What is returned is the resolved path + search + hash (percent-encoded by the URL parser),
 * so the browser cannot read it differently (e.g. `/.//host` resolves to the path `//host`, which a browser
 * would take as another host: refused too). Anything else → `/`.
 */
const BASE = new URL('http://this-site.invalid');

export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE.origin || url.username !== '' || url.password !== '') return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The path must read back as the same path on this site: not "//host", not "/\host".
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (new URL(path, BASE).origin !== BASE.origin) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/login/') || url.pathname === '/api' || url.pathname.startsWith('/api/')) return '/';
  return path;
}
