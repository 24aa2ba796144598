/**
 * Preloaded into the Next server process (`node --import scripts/client-address.mjs`, see
 * `nextServerCommand` in scripts/next-server.ts): stamps every incoming HTTP request with the address of
 * the TCP peer, in a header the client cannot forge because it is overwritten on every request before
 * Next sees it. Next itself only fills X-Forwarded-For when the client sent none, so without this a
 * client could choose the address that sign-in throttling counts (lib/auth/sign-in.ts, clientAddress).
 * Behind a reverse proxy the peer is the proxy: set TRUST_PROXY=1 and the right-most X-Forwarded-For
 * entry is used instead.
 */
import { subscribe } from 'node:diagnostics_channel';

export const CLIENT_ADDRESS_HEADER = 'x-pim-client-address';

subscribe('http.server.request.start', ({ request, socket }) => {
  request.headers[CLIENT_ADDRESS_HEADER] = socket?.remoteAddress ?? '';
});
// Tells the app, in this process only, that the header above is trustworthy.
process.env.PIM_CLIENT_ADDRESS_STAMPED = '1';
