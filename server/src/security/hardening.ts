import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type ASTVisitor, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { inputSizePlugin, inputSizeRule } from './input-size.ts';

/**
 * Limits on what one GraphQL request may ask for. Sized so that the explorer's
 * own operations stay under half of each (a test checks that); anything above
 * is refused before it reaches a resolver, as a GraphQL error with HTTP 400.
 */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 50,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 5000,
  /** Longest string in a literal or a variable, except importCypher's script. */
  maxStringChars: 10_000,
  /** Longest list in a literal or a variable. */
  maxListItems: 1000,
  /** Longest operation, fragment, alias or variable name. */
  maxNameChars: 100,
  /** Whole HTTP body; an import script may be large, every other input is small. */
  maxRequestBytes: 5 * 1024 * 1024,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

export interface HardeningOptions {
  readonly production: boolean;
  /** Other limits than LIMITS (tests size the explorer's operations against half of each). */
  readonly limits?: Limits;
}

/** The ApolloServer options that harden it; spread them into `new ApolloServer({ ... })`. */
export interface HardenedServerOptions {
  readonly validationRules: ValidationRule[];
  readonly plugins: ApolloServerPlugin<BaseContext>[];
  readonly parseOptions: ParseOptions;
  readonly allowBatchedHttpRequests: false;
  readonly csrfPrevention: true;
  readonly introspection: boolean;
  readonly includeStacktraceInErrorResponses: boolean;
  readonly hideSchemaDetailsFromClientErrors: boolean;
}

/** The schema has no subscriptions; say so during validation (400) rather than fail in execution. */
function noSubscriptionsRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        context.reportError(new GraphQLError('Subscriptions are not supported.', { nodes: [node] }));
      }
    },
  };
}

export function hardeningOptions({ production, limits = LIMITS }: HardeningOptions): HardenedServerOptions {
  const armor = new ApolloArmor({
    // graphql-armor's token limit throws from a parsing hook, which Apollo Server 5
    // answers with HTTP 500. graphql-js counts tokens itself (parseOptions.maxTokens)
    // and Apollo answers that as a syntax error, HTTP 400.
    maxTokens: { enabled: false },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: false, exposeLimits: true },
    // graphql-armor lets aliases of __typename through by default; they count here.
    maxAliases: { n: limits.maxAliases, allowList: [], exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    validationRules: [...armor.validationRules, inputSizeRule(limits), noSubscriptionsRule],
    plugins: [...(armor.plugins as ApolloServerPlugin<BaseContext>[]), inputSizePlugin(limits)],
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    // Refuses simple GET and form POSTs that a browser would send cross-site without a preflight.
    csrfPrevention: true,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
  };
}
