import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { getEnv } from '@/lib/env';
import type { GraphQLContext } from './context';
import { formatError, httpStatusFor } from './errors';
import { complexityLimitPlugin, depthLimitRule } from './limits';
import { schema } from './schema';

/** Builds the Apollo server: introspection and the sandbox page only in development. */
export function createApolloServer(): ApolloServer<GraphQLContext> {
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
              const status = httpStatusFor(errors ?? [], data !== null && data !== undefined);
              if (status) response.http.status = status;
            },
          };
        },
      },
    ],
  });
}
