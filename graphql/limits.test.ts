import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from './context';
import { Loaders } from './loaders';

// The limits come from the environment, read once when the server is built.
process.env.GRAPHQL_MAX_DEPTH = '4';
process.env.GRAPHQL_MAX_COMPLEXITY = '20';
const { createApolloServer } = await import('./server');

const Node: GraphQLObjectType = new GraphQLObjectType({
  name: 'Node',
  fields: (): GraphQLFieldConfigMap<unknown, unknown> => ({
    name: { type: GraphQLString, resolve: () => 'n' },
    child: { type: Node, resolve: () => ({}) },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { root: { type: Node, resolve: () => ({}) } },
  }),
});
const server = createApolloServer(schema);
const context: GraphQLContext = {
  actor: { kind: 'anonymous' },
  loaders: new Loaders(),
  requestId: 't',
};

async function run(query: string) {
  const response = await server.executeOperation({ query }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status ?? 200, result: response.body.singleResult };
}

const nested = (depth: number) =>
  `{ root ${'{ child '.repeat(depth)}{ name }${' }'.repeat(depth)} }`;

describe('query limits', () => {
  it('accepts a query within the depth limit', async () => {
    const { status, result } = await run(nested(2));
    expect(result.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('rejects a query nested deeper than GRAPHQL_MAX_DEPTH with 400', async () => {
    const { status, result } = await run(nested(8));
    expect(status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 4/);
    expect(result.data).toBeUndefined();
  });

  it('rejects a query costlier than GRAPHQL_MAX_COMPLEXITY with 400', async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: root { name }`).join(' ');
    const { status, result } = await run(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/exceeds the limit of 20/);
  });
});
