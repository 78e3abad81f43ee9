/** `npm run generate`: prints the code-first schema to graphql/schema.graphql (committed; a test checks drift). */
import { writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema';

await writeFile('graphql/schema.graphql', `${printSchema(schema)}\n`);
console.log('• Wrote graphql/schema.graphql');
