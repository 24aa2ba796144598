import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. fields dropped from a copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { ignores: ['node_modules/**', '.next/**', 'lib/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
];

export default config;
