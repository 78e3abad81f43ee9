import { startServerAndCreateNextHandler } from '@as-integrations/next';
import type { NextRequest } from 'next/server';
import { createContext, type GraphQLContext } from '@/graphql/context';
import { createApolloServer } from '@/graphql/server';

const handler = startServerAndCreateNextHandler<NextRequest, GraphQLContext>(createApolloServer(), {
  context: (request) => createContext(request),
});

/** The integration parses JSON bodies itself and throws on bad ones; that is the client's 400. */
async function handle(request: NextRequest): Promise<Response> {
  try {
    return await handler(request);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return Response.json(
      {
        errors: [
          {
            message: `Request body is not valid JSON: ${error.message}`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
      { status: 400 },
    );
  }
}

export { handle as GET, handle as POST };
