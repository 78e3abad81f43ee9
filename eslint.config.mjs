import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'generated/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'sdk/dist/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      // DESIGN.md §2 rule 5: configuration is read once, in lib/env.ts.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through getEnv() from lib/env.ts.',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Entry points that legitimately pass the environment on (to child processes, the test runner, Prisma's CLI).
    files: [
      'lib/env.ts',
      'scripts/**',
      'tests/**',
      '**/*.test.ts',
      'prisma.config.ts',
      'playwright.config.ts',
      'vitest.config.ts',
      'sdk/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
