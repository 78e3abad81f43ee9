import { ApolloServer } from '@apollo/server';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import type { GraphQLContext } from './context';
import { Loaders } from './loaders';
import { createApolloServer } from './server';

// A schema of our own around the real server: resolvers that fail in each way we map.
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      forbidden: {
        type: GraphQLString,
        resolve: () => {
          throw AppError.forbidden('Only admins may do this');
        },
      },
      badInput: {
        type: GraphQLString,
        resolve: () => {
          throw AppError.badInput('Invalid name', [
            { field: 'name', message: 'must be lowercase' },
          ]);
        },
      },
      crash: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('connection string postgres://secret@db leaked');
        },
      },
      fine: { type: GraphQLString, resolve: () => 'ok' },
    },
  }),
});

const context: GraphQLContext = {
  actor: { kind: 'anonymous' },
  loaders: new Loaders(),
  requestId: 'test',
};

async function run(server: ApolloServer<GraphQLContext>, query: string) {
  const response = await server.executeOperation({ query }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, result: response.body.singleResult };
}

describe('GraphQL error mapping', () => {
  const server = createApolloServer(schema);

  it('maps an AppError to its code and HTTP status', async () => {
    const { status, result } = await run(server, '{ forbidden }');
    expect(status).toBe(403);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toBe('Only admins may do this');
  });

  it('carries field-level problems of BAD_INPUT', async () => {
    const { status, result } = await run(server, '{ badInput }');
    expect(status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'name', message: 'must be lowercase' }],
    });
  });

  it('hides internal errors behind a generic message', async () => {
    const { status, result } = await run(server, '{ crash }');
    expect(status).toBe(500);
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL');
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(JSON.stringify(result)).not.toContain('stacktrace');
  });

  it('keeps partial data with 200 when another field fails', async () => {
    const { status, result } = await run(server, '{ fine forbidden }');
    expect(status ?? 200).toBe(200);
    expect(result.data).toEqual({ fine: 'ok', forbidden: null });
  });

  it('answers malformed documents with 400 and a GraphQL error', async () => {
    const syntax = await run(server, '{ fine ');
    expect(syntax.status).toBe(400);
    expect(syntax.result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await run(server, '{ nope }');
    expect(unknown.status).toBe(400);
    expect(unknown.result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
