import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type PrismaTypes from '@/generated/pothos-types';
import { getDatamodel } from '@/generated/pothos-types';
import { getPrisma } from '@/lib/db/prisma';
import type { GraphQLContext } from './context';

/**
 * The code-first schema builder. Each domain adds its types in graphql/<domain>/types.ts;
 * graphql/schema.ts imports them all. Resolvers stay thin: parse, call one service, map.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  prisma: {
    // A function, so the client (and its pool) is created on the first query, not at import.
    client: () => getPrisma(),
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
});

builder.queryType({});
builder.mutationType({});
