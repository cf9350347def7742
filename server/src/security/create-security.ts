/**
 * The security stack of one server: the audit trail, insider-lookup detection,
 * rate limits and GraphQL hardening, as Apollo plugins, validation rules and
 * parse options. app.ts hands them to createApolloServer; the alert resolvers
 * reach the detector through AppServices.security.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { auditPlugin, type AuditedContext } from '../audit/audit-plugin.ts';
import type { AuditStore } from '../audit/audit-store.ts';
import { AuditTrail } from '../audit/AuditTrail.ts';
import { hardeningOptions } from './hardening.ts';
import { InsiderDetector } from './InsiderDetector.ts';
import { RateLimiter, type RateLimit } from './RateLimiter.ts';
import { restoreSuspensions } from './restore-suspensions.ts';
import { securityPlugin } from './security-plugin.ts';

export interface SecurityOptions {
  readonly store: AuditStore;
  readonly production: boolean;
  readonly canaryIds: readonly string[];
  readonly rateLimit?: RateLimit;
  /** Injectable for tests (milliseconds since the epoch). */
  readonly clock?: () => number;
}

export interface Security {
  readonly trail: AuditTrail;
  readonly detector: InsiderDetector;
  readonly rateLimiter: RateLimiter;
  /** For createApolloServer's `extensions`. */
  extensions<TContext extends AuditedContext>(): {
    plugins: ApolloServerPlugin<TContext>[];
    validationRules: ValidationRule[];
    parseOptions: ParseOptions;
  };
}

export function createSecurity(options: SecurityOptions): Security {
  const clock = options.clock ?? Date.now;
  const trail = new AuditTrail({ store: options.store, clock: () => new Date(clock()) });
  const detector = new InsiderDetector({ rules: { canaryIds: new Set(options.canaryIds) }, clock });
  const rateLimiter = new RateLimiter({ ...(options.rateLimit ? { limit: options.rateLimit } : {}), clock });
  const hardening = hardeningOptions({ production: options.production });
  return {
    trail,
    detector,
    rateLimiter,
    extensions<TContext extends AuditedContext>() {
      return {
        plugins: [
          { serverWillStart: async () => void (await restoreSuspensions({ store: options.store, detector })) },
          ...(hardening.plugins as ApolloServerPlugin<BaseContext>[] as ApolloServerPlugin<TContext>[]),
          securityPlugin<TContext>({ detector, rateLimiter }),
          // Its willSendResponse may still replace the answer (fail-closed) after the others ran theirs.
          auditPlugin<TContext>({ trail, detector }),
        ],
        validationRules: hardening.validationRules,
        parseOptions: hardening.parseOptions,
      };
    },
  };
}
