/**
 * Browser side of the GraphQL API, for client components: the session cookie goes along,
 * and the first error comes back as an Error whose message is the server's (AppErrors are
 * written for people) with its code and field problems attached.
 */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly fields: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new GraphQLRequestError(
      'Could not reach the server. Check your connection.',
      'NETWORK',
      [],
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: {
      message: string;
      extensions?: { code?: string; fields?: { field: string; message: string }[] };
    }[];
  };
  const first = body.errors?.[0];
  if (first) {
    throw new GraphQLRequestError(
      first.message,
      first.extensions?.code,
      first.extensions?.fields ?? [],
    );
  }
  if (!body.data) throw new GraphQLRequestError('The server sent no data', undefined, []);
  return body.data;
}
