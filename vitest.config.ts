import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Node loads graphql's CommonJS build for our dependencies (Pothos, Apollo); Vite would
  // pick the .mjs one for our code, and graphql refuses to meet a second copy of itself.
  graphql: path.resolve(import.meta.dirname, 'node_modules/graphql/index.js'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'lib/**/*.test.ts',
            'graphql/**/*.test.ts',
            'scripts/**/*.test.ts',
            'sdk/src/**/*.test.ts',
            'components/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          // One embedded Postgres for the run, a fresh database per test file.
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
