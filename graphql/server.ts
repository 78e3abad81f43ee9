import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { getEnv } from '@/lib/env';
import type { GraphQLContext } from './context';
import { formatError, httpStatusFor } from './errors';
import { complexityLimitPlugin, depthLimitRule } from './limits';
import type { GraphQLSchema } from 'graphql';
import { schema as appSchema } from './schema';

/**
 * Builds the Apollo server: introspection and the sandbox page only in development.
 * `schema` is a parameter so tests can run the real server around a schema of their own.
 */
export function createApolloServer(
  schema: GraphQLSchema = appSchema,
): ApolloServer<GraphQLContext> {
  const env = getEnv();
  const development = env.NODE_ENV === 'development';
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: development,
    includeStacktraceInErrorResponses: development,
    formatError,
    validationRules: [depthLimitRule(env.GRAPHQL_MAX_DEPTH)],
    plugins: [
      development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
      complexityLimitPlugin(schema, env.GRAPHQL_MAX_COMPLEXITY),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response, errors }) {
              if (response.body.kind !== 'single') return;
              const data = response.body.singleResult.data;
              // A failing nullable root field still yields `{ field: null }`: that is no data.
              const hasData = Object.values(data ?? {}).some((value) => value !== null);
              const status = httpStatusFor(errors ?? [], hasData);
              if (status) response.http.status = status;
            },
          };
        },
      },
    ],
  });
}
