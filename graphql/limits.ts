import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';

/** Rejects documents nested deeper than `maxDepth` (introspection's own depth is exempt). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return depthLimit(maxDepth, { ignore: [/^__/] }) as ValidationRule;
}

/**
 * Rejects operations whose estimated cost exceeds `max`. A plugin rather than a
 * validation rule because the cost depends on variables (page sizes), which only exist
 * once the operation is resolved.
 */
export function complexityLimitPlugin(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(
              `Query is too complex: cost ${complexity} exceeds the limit of ${max}`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
