/**
 * The Apollo server: schema-first SDL, guarded resolvers, one error model.
 * Cross-cutting features (audit, limits, anomaly detection) join as plugins and
 * validation rules through `extensions`, without touching the resolvers.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { AppServices, MaillonContext } from './context.ts';
import { createFormatError } from './format-error.ts';
import { deconflictionPlugin } from '../investigations/deconfliction-plugin.ts';
import { httpStatusPlugin } from '../http-status.ts';
import { createResolvers } from './resolvers/index.ts';
import { rootFieldNames, typeDefs } from './schema.ts';

export interface ApolloExtensions {
  readonly plugins?: ReadonlyArray<ApolloServerPlugin<MaillonContext>>;
  readonly validationRules?: readonly ValidationRule[];
  readonly parseOptions?: ParseOptions;
}

export function createApolloServer(services: AppServices, extensions: ApolloExtensions = {}) {
  const production = services.config.nodeEnv === 'production';
  return new ApolloServer<MaillonContext>({
    typeDefs,
    resolvers: createResolvers(rootFieldNames()),
    formatError: createFormatError(services.logger),
    includeStacktraceInErrorResponses: false,
    // Only signed-in users reach Apollo at all (see login-only.ts); even they get no schema in production.
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    validationRules: [...(extensions.validationRules ?? [])],
    parseOptions: { maxTokens: 5000, ...extensions.parseOptions },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Answers are never cached (Cache-Control: no-store); the default cache-control
      // plugin would still hook every resolved field for hints nobody reads.
      ApolloServerPluginCacheControlDisabled(),
      httpStatusPlugin(),
      deconflictionPlugin(services.logger),
      ...(extensions.plugins ?? []),
    ],
    logger: services.logger,
  });
}
