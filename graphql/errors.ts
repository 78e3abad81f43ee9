import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { errorStatus, isAppError } from '@/lib/errors';
import { getLogger } from '@/lib/logger';

/** Apollo's own codes for malformed requests; they pass through with their 400. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
]);

/**
 * Maps every error once (DESIGN.md §2 rule 4): an AppError keeps its message and gets
 * `extensions.code` (+ field problems); Apollo's request errors pass through; anything
 * else is logged in full and shown as INTERNAL with a generic message.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isAppError(original)) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(original.fields.length ? { fields: original.fields } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  // Errors we raised ourselves as GraphQLErrors (e.g. while building the context) carry our codes.
  const ours = original instanceof GraphQLError && typeof code === 'string' && code in errorStatus;
  if (ours || (typeof code === 'string' && requestErrorCodes.has(code))) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  getLogger().error({ err: original, path: formatted.path }, 'GraphQL resolver failed');
  return {
    message: 'Something went wrong on our side',
    path: formatted.path,
    extensions: { code: 'INTERNAL' },
  };
}

/**
 * The HTTP status of a response: 200 when any root field came back (partial results are
 * normal GraphQL), otherwise the status of the first error's code.
 */
export function httpStatusFor(
  errors: readonly GraphQLError[],
  hasData: boolean,
): number | undefined {
  const first = errors[0];
  if (hasData || !first) return undefined;
  const original = unwrapResolverError(first);
  if (isAppError(original)) return original.status;
  // A resolver failed unexpectedly; request errors (no path) already carry Apollo's 400.
  return first.path ? 500 : undefined;
}
