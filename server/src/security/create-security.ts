/**
 * The security stack of one server: the audit trail, insider-lookup detection,
 * rate limits and GraphQL hardening, as Apollo plugins, validation rules and
 * parse options. app.ts hands them to createApolloServer; the alert resolvers
 * reach the detector through AppServices.security. Everything several servers
 * must agree on lives in the shared state (the database), none of it here.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { auditPlugin, type AuditedContext } from '../audit/audit-plugin.ts';
import type { AuditStore } from '../audit/audit-store.ts';
import { AuditTrail } from '../audit/AuditTrail.ts';
import type { Logger } from '../logger.ts';
import type { SharedStateStore } from '../store/SharedStateStore.ts';
import { hardeningOptions } from './hardening.ts';
import { InsiderDetector, type InsiderRules } from './InsiderDetector.ts';
import { RateLimiter } from './RateLimiter.ts';
import { RefusalFlood } from './RefusalFlood.ts';
import { securityPlugin } from './security-plugin.ts';

export interface SecurityOptions {
  readonly store: AuditStore;
  readonly state: SharedStateStore;
  readonly production: boolean;
  readonly logger: Logger;
  readonly canaryIds: readonly string[];
  readonly thresholds?: InsiderRules['thresholds'];
  readonly rateLimitPerMinute?: number;
  readonly refusalLimitPerMinute?: number;
  /** Injectable for tests (milliseconds since the epoch). */
  readonly clock?: () => number;
}

export interface Security {
  readonly trail: AuditTrail;
  readonly detector: InsiderDetector;
  readonly rateLimiter: RateLimiter;
  /** Refusals before execution per client address; app.ts flushes its summaries on stop. */
  readonly refusals: RefusalFlood;
  /** For createApolloServer's `extensions`. */
  extensions<TContext extends AuditedContext>(): {
    plugins: ApolloServerPlugin<TContext>[];
    validationRules: ValidationRule[];
    parseOptions: ParseOptions;
  };
}

export function createSecurity(options: SecurityOptions): Security {
  const clock = options.clock ?? Date.now;
  const trail = new AuditTrail({ store: options.store, logger: options.logger, clock: () => new Date(clock()) });
  const detector = new InsiderDetector({
    state: options.state,
    rules: { canaryIds: new Set(options.canaryIds), ...(options.thresholds ? { thresholds: options.thresholds } : {}) },
    clock,
  });
  const rateLimiter = new RateLimiter({
    state: options.state,
    ...(options.rateLimitPerMinute === undefined ? {} : { perMinute: options.rateLimitPerMinute }),
    clock,
  });
  const refusals = new RefusalFlood({
    state: options.state,
    trail,
    logger: options.logger,
    ...(options.refusalLimitPerMinute === undefined ? {} : { limit: options.refusalLimitPerMinute }),
    clock,
  });
  const hardening = hardeningOptions({ production: options.production });
  return {
    trail,
    detector,
    rateLimiter,
    refusals,
    extensions<TContext extends AuditedContext>() {
      return {
        plugins: [
          ...(hardening.plugins as ApolloServerPlugin<BaseContext>[] as ApolloServerPlugin<TContext>[]),
          securityPlugin<TContext>({ detector, rateLimiter }),
          // Its willSendResponse may still replace the answer (fail-closed) after the others ran theirs.
          auditPlugin<TContext>({ trail, detector, logger: options.logger }),
        ],
        validationRules: hardening.validationRules,
        parseOptions: hardening.parseOptions,
      };
    },
  };
}
