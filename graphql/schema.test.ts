import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from './schema';

it('graphql/schema.graphql matches the code-first schema (run `npm run generate` after changing types)', async () => {
  const committed = await readFile(new URL('./schema.graphql', import.meta.url), 'utf8');
  expect(committed).toBe(`${printSchema(schema)}\n`);
});
